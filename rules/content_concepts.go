package rules

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// The Art 13/14 elements are recognised as concepts, through the shared
// concept table of notices (notices.Concepts): a row's verb class and its
// object class, stemmed, meeting in one clause, list item or table row,
// outside another party's rights. A content row adds what an element needs
// beyond that: a further class the clause must hold ("you" for a
// requirement the person meets), words that rule the clause out ("we keep
// your data secure" is security, not retention), and how near the object
// must be to the verb. A section whose title names the element counts for
// the text under it.
//
// The rows are data (contentRows in content_rows.go); each becomes one row
// of one shared table, built once, so that every sentence is split into
// words and stemmed once for all the elements.

// class is a list of words or phrases. In a row's verbs and objects they
// are compared by their stems (notices.Concepts); in titles, refinements
// and exclusions they are word starts matched at a word boundary ("retain"
// covers "retained" and "retention").
type class []string

// row is one way of saying an element: a word of verbs and one of objects
// in one clause (objects may be empty: the verbs alone say it), every
// class of also in the same sentence, and none of not.
type row struct {
	verbs, objects class
	also           []class
	not            class
	// near, when set, is how many bytes from a verb the objects must
	// start: "you must give us your name" holds a requirement, "we must
	// keep records ... you give us" does not.
	near int
	// deniedToo says a negated verb still states the element: "we never
	// sell your data" says who receives it (nobody), "we do not make
	// automated decisions" is the statement Art 13(2)(f) asks for.
	deniedToo bool
	// alsoInPara looks for the also classes in the whole paragraph (an
	// address block whose lines the sentence splitter parts).
	alsoInPara bool
}

// concept is how one element is said: titles that name it, titles that
// rule a title out, and its rows.
type concept struct {
	titles    class
	notTitles class
	// weak are the titles that name the element only in passing
	// ("Third-party cookies"): where the checklist points, a section so
	// titled counts as untitled.
	weak class
	// places are titles that say where the checklist points, never
	// whether the element is stated: a "Complaints" section may send the
	// reader only to the organisation, but where the notice names the
	// regulator in it, that is where the right is shown. They also make
	// another element's title a mixed one.
	places class
	rows   []row
}

// tableRow is a row of the shared table with its element and its
// refinements compiled.
type tableRow struct {
	element string
	also    []*words
	not     *words
	verbs   *words // for near
	objects *words
	// vAnchor and oAnchor are patterns of literals of the verbs and the
	// objects (nil when the row has none), for the prefilter.
	vAnchor, oAnchor *pattern.Pattern
	near             int
	deniedToo        bool
	alsoInPara       bool
	// vNeed and oNeed are, per verb and per object phrase, the word
	// starts a sentence saying it must hold (phraseNeeds); oNeed is nil
	// for a row without objects.
	vNeed, oNeed [][]string
}

// contentTable is every element's rows as one concept table, the titles
// per element, a table of the rows' objects alone (what the text under a
// naming title must hold), and the pattern that prefilters the paras.
type contentTable struct {
	concepts *notices.Concepts
	rows     []tableRow
	// objects has one row per content row (same index): its objects as
	// verbs alone.
	objects           *notices.Concepts
	titles, notTitles map[string]*words
	// strong are each element's titles less its weak ones.
	strong map[string]*words
	places map[string]*words
	order  []string
	anchor *pattern.Pattern
	// elements are the table's element IDs in order, each with whether
	// its judge reads every hit.
	elements []tableElement
	// elementOf is each row's index in elements.
	elementOf []int
}

type tableElement struct {
	id    string
	every bool
	// main is, for a helper concept ("transfers-partial"), the element it
	// serves.
	main string
}

// everyHit are the elements whose judges read all their sentences, not
// only whether there is one: the interests said with any mention of the
// basis.
var everyHit = map[string]bool{"legitimate-interests": true}

// classRe compiles a class of word starts: each at a word boundary (when
// it starts with a word character), white space in it matching any run of
// white space or hyphens.
func classRe(c class) *regexp.Regexp {
	if len(c) == 0 {
		return nil
	}
	alts := make([]string, len(c))
	for i, w := range c {
		alts[i] = strings.ReplaceAll(regexp.QuoteMeta(w), ` `, `[\s-]+`)
		if pattern.IsWordByte(w[0]) {
			alts[i] = `\b` + alts[i]
		}
	}
	return regexp.MustCompile(`(?i)(?:` + strings.Join(alts, "|") + `)`)
}

func buildTable(concepts map[string]concept, order []string) *contentTable {
	if len(order) > 64 {
		panic("rules: more content elements than a title's bit set holds")
	}
	t := &contentTable{titles: map[string]*words{}, notTitles: map[string]*words{}, strong: map[string]*words{}, places: map[string]*words{}, order: order}
	var rows, objRows []notices.ConceptRow
	var anchors []string
	seen := map[string]bool{}
	for _, id := range order {
		c := concepts[id]
		if w := newWords(c.titles); w != nil {
			t.titles[id] = w
		}
		if w := newWords(c.notTitles); w != nil {
			t.notTitles[id] = w
		}
		if w := newWords(c.places); w != nil {
			t.places[id] = w
		}
		if len(c.weak) > 0 {
			t.strong[id] = newWords(slices.DeleteFunc(slices.Clone(c.titles), func(w string) bool { return slices.Contains(c.weak, w) }))
		}
		for _, r := range c.rows {
			key := id + "/" + string(rune('a'+len(rows)))
			rows = append(rows, notices.ConceptRow{ID: key, Verbs: r.verbs, Objects: r.objects})
			obj := r.objects
			if len(obj) == 0 {
				obj = r.verbs
			}
			objRows = append(objRows, notices.ConceptRow{ID: key, Verbs: obj})
			tr := tableRow{element: id, not: newWords(r.not), near: r.near, deniedToo: r.deniedToo, alsoInPara: r.alsoInPara}
			for _, a := range r.also {
				tr.also = append(tr.also, newWords(a))
			}
			if r.near > 0 {
				tr.verbs, tr.objects = newWords(r.verbs), newWords(r.objects)
			}
			tr.vNeed = phraseNeeds(r.verbs)
			if len(r.objects) > 0 {
				tr.oNeed = phraseNeeds(r.objects)
			}
			// A side whose anchors include a word nearly every sentence
			// holds ("the", "use", "information") selects nearly every
			// para, and its hits are most of what the index finds: where
			// the other side's are rarer, the row is looked for by those
			// alone (the phrase test still asks for both).
			side := r.verbs
			vWeak, oWeak := weakAnchors(r.verbs), len(r.objects) > 0 && weakAnchors(r.objects)
			if len(r.objects) == 0 || !vWeak || oWeak {
				tr.vAnchor = anchorPattern(r.verbs)
			} else {
				side = r.objects
			}
			if len(r.objects) > 0 && (!oWeak || vWeak) {
				tr.oAnchor = anchorPattern(r.objects)
			}
			t.rows = append(t.rows, tr)
			t.elementOf = append(t.elementOf, len(t.elements))
			for _, v := range side {
				a := anchorOf(v)
				if !seen[a] {
					seen[a] = true
					anchors = append(anchors, a)
				}
			}
		}
		main := ""
		for _, suffix := range []string{"-partial", "-sign", "-substance", "-place"} {
			if m, ok := strings.CutSuffix(id, suffix); ok {
				main = m
			}
		}
		t.elements = append(t.elements, tableElement{id: id, every: everyHit[id], main: main})
	}
	// The table chooses the sentences it reads by its rows' own anchors.
	t.concepts = notices.NewConceptsUnanchored(rows)
	t.objects = notices.NewConceptsUnanchored(objRows)
	t.anchor = pattern.MustCompile(classRe(anchors).String())
	return t
}

// anchorOf is a literal that every clause saying the phrase holds, as
// rare as the phrase allows: the stem of its longest word less its last
// letter (Snowball changes only endings, and restores or turns one letter:
// "sharing" and "share" stem as "share" and both begin "shar";
// "intelligence" begins "intelli"), or a short word whole. "You must" is
// looked for as "must", not as "you"; "by computer" as "compu", not as
// "comp", which "company" and "complaint" begin with too.
func anchorOf(phrase string) string {
	best, bestLen, bestStop := "", 0, true
	for _, f := range strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool { return r == ' ' || r == '-' || r == '\'' || r == '.' }) {
		stop := anchorStop[f]
		if stop && !bestStop {
			continue
		}
		if !stop && bestStop {
			best, bestLen, bestStop = "", 0, false
		}
		a := f
		if st := english.Stem(f, false); len(st) > 4 {
			a = st[:len(st)-1]
		}
		// The longest word is the rarest; its anchor may be shorter
		// than a commoner word's ("legitimate" is "legitim", "interests"
		// is "interes").
		if len(f) > bestLen {
			best, bestLen = a, len(f)
		}
	}
	return best
}

// phraseNeeds returns, for each phrase of a class, the start of every one
// of its words that a text saying the phrase holds, as fold leaves it: the
// word's stem less its last letter (Snowball changes only endings, as
// anchorOf relies on; a stem of two letters whole), a word marked "=" as
// written, and up to an
// apostrophe ("don" of "don't", which a text may write with "’"). A word
// with a letter fold does not lower needs nothing.
func phraseNeeds(c class) [][]string {
	out := make([][]string, 0, len(c))
	for _, ph := range c {
		var need []string
		for _, f := range strings.FieldsFunc(ph, func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == ',' }) {
			exact := strings.HasPrefix(f, "=")
			f = strings.ToLower(strings.TrimPrefix(f, "="))
			if i := strings.IndexAny(f, "'’"); i >= 0 {
				f = f[:i]
			}
			if f == "" || strings.IndexFunc(f, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
				continue
			}
			if !exact {
				// A word of three letters is its own stem, and
				// "use" is the stem of "using" too.
				st := f
				if len(f) > 3 {
					st = english.Stem(f, false)
				}
				if len(st) >= 3 {
					st = st[:len(st)-1]
				}
				f = st
			}
			need = append(need, f)
		}
		// The longest first: it is the likeliest to be missing.
		slices.SortStableFunc(need, func(a, b string) int { return len(b) - len(a) })
		out = append(out, need)
	}
	return out
}

// mayHold reports whether folded sentence low holds every word start of
// one of the phrases (phraseNeeds): a sentence that does not cannot say
// the row, and is not split into words.
func mayHold(low string, needs [][]string) bool {
phrases:
	for _, need := range needs {
		for _, w := range need {
			if !strings.Contains(low, w) {
				continue phrases
			}
		}
		return true
	}
	return false
}

// weakAnchors reports whether one of a class's anchors (anchorOf) is a
// word start nearly every sentence of a notice holds.
func weakAnchors(c class) bool {
	for _, w := range c {
		if a := anchorOf(w); len(a) <= 3 || commonAnchor[a] {
			return true
		}
	}
	return false
}

// commonAnchor are anchors of four letters or more that are among the
// literals the index finds most often in notices (tens of thousands of
// times in 2,000 of the corpus's), with "the" and "to".
var commonAnchor = map[string]bool{"infor": true, "inform": true, "servi": true, "servic": true, "perso": true, "person": true,
	"provi": true, "provid": true, "privac": true, "other": true, "such": true, "from": true, "with": true, "that": true,
	"have": true, "will": true, "this": true, "data": true, "part": true}

// anchorPattern is a pattern of the anchors of a class's phrases.
func anchorPattern(c class) *pattern.Pattern {
	var as []string
	seen := map[string]bool{}
	for _, w := range c {
		if a := anchorOf(w); !seen[a] {
			seen[a] = true
			as = append(as, a)
		}
	}
	return pattern.MustCompile(classRe(as).String())
}

// anchorStop are words too common to prefilter by: a phrase is looked
// for by another of its words where it has one.
var anchorStop = map[string]bool{"you": true, "your": true, "we": true, "our": true, "us": true, "will": true, "have": true,
	"with": true, "the": true, "a": true, "an": true, "to": true, "of": true, "in": true, "on": true, "for": true, "is": true,
	"are": true, "be": true, "not": true, "do": true, "does": true, "don": true, "t": true, "may": true, "can": true, "if": true,
	"it": true, "this": true, "that": true, "and": true, "or": true, "by": true, "at": true, "as": true, "from": true,
	"under": true, "no": true, "would": true, "should": true, "want": true, "wish": true, "without": true, "information": true,
	"data": true, "details": true, "personal": true, "choose": true, "use": true, "processing": true, "process": true,
	"transfer": true, "protection": true, "change": true, "take": true, "remove": true, "cancel": true, "longer": true,
	"contact": true, "report": true, "tell": true, "refer": true, "prevention": true, "detection": true, "service": true,
	"services": true, "request": true, "contract": true, "contracts": true, "contractual": true, "standard": true,
	"approved": true, "agreement": true, "international": true, "article": true}

// hit is where a concept is said: the sentence, its para and section.
type hit struct {
	Span    notices.Span
	Para    *notices.Para
	Section *notices.Section
	// Title says the hit is a section title naming the element.
	Title bool
	// Row is the index in the table of the row that matched.
	Row int
	// Stated says a title states the element as a sentence would ("We
	// never sell your data"), rather than only naming it; Supported that
	// the text under a naming title completes it.
	Stated, Supported bool
}

// match returns, for one sentence, the table rows it says (bit i for row
// i), refinements applied.
func (t *contentTable) match(sent, para string, lowPara *string) notices.ConceptSet {
	said, denied := t.concepts.Match(sent)
	all := said | denied
	var out notices.ConceptSet
	if all == 0 {
		return 0
	}
	low := fold(sent)
	for i := range t.rows {
		if !all.Has(i) {
			continue
		}
		r := &t.rows[i]
		if !said.Has(i) && !r.deniedToo {
			continue
		}
		if r.alsoInPara && *lowPara == "" {
			*lowPara = fold(para)
		}
		if r.ok(low, *lowPara) {
			out |= 1 << i
		}
	}
	return out
}

// ok applies the row's refinements to a sentence (and its para), both
// folded.
func (r *tableRow) ok(sent, para string) bool {
	if r.not.in(sent) {
		return false
	}
	in := sent
	if r.alsoInPara {
		in = para
	}
	for _, w := range r.also {
		if !w.in(in) {
			return false
		}
	}
	if r.near == 0 {
		return true
	}
	vs, os := r.verbs.all(sent, 20), r.objects.all(sent, 20)
	for _, m := range vs {
		for _, o := range os {
			if o[0] >= m[0]-r.near && o[0] <= m[1]+r.near {
				return true
			}
		}
	}
	return false
}

// read finds every element's hits in n: the sentences of the paras that
// may hold one of its rows' verbs (a bit test of the para's index, not a
// search), and the section titles. With all false it stops looking for
// an element at its first sentence, unless its judge reads every hit:
// whether an element is stated needs one sentence, and once every element
// is found no para need be read, which is where a complete notice's cost
// goes. The checklist asks for all, to point at the best place.
func (t *contentTable) read(n *notices.Notice, all bool, group string) map[string][]hit {
	out := map[string][]hit{}
	found := make([]bool, len(t.elements))
	// The helpers (a partial statement, a sign) matter only where their
	// element is missing: they are looked for in a second pass, for the
	// missing elements alone.
	want := make([]bool, len(t.elements))
	for i, e := range t.elements {
		want[i] = e.main == "" && groupOf(e.id) == group
	}
	t.pass(n, all, want, found, out)
	again := false
	for i, e := range t.elements {
		want[i] = false
		if e.main != "" && groupOf(e.id) == group && (all || len(out[e.main]) == 0) {
			want[i], again = true, true
		}
	}
	if again {
		t.pass(n, all, want, found, out)
	}
	t.readTitles(n, out, group)
	return out
}

// groupOf is the group an element is read with: the elements that apply
// only under some facts are read apart, when first asked for.
func groupOf(id string) string {
	switch id {
	case "legitimate-interests", "legitimate-interests-substance":
		return "legitimate-interests"
	case "data-categories", "data-source":
		return "article-14"
	case "transfers", "transfers-partial":
		return "transfers"
	case "withdraw-consent", "withdraw-consent-partial":
		return "consent"
	case "complaints-procedure":
		return "uk"
	case "controller-identity", "controller-identity-place":
		// Read apart: where no contact detail is found, its judge reads
		// every statement naming the controller, and should not read
		// every other element's with them.
		return "controller"
	}
	return ""
}

// pass reads the sentences for the elements of want, marking each found.
func (t *contentTable) pass(n *notices.Notice, all bool, want, found []bool, out map[string][]hit) {
	left := 0
	for i := range want {
		if want[i] {
			left++
		}
	}
	said := n.Memo(sentenceSetsKey{}, func() any { return &sentenceSets{m: map[notices.Span]notices.ConceptSet{}} }).(*sentenceSets)
	others := othersSections(n)
	for _, p := range n.ParasFor(t.anchor) {
		if left == 0 {
			break
		}
		if others[p.Section] {
			continue
		}
		// The sentences worth reading are those where a wanted row's
		// verbs and objects both have a literal: the para's index says
		// where its literals are, so most sentences are never split
		// into words.
		var rows []rowWindows
		for i := range t.rows {
			e := t.elementOf[i]
			if !want[e] || found[e] && !all && !t.elements[e].every {
				continue
			}
			r := &t.rows[i]
			if r.vAnchor != nil && !r.vAnchor.MayMatch(p.Scan) || r.oAnchor != nil && !r.oAnchor.MayMatch(p.Scan) {
				continue
			}
			rw := rowWindows{v: [][2]int{{0, len(p.Text)}}}
			if r.vAnchor != nil {
				rw.v = r.vAnchor.Windows(p.Scan)
			}
			if r.oAnchor != nil {
				rw.o, rw.hasO = r.oAnchor.Windows(p.Scan), true
			}
			rw.el, rw.row = e, i
			rows = append(rows, rw)
		}
		if len(rows) == 0 {
			continue
		}
		lowPara := ""
		for _, s := range p.Sentences() {
			// A sentence another group has read already is not read
			// again: what it says is every row's, whatever the group.
			sp := notices.Span{Start: p.Start + s.Start, End: p.Start + s.End}
			set, known := said.get(sp)
			if known {
				if set != 0 {
					t.record(set, sp, p, all, want, found, &left, out)
				}
				continue
			}
			// The refinements (also, not, near) are cheap string tests:
			// a sentence that fails them for every row whose literals it
			// holds is never split into words.
			sent := withoutURLs(p.Text[s.Start:s.End])
			low, refined := "", false
			for _, r := range rows {
				if !overlaps(r.v, s) || r.hasO && !overlaps(r.o, s) {
					continue
				}
				if low == "" {
					low = fold(sent)
				}
				tr := &t.rows[r.row]
				if !mayHold(low, tr.vNeed) || tr.oNeed != nil && !mayHold(low, tr.oNeed) {
					continue
				}
				if tr.alsoInPara && lowPara == "" {
					lowPara = fold(p.Text)
				}
				if tr.ok(low, lowPara) {
					refined = true
					break
				}
			}
			if !refined {
				continue
			}
			matchCalls.Add(1)
			set = t.match(sent, p.Text, &lowPara)
			said.put(sp, set)
			if set != 0 {
				t.record(set, sp, p, all, want, found, &left, out)
			}
		}
	}
}

// record adds the hits of a sentence at sp in p that says the rows of set,
// for the wanted elements not found yet (or for every one, with all),
// marking each found and counting down those left.
func (t *contentTable) record(set notices.ConceptSet, sp notices.Span, p *notices.Para, all bool, want, found []bool, left *int, out map[string][]hit) {
	var done uint64
	for i := range t.rows {
		e := t.elementOf[i]
		if !set.Has(i) || !want[e] || done&(1<<e) != 0 || found[e] && !all && !t.elements[e].every {
			continue
		}
		done |= 1 << e
		out[t.rows[i].element] = append(out[t.rows[i].element], hit{Span: sp, Para: p, Section: p.Section, Row: i})
		if !found[e] {
			found[e] = true
			if !t.elements[e].every && !all {
				*left--
			}
		}
	}
}

// othersSite is the title of a section about other organisations' sites
// and services, which the notice does not cover: "Links to other
// websites", "Our responsibility for third party links", "What's not
// covered in this policy?", "Embedded content from other websites". What
// it says of the information they collect, share or keep is theirs, and
// states none of the notice's own elements. ("Third-party services" is not
// one: it lists the notice's own recipients.)
var othersSite = regexp.MustCompile(`(?i)^\W*(?:our responsibility for |external )?(?:links? to (?:other|third[- ]part(?:y|ies)|external)\b|third[- ]part(?:y|ies) (?:links|websites?|sites)\b|embedded content from other\b|(?:what(?:'s|’s| is) )?not covered\b)`)

type othersSectionsKey struct{}

// othersSections are the sections of n about other organisations' sites
// (othersSite), with the parts under them.
func othersSections(n *notices.Notice) map[*notices.Section]bool {
	return n.Memo(othersSectionsKey{}, func() any {
		m := map[*notices.Section]bool{}
		n.Walk(func(s *notices.Section) {
			if m[s.Parent] || s.Title != "" && othersSite.MatchString(s.Title) {
				m[s] = true
			}
		})
		return m
	}).(map[*notices.Section]bool)
}

// sentenceSetsKey is the Memo key of the rows each sentence of a notice
// says (sentenceSets).
type sentenceSetsKey struct{}

// sentenceSets are the table rows each sentence read so far says, by where
// the sentence is: what a sentence says does not depend on the group
// being read, and a sentence holding the literals of several groups (most
// do: "we", "share", "data") would otherwise be matched once per group.
type sentenceSets struct {
	mu sync.Mutex
	m  map[notices.Span]notices.ConceptSet
}

func (s *sentenceSets) get(at notices.Span) (notices.ConceptSet, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	set, ok := s.m[at]
	return set, ok
}

func (s *sentenceSets) put(at notices.Span, set notices.ConceptSet) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[at] = set
}

// rowWindows are where a row's verbs' and objects' literals are in one
// para.
type rowWindows struct {
	v, o    [][2]int
	hasO    bool
	el, row int
}

// matchCalls counts the sentences the concept table has read, for the
// test that pins reading each para once per group.
var matchCalls atomic.Int64

// overlaps reports whether span s meets one of windows (pattern.Windows:
// a text searched whole is one window).
func overlaps(windows [][2]int, s notices.Span) bool {
	for _, w := range windows {
		if w[0] < s.End && w[1] > s.Start {
			return true
		}
	}
	return false
}

// readTitles adds the sections whose titles name an element, or state it
// as a sentence would, and which hold text of their own.
func (t *contentTable) readTitles(n *notices.Notice, out map[string][]hit, group string) {
	// What each title states and which elements it names are read once
	// per notice, for every group.
	titles := n.Memo(titleSetsKey{}, func() any {
		m := map[*notices.Section]titleRead{}
		n.Walk(func(s *notices.Section) {
			if s.Title == "" || len(s.Title) > 200 {
				return
			}
			low := ""
			tr := titleRead{stated: t.match(s.Title, s.Title, &low)}
			title := fold(s.Title)
			for k, el := range t.order {
				if w := t.titles[el]; w != nil && !t.notTitles[el].in(title) && w.in(title) {
					tr.names |= 1 << k
				}
			}
			m[s] = tr
		})
		return m
	}).(map[*notices.Section]titleRead)
	var titled []hit
	n.Walk(func(s *notices.Section) {
		tr, ok := titles[s]
		if !ok || len(s.Blocks) == 0 && len(s.Children) == 0 {
			return
		}
		for k, el := range t.order {
			if tr.names&(1<<k) != 0 && groupOf(el) == group {
				titled = append(titled, hit{Span: s.TitleSpan, Section: s, Title: true, Row: t.first(el)})
			}
		}
		// A title that states an element ("Human beings, not robots,
		// make the decisions") stands alone; one that only names it
		// ("How long we keep your data") needs the text under it.
		for i := range t.rows {
			el := t.rows[i].element
			if tr.stated.Has(i) && groupOf(el) == group && !t.titles[el].in(fold(s.Title)) {
				out[el] = append(out[el], hit{Span: s.TitleSpan, Section: s, Title: true, Stated: true, Row: i})
			}
		}
	})
	if len(titled) == 0 {
		return
	}
	t.support(n, titled)
	for _, h := range titled {
		el := t.rows[h.Row].element
		out[el] = append(out[el], h)
	}
}

// titleRead is what a section title says: the rows it states, and a bit
// per element of the table's order that it names.
type titleRead struct {
	stated notices.ConceptSet
	names  uint64
}

// weakTitle reports whether s's title names element id only by a weak
// word.
func (t *contentTable) weakTitle(id string, s *notices.Section) bool {
	st, ok := t.strong[id]
	return ok && !st.in(fold(s.Title))
}

// mixedTitle reports whether a folded title names another element than id
// as well: "Data we share or obtain from others" names recipients and
// sources.
func (t *contentTable) mixedTitle(id, title string) bool {
	for _, el := range t.order {
		if el == id || t.titles[el] == nil && t.places[el] == nil || t.notTitles[el].in(title) {
			continue
		}
		// The kinds of data obtained from others and their source are
		// said together ("Personal data we collect from other sources").
		if g := groupOf(el); g == "article-14" && g == groupOf(id) {
			continue
		}
		if w := t.strong[el]; w != nil && w.in(title) || w == nil && t.titles[el].in(title) || t.places[el].in(title) {
			return true
		}
	}
	return false
}

// titleSetsKey is the Memo key of what each section title says (titleRead).
type titleSetsKey struct{}

// first is the index of el's first row.
func (t *contentTable) first(el string) int {
	for i := range t.rows {
		if t.rows[i].element == el {
			return i
		}
	}
	return 0
}

// support marks the title hits whose sections' text completes what the
// title names: under "Automated decision making", "we may block an order"
// is the decision; under "Disclosure of your information", "we are careful
// about who sees it" names no recipient. The title stands for a row's
// verbs, so a sentence under it needs only the row's objects.
func (t *contentTable) support(n *notices.Notice, titles []hit) {
	for _, p := range n.Paras() {
		for i := range titles {
			h := &titles[i]
			if h.Supported || !h.Section.Contains(p.Section) {
				continue
			}
			for _, s := range p.Sentences() {
				if _, ok := t.supportRow(t.rows[h.Row].element, p.Text[s.Start:s.End]); ok {
					h.Supported = true
					break
				}
			}
		}
	}
}

// supportRow returns the first of element id's rows whose objects sentence
// holds, as the text under a title naming the element must.
func (t *contentTable) supportRow(id, sentence string) (int, bool) {
	sent := withoutURLs(sentence)
	said := t.objects.Find(sent)
	if said == 0 {
		return 0, false
	}
	for r := range t.rows {
		if said.Has(r) && t.rows[r].element == id && !t.rows[r].not.in(fold(sent)) {
			return r, true
		}
	}
	return 0, false
}

// withoutURLs blanks a Markdown link's target and bare web addresses:
// words in a URL ("/preferences/source?q=") are not the notice's.
func withoutURLs(s string) string {
	if !strings.Contains(s, "](") && !strings.Contains(s, "://") && !strings.Contains(s, "www.") {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		end := -1
		switch {
		case b[i] == ']' && i+1 < len(b) && b[i+1] == '(':
			if k := strings.IndexAny(s[i+2:], ") \n"); k >= 0 && s[i+2+k] == ')' {
				end = i + 2 + k + 1
			}
			i++ // keep the "]"
		case strings.HasPrefix(s[i:], "http://") || strings.HasPrefix(s[i:], "https://") || strings.HasPrefix(s[i:], "www."):
			end = i
			for end < len(b) && b[end] != ' ' && b[end] != '\n' && b[end] != '\t' {
				end++
			}
		}
		for ; end > i && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// words is a class of word starts, folded, for the refinements and the
// titles: a case-folding regexp alternation run on every clause cost more
// than the concept table itself.
type words struct {
	w []string
	// bound says the word starts with a word character, so must start a
	// word.
	bound []bool
	// gaps are, for a word "head * tail", its head (with its space) and
	// tail (see gapped); empty for any other word.
	gaps []gap
}

type gap struct{ head, tail string }

func newWords(c class) *words {
	if len(c) == 0 {
		return nil
	}
	out := &words{}
	for _, w := range c {
		out.w = append(out.w, fold(w))
		out.bound = append(out.bound, pattern.IsWordByte(w[0]))
		var g gap
		if head, tail, ok := strings.Cut(fold(w), " * "); ok {
			g = gap{head + " ", tail}
		}
		out.gaps = append(out.gaps, g)
	}
	return out
}

// in reports whether folded text s holds one of the words; a nil class
// holds none. It is all(s, 1) without making the span.
func (ws *words) in(s string) bool {
	if ws == nil {
		return false
	}
	for i, w := range ws.w {
		if g := ws.gaps[i]; g.head != "" {
			if _, ok := gapped(s, g.head, g.tail); ok {
				return true
			}
			continue
		}
		if _, ok := ws.find(s, i, w, 0); ok {
			return true
		}
	}
	return false
}

// find returns the first span of word i, w, in s at or after from.
func (ws *words) find(s string, i int, w string, from int) ([2]int, bool) {
	for from < len(s) {
		k := strings.Index(s[from:], w)
		if k < 0 {
			break
		}
		at := from + k
		from = at + 1
		if ws.bound[i] && at > 0 && pattern.IsWordByte(s[at-1]) {
			continue
		}
		return [2]int{at, at + len(w)}, true
	}
	return [2]int{}, false
}

// all returns up to n spans of the words in folded text s.
func (ws *words) all(s string, n int) [][2]int {
	if ws == nil {
		return nil
	}
	var out [][2]int
	for i, w := range ws.w {
		if g := ws.gaps[i]; g.head != "" {
			if sp, ok := gapped(s, g.head, g.tail); ok && len(out) < n {
				out = append(out, sp)
			}
			continue
		}
		for from := 0; len(out) < n; {
			sp, ok := ws.find(s, i, w, from)
			if !ok {
				break
			}
			out = append(out, sp)
			from = sp[0] + 1
		}
	}
	return out
}

// gapped finds "head * tail" in folded text s: head (with the space after
// it) at a word start, then later tail as a whole word ("how * use" in "how
// can the library use my data", not in "how other users see it").
func gapped(s, head, tail string) ([2]int, bool) {
	for from := 0; from < len(s); {
		k := strings.Index(s[from:], head)
		if k < 0 {
			return [2]int{}, false
		}
		at := from + k
		from = at + 1
		if at > 0 && pattern.IsWordByte(s[at-1]) {
			continue
		}
		rest := at + len(head) - 1
		for j := rest; j < len(s); {
			m := strings.Index(s[j:], tail)
			if m < 0 {
				break
			}
			t := j + m
			j = t + 1
			end := t + len(tail)
			if pattern.IsWordByte(s[t-1]) || end < len(s) && pattern.IsWordByte(s[end]) {
				continue
			}
			return [2]int{at, end}, true
		}
	}
	return [2]int{}, false
}

// fold lower-cases ASCII letters and turns every run of white space and
// hyphens into one space: "opt-in" and "Opt in" are one phrase.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-':
			if !space {
				b = append(b, ' ')
			}
			space = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}
