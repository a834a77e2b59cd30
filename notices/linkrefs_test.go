package notices

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkRefCases are the shapes of definition goldmark reads, and the ways a
// run of them ends: every branch of the transformer.
var linkRefCases = []string{
	"[foo]: /url\n[foo]: /url\n[bar]: /b\nSee [foo].\n",
	"[fo\no]: /url\ntext\n", "[foo]:\n/url\ntext\n", "[foo]: /url\n\"title\"\ntext\n", "[foo]: /url \"ti\ntle\"\ntext\n",
	"[foo]: /url\n\"title\" trailing\n[bar]: /b\n", "[a]: /a\n\"t\n\" [b]: /b\n[c]: /c\n[d]: /d\ntext\n",
	"[a]: /a\n\"t\n\" [b]: /b\n\"u\n\" [c]: /c\n[d]: /d\n", "[a]: <my url> 'single'\n[b]: /u(r)l (paren)\n",
	"[a\\]b]: /u\n[]: /u\n", "[ ]: /u\n", "   [a]: /u\n    [b]: /b\n", "[a]: /u \"t\" x\n", "[a]: /u \"t\"x\n",
	"[a]: /u\"t\"\n", "[a]: /u\n(t)\n[b]: /b\n", "[a]: /u 'unclosed\n[b]: /b\n", "[a]: /u\n'unclosed\n[b]: /b\n",
	"[a: /u\n[b]: /b\n", "[a]: <unclosed\n[b]: /b\n", "[a]: /u\nlazy\n[b]: /b\n", "[a]:\t/u\t\"t\"\t\n",
	"- [a]: /u\n  [b]: /b\n  text\n", "> [a]: /u\n> [b]: /b\n> text\n", "[a]: /u\nTitle\n---\n",
	"[a]: /u\n| a |\n|---|\n| 1 |\n", "[a]: /u\n[a]: /other\n[A]: /third\n", "[a]: /u\n\n[b]: /b\n",
	"para\n[a]: /u\n", "[a]: /u\r\n[b]: /b\r\ntext\r\n", "  - [a]: /u\n    \"t\"\n  text\n", "[a]:\n\n/u\n",
	"[a]: /u\n   \"t\"\n[b]:\n   /v\n   'w'\n[c]: /c\n",
}

// transformerParser parses blocks with goldmark's block parsers and one
// link reference transformer: goldmark's own or the linear one.
func transformerParser(t parser.ParagraphTransformer) parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(t, 100)))
}

var (
	goldmarkRefs = transformerParser(parser.LinkReferenceParagraphTransformer)
	linearRefs   = transformerParser(linkRefs{})
)

// refOutline is the tree's blocks, then each definition as the tree and the
// parse context hold it.
func refOutline(p parser.Parser, src string) string {
	pc := parser.NewContext()
	doc := p.Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var b strings.Builder
	b.WriteString(blockOutline(doc, []byte(src)))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if d, ok := n.(*ast.LinkReferenceDefinition); ok && entering {
			fmt.Fprintf(&b, "def %q %q %q blank=%v\n", d.Label, d.Destination, d.Title, d.HasBlankPreviousLines())
		}
		return ast.WalkContinue, nil
	})
	var refs []string
	for _, r := range pc.References() {
		refs = append(refs, fmt.Sprintf("ref %q %q %q\n", r.Label(), r.Destination(), r.Title()))
	}
	slices.Sort(refs)
	b.WriteString(strings.Join(refs, ""))
	return b.String()
}

func checkLinkRefs(t *testing.T, src string) {
	t.Helper()
	if got, want := refOutline(linearRefs, src), refOutline(goldmarkRefs, src); got != want {
		t.Errorf("%q: the linear transformer differs from goldmark's:\n got: %s\nwant: %s", src, got, want)
	}
}

// TestLinkRefsSameAsGoldmark checks that the linear transformer reads every
// shape of definition as goldmark's does: the same blocks and lines, the same
// definitions, the same references, also in long runs and when a definition
// leaves lines behind between two others.
func TestLinkRefsSameAsGoldmark(t *testing.T) {
	for _, src := range linkRefCases {
		checkLinkRefs(t, src)
		checkLinkRefs(t, strings.Repeat(src, 3))
		checkLinkRefs(t, strings.TrimSuffix(strings.Repeat(src, 40), "\n"))
	}
	checkLinkRefs(t, "# T\n\n"+strings.Repeat("[foo]: /url\n", 3000)+"See [foo].\n")
}

// TestBlockParserLinkRefsLinear checks that notices are parsed with the
// linear transformer, and never also with goldmark's, which costs the
// square of a run's length (scripts/hostile, case link-refs, times both).
func TestBlockParserLinkRefsLinear(t *testing.T) {
	linear := 0
	for _, v := range paragraphTransformers {
		if _, ok := v.Value.(linkRefs); ok {
			linear++
		}
		if v.Value == parser.ParagraphTransformer(parser.LinkReferenceParagraphTransformer) {
			t.Errorf("the parser of notices uses goldmark's link reference transformer")
		}
	}
	if linear != 1 {
		t.Errorf("the parser of notices has %d linear link reference transformers, want 1", linear)
	}
}

func FuzzLinkRefs(f *testing.F) {
	for _, src := range linkRefCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 {
			return
		}
		checkLinkRefs(t, src)
	})
}
