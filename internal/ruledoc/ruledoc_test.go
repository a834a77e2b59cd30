package ruledoc_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/noticelint/noticelint/internal/ruledoc"
	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/rules"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the rule values")

var rulesMD = filepath.Join("..", "..", "docs", "rules.md")

// TestRulesDoc keeps docs/rules.md equal to what the rule values render: a
// rule added or a Doc edited without regenerating the page fails here.
func TestRulesDoc(t *testing.T) {
	want := ruledoc.Render(rules.All())
	if *update {
		if err := os.MkdirAll(filepath.Dir(rulesMD), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(rulesMD, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(rulesMD)
	if err != nil {
		t.Fatalf("%v\nGenerate the rule reference with:\n\t%s", err, ruledoc.Command)
	}
	// A Windows checkout may have turned the newlines into CRLF.
	got = bytes.ReplaceAll(got, []byte("\r\n"), []byte("\n"))
	if !bytes.Equal(got, want) {
		t.Fatalf("docs/rules.md is stale: the rule values in rules/ no longer render to it. Regenerate it with\n\t%s\nand commit the result. Diff (-docs/rules.md +rendered):\n%s",
			ruledoc.Command, cmp.Diff(string(got), string(want)))
	}
}

// TestRulesDocReads checks the page as Markdown: a section per rule, every
// rule in the table, and no Doc text turned into markup. The suppression
// rules quote HTML comments, which a renderer would hide.
func TestRulesDocReads(t *testing.T) {
	all := rules.All()
	src := ruledoc.Render(all)
	doc := parse(src)

	headings := map[string]bool{}
	var tableRows, raw int
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				headings[string(n.Lines().Value(src))] = true
			}
		case *extast.TableRow:
			tableRows++
		case *ast.HTMLBlock, *ast.RawHTML:
			raw++
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		if !headings[r.ID] {
			t.Errorf("no '## %s' section", r.ID)
		}
	}
	options := 0
	for _, r := range all {
		options += len(r.Options)
	}
	if want := len(all) + options; tableRows != want {
		t.Errorf("%d table rows, want %d (one per rule and one per option)", tableRows, want)
	}
	if raw != 0 {
		t.Errorf("%d raw HTML nodes: Doc text reached the page unescaped", raw)
	}
	// The suppression forms must be visible, as written.
	if !bytes.Contains(src, []byte("<!-- noticelint-disable-next-line privacy-shield -- archived 2019 notice, kept as published -->")) {
		t.Error("the invalid-suppression example is not on the page as written")
	}
}

// TestRender pins how each kind of Doc block renders, on a rule written to
// hold every awkward case.
func TestRender(t *testing.T) {
	r := &lint.Rule{
		ID:       "odd-rule",
		Summary:  "A notice says *everything* <b>once</b> | twice",
		Severity: lint.Warning,
		Since:    "9.9.9",
		Doc: `Why: text with _underscores_, [brackets] and a <tag>
# not a heading, because it continues the paragraph.

Fails (one finding per notice):
  - an item that wraps
    onto a second line;
  - 1. an item that looks numbered.
  <!-- an example: shown as written -->
  ` + "```" + ` a fence inside an example
Passes: nothing.

Fix: do it.`,
		Options: []lint.Option{
			{Name: "required", Default: true, Doc: "a | pipe"},
			{Name: "names", Default: []string{"a", "b"}, Doc: "names"},
		},
	}
	got := string(ruledoc.Render([]*lint.Rule{r}))
	for _, want := range []string{
		"| [`odd-rule`](#odd-rule) | warning | 9.9.9 | A notice says \\*everything\\* \\<b\\>once\\</b\\> \\| twice |\n",
		"Default severity: **warning**. Since: 9.9.9.\n",
		"**Why:** text with \\_underscores\\_, \\[brackets\\] and a \\<tag\\>\n\\# not a heading",
		"**Fails** (one finding per notice):\n\n",
		"- an item that wraps onto a second line;\n- 1\\. an item that looks numbered.\n\n",
		"````text\n<!-- an example: shown as written -->\n``` a fence inside an example\n````\n\n",
		"**Passes:** nothing.\n\n**Fix:** do it.\n",
		"Set under `rules.odd-rule.options` in `.noticelint.yml`.",
		"| `required` | `true` | a \\| pipe |\n",
		"| `names` | `[\"a\",\"b\"]` | names |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered page lacks %q; page:\n%s", want, got)
		}
	}
	// Whatever the Doc holds, the page has one heading per rule and the
	// example stays one code block.
	doc := parse([]byte(got))
	var headings, code int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *ast.Heading:
				headings++
			case *ast.FencedCodeBlock:
				code++
			}
		}
		return ast.WalkContinue, nil
	})
	if headings != 3 || code != 1 { // "Rules", the rule, "Options"
		t.Errorf("%d headings and %d code blocks, want 3 and 1:\n%s", headings, code, got)
	}
}

func parse(src []byte) ast.Node {
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	return md.Parser().Parse(text.NewReader(src))
}
