package notices_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/noticelint/noticelint/notices"
)

func parseFile(t testing.TB, path string) *notices.Notice {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := notices.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// changes lists every changed entry as "OLD>NEW change", clauses included.
func changes(c *notices.Comparison) []string {
	var out []string
	c.Walk(func(d *notices.SectionDiff) {
		if d.Change == 0 {
			return
		}
		num := func(s *notices.Section) string {
			if s == nil {
				return "-"
			}
			if s.Number == "" {
				return s.Title
			}
			return s.Number
		}
		out = append(out, num(d.Old)+">"+num(d.New)+" "+d.Change.String())
	})
	return out
}

// Each fixture in testdata/diff shows one kind of change; the list pins
// every entry the comparison calls changed, so a false positive fails too.
func TestCompareFixtures(t *testing.T) {
	want := map[string][]string{
		"identical":  nil,
		"reworded":   {"1.1>1.1 reworded", "3.1>3.1 reworded"},
		"retitled":   {"2>2 retitled"},
		"renumbered": {"->3 added", "->3.1 added", "3>4 renumbered", "3.2>4.2 reworded", "4>5 renumbered", "5>6 renumbered"},
		"broken-ref": {"->3 added", "->3.1 added", "3>4 renumbered", "4>5 renumbered", "5>6 renumbered"},
		"moved":      {"4>3 renumbered, moved", "3>4 renumbered"},
		"added":      {"->6 added", "->6.1 added"},
		"removed":    {"6>- removed", "6.1>- removed"},
		"split":      {"2>2 split", "2.2>- removed", "->3 added", "->3.1 added", "3>4 renumbered", "3.2>4.2 reworded", "4>5 renumbered", "5>6 renumbered"},
		"merged":     {"2>2 merged", "->2.2 added", "3>- removed", "3.1>- removed", "4>3 renumbered", "4.2>3.2 reworded", "5>4 renumbered", "6>5 renumbered"},
		"clauses":    {"2.2>3.2 moved", "3.2>3.3 renumbered"},
		"compliance": {"1.2>1.2 reworded", "6.1>6.1 reworded"},
	}
	dirs, _ := filepath.Glob("../testdata/diff/*")
	if len(dirs) != len(want) {
		t.Errorf("%d fixtures, %d expectations", len(dirs), len(want))
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("no expectation for fixture %s", name)
			}
			c := notices.Compare(parseFile(t, filepath.Join(dir, "old.md")), parseFile(t, filepath.Join(dir, "new.md")))
			if diff := cmp.Diff(w, changes(c)); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			if got := c.Changed(); got != (w != nil) {
				t.Errorf("Changed() = %v", got)
			}
		})
	}
}

// Comparing any notice with itself finds nothing: no changes, no broken
// references, no preamble diff.
func TestCompareIdentical(t *testing.T) {
	files, _ := filepath.Glob("../testdata/diff/*/old.md")
	more, _ := filepath.Glob("../testdata/notices/*.md")
	for _, f := range append(files, more...) {
		n := parseFile(t, f)
		if c := notices.Compare(n, parseFile(t, f)); c.Changed() || len(c.Refs) > 0 {
			t.Errorf("%s compared with itself: %v, %d refs", f, changes(c), len(c.Refs))
		}
	}
}

func TestBrokenReference(t *testing.T) {
	c := notices.Compare(parseFile(t, "../testdata/diff/broken-ref/old.md"), parseFile(t, "../testdata/diff/broken-ref/new.md"))
	if len(c.Refs) != 1 {
		t.Fatalf("%d broken references, want 1", len(c.Refs))
	}
	r := c.Refs[0]
	if r.New.Text != "section 5" || r.New.Target.Title != "Your rights" || r.Intended == nil || r.Intended.Number != "6" {
		t.Errorf("broken reference read wrongly: %q -> %v, intended %v", r.New.Text, r.New.Target.Label(), r.Intended)
	}
	// Following the renumbering is not breaking it.
	c = notices.Compare(parseFile(t, "../testdata/diff/renumbered/old.md"), parseFile(t, "../testdata/diff/renumbered/new.md"))
	if len(c.Refs) != 0 {
		t.Errorf("renumbered fixture: %d broken references, want 0", len(c.Refs))
	}
}

// Re-wrapping a paragraph or re-indenting a list is not a change.
func TestCompareIgnoresWhitespace(t *testing.T) {
	old := "# Notice\n\n## 1. Who we are\n\n1.1 We are a housing association\nin Kent with 9,000 homes.\n\n- one\n- two\n"
	new := "# Notice\n\n## 1. Who we are\n\n1.1   We are a housing association in Kent\n   with 9,000\thomes.\n\n  - one\n  - two\n"
	a, _ := notices.Parse("a.md", []byte(old))
	b, _ := notices.Parse("b.md", []byte(new))
	if c := notices.Compare(a, b); c.Changed() {
		t.Errorf("whitespace-only change reported: %v", changes(c))
	}
	// Two paragraphs joined into one: the same words, laid out differently.
	a, _ = notices.Parse("a.md", []byte("## Sharing\n\nWe share with partners.\n\nWe ask them to delete it.\n"))
	b, _ = notices.Parse("b.md", []byte("## Sharing\n\nWe share with partners. We ask them to delete it.\n"))
	if c := notices.Compare(a, b); c.Changed() {
		t.Errorf("joined paragraphs reported: %v %+v", changes(c), c.Sections[0].Edits)
	}
}

// The edits of every pair rebuild both texts: kept and deleted text is the
// old text, kept and inserted text the new one.
func TestEditsRebuildBothTexts(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/diff/*")
	for _, dir := range dirs {
		o, n := parseFile(t, filepath.Join(dir, "old.md")), parseFile(t, filepath.Join(dir, "new.md"))
		c := notices.Compare(o, n)
		c.Walk(func(d *notices.SectionDiff) {
			var a, b strings.Builder
			for _, e := range d.Edits {
				if e.Op != notices.Insert {
					a.WriteString(e.Text)
				}
				if e.Op != notices.Delete {
					b.WriteString(e.Text)
				}
			}
			if d.Old != nil && !strings.Contains(squash(d.Old.Text()), squash(a.String())) {
				t.Errorf("%s: old text of %s not rebuilt: %q", dir, d.Old.Number, a.String())
			}
			if d.New != nil && !strings.Contains(squash(d.New.Text()), squash(b.String())) {
				t.Errorf("%s: new text of %s not rebuilt: %q", dir, d.New.Number, b.String())
			}
		})
	}
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// The real pair of seed notices: an older and a newer version of one
// housing association's notice.
func TestCompareSeeds(t *testing.T) {
	oldPath, newPath := "../../shared/seeds/001_1e299fd3d48f26ea.txt", "../../shared/seeds/000_012f2c22baed37e5.txt"
	if _, err := os.Stat(oldPath); err != nil {
		t.Skip("../shared/seeds is not available")
	}
	c := notices.Compare(parseFile(t, oldPath), parseFile(t, newPath))
	top := map[string]string{}
	for _, d := range c.Sections {
		if d.Change == 0 {
			continue
		}
		k := "-"
		if d.Old != nil {
			k = d.Old.Number + " " + d.Old.Title
		}
		v := "-"
		if d.New != nil {
			v = d.New.Number + " " + d.New.Title
		}
		top[k+" > "+v] = d.Change.String()
	}
	for k, v := range map[string]string{
		"9 Automated decision making > -":                  "removed",
		"- > 14 Data Protection Impact Assessments":        "added",
		"- > 15 Commitment to Refer":                       "added",
		"15 Make a complaint > 16 How to make a complaint": "renumbered, retitled",
		"10 Our legal basis for using your personal information > 9 Our legal basis for using your personal information": "renumbered",
		"28 Phishing > 29 Phishing":           "renumbered",
		" Data protection >  Data protection": "reworded, split",
	} {
		if top[k] != v {
			t.Errorf("%s: got %q, want %q", k, top[k], v)
		}
	}
	if len(c.Refs) != 1 || c.Refs[0].New.Para.Section.Number != "3.4" || c.Refs[0].Intended.Number != "16" {
		t.Fatalf("broken references: %+v", c.Refs)
	}
	moved := false
	c.Walk(func(d *notices.SectionDiff) {
		if d.Old != nil && d.New != nil && d.Old.Number == "4.2" && d.New.Number == "5.6" && d.Change&notices.Moved != 0 {
			moved = true
		}
	})
	if !moved {
		t.Error("clause 4.2 (now 5.6) not seen as moved")
	}
}

// TestCompareCorpusVersions compares every consecutive pair of dated
// versions in ../shared/corpus/versions (file names sort by date) and checks
// that each finishes, that every section is accounted for once, and that a
// version compared with itself shows nothing. With -v it prints the counts.
func TestCompareCorpusVersions(t *testing.T) {
	orgs, _ := filepath.Glob("../../shared/corpus/versions/*")
	if len(orgs) == 0 {
		t.Skip("../shared/corpus/versions is not available")
	}
	var pairs, matchedTop, matchedAll, sections int
	var total, slowest time.Duration
	slowName := ""
	for _, org := range orgs {
		files, _ := filepath.Glob(filepath.Join(org, "*.md"))
		sort.Strings(files)
		for i := 1; i < len(files); i++ {
			old, new := parseFile(t, files[i-1]), parseFile(t, files[i])
			start := time.Now()
			c := notices.Compare(old, new)
			el := time.Since(start)
			total += el
			if el > slowest {
				slowest, slowName = el, files[i]
			}
			pairs++
			seen := 0
			c.Walk(func(d *notices.SectionDiff) {
				if d.Old != nil {
					seen++
				}
				if d.New != nil {
					seen++
				}
				if d.Old != nil && d.New != nil {
					matchedAll++
					if d.Old.Level == 1 {
						matchedTop++
					}
				}
			})
			all := 0
			old.Walk(func(*notices.Section) { all++ })
			new.Walk(func(*notices.Section) { all++ })
			sections += all
			if seen != all {
				t.Errorf("%s: %d sections in the comparison, %d in the notices", files[i], seen, all)
			}
			if notices.Compare(new, new).Changed() {
				t.Errorf("%s compared with itself changed", files[i])
			}
		}
	}
	t.Logf("%d pairs; %d sections and clauses in all; %d pairs matched (%d top-level); compare time %v in all, %v a pair on average, slowest %v (%s)",
		pairs, sections, matchedAll, matchedTop, total.Round(time.Millisecond), (total / time.Duration(pairs)).Round(time.Microsecond),
		slowest.Round(time.Millisecond), slowName)
}
