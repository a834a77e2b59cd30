package notices_test

import (
	"testing"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/notices"
)

// BenchmarkParseCorpus parses a spread of 200 corpus notices per iteration.
func BenchmarkParseCorpus(b *testing.B) {
	files := corpus.Spread(b, 200)
	b.SetBytes(corpus.Size(files))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := notices.Parse(f.Path, f.Src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
