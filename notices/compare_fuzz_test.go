package notices_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/noticelint/noticelint/notices"
)

// FuzzCompare checks that any two texts compare without panicking, that
// every entry is consistent (a pair has both sides, an added entry only the
// new one, edits rebuild each side) and that a text compared with itself
// shows no change.
func FuzzCompare(f *testing.F) {
	var seeds [][]byte
	for _, glob := range []string{"../testdata/fuzz/*", "../testdata/diff/*/*.md"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			// Large seeds make the fuzzer spend its time minimising.
			if b, err := os.ReadFile(file); err == nil && len(b) <= 4096 {
				seeds = append(seeds, b)
			}
		}
	}
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)])
	}
	f.Add([]byte("1. A\n\n1.1 See section 2.\n\n2. B\n"), []byte("1. B\n\n1.1 See section 2.\n\n2. A\n\n2.1 x\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		if !utf8.Valid(a) || !utf8.Valid(b) {
			return
		}
		old, err1 := notices.Parse("old.md", a)
		new, err2 := notices.Parse("new.md", b)
		if err1 != nil || err2 != nil {
			return
		}
		c := notices.Compare(old, new)
		c.Walk(func(d *notices.SectionDiff) {
			switch {
			case d.Old == nil && d.New == nil:
				t.Fatal("entry with neither side")
			case d.Old == nil && d.Change != notices.Added, d.New == nil && d.Change != notices.Removed:
				t.Fatalf("one-sided entry marked %s", d.Change)
			case d.Old != nil && d.New != nil && d.Change&(notices.Added|notices.Removed) != 0:
				t.Fatalf("pair marked %s", d.Change)
			}
			if d.Similarity < 0 || d.Similarity > 1 {
				t.Fatalf("similarity %v", d.Similarity)
			}
		})
		seen := map[*notices.Section]int{}
		c.Walk(func(d *notices.SectionDiff) {
			if d.Old != nil {
				seen[d.Old]++
			}
			if d.New != nil {
				seen[d.New]++
			}
		})
		for s, k := range seen {
			if k > 1 {
				t.Fatalf("section %q appears in %d entries", s.Number, k)
			}
		}
		countAll := func(n *notices.Notice) int {
			k := 0
			n.Walk(func(*notices.Section) { k++ })
			return k
		}
		if len(seen) != countAll(old)+countAll(new) {
			t.Fatalf("%d sections in entries, %d in the notices", len(seen), countAll(old)+countAll(new))
		}
		if self := notices.Compare(old, old); self.Changed() {
			t.Fatal("a notice compared with itself changed")
		}
	})
}
