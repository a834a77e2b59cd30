package notices

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"We keep it. You can ask. Really?", []string{"We keep it.", "You can ask.", "Really?"}},
		// Dotted initials and short forms are not sentence ends.
		{"Example Inc. adheres to the EU-U.S. Privacy Shield, although we do not rely on it. We use the IDTA.",
			[]string{"Example Inc. adheres to the EU-U.S. Privacy Shield, although we do not rely on it.", "We use the IDTA."}},
		{"See Art. 21 and e.g. Schedule 1. Then write to Dr. Okafor.", []string{"See Art. 21 and e.g. Schedule 1.", "Then write to Dr. Okafor."}},
		// A single initial, a number and "etc." still end sentences.
		{"See Appendix A. It lists them. See section 3.6. Then etc. Next one.",
			[]string{"See Appendix A.", "It lists them.", "See section 3.6.", "Then etc.", "Next one."}},
		{"Write to us at:\n1 High Street", []string{"Write to us at:", "1 High Street"}},
	} {
		var got []string
		for _, s := range Sentences(tc.text) {
			got = append(got, tc.text[s.Start:s.End])
		}
		if len(got) != len(tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
				break
			}
		}
	}
}

// abbreviationByRescan is the definition abbreviations answers in one pass:
// read the run of letters and full stops back from the stop, every time.
func abbreviationByRescan(before string) bool {
	w := len(before)
	for w > 0 && (isASCIILetter(before[w-1]) || before[w-1] == '.') {
		w--
	}
	word := before[w:]
	if word == "" {
		return false
	}
	if abbreviationWords[strings.ToLower(word)] {
		return true
	}
	parts := strings.Split(word, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) != 1 {
			return false
		}
	}
	return true
}

// TestAbbreviationsSameAsRescan checks the one-pass answer against the
// definition at every full stop of every text of up to 8 bytes over an
// alphabet of letters that spell abbreviations, a stop, a space and a
// digit, and of long dotted runs.
func TestAbbreviationsSameAsRescan(t *testing.T) {
	check := func(text string) {
		a := abbreviations{text: text, end: -1}
		for i := 0; i < len(text); i++ {
			if text[i] != '.' {
				continue
			}
			if got, want := a.before(i), abbreviationByRescan(text[:i]); got != want {
				t.Fatalf("%q: the stop at %d closes an abbreviation: got %v, want %v", text, i, got, want)
			}
		}
	}
	for _, alphabet := range []string{"no. 1", "US.e g", "a.bI"} {
		var gen func(prefix string, n int)
		gen = func(prefix string, n int) {
			check(prefix)
			if n == 0 {
				return
			}
			for i := 0; i < len(alphabet); i++ {
				gen(prefix+alphabet[i:i+1], n-1)
			}
		}
		gen("", 7)
	}
	for _, text := range []string{
		"dpo@" + strings.Repeat("a.", 500) + "com. Next", strings.Repeat("U.S.", 300), "Inc.Ltd.Co. x",
		strings.Repeat("ab.", 200) + " e.g. Art. No.", "a.a.a.aa.a.a. Inc. " + strings.Repeat("x", 10) + ".",
	} {
		check(text)
	}
}
