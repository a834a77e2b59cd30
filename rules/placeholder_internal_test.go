package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The cheap first test never skips a placeholder: checked on every line of
// the fixtures and seeds, and on the forms the pattern is for.
func TestMayHoldPlaceholder(t *testing.T) {
	lines := []string{"[insert email]", "<insert number>", "{{dpo_email}}", "{dpo_email}", "<%= t('name') %>",
		"to be confirmed", "TBC", "tba", "XXXX XXX", "ZXXXXXXX", "***insert link***", "n/a", "@example.org", "dpo@ next"}
	for _, dir := range []string{"../testdata/rules/*/*.md", "../../shared/seeds/*.txt"} {
		files, _ := filepath.Glob(dir)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	for _, l := range lines {
		if placeholder.MatchString(l) && !mayHoldPlaceholder(l) {
			t.Errorf("skipped a placeholder in %q", l)
		}
	}
}

func FuzzMayHoldPlaceholder(f *testing.F) {
	for _, s := range []string{"[insert email]", "TBC", "xxxx", "n/a", "dpo@ x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if placeholder.MatchString(s) && !mayHoldPlaceholder(s) {
			t.Errorf("skipped a placeholder in %q", s)
		}
	})
}
