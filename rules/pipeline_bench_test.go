package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

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
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "policies", "*", "*.md"))
	if len(files) == 0 {
		b.Skip("../shared/corpus is absent")
	}
	var (
		paths []string
		srcs  [][]byte
		size  int64
	)
	for i := 0; i < len(files) && len(srcs) < 300; i += max(len(files)/300, 1) {
		src, err := os.ReadFile(files[i])
		if err != nil {
			b.Fatal(err)
		}
		paths = append(paths, files[i])
		srcs = append(srcs, src)
		size += int64(len(src))
	}
	all := rules.All()
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.Table))
		b.SetBytes(size)
		for b.Loop() {
			for _, src := range srcs {
				md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for i, src := range srcs {
				if _, err := notices.Parse(paths[i], src); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("lint", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for i, src := range srcs {
				n, err := notices.Parse(paths[i], src)
				if err != nil {
					b.Fatal(err)
				}
				lint.Check(n, nil, lint.Options{Rules: all})
			}
		}
	})
}
