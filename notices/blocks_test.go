package notices

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/noticelint/noticelint/internal/corpus"
)

// blockOutline lists a tree's blocks in order, each with its kind, depth and
// lines: what the flattener reads. A table is one block, its span: the
// flattener reads no more of it, and the block parser builds no more (see
// tableOutline).
func blockOutline(doc ast.Node, src []byte) string {
	var b strings.Builder
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeDocument {
			return ast.WalkContinue, nil
		}
		if n.Type() != ast.TypeBlock {
			return ast.WalkSkipChildren, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*east.Table); ok {
			// The flattener takes the whole lines the table's text is on.
			sp, _ := deepSpan(n)
			fmt.Fprintf(&b, "%*sTable lines %d-%d\n", depth*2, "", lineStart(src, sp.Start), lineEnd(src, sp.End))
			return ast.WalkSkipChildren, nil
		}
		fmt.Fprintf(&b, "%*s%s", depth*2, "", n.Kind())
		for i := 0; i < n.Lines().Len(); i++ {
			s := n.Lines().At(i)
			fmt.Fprintf(&b, " %d-%d", s.Start, s.Stop)
		}
		b.WriteByte('\n')
		depth++
		return ast.WalkContinue, nil
	})
	return b.String()
}

// fullParser is goldmark with GFM tables and its inline parsers, reading
// indented lines as text the way blockParser does: the blocks blockParser
// must give.
func fullParser() parser.Parser {
	var bps []util.PrioritizedValue
	for _, v := range parser.DefaultBlockParsers() {
		switch bp := v.Value.(parser.BlockParser); {
		case bp == parser.NewParagraphParser():
			v.Value = indentedText{bp}
		case bp.CanAcceptIndentedLine():
			continue // the indented code block
		}
		bps = append(bps, v)
	}
	return parser.NewParser(parser.WithBlockParsers(bps...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithParagraphTransformers(util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)))
}

type indentedText struct{ parser.BlockParser }

func (indentedText) CanAcceptIndentedLine() bool { return true }

// TestFullParserIsGoldmarks checks the reference: on text with no indented
// lines, its blocks are goldmark's own with GFM tables.
func TestFullParserIsGoldmarks(t *testing.T) {
	src := []byte("# T\n\npara *em* [l](#x)\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[r]: /u\nT\n---\n> q\n")
	gm := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	want := blockOutline(gm.Parse(text.NewReader(src), parser.WithContext(parser.NewContext())), src)
	got := blockOutline(fullParser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext())), src)
	if got != want || !strings.Contains(got, "Table") {
		t.Errorf("reference parser differs from goldmark:\n got: %s\nwant: %s", got, want)
	}
}

// TestBlockParserKeepsBlocks checks that leaving out the inline parsers
// changes no block: the same kinds, nesting and lines as goldmark with GFM
// tables (indented lines read as text), on the fixtures and the corpus
// sample.
func TestBlockParserKeepsBlocks(t *testing.T) {
	full := fullParser()
	budget := 4 << 20
	if testing.Short() {
		budget = 512 << 10
	}
	files := corpus.Sample(t, budget, 20)
	if len(files) < 50 {
		t.Fatalf("only %d notices to compare", len(files))
	}
	withParas := 0
	for _, f := range files {
		norm, err := normalise(f.Src)
		if err != nil {
			continue
		}
		masked := maskForParsing(norm, findComments(norm))
		want := blockOutline(full.Parse(text.NewReader(masked), parser.WithContext(parser.NewContext())), masked)
		got := blockOutline(parseBlocks(masked), masked)
		if strings.Contains(want, "Paragraph") {
			withParas++
		}
		if got != want {
			t.Errorf("%s: the block parser's blocks differ from goldmark's:\n got: %.2000s\nwant: %.2000s", f.Path, got, want)
		}
	}
	if withParas < len(files)*9/10 {
		t.Errorf("only %d of %d outlines hold a paragraph: the outline misses blocks", withParas, len(files))
	}
}

func FuzzBlockParser(f *testing.F) {
	for _, s := range []string{"# T\n\npara *em* [l](#x)\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "[ref]: /url\n\ntext\n===\n", "> q\n>\n> - x\n\n    code\n", "- a\n  b\n- c\n\nd\n---\n", "[r]: /u\nT\n---\n| a |\n|---|\n", "- t\n  ===\n"} {
		f.Add(s)
	}
	full := fullParser()
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 {
			return
		}
		want := blockOutline(full.Parse(text.NewReader([]byte(src)), parser.WithContext(parser.NewContext())), []byte(src))
		got := blockOutline(parseBlocks([]byte(src)), []byte(src))
		if got != want {
			t.Errorf("%q: blocks differ:\n got: %s\nwant: %s", src, got, want)
		}
	})
}

// TestParseBlocksHoldsParagraphs checks that closed paragraphs, and the text
// blocks a tight list makes of them, reach goldmark's inline walk with no
// lines (so it builds no text nodes for them) and get their lines back.
func TestParseBlocksHoldsParagraphs(t *testing.T) {
	src := []byte("Intro *text*\nmore\n\n- one\n- two\n\nTitle\n=====\n\n> quoted\n")
	pc := parser.NewContext()
	held := &heldLines{}
	pc.Set(heldKey, held)
	doc := blockParser.Parse(text.NewReader(src), parser.WithContext(pc))
	// "Intro", "one", "two" and "quoted"; the setext title is not held.
	if len(held.lines) != 4 {
		t.Errorf("held the lines of %d paragraphs, want 4", len(held.lines))
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock || !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := heldIndex(n.Lines()); ok && n.FirstChild() != nil {
			t.Errorf("%s with held lines has inline children: goldmark walked it", n.Kind())
		}
		return ast.WalkContinue, nil
	})
	got := blockOutline(parseBlocks(src), src)
	if !strings.HasPrefix(got, "Paragraph 0-13 13-17\n") || strings.Contains(got, "Paragraph\n") || strings.Contains(got, "TextBlock\n") {
		t.Errorf("lines not given back:\n%s", got)
	}
}

// TestIndentedLinesAreText checks that a line indented four spaces is text,
// not an indented code block: a converter that writes "10.  Title" over a
// four-space body leaves that body outside the list.
func TestIndentedLinesAreText(t *testing.T) {
	src := []byte("9.  Rights\n    You may object.\n\n10.  Contact\n    ----\n\n    * * *\n\n    Write to our Data Protection Officer at dpo@example.org.\n")
	got := blockOutline(parseBlocks(src), src)
	if strings.Contains(got, "CodeBlock") || !strings.Contains(got, fmt.Sprintf("Paragraph %d-", bytes.Index(src, []byte("Write")))) {
		t.Errorf("indented text not read as paragraphs:\n%s", got)
	}
}
