package pattern

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// whole reports whether the matches of a pattern are exactly the hits of
// its anchors, so that no regexp need run to find them: "(?i)\b(?:https?://|
// www\.)" matches "http://", "https://" or "www." after a word boundary, in
// any case, and nothing else. That holds when
//   - the regexp is a finite set of strings, with at most a \b at either end
//     and no other assertion or capture, and the anchors are that set, each
//     with the \b it has and no longer than the automaton looks for;
//   - every letter in it matches either case, as the automaton's hits do;
//   - no string is a prefix of another, so that at most one can match at a
//     place and leftmost-first has no choice to make.
//
// Texts holding a rune that folds to ASCII are still searched by the regexp.
func whole(tree *syntax.Regexp, subexps int, anchors []anchor) bool {
	if subexps > 0 || anchors == nil {
		return false
	}
	body, before, after := []*syntax.Regexp{tree}, false, false
	if tree.Op == syntax.OpConcat {
		body = tree.Sub
		if len(body) > 0 && body[0].Op == syntax.OpWordBoundary {
			body, before = body[1:], true
		}
		if len(body) > 0 && body[len(body)-1].Op == syntax.OpWordBoundary {
			body, after = body[:len(body)-1], true
		}
	}
	if len(body) == 0 || slices.ContainsFunc(body, hasAssertion) {
		return false
	}
	for _, sub := range body {
		if !foldsASCII(sub) {
			return false
		}
	}
	f := concat(body)
	if !f.exactOK || len(f.exact) != len(anchors) {
		return false
	}
	for _, a := range anchors {
		s := a.s
		if !slices.Contains(f.exact, s) || len(s) > maxLiteral ||
			a.wordBefore != before || a.wordAfter != after {
			return false
		}
	}
	for _, s := range f.exact {
		for _, t := range f.exact {
			if s != t && strings.HasPrefix(t, s) {
				return false
			}
		}
	}
	return true
}

// hasAssertion reports whether re holds a zero-width assertion.
func hasAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText:
		return true
	}
	return slices.ContainsFunc(re.Sub, hasAssertion)
}

// foldsASCII reports whether every ASCII letter re matches, it matches in
// either case.
func foldsASCII(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return true
		}
		return !slices.ContainsFunc(re.Rune, isASCIILetter)
	case syntax.OpCharClass:
		in := func(r rune) bool {
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i] <= r && r <= re.Rune[i+1] {
					return true
				}
			}
			return false
		}
		for r := 'a'; r <= 'z'; r++ {
			if in(r) != in(unicode.ToUpper(r)) {
				return false
			}
		}
		return true
	}
	for _, sub := range re.Sub {
		if !foldsASCII(sub) {
			return false
		}
	}
	return true
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
