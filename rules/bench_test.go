package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// benchNotice is the long realistic fixture: about 30 KB, the size of a
// typical published notice.
func benchNotice(b *testing.B) *notices.Notice {
	b.Helper()
	path := filepath.Join("..", "testdata", "notices", "fenwick-care-trust-clean.md")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	n, err := notices.Parse(path, src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	return n
}

func BenchmarkRules(b *testing.B) {
	for _, r := range rules.All() {
		b.Run(r.ID, func(b *testing.B) {
			n := benchNotice(b)
			b.ReportAllocs()
			for b.Loop() {
				lint.Check(n, nil, lint.Options{Rules: []*lint.Rule{r}})
			}
		})
	}
}
