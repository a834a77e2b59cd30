package sanitize

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Plain text, café, ’quotes’ and 🙂 stay: \ufffd too.", "Plain text, café, ’quotes’ and 🙂 stay: \ufffd too."},
		{"clear\x1b[2J\x1b[Hscreen", `clear\x1b[2J\x1b[Hscreen`},
		{"osc52 \x1b]52;c;ZXZpbA==\x07 end", `osc52 \x1b]52;c;ZXZpbA==\x07 end`},
		{"c1 csi \u009b31m and nel \u0085", `c1 csi \u009b31m and nel \u0085`},
		{"raw byte \x9b31m", `raw byte \x9b31m`},
		{"bidi \u202eevil\u202c \u2066x\u2069 \u200e\u200f\u061c", `bidi \u202eevil\u202c \u2066x\u2069 \u200e\u200f\u061c`},
		{"two\nlines\r\tand\x00nul\x7f", `two\nlines\r\tand\x00nul\x7f`},
		{"sep\u2028and\u2029", `sep\u2028and\u2029`},
		{"truncated \xe2\x80", `truncated \xe2\x80`},
	} {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Text("a\x1b\nb\n"); got != "a\\x1b\nb\n" {
		t.Errorf("Text kept or lost the wrong characters: %q", got)
	}
}

// Nothing Line returns can drive a terminal: no byte below 0x20 or 0x7f,
// no C1 or bidirectional control, and valid UTF-8, whatever the input.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"\x1b[31mred", "\u202e", "\xc2\x9b", "\xff\xfe", "ok ’", "]]>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Line(%q) = %q is not UTF-8", s, out)
		}
		for _, r := range out {
			if r < 0x20 || r == 0x7f || isControl(r) {
				t.Fatalf("Line(%q) = %q holds %U", s, out, r)
			}
		}
		// XML's job is the characters; escaping the markup ones (& < > and
		// "]]>", which character data must not hold) is the encoder's.
		// (xml.EscapeText would also hide the characters XML must replace.)
		markup := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
		if xs := XML(s); !utf8.ValidString(xs) || xml.Unmarshal([]byte("<a>"+markup.Replace(xs)+"</a>"), new(struct{})) != nil {
			t.Fatalf("XML(%q) = %q is not XML text", s, xs)
		}
	})
}

func TestXML(t *testing.T) {
	in := "ok\t\n\r é \x01\x1b[2J \ufffe\uffff \xff end \U0001F642"
	want := "ok\t\n\r é \ufffd\ufffd[2J \ufffd\ufffd \ufffd end \U0001F642"
	if got := XML(in); got != want {
		t.Errorf("XML(%q) = %q, want %q", in, got, want)
	}
	if s := "unchanged ’"; XML(s) != s {
		t.Errorf("XML changed %q", s)
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	src := []byte("a’b\x1b[2Jc\n\u202ed\xe2")
	for i := range src { // one byte at a time: every character split
		if _, err := w.Write(src[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "a’b\\x1b[2Jc\n\\u202ed\\xe2"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}
