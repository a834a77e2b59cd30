package notices

import (
	"regexp"
	"strings"
	"sync"

	"github.com/noticelint/noticelint/pattern"
)

// The DPO's contact details are often not in the sentence that names the
// DPO but in the lines after it ("Our Data Protection Officer" then a name,
// a street and "Email: dpo@..."), in the notice's contact section, or in an
// address whose mailbox says it is the DPO's. reach finds the first such
// detail, so that a notice that gives one is not said to give none.

// reachParas is how many paras after a mention of the DPO, in the same
// section, are read for its contact details: an address block is a few
// lines, and a bound keeps a long section's unrelated contacts out.
const reachParas = 12

var (
	// contactTitle: a section whose title says it gives the contact
	// details ("Contact us", "How to contact us", "Contact information").
	contactTitle = pattern.MustCompile(`(?i)\bcontact(?:s|ing)?\b|\bget in touch\b|\breach us\b`)
	// pointsOn: a sentence that sends the reader to contact details given
	// elsewhere in the notice.
	pointsOn = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\bcontact (?:details|information|info|section|us section)\b|\b(?:details|address(?:es)?) (?:listed|set out|given|provided|shown|stated|below|above)|\bbelow\b|\bsection\s+\d|\bsame (?:e-?mail )?address\b`)
	})
	// dpoMailbox: an address whose mailbox or domain names the DPO
	// ("dpo@", "DPO_Acme@", "data.protection.officer@", "x@dpo.com"),
	// wherever it stands: it can only be for the DPO.
	dpoMailbox = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:m?dpo|dpd|rpd|dsb|data[._-]?protection[._-]?officer|datenschutzbeauftragter)(?:[._+-][^@]*)?@|@dpo\.`)
	})
	// obfuscatedEmail: an address written so that harvesters miss it,
	// "dpo[at]example.fr", "dpo \[at\] example.com", "dpo (at) example.com",
	// "dpo @ example.com". A reader still has a way to write.
	obfuscatedEmail = pattern.MustCompile(`(?i)\b[a-z0-9][a-z0-9._\\-]{0,40}[\t ]?(?:\\?\[[\t ]?at[\t ]?\\?\]|\(\(?[\t ]?at[\t ]?\)\)?|\{at\}| @ )[\t ]?[a-z0-9-]{1,40}(?:[\t ]?(?:\.|\\?\[[\t ]?dot[\t ]?\\?\]|\(\(?dot\)\)?)[\t ]?[a-z0-9-]{1,20}){1,3}\b`)
	// abroadAddress: a postal address outside the UK, which findContacts
	// does not read (it knows UK postcodes, post office boxes and US
	// cities): a continental street ("14 avenue de l'Opera", "Hauptstraße
	// 5") or a postal code before its town ("75001 Paris", "D-10115
	// Berlin", "1017 CN Amsterdam"). Years are not postal codes.
	abroadAddress = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i:\b\d{1,4}(?:\s?(?:bis|ter|[a-c]))?,?\s(?:rue|avenue|av\.|boulevard|bd|place|quai|chemin|all[ée]e|impasse|cours|via|viale|piazza|calle|avenida|plaza|paseo|rua|carrer)\s)|\b\p{Lu}\p{Ll}+(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|gracht|straat|laan|plein|vej|gatan|gade)\s\d{1,4}\b|(?:^|[,\n–-]\s*)(?:[A-Z]{1,2}-)?(?:[0-9]{4,5}|[0-9]{2}-[0-9]{3})(?:\s[A-Z]{2})?\s\p{Lu}\p{Ll}{2,}|\d[^.\n]{3,80}?,?\s(?i:Ireland|France|Germany|Deutschland|the Netherlands|Netherlands|Belgium|Luxembourg|Spain|Italy|Sweden|Denmark|Finland|Norway|Poland|Austria|Switzerland|Portugal|Czech Republic|Cyprus|Malta|Estonia|Israel|Singapore|Japan|Canada)\b`)
	})
	yearLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:[A-Z]{1,2}-)?(?:19|20)\d\d\s`) })
)

// reach returns where the notice gives a way to reach its DPO outside the
// paras Covers holds for: in the paras after a mention, up to the next
// section; in a contact section; or, anywhere, an address whose mailbox
// names the DPO. It returns an empty span when there is none. Details that
// are a regulator's, a representative's, a US state inbox's or another
// organisation's do not reach the DPO.
func (r *factReader) reach() Span {
	d := &r.f.DPO
	if len(d.Mentions) == 0 {
		return Span{}
	}
	for _, c := range r.n.Contacts {
		if c.Kind == Email && c.Valid && dpoMailbox().MatchString(c.Value) {
			return c.Span
		}
	}
	paras := r.n.Paras()
	mi := 0
	for i := 0; i < len(paras) && mi < len(d.Mentions); i++ {
		if paras[i] != d.Mentions[mi].Para {
			continue
		}
		m := d.Mentions[mi]
		for mi < len(d.Mentions) && d.Mentions[mi].Para == m.Para {
			mi++
		}
		// The detail may come before the title in its sentence ("Anne
		// Martin, 50 rue Etienne Marcel 75002 Paris, is our DPO").
		if sp := r.reachIn(m.Para, r.sentenceAt(m.Para, m.Span.Start-m.Para.Start).Start); sp.Len() > 0 {
			return sp
		}
		// A list item takes its means from the list's introduction ("The
		// contact form can be used to: ... reach our Data Protection
		// Officer").
		if intro := m.Para.Block.Intro; m.Para.Item != nil && intro != nil {
			if sp := r.reachIn(intro, 0); sp.Len() > 0 {
				return sp
			}
		}
		for j := i + 1; j < len(paras) && j <= i+reachParas && paras[j].Section == m.Para.Section; j++ {
			if sp := r.reachIn(paras[j], 0); sp.Len() > 0 {
				return sp
			}
		}
	}
	// A contact section counts when a mention sends the reader there ("use
	// the contact details set out below", "the address in section 15"):
	// otherwise its details may be another office's.
	pointed := false
	for _, m := range d.Mentions {
		pointed = pointed || pointsOn().MatchString(m.Para.Text)
	}
	for _, p := range paras {
		if pointed && p.Section != nil && contactTitle.Match(p.Section.TitleScan) {
			if sp := r.reachIn(p, 0); sp.Len() > 0 {
				return sp
			}
		}
	}
	return Span{}
}

// reachIn returns the first detail in p, from the para-relative offset
// from, that reaches the DPO, or an empty span.
func (r *factReader) reachIn(p *Para, from int) Span {
	d := &r.f.DPO
	for _, c := range r.contacts[p] {
		// A link is not a way to write: near the DPO it is as often the
		// regulator's, the Commission's or an arbitrator's site.
		if c.Span.Start-p.Start < from || c.Kind == URL || c.Kind == Email && !c.Valid {
			continue
		}
		party := c.Party
		if !d.Covers(p) && c.Kind != Postcode && c.Kind != Address {
			party = r.party(c, d) // parties() left it unread here
		}
		switch party {
		case Regulator, Representative, StateInbox, Other:
			continue
		}
		return c.Span
	}
	// The ICO's or a representative's address is not the DPO's: its
	// sentence names them before it.
	others := func(at int) bool {
		sent := r.sentenceAt(p, at)
		text := p.Text[sent.Start:max(sent.Start, at)]
		return regulatorName.MatchString(text) || representative.MatchString(text)
	}
	if obfuscatedEmail.MayMatch(p.Scan) {
		for _, m := range obfuscatedEmail.FindAllIndex(p.Scan, -1) {
			if m[0] >= from && !others(m[0]) {
				return p.span(m)
			}
		}
	}
	t := p.Text[from:]
	for _, m := range abroadAddress().FindAllStringIndex(t, -1) {
		s := m[0]
		for s < m[1] && strings.IndexByte(",\n- \t", t[s]) >= 0 {
			s++
		}
		if yearLike().MatchString(t[s:m[1]]) || others(from+s) {
			continue
		}
		return Span{p.Start + from + s, p.Start + from + m[1]}
	}
	return Span{}
}
