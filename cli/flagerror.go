package cli

import (
	"flag"
	"regexp"
	"strconv"
	"time"
)

// flagMessages match the flag package's error strings, which speak of
// "flag -limit" and "parse error" rather than of what the reader typed.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.+)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -+(.+)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]+): (.*)$`)
)

// flagError rewords an error of fs.Parse as a sentence about the option
// the reader typed; an error a flag's own Set returned (already worded
// for the reader) is kept.
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		return usagef("there is no option --%s", m[1])
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return usagef("--%s needs a value after it", m[1])
	}
	m := flagBadValue.FindStringSubmatch(msg)
	if m == nil {
		return usageError{msg}
	}
	// The flag package quoted the value (%q): unquoted, it is quoted once
	// again below as the reader typed it, not with its escapes doubled.
	value, name, why := m[1], m[2], m[3]
	if v, err := strconv.Unquote(`"` + value + `"`); err == nil {
		value = v
	}
	f := fs.Lookup(name)
	if f == nil {
		return usageError{msg}
	}
	getter, ok := f.Value.(flag.Getter)
	if !ok {
		return usagef("--%s %q: %s", name, value, why)
	}
	switch getter.Get().(type) {
	case bool:
		return usagef("--%s=%q: give true or false (or only --%s)", name, value, name)
	case time.Duration:
		return usagef("--%s %q is not a duration (write it like 30s, 2m or 1h30m)", name, value)
	case int, int64, uint, uint64, float64:
		if why == strconv.ErrRange.Error() { // "value out of range", as flag words it too
			return usagef("--%s %s is too large", name, value)
		}
		return usagef("--%s %q is not a number", name, value)
	}
	return usagef("--%s %q: %s", name, value, why)
}
