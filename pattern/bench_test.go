package pattern_test

import (
	"testing"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// BenchmarkIndex times the one pass over every paragraph that finds the
// literals of all the parser's and rules' patterns, on 300 corpus notices.
func BenchmarkIndex(b *testing.B) {
	var texts []string
	size := 0
	for _, f := range corpus.Spread(b, 300) {
		n, err := notices.Parse(f.Path, f.Src)
		if err != nil {
			continue
		}
		for _, p := range n.Paras() {
			texts = append(texts, p.Text)
			size += len(p.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			pattern.Index(t)
		}
	}
}

// BenchmarkCompileSet times what a run pays once before its first notice:
// compiling the parser's and the rules' patterns into a set and building
// the set's automaton (the regexps themselves compile on first use).
func BenchmarkCompileSet(b *testing.B) {
	var exprs []string
	for _, p := range pattern.Default.Patterns() {
		exprs = append(exprs, p.String())
	}
	b.ReportAllocs()
	for b.Loop() {
		s := pattern.NewSet()
		for _, e := range exprs {
			s.MustCompile(e)
		}
		s.Index("")
	}
}
