package rules

import (
	"regexp"
	"strings"

	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// The Art 13/14 elements are recognised as concepts, not keywords: a row of
// a concept holds classes of words (the stems a verb or an object is written
// with) that must all meet in one sentence, list item or table row, and a
// class that, present, rules the sentence out ("we keep your data secure"
// has a keeping verb and no period: it is security, not retention). A
// section whose title names the element counts for the text under it.
//
// The rows are data, one table per element in contentRows below, so that
// they can move onto the shared concept table unchanged: each class is a
// list of word starts matched at a word boundary, case ignored.

// class is a set of word starts ("retain" covers "retained", "retention").
type class []string

// row is one way of saying an element: every class of all in one sentence,
// none of not.
type row struct {
	all []class
	not class
	// near, when set, is how many bytes from the first class's word the
	// other classes' must start: "you must give us your name" holds a
	// requirement, "we must keep records ... you give us" does not.
	near int
}

// concept is how one element is said: titles that name it, rows that state
// it, and the literals (from the rows' first classes) that prefilter the
// paras worth reading.
type concept struct {
	titles class
	// notTitles rule a title out ("Cookies we keep" is not retention).
	notTitles class
	rows      []row
}

// compiled is a concept ready to match: each class a regexp, and one
// pattern of the rows' first classes so that only the paras holding one of
// them are read (pattern.Default indexes every para once for all rules).
type compiled struct {
	titles, notTitles *regexp.Regexp
	rows              []compiledRow
	anchor            *pattern.Pattern
}

type compiledRow struct {
	all  []*regexp.Regexp
	not  *regexp.Regexp
	near int
}

// classRe compiles a class: each start at a word boundary, white space in
// it matching any run of white space or hyphens.
func classRe(c class) *regexp.Regexp {
	if len(c) == 0 {
		return nil
	}
	alts := make([]string, len(c))
	for i, w := range c {
		alts[i] = strings.ReplaceAll(regexp.QuoteMeta(w), ` `, `[\s-]+`)
		// A start that is a word character starts a word; one that is
		// punctuation ("“we”") has no boundary to find.
		if pattern.IsWordByte(w[0]) {
			alts[i] = `\b` + alts[i]
		}
	}
	return regexp.MustCompile(`(?i)(?:` + strings.Join(alts, "|") + `)`)
}

func compile(c concept) *compiled {
	out := &compiled{titles: classRe(c.titles), notTitles: classRe(c.notTitles)}
	var firsts class
	seen := map[string]bool{}
	for _, r := range c.rows {
		cr := compiledRow{not: classRe(r.not), near: r.near}
		for _, cl := range r.all {
			cr.all = append(cr.all, classRe(cl))
		}
		out.rows = append(out.rows, cr)
		for _, w := range r.all[0] {
			if !seen[w] {
				seen[w] = true
				firsts = append(firsts, w)
			}
		}
	}
	if len(firsts) > 0 {
		out.anchor = pattern.MustCompile(classRe(firsts).String())
	}
	return out
}

// hit is where a concept is said: the sentence, its para and section.
type hit struct {
	Span    notices.Span
	Para    *notices.Para
	Section *notices.Section
	// Title says the hit is a section title naming the element.
	Title bool
	// Row is the index of the row that matched, for elements whose rows
	// say different things (a safeguard, a transfer).
	Row int
	// Stated says a title states the element as a sentence would ("We
	// never sell your data"), rather than only naming it; Supported that
	// the text under a naming title completes it.
	Stated, Supported bool
}

// sentenceHits returns every sentence of n that one of c's rows matches,
// in document order, with keep deciding on each (nil keeps all).
func (c *compiled) sentenceHits(n *notices.Notice, keep func(p *notices.Para, sent string) bool) []hit {
	if c.anchor == nil {
		return nil
	}
	var out []hit
	for _, p := range n.ParasFor(c.anchor) {
		if !c.anchor.Match(p.Scan) {
			continue
		}
		for _, s := range p.Sentences() {
			sent := withoutURLs(p.Text[s.Start:s.End])
			for i, r := range c.rows {
				if r.match(sent) && (keep == nil || keep(p, sent)) {
					out = append(out, hit{Span: notices.Span{Start: p.Start + s.Start, End: p.Start + s.End}, Para: p, Section: p.Section, Row: i})
					break
				}
			}
		}
	}
	return out
}

func (c *compiled) anyRow(s string) bool {
	for _, r := range c.rows {
		if r.match(s) {
			return true
		}
	}
	return false
}

func (r compiledRow) match(sent string) bool {
	for _, re := range r.all {
		if !re.MatchString(sent) {
			return false
		}
	}
	if r.not != nil && r.not.MatchString(sent) {
		return false
	}
	if r.near == 0 || len(r.all) < 2 {
		return true
	}
	for _, m := range r.all[0].FindAllStringIndex(sent, 20) {
		lo, hi := m[0]-r.near, m[1]+r.near
		ok := true
		for _, re := range r.all[1:] {
			if !anyWithin(re.FindAllStringIndex(sent, 20), lo, hi) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func anyWithin(ms [][]int, lo, hi int) bool {
	for _, m := range ms {
		if m[0] >= lo && m[0] <= hi {
			return true
		}
	}
	return false
}

// titleHits returns the sections whose titles name the element and which
// hold text of their own: a title alone over nothing says nothing.
func (c *compiled) titleHits(n *notices.Notice) []hit {
	if c.titles == nil && len(c.rows) == 0 {
		return nil
	}
	var out []hit
	n.Walk(func(s *notices.Section) {
		if s.Title == "" || len(s.Title) > 200 || c.titles == nil && !c.anyRow(s.Title) || c.notTitles != nil && c.notTitles.MatchString(s.Title) {
			return
		}
		// A title names the element ("Retention"), or states it as a
		// sentence would ("We never sell your data").
		// A title that names the element ("How long we keep your data")
		// needs the text under it; one that states it as a sentence would
		// ("Human beings, not robots, make the decisions") stands alone.
		names := c.titles != nil && c.titles.MatchString(s.Title)
		stated := !names && c.anyRow(s.Title)
		if !names && !stated {
			return
		}
		if len(s.Blocks) == 0 && len(s.Children) == 0 {
			return
		}
		out = append(out, hit{Span: s.TitleSpan, Section: s, Title: true, Stated: stated})
	})
	if len(out) > 0 {
		c.support(n, out)
	}
	return out
}

// support marks the title hits whose sections' text completes what the
// title names: under "Automated decision making", "we may block an order"
// is the decision; under "Disclosure of your information", "we are careful
// about who sees it" names no recipient. The title stands for a row's
// first classes, so a sentence under it needs only the row's last.
func (c *compiled) support(n *notices.Notice, titles []hit) {
	for _, p := range n.Paras() {
		for i := range titles {
			t := &titles[i]
			if t.Supported || !t.Section.Contains(p.Section) {
				continue
			}
			for _, s := range p.Sentences() {
				sent := withoutURLs(p.Text[s.Start:s.End])
				for _, r := range c.rows {
					if r.all[len(r.all)-1].MatchString(sent) && (r.not == nil || !r.not.MatchString(sent)) {
						t.Supported = true
						break
					}
				}
				if t.Supported {
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
