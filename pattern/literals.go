package pattern

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An anchor is a literal that a match must contain, in the form it takes in
// ASCII-lower-cased text. wordBefore and wordAfter record a \b the pattern
// puts right before or after it, which a hit must then also satisfy. before
// and after bound how far a match holding the anchor reaches out from it, in
// bytes (or unbounded): "right of access" is a whole match, so a hit of it
// needs no text around it searched, while "officer" in
// `data\s{1,3}protection\s{1,3}officer` needs 22 bytes before it.
type anchor struct {
	s                     string
	wordBefore, wordAfter bool
	before, after         int
}

// maxExact bounds the finite languages analyse keeps: "right (?:of|to)
// access" is two strings, and a run of optional words multiplies quickly.
const maxExact = 64

// unbounded is the maximum length of a pattern with * or + in it.
const unbounded = -1

// facts is what analyse learns about one syntax node.
type facts struct {
	// exact is the node's whole language as anchors when that is a small
	// finite set of anchorable strings (it may hold ""); exactOK says so.
	exact   []string
	exactOK bool
	// req is a set one of which every match of the node contains; reqOK
	// says there is one.
	req   []anchor
	reqOK bool
	// prefix is a set one of which every match starts with; prefixOK says
	// there is one without "" in it.
	prefix   []string
	prefixOK bool
	// max is the most bytes a match can span, or unbounded.
	max int
	// textAnchored is set when the node uses ^, $, \A or \z, which a window
	// cut out of a longer text would change the meaning of.
	textAnchored bool
}

// analyse derives, from a parsed regexp, the anchors every match contains,
// the longest match in bytes, and whether the pattern anchors to the text.
func analyse(re *syntax.Regexp) facts {
	f := analyseOp(re)
	// A finite language without "" is itself a set one of which every match
	// contains, and starts with: "[ -]" as a whole is {" ", "-"}.
	if f.exactOK && !f.prefixOK && !slices.Contains(f.exact, "") {
		f.prefix, f.prefixOK = f.exact, true
	}
	if f.exactOK {
		if cand, ok := anchors(f.exact, false, false); ok && (!f.reqOK || better(cand, f.req)) {
			f.req, f.reqOK = cand, true
		}
	}
	return f
}

func analyseOp(re *syntax.Regexp) facts {
	switch re.Op {
	case syntax.OpNoMatch:
		return facts{exactOK: true, max: 0}
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// A condition: dropping it only widens the language, which keeps
		// every conclusion drawn from it sound. Concat reads \b itself.
		return facts{exact: []string{""}, exactOK: true, max: 0}
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return facts{exact: []string{""}, exactOK: true, max: 0, textAnchored: true}
	case syntax.OpLiteral:
		return literal(re)
	case syntax.OpCharClass:
		return charClass(re.Rune)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return facts{max: utf8.UTFMax}
	case syntax.OpCapture:
		return analyse(re.Sub[0])
	case syntax.OpQuest:
		f := analyse(re.Sub[0])
		out := facts{max: f.max, textAnchored: f.textAnchored}
		if f.exactOK {
			out.exact, out.exactOK = union(f.exact, []string{""})
		}
		return out
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		f := analyse(re.Sub[0])
		lo, hi := 0, -1
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
		}
		out := facts{textAnchored: f.textAnchored}
		switch {
		case f.max == 0:
			out.max = 0
		case hi < 0 || f.max == unbounded:
			out.max = unbounded
		default:
			out.max = hi * f.max
		}
		if lo >= 1 {
			// The anchor is in one of up to hi repetitions; the others
			// can lie on either side of it.
			others := unbounded
			if hi >= 1 && f.max != unbounded {
				others = (hi - 1) * f.max
			}
			out.req, out.reqOK = widen(f.req, others, others), f.reqOK
			out.prefix, out.prefixOK = f.prefix, f.prefixOK
		}
		if lo == 1 && hi == 1 {
			out.exact, out.exactOK = f.exact, f.exactOK
		}
		return out
	case syntax.OpConcat:
		return concat(re.Sub)
	case syntax.OpAlternate:
		return alternate(re.Sub)
	}
	return facts{max: unbounded}
}

func literal(re *syntax.Regexp) facts {
	fold := re.Flags&syntax.FoldCase != 0
	out := facts{exactOK: true}
	var b, best strings.Builder
	// A folding literal with a non-ASCII letter ("é" matching "É") cannot
	// be found in ASCII-lower-cased text as written; the pieces between
	// such letters still can. start and bestStart, bestEnd are where the
	// pieces lie, in the most bytes the runes before them can take.
	start, bestStart, bestEnd := 0, 0, 0
	flush := func() {
		if b.Len() > best.Len() {
			best.Reset()
			best.WriteString(b.String())
			bestStart, bestEnd = start, out.max
		}
		b.Reset()
	}
	for _, r := range re.Rune {
		n := maxRuneLen(r, fold)
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(lowerASCII(byte(r)))
		case !fold || unicode.SimpleFold(r) == r:
			b.WriteRune(r)
		default:
			out.exactOK = false
			flush()
			start = out.max + n
		}
		out.max += n
	}
	flush()
	if out.exactOK {
		out.exact = []string{best.String()}
	}
	if best.Len() > 0 {
		out.req, out.reqOK = []anchor{{s: best.String(), before: bestStart, after: out.max - bestEnd}}, true
	}
	return out
}

// maxRuneLen is the longest UTF-8 encoding of anything r matches: under
// case folding "k" also matches the Kelvin sign, three bytes long.
func maxRuneLen(r rune, fold bool) int {
	n := utf8.RuneLen(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			n = max(n, utf8.RuneLen(f))
		}
	}
	return n
}

// charClass: a small class ("[ -]", "[Ss]") is a set of one-rune strings;
// the parser has already added the case variants of a folding class.
func charClass(ranges []rune) facts {
	out := facts{}
	size := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		size += int(ranges[i+1]-ranges[i]) + 1
		out.max = max(out.max, utf8.RuneLen(ranges[i+1]))
	}
	if size == 0 || size > 10 { // up to \d
		return out
	}
	var set []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r < utf8.RuneSelf {
				set = append(set, string(rune(lowerASCII(byte(r)))))
			} else {
				set = append(set, string(r))
			}
		}
	}
	out.exact, out.exactOK = union(set, nil)
	return out
}

// concat multiplies runs of adjacent finite languages into longer literals
// ("right " then "of|to" then " access" is "right of access" or "right to
// access"), notes a \b at either end of a run, and keeps the most selective
// set that a match must contain.
func concat(subs []*syntax.Regexp) facts {
	fs := make([]facts, len(subs))
	for i, sub := range subs {
		fs[i] = analyse(sub)
	}
	out := facts{exact: []string{""}, exactOK: true}
	// The prefix: the product of the leading exact parts, then how the
	// first other part starts; a product grown too large stops where it is.
	prefix := []string{""}
	for _, f := range fs {
		part, partOK := f.prefix, f.prefixOK
		if f.exactOK {
			part, partOK = f.exact, true
		}
		next, ok := product(prefix, part, partOK)
		if !ok {
			break
		}
		prefix = next
		if !f.exactOK {
			break
		}
	}
	if !slices.Contains(prefix, "") {
		out.prefix, out.prefixOK = prefix, true
	}
	// How far a match can reach before part i, and from part i on.
	upTo, from := make([]int, len(subs)+1), make([]int, len(subs)+1)
	for i, f := range fs {
		upTo[i+1] = plus(upTo[i], f.max)
	}
	for i := len(fs) - 1; i >= 0; i-- {
		from[i] = plus(from[i+1], fs[i].max)
	}
	var best []anchor
	// The run is parts first..end-1 (with end's prefix, when it grew into
	// it: from[end] then counts that part whole).
	run, before, first := []string{""}, false, 0
	finish := func(after bool, end int) {
		if cand, ok := anchors(run, before, after); ok {
			if cand = widen(cand, upTo[first], from[end]); better(cand, best) {
				best = cand
			}
		}
		run, before, first = []string{""}, false, end+1
	}
	for i, sub := range subs {
		f := fs[i]
		out.textAnchored = out.textAnchored || f.textAnchored
		if out.max != unbounded {
			if f.max == unbounded {
				out.max = unbounded
			} else {
				out.max += f.max
			}
		}
		if out.exactOK {
			out.exact, out.exactOK = product(out.exact, f.exact, f.exactOK)
		}
		if sub.Op == syntax.OpWordBoundary {
			// The exact language drops the condition (it only widens it);
			// the run's anchors keep it.
			finish(true, i)
			before = true
			continue
		}
		if f.exactOK {
			if next, ok := product(run, f.exact, true); ok {
				run = next
				continue
			}
			finish(false, i)
			run, first = f.exact, i
			continue
		}
		// A run goes on into how the next part must start: "compan" then
		// "(?:y|ies house) no" is "company no" or "companies house no", and
		// "\\+" then "\\d{1,3}" is "+0" to "+9".
		if f.prefixOK {
			if next, ok := product(run, f.prefix, true); ok {
				run = next
			}
		}
		finish(false, i)
		if f.reqOK {
			if cand := widen(f.req, upTo[i], from[i+1]); better(cand, best) {
				best = cand
			}
		}
	}
	finish(false, len(subs))
	if best != nil {
		out.req, out.reqOK = best, true
	}
	return out
}

func alternate(subs []*syntax.Regexp) facts {
	out := facts{exactOK: true, reqOK: true, prefixOK: true}
	// The sets are gathered whole and then sorted once: union per
	// alternative made compiling a long alternation quadratic.
	for _, sub := range subs {
		f := analyse(sub)
		if out.prefixOK && f.prefixOK {
			out.prefix = append(out.prefix, f.prefix...)
		} else {
			out.prefixOK = false
		}
		out.textAnchored = out.textAnchored || f.textAnchored
		if out.max != unbounded {
			if f.max == unbounded {
				out.max = unbounded
			} else {
				out.max = max(out.max, f.max)
			}
		}
		if out.exactOK = out.exactOK && f.exactOK; out.exactOK {
			out.exact = append(out.exact, f.exact...)
		}
		out.reqOK = out.reqOK && f.reqOK
		if out.reqOK {
			out.req = append(out.req, f.req...)
		}
	}
	if out.exactOK {
		out.exact, out.exactOK = union(out.exact, nil)
	}
	if out.prefixOK {
		out.prefix, out.prefixOK = union(out.prefix, nil)
	}
	if !out.exactOK {
		out.exact = nil
	}
	if !out.reqOK {
		out.req = nil
	}
	if !out.prefixOK {
		out.prefix = nil
	}
	return out
}

// anchors turns a finite language into anchors, or fails when it holds the
// empty string (which every text contains). A \b matters only next to a word
// character: after "" it says something about the text around, not the
// literal.
func anchors(set []string, before, after bool) ([]anchor, bool) {
	out := make([]anchor, 0, len(set))
	for _, s := range set {
		if s == "" {
			return nil, false
		}
		out = append(out, anchor{s: s, wordBefore: before && IsWordByte(s[0]), wordAfter: after && IsWordByte(s[len(s)-1])})
	}
	return out, true
}

// better says whether set a is more selective than b: it holds none of the
// words every notice uses, or as few, and its shortest literal is longer (a
// \b counts as a character), or as long with fewer literals.
func better(a, b []anchor) bool {
	if b == nil {
		return true
	}
	sa, sb := score(a), score(b)
	return sa > sb || sa == sb && len(a) < len(b)
}

// commonWords are so frequent in privacy notices that an anchor of one of
// them alone selects nearly every paragraph: "protection" in "data
// protection officer" is a poorer anchor than the shorter "officer".
var commonWords = map[string]bool{
	"data": true, "protection": true, "personal": true, "information": true, "privacy": true,
	"policy": true, "notice": true, "your": true, "our": true, "the": true, "and": true,
	"use": true, "we": true, "you": true, "of": true, "to": true, "company": true, "compan": true,
	"registered": true, "form": true,
	// Words of four letters or more that nearly every sentence of a
	// notice holds one of.
	"from": true, "with": true, "that": true, "this": true, "will": true, "have": true, "which": true,
	"other": true, "such": true, "about": true, "where": true, "when": true, "also": true, "these": true,
	"they": true, "their": true, "them": true, "been": true, "more": true, "what": true, "only": true,
	"including": true, "include": true, "services": true, "service": true, "please": true, "contact": true,
}

func score(set []anchor) int {
	low := -1
	for _, a := range set {
		n := len(a.s)
		if commonWords[strings.TrimSpace(a.s)] {
			n = 1
		}
		if a.wordBefore {
			n++
		}
		if a.wordAfter {
			n++
		}
		if low < 0 || n < low {
			low = n
		}
	}
	return low
}

// widen returns the anchors of a part with before and after more bytes of
// match around them: those of the parts before and after it.
func widen(as []anchor, before, after int) []anchor {
	out := make([]anchor, len(as))
	for i, a := range as {
		a.before, a.after = plus(a.before, before), plus(a.after, after)
		out[i] = a
	}
	return out
}

// plus adds two lengths, either of which may be unbounded.
func plus(a, b int) int {
	if a == unbounded || b == unbounded {
		return unbounded
	}
	return a + b
}

// product is every string of a followed by one of b, or fails when b is not
// exact or the result would pass maxExact.
func product(a, b []string, bOK bool) ([]string, bool) {
	if !bOK || len(a)*len(b) > maxExact {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return union(out, nil)
}

func union(a, b []string) ([]string, bool) {
	out := slices.Concat(a, b)
	slices.Sort(out)
	out = slices.Compact(out)
	return out, len(out) <= maxExact
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// IsWordByte reports whether c is a word character as \b sees it: an ASCII
// letter, digit or "_". Code that checks a word boundary by hand, next to
// a pattern, uses it so that both agree.
func IsWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}
