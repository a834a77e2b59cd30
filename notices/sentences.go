package notices

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentence spans (offsets into text). A sentence
// ends at ".", "!" or "?" followed by white space and a capital, digit or
// quote, and at a colon that ends a line (the line before an address block).
// A full stop that closes an abbreviation does not end a sentence: dotted
// initials ("U.S.", "EU-U.S.", "e.g.") and the short titles and company forms
// notices use ("Inc.", "No.", "Art."). Splitting "the EU-U.S. Privacy Shield"
// after "U.S." would part a disclaimer from the framework it disclaims.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	abbr := abbreviations{text: text, end: -1}
	for i := 0; i < len(text); {
		// Every place a sentence can end is at an ASCII byte, which is
		// never part of a longer rune: skip to the next one.
		k := strings.IndexAny(text[i:], ".!?:\n")
		if k < 0 {
			break
		}
		i += k
		r, size := rune(text[i]), 1
		end := -1
		switch r {
		case '.', '!', '?':
			j := i + size
			if r == '.' && abbr.before(i) {
				break
			}
			for j < len(text) && (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
				j++
			}
			if k := skipSpace(text, j); k > j && k < len(text) {
				next, _ := utf8.DecodeRuneInString(text[k:])
				if unicode.IsUpper(next) || unicode.IsDigit(next) || next == '‘' || next == '“' || next == '"' || next == '\'' || next == '•' {
					end = j
				}
			}
		case ':':
			j := i + size
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				end = j
			}
		case '\n':
			if j := i + 1; j < len(text) && text[j] == '\n' {
				end = i
			}
		}
		i += size
		if end >= 0 {
			if s := trimSpan(text, Span{start, end}); s.Len() > 0 {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := trimSpan(text, Span{start, len(text)}); s.Len() > 0 {
		out = append(out, s)
	}
	return out
}

func skipSpace(text string, j int) int {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	return j
}

// abbreviationWords end with a full stop that does not end a sentence.
// "etc." is left out: it ends sentences as often as not.
var abbreviationWords = map[string]bool{
	"inc": true, "ltd": true, "co": true, "corp": true, "no": true, "nos": true, "st": true, "dr": true,
	"mr": true, "mrs": true, "ms": true, "art": true, "arts": true, "sec": true, "para": true, "cf": true,
	"vs": true, "approx": true,
}

// longestAbbreviation bounds the words worth looking up in abbreviationWords.
var longestAbbreviation = func() int {
	n := 0
	for w := range abbreviationWords {
		n = max(n, len(w))
	}
	return n
}()

// abbreviations answers, for each full stop of one text in turn, whether the
// word just before it is an abbreviation: a run of dotted initials such as
// "U.S" or "e.g", or one of abbreviationWords. The word is the run of ASCII
// letters and full stops before the stop. Consecutive stops in one run (a
// dotted domain, "dpo@a.a.a.…com") share the run's start and what is known
// of its form, so each byte of the text is read a bounded number of times
// however long the run: reading the run back from every stop made such an
// address cost the square of its length.
type abbreviations struct {
	text string
	// end is the last full stop asked about (-1 before the first); start
	// is where the run of letters and stops before it begins.
	end, start int
	// initials says text[start:end] is letters separated by single stops
	// ("U.S", or one letter).
	initials bool
}

// before reports whether the full stop at i closes an abbreviation. Calls
// must come in increasing order of i.
func (a *abbreviations) before(i int) bool {
	t := a.text
	if a.end >= 0 && inWordRun(t[a.end:i]) {
		// The run goes on from the last stop: "U.S" is "U" + ".S".
		a.initials = a.initials && i-a.end == 2 && isASCIILetter(t[a.end+1])
	} else {
		w := i
		for w > 0 && (isASCIILetter(t[w-1]) || t[w-1] == '.') {
			w--
		}
		a.start, a.initials = w, isInitials(t[w:i])
	}
	a.end = i
	word := t[a.start:i]
	switch {
	case word == "":
		return false
	case len(word) <= longestAbbreviation && abbreviationWords[strings.ToLower(word)]:
		return true
	}
	// Dotted initials: single letters separated by full stops, at least two.
	return a.initials && len(word) >= 3
}

// shortFormBefore reports whether the full stop at text[k] closes one of
// the short forms of abbreviationWords written as a word of its own ("Art.
// 15 GDPR", "No. 5"): clauses, like sentences, go on past it. Dotted
// initials are left to the sentence reader.
func shortFormBefore(text string, k int) bool {
	w := k
	for w > 0 && k-w <= longestAbbreviation && isASCIILetter(text[w-1]) {
		w--
	}
	if w == k || k-w > longestAbbreviation || w > 0 && (text[w-1] == '.' || isASCIILetter(text[w-1])) {
		return false
	}
	return abbreviationWords[strings.ToLower(text[w:k])]
}

func inWordRun(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// isInitials reports whether s is letters separated by single full stops:
// "U.S", "e.g", "a".
func isInitials(s string) bool {
	if len(s)%2 == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i%2 == 0 && !isASCIILetter(s[i]) || i%2 == 1 && s[i] != '.' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
