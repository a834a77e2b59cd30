package notices

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Pos is a 1-based position in the original file. Col counts Unicode code
// points, which is what editors show and what SARIF's default column kind
// means for text without astral characters.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Span is a half-open byte range [Start, End) in Notice.Source.
type Span struct {
	Start, End int
}

// Len reports the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// DecodeError reports input that is not text noticelint can read. It carries
// the position of the first offending byte so the message can point at it.
type DecodeError struct {
	Line, Col, Offset int
	Reason            string
}

func (e *DecodeError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%d:%d: %s (byte offset %d)", e.Line, e.Col, e.Reason, e.Offset)
	}
	return e.Reason
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// normalise returns the text noticelint works on: the UTF-8 BOM removed and
// every CRLF or lone CR turned into LF. Line numbers are unchanged by this, and
// so are columns as editors count them, so positions computed on the result
// are positions in the original file.
func normalise(src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return nil, &DecodeError{Reason: "file is UTF-16 encoded; save it as UTF-8"}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		return nil, &DecodeError{Line: line, Col: col, Offset: i, Reason: "file contains a NUL byte: it looks binary, not a text notice"}
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		line, col := lineCol(src, i)
		return nil, &DecodeError{Line: line, Col: col, Offset: i, Reason: "invalid UTF-8; save the file as UTF-8"}
	}
	if bytes.IndexByte(src, '\r') < 0 {
		return src, nil
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// lineCol is the slow path used only for error messages, before a line index
// exists; bytes before off on the same line are decoded leniently.
func lineCol(b []byte, off int) (int, int) {
	line := 1 + bytes.Count(b[:off], []byte{'\n'})
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, utf8.RuneCount(b[start:off]) + 1
}

// lineIndex holds the byte offset at which each line starts.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (li lineIndex) pos(src []byte, off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(src) {
		off = len(src)
	}
	line := sort.Search(len(li), func(i int) bool { return li[i] > off }) // first line starting after off
	start := li[line-1]
	return Pos{Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
}

// maskForParsing blanks what is not notice text while keeping every byte
// offset and newline where it was: HTML comments (fixture expectations,
// suppressions, editors' notes) and YAML front matter. Rules then never match
// words inside a comment, and goldmark never mistakes front matter for a
// setext heading.
func maskForParsing(src []byte) []byte {
	out := bytes.Clone(src)
	if bytes.HasPrefix(out, []byte("---\n")) {
		if end := bytes.Index(out[4:], []byte("\n---")); end >= 0 {
			stop := 4 + end + 4
			if stop == len(out) || out[stop] == '\n' {
				blank(out[:stop])
			}
		}
	}
	for i := 0; ; {
		j := bytes.Index(out[i:], []byte("<!--"))
		if j < 0 {
			break
		}
		j += i
		k := bytes.Index(out[j+4:], []byte("-->"))
		if k < 0 {
			blank(out[j:])
			break
		}
		end := j + 4 + k + 3
		blank(out[j:end])
		i = end
	}
	return out
}

func blank(b []byte) {
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
}
