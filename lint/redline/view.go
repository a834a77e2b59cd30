package redline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/noticelint/noticelint/notices"
)

// What the renderers share: how a section is named, which entries are
// shown, the counts of the summary and the wording of a broken reference.

// Kinds lists the change kinds in the order every format shows them.
var Kinds = append([]string{"unchanged"}, notices.ChangeNames()...)

// Counts is how many sections and clauses changed in each way. A clause of
// an added or removed section is not counted again.
type Counts struct {
	Sections map[string]int `json:"sections"`
	Clauses  map[string]int `json:"clauses"`
}

// Counts tallies the changes by kind; a section that is renumbered and
// retitled counts under both.
func (r *Report) Counts() Counts {
	c := Counts{Sections: map[string]int{}, Clauses: map[string]int{}}
	for _, k := range Kinds {
		c.Sections[k], c.Clauses[k] = 0, 0
	}
	var walk func([]*notices.SectionDiff, bool)
	walk = func(ds []*notices.SectionDiff, top bool) {
		for _, d := range ds {
			m := c.Clauses
			if top {
				m = c.Sections
			}
			if d.Change == 0 {
				m["unchanged"]++
			}
			for _, n := range d.Change.Names() {
				m[n]++
			}
			if d.Change&(notices.Added|notices.Removed) == 0 {
				walk(d.Clauses, false)
			}
		}
	}
	walk(r.Sections, true)
	return c
}

// side is the version of a section an entry is named after: the new one,
// or the old one for a removed section.
func side(d *notices.SectionDiff) *notices.Section {
	if d.New != nil {
		return d.New
	}
	return d.Old
}

// heading names an entry: "15 → 16 How to make a complaint", "9 Automated
// decision making", "Feedback".
func heading(d *notices.SectionDiff) string {
	num := ""
	switch {
	case d.Old != nil && d.New != nil && d.Old.Number != d.New.Number:
		num = d.Old.Number + " → " + d.New.Number
	default:
		num = side(d).Number
	}
	t := side(d).Title
	if side(d).Kind == notices.Clause {
		t = "" // a clause's "title" is its first words, shown in the diff anyway
	}
	return strings.TrimSpace(num + " " + t)
}

// changeWords is the entry's change for a reader: "renumbered, retitled",
// or "3 clauses changed" for a section that only changed inside.
func changeWords(d *notices.SectionDiff) string {
	words := d.Change.Names()
	if d.Change&(notices.Added|notices.Removed) == 0 {
		if n := changedClauses(d); n > 0 {
			words = append(words, plural(n, "clause")+" changed")
		}
	}
	if len(words) == 0 {
		return "unchanged"
	}
	return strings.Join(words, ", ")
}

func changedClauses(d *notices.SectionDiff) int {
	n := 0
	for _, c := range d.Clauses {
		if c.Changed() {
			n++
		}
	}
	return n
}

// changed returns the entries of ds that changed.
func changed(ds []*notices.SectionDiff) []*notices.SectionDiff {
	var out []*notices.SectionDiff
	for _, d := range ds {
		if d.Changed() {
			out = append(out, d)
		}
	}
	return out
}

// titleChange is the old and new title of a retitled entry.
func titleChange(d *notices.SectionDiff) (string, string, bool) {
	if d.Change&notices.Retitled == 0 {
		return "", "", false
	}
	return d.Old.Title, d.New.Title, true
}

// partsNote explains a split or merge: "split from 4 (Data protection)".
func partsNote(d *notices.SectionDiff) string {
	if len(d.Parts) == 0 {
		return ""
	}
	var names []string
	for _, p := range d.Parts {
		names = append(names, p.Label())
	}
	list := strings.Join(names, ", ")
	switch {
	case d.Change&notices.Added != 0:
		return "split from " + list + " of the old version"
	case d.Change&notices.Removed != 0:
		return "merged into " + list + " of the new version"
	case d.Change&notices.Split != 0 && d.Change&notices.Merged != 0:
		return "split and merged with " + list
	case d.Change&notices.Split != 0:
		return "part of it now stands as " + list
	default:
		return "absorbed " + list + " of the old version"
	}
}

// refMessage says what a broken reference meant and where it now points.
func refMessage(rc *notices.RefChange) string {
	was := rc.Old.Target.Label()
	now := "nothing: there is no " + rc.New.Text
	if rc.New.Target != nil {
		now = rc.New.Target.Label()
	}
	if rc.Intended == nil {
		return fmt.Sprintf("%q pointed to %s, which was removed; it now points to %s.", rc.New.Text, was, now)
	}
	return fmt.Sprintf("%q pointed to %s, which is now %s; it now points to %s.", rc.New.Text, was, rc.Intended.Label(), now)
}

// refFix suggests the corrected reference, when the target survived.
func refFix(rc *notices.RefChange) string {
	if rc.Intended == nil || rc.Intended.Number == "" {
		return ""
	}
	return "Point the reference to " + rc.Intended.Label() + "."
}

// refWhere names the section a reference stands in, for a reader.
func refWhere(rc *notices.RefChange) string {
	if rc.New.Para == nil || rc.New.Para.Section == nil {
		return "the introduction"
	}
	return rc.New.Para.Section.Label()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// anchors gives every changed entry a unique, stable fragment id derived
// from its number (or title), so links survive regeneration.
type anchors struct {
	ids  map[*notices.SectionDiff]string
	seen map[string]int
}

func newAnchors(r *Report) *anchors {
	// The introduction's anchor is taken, so an unnumbered section called
	// "Introduction" gets another.
	a := &anchors{ids: map[*notices.SectionDiff]string{}, seen: map[string]int{"s-introduction": 1}}
	r.Walk(func(d *notices.SectionDiff) {
		if !d.Changed() {
			return
		}
		s := side(d)
		base := s.Number
		if base == "" {
			base = s.Title
		}
		id := slug(base)
		if d.New == nil {
			id = "removed-" + id
		}
		id = "s-" + id
		a.seen[id]++
		if n := a.seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		a.ids[d] = id
	})
	return a
}

func (a *anchors) id(d *notices.SectionDiff) string { return a.ids[d] }

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '.':
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// context trims the unchanged text of a diff to a few words either side of
// each change, so a text or Markdown report shows what changed and not the
// whole section again.
func context(es []notices.Edit, keep int) []notices.Edit {
	out := make([]notices.Edit, 0, len(es))
	for i, e := range es {
		if e.Op != notices.Equal {
			out = append(out, e)
			continue
		}
		t := e.Text
		first, last := i == 0, i == len(es)-1
		runes := []rune(t)
		switch {
		case first && last:
			// an unchanged section has nothing to show
			t = ""
		case first && len(runes) > keep:
			t = "…" + trimLeftWord(string(runes[len(runes)-keep:]))
		case last && len(runes) > keep:
			t = trimRightWord(string(runes[:keep])) + "…"
		case !first && !last && len(runes) > 2*keep+10:
			t = trimRightWord(string(runes[:keep])) + " … " + trimLeftWord(string(runes[len(runes)-keep:]))
		}
		out = append(out, notices.Edit{Op: notices.Equal, Text: t})
	}
	return out
}

func trimLeftWord(s string) string {
	if i := strings.IndexAny(s, " \n"); i >= 0 && i < len(s)-1 {
		return s[i:]
	}
	return s
}

func trimRightWord(s string) string {
	if i := strings.LastIndexAny(s, " \n"); i > 0 {
		return s[:i+1]
	}
	return s
}

// wholeLines calls emit for each line of an added or removed entry's text,
// its clauses included: a clause's number, written by head, leads its first
// line as in the notice, and a titled section's heading stands on its own.
func wholeLines(d *notices.SectionDiff, head func(*notices.SectionDiff) string, emit func(string)) {
	var walk func(*notices.SectionDiff, bool)
	walk = func(d *notices.SectionDiff, top bool) {
		var lines []string
		for _, e := range d.Edits {
			lines = append(lines, strings.Split(e.Text, "\n")...)
		}
		if !top {
			if len(lines) > 0 && side(d).Kind == notices.Clause {
				lines[0] = head(d) + " " + lines[0]
			} else {
				lines = append([]string{head(d)}, lines...)
			}
		}
		for _, line := range lines {
			emit(line)
		}
		for _, c := range d.Clauses {
			walk(c, false)
		}
	}
	walk(d, true)
}
