// Package recognize finds the actors an article names: the reader's library
// actors and the built-in states, organisations and leaders by their names
// and aliases (German and English, inflected forms included), and new people
// and organisations discovered by name patterns and context. A Matcher built
// once per library state answers the actor picker (Suggest, Lookup) and the
// command line (Discover).
//
// The model it recognises into (Actor, Kind) lives in package annotation;
// recognition only reads it.
package recognize
