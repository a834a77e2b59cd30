package redline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

func parse(t *testing.T, name, src string) *notices.Notice {
	t.Helper()
	n, err := notices.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The tests lint with rules of their own: lint and everything under it
// never import the rules package.
var (
	// shield reports every mention of the Privacy Shield.
	shield = &lint.Rule{ID: "shield", Severity: lint.Error, Check: func(p *lint.Pass) {
		src := string(p.Notice.Source)
		for off := 0; ; {
			i := strings.Index(src[off:], "Privacy Shield")
			if i < 0 {
				return
			}
			start := off + i
			off = start + len("Privacy Shield")
			p.Report(notices.Span{Start: start, End: off}, p.Notice.SectionAt(start), "relies on the Privacy Shield", "")
		}
	}}
	// everyRef finds every cross-reference wrong.
	everyRef = &lint.Rule{ID: "every-ref", Severity: lint.Error, Check: func(p *lint.Pass) {
		for _, r := range p.Notice.Refs {
			p.Report(r.Span, p.Notice.SectionAt(r.Span.Start), "wrong reference", "")
		}
	}}
)

func lintWith(rs ...*lint.Rule) func(*notices.Notice) []lint.Finding {
	return func(n *notices.Notice) []lint.Finding {
		return lint.Check(n, nil, lint.Options{Rules: rs})
	}
}

var check = Lint{Check: lintWith(shield)}

// A finding that only moved because a section was inserted before it — new
// line, new section number — is carried over, not introduced and resolved.
func TestDeltaMatchesByIdentityNotLine(t *testing.T) {
	old := "# Notice\n\n## 1. Who we are\n\n1.1 We are a landlord.\n\n## 2. Transfers\n\n2.1 We rely on the EU-US Privacy Shield for our US supplier.\n"
	new := "# Notice\n\n## 1. Who we are\n\n1.1 We are a landlord.\n\n## 2. Cookies\n\n2.1 We use essential cookies only.\n\n## 3. Transfers\n\n3.1 We rely on the EU-US Privacy Shield for our US supplier.\n"
	r := Build(parse(t, "old.md", old), parse(t, "new.md", new), check)
	var carried []string
	for _, c := range r.Carried {
		carried = append(carried, c.Old.Rule+" §"+c.Old.Section+" -> §"+c.New.Section)
	}
	if len(r.Introduced) != 0 || len(r.Resolved) != 0 || strings.Join(carried, ";") != "shield §2.1 -> §3.1" {
		t.Errorf("introduced %v, resolved %v, carried %v", r.Introduced, r.Resolved, carried)
	}
	// The same finding in a section that is new is introduced.
	newer := new + "\n## 4. Analytics\n\n4.1 Our analytics provider is certified under the Privacy Shield framework.\n"
	r = Build(parse(t, "new.md", new), parse(t, "newer.md", newer), check)
	if len(r.Introduced) != 1 || r.Introduced[0].Section != "4.1" || len(r.Carried) != 1 || r.Count(lint.Error) != 1 || r.Count(lint.Info) != 1 {
		t.Errorf("introduced %+v, carried %d", r.Introduced, len(r.Carried))
	}
}

func TestMarkdownEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"a <b> & *c*":  "a &lt;b&gt; &amp; \\*c\\*",
		"[link](x)_y_": "\\[link\\](x)\\_y\\_",
	} {
		if got := md(in); got != want {
			t.Errorf("md(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdLineStart("1. The right to be informed"); got != "1\\. The right to be informed" {
		t.Errorf("mdLineStart = %q", got)
	}
}

func TestContextKeepsChangesAndTrimsTheRest(t *testing.T) {
	long := strings.Repeat("word ", 40)
	es := []notices.Edit{{Op: notices.Equal, Text: long}, {Op: notices.Delete, Text: "old"}, {Op: notices.Insert, Text: "new"}, {Op: notices.Equal, Text: long}}
	got := context(es, 20)
	if len(got) != 4 || got[1].Text != "old" || got[2].Text != "new" {
		t.Fatalf("changes lost: %+v", got)
	}
	if !strings.HasPrefix(got[0].Text, "…") || len(got[0].Text) > 30 || !strings.HasSuffix(got[3].Text, "…") {
		t.Errorf("context not trimmed: %q … %q", got[0].Text, got[3].Text)
	}
}

// Without colour the text report marks edits the way git's word diff does,
// so it reads when piped.
func TestTextMarksEditsWithoutColour(t *testing.T) {
	old := "# Notice\n\n## 1. Who we are\n\n1.1 We manage 9,000 homes in Kent.\n"
	new := "# Notice\n\n## 1. Who we are\n\n1.1 We manage 10,000 homes in Kent.\n"
	var b bytes.Buffer
	if err := WriteText(&b, Build(parse(t, "old.md", old), parse(t, "new.md", new), Lint{})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "[-9,000-]{+10,000+}") && !strings.Contains(b.String(), "[-9-]{+10+}") {
		t.Errorf("edit markers missing:\n%s", b.String())
	}
}

func TestAnchorsAreUnique(t *testing.T) {
	old := "# N\n\nIntro.\n\n## Introduction\n\nOne.\n\n## Introduction\n\nTwo.\n"
	new := "# N\n\nIntro changed.\n\n## Introduction\n\nOne more.\n\n## Introduction\n\nTwo more.\n"
	r := Build(parse(t, "old.md", old), parse(t, "new.md", new), Lint{})
	a := newAnchors(r)
	seen := map[string]bool{"s-introduction": true}
	for _, id := range a.ids {
		if seen[id] {
			t.Errorf("anchor %q used twice", id)
		}
		seen[id] = true
	}
}

// A reference the rules already found wrong in the old version was not
// broken by the change: it is left to the compliance delta.
func TestBrokenRefsLeaveOutAlreadyWrongOnes(t *testing.T) {
	old := "# N\n\n## 1. Intro\n\n1.1 See section 2 on how to make a complaint.\n\n## 2. Cookies\n\n2.1 We use cookies.\n\n## 3. How to make a complaint\n\n3.1 Write to us.\n"
	new := "# N\n\n## 1. Intro\n\n1.1 See section 2 on how to make a complaint.\n\n## 2. Marketing\n\n2.1 We do not sell data.\n\n## 3. Cookies\n\n3.1 We use cookies.\n\n## 4. How to make a complaint\n\n4.1 Write to us.\n"
	o, n := parse(t, "old.md", old), parse(t, "new.md", new)
	if r := Build(o, n, Lint{}); len(r.Refs) != 1 {
		t.Fatalf("without lint: %d broken references, want 1", len(r.Refs))
	}
	// Findings of another rule at the reference do not make it wrong.
	if r := Build(o, n, Lint{Check: lintWith(everyRef), RefRule: "cross-reference"}); len(r.Refs) != 1 {
		t.Errorf("another rule's finding left out a broken reference: %d, want 1", len(r.Refs))
	}
	r := Build(o, n, Lint{Check: lintWith(everyRef), RefRule: everyRef.ID})
	if len(r.Comparison.Refs) != 1 || len(r.Refs) != 0 {
		t.Errorf("already-wrong reference reported as broken by the change: %d of %d", len(r.Refs), len(r.Comparison.Refs))
	}
	if len(r.Carried) != 1 {
		t.Errorf("its finding should be carried over: %+v", r.Carried)
	}
}
