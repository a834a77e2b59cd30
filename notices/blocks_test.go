package notices

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/noticelint/noticelint/internal/corpus"
)

// blockOutline lists a tree's blocks in order, each with its kind, depth and
// lines: what the flattener reads.
func blockOutline(doc ast.Node) string {
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

// TestBlockParserKeepsBlocks checks that leaving out the inline parsers
// changes no block: the same kinds, nesting and lines as goldmark with GFM
// tables, on the fixtures and the corpus sample.
func TestBlockParserKeepsBlocks(t *testing.T) {
	full := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
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
		want := blockOutline(full.Parse(text.NewReader(masked), parser.WithContext(parser.NewContext())))
		got := blockOutline(blockParser.Parse(text.NewReader(masked), parser.WithContext(parser.NewContext())))
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
	for _, s := range []string{"# T\n\npara *em* [l](#x)\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "[ref]: /url\n\ntext\n===\n", "> q\n>\n> - x\n\n    code\n"} {
		f.Add(s)
	}
	full := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 {
			return
		}
		want := blockOutline(full.Parse(text.NewReader([]byte(src)), parser.WithContext(parser.NewContext())))
		got := blockOutline(blockParser.Parse(text.NewReader([]byte(src)), parser.WithContext(parser.NewContext())))
		if got != want {
			t.Errorf("%q: blocks differ:\n got: %s\nwant: %s", src, got, want)
		}
	})
}
