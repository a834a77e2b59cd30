package notices

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A GFM table becomes, in goldmark, a node per row and per cell with the
// cell's text: a table of 1 MB took over 100 MB while it was parsed. The
// model reads a table only as one block (its span), so tableOutline finds
// tables exactly as goldmark's transformer does, and builds only their
// outline: the header row as goldmark parses it, then one row with one cell
// holding the first and last body lines with text. Which lines are a table depends only on the
// header and the delimiter row below it (every later line of the paragraph
// is a row), so goldmark's transformer is asked about those two lines alone.
type tableOutline struct{ gfm parser.ParagraphTransformer }

func newTableOutline() parser.ParagraphTransformer {
	return tableOutline{extension.NewTableParagraphTransformer()}
}

func (t tableOutline) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		if seg := lines.At(i); !mayBeDelimiterRow(seg.Value(src)) {
			continue // what goldmark's isTableDelim would say
		}
		if h, _ := t.header(lines.At(i), lines.At(i), reader, pc); h == nil {
			continue // not a delimiter row: as a header, a delimiter row always fits it
		}
		header, aligns := t.header(lines.At(i-1), lines.At(i), reader, pc)
		if header == nil {
			return // goldmark gives up on the paragraph at its first delimiter row
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(node.Pos())
		table.AppendChild(table, header)
		if i+1 < lines.Len() {
			// The flattener reads the span of the table's text, which runs
			// from the first body row with text to the last: the cell holds
			// those two. A row of empty cells gives goldmark's cells no
			// text, so the table's text ends before it.
			cell := east.NewTableCell()
			first, last := -1, -1
			for j := i + 1; j < lines.Len(); j++ {
				if seg := lines.At(j); rowHasText(seg.Value(src), len(aligns)) {
					if first < 0 {
						first = j
					}
					last = j
				}
			}
			for k, j := range []int{first, last} {
				if j >= 0 && (k == 0 || last != first) {
					seg := lines.At(j)
					seg = seg.TrimLeftSpace(src)
					cell.Lines().Append(seg.TrimRightSpace(src))
				}
			}
			row := east.NewTableRow(aligns)
			row.AppendChild(row, cell)
			table.AppendChild(table, row)
		}
		// What goldmark does with the lines above the table.
		node.Lines().SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if node.Lines().Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := node.Lines().At(i - 2)
			last.Stop--
			node.Lines().Set(i-2, last)
		}
		return
	}
}

// header asks goldmark's transformer whether the two lines start a table,
// and returns the header it parses and the columns' alignments, or nil.
func (t tableOutline) header(head, delim text.Segment, reader text.Reader, pc parser.Context) (*east.TableHeader, []east.Alignment) {
	doc := ast.NewDocument()
	p := ast.NewParagraph()
	p.Lines().Append(head)
	p.Lines().Append(delim)
	doc.AppendChild(doc, p)
	t.gfm.Transform(p, reader, pc)
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if table, ok := c.(*east.Table); ok {
			if h, ok := table.FirstChild().(*east.TableHeader); ok {
				table.RemoveChild(table, h)
				return h, table.Alignments
			}
		}
	}
	return nil, nil
}

// mayBeDelimiterRow is a necessary condition for a GFM delimiter row
// ("|---|:--:|"), as goldmark's isTableDelim reads one: only spaces,
// dashes, pipes and colons, and some byte that is not a dash.
func mayBeDelimiterRow(line []byte) bool {
	dashes := true
	for _, c := range line {
		switch c {
		case '-':
		case '|', ':', ' ', '\t', '\n', '\r', '\f', '\v':
			dashes = false
		default:
			return false
		}
	}
	return !dashes
}

// rowHasText reports whether goldmark would give one of a body row's first
// cols cells any text: it splits the row at pipes not escaped with a
// backslash, after an optional pipe at each end, and drops cells past the
// header's. Cells are trimmed of goldmark's spaces (space, tab, CR, LF),
// not Go's: a cell of a vertical tab or a no-break space has text.
func rowHasText(line []byte, cols int) bool {
	line = trimGoldmarkSpace(line)
	if len(line) > 0 && line[0] == '|' {
		line = line[1:]
	}
	if len(line) > 0 && line[len(line)-1] == '|' {
		line = line[:len(line)-1]
	}
	start := 0
	for i := 0; i <= len(line) && cols > 0; i++ {
		if i < len(line) && (line[i] != '|' || i > 0 && line[i-1] == '\\') {
			continue
		}
		if len(trimGoldmarkSpace(line[start:i])) > 0 {
			return true
		}
		start, cols = i+1, cols-1
	}
	return false
}

// trimGoldmarkSpace trims what goldmark's util.IsSpace calls a space, as its
// Segment.TrimLeftSpace and TrimRightSpace do. (util.TrimLeftSpace and
// util.TrimRightSpace trim \v and \f too, which a cell keeps.)
func trimGoldmarkSpace(b []byte) []byte {
	b = b[util.TrimLeftSpaceLength(b):]
	return b[:len(b)-util.TrimRightSpaceLength(b)]
}
