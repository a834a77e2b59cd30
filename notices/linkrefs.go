package notices

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark's link reference transformer costs the square of a paragraph's
// length when the paragraph opens with many definitions ("[foo]: /url" on
// line after line, no blank line between): for each definition it looks up
// the line its label starts on by scanning back from the paragraph's last
// line, and it removes each definition's lines by moving every line after
// them. 100,000 such lines took 18 s, 200,000 took 84 s. cmark fixed the same
// (commonmark/cmark#232).
//
// linkRefs is goldmark's transformer (parser/link_ref.go and the link
// destination parser of parser/link.go, goldmark v1.8.7, Copyright (c) 2019
// Yusuke Inuzuka, MIT License) with those two loops made linear: the label's
// line is found by binary search, and the lines are removed in one pass.
// Everything else is goldmark's, step for step, down to the order in which it
// removes lines when a definition leaves some behind: the blocks must be
// those of a plain goldmark parse, which TestLinkRefsSameAsGoldmark,
// FuzzLinkRefs and FuzzBlockParser check. When goldmark makes its own
// transformer linear, this file goes.
type linkRefs struct{}

// linkFindClosure are goldmark's options for finding a label's or a title's
// closing bracket.
var linkFindClosure = text.FindClosureOptions{Nesting: false, Newline: true, Advance: true}

func (linkRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	src := reader.Source()
	block := text.NewBlockReader(src, lines)
	var removes [][2]int
	for {
		ref, start, end := parseLinkRefDef(block, src, lines, pc)
		if start < 0 {
			break
		}
		if start == 0 {
			ref.SetBlankPreviousLines(node.HasBlankPreviousLines())
		}
		node.Parent().InsertBefore(node.Parent(), node, ref)
		for i := start + 1; i < end; i++ {
			ref.Lines().Append(lines.At(i))
		}
		seg := ref.Lines().At(ref.Lines().Len() - 1)
		ref.Lines().Set(ref.Lines().Len()-1, seg.TrimRightSpace(src))
		if start == end {
			end++
		}
		removes = append(removes, [2]int{start, end})
	}
	kept := lines.Sliced(0, lines.Len())
	if len(removes) > 0 {
		kept = removeLines(kept, removes)
	}
	if len(kept) == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	if len(removes) > 0 {
		rest := text.NewSegments()
		rest.AppendAll(kept)
		node.SetLines(rest)
	}
}

// removeLines does what goldmark's loop does to a paragraph's lines, in time
// linear in their number. goldmark keeps lines[:r0-offset] and
// lines[r1-offset:] of the current lines for each removal [r0, r1), then
// sets offset to r1. Definitions follow one another, so the kept head is
// empty, or holds only the lines a definition left behind before the next
// one: the head is moved up to the tail rather than the tail down to it.
func removeLines(vals []text.Segment, removes [][2]int) []text.Segment {
	vals = append([]text.Segment(nil), vals...)
	offset := 0
	for _, r := range removes {
		if len(vals) == 0 {
			break
		}
		head, tail := r[0]-offset, r[1]-offset
		copy(vals[tail-head:tail], vals[:head])
		vals = vals[tail-head:]
		offset = r[1]
	}
	return vals
}

// parseLinkRefDef is goldmark's parseLinkReferenceDefinition, reading label
// and title with segmentValue.
func parseLinkRefDef(block text.Reader, src []byte, lines *text.Segments, pc parser.Context) (*ast.LinkReferenceDefinition, int, int) {
	block.SkipSpaces()
	line, _ := block.PeekLine()
	if line == nil {
		return nil, -1, -1
	}
	startLine, _ := block.Position()
	width, pos := util.IndentWidth(line, 0)
	if width > 3 {
		return nil, -1, -1
	}
	if width != 0 {
		pos++
	}
	if line[pos] != '[' {
		return nil, -1, -1
	}
	_, startPos := block.Position()
	block.Advance(pos + 1)
	segments, found := block.FindClosure('[', ']', linkFindClosure)
	if !found {
		return nil, -1, -1
	}
	label := segmentsValue(src, lines, segments)
	if util.IsBlank(label) {
		return nil, -1, -1
	}
	if block.Peek() != ':' {
		return nil, -1, -1
	}
	block.Advance(1)
	block.SkipSpaces()
	destination, ok := parseLinkDest(block)
	if !ok {
		return nil, -1, -1
	}
	line, _ = block.PeekLine()
	isNewLine := line == nil || util.IsBlank(line)

	endLine, _ := block.Position()
	_, spaces, _ := block.SkipSpaces()
	opener := block.Peek()
	if opener != '"' && opener != '\'' && opener != '(' {
		if !isNewLine {
			return nil, -1, -1
		}
		return newLinkRef(pc, label, destination, nil, startPos), startLine, endLine + 1
	}
	if spaces == 0 {
		return nil, -1, -1
	}
	block.Advance(1)
	closer := opener
	if opener == '(' {
		closer = ')'
	}
	segments, found = block.FindClosure(opener, closer, linkFindClosure)
	if !found {
		if !isNewLine {
			return nil, -1, -1
		}
		ref := newLinkRef(pc, label, destination, nil, startPos)
		block.AdvanceLine()
		return ref, startLine, endLine + 1
	}
	title := segmentsValue(src, lines, segments)

	line, _ = block.PeekLine()
	if line != nil && !util.IsBlank(line) {
		if !isNewLine {
			return nil, -1, -1
		}
		return newLinkRef(pc, label, destination, title, startPos), startLine, endLine
	}

	endLine, _ = block.Position()
	return newLinkRef(pc, label, destination, title, startPos), startLine, endLine + 1
}

func newLinkRef(pc parser.Context, label, destination, title []byte, start text.Segment) *ast.LinkReferenceDefinition {
	ref := ast.NewLinkReferenceDefinition(label, destination, title)
	ref.Lines().Append(start)
	pc.AddReference(parser.NewReference(ref.Label, ref.Destination, ref.Title))
	return ref
}

// parseLinkDest is goldmark's parseLinkDestination.
func parseLinkDest(block text.Reader) ([]byte, bool) {
	block.SkipSpaces()
	line, _ := block.PeekLine()
	if block.Peek() == '<' {
		i := 1
		for i < len(line) {
			c := line[i]
			if c == '\\' && i < len(line)-1 && util.IsPunct(line[i+1]) {
				i += 2
				continue
			} else if c == '>' {
				block.Advance(i + 1)
				return line[1:i], true
			}
			i++
		}
		return nil, false
	}
	opened := 0
	i := 0
	for i < len(line) {
		c := line[i]
		if c == '\\' && i < len(line)-1 && util.IsPunct(line[i+1]) {
			i += 2
			continue
		} else if c == '(' {
			opened++
		} else if c == ')' {
			opened--
			if opened < 0 {
				break
			}
		} else if util.IsSpace(c) {
			break
		}
		i++
	}
	block.Advance(i)
	return line[:i], len(line[:i]) != 0
}

// segmentsValue joins the values of a label's or title's segments, as
// goldmark does with the block reader's Value.
func segmentsValue(src []byte, lines, segs *text.Segments) []byte {
	if segs.Len() == 1 {
		return segmentValue(src, lines, segs.At(0))
	}
	var v []byte
	for i := range segs.Len() {
		v = append(v, segmentValue(src, lines, segs.At(i))...)
	}
	return v
}

// segmentValue is goldmark's blockReader.Value: the text of seg, which may
// run over several of lines, with each line's padding. The line seg starts
// on (the last whose start is at or before it) is found by binary search
// where goldmark scans back from the last line.
func segmentValue(src []byte, lines *text.Segments, seg text.Segment) []byte {
	n := lines.Len()
	line := sort.Search(n, func(i int) bool { return lines.At(i).Start > seg.Start }) - 1
	ret := make([]byte, 0, seg.Stop-seg.Start+1)
	i := seg.Start
	for ; line < n; line++ {
		s := lines.At(line)
		if i < 0 {
			i = s.Start
		}
		ret = s.ConcatPadding(ret)
		for ; i < seg.Stop && i < s.Stop; i++ {
			ret = append(ret, src[i])
		}
		i = -1
		if s.Stop > seg.Stop {
			break
		}
	}
	return ret
}
