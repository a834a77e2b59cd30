// Package doclinks checks the project's Markdown pages the way a reader
// meets them on a fresh clone: every relative link names a file the
// repository holds (and a heading that page has), and no page sends the
// reader to a folder outside the repository, which a user does not have.
package doclinks

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// outside matches text that names a place beside the repository: the
// development inputs kept next to a checkout, and any relative path that
// climbs above the page's folder to reach them.
var outside = regexp.MustCompile(`\.\./shared\b|\bshared/(corpus|seeds|devset|research)\b`)

// Check reads each page (a path relative to root) and returns one problem
// per line that names a place outside the repository, per relative link to
// a missing file, and per link to a heading its page lacks.
func Check(root string, pages []string) ([]string, error) {
	var problems []string
	anchors := map[string]map[string]bool{} // page -> its heading anchors
	headingsOf := func(page string) (map[string]bool, error) {
		if a, ok := anchors[page]; ok {
			return a, nil
		}
		src, err := os.ReadFile(filepath.Join(root, page))
		if err != nil {
			return nil, err
		}
		a := headingAnchors(src)
		anchors[page] = a
		return a, nil
	}
	for _, page := range pages {
		src, err := os.ReadFile(filepath.Join(root, page))
		if err != nil {
			return nil, err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := outside.FindString(line); m != "" {
				problems = append(problems, fmt.Sprintf("%s:%d: names %q, outside the repository", page, i+1, m))
			}
		}
		for _, l := range links(src) {
			target, fragment, external := split(l.dest)
			if external {
				continue
			}
			file := page
			if target != "" {
				file = filepath.ToSlash(filepath.Join(filepath.Dir(page), target))
				if file == ".." || strings.HasPrefix(file, "../") {
					problems = append(problems, fmt.Sprintf("%s:%d: link %q leaves the repository", page, l.line, l.dest))
					continue
				}
				if _, err := os.Stat(filepath.Join(root, file)); err != nil {
					problems = append(problems, fmt.Sprintf("%s:%d: link %q: %s does not exist in the repository", page, l.line, l.dest, file))
					continue
				}
			}
			if fragment == "" || !strings.HasSuffix(file, ".md") {
				continue
			}
			a, err := headingsOf(file)
			if err != nil {
				return nil, err
			}
			if !a[fragment] {
				problems = append(problems, fmt.Sprintf("%s:%d: link %q: %s has no heading with anchor #%s", page, l.line, l.dest, file, fragment))
			}
		}
	}
	return problems, nil
}

// split parts a link destination into a path and a fragment, and says
// whether it leaves the repository's pages altogether (a URL, mailto:).
func split(dest string) (path, fragment string, external bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", true
	}
	return u.Path, u.Fragment, false
}

type link struct {
	dest string
	line int
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// links returns the destination of every link and image on the page, with
// its line; links inside code are code, not links.
func links(src []byte) []link {
	doc := md.Parser().Parse(text.NewReader(src))
	var out []link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest = n.Destination
		default:
			return ast.WalkContinue, nil
		}
		out = append(out, link{dest: string(dest), line: lineOf(src, n)})
		return ast.WalkContinue, nil
	})
	return out
}

// lineOf is the line of the first text inside an inline node, or of its
// block.
func lineOf(src []byte, n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return 1 + strings.Count(string(src[:t.Segment.Start]), "\n")
		}
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return 1 + strings.Count(string(src[:p.Lines().At(0).Start]), "\n")
		}
	}
	return 0
}

// headingAnchors are the anchors GitHub gives a page's headings: the text
// in lower case, without punctuation, spaces as hyphens, and -1, -2 after
// a repeated one.
func headingAnchors(src []byte) map[string]bool {
	doc := md.Parser().Parse(text.NewReader(src))
	out := map[string]bool{}
	seen := map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		a := slug(plain(src, h))
		if k := seen[a]; k > 0 {
			out[fmt.Sprintf("%s-%d", a, k)] = true
		} else {
			out[a] = true
		}
		seen[a]++
		return ast.WalkSkipChildren, nil
	})
	return out
}

// plain is a node's text without its markup.
func plain(src []byte, n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		default:
			b.WriteString(plain(src, c))
		}
	}
	return b.String()
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
