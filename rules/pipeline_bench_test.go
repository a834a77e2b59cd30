package rules_test

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// BenchmarkPipelineCorpus times, on the same 300 corpus notices and in the
// same run, the floor (a goldmark parse and nothing else, what
// scripts/parseonly does per file), noticelint's Parse, and Parse plus every
// rule. Compare the ns/op of "lint" with "goldmark" for the ratio the speed
// target is stated in; scripts/bench measures the same ratio end to end.
func BenchmarkPipelineCorpus(b *testing.B) {
	files := corpus.Spread(b, 300)
	size := corpus.Size(files)
	all := rules.All()
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.Table))
		b.SetBytes(size)
		for b.Loop() {
			for _, f := range files {
				md.Parser().Parse(text.NewReader(f.Src), parser.WithContext(parser.NewContext()))
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, f := range files {
				if _, err := notices.Parse(f.Path, f.Src); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("lint", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, f := range files {
				n, err := notices.Parse(f.Path, f.Src)
				if err != nil {
					b.Fatal(err)
				}
				lint.Check(n, nil, lint.Options{Rules: all})
			}
		}
	})
}
