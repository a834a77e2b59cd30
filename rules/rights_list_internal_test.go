package rules

import (
	"strings"
	"testing"
	"unicode"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// Portability said as "send your data to another organisation" is a verb
// and an object of one clause, however much lies between them: a window
// counted in bytes once dropped the wording when the gap was of curly
// apostrophes (3 bytes each) under 161 characters but over 160 bytes.
// Nothing but a clause boundary in the gap may part them.
func portabilityAcross(gap string) string {
	return "You can ask us to transfer your data " + gap + " to another organisation"
}

// gapOnly keeps the runes of s that are not letters or digits: letters
// could spell a negation or another clause's words.
func gapOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return ' '
		}
		return r
	}, s)
}

func checkPortabilityGap(t *testing.T, gap string) {
	t.Helper()
	gap = gapOnly(gap)
	said, denied := notices.Rights.Match(portabilityAcross(gap))
	if (said|denied)&^notices.AllRights != 0 {
		t.Fatalf("Match(%q) gave concepts beyond the table: %b", gap, said|denied)
	}
	got := said.Has(notices.RightPortability)
	switch {
	case !strings.ContainsAny(gap, ".!?;:•") && !got:
		t.Errorf("portability lost across a gap of %d bytes with no clause boundary: %q", len(gap), gap)
	case strings.ContainsAny(gap, ";:•") && got:
		t.Errorf("portability found across a clause boundary: %q", gap)
	}
}

var portabilityGaps = []string{
	"", strings.Repeat("’", 60), strings.Repeat("’", 160), strings.Repeat("’", 500),
	strings.Repeat("x ", 200), "(and, where you wish)", "; and", ":", "•",
}

func TestPortabilityAcrossAnyGap(t *testing.T) {
	for _, g := range portabilityGaps {
		checkPortabilityGap(t, g)
	}
}

// FuzzMovedToAnotherRecipient: portability moved to another recipient is
// found across any gap that holds no clause boundary, and no text gives a
// concept beyond the table.
func FuzzMovedToAnotherRecipient(f *testing.F) {
	for _, g := range portabilityGaps {
		f.Add(g)
	}
	f.Fuzz(checkPortabilityGap)
}

// The rule, not only the concept: a notice whose only portability wording
// spans a gap of curly apostrophes over 160 bytes is not told it never
// mentions portability.
func TestRightsListPortabilityAcrossCurlyGap(t *testing.T) {
	src := "# Privacy notice\n\nThis notice is given under the UK GDPR.\n\n## Your rights\n\n" +
		"You can ask for a copy of your data, ask us to correct it, ask us to delete it, ask us to restrict what we do with it, object to our use of it, " +
		"and ask for a person to review any automated decision. This notice tells you how we use your information.\n\n" +
		portabilityAcross(strings.Repeat("’", 60)) + ".\n"
	n, err := notices.Parse("curly.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lint.Check(n, &lint.Settings{}, lint.Options{Rules: []*lint.Rule{RightsList}}) {
		if strings.Contains(f.Message, "portability") {
			t.Errorf("%d: %s", f.Line, f.Message)
		}
	}
}

// The anchor only ever skips work: a para it leaves out says and denies no
// right.
func TestRightsAnchorNeverMissesAConcept(t *testing.T) {
	texts := []string{"Copies of your records", "transferability", "We cannot delete it", "SARs", "a human review", "Taking your data elsewhere", "moving your data to another provider"}
	for _, f := range corpus.Sample(t, 2<<20, 0) {
		n, err := notices.Parse(f.Path, f.Src)
		if err != nil {
			continue
		}
		for _, p := range n.Paras() {
			texts = append(texts, p.Text)
		}
	}
	for _, text := range texts {
		said, denied := notices.Rights.Match(text)
		if said|denied != 0 && !notices.Rights.Anchor().Regexp().MatchString(text) {
			t.Errorf("Rights.Anchor() skips %q, which says %b and denies %b", text, said, denied)
		}
	}
}
