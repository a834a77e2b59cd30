package notices

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Change says how one section differs between two versions of a notice. A
// section can change in several ways at once (renumbered and retitled), so
// Change is a set; Added and Removed stand alone.
type Change uint16

const (
	// Reworded: the section's own text changed (its clauses are compared
	// on their own).
	Reworded Change = 1 << iota
	// Renumbered: "15" became "16". A clause counts as renumbered only when
	// its own part of the number changed, not because its section was.
	Renumbered
	// Retitled: the title changed.
	Retitled
	// Moved: the section left its place among its siblings, or a clause went
	// to another section.
	Moved
	// Added: the section is new.
	Added
	// Removed: the section is gone.
	Removed
	// Split: part of the old section's text now stands as a section of its
	// own (see SectionDiff.Parts).
	Split
	// Merged: a removed section's text was folded into this one (see
	// SectionDiff.Parts).
	Merged
)

var changeNames = []string{"reworded", "renumbered", "retitled", "moved", "added", "removed", "split", "merged"}

// ChangeNames lists the names of the changes in the order of their bits;
// they are a public contract (JSON output).
func ChangeNames() []string { return slices.Clone(changeNames) }

// Names returns the names of the changes in c, in a fixed order.
func (c Change) Names() []string {
	var out []string
	for i, name := range changeNames {
		if c&(1<<i) != 0 {
			out = append(out, name)
		}
	}
	return out
}

func (c Change) String() string {
	if c == 0 {
		return "unchanged"
	}
	return strings.Join(c.Names(), ", ")
}

// SectionDiff is one section seen in both versions: the pair, or a section
// present in only one of them.
type SectionDiff struct {
	// Old and New are the section in each version; one is nil when the
	// section was added or removed.
	Old, New *Section
	Change   Change
	// Similarity of the section's own text, 0 to 1 (1 when unchanged).
	Similarity float64
	// Edits is the word-level diff of the section's own text (its title
	// apart: a title change is Retitled with Old.Title and New.Title). Blocks
	// are joined by "\n"; whitespace and line wrapping are normalised away.
	Edits []Edit
	// Clauses are the section's children aligned the same way, in the new
	// version's order with removed ones where they stood.
	Clauses []*SectionDiff
	// Parts names the other side of a split or merge: for an added section,
	// the old section it was split from; for a removed one, the new section
	// it was merged into; for a pair marked Split or Merged, those sections.
	Parts []*Section
}

// Changed reports whether the section or any of its clauses changed.
func (d *SectionDiff) Changed() bool {
	if d.Change != 0 {
		return true
	}
	for _, c := range d.Clauses {
		if c.Changed() {
			return true
		}
	}
	return false
}

// Comparison is the section-by-section difference between two versions of a
// notice.
type Comparison struct {
	Old, New *Notice
	// Sections are the top-level sections in the new version's order, with
	// removed ones placed after the section that preceded them.
	Sections []*SectionDiff
	// Preamble is the word diff of the text before the first section (table
	// of contents excluded: it only mirrors the sections); nil when equal.
	Preamble []Edit
	// Refs are the cross-references that the change broke.
	Refs []*RefChange
	// Coarse is set when a word diff hit its time limit and fell back to
	// replacing whole lines: the report is still right, only less fine.
	Coarse bool

	byOld, byNew map[*Section]*SectionDiff
}

// ForOld returns the diff entry of a section of the old version.
func (c *Comparison) ForOld(s *Section) *SectionDiff { return c.byOld[s] }

// ForNew returns the diff entry of a section of the new version.
func (c *Comparison) ForNew(s *Section) *SectionDiff { return c.byNew[s] }

// Changed reports whether anything differs: a section, the preamble, the
// title, or a reference.
func (c *Comparison) Changed() bool {
	if c.Preamble != nil || len(c.Refs) > 0 || c.TitleChanged() {
		return true
	}
	for _, d := range c.Sections {
		if d.Changed() {
			return true
		}
	}
	return false
}

// TitleChanged reports whether the notice's own title changed.
func (c *Comparison) TitleChanged() bool { return norm(c.Old.Title) != norm(c.New.Title) }

// Walk calls fn for every entry, clauses after their section, in order.
func (c *Comparison) Walk(fn func(*SectionDiff)) {
	var walk func([]*SectionDiff)
	walk = func(ds []*SectionDiff) {
		for _, d := range ds {
			fn(d)
			walk(d.Clauses)
		}
	}
	walk(c.Sections)
}

// Bounds on the work alignment and wording diffs may do, so that no input
// makes a comparison run away. Exact matches are found by hashing, in linear
// time; only sections left over are compared by similarity, each with at
// most maxCandidates others near its expected position.
const (
	maxCandidates = 48
	// diffTimeout bounds one go-diff call; diffBudget bounds them all, after
	// which changed lines are shown as replaced whole.
	diffTimeout = 100 * time.Millisecond
	diffBudget  = 3 * time.Second
)

// Compare aligns the sections of two versions of a notice by identity —
// title and content, not number — and classifies each: unchanged,
// reworded, renumbered, retitled, moved, added, removed, split or merged.
// It also diffs their wording and finds the references the change broke.
func Compare(old, new *Notice) *Comparison {
	c := &Comparison{Old: old, New: new, byOld: map[*Section]*SectionDiff{}, byNew: map[*Section]*SectionDiff{}}
	cx := &comparer{c: c, info: map[*Section]*secInfo{}, deadline: time.Now().Add(diffBudget)}
	c.Sections = cx.alignLevel(old.Sections, new.Sections)
	cx.moveClauses()
	cx.splitsAndMerges(c.Sections)
	c.Walk(cx.classify)
	pre := cx.wordDiff(preambleText(old), preambleText(new))
	if !equalOnly(pre) {
		c.Preamble = pre
	}
	c.Refs = brokenRefs(c)
	return c
}

// comparer holds the caches of one comparison.
type comparer struct {
	c        *Comparison
	info     map[*Section]*secInfo
	deadline time.Time
}

// secInfo is what alignment knows about a section, computed once.
type secInfo struct {
	title    string // normalised, lower case
	own      string // normalised own text, blocks joined by "\n"
	body     string // own text and all descendants', titles included, own title excluded
	shingles []uint64
	words    int
	tw       []string // titleWords(title), computed on first use
	twDone   bool
}

func (cx *comparer) get(s *Section) *secInfo {
	if in := cx.info[s]; in != nil {
		return in
	}
	in := &secInfo{title: strings.ToLower(norm(s.Title)), own: ownText(s)}
	var b strings.Builder
	b.WriteString(in.own)
	for _, ch := range s.Children {
		b.WriteByte('\n')
		b.WriteString(norm(ch.Title))
		b.WriteByte('\n')
		b.WriteString(cx.get(ch).body)
	}
	in.body = b.String()
	cx.info[s] = in
	return in
}

func (cx *comparer) shingles(s *Section) []uint64 {
	in := cx.get(s)
	if in.shingles == nil {
		in.shingles, in.words = shingles(in.body)
	}
	return in.shingles
}

func (in *secInfo) titleWords() []string {
	if !in.twDone {
		in.tw, in.twDone = titleWords(in.title), true
	}
	return in.tw
}

// alignLevel pairs the sections of one level (the top level, or the clauses
// of one aligned pair) and returns their entries in new order with the
// removed ones where they stood. Clauses of pairs are aligned recursively.
func (cx *comparer) alignLevel(olds, news []*Section) []*SectionDiff {
	match := cx.pair(olds, news)
	var out []*SectionDiff
	oldDone := make([]bool, len(olds))
	newToOld := make([]int, len(news))
	for j := range newToOld {
		newToOld[j] = -1
	}
	for i, j := range match {
		if j >= 0 {
			newToOld[j] = i
		}
	}
	// Walk the new order; before each pair, emit the removed old sections
	// that came before its old counterpart, so each stays next to what
	// preceded it.
	oi := 0
	flushRemoved := func(upTo int) {
		for ; oi < upTo; oi++ {
			if match[oi] < 0 && !oldDone[oi] {
				oldDone[oi] = true
				out = append(out, cx.removed(olds[oi]))
			}
		}
	}
	for j, s := range news {
		i := newToOld[j]
		if i < 0 {
			out = append(out, cx.added(s))
			continue
		}
		if i >= oi {
			flushRemoved(i)
		}
		oldDone[i] = true
		d := &SectionDiff{Old: olds[i], New: s}
		cx.c.byOld[d.Old], cx.c.byNew[d.New] = d, d
		d.Clauses = cx.alignLevel(d.Old.Children, d.New.Children)
		out = append(out, d)
	}
	flushRemoved(len(olds))
	markMoved(out)
	return out
}

func (cx *comparer) added(s *Section) *SectionDiff {
	d := &SectionDiff{New: s, Change: Added}
	cx.c.byNew[s] = d
	for _, ch := range s.Children {
		d.Clauses = append(d.Clauses, cx.added(ch))
	}
	return d
}

func (cx *comparer) removed(s *Section) *SectionDiff {
	d := &SectionDiff{Old: s, Change: Removed}
	cx.c.byOld[s] = d
	for _, ch := range s.Children {
		d.Clauses = append(d.Clauses, cx.removed(ch))
	}
	return d
}

// markMoved flags the pairs that left their order: the pairs outside a
// longest run kept in the same order in both versions. Everything else
// shifted only because of additions and removals around it.
func markMoved(ds []*SectionDiff) {
	var pairs []*SectionDiff
	for _, d := range ds {
		if d.Old != nil && d.New != nil {
			pairs = append(pairs, d)
		}
	}
	if len(pairs) < 2 {
		return
	}
	// pairs are in new order; find the longest increasing run of old
	// positions (patience sorting, n log n).
	pos := make([]int, len(pairs))
	for k, d := range pairs {
		pos[k] = d.Old.Span.Start
	}
	tails, prev := []int{}, make([]int, len(pairs))
	for k, p := range pos {
		at, _ := slices.BinarySearchFunc(tails, p, func(t, p int) int { return cmp.Compare(pos[t], p) })
		if at > 0 {
			prev[k] = tails[at-1]
		} else {
			prev[k] = -1
		}
		if at == len(tails) {
			tails = append(tails, k)
		} else {
			tails[at] = k
		}
	}
	keep := make([]bool, len(pairs))
	for k := tails[len(tails)-1]; k >= 0; k = prev[k] {
		keep[k] = true
	}
	for k, d := range pairs {
		if !keep[k] {
			d.Change |= Moved
		}
	}
}

// pair matches olds to news and returns, for each old index, the new index
// it matches or -1. Exact matches come first (whole section, then body, then
// title), each in document order so that duplicates pair up in turn; the
// remainder is matched by similarity.
func (cx *comparer) pair(olds, news []*Section) []int {
	match := make([]int, len(olds))
	for i := range match {
		match[i] = -1
	}
	taken := make([]bool, len(news))
	byKey := func(key func(*Section) string) {
		idx := map[string][]int{}
		for j, s := range news {
			if !taken[j] {
				if k := key(s); k != "" {
					idx[k] = append(idx[k], j)
				}
			}
		}
		for i, s := range olds {
			if match[i] >= 0 {
				continue
			}
			k := key(s)
			if k == "" || len(idx[k]) == 0 {
				continue
			}
			j := idx[k][0]
			idx[k] = idx[k][1:]
			match[i], taken[j] = j, true
		}
	}
	byKey(func(s *Section) string {
		in := cx.get(s)
		if in.title == "" && in.body == "" {
			return ""
		}
		return in.title + "\x00" + in.body
	})
	// A section with neither title nor text ("Appendix 1" at the end, a
	// number on a line of its own) is known by its number alone, and
	// similarity has no words to find it by.
	byKey(func(s *Section) string {
		if in := cx.get(s); in.title == "" && in.body == "" && s.Key != "" {
			return "\x01" + s.Key
		}
		return ""
	})
	byKey(func(s *Section) string {
		if in := cx.get(s); len(in.body) >= 20 {
			return in.body
		}
		return "" // a short body ("Yes.") says too little about identity
	})
	byKey(func(s *Section) string {
		if s.Kind == Clause {
			return "" // a clause's title is its first words, not a name
		}
		return cx.get(s).title
	})
	cx.similar(olds, news, match, taken)
	return match
}

// A candidate pair found by similarity.
type candidate struct {
	i, j  int
	score float64
}

// similar matches the sections left over by their titles and wording. Each
// old section is compared with at most maxCandidates unmatched new ones
// around its expected position, so the cost is linear in the number of
// sections, not quadratic.
func (cx *comparer) similar(olds, news []*Section, match []int, taken []bool) {
	var ro, rn []int
	for i := range olds {
		if match[i] < 0 {
			ro = append(ro, i)
		}
	}
	for j := range news {
		if !taken[j] {
			rn = append(rn, j)
		}
	}
	if len(ro) == 0 || len(rn) == 0 {
		return
	}
	var cands []candidate
	for k, i := range ro {
		lo, hi := 0, len(rn)
		if len(rn) > maxCandidates {
			mid := k * len(rn) / len(ro)
			lo = max(0, mid-maxCandidates/2)
			hi = min(len(rn), lo+maxCandidates)
			lo = max(0, hi-maxCandidates)
		}
		for _, j := range rn[lo:hi] {
			if sc, ok := cx.score(olds[i], news[j]); ok {
				cands = append(cands, candidate{i, j, sc})
			}
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.i, b.i), cmp.Compare(a.j, b.j))
	})
	for _, cd := range cands {
		if match[cd.i] < 0 && !taken[cd.j] {
			match[cd.i], taken[cd.j] = cd.j, true
		}
	}
}

// score says how alike two sections are and whether they are alike enough
// to be one section: much the same wording under any title; wording that
// mostly survives inside a longer or shorter rewrite; or a similar title, or
// the same number in the same place, over partly similar wording.
func (cx *comparer) score(a, b *Section) (float64, bool) {
	if a.Level != b.Level && (len(a.Children) == 0) != (len(b.Children) == 0) {
		// A clause whose text now sits in the clause of a new section was
		// split off, not promoted (and the other way round: merged).
		return 0, false
	}
	ia, ib := cx.get(a), cx.get(b)
	sa, sb := cx.shingles(a), cx.shingles(b)
	body, overlap := 0.0, 0.0
	if n := intersect(sa, sb); n > 0 {
		body = 2 * float64(n) / float64(len(sa)+len(sb))
		overlap = float64(n) / float64(min(len(sa), len(sb)))
	}
	title := 0.0
	if a.Kind != Clause && b.Kind != Clause {
		title = dice(ia.titleWords(), ib.titleWords())
	}
	sameNumber := a.Key != "" && localNumber(a) == localNumber(b)
	short := ia.words < 8 || ib.words < 8
	switch {
	case body >= 0.5:
	case overlap >= 0.7 && body >= 0.25 && !short:
	case title >= 0.5 && body >= 0.15:
	case title >= 0.6 && short:
	case sameNumber && body >= 0.2:
	default:
		return 0, false
	}
	score := 0.7*body + 0.3*title
	if sameNumber {
		score += 0.05 // breaks ties between equally similar rewrites
	}
	return score, true
}

// moveClauses matches the sections and clauses left over after each level
// was aligned against those left over anywhere else: a clause that went
// from section 4 to section 5 is moved, not removed and added, and so is a
// section that became a clause of another (its heading demoted a level) or
// the other way round.
func (cx *comparer) moveClauses() {
	var olds, news []*Section
	var oldD, newD []*SectionDiff
	// Only the top of an added or removed subtree is a candidate: its
	// clauses move with it.
	paired := func(d *SectionDiff) bool { return d == nil || d.Old != nil && d.New != nil }
	cx.c.Walk(func(d *SectionDiff) {
		switch {
		case d.Change == Removed && (d.Old.Parent == nil || paired(cx.c.byOld[d.Old.Parent])):
			olds, oldD = append(olds, d.Old), append(oldD, d)
		case d.Change == Added && (d.New.Parent == nil || paired(cx.c.byNew[d.New.Parent])):
			news, newD = append(news, d.New), append(newD, d)
		}
	})
	if len(olds) == 0 || len(news) == 0 {
		return
	}
	match := make([]int, len(olds))
	for i := range match {
		match[i] = -1
	}
	taken := make([]bool, len(news))
	cx.similar(olds, news, match, taken)
	for i, j := range match {
		if j < 0 {
			continue
		}
		// The new entry becomes the pair; the removed one disappears from
		// the list it stood in.
		nd, od := newD[j], oldD[i]
		nd.Old, nd.Change = od.Old, 0 // classify marks it moved: its parent differs
		cx.c.byOld[od.Old] = nd
		nd.Clauses = cx.alignLevel(od.Old.Children, nd.New.Children)
		drop := func(x *SectionDiff) bool { return x == od }
		if od.Old.Parent == nil {
			cx.c.Sections = slices.DeleteFunc(cx.c.Sections, drop)
		} else if parent := cx.c.byOld[od.Old.Parent]; parent != nil {
			parent.Clauses = slices.DeleteFunc(parent.Clauses, drop)
		}
	}
}

// splitsAndMerges finds, among the added and removed sections of each level,
// those whose text evidently came from or went into a neighbouring pair: an
// added section most of whose wording was in the old version of the pair
// before it or after it (a split), and a removed section most of whose
// wording is now in such a pair (a merge). Only neighbours are looked at, so
// the cost stays linear.
func (cx *comparer) splitsAndMerges(ds []*SectionDiff) {
	for k, d := range ds {
		if d.Change != Added && d.Change != Removed {
			continue
		}
		for _, nb := range neighbours(ds, k) {
			if d.Change == Added && cx.contained(d.New, nb.Old) >= 0.6 && cx.contained(d.New, nb.New) < 0.2 {
				d.Parts = []*Section{nb.Old}
				nb.Change |= Split
				nb.Parts = append(nb.Parts, d.New)
				break
			}
			if d.Change == Removed && cx.contained(d.Old, nb.New) >= 0.6 && cx.contained(d.Old, nb.Old) < 0.2 {
				d.Parts = []*Section{nb.New}
				nb.Change |= Merged
				nb.Parts = append(nb.Parts, d.Old)
				break
			}
		}
	}
	for _, d := range ds {
		cx.splitsAndMerges(d.Clauses)
	}
}

// neighbours returns the nearest pairs before and after ds[k].
func neighbours(ds []*SectionDiff, k int) []*SectionDiff {
	var out []*SectionDiff
	for i := k - 1; i >= 0; i-- {
		if ds[i].Old != nil && ds[i].New != nil {
			out = append(out, ds[i])
			break
		}
	}
	for i := k + 1; i < len(ds); i++ {
		if ds[i].Old != nil && ds[i].New != nil {
			out = append(out, ds[i])
			break
		}
	}
	return out
}

// contained returns the share of a's word pairs that also occur in b.
func (cx *comparer) contained(a, b *Section) float64 {
	sa, sb := cx.shingles(a), cx.shingles(b)
	if len(sa) < 4 {
		return 0 // too short for the evidence to mean anything
	}
	return float64(intersect(sa, sb)) / float64(len(sa))
}

// classify sets the changes of a pair and diffs its wording.
func (cx *comparer) classify(d *SectionDiff) {
	switch {
	case d.Old == nil:
		d.Edits = cx.wordDiff("", cx.get(d.New).own)
		return
	case d.New == nil:
		d.Edits = cx.wordDiff(cx.get(d.Old).own, "")
		return
	}
	oi, ni := cx.get(d.Old), cx.get(d.New)
	if localNumber(d.Old) != localNumber(d.New) {
		d.Change |= Renumbered
	}
	if oi.title != ni.title && d.Old.Kind != Clause && d.New.Kind != Clause {
		d.Change |= Retitled
	}
	if po, pn := d.Old.Parent, d.New.Parent; po != nil || pn != nil {
		if po == nil || pn == nil || cx.c.byOld[po] == nil || cx.c.byOld[po].New != pn {
			d.Change |= Moved // to another section, or up or down a level
		}
	}
	d.Similarity = 1
	if oi.own != ni.own {
		d.Edits = cx.wordDiff(oi.own, ni.own)
		if !equalOnly(d.Edits) {
			d.Change |= Reworded
			d.Similarity = similarity(d.Edits)
		}
	} else if oi.own != "" {
		d.Edits = []Edit{{Op: Equal, Text: oi.own}}
	}
}

// localNumber is the part of a section's number that is its own: "16" for
// section 16, "1" for clause 16.1, so a clause is not called renumbered
// because its section was.
func localNumber(s *Section) string {
	k := s.Key
	if s.Level > 1 {
		if i := strings.LastIndexByte(k, '.'); i >= 0 {
			return k[i+1:]
		}
	}
	return k
}

// ownText is the section's own prose, each block on one line with its
// whitespace collapsed, so re-wrapping a paragraph is not a change.
func ownText(s *Section) string {
	parts := make([]string, 0, len(s.Blocks))
	for _, b := range s.Blocks {
		if t := norm(b.Text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// preambleText is the text before the first section, without the table of
// contents (whose changes only mirror the sections').
func preambleText(n *Notice) string {
	var parts []string
	for _, b := range n.Preamble {
		if n.TOC != nil && b.Span.Start < n.TOC.Span.End && b.Span.End > n.TOC.Span.Start {
			continue
		}
		if t := norm(b.Text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}
