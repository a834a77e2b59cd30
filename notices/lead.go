package notices

import (
	"regexp"
	"strings"
)

// HTML-to-Markdown converters wrap a section's number and title in markup
// that means nothing for the tree: "**2\. How we share**", "**2.** **How we
// share**", "**2.6 Payment data:** We rely on ...", "1\. Introduction". A
// lead is how such a line opens once that markup is set aside.
type lead struct {
	num string // "2", "2.6", as written without escapes or a trailing dot
	// title is the rest of the first line, or, when the line sets a title
	// off in bold after the number, the bold text; markup removed.
	title string
	// emph says the title was set off in bold ("**2.6 Payment data:** ..."):
	// then the title ends where the bold does, and text may follow it.
	emph bool
	// term is the character that ended the number ('.', ')'), or 0.
	term byte
	// sep is the separator between number and title as titleNum reads it:
	// true when the number was followed by white space, a dash or a colon
	// (or a terminator and white space), as a title line needs.
	sep bool
	// after is the offset in the text just past the number and any markup
	// closing on it: where a clause's own text starts.
	after int
	// rest is the offset where the text after a bold title starts, or -1.
	rest int
}

// emphMarks are the bold markers a lead may be wrapped in.
func emphMark(s string) string {
	switch {
	case strings.HasPrefix(s, "**"):
		return "**"
	case strings.HasPrefix(s, "__"):
		return "__"
	}
	return ""
}

// readLead reads the number a unit's text opens with, past bold markup and
// backslash escapes. It reports false when the text does not open with a
// number of one to three digits (dotted parts allowed).
func readLead(t string) (lead, bool) {
	var l lead
	i := 0
	open := emphMark(t)
	i += len(open)
	if open == "" && len(t) > 1 && (t[0] == '*' || t[0] == '_') && isDigit(t[1]) {
		open = t[:1]
		i = 1
	}
	start := i
	for {
		d := i
		for i < len(t) && isDigit(t[i]) && i-d < 4 {
			i++
		}
		if i == d || i-d > 3 {
			return lead{}, false
		}
		// A dot (escaped or not) followed by a digit continues the number.
		j := i
		if j < len(t) && t[j] == '\\' {
			j++
		}
		if j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]) {
			i = j + 1
			continue
		}
		break
	}
	l.num = strings.ReplaceAll(t[start:i], `\`, "")
	if i < len(t) && t[i] == '\\' && i+1 < len(t) && (t[i+1] == '.' || t[i+1] == ')') {
		i++
	}
	if i < len(t) && (t[i] == '.' || t[i] == ')') {
		l.term = t[i]
		i++
	}
	closed := open == ""
	if !closed && strings.HasPrefix(t[i:], open) {
		i += len(open) // "**2.**": the number alone is bold
		closed = true
	}
	l.after = i
	ws := i
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') || strings.HasPrefix(t[i:], "\u00a0") {
		if t[i] == ' ' || t[i] == '\t' {
			i++
		} else {
			i += len("\u00a0")
		}
	}
	spaced := i > ws
	if l.term == 0 {
		for _, d := range []string{"-", "–", "—", ":"} {
			if strings.HasPrefix(t[i:], d) {
				i += len(d)
				for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
					i++
				}
				spaced = true
				break
			}
		}
	}
	l.sep = spaced || i == len(t) || t[i] == '\n'
	line := t[i:]
	if k := strings.IndexByte(line, '\n'); k >= 0 {
		line = line[:k]
	}
	l.rest = -1
	mark := open
	if closed {
		mark = emphMark(line)
		if mark != "" {
			line = line[len(mark):]
			i += len(mark)
		}
	}
	if mark != "" {
		if inner, end, ok := boldSpan(line, mark); ok {
			l.emph = true
			l.title = strings.TrimRight(cleanTitle(inner), " :.")
			l.rest = restAfter(t, i+end)
			return l, true
		}
	}
	l.title = cleanTitle(line)
	return l, true
}

// mdLink matches an inline link or image, whose text is what a reader sees:
// "[Cookies](#cookies)", and the anchor links converters append to
// headings, "[​](#1-cookies "Direct link to 1. Cookies")".
var mdLink = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

// cleanTitle removes the markup a title may carry: bold, escapes, links.
func cleanTitle(s string) string {
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	s = unescape(s)
	if strings.ContainsAny(s, "*_") {
		s = dropEmphasis(s)
	}
	if strings.ContainsAny(s, "\u200b\ufeff") {
		s = strings.Map(func(r rune) rune {
			if r == '\u200b' || r == '\ufeff' {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(oneLine(s))
}

// boldSpan reads bold text that opens s (its opening mark already taken
// off): the text up to the closing mark, and where the span ends. Bold
// runs side by side ("**Wireless email and** **SMS.**") are one span.
func boldSpan(s, mark string) (inner string, end int, ok bool) {
	k := strings.Index(s, mark)
	if k <= 0 {
		return "", 0, false
	}
	inner, end = s[:k], k+len(mark)
	for {
		j := end
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if !strings.HasPrefix(s[j:], mark) {
			return inner, end, true
		}
		k := strings.Index(s[j+len(mark):], mark)
		if k <= 0 {
			return inner, end, true
		}
		inner += " " + s[j+len(mark):j+len(mark)+k]
		end = j + len(mark) + k + len(mark)
	}
}

// restAfter is where the text after a bold title ending at i starts, past
// the punctuation and space that end the title, or -1 when none follows.
func restAfter(t string, i int) int {
	for i < len(t) && strings.IndexByte(" \t\n:.", t[i]) >= 0 {
		i++
	}
	if i >= len(t) {
		return -1
	}
	return i
}

// dropEmphasis removes bold and italic markers: converted notices often
// write "## **2. Data we collect**" or "## 8. **YOUR RIGHTS**", and the
// number is the section's all the same. It removes each "**" and "__" from
// left to right, and a "*" or "_" that starts or ends s: what the regexp
// `\*\*|__|^[*_]|[*_]$` matches (source_test checks the two agree), at a
// fraction of its cost on every title.
func dropEmphasis(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case i+1 < len(s) && (s[i] == '*' && s[i+1] == '*' || s[i] == '_' && s[i+1] == '_'):
			i++
		case (i == 0 || i == len(s)-1) && (s[i] == '*' || s[i] == '_'):
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
