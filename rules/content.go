package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// The content rules check that a notice states what UK GDPR Articles 13 and
// 14 require it to (the ICO's "right to be informed" checklist), one rule
// per element, the rule ID the element's ID. Each element is judged once per
// notice from its concept table (content_concepts.go), and the same verdict
// serves the rule and `noticelint checklist`.

// Status is what a notice does about one element.
type Status int

const (
	// Present: the notice states the element.
	Present Status = iota
	// Missing: the element applies and the notice does not state it.
	Missing
	// Partial: the notice says something towards the element, not enough.
	Partial
	// NotApplicable: the element does not apply to the notice.
	NotApplicable
)

var statusNames = [...]string{"present", "missing", "partial", "na"}

// String gives the status as the checklist's JSON writes it.
func (s Status) String() string { return statusNames[s] }

// Verdict is an element's status in one notice, with where it is said (or
// where the fact that makes it apply is) and why it applies.
type Verdict struct {
	ID     string
	Status Status
	// At is where the element is stated (Present), where the inadequate
	// statement or the fact that makes the element apply is (Missing,
	// Partial); empty for a notice-level verdict.
	At      notices.Span
	Section *notices.Section
	// Why says why the element applies, or why it does not.
	Why string
	// Message and Fix are the finding's, for Missing and Partial.
	Message, Fix string
	// Severity is the finding's severity, at most the rule's.
	Severity lint.Severity
}

// element is one Art 13/14 element: its rule and how it is judged.
type element struct {
	rule *lint.Rule
	// judge decides the element for one notice with the facts in force
	// (the configuration's stated facts included).
	judge func(c *content, f *notices.Facts) Verdict
}

// content is what one notice says of every element, read once and shared
// by the rules (the notice's Memo) whatever the facts in force. The
// elements that apply only under some facts (legitimate interests, the
// Article 14 elements) are read when a judge first asks for them.
type content struct {
	n   *notices.Notice
	all bool
}

// titledKey is the Memo key of a notice's title-like lines (titleLines).
type titledKey struct{}

// contentKey is the Memo key of one group of a notice's content: all says
// every hit was read (for the checklist's locations), not only the first
// of each element (for the rules' verdicts, which are the same either way).
type contentKey struct {
	all   bool
	group string
}

func contentOf(n *notices.Notice) *content { return &content{n: n} }

func readContent(n *notices.Notice, all bool) *content { return &content{n: n, all: all} }

// hitsOf returns the hits of concept id, reading its group on first use.
func (c *content) hitsOf(id string) []hit {
	g := groupOf(id)
	hs := c.n.Memo(contentKey{c.all, g}, func() any { return table.read(c.n, c.all, g) }).(map[string][]hit)
	return hs[id]
}

// sentences returns the sentence hits of concept id, titles left out.
func (c *content) sentences(id string) []hit {
	var out []hit
	for _, h := range c.hitsOf(id) {
		if !h.Title {
			out = append(out, h)
		}
	}
	return out
}

// first returns where concept id is best shown said: inside a section
// titled for it, the first sentence that states it (else the section's
// first text); with no such section, the first sentence of the section
// that states it most often, where a notice says it in earnest rather than
// in passing. ok is false when the notice never says it.
func (c *content) first(id string) (h hit, ok bool) {
	h, ok = c.locate(id)
	if ok && c.all {
		h = c.follow(id, h)
	}
	return h, ok
}

// locate is first before a pointer is followed.
func (c *content) locate(id string) (h hit, ok bool) {
	hs := c.hitsOf(id)
	var titles []hit
	for _, x := range hs {
		if x.Title && (x.Stated || x.Supported || hasList(x.Section) || holdsSentence(hs, x.Section)) {
			titles = append(titles, x)
		}
	}
	hs = slices.DeleteFunc(slices.Clone(hs), func(x hit) bool { return x.Title && !slices.Contains(titles, x) })
	if c.all {
		// Where the checklist points, a title named only by a weak word
		// ("Third-party cookies" for recipients) is no section titled for
		// the element, and a title that states it as a sentence would is
		// one statement, not a section about it ("Other parties who have
		// access to information we collect" says nothing of purposes):
		// their sentences count as any others do.
		titles = slices.DeleteFunc(titles, func(x hit) bool { return x.Stated || table.weakTitle(id, x.Section) })
	}
	// For the checklist too, the sections whose titles say where the
	// element is shown, though not that it is stated ("Complaints" for
	// the right to complain to the regulator, "International transfers",
	// "How can the library use my data?"), stand with the titled ones
	// where they hold a sentence that states it, unless they are inside
	// a section whose title rules the element out ("Complaints" under
	// "Data Privacy Framework").
	named := len(titles)
	if w := table.places[id]; w != nil && c.all {
		c.n.Walk(func(s *notices.Section) {
			if s.Title != "" && w.in(fold(s.Title)) && !underNotTitle(id, s) &&
				!slices.ContainsFunc(titles[:named], func(x hit) bool { return x.Section == s }) {
				titles = append(titles, hit{Span: s.TitleSpan, Section: s, Title: true})
			}
		})
	}
	// The titled section that states it most: "Third-party services"
	// names recipients in passing, "How we share your data" lists them.
	// Then the innermost titled section inside it that states it: under
	// "How we use your data", the clause "Purposes for which we use it".
	// For the checklist, a title that names this element alone comes
	// before one that names another too: "Who do we share your data
	// with?" before "Data we share or obtain from others".
	var bestIn *hit
	var bestSec *notices.Section
	bestN, bestMixed := 0, true
	for _, t := range titles {
		in, n := firstIn(hs, t.Section)
		if n == 0 && c.all && t.Supported {
			// A section titled for it whose sentences only complete the
			// title ("Data processors" over a list of them, each with
			// its purpose and location) states it as often as they do.
			in, n = c.supports(id, t.Section)
		}
		if n == 0 {
			continue
		}
		mixed := c.all && table.mixedTitle(id, fold(t.Section.Title))
		switch {
		case bestIn == nil, bestMixed && !mixed:
		case mixed && !bestMixed:
			continue
		case n > bestN, bestSec != t.Section && bestSec.Contains(t.Section):
		default:
			continue
		}
		bestIn, bestN, bestSec, bestMixed = in, n, t.Section, mixed
	}
	if bestIn != nil {
		// A section titled for it alone that opens by introducing a
		// list ("We process your data for these reasons:" over "a) ...",
		// "b) ...") states it there, though no item is a statement of its
		// own.
		if c.all && !bestMixed && len(bestSec.Blocks) > 0 && bestSec.Blocks[0].Span.Start < bestIn.Span.Start {
			if b := bestSec.Blocks[0]; introduces(b.Text, len(bestSec.Blocks) > 1) {
				return hit{Span: notices.Span{Start: b.Span.Start, End: b.Span.Start + len(firstLine(b.Text))}, Section: bestSec, Row: bestIn.Row}, true
			}
		}
		return *bestIn, true
	}
	if named > 0 {
		t := titles[0]
		if sp, ok := firstText(t.Section); ok {
			t.Span = sp
		}
		return t, true
	}
	if len(hs) == 0 {
		return hit{}, false
	}
	// No section is titled for it: a sentence under a title-like line
	// that names it ("How we use your information" as a line of its
	// own, a bold lead) comes first, else the section that states it
	// most.
	if w, pl := table.titles[id], table.places[id]; w != nil || pl != nil && c.all {
		titled := c.n.Memo(titledKey{}, func() any { return titleLines(c.n) }).(map[*notices.Para]string)
		var line *hit
		byData := false
		for i, x := range hs {
			if t := titled[x.Para]; t != "" && (w.in(t) || c.all && pl.in(t)) {
				// For the checklist, a line naming this element alone
				// comes first: "How we work with third parties" for
				// recipients, not "Information we receive from third
				// parties". So does, for the sources, a line led by them
				// ("Third parties who pass information to us") before one
				// led by the data in the same section, which shows what
				// kinds are received; a later section's ("Sources" in a
				// supplement for one state's law) does not.
				led := c.all && id == "data-source" && dataLed(t)
				if !c.all || !table.mixedTitle(id, t) && !led && (!byData || line.Section == x.Section) {
					return x, true
				}
				if line == nil {
					line, byData = &hs[i], led
				}
			}
		}
		if line != nil {
			return *line, true
		}
	}
	if c.all {
		// Where the checklist points, a sentence under a title that rules
		// the element's titles out comes after any other: "You may also
		// contact your supervisory authority" under "Data Privacy
		// Framework complaints" is the framework's dispute route, where
		// the notice's own statement of the right is elsewhere.
		if rest := slices.DeleteFunc(slices.Clone(hs), func(x hit) bool { return underNotTitle(id, x.Section) }); len(rest) > 0 {
			hs = rest
		}
		// So does the introduction before the first section, which
		// sums up what the sections say: "We comply with the Data
		// Privacy Framework" there, where a section for the reader's
		// country names the safeguards.
		if rest := slices.DeleteFunc(slices.Clone(hs), func(x hit) bool { return x.Section == nil }); len(rest) > 0 {
			hs = rest
		}
	}
	count := map[*notices.Section]int{}
	for _, x := range hs {
		count[x.Section]++
	}
	best := hs[0]
	for _, x := range hs[1:] {
		if count[x.Section] > count[best.Section] {
			best = x
		}
	}
	return best, true
}

// dataLed reports whether a folded title is led by the data it is about:
// "Information we receive from third parties", "_**Personal data shared
// by our partners**_", not "Third parties who pass information to us".
func dataLed(title string) bool {
	t := strings.TrimLeft(title, " *_#.0123456789\\")
	for _, w := range []string{"information ", "data ", "personal ", "your information ", "your data ", "your personal ", "details ", "the information ", "the data ", "the personal "} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// underNotTitle reports whether s or a section it is in has a title that
// rules out element id's titles.
func underNotTitle(id string, s *notices.Section) bool {
	w := table.notTitles[id]
	if w == nil || s == nil {
		return false
	}
	for _, a := range s.Ancestors() {
		if a.Title != "" && w.in(fold(a.Title)) {
			return true
		}
	}
	return false
}

// follow returns, for a hit whose sentence sends the reader to another
// section ("for our legal bases, see section 15"), the first sentence of
// that section that states the element: the pointer is not the statement.
// A hit with no such reference is returned as it is.
func (c *content) follow(id string, h hit) hit {
	if h.Title || h.Para == nil {
		return h
	}
	hs := c.hitsOf(id)
	_, here := firstIn(hs, h.Section)
	for _, r := range c.n.Refs {
		if r.Target == nil || r.Para != h.Para || r.Span.Start < h.Span.Start || r.Span.Start >= h.Span.End || r.Target.Contains(h.Section) {
			continue
		}
		// The sentence sends the reader on ("see section 15"); "we share
		// it for the purposes set out in section 4" points at the
		// purposes, not at the recipients. The target must state the
		// element more than the hit's own section.
		if !pointsOn(c.n.Source[max(h.Span.Start, r.Span.Start-16):r.Span.Start]) {
			continue
		}
		if in, n := firstIn(hs, r.Target); n > here {
			return *in
		}
	}
	return h
}

// pointsOn reports whether the text just before a reference sends the
// reader to it: "see", "refer to", "go to", "read".
func pointsOn(before []byte) bool {
	b := fold(string(before))
	for _, w := range []string{"see ", "see:", "refer to ", "go to ", "read "} {
		if strings.Contains(b, w) {
			return true
		}
	}
	return false
}

// introduces reports whether a block opens with a line that introduces
// what follows it: a line ending with a colon, followed by more (in the
// block, or by the blocks after it when more is true).
func introduces(text string, more bool) bool {
	line := firstLine(strings.TrimSpace(text))
	return (more || len(line) < len(strings.TrimSpace(text))) && strings.HasSuffix(strings.TrimRight(line, " \\"), ":")
}

// firstLine is text up to its first line break.
func firstLine(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	return line
}

// firstIn returns the first sentence hit inside s and how many there are.
func firstIn(hs []hit, s *notices.Section) (*hit, int) {
	var in *hit
	n := 0
	for i, x := range hs {
		if !x.Title && s.Contains(x.Section) {
			if in == nil {
				in = &hs[i]
			}
			n++
		}
	}
	return in, n
}

// titleLines maps each para to the folded text of the title-like line
// that heads it: a short para of its own, without a full stop, or a bold
// lead ("**Information you give us**"), up to eight paras back within its
// section. Notices write titles as such lines as often as headings.
func titleLines(n *notices.Notice) map[*notices.Para]string {
	out := map[*notices.Para]string{}
	last, lastSec, since := "", (*notices.Section)(nil), 0
	for _, p := range n.Paras() {
		if p.Section != lastSec {
			last, lastSec = "", p.Section
		}
		if t := titleLike(p.Text); t != "" {
			last, since = fold(t), 0
		}
		if since++; since > 9 {
			last = ""
		}
		out[p] = last
	}
	return out
}

// titleLike returns the title in a para that is one (a short line with no
// full stop at its end) or opens with one in bold, else "".
func titleLike(text string) string {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "**") {
		if k := strings.Index(t[2:], "**"); k > 0 && k < 120 {
			return t[2 : 2+k]
		}
	}
	if len(t) > 0 && len(t) <= 100 && !strings.ContainsAny(t, "\n") && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ";") && !strings.HasSuffix(t, ",") {
		return t
	}
	return ""
}

// supports returns, as a hit, the first sentence inside s that holds the
// objects of one of element id's rows, as the text under a title naming
// the element must (contentTable.support), and how many do. Where s goes
// on in sub-sections ("Who we share your data with" over "Hosting",
// "Customer support"), the first is in them: they name what the section
// is about, where the opening before them is about it in general ("We
// share data in line with the Data Protection Regulation").
func (c *content) supports(id string, s *notices.Section) (*hit, int) {
	var first, later *hit
	from := s.Span.Start
	if len(s.Children) > 0 {
		from = s.Children[0].Span.Start
	}
	n := 0
	for _, p := range c.n.Paras() {
		if !s.Contains(p.Section) {
			continue
		}
		for _, st := range p.Sentences() {
			r, ok := table.supportRow(id, p.Text[st.Start:st.End])
			if !ok {
				continue
			}
			h := &hit{Span: notices.Span{Start: p.Start + st.Start, End: p.Start + st.End}, Para: p, Section: p.Section, Row: r}
			if first == nil {
				first = h
			}
			if later == nil && p.Start >= from {
				later = h
			}
			n++
		}
	}
	if later != nil {
		return later, n
	}
	return first, n
}

// holdsSentence reports whether one of hs is a sentence inside s: a title
// names an element, and only the text under it shows that the element is
// stated ("Disclosure of your information" over "we are careful about who
// sees it" names no recipient).
func holdsSentence(hs []hit, s *notices.Section) bool {
	for _, x := range hs {
		if !x.Title && s.Contains(x.Section) {
			return true
		}
	}
	return false
}

// firstText is the span of the first block under s, its clauses' included.
func firstText(s *notices.Section) (notices.Span, bool) {
	if len(s.Blocks) > 0 {
		return s.Blocks[0].Span, true
	}
	for _, ch := range s.Children {
		if sp, ok := firstText(ch); ok {
			return sp, true
		}
	}
	return notices.Span{}, false
}

// present is the verdict for an element found at h.
func present(id string, h hit, why string) Verdict {
	return Verdict{ID: id, Status: Present, At: h.Span, Section: h.Section, Why: why}
}

// notApplicable is the verdict for an element the notice owes nobody.
func notApplicable(id, why string) Verdict {
	return Verdict{ID: id, Status: NotApplicable, Why: why}
}

// outOfScope is the verdict for a notice outside UK and EU GDPR, or "" when
// it is under one of them.
func outOfScope(f *notices.Facts) string {
	if f.Scope.GDPR() {
		return ""
	}
	return "the notice is not written under UK or EU GDPR"
}

// evidenceAt returns where a fact was read, and the section it is in; a
// stated fact has no span.
func evidenceAt(n *notices.Notice, e notices.Evidence) (notices.Span, *notices.Section) {
	if e.Stated || !e.Found() {
		return notices.Span{}, nil
	}
	return e.Span, n.SectionAt(e.Span.Start)
}

// factWhy says where a fact comes from, for a verdict's Why.
func factWhy(n *notices.Notice, what string, e notices.Evidence) string {
	if e.Stated {
		return what + " (stated in the configuration)"
	}
	if !e.Found() {
		return what
	}
	return fmt.Sprintf("%s (line %d)", what, n.Pos(e.Span.Start).Line)
}

// check is the Check of an element's rule: report the verdict when the
// element is missing or partial.
func (e *element) check(pass *lint.Pass) {
	f := pass.Facts()
	if !f.Scope.GDPR() || !inEnglish(pass.Notice) || f.Supplement.Holds {
		return // no element applies or can be read, and the notice need not be
	}
	v := e.verdict(pass.Notice, contentOf(pass.Notice), f)
	if v.Status != Missing && v.Status != Partial {
		return
	}
	if v.At.End <= v.At.Start && v.At.Start == 0 {
		pass.ReportNoticeAt(v.Severity, v.Message, v.Fix)
		return
	}
	pass.ReportAt(v.Severity, v.At, v.Section, v.Message, v.Fix)
}

// verdict judges the element on notice n, whose content c has been read,
// under facts f; a notice not in English is not judged (c may then be nil).
func (e *element) verdict(n *notices.Notice, c *content, f *notices.Facts) Verdict {
	if !inEnglish(n) {
		return notApplicable(e.rule.ID, notEnglish)
	}
	if f.Supplement.Holds && f.Scope.GDPR() {
		// The privacy information comes in layers: a cookie policy that
		// sends the reader to the privacy notice is one, and the notice
		// states the elements.
		return notApplicable(e.rule.ID, factWhy(n, supplementWhy, f.Supplement.Evidence))
	}
	return e.judge(c, f)
}

// supplementWhy is why no element is judged in a cookie policy beside a
// privacy notice.
const supplementWhy = "the notice is a cookie policy that sends the reader to the privacy notice, which gives the privacy information"

// Checklist judges every content element for notice n under facts f (the
// notice's own, or with a configuration's stated facts): one verdict per
// element, in the order of Articles 13 and 14.
func Checklist(n *notices.Notice, f *notices.Facts) []Verdict {
	out := make([]Verdict, 0, len(elements))
	var c *content
	if inEnglish(n) {
		c = readContent(n, true) // the text is read only where it can be
	}
	for _, e := range elements {
		v := e.verdict(n, c, f)
		v.ID = e.rule.ID
		out = append(out, v)
	}
	return out
}

// ContentRules returns the content element rules, in the order of Articles
// 13 and 14.
func ContentRules() []*lint.Rule {
	out := make([]*lint.Rule, len(elements))
	for i, e := range elements {
		out[i] = e.rule
	}
	return out
}

// dataLedSource returns the first sentence that says where data come from
// under a title, or a title-like line, led by the data (dataLed).
func (c *content) dataLedSource() (hit, bool) {
	titled := c.n.Memo(titledKey{}, func() any { return titleLines(c.n) }).(map[*notices.Para]string)
	w := table.titles["data-source"]
	for _, x := range c.sentences("data-source") {
		if t := titled[x.Para]; t != "" && w.in(t) && dataLed(t) {
			return x, true
		}
		for _, s := range x.Section.Ancestors() {
			if t := fold(s.Title); w.in(t) && dataLed(t) {
				return x, true
			}
		}
	}
	return hit{}, false
}
