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
}

func build(n *Notice, units []unit) {
	b := &builder{n: n, units: units, src: string(n.text), orphan: -1,
		toc: map[int]bool{}, tocTitle: map[int]string{}, tocLoose: map[string]bool{}}
	start := b.title()
	b.findTOC(start)
	b.computeNextClause()
	b.computeLevels(start)
	for i := start; i < len(units); i++ {
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
			if !b.appendix(i) && !b.titleLine(i) && !b.clause(i) && !b.unnumbered(i) {
				b.content(i)
			}
		default:
			b.content(i)
		}
	}
	b.finish()
}

func (b *builder) text(u unit) string { return b.src[u.span.Start:u.span.End] }

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

// title takes the notice's own title off the front: a lone level-1 heading,
// or a short first line in a plain-text notice. It returns the first unit of
// the body.
func (b *builder) title() int {
	if len(b.units) == 0 {
		return 0
	}
	u := b.units[0]
	if u.kind == uHeading && u.level == 1 {
		for _, v := range b.units[1:] {
			if v.kind == uHeading && v.level == 1 {
				return 0
			}
		}
		b.n.Title = oneLine(b.text(u))
		return 1
	}
	t := b.text(u)
	if u.kind == uPara && !strings.Contains(t, "\n") && words(t) <= 8 && !titleNum.MatchString(t) && !clauseNum.MatchString(t) {
		for _, v := range b.units {
			if v.kind == uHeading {
				return 0
			}
		}
		b.n.Title = oneLine(t)
		return 1
	}
	return 0
}

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

// numbered returns the section number and title a unit would have if it were
// a top-level title line.
func (b *builder) numbered(u unit) (int, string, bool) {
	t := b.text(u)
	if u.kind == uItem {
		if u.list == nil || !u.list.ordered || u.depth > 0 {
			return 0, "", false
		}
		num, err := strconv.Atoi(strings.TrimRight(u.marker, ".)"))
		return num, oneLine(t), err == nil
	}
	if t == "" || !isDigit(t[0]) {
		return 0, "", false // titleNum and clauseNum both start with a digit
	}
	t = unescape(t)
	if u.kind != uPara || u.depth > 0 || strings.Contains(t, "\n") || clauseNum.MatchString(t) {
		return 0, "", false
	}
	m := titleNum.FindStringSubmatch(t)
	if m == nil {
		return 0, "", false
	}
	num, _ := strconv.Atoi(m[1])
	return num, oneLine(m[2]), true
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
		raw := strings.TrimFunc(b.text(b.units[j]), unicode.IsSpace)
		if !strings.HasPrefix(raw, "[") || !strings.HasSuffix(raw, ")") {
			return 0, false // what linkOnly would say, without the work
		}
		m := linkOnly.FindStringSubmatch(oneLine(raw))
		if m == nil {
			return 0, false
		}
		title := m[1]
		num := ""
		if hm := headingNum.FindStringSubmatch(title); hm != nil {
			num, title = strings.TrimRight(hm[1], "."), hm[2]
		}
		entries = append(entries, b.tocEntry(j, num, title))
	}
	if len(entries) < 3 {
		return 0, false
	}
	b.n.TOC = &TOC{Entries: entries}
	return j, true
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

func (b *builder) computeNextClause() {
	b.nextClause = make([]int, len(b.units))
	next := -1
	for i := len(b.units) - 1; i >= 0; i-- {
		b.nextClause[i] = next
		u := b.units[i]
		if u.kind == uPara && u.depth == 0 {
			if m := clauseNum.FindStringSubmatch(b.text(u)); m != nil {
				next, _ = strconv.Atoi(strings.SplitN(m[1], ".", 2)[0])
			}
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
	n, err := strconv.Atoi(b.open[0].Number)
	return n, err == nil
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

// emphasis matches bold and italic markers. Converted notices often write
// "## **2. Data we collect**" or "## 8. **YOUR RIGHTS**"; the number is the
// section's all the same.
var emphasis = regexp.MustCompile(`\*\*|__|^[*_]|[*_]$`)

func (b *builder) heading(i int) {
	u := b.units[i]
	t := unescape(oneLine(b.text(u)))
	if strings.ContainsAny(t, "*_") {
		t = strings.TrimSpace(emphasis.ReplaceAllString(t, ""))
	}
	s := &Section{Title: t, Kind: Heading, Level: b.levels[u.level], Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, u.span.End}}
	var m []string
	if mayNameAppendix(t) {
		m = appendixNum.FindStringSubmatch(t)
	}
	if m != nil {
		s.Number, s.Title = m[1]+" "+m[2], m[3]
	} else if t != "" && isDigit(t[0]) { // headingNum starts with a digit
		if m := headingNum.FindStringSubmatch(t); m != nil {
			s.Number, s.Title = strings.TrimRight(m[1], "."), m[2]
		}
	}
	s.Key = key(s.Number)
	b.push(s)
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
	num, title, ok := b.numbered(u)
	if !ok {
		return false
	}
	cur, numeric := b.topNumber()
	if !numeric || num != cur+1 {
		if numeric && titleLike(title, true) && b.nextClause[i] != cur {
			b.orphan = i
		}
		return false
	}
	inList := u.kind == uItem && u.list.items > 1
	last := !inList || u.idx == u.list.items-1
	next := b.nextClause[i]
	switch {
	case next == num && last && titleLike(title, false):
	case !inList && titleLike(title, true) && (next != cur || cur == 0):
	default:
		return false
	}
	b.push(&Section{Number: strconv.Itoa(num), Key: strconv.Itoa(num), Title: title, Level: 1, Kind: TitleLine,
		Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, u.span.End}})
	return true
}

// clause places a numbered paragraph "16.1 ..." under section 16, creating
// section 16 from its clauses when its title line is missing.
func (b *builder) clause(i int) bool {
	u := b.units[i]
	if u.kind != uPara || u.depth > 0 {
		return false
	}
	t := b.text(u)
	if t == "" || !isDigit(t[0]) {
		return false // what clauseNum would say
	}
	m := clauseNum.FindStringSubmatchIndex(t)
	if m == nil {
		return false
	}
	num := t[m[2]:m[3]]
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
	rest := Span{u.span.Start + m[1], u.span.End}
	title := ""
	if rt := oneLine(t[m[1]:]); titleLike(rt, true) && words(rt) <= 10 {
		title = rt
	}
	lineEnd := u.span.Start + strings.IndexByte(t+"\n", '\n')
	s := &Section{Number: num, Key: num, Title: title, Level: parent.Level + 1, Kind: Clause,
		Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, lineEnd}}
	b.push(s)
	if rest.Len() > 0 {
		s.Blocks = append(s.Blocks, &Block{Kind: Paragraph, Span: rest, Section: s})
	}
	return true
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

func (b *builder) unnumbered(i int) bool {
	u := b.units[i]
	if u.kind != uPara || u.depth > 0 || len(b.tocLoose) == 0 || strings.Contains(b.text(u), "\n") {
		return false
	}
	t := oneLine(b.text(u))
	if !b.tocLoose[strings.ToLower(t)] {
		return false
	}
	b.push(&Section{Title: t, Level: 1, Kind: Unnumbered, Span: Span{Start: u.line0}, TitleSpan: Span{u.line0, u.span.End}})
	return true
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
	for _, s := range b.all {
		if _, dup := n.keys[s.Key]; s.Key != "" && !dup {
			n.keys[s.Key] = s
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
					n.paras = append(n.paras, &Para{Text: it.Text, Start: it.Span.Start, Scan: it.Scan, Section: bl.Section, Block: bl, Item: it})
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
	n.byPattern = map[*pattern.Pattern][]*Para{}
	for _, p := range n.paras {
		for q := range p.Scan.Candidates() {
			n.byPattern[q] = append(n.byPattern[q], p)
		}
	}
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
