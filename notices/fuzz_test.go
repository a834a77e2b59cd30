package notices_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/noticelint/noticelint/notices"
)

// addSeeds feeds the fuzzer the small fuzz seeds and rule fixtures.
func addSeeds(f *testing.F) {
	for _, glob := range []string{"../testdata/fuzz/*", "../testdata/rules/*/*.md"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			// Large seeds make the fuzzer spend its time minimising; the
			// structure they exercise is covered by small ones.
			if b, err := os.ReadFile(file); err == nil && len(b) <= 4096 {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("1. A\n\n1.1 See section 2.\n\n  1. x\n2. B\n"))
	// Marks of pages converted from HTML: a line of invisible characters,
	// list markers behind empty anchor links, a link contents.
	f.Add([]byte("*   [A](#a)\n*   [B](#b)\n*   [C](#c)\n\u00a0\n[](#a)*   A\n    *   x\n[](u)[](v)1.  B. Text\n \u200b\n[](w)*\tC: y\n"))
}

// FuzzParse checks that any input either fails to decode with a DecodeError
// or yields a notice whose spans all lie inside the source, in order.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := notices.Parse("fuzz.md", src)
		if err != nil {
			utf16 := len(src) >= 2 && (src[0] == 0xFF || src[0] == 0xFE)
			if utf8.Valid(src) && !containsNUL(src) && !utf16 {
				t.Fatalf("valid UTF-8 text rejected: %v", err)
			}
			return
		}
		size := len(n.Source)
		check := func(what string, sp notices.Span) {
			if sp.Start < 0 || sp.End > size || sp.Start > sp.End {
				t.Fatalf("%s span %+v outside source of %d bytes", what, sp, size)
			}
		}
		prev := -1
		n.Walk(func(s *notices.Section) {
			check("section", s.Span)
			if s.Span.Start < prev {
				t.Fatalf("section %q starts before the one before it", s.Number)
			}
			prev = s.Span.Start
			for _, b := range s.Blocks {
				check("block", b.Span)
			}
		})
		for _, r := range n.Refs {
			check("ref", r.Span)
			_ = n.Pos(r.Span.Start)
		}
		for _, c := range n.Contacts {
			check("contact", c.Span)
		}
		for _, p := range n.Paras() {
			for _, s := range notices.Sentences(p.Text) {
				if s.Start < 0 || s.End > len(p.Text) || s.Start >= s.End {
					t.Fatalf("sentence %+v outside para of %d bytes", s, len(p.Text))
				}
			}
		}
	})
}

func containsNUL(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return true
		}
	}
	return false
}
