package article

import "strings"

// authorBoxWords bounds the text of an author box: a name, a sentence or
// two about the author, links.
const authorBoxWords = 60

// dropAuthorBox drops the box about the author that closes many pages
// (the byline's name on a line of its own, "… covers East Africa for …",
// social links): among the last blocks, the first that is just one of
// the authors' names starts the boxes when little text follows.
func dropAuthorBox(a *Article) {
	for i := max(1, len(a.Blocks)-2*authorBoxBlocks); i < len(a.Blocks); i++ {
		if !isAuthorName(a.Blocks[i].Text, a.Authors) {
			continue
		}
		words := 0
		for _, b := range a.Blocks[i:] {
			words += countWords(b.Text)
		}
		if words <= authorBoxWords*len(a.Authors) {
			a.Blocks = a.Blocks[:i]
		}
		return
	}
}

// authorBoxBlocks is about how many blocks one author's box takes.
const authorBoxBlocks = 4

// isAuthorName reports whether s is one of the authors' names, in any case.
func isAuthorName(s string, authors []string) bool {
	for _, au := range authors {
		if strings.Contains(au, " ") && strings.EqualFold(strings.TrimSpace(s), au) {
			return true
		}
	}
	return false
}
