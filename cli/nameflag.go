package cli

import (
	"fmt"
	"strings"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/article"
	"github.com/dramatis-app/dramatis/storage"
)

// colonSuffix is what a --actor or --topic value holds when the word
// after its last colon is neither a role nor a stance ("Nordkorea:spk",
// "Sanktionen:maybe"): most likely a mistyped role or stance, but an
// actor or topic whose name has a colon ("Bündnis:Grüne") is named that
// way too. Which one is meant only the library can say, so the value is
// kept whole and err is the mistake reported if no such name exists.
type colonSuffix struct {
	literal string
	err     error
}

// nameUse is what a command does with the names its --actor and --topic
// flags give, which decides the hint of a mistyped role or stance: a
// filter (list, search) finds only what exists, and has already looked
// for a name with the colon in it; annotate and highlight make what does
// not exist, so a new name with a colon must be told from a mistake.
type nameUse int

const (
	toFind nameUse = iota // list and search: filters
	toMake                // annotate and highlight: statements
)

// colonHint ends the error of --actor or --topic v (what: "actor" or
// "topic") whose word after the last colon is no role or stance (part:
// "role" or "stance"); fix is v written with one, which makes a new name
// with the colon.
func (u nameUse) colonHint(what, part, v, fix string) string {
	if u == toMake {
		return fmt.Sprintf("a new %s whose name has a colon needs the %s too: %s", what, part, fix)
	}
	return fmt.Sprintf("no %s is named %q either", what, v)
}

// find looks name up with find, or, when the value had an unknown word
// after a colon, the whole value: found, it is what the reader meant;
// not found, the word was a mistyped role or stance and u.err says so.
func findNamed[T any](find func(string) (T, bool, error), name string, u colonSuffix) (T, bool, error) {
	if u.literal == "" {
		return find(name)
	}
	v, ok, err := find(u.literal)
	if err != nil || ok {
		return v, ok, err
	}
	return v, false, u.err
}

// actorFlag is one --actor NAME[:ROLE].
type actorFlag struct {
	name string
	role annotation.Role
	// unknown is set when the value ends in a colon and a word that is
	// no role; name and role are then unset.
	unknown colonSuffix
}

// find returns the library's actor the flag names (see findNamed).
func (f actorFlag) find(lib *storage.Library) (annotation.Actor, bool, error) {
	return findNamed(lib.FindActor, f.name, f.unknown)
}

// parseActorFlags splits NAME[:ROLE]. The part after the last colon is a
// role when it is one; a single word that is no role is a mistyped role
// unless an actor of the whole name exists (see colonSuffix); words with
// spaces after the colon are part of the name. Without a role the role is
// "" (annotate's highlight takes it as mentioned; a search filter as any
// role). use words the hint of a mistyped role.
func parseActorFlags(vals []string, use nameUse) ([]actorFlag, error) {
	var out []actorFlag
	for _, v := range vals {
		name, role := v, annotation.Role("")
		if i := strings.LastIndex(v, ":"); i >= 0 {
			r := strings.ToLower(strings.TrimSpace(v[i+1:]))
			switch {
			case annotation.Role(r).Valid():
				name, role = v[:i], annotation.Role(r)
			case !strings.ContainsAny(r, " \t"):
				err := usagef("invalid role %q in --actor %q (use %s; %s)",
					v[i+1:], v, annotation.RoleChoices(), use.colonHint("actor", "role", v, "NAME:"+string(annotation.RoleMentioned)))
				out = append(out, actorFlag{unknown: colonSuffix{article.CleanInline(v), err}})
				continue
			}
		}
		name = article.CleanInline(name)
		if name == "" {
			return nil, usagef("--actor %q has no name", v)
		}
		out = append(out, actorFlag{name: name, role: role})
	}
	return out, nil
}

// topicFlag is one --topic NAME[:STANCE].
type topicFlag struct {
	name   string
	stance annotation.Stance
	// unknown is set when the value ends in a colon and a word that is
	// no stance; name and stance are then unset.
	unknown colonSuffix
}

// find returns the library's topic the flag names (see findNamed), by
// its name or as "Parent/Topic" (findTopicPath).
func (f topicFlag) find(lib *storage.Library) (annotation.Topic, bool, error) {
	return findNamed(func(n string) (annotation.Topic, bool, error) { return findTopicPath(lib.FindTopic, n) }, f.name, f.unknown)
}

// parseTopicFlag splits TOPIC[:STANCE]. The part after the last colon is
// a stance when it reads as one (annotation.ParseStance: a name, a prefix
// of three letters or more, + - 0); a single word that is none is a
// mistyped stance unless a topic of the whole name exists (see
// colonSuffix); words with spaces after the colon are part of the name.
// use words the hint of a mistyped stance.
func parseTopicFlag(v string, use nameUse) (topicFlag, error) {
	name, stance := v, annotation.StanceUnset
	if i := strings.LastIndex(v, ":"); i >= 0 {
		word := strings.TrimSpace(v[i+1:])
		st, ok := annotation.ParseStance(word)
		switch {
		case ok && word != "":
			name, stance = v[:i], st
		case !strings.ContainsAny(word, " \t"):
			return topicFlag{unknown: colonSuffix{article.CleanInline(v), unknownStance(v, word, use)}}, nil
		}
	}
	name = article.CleanInline(name)
	if name == "" {
		return topicFlag{}, usagef("--topic %q has no name", v)
	}
	return topicFlag{name: name, stance: stance}, nil
}

// unknownStance is the error of --topic v whose word after the last colon
// is no stance.
func unknownStance(v, word string, use nameUse) error {
	what := fmt.Sprintf("unknown stance %q in", word)
	if word == "" {
		what = "no stance after the colon of"
	}
	return usagef("%s --topic %q: a stance is %s, the first three letters of one, or + - 0 (%s)",
		what, v, annotation.StanceChoices(), use.colonHint("topic", "stance", v, fmt.Sprintf("%q", v+":unset")))
}

// existing is the library's actor or topic a filter names, found with
// find (an actorFlag's or topicFlag's), or notFound when there is none:
// a filter, unlike annotate, does not make what it names.
func existing[T any](lib *storage.Library, what, name string, find func(*storage.Library) (T, bool, error)) (T, error) {
	v, ok, err := find(lib)
	if err == nil && !ok {
		err = notFound{what, name}
	}
	return v, err
}

// notFound is the error of a filter naming an actor or topic the library
// does not have: one sentence, and the command that lists them. It is
// storage.ErrNotFound to errors.Is.
type notFound struct{ what, name string }

func (e notFound) Error() string {
	return fmt.Sprintf("no %s named %q exists in this library; 'dramatis %ss' lists them", e.what, e.name, e.what)
}

func (e notFound) Unwrap() error { return storage.ErrNotFound }
