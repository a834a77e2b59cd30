package notices

import (
	"bytes"
	"strings"
)

// Comment is an HTML comment in the notice: invisible when the notice is
// rendered, so it is where authors leave instructions for tools (noticelint's
// suppressions among them).
type Comment struct {
	// Text is what lies between "<!--" and "-->", trimmed of spaces.
	Text string
	// Span covers the whole comment, delimiters included. An unclosed comment
	// runs to the end of the notice, as it does for a Markdown renderer.
	Span Span
}

// findComments lists the comments of src in order; maskForParsing blanks
// exactly these, so a comment a rule cannot see is a comment listed here.
// Front matter is YAML, not HTML, and is skipped.
func findComments(src []byte) []Comment {
	var out []Comment
	i := frontMatterEnd(src)
	for {
		j := bytes.Index(src[i:], []byte("<!--"))
		if j < 0 {
			return out
		}
		j += i
		body, end := src[j+4:], len(src)
		if k := bytes.Index(body, []byte("-->")); k >= 0 {
			body, end = body[:k], j+4+k+3
		}
		out = append(out, Comment{Text: strings.TrimSpace(string(body)), Span: Span{Start: j, End: end}})
		i = end
	}
}

// frontMatterEnd returns the offset just past a leading YAML front matter
// block ("---" lines), or 0 when there is none.
func frontMatterEnd(src []byte) int {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return 0
	}
	end := bytes.Index(src[4:], []byte("\n---"))
	if end < 0 {
		return 0
	}
	stop := 4 + end + 4
	if stop == len(src) || src[stop] == '\n' {
		return stop
	}
	return 0
}
