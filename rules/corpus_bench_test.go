package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// BenchmarkRulesCorpus runs each rule over a spread of 200 parsed corpus
// notices: the fixture in BenchmarkRules is one clean notice, and real
// notices reach code paths (long paragraphs, many contacts) it does not.
func BenchmarkRulesCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "policies", "*", "*.md"))
	if len(files) == 0 {
		b.Skip("../shared/corpus is absent")
	}
	var ns []*notices.Notice
	var size int64
	for i := 0; i < len(files) && len(ns) < 200; i += max(len(files)/200, 1) {
		src, err := os.ReadFile(files[i])
		if err != nil {
			b.Fatal(err)
		}
		n, err := notices.Parse(files[i], src)
		if err != nil {
			b.Fatal(err)
		}
		ns = append(ns, n)
		size += int64(len(src))
	}
	for _, r := range rules.All() {
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, n := range ns {
					lint.Check(n, nil, lint.Options{Rules: []*lint.Rule{r}})
				}
			}
		})
	}
}
