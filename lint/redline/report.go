package redline

import (
	"cmp"
	"slices"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// Report is the comparison of two versions with its compliance delta.
type Report struct {
	*notices.Comparison
	// Refs are the references the change broke, less those the rules
	// already found wrong in the old version: a reference that pointed to
	// the wrong section before was not broken by this change, and its
	// finding is in Resolved or Carried.
	Refs []*notices.RefChange
	// Introduced are findings of the new version that the old one did not
	// have; Resolved are findings of the old version that are gone; Carried
	// pairs the findings present in both.
	Introduced, Resolved []lint.Finding
	Carried              []CarriedFinding
	// Elements are the required-content elements (UK GDPR Art 13/14) a
	// change removed or added: present before and missing or partial
	// after, or the other way round. Empty when the caller gave no
	// checklist (Lint.Elements).
	Elements []ElementChange
	// OldVersion and NewVersion say what the two sides are, for the
	// header; Tool names the noticelint that wrote the report. The caller
	// sets them: Build knows only the two notices.
	OldVersion, NewVersion Version
	Tool                   string
}

// Version says what one side of the comparison is.
type Version struct {
	// Label names it: what the user chose (--old-label, --new-label), else
	// the argument it was read from ("origin/main:notices/a.md").
	Label string `json:"label"`
	// Commit and Date are, for a version read from git as REV:PATH, the
	// commit REV names and its commit date (RFC 3339); empty for a file.
	Commit string `json:"commit,omitempty"`
	Date   string `json:"date,omitempty"`
}

// label is the version's label, or path when none was set.
func (v Version) label(path string) string {
	if v.Label != "" {
		return v.Label
	}
	return path
}

// origin says which commit a version came from: "commit 1a2b3c4d5e6f of
// 2025-03-01T10:00:00Z", or "" for a file.
func (v Version) origin() string {
	if v.Commit == "" {
		return ""
	}
	c := v.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if v.Date == "" {
		return "commit " + c
	}
	return "commit " + c + " of " + v.Date
}

// ElementChange is a required-content element whose status the change
// moved: Old and New are "present", "missing", "partial" or "na".
type ElementChange struct {
	ID  string `json:"id"`
	Old string `json:"old"`
	New string `json:"new"`
	// Removed says the old version stated the element and the new one
	// does not; otherwise the change added it.
	Removed bool `json:"removed"`
}

// Element is one element's status in one version, as Lint.Elements gives
// it.
type Element struct {
	ID, Status string
}

// CarriedFinding is a finding present in both versions.
type CarriedFinding struct {
	Old lint.Finding `json:"old"`
	New lint.Finding `json:"new"`
}

// Lint is how a report lints both versions: the caller's rules and
// settings. The engine knows no rule by name, so the caller also says which
// rule finds wrong cross-references.
type Lint struct {
	// Check lints one version; nil lints nothing.
	Check func(*notices.Notice) []lint.Finding
	// RefRule is the ID of the rule whose findings mark a reference as
	// already wrong: such a reference in the old version was not broken by
	// the change.
	RefRule string
	// Elements judges a version's required-content elements (the
	// checklist); nil reports no element changes.
	Elements func(*notices.Notice) []Element
}

// Build compares two parsed versions and lints both as l says.
func Build(old, new *notices.Notice, l Lint) *Report {
	r := &Report{Comparison: notices.Compare(old, new)}
	var fo, fn []lint.Finding
	if l.Check != nil {
		fo, fn = l.Check(old), l.Check(new)
	}
	r.delta(fo, fn)
	r.Elements = []ElementChange{}
	if l.Elements != nil {
		r.Elements = elementChanges(l.Elements(old), l.Elements(new))
	}
	wrong := map[notices.Pos]bool{}
	for _, f := range fo {
		if l.RefRule != "" && f.Rule == l.RefRule {
			wrong[notices.Pos{Line: f.Line, Col: f.Column}] = true
		}
	}
	r.Refs = []*notices.RefChange{}
	for _, rc := range r.Comparison.Refs {
		if !wrong[old.Pos(rc.Old.Span.Start)] {
			r.Refs = append(r.Refs, rc)
		}
	}
	return r
}

// elementChanges pairs the elements of two versions by ID and keeps those
// that went from present to missing or partial (removed) or back (added).
// A move into or out of "na" is a change of the facts, not of the text's
// content, and is left out.
func elementChanges(olds, news []Element) []ElementChange {
	was := map[string]string{}
	for _, e := range olds {
		was[e.ID] = e.Status
	}
	var out []ElementChange
	for _, e := range news {
		o, ok := was[e.ID]
		if !ok || o == e.Status || o == "na" || e.Status == "na" {
			continue
		}
		switch {
		case o == "present":
			out = append(out, ElementChange{ID: e.ID, Old: o, New: e.Status, Removed: true})
		case e.Status == "present":
			out = append(out, ElementChange{ID: e.ID, Old: o, New: e.Status})
		}
	}
	return append([]ElementChange{}, out...)
}

// Count returns how many introduced findings are at or above sev.
func (r *Report) Count(sev lint.Severity) int {
	n := 0
	for _, f := range r.Introduced {
		if f.Severity >= sev {
			n++
		}
	}
	return n
}

// Changed reports whether the report has anything to say: a change to the
// text, or to compliance.
func (r *Report) Changed() bool {
	return r.Comparison.Changed() || len(r.Introduced) > 0 || len(r.Resolved) > 0 || len(r.Elements) > 0
}

// findingKey is a finding's identity across versions: its rule and the
// aligned section it stands in (nil for the preamble and the notice as a
// whole). Lines and numbers shift with every edit; identities do not.
type findingKey struct {
	rule string
	sec  *notices.SectionDiff
}

// delta matches the findings of the two versions by rule and aligned
// section: within one such group, findings with the same message pair
// first, then the rest in document order.
func (r *Report) delta(olds, news []lint.Finding) {
	group := map[findingKey][]int{}
	for i, f := range olds {
		k := findingKey{f.Rule, r.ForOld(sectionOf(r.Old, f))}
		group[k] = append(group[k], i)
	}
	usedOld := make([]bool, len(olds))
	pairOf := make([]int, len(news))
	newGroups := map[findingKey][]int{}
	for j, f := range news {
		pairOf[j] = -1
		k := findingKey{f.Rule, r.ForNew(sectionOf(r.New, f))}
		newGroups[k] = append(newGroups[k], j)
	}
	for k, js := range newGroups {
		is := group[k]
		// Same message first, then whatever is left, in order.
		for _, j := range js {
			for _, i := range is {
				if !usedOld[i] && olds[i].Message == news[j].Message {
					usedOld[i], pairOf[j] = true, i
					break
				}
			}
		}
		for _, j := range js {
			if pairOf[j] >= 0 {
				continue
			}
			for _, i := range is {
				if !usedOld[i] {
					usedOld[i], pairOf[j] = true, i
					break
				}
			}
		}
	}
	r.Introduced, r.Resolved, r.Carried = []lint.Finding{}, []lint.Finding{}, []CarriedFinding{}
	for j, f := range news {
		if pairOf[j] < 0 {
			r.Introduced = append(r.Introduced, f)
		} else {
			r.Carried = append(r.Carried, CarriedFinding{Old: olds[pairOf[j]], New: f})
		}
	}
	for i, f := range olds {
		if !usedOld[i] {
			r.Resolved = append(r.Resolved, f)
		}
	}
	lint.Sort(r.Introduced)
	lint.Sort(r.Resolved)
	slices.SortStableFunc(r.Carried, func(a, b CarriedFinding) int {
		return cmp.Or(cmp.Compare(a.New.Line, b.New.Line), cmp.Compare(a.New.Column, b.New.Column), cmp.Compare(a.New.Rule, b.New.Rule))
	})
}

// sectionOf returns the innermost section or clause that holds a finding, or
// nil for findings about the notice as a whole or outside any section.
func sectionOf(n *notices.Notice, f lint.Finding) *notices.Section {
	if f.Section == "" {
		return nil
	}
	return n.SectionAt(n.Offset(notices.Pos{Line: f.Line, Col: f.Column}))
}
