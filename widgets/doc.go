// Package widgets holds Dramatis's own Fyne widgets: the ArticleView (a
// selectable, highlightable reader that builds objects only for the lines in
// view), the actor Picker and the HighlightCard of the notes list.
//
// They know nothing of the library, of annotation or of the app: they take
// plain values (a Document of Blocks, Highlights as ranges and colours,
// PickerActors, kinds and roles as strings) and report what the reader did
// through callbacks and result values. The app translates.
package widgets
