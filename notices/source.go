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

// binarySniff is how much of a file's start is searched for a NUL byte to
// call it binary: the 8,000 bytes git searches.
const binarySniff = 8000

// normalise returns the text noticelint works on: the UTF-8 BOM removed,
// every CRLF or lone CR turned into LF and a NUL byte past the first
// binarySniff bytes turned into a space. Line numbers are unchanged by this,
// and so are columns as editors count them, so positions computed on the
// result are positions in the original file.
func normalise(src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return nil, &DecodeError{Reason: "file is UTF-32 encoded; save it as UTF-8"}
	case len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF):
		return nil, &DecodeError{Reason: "file is UTF-16 encoded; save it as UTF-8"}
	case looksUTF16(src):
		return nil, &DecodeError{Reason: "file looks UTF-16 encoded (it has no byte order mark); save it as UTF-8"}
	}
	if i := bytes.IndexByte(src[:min(len(src), binarySniff)], 0); i >= 0 {
		line, col := lineCol(src, i)
		return nil, &DecodeError{Line: line, Col: col, Offset: i, Reason: "file contains a NUL byte: it looks binary, not a text notice"}
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		line, col := lineCol(src, i)
		return nil, &DecodeError{Line: line, Col: col, Offset: i, Reason: "invalid UTF-8; save the file as UTF-8"}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		// A stray NUL deep in a text file (four notices of the corpus have
		// one, in a table cell) is a blank to the reader: read it as one,
		// keeping every offset, rather than refuse the notice.
		src = bytes.ReplaceAll(src, []byte{0}, []byte{' '})
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

// looksUTF16 recognises UTF-16 text saved without a byte order mark: mostly
// ASCII, so every other byte of its start is NUL. Without this, such a file
// would be reported as binary, which sends its author looking for the wrong
// problem.
func looksUTF16(src []byte) bool {
	n := min(len(src), 512) &^ 1
	if n < 4 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return even == half && odd == 0 || odd == half && even == 0
}

// maxNesting bounds how deeply lists and blockquotes nest for the parser.
// goldmark's time and memory grow with the square of the depth (100,000
// nested list markers on one line take minutes and hundreds of megabytes),
// so markers past this depth are blanked before parsing. Real notices nest a
// handful of levels; 100 is also markdown-it's default limit.
const maxNesting = 100

// flattenNesting blanks, in place, the ">" and list markers that would take a
// line deeper than maxNesting, keeping every byte offset. The text after them
// stays in the notice (goldmark reads it as an indented code block inside the
// deepest container), so the file is still linted, with bounded cost.
//
// The depth of a line is the number of ">" and list markers that open it,
// plus the lists it is indented into: a stack of the content columns of the
// list items above, popped when a line's text or first list marker stands
// left of them. This is an estimate, not CommonMark's container matching (a
// lazy continuation line is taken to leave its list), but it counts every
// marker on a line, and the markers drive goldmark's cost.
func flattenNesting(b []byte) {
	var stack []int // content columns of the open list items
	eachLine(b, func(line []byte) { flattenLine(line, &stack) })
}

// eachLine calls f with each line of b, without its newline, in order.
func eachLine(b []byte, f func(line []byte)) {
	for off := 0; off < len(b); {
		end := bytes.IndexByte(b[off:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += off
		}
		f(b[off:end])
		off = end + 1
	}
}

// flattenLine reads the container markers that open line, updating the stack
// of open list items, and blanks those past maxNesting.
func flattenLine(line []byte, stack *[]int) {
	col, i, quotes := 0, 0, 0
	skipBlanks := func() {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			col = advance(col, line[i])
			i++
		}
	}
	skipBlanks()
	if i == len(line) {
		return // a blank line leaves every list open
	}
	popped := false
	pop := func() {
		for !popped && len(*stack) > 0 && (*stack)[len(*stack)-1] > col {
			*stack = (*stack)[:len(*stack)-1]
		}
		popped = true
	}
	for i < len(line) {
		w := 1
		quote := line[i] == '>'
		if !quote {
			if w = listMarker(line[i:]); w == 0 {
				break
			}
			pop()
		}
		switch {
		case quotes+len(*stack) >= maxNesting:
			blank(line[i : i+w])
		case quote:
			quotes++
		default:
			*stack = append(*stack, col+w+1)
		}
		i += w
		col += w
		skipBlanks()
	}
	pop()
}

// listMarker returns the width of the list marker ("-", "*", "+", "1." or
// "1)", followed by a blank) that b starts with, or 0.
func listMarker(b []byte) int {
	j := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		j = 1
	default:
		for j < len(b) && j < 9 && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		if j == 0 || j == len(b) || b[j] != '.' && b[j] != ')' {
			return 0
		}
		j++
	}
	if j < len(b) && (b[j] == ' ' || b[j] == '\t') {
		return j
	}
	return 0
}

// advance moves a column past one space or tab (tab stops every 4, as in
// CommonMark).
func advance(col int, c byte) int {
	if c == '\t' {
		return col + 4 - col%4
	}
	return col + 1
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
	idx := make(lineIndex, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return idx
		}
		i += j + 1
		idx = append(idx, i)
	}
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
// setext heading. It also blanks list and blockquote markers nested past
// maxNesting (see flattenNesting). Two marks of pages converted from HTML
// are undone line by line, as the page showed them: a line that holds only
// invisible characters is blank (blankInvisible), and a list marker hidden
// behind empty anchor links starts its item (unhideMarker).
func maskForParsing(src []byte, comments []Comment) []byte {
	out := bytes.Clone(src)
	blank(out[:frontMatterEnd(out)])
	for _, c := range comments {
		blank(out[c.Span.Start:c.Span.End])
	}
	eachLine(out, func(line []byte) {
		blankInvisible(line)
		unhideMarker(line)
	})
	flattenNesting(out)
	return out
}

// invisible are the characters a page converted from HTML puts on a line
// of its own where the page had an empty paragraph ("<p>&nbsp;</p>", a
// zero-width space left by an editor): no-break space, zero-width space,
// non-joiner and joiner, word joiner and a byte order mark.
var invisible = []string{"\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}

// blankInvisible blanks, in place, a line that holds nothing but blanks and
// invisible characters. CommonMark reads such a line as text, so it glues
// the paragraphs above and below it into one, where the page showed two;
// blanked, it is the blank line the reader saw.
func blankInvisible(line []byte) {
	seen := false
	for i := 0; i < len(line); {
		if line[i] == ' ' || line[i] == '\t' {
			i++
			continue
		}
		n := 0
		for _, s := range invisible {
			if bytes.HasPrefix(line[i:], []byte(s)) {
				n = len(s)
				break
			}
		}
		if n == 0 {
			return
		}
		seen = true
		i += n
	}
	if seen {
		blank(line)
	}
}

// unhideMarker moves a list marker that empty links hide to the start of
// its line, in place: a page converted from HTML writes an anchor before an
// item as "[](https://…#c3)*   Information we collect", which CommonMark
// reads as a paragraph (and every item under it as its continuation). The
// marker and its blanks trade places with the links, which show nothing, so
// the item's text keeps its offsets.
func unhideMarker(line []byte) {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	start := i
	for bytes.HasPrefix(line[i:], []byte("[](")) {
		j := bytes.IndexAny(line[i+3:], ") \t<")
		if j < 0 || line[i+3+j] != ')' {
			return
		}
		i += 3 + j + 1
	}
	if i == start {
		return
	}
	w := listMarker(line[i:])
	if w == 0 {
		return
	}
	for i+w < len(line) && (line[i+w] == ' ' || line[i+w] == '\t') {
		w++
	}
	marker := bytes.Clone(line[i : i+w])
	copy(line[start+w:i+w], bytes.Clone(line[start:i]))
	copy(line[start:], marker)
}

func blank(b []byte) {
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
}
