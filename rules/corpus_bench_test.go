package rules_test

import (
	"testing"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// BenchmarkRulesCorpus runs each rule over a spread of 200 parsed corpus
// notices: the fixture in BenchmarkRules is one clean notice, and real
// notices reach code paths (long paragraphs, many contacts) it does not.
func BenchmarkRulesCorpus(b *testing.B) {
	files := corpus.Spread(b, 200)
	var ns []*notices.Notice
	for _, f := range files {
		n, err := notices.Parse(f.Path, f.Src)
		if err != nil {
			b.Fatal(err)
		}
		ns = append(ns, n)
	}
	size := corpus.Size(files)
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
