package article

import (
	"strings"
	"testing"
	"time"
)

// TestCopyDatelineBeatsCaptionDate: a photo caption under the title
// mentions the day the photo was taken; the dateline further down says
// when the article appeared, and wins. Without a dateline the caption's
// date is all there is, and is taken.
func TestCopyDatelineBeatsCaptionDate(t *testing.T) {
	body := strings.Repeat("Thousands of farmers are switching to sorghum after a third failed rainy season in five years, officials say. ", 3)
	caption := "FILE - A farmer inspects a field near Kitui, Kenya, on Feb. 3, 2025. (Photo/Jo Bloggs, File)\n"
	cases := []struct {
		name, header, want string
	}{
		{"dateline below caption", caption + "By Mary Otieno\nUpdated April 2, 2025\n", "2025-04-02"},
		{"caption only", caption, "2025-02-03"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := "World\nBusiness\n\nFarmers turn to sorghum as maize harvests fail\n" + c.header + "\n" + body + "\n\n" + body + "\n"
			a, err := CleanText([]byte(in), c.name)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Published.Format(time.DateOnly); got != c.want {
				t.Errorf("published %s, want %s", got, c.want)
			}
		})
	}
}
