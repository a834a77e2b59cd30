package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// DPOContact checks that the notice names its Data Protection Officer and
// gives a way to reach them that works.
var DPOContact = &lint.Rule{
	ID:       "dpo-contact",
	Summary:  "The notice gives a working contact for its Data Protection Officer",
	Severity: lint.Error,
	Since:    "0.1.0",
	Doc: `Why: UK GDPR Article 13(1)(b) and 14(1)(b) require a notice to give "the contact
details of the data protection officer, where applicable", and Article 37(7) requires
the controller to publish them. A DPO whose email address dropped out in an edit is
a DPO nobody can reach.

The rule finds the DPO wherever the notice names them ("Data Protection Officer",
"DPO", "Mandatory Data Protection Officer", "MDPO") and reads the sentences, clauses
and sections that speak for the DPO.

Fails:
  - the notice never names a DPO (a finding on the notice as a whole), when it
    speaks of UK or EU data protection law at all: GDPR, the UK, the EEA, the ICO
    or a supervisory authority;
  - it names one but gives no email address, postal address, phone number or web
    form for them;
  - a DPO contact sentence whose slot is empty: "can be contacted by email at or by
    post at ...", "You can also get in contact by emailing us at" ending the
    paragraph, "email the DPO at .";
  - a DPO email address that is not a valid address ("dpo@example", "dpo@@x.org");
  - two different email addresses given for the DPO.

Passes:
  Our Data Protection Officer can be contacted at dpo@example.org.uk or by post at
  1 High Street, Exampletown, EX1 2MP.

With organisation.dpo_emails set in .noticelint.yml, an address given for the DPO
that is not one of those fails (an old address left behind, or a mistyped one),
and two configured addresses side by side pass.

Not every controller must appoint a DPO (Article 37). One that has none can set the
option required: false, and a notice that never names a DPO then passes.

Fix: put the DPO's email address (or postal address, phone number or web form)
where the sentence promises it, and use one address throughout.`,
	Options: []lint.Option{{Name: "required", Default: true,
		Doc: "report a notice that never names a Data Protection Officer (turn off if you need none, Art 37)"}},
	Check: checkDPOContact,
}

// emptySlot finds a contact verb whose preposition is followed by nothing: the
// end of the sentence, punctuation, or "or"/"and" starting the next channel.
var emptySlot = regexp.MustCompile(`(?i)\b(e-?mail(?:ing|ed)?|contact(?:ed|ing)?|writ(?:e|ing)|call(?:ing)?|phon(?:e|ing)|ring(?:ing)?|reach(?:ed)?|text(?:ing)?)\b((?:[\s\x{00A0}]+[^\s\x{00A0}.;]+){0,8}?)[\s\x{00A0}]+(at|to|on|via)[\s\x{00A0}]*(?:$|[.,;]|(?:or|and|if|for|by)\b)`)

// slotVerb is the start of emptySlot: only a sentence with one can hold an
// empty slot. (emptySlot itself ends at the end of its sentence, so it is
// searched sentence by sentence.)
var slotVerb = pattern.MustCompile(`(?i)\b(?:e-?mail(?:ing|ed)?|contact(?:ed|ing)?|writ(?:e|ing)|call(?:ing)?|phon(?:e|ing)|ring(?:ing)?|reach(?:ed)?|text(?:ing)?)\b`)

// mayHoldEmptySlot is a cheap test that emptySlot can match: a preposition
// it ends with ("at", "to", "on", "via") after a non-word byte, then, past
// any white space, the end, ".", "," or ";", or one of the words it allows
// there. Most sentences with a contact verb go on to give the contact, and
// the regexp, with its run of up to eight words, is costly to try on them.
func mayHoldEmptySlot(sent string) bool {
	for i := 1; i < len(sent); i++ {
		if pattern.IsWordByte(sent[i-1]) {
			continue
		}
		n := wordAt(sent, i, "at", "to", "on", "via")
		if n == 0 {
			continue
		}
		j := i + n
		for j < len(sent) {
			if c := sent[j]; c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				j++
			} else if strings.HasPrefix(sent[j:], "\u00a0") {
				j += len("\u00a0")
			} else {
				break
			}
		}
		if j == len(sent) || strings.IndexByte(".,;", sent[j]) >= 0 {
			return true
		}
		if k := wordAt(sent, j, "or", "and", "if", "for", "by"); k > 0 && (j+k == len(sent) || !pattern.IsWordByte(sent[j+k])) {
			return true
		}
	}
	return false
}

// wordAt returns the length of the first of words that s has at i, ASCII
// case ignored, or 0.
func wordAt(s string, i int, words ...string) int {
	for _, w := range words {
		if len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w) {
			return len(w)
		}
	}
	return 0
}

func checkDPOContact(pass *lint.Pass) {
	n := pass.Notice
	ctx := newDPOContext(n)
	var first *notices.Para
	firstAt := -1
	hasChannel := false
	var emails []*notices.Contact
	for _, p := range n.ParasFor(dpoMention) {
		if m := dpoMention.FindIndex(p.Scan); m != nil {
			first, firstAt = p, m[0]
			break
		}
	}
	for _, p := range n.ParasFor(slotVerb) {
		if !ctx.covers(p) || !slotVerb.Match(p.Scan) {
			continue
		}
		for _, s := range notices.Sentences(p.Text) {
			sent := p.Text[s.Start:s.End]
			if !mayHoldEmptySlot(sent) {
				continue
			}
			for _, m := range emptySlot.FindAllStringSubmatchIndex(sent, -1) {
				kind := slotKind(strings.ToLower(sent[m[0]:m[7]]))
				quote := strings.Join(lastWords(sent[m[0]:m[7]], 10), " ")
				start := p.Start + s.Start + m[6]
				pass.Report(notices.Span{Start: start, End: start + m[7] - m[6]}, p.Section,
					fmt.Sprintf("The DPO contact sentence %q is followed by no %s: the contact detail is missing.", quote, kind),
					fmt.Sprintf("Put the Data Protection Officer's %s after %q.", kind, sent[m[6]:m[7]]))
			}
		}
	}
	for _, c := range n.Contacts {
		if !ctx.covers(c.Para) {
			continue
		}
		switch {
		case c.Kind == notices.Email && !c.Valid:
			pass.Report(c.Span, c.Para.Section, fmt.Sprintf("%q, given for the Data Protection Officer, is not a valid email address.", c.Value),
				"Correct the address: it needs one \"@\", a mailbox name and a full domain such as example.org.uk.")
		case c.Kind == notices.Email:
			hasChannel = true
			// A table lists other organisations (recipients, group
			// companies) with their own DPOs: not the notice's DPO twice.
			if c.Para.Block.Kind != notices.Table && forDPO(c, ctx.speaksFor(c.Para)) {
				emails = append(emails, c)
			}
		default:
			hasChannel = true
		}
	}
	if first == nil {
		// Article 13(1)(b) binds only notices under UK or EU law: a US-only
		// policy owes nobody a DPO.
		if !pass.Bool("required") || !ukOrEUFacing(n) {
			return
		}
		pass.ReportNotice("The notice does not name a Data Protection Officer or say how to contact one.",
			"Add a section such as 'Our Data Protection Officer' with the DPO's email address, postal address or phone number (UK GDPR Art 13(1)(b)); if you need no DPO, name the person responsible for data protection and their contact details.")
		return
	}
	if !hasChannel {
		pass.Report(notices.Span{Start: first.Start + firstAt, End: first.Start + firstAt}, first.Section,
			"The notice names a Data Protection Officer but gives no way to contact them: no email address, postal address, phone number or web form.",
			"Give the DPO's contact details where the DPO is introduced (UK GDPR Art 13(1)(b)).")
	}
	seen := map[string]bool{}
	var distinct []*notices.Contact
	for _, e := range emails {
		k := strings.ToLower(e.Value)
		if !seen[k] {
			seen[k] = true
			distinct = append(distinct, e)
		}
	}
	if dpo := pass.Org.DPOEmails; len(dpo) > 0 {
		for _, e := range distinct {
			if slices.ContainsFunc(dpo, func(c string) bool { return strings.EqualFold(c, e.Value) }) {
				continue
			}
			msg := fmt.Sprintf("%s is given for the Data Protection Officer but is not the organisation's DPO address (%s).", e.Value, strings.Join(dpo, ", "))
			fix := fmt.Sprintf("Replace it with %s, or add it to organisation.dpo_emails in .noticelint.yml if it is current.", dpo[0])
			for _, c := range dpo {
				if lint.OneEdit(strings.ToLower(e.Value), strings.ToLower(c)) {
					msg = fmt.Sprintf("%s, given for the Data Protection Officer, differs from the organisation's DPO address %s in one character.", e.Value, c)
					fix = "Replace it with " + c + "."
				}
			}
			pass.Report(e.Span, e.Para.Section, msg, fix)
		}
		return
	}
	for _, e := range distinct[min(1, len(distinct)):] {
		pass.Report(e.Span, e.Para.Section,
			fmt.Sprintf("The notice gives two different email addresses for the Data Protection Officer: %s (line %d) and %s.", distinct[0].Value, n.Pos(distinct[0].Span.Start).Line, e.Value),
			"Use one DPO address throughout, or say what each address is for.")
	}
}

// forDPO reports whether an email address is given for the DPO rather than for
// someone the DPO paragraph also mentions (the ICO, a privacy team, "us" in
// "email us at privacy@... and our DPO at dpo@..."): the DPO is named before
// it in its sentence, or its sentence gives no other address and either names
// the DPO or stands where everything speaks for the DPO (a DPO section, or the
// block after "contact our DPO at:") and names nobody else.
func forDPO(c *notices.Contact, dpoPlace bool) bool {
	off := c.Span.Start - c.Para.Start
	for _, s := range notices.Sentences(c.Para.Text) {
		if off < s.Start || off >= s.End {
			continue
		}
		sent := c.Para.Text[s.Start:s.End]
		if m := dpoMention.Regexp().FindStringIndex(sent); m != nil && m[1] <= off-s.Start {
			return true
		}
		if strings.Count(sent, "@") > strings.Count(sent, c.Value+"](mailto:"+c.Value)+1 {
			return false
		}
		return dpoMention.MatchString(sent) || (dpoPlace && !otherBody.MatchString(sent))
	}
	return false
}

var otherBody = pattern.MustCompile(`(?i)\b(?:ICO|Information Commissioner|Ombudsman|customer (?:services?|team|support)|(?:complaints?|privacy|support|legal|data protection) (?:team|office|department)|supervisory authority)`)

// slotKind names what an empty slot should hold, from the words that lead to
// it ("by email at" wants an email address).
func slotKind(phrase string) string {
	switch {
	case strings.Contains(phrase, "mail"):
		return "email address"
	case strings.Contains(phrase, "writ"), strings.Contains(phrase, "post"):
		return "postal address"
	case strings.Contains(phrase, "call"), strings.Contains(phrase, "phon"), strings.Contains(phrase, "ring"), strings.Contains(phrase, "text"):
		return "phone number"
	}
	return "email address, postal address or phone number"
}

func lastWords(s string, n int) []string {
	w := strings.Fields(s)
	return w[max(0, len(w)-n):]
}

// dpoMention matches a reference to the Data Protection Officer in any of the
// forms notices use.
var dpoMention = pattern.MustCompile(`(?i:\bdata[\s\x{00A0}]{1,5}protection[\s\x{00A0}]{1,5}officer)|\bM?DPOs?\b`)

// dpoContext tells which paras of a notice speak for the DPO: a para in a
// section titled for the DPO, a para of a clause that mentions the DPO (the
// address block under "contact our DPO by writing to:"), the block after a
// para that ends "contact our DPO at:" (or a list it introduces), and a para
// that mentions the DPO itself.
type dpoContext struct {
	sections map[*notices.Section]bool // sections and clauses that are about the DPO
	after    map[*notices.Para]bool    // paras that follow "... our DPO at:"
	mentions map[*notices.Para]bool    // paras that mention the DPO: covers asks once per contact
}

func newDPOContext(n *notices.Notice) *dpoContext {
	c := &dpoContext{sections: map[*notices.Section]bool{}, after: map[*notices.Para]bool{}, mentions: map[*notices.Para]bool{}}
	n.Walk(func(s *notices.Section) {
		if dpoMention.Match(s.TitleScan) {
			c.sections[s] = true
		}
	})
	paras := n.Paras()
	i := 0 // p's place in paras: both lists are in document order
	for _, p := range n.ParasFor(dpoMention) {
		for paras[i] != p {
			i++
		}
		if !dpoMention.Match(p.Scan) {
			continue
		}
		c.mentions[p] = true
		if p.Section != nil && p.Section.Kind == notices.Clause {
			c.sections[p.Section] = true
		}
		if i+1 < len(paras) && strings.HasSuffix(strings.TrimRight(p.Text, "*_ \t\n"), ":") {
			next := paras[i+1]
			for j := i + 1; j < len(paras) && (paras[j] == next || (next.Item != nil && paras[j].Block == next.Block)); j++ {
				c.after[paras[j]] = true
			}
		}
	}
	return c
}

// covers reports whether p is in a DPO section or clause, follows a DPO
// introduction, or mentions the DPO.
func (c *dpoContext) covers(p *notices.Para) bool {
	return c.speaksFor(p) || c.mentions[p]
}

// speaksFor reports whether everything p says is about the DPO, by its place
// rather than its words.
func (c *dpoContext) speaksFor(p *notices.Para) bool {
	if c.after[p] {
		return true
	}
	for _, s := range p.Section.Ancestors() {
		if c.sections[s] {
			return true
		}
	}
	return false
}
