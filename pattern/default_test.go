package pattern_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
	_ "github.com/noticelint/noticelint/rules" // the rules' patterns join the default set
)

// The parser's and the rules' own patterns must find exactly what their
// regexps find, on real notices and on fuzzed text: the pattern package
// changes how fast a notice is linted, never what is found.

// sampleParas are the paragraphs of the fixtures and, where present, of the
// gdpr corpus and every 40th notice of the policies corpus, up to about
// budget bytes of source so that the test stays quick under -race.
func sampleParas(t testing.TB, budget int) []string {
	var out []string
	for _, f := range corpus.Sample(t, budget, 40) {
		n, err := notices.Parse(f.Path, f.Src)
		if err != nil {
			continue
		}
		for _, p := range n.Paras() {
			out = append(out, p.Text)
		}
		n.Walk(func(s *notices.Section) { out = append(out, s.Title) })
	}
	return out
}

func sameAsRegexp(t *testing.T, text string) {
	t.Helper()
	ix := pattern.Index(text)
	for _, p := range pattern.Default.Patterns() {
		re := p.Regexp()
		if got, want := p.Match(ix), re.MatchString(text); got != want {
			t.Errorf("%s on %q: Match %v, regexp %v", p, text, got, want)
		}
		if got, want := p.FindAllSubmatchIndex(ix, -1), re.FindAllStringSubmatchIndex(text, -1); !cmp.Equal(got, want) {
			t.Errorf("%s on %q: FindAllSubmatchIndex %v, regexp %v", p, text, got, want)
		}
	}
}

func TestDefaultSetSameAsRegexp(t *testing.T) {
	budget := 1 << 20
	if testing.Short() || raceEnabled {
		budget = 128 << 10
	}
	for _, text := range sampleParas(t, budget) {
		sameAsRegexp(t, text)
	}
}

// An anchored pattern that can match without bound ("[\w-]+", "\s+",
// "\w*") is searched over the whole of every paragraph that holds one of
// its literals, not in windows around them: one such pattern among the
// parser's cost more than the rest of the facts together. Repeats are
// bounded instead ("[\w-]{1,40}", "\s{1,20}"), which no real notice's
// words or spaces reach.
func TestDefaultSetBounded(t *testing.T) {
	for _, p := range pattern.Default.Patterns() {
		if len(p.Anchors()) > 0 && !p.Bounded() {
			t.Errorf("%s: a match has no bound in length, so every paragraph holding one of its literals is searched whole; bound its repeats", p)
		}
	}
}

func FuzzDefaultSet(f *testing.F) {
	for _, text := range []string{
		"Contact our Data Protection Officer at dpo@example.org.", "see section 4.2 and clauses 5, 6 and 7",
		"We no longer rely on the EU-US Privacy Shield.", "registered in England and Wales under company number 01234567",
		"ICO registration number: Z1234567", "the right of access (a SAR)", "ſection 4", "\u212aelvin",
	} {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sameAsRegexp(t, text)
	})
}
