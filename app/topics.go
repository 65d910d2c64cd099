package app

import (
	"fyne.io/fyne/v2"

	"github.com/dramatis-app/dramatis/annotation"
)

// The controller's side of the Topics window.

// showTopics opens (or raises) the Topics window.
func (c *controller) showTopics() {
	if c.topicsW == nil {
		c.topicsW = newTopicsWindow(c)
		c.topicsW.win.SetOnClosed(func() { c.topicsW = nil })
	}
	c.topicsW.reload()
	c.topicsW.win.Show()
	c.topicsW.win.RequestFocus()
}

// loadTopicHighlights reads the highlights with statements on a topic and
// the titles of their articles.
func (c *controller) loadTopicHighlights(id string, then func([]annotation.Highlight, map[string]string, error)) {
	c.loadPassages(func() ([]annotation.Highlight, error) { return c.store.TopicHighlights(id) }, then)
}

// topicChanged runs a change to the topics off the main goroutine, then
// re-reads actors and topics and redraws what shows them.
func (c *controller) topicChanged(what string, parent fyne.Window, change func() error, then func()) {
	var err error
	c.sh.run(func() { err = change() }, func() {
		if err != nil {
			c.sh.showErrorIn(parent, "Could not "+what, err)
			return
		}
		c.reloadActors(then)
	})
}

func (c *controller) saveTopic(t annotation.Topic, parent fyne.Window) {
	c.topicChanged("save the topic", parent, func() error { _, err := c.store.UpdateTopic(t); return err }, nil)
}

func (c *controller) mergeTopics(fromID, intoID string, parent fyne.Window) {
	c.topicChanged("merge the topics", parent, func() error { return c.store.MergeTopics(fromID, intoID) }, func() {
		if c.topicsW != nil {
			c.topicsW.selectTopic(intoID)
		}
	})
}

func (c *controller) deleteTopic(id string, parent fyne.Window) {
	c.topicChanged("delete the topic", parent, func() error { return c.store.DeleteTopic(id) }, nil)
}
