package rules

import (
	"regexp"
	"strings"

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
	rows      []row
}

// tableRow is a row of the shared table with its element and its
// refinements compiled.
type tableRow struct {
	element    string
	also       []*regexp.Regexp
	not        *regexp.Regexp
	verbs      *regexp.Regexp // for near
	objects    *regexp.Regexp
	near       int
	deniedToo  bool
	alsoInPara bool
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
	titles, notTitles map[string]*regexp.Regexp
	anchor            *pattern.Pattern
}

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
	t := &contentTable{titles: map[string]*regexp.Regexp{}, notTitles: map[string]*regexp.Regexp{}}
	var rows, objRows []notices.ConceptRow
	var anchors []string
	seen := map[string]bool{}
	for _, id := range order {
		c := concepts[id]
		if re := classRe(c.titles); re != nil {
			t.titles[id] = re
		}
		if re := classRe(c.notTitles); re != nil {
			t.notTitles[id] = re
		}
		for _, r := range c.rows {
			key := id + "/" + string(rune('a'+len(rows)))
			rows = append(rows, notices.ConceptRow{ID: key, Verbs: r.verbs, Objects: r.objects})
			obj := r.objects
			if len(obj) == 0 {
				obj = r.verbs
			}
			objRows = append(objRows, notices.ConceptRow{ID: key, Verbs: obj})
			tr := tableRow{element: id, not: classRe(r.not), near: r.near, deniedToo: r.deniedToo, alsoInPara: r.alsoInPara}
			for _, a := range r.also {
				tr.also = append(tr.also, classRe(a))
			}
			if r.near > 0 {
				tr.verbs, tr.objects = classRe(r.verbs), classRe(r.objects)
			}
			t.rows = append(t.rows, tr)
			for _, v := range r.verbs {
				if a := anchorOf(v); !seen[a] {
					seen[a] = true
					anchors = append(anchors, a)
				}
			}
		}
	}
	t.concepts = notices.NewConcepts(rows)
	t.objects = notices.NewConcepts(objRows)
	t.anchor = pattern.MustCompile(classRe(anchors).String())
	return t
}

// anchorOf is a literal every word that stems as the phrase's first word
// does begins with: the first four letters of the word (Snowball changes
// only endings; "sharing" and "share" share "shar"), or the whole of a
// shorter one.
func anchorOf(phrase string) string {
	w := strings.ToLower(strings.Fields(phrase)[0])
	if len(w) > 4 {
		w = w[:4]
	}
	return w
}

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
func (t *contentTable) match(sent, para string) notices.ConceptSet {
	said, denied := t.concepts.Match(sent)
	all := said | denied
	var out notices.ConceptSet
	for i := range t.rows {
		if !all.Has(i) {
			continue
		}
		r := &t.rows[i]
		if !said.Has(i) && !r.deniedToo {
			continue
		}
		if r.ok(sent, para) {
			out |= 1 << i
		}
	}
	return out
}

func (r *tableRow) ok(sent, para string) bool {
	if r.not != nil && r.not.MatchString(sent) {
		return false
	}
	in := sent
	if r.alsoInPara {
		in = para
	}
	for _, re := range r.also {
		if !re.MatchString(in) {
			return false
		}
	}
	if r.near == 0 {
		return true
	}
	for _, m := range r.verbs.FindAllStringIndex(sent, 20) {
		for _, o := range r.objects.FindAllStringIndex(sent, 20) {
			if o[0] >= m[0]-r.near && o[0] <= m[1]+r.near {
				return true
			}
		}
	}
	return false
}

// read finds every element's hits in n: the sentences of the paras that
// may hold a row's verb, and the section titles.
func (t *contentTable) read(n *notices.Notice) map[string][]hit {
	out := map[string][]hit{}
	for _, p := range n.ParasFor(t.anchor) {
		if !t.anchor.Match(p.Scan) {
			continue
		}
		for _, s := range p.Sentences() {
			set := t.match(withoutURLs(p.Text[s.Start:s.End]), p.Text)
			if set == 0 {
				continue
			}
			sp := notices.Span{Start: p.Start + s.Start, End: p.Start + s.End}
			done := map[string]bool{}
			for i := range t.rows {
				if el := t.rows[i].element; set.Has(i) && !done[el] {
					done[el] = true
					out[el] = append(out[el], hit{Span: sp, Para: p, Section: p.Section, Row: i})
				}
			}
		}
	}
	t.readTitles(n, out)
	return out
}

// readTitles adds the sections whose titles name an element, or state it
// as a sentence would, and which hold text of their own.
func (t *contentTable) readTitles(n *notices.Notice, out map[string][]hit) {
	var titled []hit
	n.Walk(func(s *notices.Section) {
		if s.Title == "" || len(s.Title) > 200 || len(s.Blocks) == 0 && len(s.Children) == 0 {
			return
		}
		stated := t.match(s.Title, s.Title)
		for el, re := range t.titles {
			if nt := t.notTitles[el]; nt != nil && nt.MatchString(s.Title) {
				continue
			}
			if re.MatchString(s.Title) {
				titled = append(titled, hit{Span: s.TitleSpan, Section: s, Title: true, Row: t.first(el)})
			}
		}
		// A title that states an element ("Human beings, not robots,
		// make the decisions") stands alone; one that only names it
		// ("How long we keep your data") needs the text under it.
		for i := range t.rows {
			el := t.rows[i].element
			if stated.Has(i) && (t.titles[el] == nil || !t.titles[el].MatchString(s.Title)) {
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
				sent := withoutURLs(p.Text[s.Start:s.End])
				said := t.objects.Find(sent)
				for r := range t.rows {
					if said.Has(r) && t.rows[r].element == t.rows[h.Row].element && (t.rows[r].not == nil || !t.rows[r].not.MatchString(sent)) {
						h.Supported = true
						break
					}
				}
				if h.Supported {
					break
				}
			}
		}
	}
}

// linkTarget is a Markdown link's target or a bare web address: words in a
// URL ("/preferences/source?q=") are not the notice's.
var linkTarget = regexp.MustCompile(`\]\([^)\s]*\)|https?://\S+|www\.\S+`)

func withoutURLs(s string) string {
	if !strings.Contains(s, "](") && !strings.Contains(s, "://") && !strings.Contains(s, "www.") {
		return s
	}
	return linkTarget.ReplaceAllString(s, "] ")
}
