package notices

import (
	"strings"
	"sync"
)

// Facts are what a notice says about itself that decides which checks apply
// to it: the law it is written under, who the controller is and whether it
// is established in the UK, whether it is a public authority, its Data
// Protection Officer, and the processing it describes. They are read once,
// when the notice is parsed, each with the place of its evidence, so that
// every rule reads the same answer and a reader can check it (noticelint
// outline prints them). A configuration can state any of them (see Stated);
// a stated fact wins over what the text shows.
type Facts struct {
	// Scope is the data protection law the notice is written under, read
	// from its text (never from its URLs or email addresses). UKLaw and
	// EULaw are the first words that place it under each.
	Scope        Scope
	UKLaw, EULaw Evidence
	// Controllers are the organisations the notice names as controller, in
	// order; a group notice names several.
	Controllers []Controller
	// UKEstablished says the controller is established in the UK (so pays
	// the data protection fee). A UK representative under Article 27, an
	// outsourced DPO's UK address or the ICO named as the place to
	// complain does not make a foreign controller UK-established.
	UKEstablished Fact
	// PublicAuthority says the controller is a public authority or body: a
	// council, an NHS body, a school or academy trust, a university, a
	// government department or agency; one subject to the Freedom of
	// Information Act; or one relying on the public task alone.
	PublicAuthority Fact
	DPO             DPO
	// Bases are the lawful bases the notice relies on, in the order of
	// Article 6(1), each at its first mention.
	Bases []Basis
	// Consent and LegitimateInterests say those bases are relied on for
	// anything (marketing and cookies included); PublicTaskOnly that the
	// public task or a legal obligation is the only basis given.
	Consent, LegitimateInterests, PublicTaskOnly Fact
	// Supplement says the notice is a cookie policy that sends the reader
	// to the organisation's privacy notice: a layer of its privacy
	// information, not the whole of it. The evidence is the reference.
	Supplement Fact
	// Transfers and FromOthers decide no check of whether a rule applies,
	// so they are read when first asked for (see the methods).
	flows  *flows
	stated *Stated
}

// flows are the facts read on first use: where data go and where they come
// from.
type flows struct {
	once                  sync.Once
	n                     *Notice
	transfers, fromOthers Fact
	// listed is where a list names the sources (listedSources).
	listed Span
}

func (fl *flows) read() *flows {
	fl.once.Do(func() { fl.transfers, fl.fromOthers, fl.listed = readFlows(fl.n) })
	return fl
}

// Transfers says personal data go outside the UK or the EEA (hosting
// abroad, a named US provider, "outside the UK"); Holds is false with
// evidence where the notice says they do not.
func (f *Facts) Transfers() Fact {
	if f.stated != nil && f.stated.Transfers != nil {
		return Fact{Holds: *f.stated.Transfers, Evidence: Evidence{Stated: true}}
	}
	if f.flows == nil {
		return Fact{}
	}
	return f.flows.read().transfers
}

// FromOthers says the notice describes data obtained from someone other
// than the person (Article 14).
func (f *Facts) FromOthers() Fact {
	if f.stated != nil && f.stated.FromOthers != nil {
		return Fact{Holds: *f.stated.FromOthers, Evidence: Evidence{Stated: true}}
	}
	if f.flows == nil {
		return Fact{}
	}
	return f.flows.read().fromOthers
}

// ListedSources returns where the items of a list name the parties data
// come from, when that is how the notice says it obtains data from others
// ("Some of this data is collected by:" over "Our partners: …"): the
// statement of the sources spans the introduction and its items, which no
// one sentence holds.
func (f *Facts) ListedSources() (Span, bool) {
	if f.flows == nil || f.stated != nil && f.stated.FromOthers != nil {
		return Span{}, false
	}
	sp := f.flows.read().listed
	return sp, sp.Len() > 0
}

// Evidence is where a fact was read: the words in the notice that show it.
// A fact the configuration states has Stated set and no span.
type Evidence struct {
	Span   Span
	Stated bool
}

// Found reports whether there is evidence: words in the notice or a
// configuration's statement.
func (e Evidence) Found() bool { return e.Stated || e.Span.End > e.Span.Start }

// Fact is a yes-or-no fact and where it was read.
type Fact struct {
	Holds    bool
	Evidence Evidence
}

func yes(sp Span) Fact { return Fact{Holds: true, Evidence: Evidence{Span: sp}} }

// Scope is a set of data protection laws.
type Scope uint8

const (
	UKGDPR Scope = 1 << iota
	EUGDPR
)

// GDPR reports whether the notice is under UK or EU GDPR at all.
func (s Scope) GDPR() bool { return s != 0 }

func (s Scope) String() string {
	switch s {
	case UKGDPR:
		return "UK GDPR"
	case EUGDPR:
		return "EU GDPR"
	case UKGDPR | EUGDPR:
		return "UK GDPR and EU GDPR"
	}
	return "neither UK nor EU GDPR"
}

// Controller is an organisation the notice names as a controller of the
// personal data it describes.
type Controller struct {
	// Name as written ("Guardian News & Media Limited"); "" when the notice
	// says only "we are the data controller".
	Name string
	// Span is the statement that names it.
	Span Span
	// UK says the statement (or its paragraph) places the controller in the
	// UK: a UK postcode, "registered in England and Wales", a company
	// number; Abroad that it places it elsewhere. Where says where.
	UK, Abroad bool
	Where      Span
}

// DPOStatus says what a notice says about its Data Protection Officer.
type DPOStatus int

const (
	// DPOUnnamed: the notice names no DPO, nor says it has none.
	DPOUnnamed DPOStatus = iota
	// DPODeclared: the notice names a DPO, or gives a role the DPO's
	// function under another title ("Data Protection Lead").
	DPODeclared
	// DPONotAppointed: the notice says there is no DPO ("we have not
	// appointed a Data Protection Officer").
	DPONotAppointed
)

func (s DPOStatus) String() string {
	return [...]string{"not named", "declared", "not appointed"}[s]
}

// DPO is what the notice says about its Data Protection Officer, and where
// the DPO's contact details belong.
type DPO struct {
	Status   DPOStatus
	Evidence Evidence
	// Title is the DPO's title as the notice first gives it: "Data
	// Protection Officer", "DPO", or another title given the DPO's function
	// ("Information Governance Manager").
	Title string
	// Required says the controller must have a DPO: a public authority
	// (Article 37(1)(a)), or a configuration that says so.
	Required Fact
	// Mentions are the notice's mentions of its own DPO, the first of each
	// para, in document order.
	Mentions []Mention
	// Sections are the sections and clauses that are about the DPO: titled
	// for it, or a clause that mentions it.
	Sections map[*Section]bool
	// After are the paras that follow "... contact our DPO at:" (the list
	// or block it introduces).
	After map[*Para]bool
	// Reach is where the notice gives a way to reach the DPO outside the
	// paras Covers holds for (the lines after a mention, the contact
	// section, an address whose mailbox names the DPO), or empty.
	Reach Span

	mentioned map[*Para]bool
}

// Mention is where a para names the DPO.
type Mention struct {
	Para *Para
	Span Span
}

// SpeaksFor reports whether everything p says is about the DPO, by its place
// rather than its words: it is in a DPO section or clause, or follows "...
// contact our DPO at:".
func (d *DPO) SpeaksFor(p *Para) bool {
	if d.After[p] {
		return true
	}
	for _, s := range p.Section.Ancestors() {
		if d.Sections[s] {
			return true
		}
	}
	return false
}

// Covers reports whether p is where the DPO's contact details belong: a
// para SpeaksFor holds for, or one that mentions the DPO.
func (d *DPO) Covers(p *Para) bool { return d.SpeaksFor(p) || d.mentioned[p] }

// Channel returns the first of contacts (in the notice's order) that
// reaches the DPO: given where the DPO's details belong (Covers), not the
// regulator's or another organisation's (a link to a group's contacts
// excepted), and not an email address that cannot be written to. It is
// what the dpo-contact rule counts as a way to reach the DPO, for outline
// to show; nil when the notice gives none in those paras (Reach may still
// hold one elsewhere).
func (d *DPO) Channel(contacts []*Contact) *Contact {
	for _, c := range contacts {
		switch {
		case !d.Covers(c.Para):
		case c.Kind == Email && !c.Valid:
		case c.Party == Regulator || c.Party == Other && c.Kind != URL:
		default:
			return c
		}
	}
	return nil
}

// LawfulBasis is one of the six lawful bases of Article 6(1).
type LawfulBasis int

const (
	ConsentBasis LawfulBasis = iota
	ContractBasis
	LegalObligationBasis
	VitalInterestsBasis
	PublicTaskBasis
	LegitimateInterestsBasis
)

var basisNames = [...]string{"consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"}

// String gives the basis's name as configurations write it ("public-task").
func (b LawfulBasis) String() string { return basisNames[b] }

// ParseLawfulBasis reads a basis's name as String gives it.
func ParseLawfulBasis(s string) (LawfulBasis, bool) {
	for i, name := range basisNames {
		if strings.EqualFold(s, name) {
			return LawfulBasis(i), true
		}
	}
	return 0, false
}

// LawfulBasisNames lists the names ParseLawfulBasis accepts.
func LawfulBasisNames() []string { return basisNames[:] }

// Basis is a lawful basis the notice relies on, at its first mention.
type Basis struct {
	Basis    LawfulBasis
	Evidence Evidence
}

// HasBasis reports whether the notice relies on b.
func (f *Facts) HasBasis(b LawfulBasis) bool {
	for _, x := range f.Bases {
		if x.Basis == b {
			return true
		}
	}
	return false
}

// Stated is what a configuration says about the notices it governs. A nil
// field says nothing, and the notice's text decides.
type Stated struct {
	Scope           *Scope
	Controllers     []string
	UKEstablished   *bool
	PublicAuthority *bool
	DPO             *DPOStatus
	DPORequired     *bool
	// Bases, when not nil, are the lawful bases relied on; Consent,
	// LegitimateInterests and PublicTaskOnly follow from them unless stated
	// themselves.
	Bases               []LawfulBasis
	Consent             *bool
	LegitimateInterests *bool
	PublicTaskOnly      *bool
	Transfers           *bool
	FromOthers          *bool
}

// Empty reports whether s states nothing.
func (s *Stated) Empty() bool {
	if s == nil {
		return true
	}
	bools := []*bool{s.UKEstablished, s.PublicAuthority, s.DPORequired, s.Consent, s.LegitimateInterests,
		s.PublicTaskOnly, s.Transfers, s.FromOthers}
	for _, b := range bools {
		if b != nil {
			return false
		}
	}
	return s.Scope == nil && s.DPO == nil && s.Controllers == nil && s.Bases == nil
}

// Merge returns s with every fact that o states replaced by o's: a later
// statement (an override for some paths) wins.
func (s Stated) Merge(o Stated) Stated {
	pick := func(a, b *bool) *bool {
		if b != nil {
			return b
		}
		return a
	}
	if o.Scope != nil {
		s.Scope = o.Scope
	}
	if o.Controllers != nil {
		s.Controllers = o.Controllers
	}
	if o.DPO != nil {
		s.DPO = o.DPO
	}
	if o.Bases != nil {
		s.Bases = o.Bases
	}
	s.UKEstablished = pick(s.UKEstablished, o.UKEstablished)
	s.PublicAuthority = pick(s.PublicAuthority, o.PublicAuthority)
	s.DPORequired = pick(s.DPORequired, o.DPORequired)
	s.Consent = pick(s.Consent, o.Consent)
	s.LegitimateInterests = pick(s.LegitimateInterests, o.LegitimateInterests)
	s.PublicTaskOnly = pick(s.PublicTaskOnly, o.PublicTaskOnly)
	s.Transfers = pick(s.Transfers, o.Transfers)
	s.FromOthers = pick(s.FromOthers, o.FromOthers)
	return s
}

// With returns the facts with what s states in place of what the text
// shows. Facts that follow from a stated one follow it too, unless stated
// themselves: a stated UK establishment puts the notice under UK GDPR, a
// stated public authority must have a DPO, stated bases decide consent,
// legitimate interests and the public task alone. f itself is not changed.
func (f *Facts) With(s *Stated) *Facts {
	if s.Empty() {
		return f
	}
	g := *f
	stated := func(v bool) Fact { return Fact{Holds: v, Evidence: Evidence{Stated: true}} }
	set := func(dst *Fact, v *bool) {
		if v != nil {
			*dst = stated(*v)
		}
	}
	if s.Controllers != nil {
		g.Controllers = nil
		for _, name := range s.Controllers {
			g.Controllers = append(g.Controllers, Controller{Name: name})
		}
	}
	set(&g.UKEstablished, s.UKEstablished)
	if s.Scope != nil {
		g.Scope = *s.Scope
		g.UKLaw, g.EULaw = Evidence{Stated: g.Scope&UKGDPR != 0}, Evidence{Stated: g.Scope&EUGDPR != 0}
	} else if s.UKEstablished != nil && *s.UKEstablished && g.Scope&UKGDPR == 0 {
		g.Scope |= UKGDPR
		g.UKLaw = Evidence{Stated: true}
	}
	set(&g.PublicAuthority, s.PublicAuthority)
	if s.Bases != nil {
		g.Bases = nil
		for _, b := range s.Bases {
			g.Bases = append(g.Bases, Basis{Basis: b, Evidence: Evidence{Stated: true}})
		}
		g.Consent = stated(g.HasBasis(ConsentBasis))
		g.LegitimateInterests = stated(g.HasBasis(LegitimateInterestsBasis))
		g.PublicTaskOnly = stated(publicTaskOnly(g.Bases))
	}
	set(&g.Consent, s.Consent)
	set(&g.LegitimateInterests, s.LegitimateInterests)
	set(&g.PublicTaskOnly, s.PublicTaskOnly)
	g.stated = s
	if s.DPO != nil {
		g.DPO.Status = *s.DPO
		g.DPO.Evidence = Evidence{Stated: true}
	}
	switch {
	case s.DPORequired != nil:
		g.DPO.Required = stated(*s.DPORequired)
	case s.PublicAuthority != nil:
		g.DPO.Required = g.PublicAuthority
	}
	return &g
}

// publicTaskOnly reports whether bases are only the public task and a legal
// obligation.
func publicTaskOnly(bases []Basis) bool {
	for _, b := range bases {
		if b.Basis != PublicTaskBasis && b.Basis != LegalObligationBasis {
			return false
		}
	}
	return len(bases) > 0
}
