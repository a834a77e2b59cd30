package rules

import (
	"fmt"
	"regexp"
	"strings"

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
	Doc: rightsListDoc + notices.Rights.Table() +
		"\nAnd as the item of a list of rights only (\"You can ask for: information about how we use it\"):\n" +
		notices.RightsInItems.Table() +
		"\nAnd after what the reader may ask for or has a right to, in its clause (\"you have the right to\", \"you may request\", \"you can ask us\", \"you are entitled to\"):\n" +
		notices.RightsAsked.Table(),
	Check: checkRightsList,
}

const rightsListDoc = `Why: UK GDPR Article 13(2)(b) and 14(2)(c) require a notice to tell people of their
rights, and the ICO's guidance lists eight: to be informed, of access, to
rectification, to erasure, to restrict processing, to data portability, to object,
and rights related to automated decision-making including profiling. A list that
silently lost two of them in an edit misinforms everyone who reads it.

How a right is recognised: by what is said, not by a list of phrases. A right is
named when a verb of its class and an object of its class meet in one clause or
list item ("ask us to *delete* your *details*"), or by one of its names alone
("portability", "the right to be forgotten"). Words are compared by their stems, so
"deleting", "deleted" and "deletion" are one word; nouns after an introduction
("You can ask for: a copy of your data; correction of ...") name rights as verbs do.
A link's address is no part of its sentence ("port and [erase](https://...) your
data" names both). A negation just before the verb ("we cannot delete"), a clause
about another party's rights ("we reserve the right to delete", "we help our
customers answer requests") and one about a business changing hands ("transferred
as part of a merger ... to another provider") name none; nor does a US state's
right to opt out of a sale, which is no objection. Information about the processing ("details of the
processing", "information on how we use it") is the right to be informed only as
an item of a list of rights or after what the reader may ask for or has a right to,
in one clause ("you have the right to be provided with details of the processing",
"you may request information on how we process it"): "For more information on how
we process your data, see section 4" names no right. The table is printed at the
end of this page.

A cookie policy that names itself one (or whose title names only cookies and
trackers) and sends the reader to the privacy notice ("our Privacy Notice", "the
Data Policy") is not judged: the privacy notice lists the rights.

What a list of rights is: a Markdown list, "•" lines, or lines opening with an
escaped marker ("\- to access ..."); a run of numbered or titled sub-sections
("6.1 Right of access" ... "6.6", also when the title is the first line of the
clause, and a right named by its bare noun, "4.2 Deletion"), three of them one
after another unless their section is titled for rights; a run of paragraphs opening with a bold label ("**Right to object:** ...");
a table with a row per right. It is one when three of its items name rights, three
different rights in all. What the rest of its own section says counts towards it,
its sub-sections' text included ("You can also object ..." after the list, a
second list after a break, a "Data portability" sub-heading). A
notice with none of these whose rights are one sentence naming four or more of them
("you can access, edit, delete or export your data"), in a paragraph that speaks of
what the reader may do or a section titled for rights, has that sentence judged as
its list, finished by the rest of its paragraph. A notice not written in English is
not judged: the table is English.

What is not the notice's list of rights: a glossary or list of definitions; a list
its introduction gives as another party's (the requests a processor helps its
customers answer); a list its items, introduction or headings place under another
law or place (the CCPA's rights, "* Canada", "Residents of certain states have
these rights:") or set out a US transfer framework's principles (the Privacy
Shield's "Notice", "Choice", "Access"); a list introduced as the ways to
exercise the rights ("To exercise these rights, submit one of these forms:"); a list
introduced as the data the organisation collects ("We collect your activity and the
information you provide, such as:"), whose items name what people do; a list in a
section titled for the purposes of processing ("How we use the information"), unless
its title or introduction speaks of rights or choices; a list
nested in an item of a list of lawful bases ("Our legitimate interests: ..."), whose
items are what the basis covers; a list of links to the sections after it, which
are judged themselves; a "your choices" list when a complete list exists elsewhere
in the notice.

A list introduced as the rights of the public task or legal obligation basis the
processing relies on ("We are relying on public task for this processing. This
means you have:") need not name erasure or data portability, which do not apply
under those bases (Art 17(3)(b), Art 20(1)(a)); nor need the lists of a notice whose
only lawful basis is the public task or a legal obligation (the public task alone
fact, printed by noticelint outline).

Fails:
  - a list that names fewer than eight (reported at its first item, with the
    missing rights, their articles in the fix and, when there is one, the
    section of the complete list); a list of the Data Protection Act 1998's rights
    ("prevent processing", "rectified, blocked, erased or destroyed") is told so, with
    the current rights it lacks;
  - a stated count ("you have eight rights") that the list after it does not meet;
  - a notice that never mentions some of the eight at all and has no list that
    is told of them (one finding on the notice as a whole).
  A gap of only the right to be informed, which the notice itself fulfils, is
  info, with the line to add.

Passes: a list of all eight in any wording; lists of lawful bases or data
categories; a notice under neither UK nor EU GDPR (noticelint outline prints the
scope it read, and .noticelint.yml can state it as facts: scope).

Fix: add the missing rights to the list (the fix names each with its article, UK
GDPR or EU GDPR as the notice's scope), or replace a partial list with a reference
to the complete one.

The rights, as the rule recognises them: each row's verbs, then "+" its objects
(a verb and an object meet in one clause), or "(alone)" for names that need no
object. Words are stemmed; a word marked "=" matches only as written.
`

var rights = notices.Rights

const (
	informed = notices.ConceptSet(1 << notices.RightInformed)
	access   = notices.ConceptSet(1 << notices.RightAccess)
	// publicTaskExempt are the rights to erasure and portability.
	publicTaskExempt = notices.ConceptSet(1<<notices.RightErasure | 1<<notices.RightPortability)
	allRights        = notices.AllRights
)

func rightsIn(text string) notices.ConceptSet { return rights.Find(text) }

// itemRights reads a set of RightsInItems as one of Rights.
func itemRights(s notices.ConceptSet) notices.ConceptSet {
	return notices.RightsInItems.As(rights, s)
}

// askedRights are the rights t names after an asking (notices.MatchAsked),
// as sets of Rights: "You have the right to be provided with details of the
// processing" is the right to be informed, said in a paragraph as well as
// in a list item.
func askedRights(t *pattern.Text) (said, denied notices.ConceptSet) {
	s, d := notices.MatchAsked(t)
	return notices.RightsAsked.As(rights, s), notices.RightsAsked.As(rights, d)
}

func missingNames(s notices.ConceptSet) []string {
	var out []string
	for i, name := range notices.RightNames {
		if !s.Has(i) {
			out = append(out, name)
		}
	}
	return out
}

// lawName is how messages name the law the eight rights are under.
func lawName(scope notices.Scope) string {
	if scope == notices.EUGDPR {
		return "EU GDPR"
	}
	return "UK GDPR"
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

// exemptions returns the rights the text before a list takes away: lead is
// the list's introduction, and the paras of its section before it count too;
// onlyPublic says the notice's only basis is the public task or a legal
// obligation.
func exemptions(n *notices.Notice, e *enumeration, onlyPublic bool) notices.ConceptSet {
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

// enumeration is a list of rights in one of the shapes notices give it.
type enumeration struct {
	rights notices.ConceptSet
	// exempt are the rights the text before the list says do not apply.
	exempt notices.ConceptSet
	// own are the rights the items name themselves, which decide whether
	// it is a list of rights at all; rights can add those the rest of its
	// section names.
	own notices.ConceptSet
	// naming is how many items name a right; items are their texts.
	naming int
	items  []string
	// scans are the items' indexed texts, where they are paras (nil
	// where not): the patterns asked of every item run on them.
	scans []*pattern.Text
	// whole, when set, is the indexed text all items are in (a table's,
	// a prose list's paragraph): patterns asked of every item ask it once.
	whole *pattern.Text
	// paras are the paras the list is made of, which the rest of its
	// section does not include.
	paras   map[*notices.Para]bool
	at      notices.Span // where it starts: its first item
	section *notices.Section
	lead    *notices.Para // the para just before it: "you have eight rights:"
	within  *notices.Item // the item a nested list is in
	// titled says the items are sub-headings or labels, whose lead is
	// the section's last paragraph.
	titled bool
	// prose says the list is one paragraph naming the rights in a row;
	// para is that paragraph, whose other sentences finish the list.
	prose bool
	para  *notices.Para
}

func (e *enumeration) add(text string) {
	e.addItem(text, nil, rightsIn(text)|itemRights(notices.RightsInItems.Find(text)))
}

// addPara adds a para as an item, with the rights pr read in it.
func (e *enumeration) addPara(p *notices.Para, pr *paraRights) {
	e.paras[p] = true
	e.addItem(p.Text, p.Scan, pr.said(p))
}

// addItem adds an item whose rights are known.
func (e *enumeration) addItem(text string, scan *pattern.Text, r notices.ConceptSet) {
	e.own |= r
	e.items = append(e.items, text)
	e.scans = append(e.scans, scan)
	// An item in the old law's words ("to prevent processing") names a
	// right too, one the law has since replaced.
	if r != 0 || matches(oldLaw.Anchor(), text, scan) && oldLaw.Find(text) != 0 {
		e.naming++
	}
}

// matches reports whether p matches an item: on its index when it has one.
func matches(p *pattern.Pattern, text string, scan *pattern.Text) bool {
	if scan != nil {
		return p.Match(scan)
	}
	return p.Regexp().MatchString(text)
}

// anyItem reports whether p matches one of e's items.
func (e *enumeration) anyItem(p *pattern.Pattern) bool {
	if e.whole != nil {
		return p.Match(e.whole)
	}
	for i, t := range e.items {
		if matches(p, t, e.scans[i]) {
			return true
		}
	}
	return false
}

var statedCount = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)[\s\x{00A0}]+(?:[\w-]+[\s\x{00A0}]+){0,3}?rights\b`)

func checkRightsList(pass *lint.Pass) {
	// The eight rights are UK and EU GDPR's: a notice under neither (a
	// US-only policy) owes nobody this list.
	facts := pass.Facts()
	if !facts.Scope.GDPR() || facts.Supplement.Holds {
		// A cookie policy beside the privacy notice leaves the rights
		// to it.
		return
	}
	n := pass.Notice
	if !inEnglish(n) {
		// The concept table is English: a notice in French names its
		// rights in words the table does not know, and saying it never
		// mentions them would be false.
		return
	}
	law := lawName(facts.Scope)
	pr := readRights(n)
	enums := findEnumerations(n, pr, facts.PublicTaskOnly.Holds)
	var complete *enumeration
	var exempt notices.ConceptSet // rights a stated lawful basis takes away
	for _, e := range enums {
		exempt |= e.exempt
		if e.rights|e.exempt == allRights && complete == nil {
			complete = e
		}
	}
	var told notices.ConceptSet // rights a list finding names as missing
	for _, e := range enums {
		if e.lead != nil {
			reportCount(pass, e)
		}
		have := e.rights | e.exempt
		if have == allRights {
			continue
		}
		missing := allRights &^ have
		told |= missing
		msg := fmt.Sprintf("This list of data-subject rights names %d of the 8 %s rights; missing: %s.", e.rights.Len(), law, strings.Join(missingNames(have), ", "))
		if e.exempt != 0 {
			msg += " (" + publicTaskNote + ")"
		}
		if old := oldLawWords(e); old != "" {
			msg = fmt.Sprintf("This list gives the rights of the Data Protection Act 1998 (%s), which the %s replaced; of the 8 %s rights it lacks: %s.", old, law, law, strings.Join(missingNames(have), ", "))
		}
		fix := fixFor(complete, missing, facts.Scope)
		if missing == informed {
			// The notice itself informs: the list lacks a line, not a right.
			pass.ReportAt(lint.Info, e.at, e.section, msg, informedFix(facts.Scope))
			continue
		}
		pass.Report(e.at, e.section, msg, fix)
	}
	var absent notices.ConceptSet
	if len(enums) == 0 {
		// With a list, every right is either in it or told missing
		// from it: only a notice without one is read whole.
		absent = allRights &^ (mentioned(n, pr) | exempt)
	}
	switch absent {
	case 0:
	case informed:
		pass.ReportNoticeAt(lint.Info, noticeMessage(absent, facts.Scope), informedFix(facts.Scope))
	default:
		pass.ReportNotice(noticeMessage(absent, facts.Scope),
			"Tell readers about every right ("+notices.Cite("rights", facts.Scope)+"): add to the notice's list of rights "+notices.CiteRights(absent, facts.Scope)+".")
	}
}

// noticeMessage is the notice-level message. Its fingerprint hashes it, so it
// says only which rights are absent and under which law (the one its fix
// cites): the same set in the same notice, the same bytes.
func noticeMessage(absent notices.ConceptSet, scope notices.Scope) string {
	return fmt.Sprintf("The notice never mentions %d of the 8 %s rights: %s.", absent.Len(), lawName(scope), strings.Join(missingNames(allRights&^absent), ", "))
}

func informedFix(scope notices.Scope) string {
	return "Add a line such as \"the right to be informed about how we use your information, which this notice gives you\" (" + notices.Cite("informed", scope) + ")."
}

func reportCount(pass *lint.Pass, e *enumeration) {
	m := statedCount.FindStringSubmatchIndex(e.lead.Text)
	if m == nil {
		return
	}
	word := e.lead.Text[m[2]:m[3]]
	want := notices.NumberWord(word)
	if want == 0 {
		want = int(word[0] - '0')
		if word == "10" {
			want = 10
		}
	}
	if got := e.rights.Len(); got < want {
		pass.Report(notices.Span{Start: e.lead.Start + m[0], End: e.lead.Start + m[1]}, e.lead.Section,
			fmt.Sprintf("The notice says there are %s rights, but the list that follows names %d.", word, got),
			"Make the count and the list agree: UK GDPR gives eight rights.")
	}
}

func fixFor(complete *enumeration, missing notices.ConceptSet, scope notices.Scope) string {
	cited := notices.CiteRights(missing, scope)
	if complete != nil && complete.section != nil {
		return fmt.Sprintf("Add %s, or refer readers to the complete list in %s.", cited, complete.section.Label())
	}
	return fmt.Sprintf("Add %s, so the list names all eight.", cited)
}

// paraRights are the rights each para says and denies, read when first
// asked for: reading a para's words is the rule's cost, and most paras are
// never asked about (a notice with a list of rights is judged by the list
// and its section). Only the clauses around the table's anchors are read
// (Concepts.MatchIndexed).
type paraRights struct {
	n    *notices.Notice
	read map[*notices.Para][2]notices.ConceptSet
	// bySection are the paras of each section, and firstOf its first.
	bySection map[*notices.Section][]*notices.Para
}

func readRights(n *notices.Notice) *paraRights {
	pr := &paraRights{n: n, read: map[*notices.Para][2]notices.ConceptSet{}, bySection: map[*notices.Section][]*notices.Para{}}
	for _, p := range n.Paras() {
		pr.bySection[p.Section] = append(pr.bySection[p.Section], p)
	}
	return pr
}

func (pr *paraRights) of(p *notices.Para) [2]notices.ConceptSet {
	if r, ok := pr.read[p]; ok {
		return r
	}
	said, denied := rights.MatchIndexed(p.Scan)
	as, ad := askedRights(p.Scan)
	said, denied = said|as, denied|ad
	if p.Item != nil {
		// A list item may name a right as a noun after its
		// introduction.
		s, d := notices.RightsInItems.MatchIndexed(p.Scan)
		said, denied = said|itemRights(s), denied|itemRights(d)
	}
	r := [2]notices.ConceptSet{said, denied}
	pr.read[p] = r
	return r
}

// said returns the rights p says.
func (pr *paraRights) said(p *notices.Para) notices.ConceptSet { return pr.of(p)[0] }

// told returns the rights p says or denies.
func (pr *paraRights) told(p *notices.Para) notices.ConceptSet {
	r := pr.of(p)
	return r[0] | r[1]
}

// mentioned returns the rights the notice mentions anywhere, in its text or
// its titles, denied ones too: "no decision is made by automated means"
// tells the reader about automated decisions.
func mentioned(n *notices.Notice, pr *paraRights) notices.ConceptSet {
	var all notices.ConceptSet
	n.Walk(func(s *notices.Section) { all |= titleRights(n, pr, s) })
	// Each right is looked for only in the clauses that hold its own
	// verbs, until it is found.
	for i := range notices.NumRights {
		anchor := rights.AnchorOf(i)
		for _, p := range n.ParasFor(anchor) {
			if all.Has(i) {
				break
			}
			if r, ok := pr.read[p]; ok {
				all |= r[0] | r[1]
				continue
			}
			said, denied := rights.MatchNear(p.Scan, anchor)
			all |= said | denied
		}
	}
	// The right to be informed may be said only after an asking ("you
	// may request information on how we process it"), which the table's
	// anchors do not find.
	for _, p := range n.ParasFor(notices.RightsAsking) {
		if all&informed != 0 {
			break
		}
		if r, ok := pr.read[p]; ok {
			all |= r[0] | r[1]
			continue
		}
		said, denied := askedRights(p.Scan)
		all |= said | denied
	}
	return all
}

// oldLaw is the Data Protection Act 1998's wording of its rights: to
// prevent processing (likely to cause damage or distress, or for direct
// marketing), to have data "rectified, blocked, erased or destroyed". A
// list blocking or destroying alone is not the old law's: "deletion or
// blocking" is also the EU GDPR's wording in some translations.
var oldLaw = notices.NewConcepts([]notices.ConceptRow{
	{ID: "act", Verbs: []string{"Data Protection Act 1998", "DPA 1998"}},
	{ID: "prevent", Verbs: []string{"prevent"}, Objects: []string{"processing", "direct marketing", "damage", "distress"}},
	{ID: "blocked", Verbs: []string{"blocked", "blocking"}},
	{ID: "destroyed", Verbs: []string{"destroyed", "destruction"}},
})

// oldLawWords names the Data Protection Act 1998's rights a list gives, or
// "" when it gives none.
func oldLawWords(e *enumeration) string {
	var s notices.ConceptSet
	texts := e.items
	if e.lead != nil {
		texts = append(texts[:len(texts):len(texts)], e.lead.Text)
	}
	for _, t := range texts {
		s |= oldLaw.Find(t)
	}
	var out []string
	if s.Has(1) {
		out = append(out, "to prevent processing")
	}
	if s.Has(2) && s.Has(3) {
		out = append(out, "to have data blocked or destroyed")
	}
	if len(out) == 0 && s.Has(0) {
		out = append(out, "named in the list's introduction")
	}
	return strings.Join(out, ", ")
}
