package rules

import (
	"regexp"
	"slices"

	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// Some checks only make sense for some notices. A US-only policy owes nobody a
// DPO contact or an ICO number, and a controller established outside the UK
// pays no data protection fee, even when it has a UK representative. The
// checks that fire on the notice as a whole (nothing in it to point at) ask
// these questions first; the checks of what a notice does say always run.

var (
	// ukEULaw: the notice speaks to people protected by UK or EU data
	// protection law.
	ukEULaw = pattern.MustCompile(`(?i)\bGDPR\b|General Data Protection Regulation|European Economic Area|\bEEA\b|United Kingdom|\bUK\b|Information Commissioner|\bICO\b|supervisory authorit|Data Protection Act 2018|European Union|\bEU\b`)
	// ukRegistered: wording only a UK-established organisation uses of
	// itself.
	ukRegistered = pattern.MustCompile(`(?i)registered\b[^.]{0,60}\bin (?:England|Wales|Scotland|Northern Ireland)|(?:company|companies house) (?:registration )?(?:number|no\.?|reg(?:istration)?\.? no\.?)\s{0,3}:?\s{0,3}(?:SC|NI|OC)?\d{6,8}\b|Companies House|registered charity|charity (?:number|no\.?)\s{0,3}:?\s{0,3}\d|Information Commissioner'?s Office.{0,40}(?:fee|register)|registered (?:with|as a data controller with) the (?:ICO|Information Commissioner)`)
	// ukBody names an organisation's legal form, or a kind of UK public
	// body; beside a UK postcode it places the organisation in the UK.
	ukBody = regexp.MustCompile(`\b(?:Limited|Ltd\.?|LTD|PLC|plc|LLP|CIC|Council|NHS|Trust|University|College|Academy|School|Association|Society|Charity|Partnership)\b`)
	// representative: a UK or EU representative under Article 27 is not an
	// establishment.
	representative = pattern.MustCompile(`(?i)\brepresentative\b|Art(?:icle|\.)? ?27\b`)
	// ico and foreignAuthority: a notice whose only regulator is the ICO is
	// a UK organisation's; one that also sends readers to an EU authority
	// is usually a foreign controller's, covering the UK too.
	ico              = pattern.MustCompile(`Information Commissioner|\bICO\b`)
	foreignAuthority = pattern.MustCompile(`(?i)Data Protection Commission|\bCNIL\b|lead supervisory authority|supervisory authorit(?:y|ies) (?:in|of) (?:your|the) (?:country|member state|EU|EEA|European)|member state|\bBfDI\b|Datenschutz|AEPD|Garante`)
)

// ukOrEUFacing reports whether the notice mentions UK or EU data protection
// law, its regulators or the territories it protects.
func ukOrEUFacing(n *notices.Notice) bool {
	if ukEULaw.MatchString(n.Title) {
		return true
	}
	return anyMatch(n, ukEULaw)
}

// anyMatch reports whether a para of n matches p, asking only the paras
// that hold one of its literals.
func anyMatch(n *notices.Notice, p *pattern.Pattern) bool {
	for _, para := range n.ParasFor(p) {
		if p.Match(para.Scan) {
			return true
		}
	}
	return false
}

// ukEstablished reports whether the notice describes its controller as an
// organisation established in the UK: registered in England and Wales, with a
// company or charity number, on the ICO's register, a legal form beside a UK
// postcode, or, for the public bodies and small firms that say none of these,
// the ICO as the only regulator named. Text about a representative does not
// count.
func ukEstablished(n *notices.Notice) bool {
	for _, p := range n.ParasFor(ukRegistered) {
		if !ukRegistered.Match(p.Scan) {
			continue
		}
		for _, s := range notices.Sentences(p.Text) {
			sent := p.Text[s.Start:s.End]
			if ukRegistered.MatchString(sent) && !representative.MatchString(sent) {
				return true
			}
		}
	}
	if anyMatch(n, ico) && !anyMatch(n, foreignAuthority) && !represented(n) {
		return true
	}
	hasPostcode := slices.ContainsFunc(n.Contacts, func(c *notices.Contact) bool { return c.Kind == notices.Postcode })
	if !hasPostcode {
		return false
	}
	prev := map[*notices.Para]*notices.Para{} // an address block's introduction
	paras := n.Paras()
	for i := 1; i < len(paras); i++ {
		prev[paras[i]] = paras[i-1]
	}
	for _, c := range n.Contacts {
		if c.Kind != notices.Postcode || representative.Match(c.Para.Scan) || ico.Match(c.Para.Scan) ||
			(c.Para.Section != nil && representative.Match(c.Para.Section.TitleScan)) ||
			(prev[c.Para] != nil && representative.Match(prev[c.Para].Scan)) {
			continue
		}
		off := c.Span.Start - c.Para.Start
		if ukBody.MatchString(c.Para.Text[max(0, off-160):off]) {
			return true
		}
	}
	return false
}

// represented reports whether the notice speaks of a representative, in a
// para or in the title of a section that has paras.
func represented(n *notices.Notice) bool {
	if anyMatch(n, representative) {
		return true
	}
	var last *notices.Section
	for _, p := range n.Paras() {
		if p.Section != nil && p.Section != last {
			last = p.Section
			if representative.Match(last.TitleScan) {
				return true
			}
		}
	}
	return false
}
