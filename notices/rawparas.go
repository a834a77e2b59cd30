package notices

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Even with no inline parsers, goldmark's Parse walks every byte of every
// paragraph after the blocks are built, splitting it into text nodes the
// model never reads: that walk was most of goldmark's time on a notice. It
// reads nothing of a block whose lines are one empty segment, so a
// paragraph's lines are swapped for such a placeholder as it closes and
// given back once Parse returns.
//
// The lines must stay while goldmark itself still reads them: the paragraph
// transformers (link reference definitions, tables) run before a paragraph
// closes, and a setext underline turns the open paragraph into a heading
// after closing it. So a paragraph is held only when it closes for good,
// and never when a block parser has just claimed it (RequireParagraph).
// A tight list copies its closed paragraphs' lines into text blocks, so
// the placeholder names the held lines by index, whichever node has it.

// heldLines are the lines taken from closed paragraphs, in closing order.
type heldLines struct{ lines []text.Segments }

// placeholder is the one-segment stand-in for held lines i. Its Padding
// of -1 is one no real segment has, so it cannot be mistaken for a line.
func placeholder(i int) text.Segment { return text.Segment{Start: i, Stop: i, Padding: -1} }

// heldIndex reports which held lines ls stands for, if it is a placeholder.
func heldIndex(ls *text.Segments) (int, bool) {
	if ls.Len() != 1 {
		return 0, false
	}
	s := ls.At(0)
	return s.Start, s.Padding == -1 && s.Start == s.Stop
}

var (
	heldKey    = parser.NewContextKey()
	claimedKey = parser.NewContextKey()
)

// holdingParagraphs closes a paragraph as goldmark does, then holds its lines.
type holdingParagraphs struct{ parser.BlockParser }

// CanAcceptIndentedLine lets a paragraph start on a line indented four
// spaces or more, which CommonMark makes an indented code block. Notices hold
// no code; such lines are text whose indent a converter got wrong, most often
// the body of "10." in a list numbered "9.  Title" with a four-space body,
// where every section from 10 on would otherwise be lost as code.
func (p holdingParagraphs) CanAcceptIndentedLine() bool { return true }

func (p holdingParagraphs) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	p.BlockParser.Close(node, reader, pc)
	if node.Parent() == nil { // removed as empty
		return
	}
	if pc.Get(claimedKey) == node {
		pc.Set(claimedKey, nil)
		return
	}
	held, ok := pc.Get(heldKey).(*heldLines)
	if !ok {
		return
	}
	stand := text.NewSegments()
	stand.Append(placeholder(len(held.lines)))
	held.lines = append(held.lines, *node.Lines())
	node.SetLines(stand)
}

// claiming notes the paragraph a block parser asks for (a setext heading's
// text) before goldmark closes it, so that its lines are not held.
type claiming struct{ parser.BlockParser }

func (c claiming) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	last := pc.LastOpenedBlock().Node
	node, state := c.BlockParser.Open(parent, reader, pc)
	if node != nil && state&parser.RequireParagraph != 0 {
		if _, ok := last.(*ast.Paragraph); ok {
			pc.Set(claimedKey, last)
		}
	}
	return node, state
}

// blockParsers are goldmark's block parsers, the paragraph parser holding
// lines and every other parser noting the paragraphs it claims.
func blockParsers() []util.PrioritizedValue {
	var bps []util.PrioritizedValue
	for _, v := range parser.DefaultBlockParsers() {
		switch bp := v.Value.(parser.BlockParser); {
		case bp == parser.NewParagraphParser():
			v.Value = holdingParagraphs{bp}
		case bp.CanAcceptIndentedLine():
			// The indented code block: see CanAcceptIndentedLine.
			continue
		default:
			v.Value = claiming{bp}
		}
		bps = append(bps, v)
	}
	return bps
}

// blockParser reads a notice's block structure the way goldmark with GFM
// tables does (CommonMark's blocks, link reference definitions, tables),
// but parses no inline markup. The model takes every text from the source
// and never looks at links or emphasis, and goldmark's inline parsers,
// which build a node for every run of text, link and delimiter, are more
// than half of its time on a notice. Where blocks start and end does not
// depend on inlines (CommonMark parses blocks first), so the tree's blocks
// are the same: TestBlockParserKeepsBlocks compares them with a full parse.
var blockParser = parser.NewParser(
	parser.WithBlockParsers(blockParsers()...),
	parser.WithParagraphTransformers(paragraphTransformers...),
)

// paragraphTransformers take link reference definitions and GFM tables out
// of paragraphs, at goldmark's priorities. The definitions are read by
// goldmark's transformer made linear (linkrefs.go): goldmark's own costs the
// square of a run's length. Tables are read as their outline (tables.go):
// goldmark's node per cell costs a hundred times a table's size.
var paragraphTransformers = []util.PrioritizedValue{
	util.Prioritized(linkRefs{}, 100),
	util.Prioritized(newTableOutline(), 200),
}

// parseBlocks parses src's blocks with blockParser and gives every held
// paragraph (and text block) its lines back.
func parseBlocks(src []byte) ast.Node {
	pc := parser.NewContext()
	held := &heldLines{}
	pc.Set(heldKey, held)
	doc := blockParser.Parse(text.NewReader(src), parser.WithContext(pc))
	if len(held.lines) == 0 {
		return doc
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() != ast.TypeBlock && n.Type() != ast.TypeDocument {
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock {
			if i, ok := heldIndex(n.Lines()); ok && i < len(held.lines) {
				n.SetLines(&held.lines[i])
			}
		}
		return ast.WalkContinue, nil
	})
	return doc
}
