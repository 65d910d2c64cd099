package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dramatis-app/dramatis/internal/fold"
	"github.com/dramatis-app/dramatis/internal/topicpath/pathcases"
)

var testStances = []PickerStance{{"supports", "+", "+"}, {"opposes", "−", "−-–"}, {"neutral", "0", "0"}}

func topicPicker(t *testing.T) *Picker {
	t.Helper()
	p := pickerFixture(t)
	p.SetTopics([]PickerTopic{
		{ID: "t1", Name: "Sanktionen", Aliases: []string{"Sanctions"}},
		{ID: "t2", Name: "Atomprogramm"},
		{ID: "t3", Name: "Ölembargo", Parent: "Sanktionen"},
	}, []PickerTopic{{ID: "t2", Name: "Atomprogramm"}}, testStances)
	fyne.CurrentApp().Driver().CanvasForObject(p).Focus(p.Focus())
	return p
}

func typeKey(f fyne.Focusable, k fyne.KeyName) { f.TypedKey(&fyne.KeyEvent{Name: k}) }

// typeOn types into whatever has the picker's keyboard, as a reader's
// keys arrive: the focus may move while a string is typed.
func typeOn(p *Picker, s string) {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// The whole statement by keyboard: an actor, # for its topic with
// type-ahead, a stance key; a second actor with a new topic; Enter saves.
func TestPickerTopicAndStanceByKeyboard(t *testing.T) {
	p := topicPicker(t)
	var res *PickerResult
	p.OnSubmit = func(r PickerResult) { res = &r }
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	test.Type(p.query, "3") // Kim Jong Un (recent)
	p.query.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierAlt})
	test.Type(p.query, "#")
	if !p.TopicOpen() || c.Focused() != p.TopicField() || p.query.Text != "" {
		t.Fatalf("# did not open the topic field (open %v, focus %T, query %q)", p.TopicOpen(), c.Focused(), p.query.Text)
	}
	test.Type(p.topics.field, "sanct") // an alias, without the case
	typeKey(p.topics.field, fyne.KeyReturn)
	if got := p.Chosen()[0].Topic.Name; got != "Sanktionen" {
		t.Fatalf("topic = %q, want Sanktionen", got)
	}
	test.Type(p.topics.field, "-") // a hyphen for the minus sign
	if p.TopicOpen() || c.Focused() != p.query {
		t.Fatal("the stance key did not return to the name field")
	}
	test.Type(p.query, "pjö")
	typeKey(p.query, fyne.KeyReturn)
	test.Type(p.query, "#")
	test.Type(p.topics.field, "Raketentests")
	typeKey(p.topics.field, fyne.KeyReturn) // a new topic
	test.Type(p.topics.field, "0")
	typeKey(p.query, fyne.KeyReturn) // Enter on the empty name field saves
	if res == nil || len(res.Actors) != 2 {
		t.Fatalf("submitted %+v", res)
	}
	kim, nk := res.Actors[0], res.Actors[1]
	if kim.ID != "a3" || kim.Role != "speaker" || kim.Topic.ID != "t1" || kim.Stance != "opposes" {
		t.Errorf("first statement = %+v", kim)
	}
	if nk.ID != "a1" || nk.Topic.ID != "" || nk.Topic.Name != "Raketentests" || nk.Stance != "neutral" {
		t.Errorf("second statement = %+v", nk)
	}
}

// Readers who do not use topics type what they always typed: the name
// field keeps the keyboard after an actor is chosen and Enter saves.
func TestPickerWithTopicsKeepsTheTwoKeyPath(t *testing.T) {
	p := topicPicker(t)
	var res *PickerResult
	p.OnSubmit = func(r PickerResult) { res = &r }
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	test.Type(p.query, "1")
	if c.Focused() != p.query || p.TopicOpen() {
		t.Fatal("choosing an actor took the keyboard away from the name field")
	}
	typeKey(p.query, fyne.KeyReturn)
	if res == nil || len(res.Actors) != 1 || res.Actors[0].Topic.Name != "" || res.Actors[0].Stance != "" {
		t.Fatalf("submitted %+v", res)
	}
}

// After a topic, a letter that is no stance key ends the topic step and
// starts the next actor's name; Escape and Enter in the empty field go
// back without a stance, and the picker stays open.
func TestPickerTopicStepEndsGently(t *testing.T) {
	p := topicPicker(t)
	cancelled := false
	p.OnCancel = func() { cancelled = true }
	typeOn(p, "1#2") // the second listed topic: Sanktionen after the recent Atomprogramm
	if got := p.Chosen()[0].Topic.Name; got != "Sanktionen" {
		t.Fatalf("digit 2 chose %q", got)
	}
	test.Type(p.topics.field, "R")
	if p.TopicOpen() || p.query.Text != "R" || p.Chosen()[0].Stance != "" {
		t.Fatalf("after R: open %v, query %q, stance %q", p.TopicOpen(), p.query.Text, p.Chosen()[0].Stance)
	}
	p.query.SetText("")
	test.Type(p.query, "#")
	typeKey(p.topics.field, fyne.KeyEscape)
	if p.TopicOpen() || cancelled || p.Chosen()[0].Topic.Name != "Sanktionen" {
		t.Fatalf("Escape in the topic field: open %v, cancelled %v, topic %q", p.TopicOpen(), cancelled, p.Chosen()[0].Topic.Name)
	}
	test.Type(p.query, "#")
	typeKey(p.topics.field, fyne.KeyBackspace)
	if p.TopicOpen() {
		t.Error("Backspace in the empty topic field did not go back")
	}
	typeOn(p, "#ato")
	typeKey(p.topics.field, fyne.KeyReturn)
	typeKey(p.topics.field, fyne.KeyReturn) // no stance
	if s := p.Chosen()[0]; s.Topic.Name != "Atomprogramm" || s.Stance != "" || p.TopicOpen() {
		t.Errorf("statement = %+v, open %v", s, p.TopicOpen())
	}
}

// One actor can make statements on several topics: picking it again once
// its statement has a topic adds another.
func TestPickerSameActorOnTwoTopics(t *testing.T) {
	p := topicPicker(t)
	typeOn(p, "1#1+") // Russland, Atomprogramm, supports
	test.Type(p.query, "russ")
	typeKey(p.query, fyne.KeyReturn)
	typeOn(p, "#sankt")
	typeKey(p.topics.field, fyne.KeyReturn)
	test.Type(p.topics.field, "−")
	got := p.Chosen()
	if len(got) != 2 || got[0].Name != got[1].Name || got[0].Topic.ID != "t2" || got[0].Stance != "supports" || got[1].Topic.ID != "t1" || got[1].Stance != "opposes" {
		t.Fatalf("statements = %+v", got)
	}
	// Picking it a third time while one statement has no topic adds nothing.
	p.SetTopic(1, PickerTopic{})
	test.Type(p.query, "russ")
	typeKey(p.query, fyne.KeyReturn)
	if n := len(p.Chosen()); n != 2 {
		t.Errorf("%d statements after picking the actor again", n)
	}
}

// Without topics offered, # is just a character of a name; Ctrl+Enter in
// the topic field takes what is typed and saves.
func TestPickerHashWithoutTopicsAndCtrlEnter(t *testing.T) {
	p := pickerFixture(t)
	test.Type(p.query, "1#")
	if p.TopicOpen() || p.query.Text != "#" {
		t.Fatalf("without topics #: open %v, query %q", p.TopicOpen(), p.query.Text)
	}
	p = topicPicker(t)
	var res *PickerResult
	p.OnSubmit = func(r PickerResult) { res = &r }
	typeOn(p, "1#ölem")
	p.topics.field.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if res == nil || len(res.Actors) != 1 || res.Actors[0].Topic.ID != "t3" {
		t.Fatalf("Ctrl+Enter in the topic field submitted %+v", res)
	}
}

// allRowTexts are the texts of the picker's rows, header lines and hints
// included, as the reader reads them.
func allRowTexts(p *Picker) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *rowButton:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, ch := range x.Objects {
				walk(ch)
			}
		}
	}
	for _, o := range p.rows.Objects {
		walk(o)
	}
	return out
}

func containsLabel(labels []string, want string) bool {
	for _, l := range labels {
		if strings.Contains(l, want) {
			return true
		}
	}
	return false
}

// A topic under another shows its parent first ("Sanktionen › Ölembargo"),
// and follows its parent when the parent's name is typed; "Parent/" lists
// a parent's topics.
func TestPickerShowsTopicParents(t *testing.T) {
	p := topicPicker(t)
	typeOn(p, "1#")
	if !containsLabel(allRowTexts(p), "Sanktionen › Ölembargo") {
		t.Errorf("rows: %q", allRowTexts(p))
	}
	test.Type(p.topics.field, "sankt")
	got := p.TopicMatches("sankt")
	if len(got) != 2 || got[0].ID != "t1" || got[1].ID != "t3" {
		t.Errorf("matches for sankt: %+v", got)
	}
	for _, q := range []string{"Sanktionen/", "sanctions › ", "sank>öl"} {
		if got := p.TopicMatches(q); len(got) != 1 || got[0].ID != "t3" {
			t.Errorf("matches for %q: %+v", q, got)
		}
	}
}

// Typing Parent/Name (or Parent › Name, Parent > Name) creates a topic
// under the parent, found by name or alias, or under a new parent; a
// name that exists, or a parent that is itself under one, creates
// nothing and says why.
func TestPickerNewTopicUnderAParent(t *testing.T) {
	for _, tt := range []struct {
		typed, row            string
		name, parent, parentI string
	}{
		{"Sanktionen/Finanzen", "New topic “Finanzen” under Sanktionen", "Finanzen", "Sanktionen", "t1"},
		{"sanctions › Banken", "New topic “Banken” under Sanktionen", "Banken", "Sanktionen", "t1"},
		{"Wirtschaft > Zölle", "New topic “Zölle” under new topic “Wirtschaft”", "Zölle", "Wirtschaft", ""},
	} {
		p := topicPicker(t)
		var res *PickerResult
		p.OnSubmit = func(r PickerResult) { res = &r }
		typeOn(p, "1#"+tt.typed)
		if !containsLabel(allRowTexts(p), tt.row) {
			t.Errorf("%q: rows %q, want %q", tt.typed, allRowTexts(p), tt.row)
			continue
		}
		typeKey(p.topics.field, fyne.KeyReturn)
		test.Type(p.topics.field, "+")
		typeKey(p.query, fyne.KeyReturn)
		if res == nil || len(res.Actors) != 1 {
			t.Fatalf("%q: submitted %+v", tt.typed, res)
		}
		got := res.Actors[0]
		if got.Topic.ID != "" || got.Topic.Name != tt.name || got.Topic.Parent != tt.parent || got.Topic.ParentID != tt.parentI || got.Stance != "supports" {
			t.Errorf("%q: statement %+v", tt.typed, got)
		}
	}
	p := topicPicker(t)
	typeOn(p, "1#sanktionen/Ölembargo")
	if rows := allRowTexts(p); p.topics.newRow || !containsLabel(rows, "“Ölembargo” is a topic already") || !containsLabel(rows, "1") && len(p.topics.shown) != 1 {
		t.Errorf("an existing name: new row %v, rows %q", p.topics.newRow, rows)
	}
	p.topics.field.SetText("Ölembargo/Teil")
	if rows := allRowTexts(p); p.topics.newRow || !containsLabel(rows, "topics go one level deep") {
		t.Errorf("under a sub-topic: new row %v, rows %q", p.topics.newRow, rows)
	}
}

// The chosen statement names the new topic with its parent.
func TestPickerStatementShowsTheParent(t *testing.T) {
	p := topicPicker(t)
	typeOn(p, "1#Sanktionen/Finanzen")
	typeKey(p.topics.field, fyne.KeyReturn)
	found := false
	for _, o := range p.chosenBox.Objects {
		if b := findFirstButton(o, "Sanktionen › Finanzen (new)"); b {
			found = true
		}
	}
	if !found {
		t.Error("the statement line does not show “Sanktionen › Finanzen (new)”")
	}
	// Too long with its parent for the line: the topic alone.
	if got := statementTopicLabel(PickerTopic{ID: "x", Name: "Wirtschaftssanktionen", Parent: "Außenpolitik"}); got != "Wirtschaftssanktionen" {
		t.Errorf("long label: %q", got)
	}
}

func findFirstButton(o fyne.CanvasObject, text string) bool {
	switch x := o.(type) {
	case *widget.Button:
		return x.Text == text
	case *rowButton:
		return x.Text == text
	case *fyne.Container:
		for _, ch := range x.Objects {
			if findFirstButton(ch, text) {
				return true
			}
		}
	}
	return false
}

// benchTopics is a large topic list: 200 top-level topics with 10 topics
// under each (2,200), more than a reader's codebook holds.
func benchTopics() []PickerTopic {
	var out []PickerTopic
	for i := range 200 {
		parent := fmt.Sprintf("Oberthema %d", i)
		out = append(out, PickerTopic{ID: fmt.Sprintf("p%d", i), Name: parent, Aliases: []string{fmt.Sprintf("Parent %d", i)}})
		for j := range 10 {
			out = append(out, PickerTopic{ID: fmt.Sprintf("c%d-%d", i, j), Name: fmt.Sprintf("Unterthema %d-%d", i, j), Parent: parent})
		}
	}
	return out
}

// BenchmarkPickerTopicMatches times one keystroke's matching in the topic
// field over 2,200 topics: a name, a parent's name (its topics follow),
// and a Parent/Name path.
func BenchmarkPickerTopicMatches(b *testing.B) {
	test.NewTempApp(b)
	p := NewPicker(nil, nil, nil, []string{"speaker", "target", "mentioned"}, []string{"person", "state"})
	p.SetTopics(benchTopics(), nil, testStances)
	// The reference: matching names and aliases alone, as the field did
	// before parents took part, for a ratio within one run.
	b.Run("reference names only", func(b *testing.B) {
		q := fold.String("unterthema 17-3")
		for b.Loop() {
			for _, t := range p.topics.library {
				matchScore(q, PickerActor{Name: t.Name, Aliases: t.Aliases})
			}
		}
	})
	for _, q := range []string{"unterthema 17-3", "oberthema 17", "Oberthema 17/unter", "Parent 17 › 3"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				p.TopicMatches(q)
			}
		})
	}
}

// The picker reads a typed topic as the command line's --topic does: one
// table (internal/topicpath/pathcases) for both.
func TestPickerNewTopicReadsPathsAsTheCommandLine(t *testing.T) {
	p := pickerFixture(t)
	p.SetTopics(nil, nil, testStances)
	for _, tc := range pathcases.Cases(t) {
		got, hint := p.newTopicFor(strings.TrimSpace(tc.Input))
		if hint != "" || got.Name != tc.Child || got.Parent != tc.Parent || got.ParentID != "" {
			t.Errorf("%q makes %+v (hint %q), want %q under %q", tc.Input, got, hint, tc.Child, tc.Parent)
		}
	}
}
