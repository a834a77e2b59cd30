package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// RightsList checks that the notice tells people all eight of their rights.
var RightsList = &lint.Rule{
	ID:       "rights-list",
	Summary:  "The notice lists all eight UK GDPR data-subject rights",
	Severity: lint.Error,
	Since:    "0.1.0",
	Doc: `Why: UK GDPR Article 13(2)(b) and 14(2)(c) require a notice to tell people of their
rights, and the ICO's guidance lists eight: to be informed, of access, to
rectification, to erasure, to restrict processing, to data portability, to object,
and rights related to automated decision-making including profiling. A list that
silently lost two of them in an edit misinforms everyone who reads it.

The rule recognises the ICO's names and common paraphrases ("ask us to limit what we
do with your information" is restriction; "in a structured and commonly used format"
is portability; "ask whether we hold personal information about you" is access; "have
a decision reviewed by a person" is automated decision-making). An enumeration is a
list (Markdown list or "•" lines) at least three of whose items each name a right,
three different rights in all, or a run of sub-headings naming three. What the rest of
a list's own section says counts towards it ("You also have the right to object ..."
after the list). A list its items or introduction place under another law (the CCPA's
rights), or that is nested in a list item naming another country ("* Canada"), is not
one of UK GDPR rights. In a run of sub-headings, "Access" alone names the right of
access, and so does "Right to information" (the usual translation of Art 15's
Auskunftsrecht) when the text under it speaks of access ("whether we process your
data"). A list introduced as the ways to exercise the rights ("To exercise these
rights, submit one of these forms:") restates the list before it and is not judged
again. A list introduced as the rights of the public task or legal obligation basis
the processing relies on ("We are relying on public task for this processing. This
means you have:") need not name erasure or data portability, which do not apply under
those bases (Art 17(3)(b), Art 20(1)(a)); so need the lists of a notice that gives the
public task or a legal obligation as its basis in a section of its own ("Our legal
basis for processing your data") and names no other basis anywhere.

Fails:
  - an enumeration that names fewer than eight (reported at its first item, with
    the missing rights and, when there is one, where the complete list is);
  - a stated count ("you have eight rights") that the list after it does not meet;
  - a notice whose text never mentions some of the eight at all (a finding on the
    notice as a whole).

Passes: a list of all eight in any wording; lists of lawful bases or data
categories are not enumerations of rights; a notice under neither UK nor EU GDPR
(noticelint outline prints the scope it read, and .noticelint.yml can state it as
facts: scope).

Fix: add the missing rights to the list, or replace a partial list with a
reference to the complete one.`,
	Check: checkRightsList,
}

type right struct {
	name string
	re   *pattern.Pattern
	// also, when set, recognises wordings the pattern cannot say cheaply,
	// all of which match alsoHolds.
	also      func(*pattern.Text) bool
	alsoHolds *pattern.Pattern
}

// theRights are the eight rights in the ICO's order, each with the wordings
// notices use for it.
var theRights = []right{
	{"the right to be informed", pattern.MustCompile(`(?i)right (?:to be informed|to information\b)|\bbe (?:told|informed) (?:about|how|of)|\bbeing (?:told|informed) (?:about|how)|right to know`), nil, nil},
	{"the right of access", pattern.MustCompile(`(?i)right (?:of|to) access|\baccess (?:to )?(?:the |your |any )?(?:personal )?(?:information|data)|subject access|\bSARs?\b|\bcop(?:y|ies) of (?:the |your |any )?(?:personal )?(?:information|data)|ask (?:us )?for access|request access|\bobtain (?:a )?cop(?:y|ies)|\bto access\b|\baccessing (?:the |your |any )?(?:personal )?(?:information|data)|\baccess to it\b|what (?:personal )?(?:information|data) we hold about you|\bwhether (?:or not )?we (?:are )?(?:process|hold|stor|us)(?:e|es|ing)? (?:any )?(?:your |personal )|right to information[^.;]{0,24}\bArt(?:icle|\.)? ?15\b`), nil, nil},
	{"the right to rectification", pattern.MustCompile(`(?i)rectif|\bcorrect(?:ed|ions?|ing)?\b|inaccura|\bnot accurate\b|incomplete|\bincorrect\b|update (?:your|the|any) (?:details|information|data)`), nil, nil},
	{"the right to erasure", pattern.MustCompile(`(?i)\berase|erasure|to be forgotten|\bdelet(?:e|ed|ing|ion)\b|\bremov(?:e|al|ing) (?:of )?(?:your|the|any)`), nil, nil},
	{"the right to restrict processing", pattern.MustCompile(`(?i)restrict|\blimit(?:ing)? (?:how|what|the (?:way|use|processing)|our (?:use|processing))|suppress|block(?:ing)? (?:the )?(?:processing|use)|stop using (?:it|your|the) [\w\s]{0,20}while|\bprocessing (?:is |be )?limited\b|\blimit(?:ed|ing)? (?:its|the) processing\b|\blimit, cease\b`), nil, nil},
	{"the right to data portability", pattern.MustCompile(`(?i)portab|structured(?:,| and)? commonly[ -]used|machine[ -]readable|\breuse your (?:personal )?(?:data|information)\b|\bmove your (?:personal )?(?:data|information)\b|\bto you or (?:to )?(?:a |another )?third party`), movedToAnotherRecipient, otherRecipient},
	{"the right to object", pattern.MustCompile(`(?i)right to object|\bobject(?:ion|ing)?s?\b(?: to)?|stop processing|opt[ -]out of (?:direct )?marketing`), nil, nil},
	{"rights related to automated decision-making including profiling", pattern.MustCompile(`(?i)automat(?:ed|ic) (?:individual )?decision|profiling|decisions? (?:made|taken|based) (?:about you )?(?:by a computer|solely|automatically|through automated|on automated)|human (?:intervention|review)|reviewed by a (?:real )?person|contest (?:the|a|that) decision|\b(?:solely|purely|wholly|exclusively)(?: based)? (?:on|by) automat`), nil, nil},
}

// Portability is also "move your data to another provider": a verb of
// moving, then within the same clause (at most 160 characters, no "." or
// ";") another recipient. As one regexp the clause in between made every search
// slow; here the recipient is looked for first, and the verb only before it.
var (
	otherRecipient = pattern.MustCompile(`(?i)\b(?:another|other|different) (?:organisation|organization|controller|provider|company|service|IT system|housing provider)`)
	movingVerb     = regexp.MustCompile(`(?i)\b(?:transfer|move|copy|transmit|send|sent|port)\w{0,12}\b`)
)

// movedToAnotherRecipient matches what the regexp
// `\b(?:transfer|move|...)\w{0,12}\b[^.;]{0,160}\b(?:another|other|different) (?:organisation|...)`
// would.
func movedToAnotherRecipient(t *pattern.Text) bool {
	s := t.String()
	for _, m := range otherRecipient.FindAllIndex(t, -1) {
		at := m[0]
		// The verb's word ends at or after lo, 160 characters back as the
		// regexp counts them: curly quotes and dashes are 3 bytes each.
		lo := at
		for k := 0; k < 160 && lo > 0; k++ {
			_, size := utf8.DecodeLastRuneInString(s[:lo])
			lo -= size
		}
		if i := strings.LastIndexAny(s[lo:at], ".;"); i >= 0 {
			lo += i + 1
		}
		from := max(0, lo-len("transmit")-12)
		for from > 0 && pattern.IsWordByte(s[from-1]) {
			from-- // whole words only, as \b wants
		}
		for _, v := range movingVerb.FindAllStringIndex(s[from:at], -1) {
			if from+v[1] >= lo {
				return true
			}
		}
	}
	return false
}

type rightSet uint8

func (s rightSet) count() int {
	c := 0
	for i := range theRights {
		if s&(1<<i) != 0 {
			c++
		}
	}
	return c
}

func (s rightSet) missing() []string {
	var out []string
	for i, r := range theRights {
		if s&(1<<i) == 0 {
			out = append(out, r.name)
		}
	}
	return out
}

const allRights = rightSet(1<<8 - 1)

func rightsIn(text *pattern.Text) rightSet { return rightsBeyond(text, 0) }

// rightsBeyond returns the rights text names, testing only those not already
// in known: the notice-wide scan stops paying for a right once it is found.
func rightsBeyond(text *pattern.Text, known rightSet) rightSet {
	s := known
	for i, r := range theRights {
		if s&(1<<i) == 0 && (r.re.Match(text) || r.also != nil && r.also(text)) {
			s |= 1 << i
		}
	}
	return s
}

// rightsInParas returns the rights the paras of n name, asking for each
// right only the paras that hold one of its literals.
func rightsInParas(n *notices.Notice) rightSet {
	var all rightSet
	for i, r := range theRights {
		if anyMatch(n, r.re) {
			all |= 1 << i
			continue
		}
		if r.also == nil {
			continue
		}
		for _, p := range n.ParasFor(r.alsoHolds) {
			if r.also(p.Scan) {
				all |= 1 << i
				break
			}
		}
	}
	return all
}

// A notice that introduces its rights as those of the public task or legal
// obligation basis it relies on ("We are relying on public task for this
// processing. This means you have:") rightly leaves two out: the right to
// erasure does not apply to processing needed for a legal obligation or a
// task in the public interest (Art 17(3)(b)), and the right to data
// portability only to processing based on consent or a contract (Art
// 20(1)(a)). The statement must be the list's introduction or stand before
// it in its section: a notice that names several bases elsewhere owes its
// readers the rights of each.
var publicTaskBasis = pattern.MustCompile(`(?i)\b(?:rely|relying|relies|lawful basis|legal basis)\b[^.:;]{0,60}\b(?:public task|task (?:carried out )?in the public interest|legal obligation)`)

const publicTaskNote = "the rights to erasure and to data portability do not apply under the public task or legal obligation basis the notice gives for these rights"

const publicTaskExempt = rightSet(1<<3 | 1<<5) // erasure, portability

// exemptions returns the rights the text before a list takes away: lead is
// the list's introduction, and the paras of its section before it count too;
// onlyPublic says the whole notice relies on the public task alone.
func exemptions(n *notices.Notice, e *enumeration, onlyPublic bool) rightSet {
	if e.lead != nil && publicTaskBasis.Match(e.lead.Scan) {
		return publicTaskExempt
	}
	for _, p := range n.ParasFor(publicTaskBasis) {
		if p.Section == e.section && p.Start < e.at.Start && p.Item == nil && publicTaskBasis.Match(p.Scan) {
			return publicTaskExempt
		}
	}
	if onlyPublic {
		return publicTaskExempt
	}
	return 0
}

var (
	// basisTitle titles the section that states the lawful basis.
	basisTitle = pattern.MustCompile(`(?i)\b(?:legal|lawful) basis\b|\bbasis for (?:processing|using)\b`)
	// publicTaskArticle is the public task or legal obligation basis as a
	// section stating the basis gives it: by article or by name.
	publicTaskArticle = pattern.MustCompile(`(?i)\b6\s?\(1\)\s?\((?:c|e)\)|\bpublic task\b|\btask (?:carried out )?in the public interest\b|\blegal obligation\b`)
	negation          = regexp.MustCompile(`(?i)\b(?:not|never|no)\b`)
	// otherBasis is any other lawful basis, named anywhere in the notice.
	otherBasis = pattern.MustCompile(`(?i)\b6\s?\(1\)\s?\((?:a|b|d|f)\)|\bconsent\b|\blegitimate interests?\b|\bperformance of (?:a|the|our|your) contract\b|\bvital interests?\b`)
)

// onlyPublicTask reports whether the notice states its lawful basis in a
// section of its own ("Our legal basis for processing your data") as the
// public task or a legal obligation, and names no other basis anywhere: a
// GOV.UK service notice relying on Art 6(1)(e) alone.
func onlyPublicTask(n *notices.Notice) bool {
	for _, p := range n.ParasFor(otherBasis) {
		for _, sp := range notices.Sentences(p.Text) {
			sent := p.Text[sp.Start:sp.End]
			// "we would not explicitly seek your consent" names no basis.
			if m := otherBasis.Regexp().FindStringIndex(sent); m != nil && !negation.MatchString(sent[:m[0]]) {
				return false
			}
		}
	}
	for _, p := range n.ParasFor(publicTaskArticle) {
		for s := p.Section; s != nil; s = s.Parent {
			if basisTitle.Match(s.TitleScan) && publicTaskArticle.Match(p.Scan) {
				return true
			}
		}
	}
	return false
}

// enumeration is a list of rights: a list block or a run of sub-headings.
type enumeration struct {
	rights rightSet
	// exempt are the rights the text before the list says do not apply.
	exempt rightSet
	// own are the rights the list or the sub-headings name themselves, which
	// decide whether it is a list of rights at all; rights can add those the
	// rest of a list's section names.
	own rightSet
	// For a list: the list, how many of its items name a right, and the
	// items' text.
	block   *notices.Block
	naming  int
	items   []*pattern.Text
	at      notices.Span // where it starts: its first item
	section *notices.Section
	lead    *notices.Para // the para just before a list: "you have eight rights:"
}

var statedCount = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)[\s\x{00A0}]+(?:[\w-]+[\s\x{00A0}]+){0,3}?rights\b`)

func checkRightsList(pass *lint.Pass) {
	// The eight rights are UK and EU GDPR's: a notice under neither (a
	// US-only policy) owes nobody this list.
	if !pass.Facts().Scope.GDPR() {
		return
	}
	n := pass.Notice
	enums := findEnumerations(n)
	var complete *enumeration
	var exempt rightSet // rights a stated lawful basis takes away
	for _, e := range enums {
		exempt |= e.exempt
		if e.rights|e.exempt == allRights && complete == nil {
			complete = e
		}
	}
	for _, e := range enums {
		if e.lead != nil {
			if m := statedCount.FindStringSubmatchIndex(e.lead.Text); m != nil {
				word := e.lead.Text[m[2]:m[3]]
				want := notices.NumberWord(word)
				if want == 0 {
					want = int(word[0] - '0')
					if word == "10" {
						want = 10
					}
				}
				if got := e.rights.count(); got < want {
					pass.Report(notices.Span{Start: e.lead.Start + m[0], End: e.lead.Start + m[1]}, e.lead.Section,
						fmt.Sprintf("The notice says there are %s rights, but the list that follows names %d.", word, got),
						"Make the count and the list agree: UK GDPR gives eight rights.")
				}
			}
		}
		if e.rights|e.exempt != allRights {
			msg := fmt.Sprintf("This list of data-subject rights names %d of the 8 UK GDPR rights; missing: %s.", e.rights.count(), strings.Join((e.rights|e.exempt).missing(), ", "))
			if e.exempt != 0 {
				msg += " (" + publicTaskNote + ")"
			}
			pass.Report(e.at, e.section, msg, fixFor(complete))
		}
	}
	all := rightsInParas(n) | exempt
	n.Walk(func(s *notices.Section) { all |= titleRights(n, s) })
	if all != allRights {
		pass.ReportNotice(fmt.Sprintf("The notice never mentions %d of the 8 UK GDPR rights: %s.", 8-all.count(), strings.Join(all.missing(), ", ")),
			"Tell readers about every right (UK GDPR Art 13(2)(b)): add the missing ones to the notice's list of rights.")
	}
}

func fixFor(complete *enumeration) string {
	if complete != nil && complete.section != nil {
		return fmt.Sprintf("Add the missing rights, or refer readers to the complete list in %s.", complete.section.Label())
	}
	return "Add the missing rights so the list names all eight (UK GDPR Art 13(2)(b), Arts 15-22)."
}

// findEnumerations finds the lists and sub-heading runs that enumerate at
// least three different rights.
func findEnumerations(n *notices.Notice) []*enumeration {
	var out []*enumeration
	var curList *notices.Block
	var cur *enumeration
	for _, p := range n.Paras() {
		if p.Item == nil {
			continue
		}
		if p.Block != curList {
			curList = p.Block
			cur = &enumeration{at: p.Span(), section: p.Section, lead: p.Block.Intro, block: p.Block}
			out = append(out, cur)
		}
		r := rightsIn(p.Scan)
		cur.own |= r
		cur.items = append(cur.items, p.Scan)
		if r != 0 {
			cur.naming++
		}
	}
	// A list of rights is often finished in the text after it ("You also
	// have the right to object ...") or split in two lists: the rights the
	// rest of the list's own section names count as the list's.
	for _, e := range out {
		e.rights = e.own
		if e.own.count() < 3 || e.naming < 3 {
			continue // not a list of rights (see below)
		}
		for _, p := range n.Paras() {
			if p.Section == e.section && p.Block != e.block && e.rights != allRights {
				e.rights = rightsBeyond(p.Scan, e.rights)
			}
		}
	}
	n.Walk(func(s *notices.Section) {
		if len(s.Children) < 3 {
			return
		}
		e := &enumeration{section: s}
		titled := 0
		for _, c := range s.Children {
			if r := titleRights(n, c); r != 0 {
				if titled == 0 {
					e.at = c.TitleSpan
				}
				titled++
				e.rights |= r
				e.own |= r
			}
		}
		if titled >= 3 {
			if len(s.Blocks) > 0 && s.Blocks[len(s.Blocks)-1].Kind == notices.Paragraph {
				bl := s.Blocks[len(s.Blocks)-1]
				e.lead = &notices.Para{Text: bl.Text, Scan: pattern.Index(bl.Text), Start: bl.Span.Start, Section: s, Block: bl}
			}
			out = append(out, e)
		}
	})
	// A list is one of rights when three of its items each name one: a list
	// of choices with one item "you may have rights to access, correct or
	// delete" is not a list of rights short of five.
	kept := out[:0]
	onlyPublic := len(out) > 0 && onlyPublicTask(n)
	for _, e := range out {
		if e.own.count() >= 3 && (e.block == nil || e.naming >= 3) && !underOtherLaw(e) && !waysToExercise(e) {
			e.exempt = exemptions(n, e, onlyPublic) &^ e.rights
			kept = append(kept, e)
		}
	}
	return kept
}

// exerciseIntro opens the introduction of a list of ways to exercise the
// rights ("To exercise these rights, submit the following webforms:"),
// whose items name rights ("To access your personal data, submit ...") but
// restate a list given before it.
var exerciseIntro = regexp.MustCompile(`^\W*To exercise\b`)

// waysToExercise reports whether a list is introduced, or nested in an item
// that opens, as the ways to exercise rights.
func waysToExercise(e *enumeration) bool {
	if e.block == nil {
		return false // a run of sub-headings: its lead is the section's last paragraph
	}
	return e.lead != nil && exerciseIntro.MatchString(e.lead.Text) ||
		e.block.Within != nil && exerciseIntro.MatchString(e.block.Within.Text)
}

// access is the right of access in a rightSet: theRights[accessIndex].
const (
	accessIndex = 1
	access      = rightSet(1 << accessIndex)
)

var (
	// A sub-heading may name the right of access in a word ("Access,
	// Correction, Portability"), which in running text says nothing.
	accessTitle = regexp.MustCompile(`(?i)^(?:your )?(?:right (?:of |to )?)?access\b`)
	// "Right to information" is the right to be informed, but notices
	// translated from German use it for Art 15's right of access
	// (Auskunftsrecht); the text under the title tells which.
	informationTitle = pattern.MustCompile(`(?i)right (?:to|of) information\b`)
)

// titleRights returns the rights a sub-heading of a run of them names.
func titleRights(n *notices.Notice, c *notices.Section) rightSet {
	r := rightsIn(c.TitleScan)
	if accessTitle.MatchString(c.Title) {
		r |= access
	}
	if r&access == 0 && informationTitle.Match(c.TitleScan) {
		re := theRights[accessIndex].re
		for _, p := range n.ParasFor(re) {
			if p.Section == c && re.Match(p.Scan) {
				r |= access
				break
			}
		}
	}
	return r
}

var (
	// otherLaw names a law or place whose own list of rights a notice may
	// give beside the UK GDPR's: the CCPA's four rights are not a UK GDPR
	// list short of four. (A name that may go on, "California\w*\b", is
	// written as its start, which matches the same texts.)
	otherLaw = pattern.MustCompile(`(?i)\b(?:California|Brazil|Turk|Mexic|Canad|Australia|Japan|Korea|India|Israel|South Africa|(?:CCPA|CPRA|Virginia|Colorado|Connecticut|Utah|Texas|Oregon|Nevada|Montana|Iowa|Delaware|U\.?S\.? (?:state|consumer|resident)s?|US State|State Privacy Laws?|LGPD|KVKK|ARCO|PIPEDA|Quebec|PIPL|China|Chinese|Singapore|PDPA|DPDP|POPIA)\b)`)
	ukOrEU   = pattern.MustCompile(`(?i)\bUK\b|United Kingdom|\bEEA\b|European|\bEU\b|GDPR`)
)

// underOtherLaw reports whether an enumeration is introduced, or titled, as
// the rights of another law or place, and not also the UK's or the EU's.
func underOtherLaw(e *enumeration) bool {
	var texts []*pattern.Text
	if e.lead != nil {
		texts = append(texts, e.lead.Scan)
	}
	if e.block != nil && e.block.Within != nil {
		// "* Canada" with Canada's list of rights nested in it.
		texts = append(texts, e.block.Within.Scan)
	}
	for _, s := range e.section.Ancestors() {
		texts = append(texts, s.TitleScan)
	}
	for _, t := range texts {
		if ukOrEU.Match(t) {
			return false
		}
		if otherLaw.Match(t) {
			return true
		}
	}
	// With nothing said before it, the items can say it themselves ("the
	// right not to be discriminated against ... under California law").
	other := false
	for _, t := range e.items {
		if ukOrEU.Match(t) {
			return false
		}
		other = other || otherLaw.Match(t)
	}
	return other
}
