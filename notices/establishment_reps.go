package notices

import (
	"regexp"
	"sort"
	"sync"
)

// A foreign controller's Article 27 representative in the UK gives a UK
// address, and that address does not make the controller UK-established.
// Two shapes that representative (the pattern) misses: a sentence that
// names the represented company between the two ("X Ltd is the
// representative of Y Inc. in the EU"), and a list of representatives by
// jurisdiction whose later entries ("UK:" then an address) only the first
// entry's introduction calls representatives.

var (
	representativeOf = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\brepresentatives?\s+of\s+[^;\n]{1,60}?\s(?:in|for|within)\s+(?:the\s+)?(?:UK|EU|EEA|European Union|European Economic Area|United Kingdom|Union)\b`)
	})
	// jurisdictionLabel: an entry of a list by jurisdiction, "UK:",
	// "**United Kingdom**:", "EEA:".
	jurisdictionLabel = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^[\s*_]*(?:UK|U\.K\.|United Kingdom|Great Britain|EU|EEA|European Union|Switzerland)[\s*_]*:`)
	})
)

// representsOthers reports whether p is a representative's address in one
// of the two shapes above.
func (r *factReader) representsOthers(p *Para) bool {
	if representativeOf().MatchString(p.Text) {
		return true
	}
	if !jurisdictionLabel().MatchString(p.Text) {
		return false
	}
	paras := r.n.Paras()
	i := sort.Search(len(paras), func(i int) bool { return paras[i].Start >= p.Start })
	for j := i - 1; j >= 0 && j >= i-4 && paras[j].Section == p.Section; j-- {
		if representative.Match(paras[j].Scan) {
			return true
		}
	}
	return false
}
