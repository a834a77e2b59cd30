package rules

import (
	"regexp"
	"strings"
)

// A notice drafted from a template keeps the template's markers where a
// detail was never filled in: "[insert DPO email]", "TBC", "XXXXXXX",
// "***insert number***", "n/a". Where a DPO contact or an ICO number
// belongs, such a marker is the defect, and the finding quotes it at its
// line rather than calling the detail absent.

// placeholder finds the markers: bracketed or braced text that names what
// should go there, "to be confirmed" and its short forms, runs of X, an
// asterisked insert marker, "n/a", and an email address with a part missing
// or doubled ("@example.org", "dpo@", "dpo@@example.org" is reported as an
// invalid address instead).
var placeholder = regexp.MustCompile(`(?i)` +
	`\[[^\]\n"{}]{0,60}\b(?:insert|enter|add|email|e-mail|address|name|number|phone|telephone|contact|details?|dpo|officer|tbc|tbd|tba|xx+|here|company|organi[sz]ation|registration|ref(?:erence)?)\b[^\]\n"{}]{0,60}\](?:[^(\[]|$)` +
	`|<(?:insert|enter|add)[^>\n]{0,60}>|\{\{[^}\n]{1,60}\}\}|\{[a-z]+_[a-z_]{1,40}\}|<%=?[^%\n]{0,80}%>` +
	`|\bto be (?:confirmed|advised|announced|determined|added|inserted)\b|\b(?:TBC|TBA|TBD)\b` +
	`|\b(?:X{3,}|x{3,})(?:@[Xx.]+|[\t \-]+(?:X{2,}|x{2,}))*\b|\bZ[Xx]{5,}\b` +
	`|\*{2,3}[^*\n]{0,40}\binsert\b[^*\n]{0,40}\*{2,3}` +
	`|(?:^|[\s(:])n/a\b` +
	`|(?:^|[\s(:;,])@[a-z0-9-]+\.[a-z][a-z.]+\b|\b[a-z0-9._%+-]+@(?:$|[\s,;)])`)

// emailProtected is what Cloudflare's email protection puts in a page in
// place of an address ("[email protected]"): copied as text, the address is
// gone.
var emailProtected = regexp.MustCompile(`(?i)\[?email[\s\x{00A0}]protected\]?`)

// placeholders returns the para-relative spans of the markers in text, each
// trimmed of the space or bracket the pattern needed around it.
func placeholders(text string) [][2]int {
	if !mayHoldPlaceholder(text) {
		return nil
	}
	var out [][2]int
	for _, m := range placeholder.FindAllStringIndex(text, -1) {
		s, e := m[0], m[1]
		for s < e && strings.IndexByte(" \t\n(:;,", text[s]) >= 0 {
			s++
		}
		for e > s && strings.IndexByte(" \t\n),;", text[e-1]) >= 0 {
			e--
		}
		// "[insert name]." keeps its bracket, not what follows it.
		if text[s] == '[' {
			if k := strings.IndexByte(text[s:e], ']'); k >= 0 {
				e = s + k + 1
			}
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	return out
}

// mayHoldPlaceholder is a cheap first test: every placeholder holds one of
// these bytes or words, and most sentences none.
func mayHoldPlaceholder(text string) bool {
	if strings.ContainsAny(text, "[<{*@") {
		return true
	}
	l := strings.ToLower(text)
	for _, w := range []string{"tbc", "tba", "tbd", "to be ", "xxx", "n/a"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
