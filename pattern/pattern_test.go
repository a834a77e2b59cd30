package pattern

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

func TestAnalyse(t *testing.T) {
	tests := []struct {
		expr     string
		anchors  []string
		windowed bool
		reach    int
	}{
		{`abc`, []string{"abc"}, true, 3},
		{`(?i)ABC`, []string{"abc"}, true, 3},
		{`(?i)kit`, []string{"kit"}, true, 5}, // "k" also matches the 3-byte Kelvin sign
		{`right (?:of|to) access`, []string{"right of access", "right to access"}, true, 15},
		{`\bsars?\b`, []string{`\bsar\b`, `\bsars\b`}, true, 4},
		{`(?i)\bdata\s+protection\s+officer`, []string{"officer"}, false, unbounded},
		{`(?i)\bdata\s{1,3}protection\s{1,3}officer`, []string{"officer"}, true, 27},
		// The shortest literal of the chosen set decides; "protection" is
		// in nearly every paragraph of a notice, so it scores as one byte.
		{`data protection|x`, []string{"data protection", "x"}, true, 15},
		{`^section \d+`, digitsAfter("section "), false, unbounded},
		{`^section \d{1,3}`, digitsAfter("section "), false, 11},
		{`a*`, nil, false, unbounded},
		{`\d{4}`, digitsAfter(""), true, 4},
		{`\+\d{1,3} ?\d+`, digitsAfter("+"), false, unbounded},
		{`(?i)caf\x{e9}`, []string{"caf"}, true, 5},
		{`caf\x{e9}`, []string{"café"}, true, 5},
		{`[ -]x`, []string{" x", "-x"}, true, 2},
		{`foo|\d+`, append(digitsAfter(""), "foo"), false, unbounded},
		{`foo|[a-z]+`, nil, false, unbounded},
	}
	for _, tt := range tests {
		s := NewSet()
		p, err := s.Compile(tt.expr)
		if err != nil {
			t.Fatal(err)
		}
		got := p.Anchors()
		slices.Sort(got)
		want := slices.Clone(tt.anchors)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: anchors (-want +got):\n%s", tt.expr, diff)
		}
		if p.Windowed() != tt.windowed || p.reach != tt.reach {
			t.Errorf("%s: windowed %v reach %d, want %v %d", tt.expr, p.Windowed(), p.reach, tt.windowed, tt.reach)
		}
	}
}

func digitsAfter(prefix string) []string {
	var out []string
	for d := '0'; d <= '9'; d++ {
		out = append(out, prefix+string(d))
	}
	return out
}

// edgePatterns and edgeTexts sit on the edges of windowing: word boundaries
// at a window's edge, matches longer than their anchor on both sides,
// overlapping and adjacent matches, folding runes, multi-byte text.
var edgePatterns = []string{
	`(?i)\bsars?\b`,
	`(?i)right (?:of|to) access|\baccess (?:to )?(?:your )?data`,
	`(?i)\b(?:section|clause)[\t \x{00A0}]{1,3}(\d{1,3}(?:\.\d{1,3}){0,3})`,
	`(?i)restrict|\blimit(?:ing)? (?:how|what)`,
	`\bZ[A-Z]?\d{4,9}\b`,
	`(?i)\b\w{0,6}port\w{0,6}\b`,
	`(?i)ab|ba`,
	`(?i)(?:x|y)z{0,5}`,
	`(?i)kelvin|\bsection\b`,
	`(?i)[^.]{0,20}officer[^.]{0,20}`,
	`(?i)\bdata protection officers?\b`, // longer than maxLiteral, with \b after
	`(?:[a-z]officer){2}`,
	`(?i)\b(?:https?://|www\.)`, // whole: answered from the hits
	`(?i)a[bB]c|cab`,            // whole, with overlapping hits
}

var edgeTexts = []string{
	"", "sar", "SAR", "a SAR.", "necessary", "sars sar", "sarsar", "_sar", "sar_", "é sar é", "ésar",
	"the right of access and the right to access", "access your data; access to data",
	"see section 4.2 and Clause\u00a012", "section 4section 5", "subsection 4", "SECTION 999.999.999.999",
	"unrestricted limiting how limit what", "delimit how",
	"Z1234567 ZA123456 xZ1234567 Z12345678901",
	"report import portability passport", "ababab", "babab", "xzzzzzzz yzz",
	"ſection 4", "\u212aelvin", "KELVIN", "the officer. an officer, officers officer",
	strings.Repeat("a", 100) + "officer" + strings.Repeat("b", 100),
	"our Data Protection Officers; data protection officer_x, data protection officerx",
	"xofficeryofficer zofficer", strings.Repeat("section 4 access ", 20),
	"https://www.example.org HTTP://x WWW.EXAMPLE.COM xhttps://a _www.b httpſ://c", "abcabcab cabc ABCAB",
}

func checkSame(t *testing.T, p *Pattern, text string) {
	t.Helper()
	re := p.Regexp()
	ix := p.set.Index(text)
	if got, want := p.Match(ix), re.MatchString(text); got != want {
		t.Errorf("%s on %q: Match %v, regexp %v", p, text, got, want)
	}
	for _, n := range []int{-1, 1, 2} {
		got, want := p.FindAllSubmatchIndex(ix, n), re.FindAllStringSubmatchIndex(text, n)
		if !cmp.Equal(got, want) {
			t.Errorf("%s on %q, n=%d: FindAllSubmatchIndex %v, regexp %v", p, text, n, got, want)
		}
	}
	if got, want := p.FindIndex(ix), re.FindStringIndex(text); !cmp.Equal(got, want) {
		t.Errorf("%s on %q: FindIndex %v, regexp %v", p, text, got, want)
	}
}

func TestSameAsRegexp(t *testing.T) {
	s := NewSet()
	var ps []*Pattern
	for _, e := range edgePatterns {
		ps = append(ps, s.MustCompile(e))
	}
	texts := slices.Clone(edgeTexts)
	// Every edge text joined to every other, with and without a space, so
	// that matches meet at the joins.
	for _, a := range edgeTexts {
		for _, b := range edgeTexts[:10] {
			texts = append(texts, a+b, a+" "+b)
		}
	}
	for _, p := range ps {
		for _, text := range texts {
			checkSame(t, p, text)
		}
	}
}

func FuzzSameAsRegexp(f *testing.F) {
	for _, text := range edgeTexts {
		f.Add(text)
	}
	s := NewSet()
	var ps []*Pattern
	for _, e := range edgePatterns {
		ps = append(ps, s.MustCompile(e))
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range ps {
			checkSame(t, p, text)
		}
	})
}

// TestAutomaton checks the scan against strings.Index on random text over a
// small alphabet, where literals overlap and nest often.
func TestAutomaton(t *testing.T) {
	lits := []string{"a", "ab", "bab", "abab", "b c", "C", "aaa", "\u00a0x", "é"}
	a := newAutomaton(lits)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "A", "B", " ", "c", "C", "\u00a0", "x", "é", "É"}
	for k := range 2000 {
		var b strings.Builder
		// Texts long enough to be scanned in two halves, half the time.
		for range rng.IntN(30 + k%2*200) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		var got, want [][3]int
		a.scan(text, func(lit, start, end int) { got = append(got, [3]int{lit, start, end}) })
		lower := strings.Map(func(r rune) rune {
			if r >= 'A' && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, text)
		for id, l := range lits {
			l = strings.ToLower(l)
			for i := 0; i+len(l) <= len(lower); i++ {
				if lower[i:i+len(l)] == l {
					want = append(want, [3]int{id, i, i + len(l)})
				}
			}
		}
		order := func(x, y [3]int) int {
			if x[2] != y[2] {
				return x[2] - y[2]
			}
			return x[0] - y[0]
		}
		slices.SortFunc(got, order)
		slices.SortFunc(want, order)
		if !cmp.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", text, got, want)
		}
	}
}

func TestCompileAfterUse(t *testing.T) {
	s := NewSet()
	s.MustCompile(`abc`)
	s.Index("abc")
	if _, err := s.Compile(`def`); err == nil || !strings.Contains(err.Error(), "after the set was first used") {
		t.Errorf("Compile after Index: err = %v", err)
	}
	if _, err := s.Compile(`(`); err == nil {
		t.Error("a bad expression compiled")
	}
}

func TestOtherSetPanics(t *testing.T) {
	a, b := NewSet(), NewSet()
	p := a.MustCompile(`abc`)
	b.MustCompile(`abc`)
	defer func() {
		if recover() == nil {
			t.Error("a text indexed against another set was searched")
		}
	}()
	p.Match(b.Index("abc"))
}

// TestAnchorReach pins how far a match can reach out from each anchor: the
// window a hit is searched in.
func TestAnchorReach(t *testing.T) {
	tests := []struct {
		expr          string
		anchor        string
		before, after int
	}{
		{`right (?:of|to) access`, "right of access", 0, 0},
		{`(?i)\bdata\s{1,3}protection\s{1,3}officer`, "officer", 20, 0},
		{`(?i)caf\x{e9}`, "caf", 0, 2},
		{`(?i)\x{e9}t\x{e9}s`, "t", 2, 4}, // "s" also matches the 2-byte "ſ"
		{`x(?:ab){1,3}y`, "xab", 0, 7},
		{`(?:[a-z]officer){2}`, "officer", 9, 8},
		{`\d{1,4}-officer-[a-z]{0,5}`, "-officer-", 4, 5},
		{`\b(?:online|web) form\b`, "online form", 0, 0},
		{`(?i)\bZ[A-Z]?\d{4,9}\b`, "z", 0, 12}, // [A-Z] folds to the Kelvin sign
	}
	for _, tt := range tests {
		s := NewSet()
		p := s.MustCompile(tt.expr)
		found := false
		for _, a := range p.anchors {
			if a.s == tt.anchor {
				found = true
				if a.before != tt.before || a.after != tt.after {
					t.Errorf("%s: anchor %q reaches %d before, %d after; want %d, %d", tt.expr, a.s, a.before, a.after, tt.before, tt.after)
				}
			}
		}
		if !found {
			t.Errorf("%s: no anchor %q in %v", tt.expr, tt.anchor, p.Anchors())
		}
	}
}

func TestCandidates(t *testing.T) {
	s := NewSet()
	var ps []*Pattern
	for _, expr := range []string{`(?i)section \d`, `\bZ\d{4}`, `a*`, `(?i)kelvin`, `officer`} {
		ps = append(ps, s.MustCompile(expr))
	}
	for _, tt := range []struct {
		text string
		want []int
	}{
		{"", []int{2}},
		{"see Section 4 or Z1234", []int{0, 1, 2}},
		{"our officer", []int{2, 4}},
		{"\u212aelvin", []int{0, 1, 2, 3, 4}}, // a folding rune: every pattern
	} {
		var got []int
		for p := range s.Index(tt.text).Candidates() {
			got = append(got, p.id)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Candidates(%q) = %v, want %v", tt.text, got, tt.want)
		}
		// Every pattern that matches is a candidate.
		for _, p := range ps {
			if p.Regexp().MatchString(tt.text) && !slices.Contains(got, p.id) {
				t.Errorf("%s matches %q but is no candidate", p, tt.text)
			}
		}
	}
}

// TestWhole pins which patterns are answered from their hits alone.
func TestWhole(t *testing.T) {
	for _, tt := range []struct {
		expr  string
		whole bool
	}{
		{`(?i)\b(?:https?://|www\.)`, true},
		{`(?i)right (?:of|to) access`, true},
		{`(?i)ab|ba`, true},
		{`[Hh]ello`, false}, // "ello" is case-sensitive
		{`1[0-9]`, true},
		{`(?i)\bsars?\b`, false},               // "sar" is a prefix of "sars"
		{`ab|AB`, false},                       // case-sensitive: "Ab" is a hit but no match
		{`(?i)a[bB]c`, true},                   // the class matches both cases
		{`(?i:a)[b]c`, false},                  // "b" only in lower case
		{`(a|b)c`, false},                      // a capture
		{`(?i)a\bb`, false},                    // an assertion inside
		{`(?i)data protection officer`, false}, // longer than the automaton looks for
		{`(?i)a\b`, true},
		{`-\b`, false}, // \b after a non-word byte says something about the text after
		{`(?i)\bZ\d{4}`, false},
	} {
		if got := NewSet().MustCompile(tt.expr).whole; got != tt.whole {
			t.Errorf("%s: whole = %v, want %v", tt.expr, got, tt.whole)
		}
	}
}

// A literal that anchors many patterns is one hit where it occurs, not one
// per pattern: a table of many rows holds a common word in every row, and
// hits per pattern made the index most of the model's memory there. Every
// pattern still finds what its regexp finds, with the word boundaries and
// reach of its own anchor.
func TestHitsPerLiteral(t *testing.T) {
	s := NewSet()
	exprs := []string{`(?i)\bcontact\b`, `(?i)\bcontact us\b`, `(?i)contact`, `(?i)\bcontact(?:s|ed)?\b.{0,20}\bsection \d`,
		`(?i)\bcontacts\b`, `(?i)(?:email|contact) (?:us|the team)`, `(?i)recontact`, `(?i)\bcontact\b.*\bcontact\b`}
	var ps []*Pattern
	for _, e := range exprs {
		ps = append(ps, s.MustCompile(e))
	}
	text := strings.Repeat("| Supplier | contact details | see section 4 |\n", 3) + "Contact us, or recontact the contacts, or email the team."
	ix := s.Index(text)
	seen := map[hit]bool{}
	for _, h := range ix.hits {
		if seen[h] {
			t.Errorf("literal %q at %d stored twice", s.lits[h.lit], h.b)
		}
		seen[h] = true
	}
	// A hit is the literal and where it starts: a table of rows holds
	// hundreds of thousands, and its end is the literal's length on.
	if size := unsafe.Sizeof(hit{}); size > 8 {
		t.Errorf("a hit takes %d bytes, want at most 8", size)
	}
	perPattern := 0
	for _, p := range ps {
		p.eachWindow(ix, func(int, int) { perPattern++ })
	}
	if len(ix.hits) >= perPattern {
		t.Errorf("%d hits for %d pattern windows: a shared literal should be stored once", len(ix.hits), perPattern)
	}
	for i, p := range ps {
		want := regexp.MustCompile(exprs[i]).FindAllStringIndex(text, -1)
		if got := p.FindAllIndex(ix, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: got %v, want %v", exprs[i], got, want)
		}
	}
}
