package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/noticelint/noticelint/notices"
)

// titlePath names a section by the titles of it and its ancestors, outermost
// first ("Your rights > Complaints"), skipping untitled clauses: the identity
// of a section that survives renumbering.
func titlePath(s *notices.Section) string {
	var titles []string
	for _, a := range s.Ancestors() {
		if a.Title != "" {
			titles = append(titles, strings.Join(strings.Fields(a.Title), " "))
		}
	}
	slices.Reverse(titles)
	return strings.Join(titles, " > ")
}

// fingerprint hashes what identifies a finding. Whitespace is collapsed, so
// re-wrapping a paragraph keeps it, and digits are dropped from the text, so
// renumbering keeps it too: "see section 15" that became "see section 16" when
// a section was inserted above is the same wrong reference.
func fingerprint(rule, path, text string) string {
	text = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '#'
		}
		return r
	}, strings.Join(strings.Fields(text), " "))
	h := sha256.New()
	for _, part := range []string{rule, path, text} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
