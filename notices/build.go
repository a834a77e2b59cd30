package notices

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/noticelint/noticelint/pattern"
)

var (
	// clauseNum: "16.1 As with all our services", "5.8.1 Providing ...".
	clauseNum = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})+)\.?(?:[\t \x{00A0}]+|$)`)
	// titleNum: "16. How to make a complaint", "1 - Introduction", "2- Who
	// we are", "5 Why we collect this information", "4) Cookies".
	titleNum = regexp.MustCompile(`^(\d{1,2})(?:[.)][\t \x{00A0}]+|[\t \x{00A0}]*[-–—:][\t \x{00A0}]*|[\t \x{00A0}]+)(\S.*)$`)
	// gluedNum: a number whose title follows its dot with no space, as
	// careless editing leaves it ("5.What personal data we collect"): the
	// same title as "5. What ...". A capital and a small letter must follow,
	// so "5.UK" and "2.3.4" are not read so.
	gluedNum = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*\.)\p{Lu}\p{Ll}`)
	// romanNum: a title numbered in Roman numerals ("VI. How can you
	// exercise your rights", "## IV. Sharing"), as some notices number
	// their sections.
	romanNum    = regexp.MustCompile(`^([IVX]{1,7})\.[\t \x{00A0}]+(\p{Lu}.*)$`)
	secondRoman = regexp.MustCompile(`^II\\?\.[\t \x{00A0}]+\p{Lu}`)
	// headingNum: the number a Markdown heading opens with ("3.4", "16.").
	headingNum = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)(?:[.)]?[\t \x{00A0}]+|[\t \x{00A0}]*[-–—:][\t \x{00A0}]*)(\S.*)$`)
	// appendixNum: "Appendix 4", "Annex A: Suppliers", "Schedule 2 - Retention".
	appendixNum = regexp.MustCompile(`^(Appendix|APPENDIX|Annex|ANNEX|Schedule|SCHEDULE)[\t \x{00A0}]+(\d{1,2}|[A-Z]|[IVX]{1,4})\b[\t \x{00A0}]*[-–—:.]?[\t \x{00A0}]*(.*)$`)
	// linkOnly: a list item that is nothing but an in-page link, as in a
	// Markdown table of contents.
	linkOnly = regexp.MustCompile(`^\[([^\]]+)\]\([^)\s]*#[^)]*\)$`)
)

// maxTOCStart is how many units from the top a table of contents may start.
const maxTOCStart = 200

type builder struct {
	n     *Notice
	units []unit
	src   string // masked source: units, blocks and paras share its memory

	toc        map[int]bool    // unit indexes that belong to the table of contents
	tocTitle   map[int]string  // section number -> title, from the TOC
	tocLoose   map[string]bool // unnumbered titles the TOC lists
	nextClause []int           // major number of the next clause after each unit, or -1
	levels     map[int]int     // heading level -> section level

	open   []*Section
	all    []*Section
	orphan int // index of a rejected numbered title just before, or -1
	// items are the latest list item at each nesting depth: what a block
	// at the next depth is nested in.
	items []*Item
	// titles is the list whose items are being read as section titles
	// ("1. **Who we are**" followed by its text, "2. **What we collect**"),
	// and lift the depth of the open title item's body (see rel), or 0.
	titles *listInfo
	lift   int
	rank   map[*Section]int // a heading's level before lettered parts moved it
	skip   int              // a unit read as part of the title line before it, or -1
	// capsTitles says bold lines in capitals are the section titles
	// ("**INFORMATION RETENTION**"): the notice has no headings below its
	// title and at least three such lines (capsTitle).
	capsTitles bool
	// roman says titles may be numbered in Roman numerals: some heading or
	// line opens with "II." ("I. Links ..." after "H. Children" is the
	// ninth letter, not the first numeral).
	roman bool
	// romanLevel is the heading level whose "II." heading set roman, or 0
	// when a title line did; romanLast is, per heading level, the value of
	// the last Roman heading there.
	romanLevel int
	romanLast  map[int]int
}

func build(n *Notice, units []unit) {
	b := &builder{n: n, units: units, src: n.text, orphan: -1, skip: -1, rank: map[*Section]int{},
		toc: map[int]bool{}, tocTitle: map[int]string{}, tocLoose: map[string]bool{}}
	b.romanLast = map[int]int{}
	for _, u := range units {
		if (u.kind == uHeading || u.kind == uPara && u.depth == 0) && secondRoman.MatchString(b.text(u)) {
			b.roman = true
			if u.kind == uHeading {
				b.romanLevel = u.level
			}
			break
		}
	}
	title, start := b.title()
	b.capsTitles = b.boldCapsTitled(title)
	b.findTOC(start)
	b.computeNextClause()
	b.computeLevels(start)
	for i := 0; i < len(units); i++ {
		if i == title || i == b.skip {
			continue
		}
		if units[i].depth < b.lift {
			b.lift = 0
		}
		if units[i].kind == uItem {
			// An item that becomes a title or a TOC line holds no blocks;
			// content puts the item in its place.
			d := units[i].depth
			for len(b.items) < d {
				b.items = append(b.items, nil)
			}
			b.items = append(b.items[:d], nil)
		}
		if b.toc[i] {
			continue
		}
		switch units[i].kind {
		case uHeading:
			b.heading(i)
		case uPara, uItem:
			if !b.appendix(i) && !b.titleLine(i) && !b.clause(i) && !b.unnumbered(i) && !b.capsTitle(i) {
				b.content(i)
			}
		default:
			b.content(i)
		}
	}
	b.finish()
}

func (b *builder) text(u unit) string { return b.src[u.span.Start:u.span.End] }

// romanValue is the value of a Roman numeral from I to XXXIX as usually
// written ("IV", not "IIII"), or 0.
func romanValue(r string) int { return romanValues[r] }

// romanHeading reports whether a heading at level whose title opens with
// a Roman numeral of value v is numbered by it: at the level of the
// notice's "II." heading, and next in turn after the last Roman heading
// there. Lettered headings keep their letters ("### I. Links" after "###
// H. Children" is the ninth letter).
func (b *builder) romanHeading(level, v int) bool {
	if !b.roman || b.romanLevel != level || v == 0 || v != b.romanLast[level]+1 {
		return false
	}
	b.romanLast[level] = v
	return true
}

// RomanValue is the value of a section number written in Roman numerals, in
// either case ("VI", "vi" as a key), or 0.
func RomanValue(r string) int { return romanValues[strings.ToUpper(r)] }

var romanValues = func() map[string]int {
	units := [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	m := map[string]int{}
	for v := 1; v < 40; v++ {
		m[strings.Repeat("X", v/10)+units[v%10]] = v
	}
	return m
}()

// spaceNumber puts a space between a number and a title glued to it
// (gluedNum): "5.What we collect" is "5. What we collect".
func spaceNumber(t string) string {
	if m := gluedNum.FindStringSubmatchIndex(t); m != nil {
		return t[:m[3]] + " " + t[m[3]:]
	}
	return t
}

// oneLine collapses white space (NBSP included) to single spaces. Most
// units are one line already, and are returned as they are.
func oneLine(s string) string {
	clean := s != "" && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; clean && i < len(s); i++ {
		c := s[i]
		clean = c > ' ' && c < utf8.RuneSelf || c == ' ' && s[i+1] != ' '
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// mdEscape matches a backslash escape of ASCII punctuation. HTML-to-Markdown
// converters write "1\. Introduction" so the number is not read as a list
// marker; for section numbers the escape means nothing.
var mdEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return mdEscape.ReplaceAllString(s, "$1")
}

// title finds the notice's own title: a lone level-1 heading, or a short
// first line in a plain-text notice. It returns the title's unit (or -1) and
// the first unit of the body. A lone level-1 heading may follow a few short
// lines a web page put above it ("On this page", a trail of links), which
// stay in the preamble.
func (b *builder) title() (int, int) {
	if len(b.units) == 0 {
		return -1, 0
	}
	for i, u := range b.units {
		if u.kind == uHeading && u.level == 1 {
			for _, v := range b.units[i+1:] {
				if v.kind == uHeading && v.level == 1 {
					return -1, 0
				}
			}
			b.n.Title = cleanTitle(b.text(u))
			return i, i + 1
		}
		if i >= maxTitleAfter || u.kind == uHeading || u.kind != uPara && u.kind != uItem || words(b.text(u)) > 12 {
			break
		}
	}
	u := b.units[0]
	t := b.text(u)
	if u.kind == uPara && !strings.Contains(t, "\n") && words(t) <= 8 && !titleNum.MatchString(t) && !clauseNum.MatchString(t) {
		if _, ok := readLead(sectionWord(t)); ok {
			return -1, 0 // "**1. Introduction**" and "Section 1 - Who we are" are sections
		}
		for _, v := range b.units {
			if v.kind == uHeading {
				return -1, 0
			}
		}
		b.n.Title = oneLine(t)
		return 0, 1
	}
	return -1, 0
}

// maxTitleAfter is how many short lines may stand above a notice's title.
const maxTitleAfter = 12

func words(s string) int { return len(strings.Fields(s)) }

// titleLike reports whether s reads as a section title rather than prose:
// one line, short, opening with a capital. Strict titles also do not end like
// a sentence.
func titleLike(s string, strict bool) bool {
	if strings.Contains(s, "\n") || s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	maxWords, maxLen := 22, 160
	if strict {
		maxWords, maxLen = 14, 100
		if strings.ContainsAny(s[len(s)-1:], ".;,:") {
			return false
		}
	}
	return words(s) <= maxWords && utf8.RuneCountInString(s) <= maxLen
}

// head is what a unit would be as a top-level title line: its number, its
// title, and, for a title set off in bold with text after it in the same
// unit ("**2. Sharing.** We share ..."), where that text starts.
type head struct {
	num   int
	title string
	emph  bool // the title was set off in bold
	rest  int  // offset in the unit's text of the text after a bold title, or -1
	// roman is the number as written when it is a Roman numeral ("VI").
	roman string
}

// numbered returns the section number and title a unit would have if it were
// a top-level title line.
func (b *builder) numbered(u unit) (int, string, bool) {
	h, ok := b.head(u)
	return h.num, h.title, ok
}

// head reads a unit as a top-level title line: an ordered list item ("7.
// Capturing images", "1. **Information we collect**") or a paragraph
// opening with a number ("16. How to make a complaint", "1 - Introduction",
// "**2\. How we share**", "**1.** **Our service**").
func (b *builder) head(u unit) (head, bool) {
	t := b.text(u)
	if u.kind == uItem {
		if u.list == nil || !u.list.ordered || b.rel(u) > 0 {
			return head{}, false
		}
		num, err := strconv.Atoi(strings.TrimRight(u.marker, ".)"))
		if err != nil {
			return head{}, false
		}
		if title, rest, ok := boldTitle(t); ok {
			return head{num: num, title: title, emph: true, rest: rest}, true
		}
		if t != "" && t[0] != '[' && !strings.Contains(t, "\n") && strings.ContainsAny(t, "*_\\") {
			return head{num: num, title: cleanTitle(t), rest: -1}, true
		}
		return head{num: num, title: oneLine(t), rest: -1}, true
	}
	if u.kind != uPara || b.rel(u) > 0 || t == "" {
		return head{}, false
	}
	if t[0] == 'S' || t[0] == 's' || strings.HasPrefix(t, "**S") || strings.HasPrefix(t, "__S") {
		t = sectionWord(t) // "SECTION 1 – WHO WE ARE"
	}
	if isDigit(t[0]) {
		t = spaceNumber(unescape(t))
		if strings.Contains(t, "\n") || clauseNum.MatchString(t) {
			return head{}, false
		}
		m := titleNum.FindStringSubmatch(t)
		if m == nil {
			return head{}, false
		}
		num, _ := strconv.Atoi(m[1])
		return head{num: num, title: oneLine(m[2]), rest: -1}, true
	}
	if b.roman && (t[0] == 'I' || t[0] == 'V' || t[0] == 'X') {
		if m := romanNum.FindStringSubmatch(unescape(t)); m != nil && romanValue(m[1]) > 0 {
			return head{num: romanValue(m[1]), title: oneLine(m[2]), rest: -1, roman: m[1]}, true
		}
	}
	if t[0] != '*' && t[0] != '_' {
		return head{}, false // what readLead would say
	}
	l, ok := readLead(t)
	if !ok || strings.Contains(l.num, ".") || len(l.num) > 2 || !l.sep {
		return head{}, false
	}
	if !l.emph && strings.Contains(t, "\n") {
		return head{}, false
	}
	num, _ := strconv.Atoi(l.num)
	return head{num: num, title: l.title, emph: l.emph, rest: l.rest}, true
}

// sectionWord takes the word "Section" off a title line that opens with it
// and a number ("Section 2: Your rights", "**SECTION 1 – WHO WE ARE**").
func sectionWord(t string) string {
	mark := emphMark(t)
	rest := t[len(mark):]
	const w = "section "
	if len(rest) > len(w) && strings.EqualFold(rest[:len(w)], w) && isDigit(rest[len(w)]) {
		return mark + rest[len(w):]
	}
	return t
}

// boldTitle reads a title set off in bold at the start of a list item's
// text: "**Information we collect**", "**Sharing.** We share ...". rest is
// where the text after it starts, or -1.
func boldTitle(t string) (title string, rest int, ok bool) {
	mark := emphMark(t)
	if mark == "" {
		return "", -1, false
	}
	line := t
	if k := strings.IndexByte(line, '\n'); k >= 0 {
		line = line[:k]
	}
	inner, end, ok := boldSpan(line[len(mark):], mark)
	if !ok {
		return "", -1, false
	}
	title = strings.TrimRight(cleanTitle(inner), " :.")
	return title, restAfter(t, len(mark)+end), title != ""
}

// rel is a unit's list depth counted from the body of the list item that
// became the section it is in: the body of "1. **Who we are**" is read as
// the section's top level.
func (b *builder) rel(u unit) int {
	if b.lift > 0 && u.depth >= b.lift {
		return u.depth - b.lift
	}
	return u.depth
}

// findTOC marks a table of contents: a run of at least three consecutive
// numbered titles 1, 2, 3, ... whose titles the body repeats later, or a list
// of in-page links. Unnumbered one-line titles right after the run that also
// recur later ("Equality statement") belong to it too.
func (b *builder) findTOC(start int) {
	// A table of contents is near the top; looking further would make every
	// run of numbered lists cost a scan of the rest of the notice.
	for i := start; i < len(b.units) && i < start+maxTOCStart; i++ {
		if end, ok := b.linkTOC(i); ok {
			b.markTOC(i, end)
			return
		}
		num, title, ok := b.numbered(b.units[i])
		if !ok || !titleLike(title, false) {
			continue
		}
		j := i + 1
		for ; j < len(b.units); j++ {
			n2, t2, ok := b.numbered(b.units[j])
			if !ok || n2 != num+(j-i) || !titleLike(t2, false) {
				break
			}
		}
		if j-i < 3 || !b.repeatedLater(i, j) {
			i = j - 1
			continue
		}
		entries := make([]*TOCEntry, 0, j-i)
		for k := i; k < j; k++ {
			n, t, _ := b.numbered(b.units[k])
			b.tocTitle[n] = t
			entries = append(entries, b.tocEntry(k, strconv.Itoa(n), t))
		}
		for ; j < len(b.units); j++ {
			u := b.units[j]
			t := oneLine(b.text(u))
			short := words(t) <= 6 || (appendixNum.MatchString(t) && words(t) <= 14)
			if u.kind != uPara || !titleLike(t, true) || !short || titleNum.MatchString(t) || !b.recursAfter(j, t) {
				break
			}
			b.tocLoose[strings.ToLower(t)] = true
			e := b.tocEntry(j, "", t)
			if m := appendixNum.FindStringSubmatch(t); m != nil {
				e.Number, e.Key, e.Title = m[1]+" "+m[2], key(m[1]+" "+m[2]), m[3]
			}
			entries = append(entries, e)
		}
		b.n.TOC = &TOC{Entries: entries}
		b.markTOC(i, j)
		return
	}
}

func (b *builder) tocEntry(k int, num, title string) *TOCEntry {
	u := b.units[k]
	return &TOCEntry{Number: num, Key: num, Title: title, Span: Span{u.line0, u.span.End}}
}

func (b *builder) markTOC(i, j int) {
	for k := i; k < j; k++ {
		b.toc[k] = true
	}
	if b.n.TOC == nil {
		b.n.TOC = &TOC{}
	}
	b.n.TOC.Span = Span{b.units[i].line0, b.units[j-1].span.End}
}

func (b *builder) linkTOC(i int) (int, bool) {
	u := b.units[i]
	if u.kind != uItem || u.depth > 0 {
		return 0, false
	}
	j := i
	var entries []*TOCEntry
	for ; j < len(b.units) && b.units[j].list == u.list; j++ {
		// The contents end at the first item that is not an in-page
		// link: where a page's anchors hid the body's list markers
		// (unhideMarker), its items run on in the same list.
		raw := strings.TrimFunc(b.text(b.units[j]), unicode.IsSpace)
		if !strings.HasPrefix(raw, "[") || !strings.HasSuffix(raw, ")") {
			break // what linkOnly would say, without the work
		}
		m := linkOnly.FindStringSubmatch(oneLine(raw))
		if m == nil {
			break
		}
		title := m[1]
		num := ""
		if hm := headingNum.FindStringSubmatch(spaceNumber(title)); hm != nil {
			num, title = strings.TrimRight(hm[1], "."), hm[2]
		}
		entries = append(entries, b.tocEntry(j, num, title))
	}
	if len(entries) < 3 {
		return 0, false
	}
	b.n.TOC = &TOC{Entries: entries}
	b.looseTitles(entries, j)
	return j, true
}

// looseTitles notes the unnumbered titles of a list of links as titles
// the body may write as plain lines (unnumbered), when the body so writes
// at least half of them: one line that happens to repeat an entry, in a
// notice whose other titles are written otherwise, would take the rest of
// the notice into its section.
func (b *builder) looseTitles(entries []*TOCEntry, from int) {
	loose := map[string]bool{}
	for _, e := range entries {
		if e.Number == "" {
			loose[strings.ToLower(oneLine(e.Title))] = true
		}
	}
	if len(loose) == 0 {
		return
	}
	seen := map[string]bool{}
	for k := from; k < len(b.units); k++ {
		if t, _, _, ok := looseTitle(b.units[k], b.text(b.units[k]), loose); ok {
			seen[strings.ToLower(t)] = true
		}
	}
	if 2*len(seen) < len(loose) {
		return
	}
	for t := range loose {
		b.tocLoose[t] = true
	}
}

// repeatedLater reports whether at least half of the titles in units [i, j)
// appear again as numbered titles after j.
func (b *builder) repeatedLater(i, j int) bool {
	want := map[string]bool{}
	for k := i; k < j; k++ {
		_, t, _ := b.numbered(b.units[k])
		want[strings.ToLower(t)] = true
	}
	found := 0
	for k := j; k < len(b.units); k++ {
		if _, t, ok := b.numbered(b.units[k]); ok && want[strings.ToLower(t)] {
			found++
			delete(want, strings.ToLower(t))
		}
	}
	return found*2 >= j-i
}

func (b *builder) recursAfter(j int, t string) bool {
	for k := j + 1; k < len(b.units); k++ {
		u := b.units[k]
		if u.kind == uPara && strings.EqualFold(oneLine(b.text(u)), t) {
			return true
		}
	}
	return false
}

// computeNextClause records, for each unit, the major number of the first
// clause after it, before the next numbered title line (-1 when there is
// none).
func (b *builder) computeNextClause() {
	b.nextClause = make([]int, len(b.units))
	next := -1
	for i := len(b.units) - 1; i >= 0; i-- {
		b.nextClause[i] = next
		u := b.units[i]
		if u.kind == uPara && u.depth <= 1 {
			if c, ok := b.clauseLead(u); ok {
				next, _ = strconv.Atoi(strings.SplitN(c.num, ".", 2)[0])
				continue
			}
		}
		// A clause after the next numbered title is that title's, not a
		// sign that the lines before it are still in the current section.
		if h, ok := b.head(u); ok && titleLike(h.title, true) {
			next = -1
		}
	}
}

// computeLevels maps the heading levels the body uses to section levels, so a
// notice whose sections are H2 and H3 gets levels 1 and 2.
func (b *builder) computeLevels(start int) {
	used := map[int]bool{}
	for i := start; i < len(b.units); i++ {
		if b.units[i].kind == uHeading {
			used[b.units[i].level] = true
		}
	}
	b.levels = map[int]int{}
	rank := 0
	for l := 1; l <= 6; l++ {
		if used[l] {
			rank++
			b.levels[l] = rank
		}
	}
}

// topNumber is the number of the open top-level section, 0 before any, and
// ok=false when the open section has no number (then plain-text title lines
// are not looked for: the notice is structured by headings).
func (b *builder) topNumber() (int, bool) {
	if len(b.open) == 0 {
		return 0, true
	}
	if v := romanValue(b.open[0].Number); v > 0 {
		return v, true
	}
	n, err := strconv.Atoi(b.open[0].Number)
	return n, err == nil
}

// topRoman reports whether the open top-level section is numbered in
// Roman numerals: a Roman title line goes on only a Roman sequence, and a
// numbered one only a numbered sequence.
func (b *builder) topRoman() bool {
	return len(b.open) > 0 && romanValue(b.open[0].Number) > 0
}

func (b *builder) push(s *Section) {
	if s.Level < 1 {
		s.Level = 1
	}
	if s.Level > len(b.open)+1 {
		s.Level = len(b.open) + 1
	}
	b.open = b.open[:s.Level-1]
	if s.Level > 1 {
		s.Parent = b.open[s.Level-2]
		s.Parent.Children = append(s.Parent.Children, s)
	} else {
		b.n.Sections = append(b.n.Sections, s)
	}
	b.open = append(b.open, s)
	b.all = append(b.all, s)
	b.orphan = -1
}

func (b *builder) heading(i int) {
	u := b.units[i]
	t := cleanTitle(b.text(u))
	s := &Section{Title: t, Kind: Heading, Level: b.levels[u.level], Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, u.span.End}}
	var m []string
	if mayNameAppendix(t) {
		m = appendixNum.FindStringSubmatch(t)
	}
	if m != nil {
		s.Number, s.Title = m[1]+" "+m[2], m[3]
	} else if t != "" && isDigit(t[0]) { // headingNum starts with a digit
		if m := headingNum.FindStringSubmatch(spaceNumber(t)); m != nil {
			s.Number, s.Title = strings.TrimRight(m[1], "."), m[2]
		}
	} else if m := romanNum.FindStringSubmatch(t); m != nil && b.romanHeading(u.level, romanValue(m[1])) {
		s.Number, s.Title = m[1], m[2]
	}
	s.Key = key(s.Number)
	b.rank[s] = s.Level
	b.lettered(s)
	if s.Number == "" && len(b.open) > 0 {
		// An unnumbered heading under a numbered title line ("5. Your
		// rights", then "### Access") is one of its parts, found by its
		// title only.
		if top := b.open[0]; top.Key != "" && top.Kind != Heading {
			s.Level = max(s.Level, 1) + 1
		}
	}
	b.push(s)
}

// lettered places a heading among lettered parts. "### (a) Information
// you give us" after "### 3. How we collect it" is part (a) of section 3,
// though its heading is the same size; "### (b) ..." is the next part, and
// the unlettered headings between them, the same size again, are parts of
// (a).
func (b *builder) lettered(s *Section) {
	if s.Number != "" {
		return
	}
	_, isPart := partLabel(s.Title)
	for k := len(b.open) - 1; k >= 0; k-- {
		o := b.open[k]
		_, oPart := partLabel(o.Title)
		switch {
		case o.Key == "" && oPart && b.rank[o] == s.Level:
			if isPart {
				s.Level = o.Level
			} else {
				s.Level = o.Level + 1
			}
			return
		case o.Key != "" && isPart && o.Level >= s.Level:
			s.Level = o.Level + 1
			return
		case o.Level < s.Level:
			return
		}
	}
}

// mayNameAppendix is a cheap necessary condition for appendixNum, which
// every para and list item is tried against.
func mayNameAppendix(t string) bool {
	t = strings.TrimLeftFunc(t, unicode.IsSpace)
	for _, w := range []string{"Appendix", "APPENDIX", "Annex", "ANNEX", "Schedule", "SCHEDULE"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

func (b *builder) appendix(i int) bool {
	u := b.units[i]
	if u.kind != uPara || u.depth > 0 || !mayNameAppendix(b.text(u)) || strings.Contains(b.text(u), "\n") {
		return false
	}
	t := oneLine(b.text(u))
	m := appendixNum.FindStringSubmatch(t)
	if m == nil || words(m[3]) > 12 {
		return false
	}
	k := key(m[1] + " " + m[2])
	if len(b.open) > 0 && b.open[0].Key == k {
		return false // "Appendix 2 - List of ..." repeating the line above it
	}
	b.push(&Section{Number: m[1] + " " + m[2], Key: k, Title: m[3], Level: 1, Kind: TitleLine,
		Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, u.span.End}})
	return true
}

// titleLine decides whether a numbered line is the next section's title. The
// number must be the next one; a line that is one item of a longer list (as
// goldmark reads "7. Capturing images" after a six-item list) must also be
// the list's last item (its clauses, at column 0, end the list) and be
// followed by its own clauses "7.1 ...", while a line standing alone must read
// as a title and not be followed by more clauses of the current section.
func (b *builder) titleLine(i int) bool {
	u := b.units[i]
	h, ok := b.head(u)
	if !ok {
		return false
	}
	num, title := h.num, h.title
	titleEnd := u.span.End
	if title == "" && !h.emph && h.rest < 0 && i+1 < len(b.units) {
		// "**1\.**" alone, the title on the line below.
		if v := b.units[i+1]; v.kind == uPara && v.depth == u.depth && !strings.Contains(b.text(v), "\n") {
			title, titleEnd = cleanTitle(b.text(v)), v.span.End
		}
	}
	cur, numeric := b.topNumber()
	if cur > 0 && (h.roman != "") != b.topRoman() {
		return false
	}
	if !numeric || num != cur+1 {
		if numeric && titleLike(title, true) && b.nextClause[i] != cur {
			b.orphan = i
		}
		return false
	}
	inList := u.kind == uItem && u.list.items > 1
	last := !inList || u.idx == u.list.items-1
	next := b.nextClause[i]
	// A list read as titles goes on being read so; a list of titles starts
	// at its first item.
	titles := inList && (u.idx == 0 || b.titles == u.list)
	switch {
	case next == num && last && titleLike(title, false):
	case !inList && titleLike(title, true) && (next != cur || cur == 0):
	case titles && titleLike(title, true) && (h.emph || b.hasBody(i)) && (next != cur || cur == 0):
	default:
		return false
	}
	if titleEnd != u.span.End {
		b.skip = i + 1
	}
	number := strconv.Itoa(num)
	if h.roman != "" {
		number = h.roman
	}
	s := &Section{Number: number, Key: key(number), Title: title, Level: 1, Kind: TitleLine,
		Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, titleEnd}}
	if h.rest >= 0 {
		s.TitleSpan.End = u.span.Start + h.rest
	}
	b.push(s)
	if h.rest >= 0 {
		s.Blocks = append(s.Blocks, &Block{Kind: Paragraph, Span: Span{u.span.Start + h.rest, u.span.End}, Section: s})
	}
	if u.kind == uItem {
		b.titles, b.lift = u.list, u.depth+1
	}
	return true
}

// hasBody reports whether a list item is followed by text of its own:
// blocks nested in it, or, when its list ends with it, the text after the
// list (a body indented less than the item's text ends the list).
func (b *builder) hasBody(i int) bool {
	if i+1 >= len(b.units) {
		return false
	}
	u, v := b.units[i], b.units[i+1]
	return v.depth > u.depth || v.list != u.list && v.kind != uHeading
}

// clause places a numbered paragraph "16.1 ..." under section 16, creating
// section 16 from its clauses when its title line is missing.
func (b *builder) clause(i int) bool {
	u := b.units[i]
	if u.kind != uPara || b.rel(u) > 0 {
		return false
	}
	c, ok := b.clauseLead(u)
	if !ok {
		return false
	}
	num := c.num
	parts := strings.Split(num, ".")
	prefix := strings.Join(parts[:len(parts)-1], ".")
	var parent *Section
	for k := len(b.open) - 1; k >= 0; k-- {
		if b.open[k].Key == prefix {
			parent = b.open[k]
			break
		}
	}
	if parent == nil {
		cur, numeric := b.topNumber()
		major, _ := strconv.Atoi(parts[0])
		if len(parts) != 2 || !numeric || major <= cur || major > cur+3 {
			return false
		}
		parent = b.implied(i, major)
	}
	t := b.text(u)
	lineEnd := u.span.Start + strings.IndexByte(t+"\n", '\n')
	s := &Section{Number: num, Key: num, Title: c.title, Level: parent.Level + 1, Kind: Clause,
		Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, lineEnd}}
	if c.emph {
		s.TitleSpan.End = u.span.Start + c.body
	}
	b.push(s)
	if c.body < len(t) {
		s.Blocks = append(s.Blocks, &Block{Kind: Paragraph, Span: Span{u.span.Start + c.body, u.span.End}, Section: s})
	}
	return true
}

// clauseHead is what a unit would be as a numbered clause.
type clauseHead struct {
	num, title string
	emph       bool // the title was set off in bold
	body       int  // offset in the unit's text of the clause's own text
}

// clauseLead reads a unit as a numbered clause: "16.1 As with all our
// services ...", or, with the number and title in bold, "**2.6 Payment
// data:** We ...", "**4.1 Introduction**", "**2.11** **Scribe:** ...". A
// plain clause's title is its text when that is short and reads as one; a
// bold one's is the bold text, and its own text starts after it.
func (b *builder) clauseLead(u unit) (clauseHead, bool) {
	t := b.text(u)
	if t == "" {
		return clauseHead{}, false
	}
	if isDigit(t[0]) {
		m := clauseNum.FindStringSubmatchIndex(t)
		if m == nil {
			return clauseHead{}, false
		}
		c := clauseHead{num: t[m[2]:m[3]], body: m[1]}
		if rt := oneLine(t[m[1]:]); titleLike(rt, true) && words(rt) <= 10 {
			c.title = rt
		}
		return c, true
	}
	if t[0] != '*' && t[0] != '_' {
		return clauseHead{}, false // what readLead would say
	}
	l, ok := readLead(t)
	if !ok || !strings.Contains(l.num, ".") || !l.sep {
		return clauseHead{}, false
	}
	c := clauseHead{num: l.num, body: l.after}
	switch {
	case l.emph:
		c.title, c.emph, c.body = l.title, true, len(t)
		if l.rest >= 0 {
			c.body = l.rest
		}
	case !strings.Contains(t, "\n") && titleLike(l.title, true) && words(l.title) <= 10:
		c.title = l.title
	}
	for c.body < len(t) && (t[c.body] == ' ' || t[c.body] == '\t') {
		c.body++
	}
	return c, true
}

// implied creates a top-level section known only from its clauses. Its title
// is the rejected title line just before it, if there is one (a misnumbered
// "3. What kinds of information" followed by "4.1"), else the table of
// contents' entry.
func (b *builder) implied(i, major int) *Section {
	u := b.units[i]
	s := &Section{Number: strconv.Itoa(major), Key: strconv.Itoa(major), Level: 1, Kind: Implied,
		Title: b.tocTitle[major], Span: Span{Start: u.line0}}
	if o := b.orphan; o >= 0 && o == i-1 {
		ou := b.units[o]
		_, title, _ := b.numbered(ou)
		s.Title, s.Kind = title, TitleLine
		s.Span.Start, s.TitleSpan = ou.line0, Span{ou.line0, ou.span.End}
		b.unappend(ou)
	}
	b.push(s)
	return s
}

// unappend takes a unit back out of the section content it was added to.
func (b *builder) unappend(u unit) {
	if len(b.open) == 0 {
		return
	}
	s := b.open[len(b.open)-1]
	if len(s.Blocks) == 0 {
		return
	}
	last := s.Blocks[len(s.Blocks)-1]
	switch {
	case last.Kind == List && len(last.Items) > 0 && last.Items[len(last.Items)-1].Span == u.span:
		last.Items = last.Items[:len(last.Items)-1]
		if len(last.Items) == 0 {
			s.Blocks = s.Blocks[:len(s.Blocks)-1]
		}
	case last.Span == u.span:
		s.Blocks = s.Blocks[:len(s.Blocks)-1]
	}
}

// boldCaps is a line set off in bold and written in capitals, a title as
// pages converted from HTML give it: "**INFORMATION RETENTION**".
var boldCaps = regexp.MustCompile(`^(?:\*\*|__)([A-Z][A-Z0-9 ,&/()'’-]{3,80}?)[:.]?(?:\*\*|__):?[\t ]*$`)

// boldCapsTitled reports whether the notice is titled by bold lines in
// capitals: it has no heading but its own title (the unit at title), and
// three such lines at least.
func (b *builder) boldCapsTitled(title int) bool {
	n := 0
	for i, u := range b.units {
		if i == title {
			continue
		}
		if u.kind == uHeading {
			return false
		}
		if t := b.text(u); u.kind == uPara && u.depth == 0 && (strings.HasPrefix(t, "**") || strings.HasPrefix(t, "__")) && isCapsTitle(t) {
			n++
		}
	}
	if n < 3 {
		return false
	}
	// Numbered title lines number the notice (read only now: most
	// notices have headings or no such lines, and head is not cheap).
	for i, u := range b.units {
		if h, ok := b.head(u); ok && i != title && titleLike(h.title, true) {
			return false
		}
	}
	return true
}

// isCapsTitle reports whether t is a bold line in capitals of two words or
// more that is no call-out ("**IMPORTANT:**", "**PLEASE NOTE:**").
func isCapsTitle(t string) bool {
	m := boldCaps.FindStringSubmatch(t)
	if m == nil || words(m[1]) < 2 || words(m[1]) > 10 {
		return false
	}
	return !callOut.MatchString(m[1])
}

// callOut is a bold capital line that draws attention to the text after it
// rather than titling a section.
var callOut = regexp.MustCompile(`^(?:PLEASE )?(?:NOTE|IMPORTANT|WARNING|ATTENTION|CAUTION|NOTICE|READ CAREFULLY)\b`)

// capsTitle makes a section of a bold line in capitals, in a notice
// titled by them (capsTitles).
func (b *builder) capsTitle(i int) bool {
	u := b.units[i]
	if !b.capsTitles || u.kind != uPara || u.depth > 0 {
		return false
	}
	t := b.text(u)
	if !isCapsTitle(t) {
		return false
	}
	m := boldCaps.FindStringSubmatch(t)
	b.push(&Section{Title: strings.TrimSpace(m[1]), Level: 1, Kind: Unnumbered, Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, u.span.End}})
	return true
}

// unnumbered makes a section of a line the table of contents lists by
// title alone. The line is a paragraph, or an item of a top-level list
// where the body is one list (a page converted from HTML whose anchors
// led each item, see unhideMarker); an item may run on into its own text
// after the title and a full stop or colon ("The Way We Use Information.
// In general, we ...").
func (b *builder) unnumbered(i int) bool {
	u := b.units[i]
	if len(b.tocLoose) == 0 {
		return false
	}
	t := b.text(u)
	title, _, end, ok := looseTitle(u, t, b.tocLoose)
	if !ok {
		return false
	}
	s := &Section{Title: title, Level: 1, Kind: Unnumbered, Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, u.span.Start + end}}
	b.push(s)
	rest := end
	for rest < len(t) && (t[rest] == ' ' || t[rest] == '\t' || t[rest] == '\n') {
		rest++
	}
	if rest < len(t) {
		s.Blocks = append(s.Blocks, &Block{Kind: Paragraph, Span: Span{u.span.Start + rest, u.span.End}, Section: s})
	}
	return true
}

// looseTitle reads unit u (its text t) as a title of loose: it returns the
// title and where in t it starts and ends (past empty links before it, and
// a full stop or colon after it).
func looseTitle(u unit, t string, loose map[string]bool) (title string, lead, end int, ok bool) {
	if u.kind != uPara && u.kind != uItem || u.depth > 0 {
		return "", 0, 0, false
	}
	lead = emptyLinks(t)
	body := t[lead:]
	line, _, _ := strings.Cut(body, "\n")
	switch {
	case !strings.Contains(body, "\n") && loose[strings.ToLower(oneLine(body))]:
		end = len(body)
	case u.kind == uItem:
		k := strings.IndexAny(line, ".:")
		if k <= 0 || k+1 < len(line) && line[k+1] != ' ' || !loose[strings.ToLower(oneLine(line[:k]))] {
			return "", 0, 0, false
		}
		end = k + 1
	default:
		return "", 0, 0, false
	}
	return oneLine(strings.TrimRight(body[:end], ".:")), lead, lead + end, true
}

// emptyLinks is the length of the empty links ("[](#c3)", anchors a page
// converted from HTML left) that t starts with: they show nothing.
func emptyLinks(t string) int {
	i := 0
	for strings.HasPrefix(t[i:], "[](") {
		j := strings.IndexAny(t[i+3:], ") \t\n<")
		if j < 0 || t[i+3+j] != ')' {
			break
		}
		i += 3 + j + 1
	}
	return i
}

func (b *builder) content(i int) {
	u := b.units[i]
	if u.kind == uPara || u.kind == uItem {
		if _, t, ok := b.numbered(u); !ok || !titleLike(t, true) {
			b.orphan = -1
		}
	}
	var owner *Section
	blocks := &b.n.Preamble
	if len(b.open) > 0 {
		owner = b.open[len(b.open)-1]
		blocks = &owner.Blocks
	}
	var within *Item
	if u.depth > 0 && u.depth <= len(b.items) {
		within = b.items[u.depth-1]
	}
	switch u.kind {
	case uItem:
		item := &Item{Marker: u.marker, Span: u.span}
		b.items[len(b.items)-1] = item
		if k := len(*blocks); k > 0 {
			if last := (*blocks)[k-1]; last.Kind == List && last.list == u.list {
				last.Items = append(last.Items, item)
				last.Span.End = u.span.End
				return
			}
		}
		*blocks = append(*blocks, &Block{Kind: List, Span: Span{u.line0, u.span.End}, Items: []*Item{item},
			Ordered: u.list.ordered, Section: owner, Within: within, list: u.list})
	case uTable:
		*blocks = append(*blocks, &Block{Kind: Table, Span: u.span, Section: owner, Within: within})
	case uCode:
		*blocks = append(*blocks, &Block{Kind: Code, Span: u.span, Section: owner, Within: within})
	default:
		*blocks = append(*blocks, &Block{Kind: Paragraph, Span: u.span, Section: owner, Within: within})
	}
}

// finish fills in what needs the whole tree: section ends, block texts, the
// key index, the paras rules read, and TOC targets.
func (b *builder) finish() {
	n := b.n
	for k, s := range b.all {
		s.TitleScan = pattern.Index(s.Title)
		s.Span.End = len(n.Source)
		for _, t := range b.all[k+1:] {
			if t.Level <= s.Level {
				s.Span.End = t.Span.Start
				break
			}
		}
	}
	n.keys = map[string]*Section{}
	n.keyed = map[string][]*Section{}
	for _, s := range b.all {
		if _, dup := n.keys[s.Key]; s.Key != "" && !dup {
			n.keys[s.Key] = s
		}
		if s.Key != "" {
			n.keyed[s.Key] = append(n.keyed[s.Key], s)
		}
	}
	n.scopes = map[*Section]*Section{}
	for _, s := range b.all {
		if isAppendixKey(s.Key) {
			n.scopes[s] = s // an appendix numbers its own paragraphs
			continue
		}
		if s.Key == "" {
			continue
		}
		for a := s.Parent; a != nil; a = a.Parent {
			if a.Key == "" || isAppendixKey(a.Key) {
				n.scopes[a] = a
				break
			}
		}
	}
	addParas := func(blocks []*Block) {
		var prev *Para // the para of the previous block, if it was a paragraph
		for _, bl := range blocks {
			bl.Text = b.src[bl.Span.Start:bl.Span.End]
			if bl.Kind == List {
				bl.Intro = prev
			}
			prev = nil
			switch bl.Kind {
			case List:
				for _, it := range bl.Items {
					it.Text = b.src[it.Span.Start:it.Span.End]
					it.Scan = pattern.Index(it.Text)
					p := &Para{Text: it.Text, Start: it.Span.Start, Scan: it.Scan, Section: bl.Section, Block: bl, Item: it}
					n.paras = append(n.paras, p)
					// A list's last item that ends in a colon introduces
					// the list after it, as a paragraph would: a numbered
					// paragraph written as an ordered list's item ("9.
					// Your rights – Residents of certain states have these
					// rights:").
					if strings.HasSuffix(strings.TrimSpace(it.Text), ":") {
						prev = p
					} else {
						prev = nil
					}
				}
			case Paragraph, Table:
				p := &Para{Text: bl.Text, Start: bl.Span.Start, Scan: pattern.Index(bl.Text), Section: bl.Section, Block: bl}
				n.paras = append(n.paras, p)
				if bl.Kind == Paragraph {
					prev = p
				}
			}
		}
	}
	addParas(n.Preamble)
	for _, s := range b.all {
		addParas(s.Blocks)
	}
	n.indexNumberedParas()
	if n.TOC != nil {
		for _, e := range n.TOC.Entries {
			if e.Key != "" {
				e.Target = n.keys[e.Key]
			} else {
				for _, s := range n.Sections {
					if strings.EqualFold(s.Title, e.Title) {
						e.Target = s
						break
					}
				}
			}
		}
	}
}

// key normalises a section number for lookup: "16." -> "16", "Appendix 2"
// -> "appendix-2".
func key(num string) string {
	num = strings.TrimRight(strings.TrimSpace(num), ".")
	return strings.ToLower(strings.Join(strings.Fields(num), "-"))
}
