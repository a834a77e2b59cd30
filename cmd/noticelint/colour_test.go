package main

import (
	"strings"
	"testing"

	"github.com/fatih/color"
)

// An explicit --color wins over NO_COLOR, for lint and for diff; auto and
// never still print none.
func TestColourFlagWinsOverNoColor(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	defer func(was bool) { color.NoColor = was }(color.NoColor)
	const old, new = "../../testdata/diff/renumbered/old.md", "../../testdata/diff/renumbered/new.md"
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"lint", "--color", "always", example}, true},
		{[]string{"lint", "--color", "never", example}, false},
		{[]string{"lint", example}, false},
		{[]string{"diff", "--color", "always", old, new}, true},
		{[]string{"diff", "--color", "never", old, new}, false},
	} {
		color.NoColor = true // as fatih/color starts under NO_COLOR
		out, _, _ := run(t, "", c.args...)
		if got := strings.Contains(out, "\x1b["); got != c.want {
			t.Errorf("NO_COLOR=1 noticelint %s: colour %v, want %v\n%.300q", strings.Join(c.args, " "), got, c.want, out)
		}
	}
}
