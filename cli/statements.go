package cli

import (
	"slices"

	"github.com/dramatis-app/dramatis/annotation"
	"github.com/dramatis-app/dramatis/annotation/recognize"
	"github.com/dramatis-app/dramatis/storage"
)

// statementFlags keeps --actor and --topic in the order they were given:
// a --topic belongs to the --actor before it. The flag package calls Set
// in command-line order, whatever the flag.
type statementFlags struct {
	vals []statementFlag
}

type statementFlag struct{ kind, value string }

// kind returns the flag.Value that records one of the two flags.
func (s *statementFlags) kind(k string) *statementFlagValue {
	return &statementFlagValue{s, k}
}

type statementFlagValue struct {
	s    *statementFlags
	kind string
}

func (v *statementFlagValue) String() string { return "" }
func (v *statementFlagValue) Set(x string) error {
	v.s.vals = append(v.s.vals, statementFlag{v.kind, x})
	return nil
}

// wantedStatement is one actor with its role and, optionally, a topic
// and stance, as named on the command line.
type wantedStatement struct {
	actorFlag
	topic topicFlag
}

// parse turns the flags into statements: each --actor one without a
// topic, each --topic after it one more for that actor (the first takes
// the actor's own).
func (s *statementFlags) parse() ([]wantedStatement, error) {
	var out []wantedStatement
	lastHasTopic := false
	for _, f := range s.vals {
		if f.kind == "actor" {
			as, err := parseActorFlags([]string{f.value}, toMake)
			if err != nil {
				return nil, err
			}
			out = append(out, wantedStatement{actorFlag: as[0]})
			lastHasTopic = false
			continue
		}
		if len(out) == 0 {
			return nil, usagef("--topic %q comes before any --actor: a topic is what an actor says something about", f.value)
		}
		topic, err := parseTopicFlag(f.value, toMake)
		if err != nil {
			return nil, err
		}
		st := out[len(out)-1]
		st.topic = topic
		if lastHasTopic {
			out = append(out, st)
		} else {
			out[len(out)-1] = st
		}
		lastHasTopic = true
	}
	return out, nil
}

// resolveStatements finds the actors and topics the statements name in
// the library, or adds them to created (new ones with fresh ids, stored
// with the highlight).
func resolveStatements(lib *storage.Library, lang string, wanted []wantedStatement, created *storage.NewTags) ([]annotation.ActorRef, error) {
	var refs []annotation.ActorRef
	var known *builtinActors
	for _, w := range wanted {
		act, ok, err := w.actorFlag.find(lib)
		if err != nil {
			return nil, err
		}
		if !ok {
			if known == nil {
				if known, err = newBuiltinActors(lib); err != nil {
					return nil, err
				}
			}
			act, ok, err = known.find(lib, w.name, lang)
			if err != nil {
				return nil, err
			}
		}
		if !ok {
			act = pendingActor(created.Actors, w.name)
			if act.ID == "" {
				act = annotation.Actor{ID: annotation.NewID(), Name: w.name, Kind: annotation.KindOther}
				created.Actors = append(created.Actors, act)
			}
		} else if act.ID == "" {
			// A built-in actor: the library gets it whole (kind,
			// aliases, Wikidata), once.
			if p := pendingActor(created.Actors, act.Name); p.ID != "" {
				act = p
			} else {
				act.ID = annotation.NewID()
				created.Actors = append(created.Actors, act)
			}
		}
		ref := annotation.ActorRef{ActorID: act.ID, Role: w.role}
		if w.topic != (topicFlag{}) {
			t, ok, err := w.topic.find(lib)
			if err != nil {
				return nil, err
			}
			if !ok {
				if t, err = makeTopicPath(lib.FindTopic, w.topic.name, created); err != nil {
					return nil, err
				}
			}
			ref.Topic, ref.Stance = t.ID, w.topic.stance
		}
		refs = append(refs, ref)
	}
	return refs, nil
}

// builtinActors looks names up in Dramatis's built-in actors, as the
// picker does: "Peking" is China, with its aliases and Wikidata id.
type builtinActors struct{ m *recognize.Matcher }

func newBuiltinActors(lib *storage.Library) (*builtinActors, error) {
	actors, err := lib.Actors()
	if err != nil {
		return nil, err
	}
	return &builtinActors{recognize.NewMatcher(actors)}, nil
}

// find returns the built-in actor (no id) whose name or an alias is name
// exactly, ignoring case and accents; or, when that actor's own name is
// in the library, the library's actor.
func (b *builtinActors) find(lib *storage.Library, name, lang string) (annotation.Actor, bool, error) {
	key := annotation.NameKey(name)
	for _, s := range b.m.Lookup(name, lang, 0) {
		a := s.Actor
		if !slices.ContainsFunc(append([]string{a.Name}, a.Aliases...), func(n string) bool { return annotation.NameKey(n) == key }) {
			continue
		}
		if a.ID != "" {
			return a, true, nil
		}
		if own, ok, err := lib.FindActor(a.Name); err != nil || ok {
			return own, ok, err
		}
		return a, true, nil
	}
	return annotation.Actor{}, false, nil
}

// pendingTopic finds a topic created earlier in the same command.
func pendingTopic(created []annotation.Topic, name string) annotation.Topic {
	for _, t := range created {
		if annotation.NameKey(t.Name) == annotation.NameKey(name) {
			return t
		}
	}
	return annotation.Topic{}
}
