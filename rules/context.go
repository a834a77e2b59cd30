package rules

import (
	"regexp"

	"github.com/noticelint/noticelint/notices"
)

// dpoMention matches a reference to the Data Protection Officer in any of the
// forms notices use.
var dpoMention = regexp.MustCompile(`(?i:\bdata[\s\x{00A0}]+protection[\s\x{00A0}]+officer)|\bM?DPOs?\b`)

// dpoContext tells which paras of a notice speak for the DPO: a para in a
// section titled for the DPO, a para of a clause that mentions the DPO (the
// address block under "contact our DPO by writing to:"), and a para that
// mentions the DPO itself.
type dpoContext struct {
	sections map[*notices.Section]bool // sections and clauses that are about the DPO
}

func newDPOContext(n *notices.Notice) *dpoContext {
	c := &dpoContext{sections: map[*notices.Section]bool{}}
	n.Walk(func(s *notices.Section) {
		if dpoMention.MatchString(s.Title) {
			c.sections[s] = true
		}
	})
	for _, p := range n.Paras() {
		if p.Section != nil && p.Section.Kind == notices.Clause && dpoMention.MatchString(p.Text) {
			c.sections[p.Section] = true
		}
	}
	return c
}

// covers reports whether p is in a DPO section or clause, or mentions the DPO.
func (c *dpoContext) covers(p *notices.Para) bool {
	for _, s := range p.Section.Ancestors() {
		if c.sections[s] {
			return true
		}
	}
	return dpoMention.MatchString(p.Text)
}
