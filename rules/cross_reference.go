package rules

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// CrossReference checks that every reference into the notice points at a
// section that exists and is about what the reference says.
var CrossReference = &lint.Rule{
	ID:       "cross-reference",
	Summary:  "Every cross-reference points to a section that exists and is about what it says",
	Severity: lint.Error,
	Since:    "0.1.0",
	Doc: `Why: UK GDPR Article 12(1) requires information "in a concise, transparent,
intelligible and easily accessible form". A reference that sends the reader to the
wrong section after a renumbering ("see section 15 on how to make a complaint" when
complaints moved to 16) hides the information it promises.

References are "section 15", "section three", "sections 3 and 4", "clause 12.2",
"paragraph 4", "Appendix 1", "Annex A", their parts ("Section 4(A)"), and parts
without a number ("the table below", "the contents section"). References to
legislation and other documents ("section 7 of the Data Protection Act 2018",
"Article 21", "Schedule 2 to the DPA", "clause 7.2 of your lease", "Section 3 of
our Cookie Policy") are not references into the notice and are never checked.

Fails:
  - the target does not exist ("see section 3.6" when section 3 ends at 3.5);
  - the target has no such part ("Section 4(A)" when section 4 is two paragraphs
    with no parts, or "section 2(d)" when section 2 is lettered (a) to (c));
  - the target exists but its title plainly does not match the topic the reference
    names: a quoted title ("section three, 'How we use your information'") that the
    target does not have, or a topic ("on how to make a complaint", "payment data
    (section 2.8)", "the responsible person as stated in section 1") that another
    section's title names. Titles decide first; the target's text decides only
    when no title names the topic. The fix names the matching section;
  - "the table below" with prose where the table should be, or "the contents
    section" in a notice with no table of contents.

Passes: a reference whose target's title covers the topic, or, when no title
names it, whose text does; a close paraphrase of the title ("how to make a
complaint" for "Make a complaint"); a reference made from the section that holds
its topic; one to a number the notice gives two sections.

Fix: point the reference at the section that holds the information.`,
	Check: checkCrossReference,
}

func checkCrossReference(pass *lint.Pass) {
	n := pass.Notice
	numbers, kinds := numbering(n)
	if numbers && otherNumbering(n) {
		numbers = false
	}
	titles := newTitleIndex(n)
	for _, r := range n.Refs {
		from := r.Para.Section
		if r.Target == nil {
			checkMissing(pass, titles, r, numbers, kinds)
			continue
		}
		if len(r.Parts()) > 0 {
			// A reference to a part is judged by the part: its topic is the
			// part's, not the section title's.
			checkPart(pass, titles, r)
			continue
		}
		if r.Topic != "" {
			checkTopic(pass, titles, r, from)
		}
	}
	html := htmlTables(n.Source)
	for _, pr := range n.PartRefs {
		checkPartRef(pass, pr, html)
	}
}

// checkMissing reports a reference to a number no section has.
func checkMissing(pass *lint.Pass, titles *titleIndex, r *notices.Ref, numbers bool, kinds map[string]bool) {
	n := pass.Notice
	prefix := kindPrefix(r.Key)
	if paras := n.NumberedParagraphs(); r.Kind() == "paragraph" && len(paras) > 0 && !numbers {
		pass.Report(r.Span, r.Para.Section, fmt.Sprintf("%q does not exist: the notice numbers its paragraphs 1 to %d.", r.Text, len(paras)), "")
		return
	}
	if prefix == "" && !numbers {
		// With no section numbered the way the reference is, there is
		// nothing to check it against: the notice may number its headings
		// in a way noticelint does not read (a linked table of contents,
		// say), and a wall of "does not exist" would bury the real
		// findings.
		return
	}
	if prefix != "" && !kinds[prefix] && (prefix != "appendix" || !numbers && len(kinds) == 0) {
		// A notice with no schedules or annexes of its own that names
		// "Schedule 2" or "Annex I" quotes the law or the standard clauses
		// it relies on, whose parts they are; and a notice with no
		// numbered parts at all cannot be judged.
		return
	}
	if prefix == "" {
		for s := r.Para.Section; s != nil; s = s.Parent {
			if kindPrefix(s.Key) != "" {
				return // an appendix numbers its own paragraphs
			}
		}
		if n.Written(r.Key) {
			// A line opens with the number: the part is there, in a shape
			// the tree did not read as a title.
			return
		}
	}
	// "Section 8.1.1" where clause 8.1 sets out parts "(1)", "(2)" in its
	// own text names its part (1): the tree holds those parts as text, not
	// as clauses.
	if i := strings.LastIndex(r.Key, "."); i > 0 {
		if parent := n.Lookup(r.Key[:i]); parent != nil {
			if slices.Contains(numberedParts(parent), r.Key[i+1:]) {
				return
			}
		}
	}
	msg := fmt.Sprintf("%q does not exist: %s.", r.Text, nearby(n, r))
	fix := ""
	if best, _ := titles.bestMatch(r.Topic, r.Para.Section); best != nil && r.Topic != "" {
		fix = "Did you mean " + best.Label() + "?"
	}
	pass.Report(r.Span, r.Para.Section, msg, fix)
}

// numberedParts returns the numbers of the parts a section sets out in its
// own text as "(1) ...", "(2) ..." (or "1) ..."): the paragraphs or list
// items a clause numbers inside itself.
func numberedParts(s *notices.Section) []string {
	var out []string
	add := func(line string) {
		line = strings.TrimLeft(line, "*_ \t")
		line = strings.TrimPrefix(line, "(")
		k := 0
		for k < len(line) && k < 3 && line[k] >= '0' && line[k] <= '9' {
			k++
		}
		if k > 0 && k < len(line) && line[k] == ')' {
			out = append(out, strings.TrimLeft(line[:k], "0"))
		}
	}
	for _, bl := range s.Blocks {
		switch bl.Kind {
		case notices.List:
			for _, it := range bl.Items {
				add(it.Text)
			}
		case notices.Paragraph:
			for _, line := range strings.Split(bl.Text, "\n") {
				add(line)
			}
		}
	}
	return out
}

func isDigitLabel(l string) bool { return l != "" && l[0] >= '0' && l[0] <= '9' }

// otherNumbering reports whether the notice's references follow a numbering
// its sections do not have: at least three distinct section numbers are
// referred to that no section has, more than those that resolve. A notice
// that quotes a contract or standard clauses ("Clause 8.5", "paragraph
// 3.3.2") refers to that text's numbering, which the tree does not hold.
func otherNumbering(n *notices.Notice) bool {
	found, missing := map[string]bool{}, map[string]bool{}
	for _, r := range n.Refs {
		if kindPrefix(r.Key) != "" {
			continue
		}
		if r.Target != nil {
			found[r.Key] = true
		} else {
			missing[r.Key] = true
		}
	}
	return len(missing) >= 3 && len(missing) > len(found)
}

// checkPart reports a reference to a sub-part ("Section 4(A)") that its
// section plainly lacks.
func checkPart(pass *lint.Pass, titles *titleIndex, r *notices.Ref) {
	labels, known := titles.parts(r.Target)
	want := strings.ToLower(r.Parts()[0])
	if !known || slices.Contains(labels, want) {
		return
	}
	if isDigitLabel(want) != (len(labels) > 0 && isDigitLabel(labels[0])) && len(labels) > 0 {
		return // "13(1)" in a section lettered (a) to (c) counts in another way
	}
	has := "which has no lettered parts"
	switch len(labels) {
	case 0:
	case 1:
		has = "whose only part is (" + labels[0] + ")"
	default:
		has = "whose parts are (" + labels[0] + ") to (" + labels[len(labels)-1] + ")"
	}
	fix := "Correct the part or the section number."
	if best, _ := titles.bestMatch(r.Topic, r.Para.Section); best != nil && r.Topic != "" && best != r.Target {
		fix = "Point the reference to " + best.Label() + "."
	}
	pass.Report(r.Span, r.Para.Section, fmt.Sprintf("%q names part (%s) of %s, %s.", r.Text, r.Parts()[0], r.Target.Label(), has), fix)
}

// checkTopic reports a reference whose target is not about the topic it
// names. Titles decide first: a target whose title matches is right, and
// one whose title does not is wrong when another section's title matches
// well. Only when no title matches does the target's text decide.
func checkTopic(pass *lint.Pass, titles *titleIndex, r *notices.Ref, from *notices.Section) {
	target := r.Target
	if len(stems(r.Topic)) == 0 {
		return // "About this policy": nothing in it tells one section from another
	}
	if r.TopicQuoted() {
		if titleScore(r.Topic, target.Title) >= 0.5 || (target.Title == "" && titles.coverage(r.Topic, target) >= 0.6) {
			return
		}
		fix := "No section has that title: update the quoted title or the number."
		if cands := titles.matches(r.Topic, from); len(cands) == 1 {
			fix = "Point the reference to " + cands[0].Label() + "."
		} else if len(cands) > 1 {
			fix = "No section has that title; the closest are " + cands[0].Label() + " and " + cands[1].Label() + "."
		}
		pass.Report(r.Span, from, fmt.Sprintf("%q points to %s, which is not about '%s'.", r.Text, target.Label(), r.Topic), fix)
		return
	}
	// A topic read from the words before a reference may be a whole
	// clause ("the web analytics services use cookies (see section 4.1)"):
	// a title whose words it holds names it too.
	own := max(titleScore(r.Topic, target.Title), covered(stems(target.Title), stems(r.Topic)))
	if own >= 0.3 {
		return
	}
	// An untitled clause is what its text says.
	if target.Title == "" && titles.coverage(r.Topic, target) >= 0.5 {
		return
	}
	best, score := titles.bestMatch(r.Topic, from)
	if best == nil || target.Contains(best) || best.Contains(target) || score < 0.6 || score-own < 0.3 {
		return
	}
	// A reference made from the section whose title names the topic sends
	// the reader elsewhere for more ("Cookies": "for third-party cookies,
	// see section 6").
	if here, hs := titles.bestMatch(r.Topic, nil); here != nil && here.Contains(from) && hs >= score {
		return
	}

	// "sections 8 and 10" share a topic: one of them holding it will do.
	// So will another section numbered like one of them: a notice that
	// numbers two sections alike ("9. Use of cookies", "9. Your rights")
	// may mean either.
	for _, o := range r.Group() {
		for _, s := range pass.Notice.SectionsKeyed(o.Key) {
			if s.Contains(best) || best.Contains(s) {
				return
			}
		}
	}
	// With no title of its own to weigh, an untitled clause is wrong only
	// when another title names the topic in so many words.
	if target.Title == "" && titleScore(r.Topic, best.Title) < 0.6 {
		return
	}
	pass.Report(r.Span, from,
		fmt.Sprintf("%q points to %s, which is not about %s; that is %s.", r.Text, target.Label(), strings.TrimPrefix(r.Topic, "the "), best.Label()),
		"Point the reference to "+best.Label()+".")
}

// checkPartRef reports a reference to a part without a number ("the table
// below", "the contents section") that the notice plainly lacks.
func checkPartRef(pass *lint.Pass, pr *notices.PartRef, html func() (first, last int)) {
	n := pass.Notice
	switch pr.Part {
	case "table":
		off := pr.Span.Start
		before, after := false, false
		for _, p := range n.Paras() {
			if p.Block != nil && p.Block.Kind == notices.Table {
				if p.Start < off {
					before = true
				} else {
					after = true
				}
			}
		}
		// A table converted to a list of records is still the table.
		for _, at := range recordLists(n) {
			before, after = before || at < off, after || at > off
		}
		if first, last := html(); first >= 0 {
			// An HTML table is not read, but it is there.
			before, after = before || first < off, after || last > off
		}
		if pr.Where == "below" && after || pr.Where == "above" && before {
			return
		}
		// "The table above" with a table right after the reference (or
		// "below" with one right before it) means that table: the
		// direction is a slip, the table is there.
		if tableBeside(n, pr, pr.Where == "below") {
			return
		}
		// A table lost in conversion leaves its cells behind as short
		// lines, bold labels or a list; the notice plainly has no table
		// only where prose follows (or, for "above", precedes) the
		// reference in the same section.
		if !proseBeside(n, pr, pr.Where == "above") {
			return
		}
		msg := fmt.Sprintf("%q refers to a table, but the notice has no table %s it.", pr.Text, map[string]string{"below": "after", "above": "before"}[pr.Where])
		if !before && !after {
			msg = fmt.Sprintf("%q refers to a table, but the notice has none.", pr.Text)
		}
		pass.Report(pr.Span, pr.Para.Section, msg, "Add the table, or say where the information is.")
	case "contents":
		if n.TOC != nil || hasContentsTitle(n) {
			return
		}
		pass.Report(pr.Span, pr.Para.Section, fmt.Sprintf("%q refers to a table of contents, but the notice has none.", pr.Text),
			"Add a table of contents, or point to the sections by name or number.")
	}
}

// proseBeside reports whether the block next to the one holding a part
// reference, after it (or before it, with back), is a paragraph of prose in
// the same section, and nothing else stands between them: the reference's
// own paragraph ends with the sentence that holds it.
func proseBeside(n *notices.Notice, pr *notices.PartRef, back bool) bool {
	rest := pr.Para.Text[pr.Span.End-pr.Para.Start:]
	if back {
		rest = pr.Para.Text[:pr.Span.Start-pr.Para.Start]
	}
	if strings.Contains(rest, "\n") {
		return false
	}
	q := blockBeside(n, pr, back)
	return q != nil && q.Block.Kind == notices.Paragraph && isProse(q.Text)
}

// tableBeside reports whether the block next to the one holding a part
// reference, after it (or before it, with back), is a table in the same
// section.
func tableBeside(n *notices.Notice, pr *notices.PartRef, back bool) bool {
	q := blockBeside(n, pr, back)
	return q != nil && q.Block.Kind == notices.Table
}

// blockBeside returns the first para of the block next to the one holding
// a part reference, after it (or before it, with back), when it is in the
// same section; else nil.
func blockBeside(n *notices.Notice, pr *notices.PartRef, back bool) *notices.Para {
	paras := n.Paras()
	i := slices.Index(paras, pr.Para)
	if i < 0 {
		return nil
	}
	step := 1
	if back {
		step = -1
	}
	for j := i + step; j >= 0 && j < len(paras); j += step {
		if q := paras[j]; q.Block != pr.Para.Block {
			if q.Section != pr.Para.Section {
				return nil
			}
			return q
		}
	}
	return nil
}

// recordLists returns where each list of records in n starts: a run of
// list items in which at least two sub-lists are labelled lines alone
// ("Source: ...", "Purpose: ...") opening with the same label. That is a
// table converted to Markdown one row per item, which a notice still calls
// "the table above".
func recordLists(n *notices.Notice) []int {
	var out []int
	start, labels, found := -1, map[string]int{}, false
	for _, p := range n.Paras() {
		if p.Item == nil {
			start, labels, found = -1, map[string]int{}, false
			continue
		}
		if start < 0 {
			start = p.Start
		}
		b := p.Block
		if found || b.Within == nil || p.Item != b.Items[0] || len(b.Items) < 2 {
			continue // one look per sub-list
		}
		first := lineLabel(b.Items[0].Text)
		for _, it := range b.Items {
			if lineLabel(it.Text) == "" {
				first = ""
			}
		}
		if first == "" {
			continue
		}
		if labels[first]++; labels[first] == 2 {
			out, found = append(out, start), true
		}
	}
	return out
}

// lineLabel returns the label a line opens with, folded ("Sources of
// personal data" in "Sources of personal data: our users"): at most ten
// words before a colon, with no full stop. It is "" for any other line.
func lineLabel(text string) string {
	head, _, ok := strings.Cut(strings.TrimSpace(text), ":")
	head = strings.Trim(head, "*_ ")
	if !ok || head == "" || strings.Contains(head, ".") || len(strings.Fields(head)) > 10 {
		return ""
	}
	return strings.ToLower(head)
}

// isProse reports whether a paragraph reads as a sentence: one line of
// eight words or more ending as a sentence does, not a label or a row of
// cells.
func isProse(t string) bool {
	t = strings.TrimSpace(t)
	return !strings.Contains(t, "\n") && len(strings.Fields(t)) >= 8 && strings.ContainsAny(t[len(t)-1:], ".:!?") &&
		!strings.HasPrefix(t, "**") && !strings.HasPrefix(t, "|")
}

// hasContentsTitle reports whether a section or a short line of the notice
// is titled as a table of contents.
func hasContentsTitle(n *notices.Notice) bool {
	found := false
	n.Walk(func(s *notices.Section) { found = found || isContentsTitle(s.Title) })
	for _, p := range n.Paras() {
		if found {
			break
		}
		if len(p.Text) < 40 {
			found = isContentsTitle(p.Text)
		}
	}
	return found
}

func isContentsTitle(t string) bool {
	t = strings.ToLower(strings.Trim(t, " *_#:"))
	if t == "contents" || t == "table of contents" || t == "in this notice" || t == "in this policy" || t == "on this page" {
		return true
	}
	// The contents are often one section with the notice's opening:
	// "Introduction and contents", "Summary and contents of this policy".
	// Only words about the notice itself may stand beside "contents", so
	// that "Message contents we keep" is not taken for one.
	words := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == ',' || r == '&' })
	hasContents := false
	for _, w := range words {
		switch w {
		case "contents":
			hasContents = true
		case "introduction", "summary", "overview", "about", "and", "of", "this", "the", "notice", "policy", "page", "statement":
		default:
			return false
		}
	}
	return hasContents && len(words) > 1
}

// htmlTables returns a function that finds, once, the offsets of the first
// and last HTML "<table" in src (any case), or -1, -1.
func htmlTables(src []byte) func() (int, int) {
	first, last, done := -1, -1, false
	return func() (int, int) {
		if !done {
			done = true
			for i := bytes.IndexByte(src, '<'); i >= 0; {
				if i+6 <= len(src) && bytes.EqualFold(src[i:i+6], []byte("<table")) {
					if first < 0 {
						first = i
					}
					last = i
				}
				j := bytes.IndexByte(src[i+1:], '<')
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
		return first, last
	}
}

// titleIndex finds the sections whose titles share a stem with a topic.
// Comparing every reference's topic with every title, stemming both each
// time, made a long notice cost the product of its references and its
// sections; the index stems each title once and compares a topic only with
// the titles it could score above zero against.
type titleIndex struct {
	n      *notices.Notice
	built  bool
	titled []*notices.Section // sections and clauses with a title, in document order
	stems  []map[string]bool  // the stems of each title
	byStem map[string][]int   // stem -> indexes into titled, ascending
	seen   []int              // seen[i] == query when titled[i] is already a candidate
	query  int
	// texts caches the stems of the sections references point to: many
	// references to one long section would otherwise stem it each time.
	texts map[*notices.Section]map[string]bool
	// partLabels caches each target's PartLabels, for the same reason.
	partLabels map[*notices.Section]partInfo
}

type partInfo struct {
	labels []string
	known  bool
}

// parts returns s.PartLabels(), computed once per section.
func (ix *titleIndex) parts(s *notices.Section) ([]string, bool) {
	if ix.partLabels == nil {
		ix.partLabels = map[*notices.Section]partInfo{}
	}
	p, ok := ix.partLabels[s]
	if !ok {
		p.labels, p.known = s.PartLabels()
		ix.partLabels[s] = p
	}
	return p.labels, p.known
}

func newTitleIndex(n *notices.Notice) *titleIndex {
	return &titleIndex{n: n, texts: map[*notices.Section]map[string]bool{}}
}

// coverage is the share of the topic's stems that s's text contains.
func (ix *titleIndex) coverage(topic string, s *notices.Section) float64 {
	sx, ok := ix.texts[s]
	if !ok {
		sx = stems(s.Text())
		ix.texts[s] = sx
	}
	return covered(stems(topic), sx)
}

func (ix *titleIndex) build() {
	ix.built = true
	ix.byStem = map[string][]int{}
	ix.n.Walk(func(s *notices.Section) {
		if s.Title == "" {
			return
		}
		i := len(ix.titled)
		st := stems(s.Title)
		ix.titled = append(ix.titled, s)
		ix.stems = append(ix.stems, st)
		for w := range st {
			ix.byStem[w] = append(ix.byStem[w], i)
		}
	})
	ix.seen = make([]int, len(ix.titled))
}

// candidates returns the topic's stems and the indexes, in document order, of
// the titles that share at least one of them. Every other title scores 0.
func (ix *titleIndex) candidates(topic string) (map[string]bool, []int) {
	if !ix.built {
		ix.build()
	}
	st := stems(topic)
	ix.query++
	var out []int
	for w := range st {
		for _, i := range ix.byStem[w] {
			if ix.seen[i] != ix.query {
				ix.seen[i] = ix.query
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return st, out
}

// matches returns the best title match for topic, or the two best when they
// score the same: naming one of a tie would be a guess.
func (ix *titleIndex) matches(topic string, from *notices.Section) []*notices.Section {
	best, score := ix.bestMatch(topic, from)
	if best == nil {
		return nil
	}
	// A tie scores at least 0.49, so it shares a stem with the topic.
	st, cands := ix.candidates(topic)
	for _, i := range cands {
		if s := ix.titled[i]; s != best && !s.Contains(from) && titleMatch(st, ix.stems[i]) >= score-0.01 {
			return []*notices.Section{best, s}
		}
	}
	return []*notices.Section{best}
}

// bestMatch finds the section or clause whose title best matches topic,
// leaving out the section the reference stands in. The first of equal
// scores, in document order, wins.
func (ix *titleIndex) bestMatch(topic string, from *notices.Section) (*notices.Section, float64) {
	var best *notices.Section
	score := 0.0
	st, cands := ix.candidates(topic)
	for _, i := range cands {
		s := ix.titled[i]
		if from != nil && s.Contains(from) {
			continue
		}
		if v := titleMatch(st, ix.stems[i]); v > score {
			best, score = s, v
		}
	}
	if score < 0.5 {
		return nil, score
	}
	return best, score
}

// nearby says which numbers do exist near a missing target, so the reader can
// see whether it is a typo or a renumbering.
func nearby(n *notices.Notice, r *notices.Ref) string {
	parts := strings.Split(r.Key, ".")
	if len(parts) > 1 {
		parent := n.Lookup(strings.Join(parts[:len(parts)-1], "."))
		if parent == nil {
			return fmt.Sprintf("there is no section %s either", strings.Join(parts[:len(parts)-1], "."))
		}
		// Unnumbered sub-headings are children too, but have no number to
		// name.
		var nums []string
		for _, c := range parent.Children {
			if c.Number != "" && !slices.Contains(nums, c.Number) {
				nums = append(nums, c.Number)
			}
		}
		switch parts := numberedParts(parent); {
		case len(nums) == 0 && len(parts) == 1:
			return fmt.Sprintf("%s has only part (%s)", parent.Label(), parts[0])
		case len(nums) == 0 && len(parts) > 1:
			return fmt.Sprintf("%s has parts (%s) to (%s)", parent.Label(), parts[0], parts[len(parts)-1])
		}
		switch len(nums) {
		case 0:
			return fmt.Sprintf("%s has no numbered clauses", parent.Label())
		case 1:
			return fmt.Sprintf("%s has only clause %s", parent.Label(), nums[0])
		}
		return fmt.Sprintf("%s has clauses %s to %s", parent.Label(), nums[0], nums[len(nums)-1])
	}
	prefix := kindPrefix(r.Key)
	var nums []string
	n.Walk(func(s *notices.Section) {
		if s.Key == "" || strings.Contains(s.Key, ".") || kindPrefix(s.Key) != prefix {
			return
		}
		if prefix != "" || isNumber(s.Key) || notices.RomanValue(s.Key) > 0 {
			nums = append(nums, s.Number)
		}
	})
	switch len(nums) {
	case 0:
		return "the notice has no " + map[string]string{"": "numbered sections", "appendix": "appendices", "annex": "annexes", "schedule": "schedules"}[prefix]
	case 1:
		return "the only one is " + kindOf(r) + nums[0]
	}
	if kindOf(r) == "" {
		return fmt.Sprintf("the notice has %s to %s", nums[0], nums[len(nums)-1])
	}
	return fmt.Sprintf("the notice has sections %s to %s", nums[0], nums[len(nums)-1])
}

// kindPrefix is the kind of part a key names: "appendix", "annex",
// "schedule", or "" for a numbered section.
func kindPrefix(key string) string {
	if i := strings.IndexByte(key, '-'); i >= 0 {
		return key[:i]
	}
	return ""
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// kindOf is the word for the kind of target a reference names, for messages.
func kindOf(r *notices.Ref) string {
	if r.Kind() == "appendix" || r.Kind() == "annex" || r.Kind() == "schedule" {
		return ""
	}
	return "section "
}

// numbering reports which kinds of number the notice's own sections carry:
// plain numbers ("3", "3.4") at any level, and the kinds of lettered part
// ("appendix", "annex", "schedule"). A notice whose only numbered headings
// are its appendices still numbers its sections somewhere noticelint cannot
// see (often only in a linked table of contents), so a "section 5" in it
// cannot be judged missing.
func numbering(n *notices.Notice) (numbers bool, kinds map[string]bool) {
	kinds = map[string]bool{}
	n.Walk(func(s *notices.Section) {
		if s.Key == "" {
			return
		}
		if p := kindPrefix(s.Key); p != "" {
			kinds[p] = true
		} else if top := strings.SplitN(s.Key, ".", 2)[0]; (isNumber(top) || notices.RomanValue(top) > 0) && (s.Parent == nil || s.Parent.Key == "") {
			numbers = true
		}
	})
	return numbers, kinds
}
