// Package corpus reads the notices that tests and benchmarks run on: the
// repository's fixtures and, when ../shared sits beside the repository, the
// shared corpus of published policies. It returns sources, not parsed
// notices, so that the notices package's own tests can use it too.
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// A File is one notice as read from disk.
type File struct {
	Path string
	Src  []byte
}

// Size is the total length of the files' sources.
func Size(fs []File) int64 {
	var n int64
	for _, f := range fs {
		n += int64(len(f.Src))
	}
	return n
}

// root is the repository root: the nearest folder above the working
// directory (a package folder under go test) that holds go.mod.
func root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("corpus: no go.mod above the working directory")
		}
		dir = parent
	}
}

func glob(tb testing.TB, pattern string) []string {
	tb.Helper()
	out, err := filepath.Glob(pattern)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// Sample reads the fixtures (testdata), the gdpr corpus and, when
// policiesEvery > 0, every policiesEvery-th notice of the policies corpus,
// in that order, stopping before the file that would take the total past
// budget bytes: the real texts that checks of fast paths against slow ones
// run on, bounded so that they stay quick under -race.
func Sample(tb testing.TB, budget, policiesEvery int) []File {
	tb.Helper()
	r := root(tb)
	var paths []string
	for _, g := range []string{"testdata/*/*.md", "testdata/*/*/*.md", "testdata/fuzz/*"} {
		paths = append(paths, glob(tb, filepath.Join(r, g))...)
	}
	paths = append(paths, glob(tb, filepath.Join(r, "..", "shared", "corpus", "gdpr", "*.md"))...)
	if policiesEvery > 0 {
		policies := glob(tb, filepath.Join(r, "..", "shared", "corpus", "policies", "*", "*.md"))
		for i := 0; i < len(policies); i += policiesEvery {
			paths = append(paths, policies[i])
		}
	}
	var out []File
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if budget -= len(src); budget < 0 {
			break
		}
		out = append(out, File{p, src})
	}
	return out
}

// Spread reads n notices spread evenly over the policies corpus, in a fixed
// order, so that benchmarks reflect real notices rather than one fixture. It
// skips the benchmark when the corpus is absent.
func Spread(tb testing.TB, n int) []File {
	tb.Helper()
	files := glob(tb, filepath.Join(root(tb), "..", "shared", "corpus", "policies", "*", "*.md"))
	if len(files) == 0 {
		tb.Skip("../shared/corpus is absent")
	}
	var out []File
	for i := 0; i < len(files) && len(out) < n; i += max(len(files)/n, 1) {
		src, err := os.ReadFile(files[i])
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, File{files[i], src})
	}
	return out
}
