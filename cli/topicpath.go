package cli

import (
	"fmt"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/internal/topicpath"
	"github.com/dramatis-app/dramatis/storage"
)

// topicPathHelp is what the usage lines of the flags that name a topic say
// of "Parent/Topic", as the window's topic field reads it.
const topicPathHelp = "PARENT/TOPIC (or PARENT › TOPIC) names the topic under PARENT, making either if new; a topic whose own name has a / is found by that name first"

// topicFinder looks a topic up by name or alias (Library.FindTopic).
type topicFinder func(string) (annotation.Topic, bool, error)

// findTopicPath finds the topic name means, as the window's topic field
// reads it: a topic named (or aliased) exactly so first, so that one whose
// name has a "/" stays reachable by it; else, for "Parent/Topic"
// (topicpath.Split), the topic named Topic if it sits under Parent. A
// Topic under another parent is an error that says where it is.
func findTopicPath(find topicFinder, name string) (annotation.Topic, bool, error) {
	t, ok, err := find(name)
	if err != nil || ok {
		return t, ok, err
	}
	parent, child, isPath := topicpath.Split(name)
	if !isPath || child == "" {
		return annotation.Topic{}, false, nil
	}
	c, ok, err := find(child)
	if err != nil || !ok {
		return annotation.Topic{}, false, err
	}
	p, ok, err := find(parent)
	if err != nil || !ok || c.Parent != p.ID {
		if err == nil {
			err = fmt.Errorf("the topic %q exists, but not under %q: name it alone", c.Name, parent)
		}
		return annotation.Topic{}, false, err
	}
	return c, true, nil
}

// makeTopicPath finds the topic name means (findTopicPath), or one made
// earlier in the same command, or makes it, as the window's topic field
// does: "Parent/Topic" makes Topic under Parent, an existing top-level
// topic (by name or alias) or a new one. New topics join created, a new
// parent before its child, to be stored in one transaction. Like the
// window it refuses a new Topic whose name a topic has already (names are
// unique at every level) and a Parent that sits under another (one
// level).
func makeTopicPath(find topicFinder, name string, created *storage.NewTags) (annotation.Topic, error) {
	pending := func(n string) (annotation.Topic, bool, error) {
		if t, ok, err := find(n); err != nil || ok {
			return t, ok, err
		}
		t := pendingTopic(created.Topics, n)
		return t, t.ID != "", nil
	}
	if t, ok, err := findTopicPath(pending, name); err != nil || ok {
		return t, err
	}
	parent, child, isPath := topicpath.Split(name)
	if !isPath {
		t := annotation.Topic{ID: annotation.NewID(), Name: name}
		created.Topics = append(created.Topics, t)
		return t, nil
	}
	if child == "" {
		return annotation.Topic{}, usagef("topic %q names no topic after its parent", name)
	}
	if c, ok, err := pending(child); err != nil || ok {
		if err == nil {
			err = fmt.Errorf("%q is a topic already: name it alone", c.Name)
		}
		return annotation.Topic{}, err
	}
	p, ok, err := pending(parent)
	switch {
	case err != nil:
		return annotation.Topic{}, err
	case ok && p.Parent != "":
		return annotation.Topic{}, fmt.Errorf("%q is under another topic: topics go one level deep", p.Name)
	case !ok:
		p = annotation.Topic{ID: annotation.NewID(), Name: parent}
		created.Topics = append(created.Topics, p)
	}
	t := annotation.Topic{ID: annotation.NewID(), Name: child, Parent: p.ID}
	created.Topics = append(created.Topics, t)
	return t, nil
}
