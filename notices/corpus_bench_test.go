package notices_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noticelint/noticelint/notices"
)

// corpusSample reads up to n notices of the shared corpus, in a fixed order,
// so that profiles of Parse reflect real notices rather than one fixture.
func corpusSample(b *testing.B, n int) (paths []string, srcs [][]byte, size int64) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "policies", "*", "*.md"))
	if len(files) == 0 {
		b.Skip("../shared/corpus is absent")
	}
	step := max(len(files)/n, 1)
	for i := 0; i < len(files) && len(srcs) < n; i += step {
		src, err := os.ReadFile(files[i])
		if err != nil {
			b.Fatal(err)
		}
		paths = append(paths, files[i])
		srcs = append(srcs, src)
		size += int64(len(src))
	}
	return paths, srcs, size
}

// BenchmarkParseCorpus parses a spread of 200 corpus notices per iteration.
func BenchmarkParseCorpus(b *testing.B) {
	paths, srcs, size := corpusSample(b, 200)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			if _, err := notices.Parse(paths[i], src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
