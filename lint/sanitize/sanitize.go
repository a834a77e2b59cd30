// Package sanitize makes untrusted text safe to print. A notice's text, a
// file name found by a folder walk and a baseline's entries all come from a
// repository that anyone may have edited, and they reach terminals, CI logs,
// pull-request comments and XML reports.
//
// Line and Text are for terminals and logs: a control character there is an
// instruction, not text (ESC starts sequences that clear the screen, retitle
// the window or write the clipboard with OSC 52; a bidirectional control
// reorders what the reader sees). Each is shown as a visible escape instead:
// "\x1b", "\u202e". XML is for XML and HTML reports, which must not hold the
// characters XML 1.0 forbids.
//
// JSON and SARIF keep text exactly as written: their encoders escape it, and
// the tools that read them need the real text.
package sanitize

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Line returns s with every character a terminal would act on shown as an
// escape: C0 controls (tab, newline and carriage return as \t, \n, \r),
// DEL, C1 controls, the bidirectional controls (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069), the line and paragraph separators, and
// bytes that are not UTF-8. Everything else is unchanged. It is for text
// printed on one line: a finding's message, a title, a path.
func Line(s string) string { return escape(s, false) }

// Text is Line for text of several lines: it keeps newlines.
func Text(s string) string { return escape(s, true) }

func escape(s string, keepNewlines bool) string {
	bad := func(r rune, size int) bool {
		return r < 0x20 && (r != '\n' || !keepNewlines) || r == 0x7f || isControl(r) || r == utf8.RuneError && size == 1
	}
	return rewrite(s, bad, func(b *strings.Builder, raw string, r rune) {
		switch {
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < utf8.RuneSelf || r == utf8.RuneError && len(raw) == 1:
			fmt.Fprintf(b, `\x%02x`, raw[0])
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
	})
}

// isControl reports whether r, above ASCII, is a C1 control, a
// bidirectional control or a line or paragraph separator.
func isControl(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// XML returns s with every character that XML 1.0 does not allow (C0
// controls other than tab, newline and carriage return; surrogates;
// U+FFFE and U+FFFF; bytes that are not UTF-8) replaced by U+FFFD, the
// replacement character, as encoding/xml does in the attributes and text it
// escapes itself. Every XML and HTML writer passes text through it: CDATA
// and hand-built markup are not escaped by anyone else.
func XML(s string) string {
	bad := func(r rune, size int) bool { return !xmlChar(r) || r == utf8.RuneError && size == 1 }
	return rewrite(s, bad, func(b *strings.Builder, _ string, _ rune) { b.WriteRune(utf8.RuneError) })
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xa || r == 0xd || r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// rewrite returns s itself when bad accepts none of its characters (the
// common case, with no allocation), else s with each character bad accepts
// replaced by what repl writes for it. A byte that is not UTF-8 comes as
// utf8.RuneError of size 1, with raw its one byte.
func rewrite(s string, bad func(r rune, size int) bool, repl func(b *strings.Builder, raw string, r rune)) string {
	next := func(i int) (rune, int) {
		if c := s[i]; c < utf8.RuneSelf {
			return rune(c), 1
		}
		return utf8.DecodeRuneInString(s[i:])
	}
	i := 0
	for i < len(s) {
		r, size := next(i)
		if bad(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := next(i)
		if bad(r, size) {
			repl(&b, s[i:i+size], r)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Writer passes everything written to it through Text: for a text report
// whose every line may hold a notice's words and which has no markup of its
// own (no colour), so that each print need not be sanitised by hand. A
// character split across two writes is held until the next; Flush writes
// what is held at the end.
type Writer struct {
	w    io.Writer
	held []byte
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

func (sw *Writer) Write(p []byte) (int, error) {
	buf := p
	if len(sw.held) > 0 {
		buf = make([]byte, 0, len(sw.held)+len(p))
		buf = append(buf, sw.held...)
		buf = append(buf, p...)
		sw.held = nil
	}
	// Hold back the start of a character that the next write completes.
	for k := 1; k < utf8.UTFMax && k <= len(buf); k++ {
		if c := buf[len(buf)-k]; c >= 0xc0 {
			if !utf8.FullRune(buf[len(buf)-k:]) {
				sw.held = append([]byte(nil), buf[len(buf)-k:]...)
				buf = buf[:len(buf)-k]
			}
			break
		} else if c < 0x80 {
			break
		}
	}
	if _, err := io.WriteString(sw.w, Text(string(buf))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held, unfinished character (as escapes).
func (sw *Writer) Flush() error {
	if len(sw.held) == 0 {
		return nil
	}
	_, err := io.WriteString(sw.w, Text(string(sw.held)))
	sw.held = nil
	return err
}
