package notices

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// The section builder does not work on goldmark's tree directly: real notices
// put section titles wherever CommonMark happens to put them (a title that
// continues a numbered list becomes that list's next item; "•" lines are one
// paragraph). So the tree is first flattened into units, one per heading,
// paragraph line group, list item or table, in document order, and the
// builder decides what each unit is.

type unitKind int

const (
	uHeading unitKind = iota
	uPara
	uItem
	uTable
	uCode
)

type unit struct {
	kind  unitKind
	level int  // heading level
	span  Span // the text, after any marker
	line0 int  // offset of the start of the unit's first line
	// For items: the list they belong to and their marker as written.
	list   *listInfo
	idx    int // the item's index in its list
	marker string
	depth  int // list nesting depth; 0 outside lists and for top-level lists
}

type listInfo struct {
	id      int
	ordered bool
	items   int
}

// bulletLine matches plain-text bullet characters that CommonMark does not
// treat as list markers, so pasted notices keep their lists.
var bulletLine = regexp.MustCompile(`^[\t \x{00A0}]*[•·▪●◦‣∙○■□➢➤►–][\t \x{00A0}]+`)

// clauseStart matches a line opening with a clause number such as "16.1",
// "5.8.1" or, in bold, "**7.3 Right to erasure.**"; such a line starts a new
// unit even inside a paragraph.
var clauseStart = regexp.MustCompile(`^[\t \x{00A0}]*(?:\*\*|__)?\d{1,3}(?:\.\d{1,3})+\.?(?:\*\*|__)?[\t \x{00A0}]`)

type flattener struct {
	src   []byte // masked source
	units []unit
	lists int
}

func flatten(masked []byte) []unit {
	doc := parseBlocks(masked)
	// About one unit per two lines: sized once, the units are not copied
	// at every doubling of the slice.
	f := &flattener{src: masked, units: make([]unit, 0, bytes.Count(masked, []byte{'\n'})/2+8)}
	f.blocks(doc, 0)
	return f.units
}

func (f *flattener) blocks(parent ast.Node, depth int) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		f.node(c, depth)
	}
}

func (f *flattener) node(c ast.Node, depth int) {
	switch n := c.(type) {
	case *ast.Heading:
		if sp, ok := linesSpan(n); ok {
			f.units = append(f.units, unit{kind: uHeading, level: n.Level, span: trimSpan(f.src, sp), line0: lineStart(f.src, sp.Start)})
		}
	case *ast.Paragraph, *ast.TextBlock:
		f.paragraph(n, depth)
	case *ast.List:
		f.list(n, depth)
	case *east.Table:
		if sp, ok := deepSpan(n); ok {
			sp.Start, sp.End = lineStart(f.src, sp.Start), lineEnd(f.src, sp.End)
			f.units = append(f.units, unit{kind: uTable, span: sp, line0: sp.Start})
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if sp, ok := linesSpan(n); ok {
			f.units = append(f.units, unit{kind: uCode, span: sp, line0: lineStart(f.src, sp.Start)})
		}
	case *ast.Blockquote:
		f.blocks(n, depth)
	case *ast.HTMLBlock:
		// A block of HTML ("<p>Our DPO: <a href=...>") is text a converter
		// left as markup: its words and addresses are the notice's. Script,
		// style and pre blocks, comments and declarations are not.
		if n.HTMLBlockType == ast.HTMLBlockType6 || n.HTMLBlockType == ast.HTMLBlockType7 {
			f.paragraph(n, depth)
		}
	default:
		// Thematic breaks carry no notice text.
	}
}

// paragraph splits a paragraph into units at lines that open a clause or a
// plain-text bullet: pasted notices often lack the blank lines Markdown needs.
func (f *flattener) paragraph(n ast.Node, depth int) {
	lines := n.Lines()
	var cur *unit
	var bullets *listInfo
	flush := func() {
		if cur != nil {
			cur.span = trimSpan(f.src, cur.span)
			if cur.span.Len() > 0 {
				f.units = append(f.units, *cur)
			}
			cur = nil
		}
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := f.src[seg.Start:seg.Stop]
		// Both regexps want, after the indent, a non-ASCII bullet or a
		// digit: looking at that byte first keeps them off most lines.
		first := byte(0)
		if k := indentEnd(line); k < len(line) {
			first = line[k]
		}
		switch {
		case first >= utf8.RuneSelf && bulletLine.Match(line):
			flush()
			m := bulletLine.FindIndex(line)
			if bullets == nil {
				f.lists++
				bullets = &listInfo{id: f.lists}
			}
			bullets.items++
			cur = &unit{kind: uItem, idx: bullets.items - 1, span: Span{seg.Start + m[1], seg.Stop}, line0: lineStart(f.src, seg.Start),
				list: bullets, marker: strings.TrimSpace(string(line[:m[1]])), depth: depth}
		case (isDigit(first) || first == '*' || first == '_') && i > 0 && clauseStart.Match(line):
			flush()
			bullets = nil
			cur = &unit{kind: uPara, span: Span{seg.Start, seg.Stop}, line0: lineStart(f.src, seg.Start), depth: depth}
		case cur == nil:
			cur = &unit{kind: uPara, span: Span{seg.Start, seg.Stop}, line0: lineStart(f.src, seg.Start), depth: depth}
		default:
			cur.span.End = seg.Stop
		}
	}
	flush()
}

// indentEnd returns where line's leading tabs, spaces and no-break spaces
// end: the [\t \x{00A0}]* that bulletLine and clauseStart start with.
func indentEnd(line []byte) int {
	k := 0
	for k < len(line) {
		switch {
		case line[k] == ' ' || line[k] == '\t':
			k++
		case bytes.HasPrefix(line[k:], []byte("\u00a0")):
			k += len("\u00a0")
		default:
			return k
		}
	}
	return k
}

var orderedMarker = regexp.MustCompile(`^[\t \x{00A0}]*(\d{1,9})[.)]`)

func (f *flattener) list(l *ast.List, depth int) {
	f.lists++
	info := &listInfo{id: f.lists, ordered: l.IsOrdered()}
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		info.items++
		first := it.FirstChild()
		marker := string(l.Marker)
		var line0 int
		if sp, ok := deepSpan(it); ok {
			line0 = lineStart(f.src, sp.Start)
			if m := orderedMarker.FindSubmatch(f.src[line0:sp.Start]); l.IsOrdered() && m != nil {
				marker = string(m[1]) + string(l.Marker)
			}
		} else {
			continue // an empty item says nothing
		}
		rest := ast.Node(nil)
		switch p := first.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			// The item's own text is its first paragraph; "•" lines swallowed
			// into it by lazy continuation become a list of their own.
			before := len(f.units)
			f.paragraph(p, depth)
			if len(f.units) > before {
				u := &f.units[before]
				if u.kind == uPara {
					u.kind, u.list, u.marker, u.line0, u.idx = uItem, info, marker, line0, info.items-1
				}
			}
			rest = p.NextSibling()
		default:
			f.units = append(f.units, unit{kind: uItem, span: Span{line0, line0}, line0: line0, list: info, idx: info.items - 1, marker: marker, depth: depth})
			rest = first
		}
		for c := rest; c != nil; c = c.NextSibling() {
			f.node(c, depth+1)
		}
	}
}

func linesSpan(n ast.Node) (Span, bool) {
	ls := n.Lines()
	if ls == nil || ls.Len() == 0 {
		return Span{}, false
	}
	return Span{ls.At(0).Start, ls.At(ls.Len() - 1).Stop}, true
}

// deepSpan finds the byte range a node's text covers, for nodes such as list
// items and tables that keep their text in descendants.
func deepSpan(n ast.Node) (Span, bool) {
	sp := Span{Start: -1}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var segs []text.Segment
		if c.Type() == ast.TypeBlock {
			if ls := c.Lines(); ls != nil {
				segs = ls.Sliced(0, ls.Len())
			}
		} else if t, ok := c.(*ast.Text); ok {
			segs = []text.Segment{t.Segment}
		}
		for _, s := range segs {
			if s.Stop <= s.Start {
				continue
			}
			if sp.Start < 0 || s.Start < sp.Start {
				sp.Start = s.Start
			}
			if s.Stop > sp.End {
				sp.End = s.Stop
			}
		}
		return ast.WalkContinue, nil
	})
	return sp, sp.Start >= 0
}

// trimSpan narrows sp to exclude surrounding blanks of src, which may be the
// source bytes or a para's text.
func trimSpan[T string | []byte](src T, sp Span) Span {
	for sp.Start < sp.End && isSpace(src[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpace(src[sp.End-1]) {
		sp.End--
	}
	return sp
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func lineStart(src []byte, off int) int {
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

func lineEnd(src []byte, off int) int {
	for off < len(src) && src[off] != '\n' {
		off++
	}
	return off
}
