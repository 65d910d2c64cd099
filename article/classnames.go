package article

import (
	"strings"

	"golang.org/x/net/html"
)

// Class and id patterns. They describe how sites name their page parts; the
// words added to Readability's lists (cookie, consent, newsletter,
// credit, listen, vorlesen, teilen …) cover European news sites.
var (
	kwUnlikely = keywords{"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter"}
	kwMaybe    = keywords{"and", "article", "body", "column", "content", "main", "mathjax", "shadow"}
	kwPositive = keywords{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story"}
	kwNegative = keywords{"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "credit", "copyright"}
	kwByline   = keywords{"byline", "author", "dateline", "writtenby", "p-author"}
	// kwBio are the names of the box about the author that closes many
	// articles: never the article, and a few hundred words long.
	kwBio   = keywords{"author-bio", "authorbio", "author-box", "authorbox", "author-description", "about-author", "about-the-author", "aboutauthor", "author-info", "author-card", "author-profile", "autorenbox", "autor-box", "autorbox", "bio-box", "biobox"}
	kwShare = keywords{"share", "sharedaddy", "sharing", "social", "listen", "audio-player", "audioplayer", "vorlesen", "teilen"}
	// kwUnseen are the names of text a page hides from the eye: whole
	// (hidden) or drawn off-screen for screen readers only, where sites
	// put a second <h1> with their name or a welcome.
	kwUnseen = keywords{"hidden", "sr-only", "screen-reader", "is-aural", "offscreen", "off-screen", "a11y"}
)

// negative reports class/id names that count against a node. Drupal marks
// every field whose label it hides "field--label-hidden": the field's
// content is visible, so that name does not count as "hidden".
func negative(lower string) bool {
	if strings.Contains(lower, "label-hidden") {
		lower = strings.ReplaceAll(lower, "label-hidden", "label")
	}
	return kwNegative.in(lower) || kwBio.in(lower) || hasField(lower, "hid")
}

// unlikelyRoles are ARIA roles of page parts that are never the article.
var unlikelyRoles = map[string]bool{
	"menu": true, "menubar": true, "complementary": true, "navigation": true,
	"alert": true, "alertdialog": true, "dialog": true,
}

// matchString is what class/id patterns are matched against, lower-cased.
func matchString(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if id != "" {
		c += " " + id
	}
	return strings.ToLower(c)
}
