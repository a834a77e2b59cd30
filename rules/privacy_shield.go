package rules

import (
	"regexp"
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
A COPPA "safe harbor" programme is not a transfer mechanism and is not flagged.

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
	shieldDisclaimer = pattern.MustCompile(`(?i)do(?:es)? not rely|not relying|no longer rel(?:y|ies)|had relied|now (?:use|utili[sz]es?|rel(?:y|ies) on)`)
	// relianceVerb: a short line without one is a title ("EU-US and
	// Swiss-US Privacy Shield"), not a statement of reliance.
	relianceVerb = regexp.MustCompile(`(?i)\b(?:rel(?:y|ies|ied|ying)|use[sd]?|using|transfer\w*|participa(?:te|tes|ting|tion|nt|nts)|certif\w*|compl(?:y|ies|iant)|adhere\w*|protected|covered|under)\b`)
)

func checkPrivacyShield(pass *lint.Pass) {
	for _, p := range pass.Notice.ParasFor(shieldMention) {
		if !shieldMention.Match(p.Scan) || shieldDisclaimer.Match(p.Scan) || shieldTitle(p.Text) {
			continue
		}
		for _, s := range notices.Sentences(p.Text) {
			sent := p.Text[s.Start:s.End]
			m := shieldMention.Regexp().FindStringSubmatchIndex(sent)
			if m == nil || shieldHistory.MatchString(sent) {
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
			start := p.Start + s.Start + m[0]
			pass.Report(notices.Span{Start: start, End: p.Start + s.Start + m[1]}, p.Section,
				"This paragraph relies on "+name+" as a transfer safeguard, but "+why+".",
				"For certified US recipients rely on the UK Extension to the EU-US Data Privacy Framework (in force 12 October 2023); otherwise use the ICO's International Data Transfer Agreement (IDTA) or the UK Addendum to the EU standard contractual clauses.")
			break // one finding per paragraph
		}
	}
}

// shieldTitle reports whether text is a title line naming the framework, such
// as "**EU-U.S. and Swiss-U.S. Privacy Shield**": short, with no verb of
// reliance and nothing after its last word but emphasis.
func shieldTitle(text string) bool {
	t := strings.Trim(text, "*_ \t")
	return len(strings.Fields(t)) <= 8 && !strings.HasSuffix(t, ".") && !strings.ContainsAny(t, ";:") && !relianceVerb.MatchString(t)
}
