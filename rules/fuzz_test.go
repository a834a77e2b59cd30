package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// FuzzCheck runs every rule over arbitrary notices: no rule may panic (the
// runner would turn a panic into an "internal error" finding, which this
// treats as a failure) and every finding must point inside the file.
func FuzzCheck(f *testing.F) {
	for _, glob := range []string{"../testdata/fuzz/*", "../testdata/rules/*/*.md"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			// Large seeds make the fuzzer spend its time minimising; the
			// structure they exercise is covered by small ones.
			if b, err := os.ReadFile(file); err == nil && len(b) <= 4096 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := notices.Parse("fuzz.md", src)
		if err != nil {
			return
		}
		lines := 1
		for _, c := range n.Source {
			if c == '\n' {
				lines++
			}
		}
		for _, fd := range lint.Check(n, nil, lint.Options{Rules: rules.All()}) {
			if fd.Line < 1 || fd.Line > lines || fd.Column < 1 || fd.EndLine < fd.Line {
				t.Fatalf("finding outside the file: %+v", fd)
			}
			if len(fd.Message) > 8 && fd.Message[:8] == "internal" {
				t.Fatalf("rule panicked: %s", fd.Message)
			}
		}
	})
}
