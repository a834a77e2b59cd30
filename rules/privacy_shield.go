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

// PrivacyShield flags transfer clauses that still rely on a framework the
// courts have struck down.
var PrivacyShield = &lint.Rule{
	ID:       "privacy-shield",
	Summary:  "The notice does not rely on the invalidated Privacy Shield or Safe Harbor for transfers",
	Severity: lint.Error,
	Since:    "0.1.0",
	Doc: `Why: UK GDPR Article 13(1)(f) requires a notice to name the safeguard for each
transfer outside the UK. The EU-US Privacy Shield was invalidated by the Court of
Justice of the EU on 16 July 2020 (C-311/18, "Schrems II"); its predecessor Safe
Harbor on 6 October 2015 (C-362/14, "Schrems I"); and the Swiss FDPIC found the
Swiss-US Privacy Shield inadequate on 8 September 2020. A notice that still names
them as the safeguard describes transfers with no lawful basis.

Fails (one finding per paragraph, at the first mention):
  We will only transfer data to the USA that is protected by Privacy Shield.

Passes:
  We no longer rely on the EU-US Privacy Shield, which was invalidated in 2020.
  Transfers to certified US recipients rely on the UK Extension to the EU-US Data
  Privacy Framework.
A COPPA "safe harbor" programme is not a transfer mechanism and is not flagged, nor is
the name of a document ("the terms defined in this Privacy Shield Policy") or a web
address that holds the words (".../eu-us-privacy-shield").

Fix: for US recipients certified under it, rely on the UK Extension to the EU-US
Data Privacy Framework (the "UK-US data bridge", in force 12 October 2023);
otherwise use the ICO's International Data Transfer Agreement (IDTA) or the UK
Addendum to the EU standard contractual clauses.`,
	Check: checkPrivacyShield,
}

var (
	shieldMention = pattern.MustCompile(`(?i)\b(?:(swiss|switzerland)[\s\x{00A0}-]{0,5}(?:u\.?s\.?a?|united states)?[\s\x{00A0}-]{0,5})?privacy[\s\x{00A0}-]{1,5}shield\b|\bsafe[\s\x{00A0}-]{1,5}harbou?r\b`)
	safeHarbor    = regexp.MustCompile(`(?i)safe[\s\x{00A0}-]+harbou?r`)
	// Safe Harbor is only the transfer framework where the sentence is about
	// the EU, the US authorities or transfers; COPPA and HIPAA have their own.
	transferWords = regexp.MustCompile(`(?i:\b(?:European|Swiss|Switzerland|transfer\w*|Department of Commerce|United States)\b)|\b(?:EU|E\.U\.|U\.S\.|US|USA)\b`)
	otherHarbor   = regexp.MustCompile(`(?i)COPPA|children|HIPAA|de-?identif|FTC[\s-]approved|DMCA|copyright`)
	// A sentence that says the framework is gone is history, not reliance.
	shieldHistory = pattern.MustCompile(`(?i)invalidat|struck down|strike down|no longer|ceased?|Schrems|annul|not (?:rely|relying)|do(?:es)? not rely|replaced|successor|formerly|previously|declared invalid|no longer valid|Data Privacy Framework|\bDPF\b|court of justice|\bCJEU\b|\bECJ\b|\b(?:before|until|up to|prior to)\b[^.]{0,20}\b20(?:1\d|20)\b|\b(?:were|was) (?:certified|covered|relied|used)|had (?:relied|been certified)`)
	// A paragraph that disclaims reliance anywhere disclaims it throughout:
	// "X remains certified under the Privacy Shield. We do not rely on it."
	// "not currently relied upon", "does not presently rely" too.
	shieldDisclaimer = pattern.MustCompile(`(?i)do(?:es)? not (?:currently |presently )?rely|not relying|not (?:currently |presently )?(?:being )?relied (?:up)?on|no longer rel(?:y|ies)|had relied|now (?:use|utili[sz]es?|rel(?:y|ies) on)`)
	// explicitReliance: a sentence that relies on the framework in so many
	// words.
	explicitReliance = pattern.MustCompile(`(?i)\brel(?:y|ies|ying) (?:up)?on (?:the )?[^.]{0,30}\bPrivacy Shield`)
	// currentMechanism: a sentence that names another mechanism as the one
	// now used ("the current legal mechanisms for our transfers are the
	// adequacy decisions or standard contractual clauses") sets a
	// certification it also mentions aside; see disclaimsShield.
	currentMechanism = pattern.MustCompile(`(?i)\bcurrent (?:legal )?(?:transfer )?mechanisms?\b[^.]{0,80}\b(?:are|is)\b[^.]{0,40}\b(?:standard contractual clauses|adequacy decisions?|Data Privacy Framework|International Data Transfer)`)
	// relianceVerb: a short line without one is a title ("EU-US and
	// Swiss-US Privacy Shield"), not a statement of reliance.
	relianceVerb = regexp.MustCompile(`(?i)\b(?:rel(?:y|ies|ied|ying)|reliance|use[sd]?|using|transfer\w*|participa(?:te|tes|ting|tion|nt|nts)|certif\w*|compl(?:y|ies|iant|iance)|adhere\w*|protected|covered|under|commit\w*|subject(?:ing)?|pursuant|part of|members?)\b`)
)

// shieldPara is a paragraph that names the framework as a safeguard in
// use, with what its finding says.
type shieldPara struct {
	p        *notices.Para
	span     notices.Span
	name     string
	why      string
	reliance bool // it states reliance itself, rather than only supporting it
	folded   []*notices.Para
}

func checkPrivacyShield(pass *lint.Pass) {
	n := pass.Notice
	for _, sp := range shieldReliance(n) {
		fix := "For certified US recipients rely on the UK Extension to the EU-US Data Privacy Framework (in force 12 October 2023); otherwise use the ICO's International Data Transfer Agreement (IDTA) or the UK Addendum to the EU standard contractual clauses."
		if len(sp.folded) > 0 {
			var lines []string
			for _, q := range sp.folded {
				lines = append(lines, fmt.Sprint(n.Pos(q.Start).Line))
			}
			word := "paragraph"
			if len(lines) > 1 {
				word = "paragraphs"
			}
			fix += fmt.Sprintf(" Revise the %s that depend on it too (line %s).", word, strings.Join(lines, ", "))
		}
		pass.Report(sp.span, sp.p.Section, "This paragraph relies on "+sp.name+" as a transfer safeguard, but "+sp.why+".", fix)
	}
}

type shieldKey struct{}

// shieldReliance returns the paragraphs of n that rely on the framework, each
// with the paragraphs that only support it folded in, read once per notice:
// the transfers rule counts them as the only safeguard a notice may name.
func shieldReliance(n *notices.Notice) []*shieldPara {
	return n.Memo(shieldKey{}, func() any { return readShieldReliance(n) }).([]*shieldPara)
}

func readShieldReliance(n *notices.Notice) []*shieldPara {
	disclaims := map[*notices.Section]bool{} // top-level sections with a disclaimer (nil: the preamble)
	disclaimer := map[*notices.Para]bool{}
	for _, p := range n.ParasFor(shieldMention) {
		if shieldMention.Match(p.Scan) && disclaimsShield(p) {
			disclaimer[p] = true
			disclaims[topSection(p.Section)] = true
		}
	}
	prev := map[*notices.Para]*notices.Para{}
	paras := n.Paras()
	for i := 1; i < len(paras); i++ {
		prev[paras[i]] = paras[i-1]
	}
	var found []*shieldPara
	for _, p := range n.ParasFor(shieldMention) {
		if !shieldMention.Match(p.Scan) || disclaimer[p] || disclaimer[prev[p]] || shieldTitle(p.Text) {
			continue
		}
		// A disclaimer elsewhere in the section does not undo a paragraph
		// that says in so many words that transfers rely on the framework
		// ("or (ii) rely on the EU-US Privacy Shield").
		if disclaims[topSection(p.Section)] && !explicitReliance.Match(p.Scan) {
			continue
		}
		if sp := shieldUse(p); sp != nil {
			found = append(found, sp)
		}
	}
	// A paragraph that only supports the reliance (complaints, FTC
	// enforcement, certification detail) goes with the nearest paragraph
	// that states it, the one before if there is one; with none, the first
	// supporting paragraph stands for the rest.
	var reported []*shieldPara
	for i, sp := range found {
		if sp.reliance {
			reported = append(reported, sp)
			continue
		}
		var to *shieldPara
		for j := i - 1; j >= 0 && to == nil; j-- {
			if found[j].reliance {
				to = found[j]
			}
		}
		for j := i + 1; j < len(found) && to == nil; j++ {
			if found[j].reliance {
				to = found[j]
			}
		}
		if to == nil && len(reported) > 0 {
			to = reported[0]
		}
		if to == nil {
			reported = append(reported, sp)
			continue
		}
		to.folded = append(to.folded, sp.p)
	}
	return reported
}

// topSection returns the top-level section s is in: a disclaimer in clause
// 10.3 speaks for clause 10.1 too.
func topSection(s *notices.Section) *notices.Section {
	for s != nil && s.Parent != nil {
		s = s.Parent
	}
	return s
}

// disclaimsShield reports whether p says the framework is not relied on:
// "we do not rely on it", or a sentence that names it as history ("the
// Privacy Shield has been invalidated and we use alternative mechanisms").
func disclaimsShield(p *notices.Para) bool {
	if shieldDisclaimer.Match(p.Scan) {
		return true
	}
	for _, s := range mentionSentences(p) {
		sent := p.Text[s.Start:s.End]
		if shieldHistory.MatchString(sent) && !safeHarbor.MatchString(sent) {
			return true
		}
	}
	// The mechanism named as current must be another one: "the current
	// mechanisms are the Privacy Shield and standard contractual clauses"
	// still relies on it.
	for _, m := range currentMechanism.FindAllIndex(p.Scan, -1) {
		if said := p.Text[m[0]:m[1]]; !shieldMention.MatchString(said) && !safeHarbor.MatchString(said) {
			return true
		}
	}
	return false
}

// mentionSentences returns the sentences (a table's rows) of p that name a
// framework, in order: a long paragraph is split once, and only these are
// read.
func mentionSentences(p *notices.Para) []notices.Span {
	ms := shieldMention.FindAllIndex(p.Scan, -1)
	if len(ms) == 0 {
		return nil
	}
	var out []notices.Span
	k := 0
	for _, s := range p.Sentences() {
		for k < len(ms) && ms[k][0] < s.Start {
			k++
		}
		if k < len(ms) && ms[k][0] < s.End {
			out = append(out, s)
		}
	}
	return out
}

// shieldUse returns p's first mention of a framework as a safeguard in use,
// or nil. In a table each row is a sentence, so a cell naming the framework
// as a recipient's safeguard is reliance; a mention that is only a link's
// text (a footer or a menu) is not.
func shieldUse(p *notices.Para) *shieldPara {
	var use *shieldPara
	for _, s := range mentionSentences(p) {
		sent := p.Text[s.Start:s.End]
		m := frameworkMention(sent)
		if m == nil || shieldHistory.MatchString(sent) {
			continue
		}
		// A line of links (a footer, a menu, a list of past versions) names
		// pages, not a safeguard.
		if linkText(sent, m[1]) && len(strings.Fields(markdownLink.ReplaceAllString(sent, " "))) < 4 {
			continue
		}
		name := "the EU-US Privacy Shield"
		why := "the Court of Justice of the EU invalidated it on 16 July 2020 (C-311/18, \"Schrems II\")"
		switch {
		case safeHarbor.MatchString(sent[m[0]:m[1]]):
			if !transferWords.MatchString(sent) || otherHarbor.MatchString(sent) {
				continue
			}
			name = "the EU-US Safe Harbor framework"
			why = "the Court of Justice of the EU invalidated it on 6 October 2015 (C-362/14, \"Schrems I\")"
		case m[2] >= 0:
			name = "the Swiss-US Privacy Shield"
			why = "the Swiss data protection authority (FDPIC) found it inadequate on 8 September 2020"
		}
		// A list item takes its verb from the list's introduction ("we use
		// these safeguards:").
		plain := stripLinks(sent)
		relies := (relianceVerb.MatchString(plain) || p.Item != nil && p.Block.Intro != nil && introRelies.MatchString(p.Block.Intro.Text)) &&
			!supportOnly.MatchString(plain)
		if use == nil {
			start := p.Start + s.Start + m[0]
			use = &shieldPara{p: p, span: notices.Span{Start: start, End: p.Start + s.Start + m[1]}, name: name, why: why}
		}
		if relies {
			use.reliance = true
			break
		}
	}
	return use
}

// frameworkMention returns the submatch indexes of the first mention in
// sent that names the framework itself, or nil: "this Privacy Shield
// Policy" is the name of a document (a US company's certification notice),
// and the sentence that uses it ("the terms we define in this Privacy Shield
// Policy") relies on nothing.
// A mention inside a link's target or a bare address
// (".../privacy-shield") is a page's address, not a mention at all.
func frameworkMention(sent string) []int {
	addresses := append(linkTarget.FindAllStringIndex(sent, -1), address.FindAllStringIndex(sent, -1)...)
	for _, m := range shieldMention.Regexp().FindAllStringSubmatchIndex(sent, -1) {
		inAddress := slices.ContainsFunc(addresses, func(a []int) bool { return m[0] >= a[0] && m[0] < a[1] })
		if !inAddress && !documentName.MatchString(sent[m[1]:]) {
			return m
		}
	}
	return nil
}

var (
	// linkTarget is the target of a Markdown link, its title included.
	linkTarget = regexp.MustCompile(`\]\([^)]*\)`)
	// address is a bare web address, up to a quote or bracket: in
	// `<a href="https://...">Safe Harbor</a>` the link's text is a mention.
	address = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s"'<>()\[\]]+`)
)

// documentName follows a mention that names a document: "Privacy Shield
// Policy", "Privacy Shield Notice".
var documentName = regexp.MustCompile(`(?i)^[\s\x{00A0}]+(?:privacy[\s\x{00A0}]+)?(?:policy|notice|statement)\b`)

// linkText reports whether the mention ending at end in sent is the text of
// a Markdown link ("[Privacy Shield](https://...)").
func linkText(sent string, end int) bool {
	rest := sent[end:]
	k := strings.Index(rest, "](")
	return k >= 0 && !strings.ContainsAny(rest[:k], "[]\n")
}

// stripLinks drops the targets of Markdown links and bare URLs from sent,
// keeping the links' text.
func stripLinks(sent string) string {
	return bareURL.ReplaceAllString(markdownLink.ReplaceAllString(sent, "$1"), " ")
}

var (
	// A link's text may hold escaped brackets ("[Products\\[3\\]](...)").
	markdownLink = regexp.MustCompile(`\[((?:\\.|[^\]\n\\])*)\]\([^)\s]*\)`)
	bareURL      = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	introRelies  = regexp.MustCompile(`(?i)\b(?:safeguards?|mechanisms?|rel(?:y|ies|ying)|use|using|protected|transfer\w*)\b`)
	// supportOnly: a sentence about what comes with the framework rather
	// than reliance on it: its complaints and dispute resolution, the FTC's
	// enforcement, onward-transfer liability, where to read more.
	supportOnly = pattern.MustCompile(`(?i)complain\w{0,30}|disput\w{0,30}|arbitrat\w{0,30}|\bJAMS\b|\bFTC\b|Federal Trade Commission|enforcement|investigat\w{0,30}|onward transfer|\bliab\w{0,30}|conflict|shall govern|learn more|\bvisit\b|website|privacyshield\.gov|public authorit\w{0,30}|national security|recourse|\bpanel\b|resolv\w{0,30}|cooperat\w{0,30}|redress`)
)

// shieldTitle reports whether text is a title line naming the framework, such
// as "**EU-U.S. and Swiss-U.S. Privacy Shield**": short, with no verb of
// reliance and nothing after its last word but emphasis.
func shieldTitle(text string) bool {
	t := strings.Trim(text, "*_ \t")
	return len(strings.Fields(t)) <= 8 && !strings.HasSuffix(t, ".") && !strings.ContainsAny(t, ";:") && !relianceVerb.MatchString(t)
}
