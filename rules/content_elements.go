package rules

import (
	"regexp"
	"slices"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// Each element's judge reads the concept hits of its notice (content) and
// the facts in force, and returns its verdict. Messages of notice-level
// findings are fixed strings: baseline fingerprints hash them.

const since = "0.3.0"

// always applies wherever UK or EU GDPR does.
func always(id string, f *notices.Facts) (Verdict, bool) {
	if why := outOfScope(f); why != "" {
		return notApplicable(id, why), false
	}
	return Verdict{}, true
}

// simple judges an element that always applies and is present when its
// concept is said anywhere.
func simple(id, why, msg, fix string) func(*content, *notices.Facts) Verdict {
	return func(c *content, f *notices.Facts) Verdict {
		if v, ok := always(id, f); !ok {
			return v
		}
		if h, ok := c.first(id); ok {
			return present(id, h, why)
		}
		return Verdict{ID: id, Status: Missing, Why: why, Message: msg, Fix: fix, Severity: lint.Warning}
	}
}

// missingAt is a Missing or Partial verdict at the evidence of the fact
// that makes the element apply (notice-level when the fact is stated).
func missingAt(c *content, id string, st Status, e notices.Evidence, why, msg, fix string) Verdict {
	sp, sec := evidenceAt(c.n, e)
	return Verdict{ID: id, Status: st, At: sp, Section: sec, Why: why, Message: msg, Fix: fix, Severity: lint.Warning}
}

var ControllerIdentity = &lint.Rule{
	ID:       "controller-identity",
	Summary:  "The notice names the controller and gives a way to contact it",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(1)(a) and 14(1)(a) require "the identity and the contact
details of the controller" (and of its representative where Article 27 requires one).

What counts: a statement naming the controller ("Example Homes Ltd is the data
controller", "we are responsible for your personal data", a registered office or company
number) and a contact channel of the controller's own (an email address, postal address,
phone number or web form that is not the ICO's or another organisation's).

Fails:
  - neither a controller statement nor a contact of the controller's own (at line 1);
  - one without the other: a named controller with no way to reach it, or contact
    details with nothing saying who the controller is (partial).

Passes:
  Example Homes Ltd (company number 01234567) is the controller of your personal data.
  You can write to us at 1 High Street, Exampletown EX1 2MP or email privacy@example.org.

Fix: say who the controller is, by its legal name, and how to contact it.`,
}

// postalPattern says a paragraph gives a postal address.
var postalPattern = pattern.MustCompile(`(?i)\b(?:located at|domiciled at|registered office|registered address|address|p\.?o\.? box|\d{1,6}\s{1,4}\w{1,40}\s{1,4}(?:street|road|avenue|lane|way|place|square))\b`)

// definedWe is a defined name for the organisation: 'Example Ltd
// ("Example", "we", "us")'. The quotes are literals the para index finds,
// so only paras holding one are read; the concept table sees words only.
var definedWe = pattern.MustCompile(`[“"‘'](?:we|us|our)[”"’']`)

// definedWeAny is definedWe with capitals ('Example AG (the “Company”,
// “We”)'), where the checklist shows who the controller is. Its paras are
// definedWe's: the para index is of lower-cased text.
var definedWeAny = regexp.MustCompile(`(?i)[“"‘'](?:we|us|our)[”"’']`)

// legalForm is an organisation's name: a legal form or a kind of body.
var legalForm = pattern.MustCompile(`(?i)\b(?:ltd|limited|plc|llp|inc|corporation|llc|gmbh|ag|s\.a|b\.v|pbc|foundation|stiftung|company|charity|trust|council|university|group)\b`)

// definedName finds the statement that defines the organisation as "we"
// (with anyCase, as "We" too).
func definedName(n *notices.Notice, anyCase bool) (hit, bool) {
	re := definedWe.Regexp()
	if anyCase {
		re = definedWeAny
	}
	for _, p := range n.ParasFor(definedWe) {
		for _, s := range p.Sentences() {
			sent := p.Text[s.Start:s.End]
			if m := re.FindStringIndex(sent); m != nil && legalForm.MatchString(sent[:m[0]]) {
				return hit{Span: notices.Span{Start: p.Start + s.Start, End: p.Start + s.End}, Para: p, Section: p.Section}, true
			}
		}
	}
	return hit{}, false
}

func judgeControllerIdentity(c *content, f *notices.Facts) Verdict {
	const id = "controller-identity"
	const why = "every notice must identify its controller (UK GDPR Art 13(1)(a))"
	if v, ok := always(id, f); !ok {
		return v
	}
	h, named := c.first(id)
	if len(f.Controllers) > 0 && f.Controllers[0].Span.Len() > 0 {
		h, named = hit{Span: f.Controllers[0].Span, Section: c.n.SectionAt(f.Controllers[0].Span.Start)}, true
	} else if len(f.Controllers) > 0 {
		named = true
	} else if named && c.all {
		// The checklist shows who the controller is, the element's
		// first half: the statement defining the organisation as "we",
		// else the first sentence naming it, before a "Contact us"
		// section, which gives only the second half.
		if d, ok := definedName(c.n, true); ok {
			h = d
		} else if s := append(c.sentences(id), c.sentences("controller-identity-place")...); len(s) > 0 {
			h = slices.MinFunc(s, func(a, b hit) int { return a.Span.Start - b.Span.Start })
		}
	}
	if !named {
		h, named = definedName(c.n, false)
	}
	var contact *notices.Contact
	for _, ct := range c.n.Contacts {
		if ct.Party != notices.Regulator && ct.Party != notices.Other && ct.Party != notices.StateInbox && ct.Kind != notices.URL {
			contact = ct
			break
		}
	}
	// A postal address outside the UK is not read as a contact; given
	// in the sentence that names the controller, it is one.
	hasAddress := contact != nil
	// The address may follow in the next sentence of the statement's
	// paragraph: "X GmbH is the controller. We are located at ...". It
	// is rare to need it, so only then is every statement read.
	if !hasAddress {
		for _, p := range c.n.ParasFor(postalPattern) {
			if legalForm.Match(p.Scan) && postalPattern.Match(p.Scan) {
				hasAddress, named = true, true
				if h.Span.Len() == 0 {
					h = hit{Span: p.Span(), Para: p, Section: p.Section}
				}
				break
			}
		}
	}
	switch {
	case named && hasAddress:
		return present(id, h, why)
	case named:
		v := missingAt(c, id, Partial, notices.Evidence{Span: h.Span}, why,
			"The notice says who the controller is but gives no email address, postal address, phone number or web form to contact it.",
			"Give the controller's contact details beside its name (UK GDPR Art 13(1)(a)).")
		v.Section = h.Section
		return v
	case contact != nil:
		return Verdict{ID: id, Status: Partial, At: contact.Span, Section: contact.Para.Section, Why: why, Severity: lint.Warning,
			Message: "The notice gives contact details but never says who the controller of the personal data is.",
			Fix:     "Name the controller by its legal name, e.g. 'Example Ltd is the controller of your personal data' (UK GDPR Art 13(1)(a))."}
	}
	return Verdict{ID: id, Status: Missing, Why: why, Severity: lint.Warning,
		Message: "The notice does not say who the controller of the personal data is or how to contact it.",
		Fix:     "Add a 'Who we are' section naming the controller by its legal name with its postal address and email address (UK GDPR Art 13(1)(a))."}
}

var Purposes = &lint.Rule{
	ID:       "purposes",
	Summary:  "The notice says what the personal data are used for",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(1)(c) and 14(1)(c) require "the purposes of the processing for
which the personal data are intended".

What counts: a section titled for it ("How we use your information", "Why we process your
data", "Purposes") over some text, or a sentence that says what data are used for ("we use
your contact details to send your order", "for the purposes of ...").

Fails: a notice that says what it collects but never why (at line 1).

Passes:
  We use your address to deliver your order and your email address to tell you it is on
  its way.

Fix: add a section saying what each kind of personal data is used for.`,
}

var LawfulBasis = &lint.Rule{
	ID:       "lawful-basis",
	Summary:  "The notice states the lawful basis of its processing",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(1)(c) and 14(1)(c) require "the legal basis for the processing".
Under the Data (Use and Access) Act 2025, "recognised legitimate interests" (Article
6(1)(ea)) is a basis of its own.

What counts: any of the Article 6(1) bases relied on in substance ("with your consent",
"to perform our contract with you", "to comply with a legal obligation", "in our
legitimate interests", "in the public interest", "to protect vital interests",
"recognised legitimate interests"), or a statement of the "lawful basis" / "legal basis".

Fails: no basis anywhere (at line 1). "We comply with UK GDPR" is not a basis, nor is
"we may share it where the law requires".

Passes:
  We process your order details because we need them to perform our contract with you.

Fix: say, for each purpose, which lawful basis you rely on.`,
}

// sharingCondition is a basis named only as the condition of a disclosure.
var sharingCondition = regexp.MustCompile(`(?i)\b(?:unless|except)\b[^.;]{0,40}\b(?:legal|law|obligation|required)|\b(?:shar|disclos|pass)\w*\b[^.;]{0,40}\bunless\b`)

// sentenceOf returns the sentence of n's para that holds sp.
func sentenceOf(n *notices.Notice, sp notices.Span) string {
	for _, p := range n.Paras() {
		ps := p.Span()
		if sp.Start < ps.Start || sp.Start >= ps.End {
			continue
		}
		for _, s := range p.Sentences() {
			if sp.Start-p.Start < s.End {
				return p.Text[s.Start:s.End]
			}
		}
	}
	return ""
}

func judgeLawfulBasis(c *content, f *notices.Facts) Verdict {
	const id = "lawful-basis"
	const why = "every notice must give the lawful basis of its processing (UK GDPR Art 13(1)(c))"
	if v, ok := always(id, f); !ok {
		return v
	}
	if h, ok := c.first(id); ok {
		if c.all {
			h = basesListed(c, f, h)
		}
		return present(id, h, why)
	}
	for _, b := range f.Bases {
		sp, sec := evidenceAt(c.n, b.Evidence)
		// "No other data will be shared unless there is a legal
		// obligation" is a condition on sharing, not a basis for the
		// processing the notice describes.
		if sp.Len() > 0 {
			if sharingCondition.MatchString(sentenceOf(c.n, sp)) {
				continue
			}
		}
		return Verdict{ID: id, Status: Present, At: sp, Section: sec, Why: why}
	}
	return Verdict{ID: id, Status: Missing, Why: why, Severity: lint.Warning,
		Message: "The notice does not say on what lawful basis it processes personal data (consent, contract, legal obligation, vital interests, public task or legitimate interests).",
		Fix:     "State the lawful basis for each purpose (UK GDPR Art 6(1), Art 13(1)(c))."}
}

// basesListed returns where the checklist shows the lawful bases: where
// the notice lists them in substance ("for the performance of our
// contract with you", "to comply with a legal obligation", "where you
// have given consent"), the innermost section that holds two of them or
// more (the one that holds the most), rather than a passing "legal basis"
// elsewhere. h stands where the
// bases are named in a section titled for them, or where a pointer sent
// the reader.
func basesListed(c *content, f *notices.Facts, h hit) hit {
	if l, _ := c.locate("lawful-basis"); l.Span != h.Span {
		return h
	}
	for _, s := range h.Section.Ancestors() {
		if table.titles["lawful-basis"].in(fold(s.Title)) {
			return h
		}
	}
	count := map[*notices.Section]int{}
	var spans []notices.Span
	for _, b := range f.Bases {
		if sp, sec := evidenceAt(c.n, b.Evidence); sp.Len() > 0 {
			spans = append(spans, sp)
			for _, s := range sec.Ancestors() {
				count[s]++
			}
		}
	}
	// Each basis's innermost section that holds another; of those, the
	// one that holds the most, the first of equals.
	var best *notices.Section
	for _, sp := range spans {
		for _, s := range c.n.SectionAt(sp.Start).Ancestors() {
			// A title over the whole notice holds every basis it
			// mentions anywhere: that is no list of them.
			if count[s] >= 2 && !wholeNotice(c.n, s) {
				if best == nil || count[s] > count[best] {
					best = s
				}
				break
			}
		}
	}
	if best == nil {
		return h
	}
	at, sec := h.Span, h.Section
	if !best.Contains(h.Section) {
		at.Start = -1
		if in, n := firstIn(c.hitsOf("lawful-basis"), best); n > 0 {
			at, sec = in.Span, in.Section
		}
	}
	for _, sp := range spans {
		if s := c.n.SectionAt(sp.Start); best.Contains(s) && (at.Start < 0 || sp.Start < at.Start) {
			at, sec = sp, s
		}
	}
	return hit{Span: at, Section: sec}
}

// wholeNotice reports whether section s holds nearly all of notice n: the
// notice's title with the body under it.
func wholeNotice(n *notices.Notice, s *notices.Section) bool {
	return s.Span.Len()*10 >= len(n.Source)*9
}

var LegitimateInterests = &lint.Rule{
	ID:       "legitimate-interests",
	Summary:  "Where it relies on legitimate interests, the notice says what they are",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(1)(d) and 14(2)(b): where processing rests on legitimate
interests, the notice must state "the legitimate interests pursued by the controller or
by a third party". Naming the basis is not stating the interest.

Applies: where the notice relies on legitimate interests (noticelint outline shows the
fact and its line; facts: bases in .noticelint.yml states it).

What counts: a sentence, list item or table row that gives the interest with the basis:
"our legitimate interests in preventing fraud", "it is in our legitimate interest to
keep our network secure", "legitimate interests, such as ...", "Legitimate interests:
improving the service", "legitimate interests (for example, to ...)", "legitimate
interests of improving ...", a later sentence that refers back to the basis ("This legal
basis is mainly related to our marketing"), a table row pairing a purpose with the basis; a line naming the
basis over a list of the interests, or set off in bold over the text that says what the
processing is for ("**The processing is necessary for our legitimate interests.**" then
"We process usage data to detect fraud ...").

Fails (at the first mention of the basis): "We may also process your data on the basis of
our legitimate interests." with no interest said anywhere.

Passes:
  We rely on our legitimate interests in keeping accounts secure to check sign-ins.

Fix: say what each legitimate interest is and which processing it covers.`,
}

// interestSaid finds the interest written with the basis: "legitimate
// interest(s) [of ...] in/to/for ...", "legitimate interests of improving
// ...", "legitimate interests that we have (for example, to ...)",
// "legitimate interests, such as",
// "legitimate interests: ...", "legitimate interests (...)", or the basis
// after a dash or colon that follows a purpose ("Fraud checks - legitimate
// interests").
var interestSaid = regexp.MustCompile(`(?i)legitimate(?: business)? interests?[^.;()]{0,60}\(\s*(?:for example|for instance|e\.g\.|such as|including|i\.e\.|namely)|legitimate(?: business)? interests? of \w+ing\b|legitimate(?: business)? interests?(?: pursued)?(?: of [^,.;:]{1,60}?)?\s*(?:(?:in|to|for|include|includes|including|are|is|being|namely|like)\s+\w+\w|[:(–—-]\s*(?:\w+\w|$)|,?\s*(?:such as|including|namely|for example|e\.g\.|i\.e\.|which (?:are|is|include)))|legitimate(?: business)? interests?[^.;]{0,80}?\bin \w+ing\b|(?:\w+\W+){3,}[:–—|-]\s*(?:our\s+)?legitimate(?: business)? interests?|in (?:our|its|their) (?:legitimate )?interests? (?:to|in)\s+\w+\w|(?:for|in relation to|in connection with)\s+[^.;]{3,80}?\b(?:is|are)\s+(?:our|the)\s+legitimate(?: business)? interest`)

func judgeLegitimateInterests(c *content, f *notices.Facts) Verdict {
	const id = "legitimate-interests"
	if v, ok := always(id, f); !ok {
		return v
	}
	li := f.LegitimateInterests
	if !li.Holds && !li.Evidence.Stated {
		// The facts read the usual names of the basis; "our legitimate
		// business interests" is the same basis.
		for _, h := range c.sentences(id) {
			if !negatedLI.MatchString(string(c.n.Source[h.Span.Start:h.Span.End])) {
				li = notices.Fact{Holds: true, Evidence: notices.Evidence{Span: h.Span}}
				break
			}
		}
	}
	if !li.Holds && !li.Evidence.Stated {
		if h, ok := c.first("legitimate-interests-substance"); ok {
			li = notices.Fact{Holds: true, Evidence: notices.Evidence{Span: h.Span}}
		}
	}
	if !li.Holds {
		return notApplicable(id, "the notice does not rely on legitimate interests")
	}
	why := factWhy(c.n, "the notice relies on legitimate interests", li.Evidence)
	// Every mention of the basis is read, the concept table's other
	// parties included: "the security of our systems and our customers,
	// or other legitimate interests of ours" states an interest.
	mentions := liMentions(c.n)
	var said *hit
	for i, h := range mentions {
		sent := c.n.Source[h.Span.Start:h.Span.End]
		inTable := h.Para.Block != nil && h.Para.Block.Kind == notices.Table && strings.Count(string(sent), "|") >= 3
		if !inTable && !interestSaid.Match(sent) {
			continue
		}
		// The checklist shows a table pairing purposes with the basis
		// where there is one: it gives the interests one by one, where a
		// sentence before it names one in passing.
		if !c.all || inTable {
			return present(id, h, why)
		}
		if said == nil {
			said = &mentions[i]
		}
	}
	if said != nil {
		return present(id, *said, why)
	}
	// A section titled for the legitimate interests, or a line naming
	// them ("**For our legitimate business interests**", "We rely on
	// legitimate interests:"), over a list: the list gives them.
	intros := map[*notices.Para]bool{}
	for _, p := range c.n.Paras() {
		if p.Block != nil && p.Block.Kind == notices.List && p.Block.Intro != nil {
			intros[p.Block.Intro] = true
		}
	}
	for _, h := range mentions {
		if intros[h.Para] {
			return present(id, h, why)
		}
		for _, s := range h.Section.Ancestors() {
			if strings.Contains(strings.ToLower(s.Title), "legitimate interest") && hasList(s) {
				return present(id, h, why)
			}
		}
		if labelOverText(c.n, h) || nextSaysInterest(h) {
			return present(id, h, why)
		}
	}
	return missingAt(c, id, Missing, li.Evidence, why,
		"The notice relies on legitimate interests but never says what those interests are.",
		"Say what each legitimate interest is and which processing it covers, e.g. 'our legitimate interest in preventing fraud' (UK GDPR Art 13(1)(d)).")
}

// labelOverText reports whether the mention of h is a line of its own
// set off in bold, with the text it heads after it in its item or
// paragraph: "2. **The processing is necessary for our legitimate
// interests.**" over "We process usage data to detect and prevent fraud
// ...". That text says what the interests are, as a list under such a line
// does. ("**Legal basis:** ... (d) our legitimate interests" names the
// basis in running text.)
func labelOverText(n *notices.Notice, h hit) bool {
	text := h.Para.Text
	at := h.Span.Start - h.Para.Start
	if at < 0 || at >= len(text) {
		return false
	}
	start := strings.LastIndexByte(text[:at], '\n') + 1
	end := strings.IndexByte(text[at:], '\n')
	if end < 0 {
		return false // no text after the line
	}
	end += at
	line := strings.TrimRight(strings.TrimSpace(text[start:end]), " \\")
	bold := false
	for _, m := range [...]string{"**", "__"} {
		bold = bold || strings.HasPrefix(line, m) && strings.HasSuffix(line, m) && strings.Count(line, m) == 2
	}
	rest := text[end:]
	return bold && liMention.Regexp().MatchString(line) && len(strings.Fields(rest)) >= 5 && purposeSaid.MatchString(rest)
}

// nextSaysInterest reports whether a sentence after h, in its paragraph,
// refers back to the basis and says what it covers: "We may use your data
// where it is of legitimate interest. ... This legal basis is primarily
// related to our sales and marketing purposes."
func nextSaysInterest(h hit) bool {
	end := h.Span.End - h.Para.Start
	if end < 0 || end > len(h.Para.Text) {
		return false
	}
	return basisCovers.MatchString(h.Para.Text[end:])
}

// basisCovers is a sentence opening by referring back to a basis and
// saying what it covers.
var basisCovers = regexp.MustCompile(`(?i)(?:^|[.!?]\s+)\W*(?:this|that|such|these)\s+(?:legal\s+|lawful\s+|legitimate\s+)?(?:basis|bases|ground|grounds|interests?)\s+(?:(?:is|are)\s+)?(?:(?:mainly|primarily|mostly|usually|generally|largely)\s+)?(?:(?:relates?|related|relating|appl(?:y|ies)) to (?:our|the|your|us)\b|covers? (?:our|the)\b|(?:include|includes)\s+\w|used for\b)`)

// purposeSaid is text that says what something is for: "to detect fraud",
// "for research", "such as analytics".
var purposeSaid = regexp.MustCompile(`(?i)\b(?:to|for|such as|including|includes)\s+\w`)

// liMention is the basis named: every sentence that names it is read for
// the interest.
var liMention = pattern.MustCompile(`(?i)\blegitimate(?:\s{1,20}business)?\s{1,20}interest`)

// liMentions are the sentences of n that name legitimate interests, and
// the section titles that do.
func liMentions(n *notices.Notice) []hit {
	var out []hit
	for _, p := range n.ParasFor(liMention) {
		// The mentions are found in the para once (near its literals),
		// and each sentence holding one is a hit.
		ms := liMention.FindAllIndex(p.Scan, -1)
		if len(ms) == 0 {
			continue
		}
		for _, s := range p.Sentences() {
			if slices.ContainsFunc(ms, func(m []int) bool { return m[0] >= s.Start && m[1] <= s.End }) {
				out = append(out, hit{Span: notices.Span{Start: p.Start + s.Start, End: p.Start + s.End}, Para: p, Section: p.Section})
			}
		}
	}
	return out
}

// negatedLI is a mention of the basis that denies relying on it.
var negatedLI = regexp.MustCompile(`(?i)\b(?:not|never|no)\b[^.;]{0,30}legitimate`)

func hasList(s *notices.Section) bool {
	for _, b := range s.Blocks {
		if b.Kind == notices.List || b.Kind == notices.Table {
			return true
		}
	}
	return false
}

var Recipients = &lint.Rule{
	ID:       "recipients",
	Summary:  "The notice says who receives the personal data, or that nobody does",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(1)(e) and 14(1)(e) require "the recipients or categories of
recipients of the personal data, if any".

What counts: a section titled for sharing or recipients ("Who we share your information
with", "Disclosures", "Third parties") over some text, or a sentence in which a sharing
verb meets a kind of recipient ("we share your details with our delivery partners",
"we pass it to HMRC", "we never sell your data to anyone").

Fails: nothing said about who else sees the data (at line 1). "We are careful about who
else sees your data" names nobody.

Passes:
  We share your booking with the venue and with our payment processor.

Fix: list the recipients, or their categories, or say that the data are not shared.`,
}

var Transfers = &lint.Rule{
	ID:       "transfers",
	Summary:  "Where personal data leave the UK or EEA, the notice names the safeguard",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(1)(f) and 14(1)(f): where data are transferred to a third
country, the notice must say so and name the safeguard (adequacy regulations, standard
contractual clauses, the IDTA or the UK Addendum, binding corporate rules, the UK
Extension to the Data Privacy Framework) and how to get a copy.

Applies: where the notice signals a transfer (hosting abroad, a named US provider,
"outside the UK"); noticelint outline shows the fact and its line; facts: transfers in
.noticelint.yml states it.

Fails (at the evidence of the transfer):
  - no mechanism named anywhere (missing);
  - only "appropriate safeguards" or "your data will be protected" with no mechanism or
    way to see it (partial);
  - only the invalidated Privacy Shield or Safe Harbor, where the notice relies on it as
    privacy-shield reads reliance (partial, at that paragraph; such reliance signals a
    transfer by itself).

Passes:
  Our email provider stores data in the US; transfers are covered by the UK Extension to
  the EU-US Data Privacy Framework.

Fix: name the transfer mechanism for each destination and say how to get a copy.`,
}

func judgeTransfers(c *content, f *notices.Facts) Verdict {
	const id = "transfers"
	if v, ok := always(id, f); !ok {
		return v
	}
	tr := f.Transfers()
	shield := shieldReliance(c.n)
	if !tr.Holds && !tr.Evidence.Found() && len(shield) > 0 {
		// Relying on a US transfer scheme ("certified under the Safe
		// Harbor framework") says the data go there.
		tr = notices.Fact{Holds: true, Evidence: notices.Evidence{Span: shield[0].span}}
	}
	if !tr.Holds {
		if tr.Evidence.Stated {
			return notApplicable(id, "the configuration states that no data leave the UK or EEA")
		}
		if tr.Evidence.Found() {
			sp, sec := evidenceAt(c.n, tr.Evidence)
			return Verdict{ID: id, Status: Present, At: sp, Section: sec, Why: "the notice says personal data do not leave the UK or EEA"}
		}
		return notApplicable(id, "the notice signals no transfer outside the UK or EEA")
	}
	why := factWhy(c.n, "the notice signals a transfer outside the UK or EEA", tr.Evidence)
	if h, ok := c.first(id); ok {
		return present(id, h, why)
	}
	if len(shield) > 0 {
		// The scheme named is no safeguard since the court struck it down:
		// the message says so rather than that none is named.
		sp := shield[0]
		v := missingAt(c, id, Partial, notices.Evidence{Span: sp.span}, why,
			"The only transfer safeguard the notice names is "+sp.name+", which is no longer valid: "+sp.why+".",
			"Name the mechanism each transfer relies on now (the UK Extension to the EU-US Data Privacy Framework, the IDTA or the UK Addendum to the standard contractual clauses) and say how to get a copy (UK GDPR Art 13(1)(f), Art 46).")
		v.Section = sp.p.Section
		return v
	}
	if h, ok := c.first("transfers-partial"); ok {
		v := missingAt(c, id, Partial, notices.Evidence{Span: h.Span}, why,
			"The notice says data leave the UK or EEA and that they are protected, but names no transfer mechanism (adequacy, standard contractual clauses, IDTA or Addendum, binding corporate rules).",
			"Name the safeguard each transfer relies on and say how to get a copy (UK GDPR Art 13(1)(f), Art 46).")
		v.Section = h.Section
		return v
	}
	return missingAt(c, id, Missing, tr.Evidence, why,
		"Personal data go outside the UK or EEA here, but the notice names no safeguard for the transfer.",
		"Say which countries the data go to and the safeguard relied on (adequacy, standard contractual clauses, IDTA or Addendum), and how to get a copy (UK GDPR Art 13(1)(f)).")
}

var Retention = &lint.Rule{
	ID:       "retention",
	Summary:  "The notice says how long personal data are kept, or how that is decided",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(2)(a) and 14(2)(a) require "the period for which the personal
data will be stored, or if that is not possible, the criteria used to determine that
period".

What counts: a section titled for it ("How long we keep your information", "Retention")
over some text, or a sentence in which keeping or deleting meets a period or criterion
("we keep your account details for six years after it closes", "deleted when you close
your account", "our retention schedule").

Fails: nothing on how long (at line 1). "We keep your data secure" is security, not
retention.

Passes:
  We keep enquiry records for two years and then delete them.

Fix: give the period for each kind of data, or the criteria that decide it.`,
}

var WithdrawConsent = &lint.Rule{
	ID:       "withdraw-consent",
	Summary:  "Where consent is relied on, the notice says it can be withdrawn at any time",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(2)(c) and 14(2)(d): where processing rests on consent, the
notice must state "the right to withdraw consent at any time".

Applies: where consent is relied on for anything, marketing and cookies included
(noticelint outline shows the fact and its line; facts: consent states it).

What counts: a sentence in which withdrawing meets consent ("you can withdraw your
consent at any time", "change your mind about your permission").

Fails (at the evidence of consent):
  - no withdrawal said (missing);
  - only an unsubscribe link or cookie switch described, with no right to withdraw
    consent stated (partial).

Passes:
  You can withdraw your consent at any time by emailing privacy@example.org.

Fix: state that consent can be withdrawn at any time, and how.`,
}

func judgeWithdrawConsent(c *content, f *notices.Facts) Verdict {
	const id = "withdraw-consent"
	if v, ok := always(id, f); !ok {
		return v
	}
	if !f.Consent.Holds {
		return notApplicable(id, "the notice does not rely on consent")
	}
	why := factWhy(c.n, "the notice relies on consent", f.Consent.Evidence)
	if h, ok := c.first(id); ok {
		return present(id, h, why)
	}
	if _, ok := c.first("withdraw-consent-partial"); ok {
		return missingAt(c, id, Partial, f.Consent.Evidence, why,
			"The notice relies on consent and describes opting out, but never states the right to withdraw consent at any time.",
			"Say that consent can be withdrawn at any time and how (UK GDPR Art 13(2)(c)).")
	}
	return missingAt(c, id, Missing, f.Consent.Evidence, why,
		"The notice relies on consent but never says that consent can be withdrawn at any time.",
		"Say that consent can be withdrawn at any time and how (UK GDPR Art 13(2)(c)).")
}

var ComplaintRight = &lint.Rule{
	ID:       "complaint-right",
	Summary:  "The notice states the right to complain to the ICO or a supervisory authority",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(2)(d) and 14(2)(e) require "the right to lodge a complaint with
a supervisory authority": in the UK, the Information Commissioner's Office.

What counts: a sentence in which complaining (or raising a concern, contacting) meets
the ICO or a supervisory authority. A Privacy Shield dispute route (JAMS, arbitration, the
DPA panel) is not it.

Fails:
  - no complaint route to a regulator (at line 1, missing);
  - the ICO named, as a link or its address, without the right (partial).

Passes:
  You have the right to complain to the Information Commissioner's Office (ico.org.uk).

Fix: state the right to complain to the ICO, with its website or helpline.`,
}

func judgeComplaintRight(c *content, f *notices.Facts) Verdict {
	const id = "complaint-right"
	const why = "every notice must state the right to complain to a supervisory authority (UK GDPR Art 13(2)(d))"
	if v, ok := always(id, f); !ok {
		return v
	}
	if h, ok := c.first(id); ok {
		return present(id, h, why)
	}
	if h, ok := c.first("complaint-right-partial"); ok {
		return Verdict{ID: id, Status: Partial, At: h.Span, Section: h.Section, Why: why, Severity: lint.Warning,
			Message: "The notice names the ICO or a supervisory authority but does not state the right to complain to it.",
			Fix:     "Say that the reader can complain to the Information Commissioner's Office and how (UK GDPR Art 13(2)(d))."}
	}
	return Verdict{ID: id, Status: Missing, Why: why, Severity: lint.Warning,
		Message: "The notice does not state the right to complain to the ICO or another supervisory authority.",
		Fix:     "Add 'You can complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113)' (UK GDPR Art 13(2)(d))."}
}

var StatutoryRequirement = &lint.Rule{
	ID:       "statutory-requirement",
	Summary:  "The notice says whether providing the data is required, and what happens if not",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(2)(e) requires "whether the provision of personal data is a
statutory or contractual requirement, or a requirement necessary to enter into a
contract, as well as whether the data subject is obliged to provide the personal data and
of the possible consequences of failure to provide such data".

What counts: a sentence saying the person must, need not, or may choose to give data
("you must give your name and address to open an account", "providing your phone number
is optional"), the consequence of not giving it ("if you do not provide it we cannot
process your application"), or required fields marked on a form. A bare "to perform our
contract" basis is not it, nor is what happens when cookies are refused.

Fails (at line 1): nothing of the kind. The finding is a warning where the notice shows
data that are needed (a contract, an account, an order, an application) and info where
it shows none.

Passes:
  You must give us your name and email address to register; without them we cannot
  create your account. Your phone number is optional.

Fix: say which data are required and why, and what happens if they are not given.`,
}

func judgeStatutoryRequirement(c *content, f *notices.Facts) Verdict {
	const id = "statutory-requirement"
	const why = "every notice must say whether providing the data is required (UK GDPR Art 13(2)(e))"
	if v, ok := always(id, f); !ok {
		return v
	}
	if h, ok := c.first(id); ok {
		return present(id, h, why)
	}
	sev := lint.Info
	if f.HasBasis(notices.ContractBasis) || f.HasBasis(notices.LegalObligationBasis) {
		sev = lint.Warning
	} else if _, ok := c.first("statutory-requirement-sign"); ok {
		sev = lint.Warning
	}
	return Verdict{ID: id, Status: Missing, Why: why, Severity: sev,
		Message: "The notice does not say whether providing personal data is a legal or contractual requirement, or what happens if it is not provided.",
		Fix:     "Say which data the person must give and why (law, contract, to use the service), which are optional, and the consequence of not giving them (UK GDPR Art 13(2)(e))."}
}

var AutomatedDecisions = &lint.Rule{
	ID:       "automated-decisions",
	Summary:  "The notice says whether automated decisions or profiling are used",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 13(2)(f) and 14(2)(g) require "the existence of automated
decision-making, including profiling" with meaningful information about the logic and
its consequences (UK GDPR Articles 22A-22D as amended by the Data (Use and Access) Act
2025; EU GDPR Article 22). A clear "we do not" satisfies it.

What counts: a statement, outside the list of rights, that automated decisions or
profiling are or are not used ("we do not make decisions about you by automated means",
"our fraud checks may automatically block an order", "decisions are made by people, not
by computers"), or a section titled for it.

Fails (at line 1):
  - nothing said (missing): a warning where the notice shows a sign of such decisions
    (profiling, scoring, fraud checks, algorithms), info where it shows none;
  - only the right not to be subject to automated decisions, in a list of rights,
    without saying whether such decisions are made (partial, at that line).

Passes:
  We do not make decisions about you based solely on automated processing.

Fix: say whether you make automated decisions or profile people; if you do, what the
logic is and what it means for them.`,
}

func judgeAutomatedDecisions(c *content, f *notices.Facts) Verdict {
	const id = "automated-decisions"
	const why = "every notice must say whether automated decisions are made (UK GDPR Art 13(2)(f))"
	if v, ok := always(id, f); !ok {
		return v
	}
	if h, ok := c.first(id); ok {
		return present(id, h, why)
	}
	sev := lint.Info
	if _, ok := c.first("automated-decisions-sign"); ok {
		sev = lint.Warning
	}
	if h, ok := c.first("automated-decisions-partial"); ok {
		return Verdict{ID: id, Status: Partial, At: h.Span, Section: h.Section, Why: why, Severity: sev,
			Message: "The notice mentions automated decision-making or profiling only as a right, without saying whether such decisions are made.",
			Fix:     "Say whether you make decisions about people by automated means or profile them, and if so the logic and consequences (UK GDPR Art 13(2)(f))."}
	}
	return Verdict{ID: id, Status: Missing, Why: why, Severity: sev,
		Message: "The notice does not say whether automated decisions or profiling are used.",
		Fix:     "Add a sentence such as 'We do not make decisions about you based solely on automated processing', or describe the decisions, their logic and consequences (UK GDPR Art 13(2)(f))."}
}

var DataCategories = &lint.Rule{
	ID:       "data-categories",
	Summary:  "Where data come from others, the notice says what kinds of data",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 14(1)(d): for data not obtained from the person, the notice
must state "the categories of personal data concerned".

Applies: where the notice describes data obtained from someone other than the person
(noticelint outline shows the fact and its line; facts: from_others states it).

What counts: a section titled for it ("What information we collect", "Categories of
data"), or a sentence in which collecting or receiving meets kinds of data ("we receive
your name, address and date of birth from your employer").

Fails (at the evidence of data from others): no kinds of data said.

Passes:
  Your school gives us your name, year group and exam results.

Fix: list the categories of personal data you obtain from others.`,
}

var DataSource = &lint.Rule{
	ID:       "data-source",
	Summary:  "Where data come from others, the notice says where from",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: UK GDPR Article 14(2)(f): for data not obtained from the person, the notice must
state "from which source the personal data originate, and if applicable, whether it came
from publicly accessible sources".

Applies: where the notice describes data obtained from someone other than the person
(noticelint outline shows the fact; facts: from_others states it).

What counts: a section titled for it ("Where we get your information", "Sources") or a
sentence naming a source ("from credit reference agencies", "provided by your employer",
"from publicly available sources"), or a list whose introduction ends on where the data
come from ("Some of this data is collected by:") and whose items name the parties ("Our
partners: website hosts and social media sites").

Fails (at the evidence of data from others): no source named.

Passes:
  We receive your exam results from the awarding body.

Fix: name the sources (or categories of sources) of the data.`,
}

// fromOthers judges an Article 14 element.
func fromOthers(id, msg, fix string) func(*content, *notices.Facts) Verdict {
	return func(c *content, f *notices.Facts) Verdict {
		if v, ok := always(id, f); !ok {
			return v
		}
		fo := f.FromOthers()
		if !fo.Holds {
			return notApplicable(id, "the notice describes no data obtained from others")
		}
		why := factWhy(c.n, "the notice describes data obtained from others", fo.Evidence)
		if h, ok := c.first(id); ok {
			// Article 14 asks for the kinds of data obtained from others:
			// the checklist shows them where the notice says where those
			// data come from ("Information we receive from third
			// parties"), not at the first list of what it collects.
			if s, ok := c.first("data-source"); ok && c.all && id == "data-categories" {
				h = s
				// A line or title led by the data ("Personal data we
				// receive from other organisations") is where their kinds
				// are shown, where the sources may be said apart
				// ("Third parties who pass information to us").
				if d, ok := c.dataLedSource(); ok {
					h = d
				}
			}
			return present(id, h, why)
		}
		if sp, ok := f.ListedSources(); ok && id == "data-source" {
			// The items of a list name the sources ("collected by:"
			// over "Our partners"): that is the statement of them.
			return present(id, hit{Span: sp, Section: c.n.SectionAt(sp.Start)}, why)
		}
		return missingAt(c, id, Missing, fo.Evidence, why, msg, fix)
	}
}

var ComplaintsProcedure = &lint.Rule{
	ID:       "complaints-procedure",
	Summary:  "The notice says how to complain to the controller itself",
	Severity: lint.Warning,
	Since:    since,
	Doc: `Why: from 19 June 2026 the Data Protection Act 2018, section 164A (inserted by the Data
(Use and Access) Act 2025), requires controllers to facilitate complaints about their use
of personal data, and the ICO expects a notice to say how to make one to the controller
before going to the ICO.

Applies: notices under UK GDPR.

What counts: a sentence in which a complaint or concern meets a way to raise it with the
controller ("if you are unhappy, contact our DPO first", "send complaints to
privacy@example.org"), or a section titled for complaints.

Fails (at line 1): only the ICO route, or no complaint route at all.

Passes:
  If you are unhappy with how we have used your data, email complaints@example.org and we
  will reply within 30 days.

Fix: say how to complain to you, and what happens next.`,
}

func judgeComplaintsProcedure(c *content, f *notices.Facts) Verdict {
	const id = "complaints-procedure"
	if f.Scope&notices.UKGDPR == 0 {
		return notApplicable(id, "the notice is not written under UK GDPR")
	}
	const why = "a UK controller must say how to complain to it (DPA 2018 s.164A, from 19 June 2026)"
	if h, ok := c.first(id); ok {
		return present(id, h, why)
	}
	return Verdict{ID: id, Status: Missing, Why: why, Severity: lint.Warning,
		Message: "The notice does not say how to complain to the organisation itself about its use of personal data.",
		Fix:     "Say how to make a complaint to you (an email address or form) and what happens next (DPA 2018 s.164A)."}
}

// elements are the content rules in the order of Articles 13 and 14.
var elements = []*element{
	{rule: ControllerIdentity, judge: judgeControllerIdentity},
	{rule: Purposes, judge: simple("purposes", "every notice must give the purposes of processing (UK GDPR Art 13(1)(c))",
		"The notice does not say what the personal data are used for.",
		"Add a section saying what each kind of personal data is used for (UK GDPR Art 13(1)(c)).")},
	{rule: LawfulBasis, judge: judgeLawfulBasis},
	{rule: LegitimateInterests, judge: judgeLegitimateInterests},
	{rule: Recipients, judge: simple("recipients", "every notice must say who receives the data (UK GDPR Art 13(1)(e))",
		"The notice does not say who receives the personal data, or that it is not shared.",
		"Add a section 'Who we share your information with' listing recipients or their categories, or say the data are not shared (UK GDPR Art 13(1)(e)).")},
	{rule: Transfers, judge: judgeTransfers},
	{rule: Retention, judge: simple("retention", "every notice must say how long data are kept (UK GDPR Art 13(2)(a))",
		"The notice does not say how long personal data are kept or the criteria that decide it.",
		"Add a section 'How long we keep your information' with the period or the criteria for each kind of data (UK GDPR Art 13(2)(a)).")},
	{rule: WithdrawConsent, judge: judgeWithdrawConsent},
	{rule: ComplaintRight, judge: judgeComplaintRight},
	{rule: StatutoryRequirement, judge: judgeStatutoryRequirement},
	{rule: AutomatedDecisions, judge: judgeAutomatedDecisions},
	{rule: DataCategories, judge: fromOthers("data-categories",
		"The notice describes personal data obtained from others but never says what kinds of data they are.",
		"List the categories of personal data obtained from others (UK GDPR Art 14(1)(d)).")},
	{rule: DataSource, judge: fromOthers("data-source",
		"The notice describes personal data obtained from others but never says where they come from.",
		"Name the sources, or categories of sources, of the data (UK GDPR Art 14(2)(f)).")},
	{rule: ComplaintsProcedure, judge: judgeComplaintsProcedure},
}

func init() {
	for _, e := range elements {
		e.rule.Check = e.check
	}
}
