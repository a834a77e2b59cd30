package rules

import "strings"

// A case-folding regexp with no literal prefix is run by Go's regexp engine
// at every byte of its input, which made the notice-wide scans the costliest
// part of linting. Each literals value below lists what every match of one
// such regexp must contain, so most paragraphs are passed over with a few
// substring searches. A prefilter may say yes wrongly, never no wrongly:
// TestPrefiltersNeverMissAMatch checks that on real notices and fuzzed text.

// literals holds the lower-case fragments one of which every match of a
// regexp contains: subs anywhere, words as whole words (\b on both sides).
type literals struct {
	subs, words []string
}

// in reports whether text, whose lower-case form is lower, may match.
func (l literals) in(text, lower string) bool {
	if foldRisk(text) {
		return true
	}
	for _, s := range l.subs {
		if strings.Contains(lower, s) {
			return true
		}
	}
	for _, w := range l.words {
		if containsWord(lower, w) {
			return true
		}
	}
	return false
}

// foldRisk: (?i) folds "s" to "ſ" and "k" to the Kelvin sign, so text holding
// either can match a literal its lower-case form lacks; and "İ" lower-cases
// to "i", which can join a word to its neighbour. Prefilters step aside for
// such text.
func foldRisk(text string) bool {
	return strings.Contains(text, "\u017f") || strings.Contains(text, "\u212a") || strings.Contains(text, "\u0130")
}

// containsWord reports whether s holds w with no ASCII letter, digit or
// underscore on either side: what \bw\b needs.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || !isWordByte(s[j-1])) && (j+len(w) == len(s) || !isWordByte(s[j+len(w)])) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

var (
	ukEULawLits = literals{
		subs: []string{"general data protection regulation", "european economic area", "united kingdom", "information commissioner",
			"supervisory authorit", "data protection act 2018", "european union"},
		words: []string{"gdpr", "eea", "uk", "ico", "eu"},
	}
	ukRegisteredLits     = literals{subs: []string{"registered", "company ", "companies house", "charity ", "information commissioner"}}
	representativeLits   = literals{subs: []string{"representative", "27"}}
	foreignAuthorityLits = literals{subs: []string{"data protection commission", "cnil", "supervisory authorit", "member state", "bfdi", "datenschutz", "aepd", "garante"}}
)

// mayNameICO is the prefilter of the case-sensitive ico regexp.
func mayNameICO(text string) bool {
	return strings.Contains(text, "Information Commissioner") || containsWord(text, "ICO")
}
