package notices

import (
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentence spans (offsets into text). A sentence
// ends at ".", "!" or "?" followed by white space and a capital, digit or
// quote, and at a colon that ends a line (the line before an address block).
// Abbreviations such as "e.g." are not followed by a capital often enough to
// matter for the rules that read sentences.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		end := -1
		switch r {
		case '.', '!', '?':
			j := i + size
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
