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

// fingerprint hashes what identifies a finding, with whitespace collapsed so
// that re-wrapping a paragraph keeps it.
func fingerprint(rule, path, text string) string {
	h := sha256.New()
	for _, part := range []string{rule, path, strings.Join(strings.Fields(text), " ")} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
