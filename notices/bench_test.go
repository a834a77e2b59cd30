package notices_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/noticelint/noticelint/notices"
)

func BenchmarkParse(b *testing.B) {
	path := filepath.Join("..", "testdata", "notices", "fenwick-care-trust-clean.md")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := notices.Parse(path, src); err != nil {
			b.Fatal(err)
		}
	}
}
