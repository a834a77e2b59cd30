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
			if r == '.' && abbreviation(text[:i]) {
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

// abbreviations end with a full stop that does not end a sentence. "etc."
// is left out: it ends sentences as often as not.
var abbreviations = map[string]bool{
	"inc": true, "ltd": true, "co": true, "corp": true, "no": true, "nos": true, "st": true, "dr": true,
	"mr": true, "mrs": true, "ms": true, "art": true, "arts": true, "sec": true, "para": true, "cf": true,
	"vs": true, "approx": true,
}

// abbreviation reports whether the word just before a full stop (the end of
// before) is an abbreviation: a run of dotted initials such as "U.S" or
// "e.g", or one of abbreviations.
func abbreviation(before string) bool {
	w := len(before)
	for w > 0 && (isASCIILetter(before[w-1]) || before[w-1] == '.') {
		w--
	}
	word := before[w:]
	if word == "" {
		return false
	}
	if abbreviations[strings.ToLower(word)] {
		return true
	}
	// Dotted initials: single letters separated by full stops, at least two.
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

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
