package article

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestInPageZone(t *testing.T) {
	utc := time.Date(2023, 1, 17, 0, 30, 41, 0, time.UTC)
	tests := []struct {
		name   string
		others []string
		want   string // the day and offset the moment is given in
	}{
		{"an offset of the same moment", []string{"2023-01-16T16:30:41-08:00"}, "2023-01-16 -0800"},
		{"a wall time whole hours away", []string{"2023-01-16 16:30:41"}, "2023-01-16 -0800"},
		{"another moment with an offset", []string{"2023-01-16T10:00:00-08:00"}, "2023-01-17 +0000"},
		{"a wall time off by seconds", []string{"2023-01-16 16:30:00"}, "2023-01-17 +0000"},
		{"a day without a time", []string{"2023-01-16"}, "2023-01-17 +0000"},
		{"a wall time farther than any zone", []string{"2023-01-15 16:30:41"}, "2023-01-17 +0000"},
		{"nothing else declared", nil, "2023-01-17 +0000"},
	}
	for _, tt := range tests {
		if got := inPageZone(utc, tt.others).Format("2006-01-02 -0700"); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
	berlin := time.Date(2023, 1, 17, 1, 30, 41, 0, time.FixedZone("", 3600))
	if got := inPageZone(berlin, []string{"2023-01-16 16:30:41"}); !got.Equal(berlin) || got.Format("-0700") != "+0100" {
		t.Errorf("a moment declared with its zone moved to %v", got)
	}
}

func TestPagePublishedTime(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"a comment's time comes first", `<ol class="comment-list"><li class="comment"><time datetime="2020-09-23T18:19:06+02:00">x</time></li></ol>
			<article><time datetime="2020-09-20T10:00:00+02:00">y</time></article>`, "2020-09-20"},
		{"only related articles' times", `<article><p>text</p></article><ul class="related-posts"><li><time datetime="2020-12-03 07:32:49">z</time></li></ul>`, ""},
		{"the publication date before another time", `<time datetime="2021-11-04T16:53:50+01:00">a</time><time itemprop="datePublished" datetime="2021-11-02T02:00:00+01:00">b</time>`, "2021-11-02"},
		{"an article filed under comment", `<article class="post category-comment"><time datetime="2019-01-03T07:00:00Z">c</time></article>`, "2019-01-03"},
		{"a part that names its comment count", `<div class="duet--article--date-and-comments"><time datetime="2019-01-03T07:00:00Z">c</time></div>`, "2019-01-03"},
		{"only the date of the last change", `<time itemprop="dateModified" datetime="2016-09-14T07:07:00-04:00">Last updated September 14, 2016</time>`, ""},
		{"the body's state classes", `<body class="active-footer-widgets-0"><time datetime="2019-10-19T17:05:55+00:00">d</time></body>`, "2019-10-19"},
		{"a moment in UTC and the page's wall time", `<meta property="article:published_time" content="2023-11-09T05:30:59+00:00"><time datetime="2023-11-08 23:30:59">e</time>`, "2023-11-08"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><head></head>" + tt.body + "</html>"))
		if err != nil {
			t.Fatal(err)
		}
		got := readMetadata(doc, "").Published
		if s := got.Format(time.DateOnly); got.IsZero() && tt.want != "" || !got.IsZero() && s != tt.want {
			t.Errorf("%s: got %v, want %q", tt.name, got, tt.want)
		}
	}
}
