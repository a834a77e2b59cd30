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

The rule finds the DPO wherever the notice names its own ("Data Protection Officer",
"DPO", "Mandatory Data Protection Officer", "MDPO"), or gives the DPO's function (the
contact for data protection questions and rights requests) to a role under another
title ("Data Protection Lead", "Information Governance Manager", "Head of Information
Governance"), and reads the sentences, clauses and sections that speak for the DPO.
An address belongs to the party its sentence or table row names: a processor's or
another group company's DPO, a California (or other US state) request inbox, a
general privacy or support inbox and an Article 27 representative are not the
controller's DPO. noticelint outline prints whose each address is.

Fails:
  - the notice never names a DPO (a finding on the notice as a whole) where one is
    required: the controller is a public authority under UK or EU GDPR (Article
    37(1)(a)), or the configuration says so. Other notices may name none, and a
    notice that says "we have not appointed a DPO" passes;
  - it names one but gives no email address, postal address, phone number or web
    form for them;
  - a DPO contact sentence whose slot is empty: "can be contacted by email at or by
    post at ...", "You can also get in contact by emailing us at" ending the
    paragraph, "email the DPO at .";
  - a placeholder where the DPO's details belong, quoted at its line: "[insert
    email]", "TBC", "XXXX", "***insert***", "n/a", "@example.org";
  - a DPO email address that is not a valid address ("dpo@example", "dpo@@x.org");
  - two different email addresses given as the controller's DPO's.

Passes:
  Our Data Protection Officer can be contacted at dpo@example.org.uk or by post at
  1 High Street, Exampletown, EX1 2MP.

With organisation.dpo_emails set in .noticelint.yml, an address given for the DPO
that is not one of those fails (an old address left behind, or a mistyped one),
and two configured addresses side by side pass.

The option required decides whether a notice that names no DPO fails: unset (the
default), the notice's facts decide as above; true reports it whatever the facts
say; false never reports it. The facts themselves can be stated in .noticelint.yml
(facts: public_authority, dpo).

Fix: put the DPO's email address (or postal address, phone number or web form)
where the sentence promises it, and use one address throughout.`,
	Options: []lint.Option{{Name: "required", Default: lint.Unset{},
		Doc: "report a notice that names no Data Protection Officer: true always, false never; unset, only where one is required (a public authority) or declared"}},
	Check: checkDPOContact,
}

// purposeInbox is a mailbox named for a purpose other than data
// protection: job applications, customer support, sales, the press.
var purposeInbox = regexp.MustCompile(`(?i)^(?:jobs?|careers?|recruit\w*|talent|hiring|hr|applicants?|support|help(?:desk)?|customer[._-]?(?:service|care|support)s?|service[._-]?client|sales|billing|press|media)(?:[._+-][^@]*)?@`)

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
	facts := pass.Facts()
	dpo := &facts.DPO
	hasChannel := false
	var emails []*notices.Contact
	reported := map[int]bool{} // starts of spans already reported, so a placeholder is not reported twice
	for _, p := range n.ParasFor(slotVerb) {
		if !dpo.Covers(p) || !slotVerb.Match(p.Scan) {
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
		if !dpo.Covers(c.Para) {
			continue
		}
		switch {
		case c.Kind == notices.Email && !c.Valid:
			reported[c.Span.Start] = true
			pass.Report(c.Span, c.Para.Section, fmt.Sprintf("%q, given for the Data Protection Officer, is not a valid email address.", c.Value),
				"Correct the address: it needs one \"@\", a mailbox name and a full domain such as example.org.uk.")
		case c.Party == notices.Regulator || c.Party == notices.Other && c.Kind != notices.URL:
			// The ICO's or another organisation's details do not reach
			// this DPO; a link to the group's list of contacts does.
		case c.Kind == notices.Email:
			hasChannel = true
			// A table lists other organisations (recipients, group
			// companies) with their own DPOs: not the notice's DPO twice.
			// A mailto: link's target counts once, as the address shown.
			// A mailbox named for another purpose (job applications,
			// customer support) is that desk's, even where the DPO's
			// section gives it.
			if c.Party == notices.OurDPO && c.Para.Block.Kind != notices.Table && (!c.Target || c.Link == nil) && !purposeInbox.MatchString(c.Value) {
				emails = append(emails, c)
			}
		default:
			hasChannel = true
		}
	}
	// Placeholders are looked for where the DPO's details belong: in the
	// sentence that names the DPO and the one after it, and in the paras
	// that speak for the DPO by their place.
	hasPlaceholder := false
	for _, p := range n.Paras() {
		if dpo.SpeaksFor(p) {
			hasPlaceholder = reportPlaceholders(pass, p, notices.Span{End: len(p.Text)}, reported) || hasPlaceholder
		}
	}
	for _, m := range dpo.Mentions {
		if dpo.SpeaksFor(m.Para) {
			continue
		}
		sents := m.Para.Sentences()
		for i, s := range sents {
			if off := m.Span.Start - m.Para.Start; off >= s.Start && off < s.End {
				if i+1 < len(sents) {
					s.End = sents[i+1].End
				}
				hasPlaceholder = reportPlaceholders(pass, m.Para, s, reported) || hasPlaceholder
				break
			}
		}
	}
	if len(dpo.Mentions) == 0 {
		if msg, fix := noDPOFinding(pass, facts); msg != "" {
			pass.ReportNotice(msg, fix)
		}
		return
	}
	if !hasChannel && !hasPlaceholder && dpo.Reach.Len() == 0 {
		first := dpo.Mentions[0]
		pass.Report(notices.Span{Start: first.Span.Start, End: first.Span.Start}, first.Para.Section,
			"The notice names a Data Protection Officer but gives no way to contact them: no email address, postal address, phone number or web form.",
			"Give the DPO's contact details where the DPO is introduced (UK GDPR Art 13(1)(b)).")
	}
	// Two addresses are the same DPO's only when no sentence gives them
	// for different organisations' officers (a group notice's controllers).
	seen := map[string]bool{}
	var distinct []*notices.Contact
	for _, e := range emails {
		k := strings.ToLower(e.Value)
		if !seen[k] {
			seen[k] = true
			distinct = append(distinct, e)
		}
	}
	var sameDPO []*notices.Contact
	for _, e := range distinct {
		if len(distinct) > 0 && e.Of == distinct[0].Of {
			sameDPO = append(sameDPO, e)
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
	for _, e := range sameDPO[min(1, len(sameDPO)):] {
		pass.Report(e.Span, e.Para.Section,
			fmt.Sprintf("The notice gives two different email addresses for the Data Protection Officer: %s (line %d) and %s.", distinct[0].Value, n.Pos(distinct[0].Span.Start).Line, e.Value),
			"Use one DPO address throughout, or say what each address is for.")
	}
}

// noDPOFinding returns the finding for a notice that names no DPO, or ""
// when there is none to give. The option required decides when set; unset,
// the facts do: a DPO is required (a public authority under GDPR) or the
// configuration declares one. A notice that says it has no DPO, and any
// other notice, passes.
func noDPOFinding(pass *lint.Pass, facts *notices.Facts) (msg, fix string) {
	const noDPO = "The notice does not name a Data Protection Officer or say how to contact one."
	why := ""
	if required, set := pass.Tristate("required"); set {
		if !required {
			return "", ""
		}
		why = "The configuration says a DPO is required"
	} else {
		switch {
		case facts.DPO.Status == notices.DPONotAppointed:
			return "", ""
		case facts.DPO.Required.Holds && facts.DPO.Required.Evidence.Stated:
			why = "The configuration says a DPO is required"
		case facts.DPO.Required.Holds:
			why = fmt.Sprintf("The controller is a public authority (line %d), which must designate a DPO (UK GDPR Art 37(1)(a))", pass.Notice.Pos(facts.DPO.Required.Evidence.Span.Start).Line)
		case facts.DPO.Status == notices.DPODeclared:
			why = "The configuration says the organisation has a DPO"
		default:
			return "", ""
		}
	}
	return noDPO, why + ": add a section such as 'Our Data Protection Officer' with the DPO's email address, postal address or phone number (UK GDPR Art 13(1)(b))."
}

// reportPlaceholders reports the template markers in the para-relative span
// in of p, where the DPO's contact details belong, and says whether there
// were any.
func reportPlaceholders(pass *lint.Pass, p *notices.Para, in notices.Span, reported map[int]bool) bool {
	found := false
	for _, m := range placeholders(p.Text[in.Start:in.End]) {
		m[0], m[1] = m[0]+in.Start, m[1]+in.Start
		start := p.Start + m[0]
		if reported[start] {
			continue
		}
		reported[start] = true
		found = true
		quote := p.Text[m[0]:m[1]]
		msg := fmt.Sprintf("The Data Protection Officer's contact details hold a placeholder, %q, where a real detail belongs.", quote)
		if emailProtected.MatchString(quote) {
			msg = "The Data Protection Officer's email address is missing: \"[email protected]\" is the text a web page's email protection shows in its place, and copying the page lost the address."
		}
		pass.Report(notices.Span{Start: start, End: p.Start + m[1]}, p.Section, msg,
			"Replace the placeholder with the DPO's email address, postal address or phone number (UK GDPR Art 13(1)(b)).")
	}
	return found
}

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
