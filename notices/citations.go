package notices

import "strings"

// The articles a message cites, by what it cites them for, as the UK GDPR
// and the EU GDPR number them. They differ where the laws have parted: the
// Data (Use and Access) Act 2025 replaced the UK GDPR's Article 22 with
// Articles 22A to 22D. Rules cite through Cite, so a notice under the EU
// GDPR alone is never sent to a UK article. Keys are concept IDs (the
// rights' are those of Rights) or names of the Art 13/14 elements the
// content rules check; add a row here rather than writing an article into
// a message.
var articles = map[string]struct{ uk, eu string }{
	"informed":      {"Arts 13 and 14", "Arts 13 and 14"},
	"access":        {"Art 15", "Art 15"},
	"rectification": {"Art 16", "Art 16"},
	"erasure":       {"Art 17", "Art 17"},
	"restriction":   {"Art 18", "Art 18"},
	"portability":   {"Art 20", "Art 20"},
	"object":        {"Art 21", "Art 21"},
	"automated":     {"Arts 22A-22D", "Art 22"},
	// Telling people of their rights at all.
	"rights": {"Art 13(2)(b) and Art 14(2)(c)", "Art 13(2)(b) and Art 14(2)(c)"},
}

// Cite returns the article for key under the notice's scope: "UK GDPR Art
// 15", "EU GDPR Art 22", "UK GDPR Arts 22A-22D, EU GDPR Art 22" for a
// notice under both that the laws number differently. A notice under
// neither is cited the UK GDPR's article. It returns "" for an unknown key.
func Cite(key string, scope Scope) string {
	a, ok := articles[key]
	if !ok {
		return ""
	}
	switch {
	case scope == EUGDPR:
		return "EU GDPR " + a.eu
	case scope == UKGDPR|EUGDPR && a.uk != a.eu:
		return "UK GDPR " + a.uk + ", EU GDPR " + a.eu
	case scope == UKGDPR|EUGDPR:
		return "UK and EU GDPR " + a.uk
	}
	return "UK GDPR " + a.uk
}

// CiteRights returns each right of s named with its article: "the right of
// access (UK GDPR Art 15), the right to erasure (UK GDPR Art 17)".
func CiteRights(s ConceptSet, scope Scope) string {
	var parts []string
	for i, id := range Rights.IDs() {
		if s.Has(i) {
			parts = append(parts, RightNames[i]+" ("+Cite(id, scope)+")")
		}
	}
	return strings.Join(parts, ", ")
}
