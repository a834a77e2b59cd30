package rules

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Topic matching compares what a reference says it points to with a section's
// title or text, by content words reduced to their stems (Snowball English),
// so "complaints" matches "complaint" and "transfers" matches "transfer".
// Question words stay: "How we use" and "What we use" are different titles.

var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "and": true, "or": true, "on": true,
	"in": true, "for": true, "we": true, "you": true, "your": true, "our": true, "us": true,
	"about": true, "more": true, "information": true, "info": true, "details": true, "detail": true,
	"can": true, "with": true, "is": true, "are": true, "be": true, "this": true, "that": true,
	"it": true, "its": true, "do": true, "does": true, "by": true, "at": true, "from": true,
	"as": true, "may": true, "will": true, "which": true, "i": true, "my": true, "they": true,
	"their": true, "there": true, "these": true, "those": true, "any": true, "all": true,
	"some": true, "other": true, "such": true, "see": true, "section": true, "notice": true,
	"policy": true, "further": true, "please": true, "has": true, "have": true,
	// "Personal data" is what every section of a notice is about: like
	// "information", it tells no section from another.
	"personal": true, "data": true,
	// "The purposes" say nothing until they say of what.
	"purpose": true, "purposes": true,
}

// synonyms fold words notices use interchangeably into one stem.
var synonyms = map[string][]string{
	"dpo":       {"protect", "offic"},
	"mdpo":      {"protect", "offic"},
	"complain":  {"complaint"},
	"ico":       {"commission"},
	"retention": {"keep"},
	"retain":    {"keep"},
	"retained":  {"keep"},
	"kept":      {"keep"},
	// Notices say "process" and "use" of the same acts.
	"process":    {"use"},
	"processing": {"use"},
	"processed":  {"use"},
	"processes":  {"use"},
}

// stems returns the distinct content-word stems of s.
func stems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if stopWords[w] || len(w) < 2 {
			continue
		}
		if syn, ok := synonyms[w]; ok {
			for _, x := range syn {
				out[x] = true
			}
			continue
		}
		out[english.Stem(w, false)] = true
	}
	return out
}

// titleScore is the Dice coefficient of two texts' stems: 1 for the same
// words, 0 for none shared.
func titleScore(a, b string) float64 { return dice(stems(a), stems(b)) }

// dice is titleScore on stems already computed.
func dice(sa, sb map[string]bool) float64 {
	if len(sa) == 0 || len(sb) == 0 {
		return 0
	}
	shared := 0
	for w := range sa {
		if sb[w] {
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(sa)+len(sb))
}

// titleMatch is how well a title names a topic: the Dice coefficient of
// their stems, and at least 0.6 when a short title holds every stem of the
// topic ("rights" in "Your privacy choices and rights"). A long title holds
// many words, and one of them says little.
func titleMatch(topic, title map[string]bool) float64 {
	v := dice(topic, title)
	if v < 0.6 && len(title) <= 3 && covered(topic, title) == 1 {
		v = 0.6
	}
	return v
}

// covered is the share of the topic's stems st that a text's stems sx
// contain.
func covered(st, sx map[string]bool) float64 {
	if len(st) == 0 {
		return 0
	}
	in := 0
	for w := range st {
		if sx[w] {
			in++
		}
	}
	return float64(in) / float64(len(st))
}
