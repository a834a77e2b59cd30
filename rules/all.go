package rules

import (
	"slices"

	"github.com/noticelint/noticelint/lint"
)

// All returns every rule, sorted by ID. The IDs are a public contract: they
// appear in output, configuration and suppressions.
func All() []*lint.Rule {
	all := []*lint.Rule{CrossReference, DPOContact, ICORegistration, PrivacyShield, RightsList}
	slices.SortFunc(all, func(a, b *lint.Rule) int { return compareIDs(a.ID, b.ID) })
	return all
}

func compareIDs(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Lookup returns the rule with the given ID, or nil.
func Lookup(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
