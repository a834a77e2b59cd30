package rules

import (
	"slices"
	"strings"

	"github.com/noticelint/noticelint/lint"
)

// All returns every rule, sorted by ID, the engine's suppression checks
// included. The IDs are a public contract: they appear in output,
// configuration and suppressions.
func All() []*lint.Rule {
	all := []*lint.Rule{CrossReference, DPOContact, ICORegistration, MailtoMismatch, PrivacyShield, RightsList,
		lint.InvalidSuppression, lint.UnusedSuppression}
	all = append(all, ContentRules()...)
	slices.SortFunc(all, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
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
