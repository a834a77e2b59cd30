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

// ICORegistration checks that the notice gives the controller's ICO
// registration number and that it is well formed.
var ICORegistration = &lint.Rule{
	ID:       "ico-registration",
	Summary:  "The notice gives the controller's ICO registration (data protection fee) number, well formed",
	Severity: lint.Warning,
	Since:    "0.1.0",
	Doc: `Why: every UK controller must pay the data protection fee (Data Protection (Charges
and Information) Regulations 2018) and is then listed on the ICO's public register
under a registration number. Giving that number lets a reader check the controller
on the register; a mistyped number sends them to nobody, or to someone else.

Valid numbers are "Z" and seven digits (Z1234567, the older format) or "Z", one
letter and six digits (ZA123456, ZB123456, ZC123456).

Fails:
  - no registration number anywhere in a notice whose controller is established in
    the UK (registered in England and Wales, a company or charity number, on the
    ICO's register, a legal form such as "Ltd" beside a UK postcode, a UK public
    body). A finding on the notice as a whole, severity warning, because publishing
    the number is good practice rather than an Article 13 item. A controller
    established abroad pays no fee and is not asked for a number, even with a UK
    representative, an outsourced DPO with a UK address, or the ICO named as the
    place to complain;
  - a malformed number, e.g. "Z629086" (six digits), "Z12345678", or one given as
    the registration number in a form the register does not use: "ZA 123456",
    "Z-1234567", "z1234567", "C1234567";
  - a placeholder where the number belongs, quoted at its line: "[insert number]",
    "ZXXXXXXX", "TBC".

Passes:
  We are registered with the Information Commissioner's Office under number ZB123456.

A notice that says the controller is exempt from the fee gets an info finding to
check the claim instead of "no number".

With organisation.ico_registrations set in .noticelint.yml, it also fails:
  - a configured number the notice does not give;
  - a well-formed number that is not configured: most often a mistyped digit
    ("ZB123465" for ZB123456), which the message points out.

The option required decides whether a notice with no number fails: unset (the
default), the facts decide as above (facts: uk_established can state it); true
reports it whatever the facts say; false never reports it (a controller exempt from
the fee).

Fix: copy the number from the controller's entry on the ICO register
(https://ico.org.uk/ESDWebPages/Search).`,
	Options: []lint.Option{{Name: "required", Default: lint.Unset{},
		Doc: "report a notice that gives no registration number: true always, false never (exempt from the fee); unset, only for a controller established in the UK"}},
	Check: checkICORegistration,
}

var (
	icoCandidate = pattern.MustCompile(`\bZ[A-Z]?\d{4,9}\b`)
	icoValid     = regexp.MustCompile(`^(?:Z\d{7}|Z[A-Z]\d{6})$`)
	// icoContext: a malformed-looking code only counts as a registration
	// number where the text says it is one.
	icoContext = pattern.MustCompile(`(?i)\bICO\b|Information Commissioner|regist(?:ered|ration)|notification|data protection (?:fee|register)|ESDWebPages`)
)

func checkICORegistration(pass *lint.Pass) {
	n := pass.Notice
	found := false
	given := map[string]bool{} // configured numbers the notice gives, or mistypes
	reported := map[int]bool{} // starts of spans already reported
	var prev *notices.Para
	for _, p := range n.Paras() {
		for _, m := range icoCandidate.FindAllIndex(p.Scan, -1) {
			num := p.Text[m[0]:m[1]]
			span := notices.Span{Start: p.Start + m[0], End: p.Start + m[1]}
			near := nearest(num, pass.Org.ICORegistrations)
			if icoValid.MatchString(num) {
				found = true
				if len(pass.Org.ICORegistrations) == 0 || slices.Contains(pass.Org.ICORegistrations, num) {
					given[num] = true
					continue
				}
				msg := fmt.Sprintf("%q is not one of the organisation's ICO registration numbers (%s).", num, strings.Join(pass.Org.ICORegistrations, ", "))
				fix := "Use the organisation's number, or add this one to organisation.ico_registrations in .noticelint.yml if it is the controller's too."
				if near != "" {
					given[near] = true
					msg = fmt.Sprintf("%q differs from the organisation's ICO registration number %s in one character.", num, near)
					fix = "Replace it with " + near + "."
				}
				pass.Report(span, p.Section, msg, fix)
				continue
			}
			if !inICOContext(p, prev) && (p.Item == nil || !inICOContext(p, p.Block.Intro)) {
				continue
			}
			found = true
			reported[span.Start] = true
			reportMalformed(pass, p, span, num, near, given)
		}
		prev = p
	}
	// What the text gives where it says "registration number": a malformed
	// number ("ZA 123456", "z1234567", "C1234567") or a placeholder
	// ("[insert number]", "ZXXXXXXX", "TBC").
	var exempt *notices.Para
	var exemptAt []int
	for _, p := range n.ParasFor(icoNumberSlot) {
		for _, m := range icoNumberSlot.FindAllIndex(p.Scan, -1) {
			rest := p.Text[m[1]:min(len(p.Text), m[1]+60)]
			if k := strings.IndexAny(rest, ".\n"); k >= 0 && (k+1 >= len(rest) || rest[k] != '.' || rest[k+1] < '0' || rest[k+1] > '9') {
				rest = rest[:k]
			}
			if ph := placeholders(rest); len(ph) > 0 {
				start := p.Start + m[1] + ph[0][0]
				if !reported[start] {
					reported[start] = true
					found = true
					pass.Report(notices.Span{Start: start, End: p.Start + m[1] + ph[0][1]}, p.Section,
						fmt.Sprintf("The ICO registration number is a placeholder, %q, where the controller's number belongs.", rest[ph[0][0]:ph[0][1]]),
						"Put the controller's number from the ICO register (https://ico.org.uk/ESDWebPages/Search) in its place; valid forms are Z1234567 and ZA123456.")
				}
				continue
			}
			if t := malformedNumber.FindStringSubmatchIndex(rest); t != nil {
				num := rest[t[2]:t[3]]
				start := p.Start + m[1] + t[2]
				if icoValid.MatchString(num) || reported[start] {
					continue
				}
				reported[start] = true
				found = true
				reportMalformed(pass, p, notices.Span{Start: start, End: start + len(num)}, num, nearest(strings.ToUpper(squeeze(num)), pass.Org.ICORegistrations), given)
			}
		}
	}
	for _, p := range n.ParasFor(feeExempt) {
		if found {
			break // a claim of exemption matters only where no number is given
		}
		if m := feeExempt.FindIndex(p.Scan); m != nil {
			exempt, exemptAt = p, m
			break
		}
	}
	var missing []string
	for _, num := range pass.Org.ICORegistrations {
		if !given[num] {
			missing = append(missing, num)
		}
	}
	// Unset, the option leaves it to the facts: a missing number is a
	// finding for a controller established in the UK (the fee, and so the
	// number, is for controllers established here, not for those with only
	// a UK representative) or one whose numbers are configured.
	required, set := pass.Tristate("required")
	if !set {
		required = len(pass.Org.ICORegistrations) > 0 || pass.Facts().UKEstablished.Holds
	}
	if exempt != nil && !found && !set {
		pass.ReportAt(lint.Info, notices.Span{Start: exempt.Start + exemptAt[0], End: exempt.Start + exemptAt[1]}, exempt.Section,
			"The notice says the controller is exempt from the data protection fee, so gives no ICO registration number; check that the exemption applies.",
			"Check the claim with the ICO's fee self-assessment (https://ico.org.uk/for-organisations/data-protection-fee/self-assessment/); if it does not apply, pay the fee and give the number. Set ico-registration's option required: false to record that it does.")
		required = false
	}
	switch {
	case !found && required && len(missing) > 0:
		pass.ReportNotice(fmt.Sprintf("The notice gives no ICO registration number; the organisation's is %s.", strings.Join(missing, " and ")),
			fmt.Sprintf("State it, e.g. \"We are registered with the Information Commissioner's Office under number %s.\"", missing[0]))
	case !found && required:
		pass.ReportNotice("The notice gives no ICO registration number for the controller.",
			"State the controller's ICO registration (data protection fee) number, e.g. \"We are registered with the Information Commissioner's Office under number ZB123456.\"")
	case found && len(missing) > 0:
		pass.ReportNotice(fmt.Sprintf("The notice does not give the organisation's ICO registration number %s.", strings.Join(missing, " or ")),
			"Add it where the notice names the controller, or remove it from organisation.ico_registrations in .noticelint.yml if it no longer applies.")
	}
}

func reportMalformed(pass *lint.Pass, p *notices.Para, span notices.Span, num, near string, given map[string]bool) {
	fix := "Copy the number from the controller's entry on the ICO register (https://ico.org.uk/ESDWebPages/Search); valid forms are Z1234567 and ZA123456."
	if near != "" {
		given[near] = true
		fix = "Replace it with the organisation's number, " + near + "."
	}
	pass.Report(span, p.Section, fmt.Sprintf("%q is not a valid ICO registration number: %s.", num, icoProblem(num)), fix)
}

var (
	// icoNumberSlot: where the text says what follows is the ICO
	// registration number.
	icoNumberSlot = pattern.MustCompile(`(?i)\b(?:ICO|Information Commissioner'?s?(?: Office)?|data protection)\s{0,3}(?:\(ICO\)\s{0,3})?(?:registration|reg\.?|notification|fee|register)\s{0,3}(?:number|no\.?|ref(?:erence)?(?: number)?)\s{0,3}(?:is|:|-|–)?|\bregistered (?:with|on) the (?:ICO|Information Commissioner'?s? Office|data protection register)(?: as a (?:data )?controller)?,? (?:under|with) (?:the )?(?:registration )?(?:number|no\.?|reference)\s{0,3}:?|\b(?:ICO|Information Commissioner'?s? Office) (?:under|with) (?:the )?(?:registration )?(?:number|no\.?)\s{0,3}:?`)
	// malformedNumber: a code where the number belongs that could be a
	// mistyped one: a letter or two and digits, perhaps spaced or hyphenated.
	malformedNumber = regexp.MustCompile(`^\s{0,3}[:#]?\s{0,3}\b([A-Za-z]{1,2}[ -]?\d{5,8}|\d{7,8})\b`)
	// feeExempt: the notice claims exemption from the data protection fee.
	feeExempt = pattern.MustCompile(`(?i)\bexempt\w{0,8}\b[^.]{0,60}\b(?:data protection )?(?:fee|registration|register)\b|\b(?:fee|registration)\b[^.]{0,40}\bexempt|\bnot (?:required|obliged|needed) to (?:pay|register)\b[^.]{0,60}\b(?:ICO|Information Commissioner|fee)`)
)

// squeeze drops the spaces and hyphens a number was written with.
func squeeze(s string) string { return strings.NewReplacer(" ", "", "-", "").Replace(s) }

// nearest returns the configured number that num mistypes: one character
// changed, added or dropped, or two neighbours swapped.
func nearest(num string, configured []string) string {
	for _, c := range configured {
		if c != num && lint.OneEdit(num, c) {
			return c
		}
	}
	return ""
}

func inICOContext(p, prev *notices.Para) bool {
	if icoContext.Match(p.Scan) || (prev != nil && icoContext.Match(prev.Scan)) {
		return true
	}
	return p.Section != nil && icoContext.Match(p.Section.TitleScan)
}

func icoProblem(num string) string {
	switch {
	case strings.ContainsAny(num, " -"):
		return fmt.Sprintf("the register writes it without spaces or hyphens, as %s", strings.ToUpper(squeeze(num)))
	case num[0] == 'z':
		return "it starts with a lower-case \"z\" where the register uses a capital Z"
	case num[0] < 'A' || num[0] > 'Z':
		return fmt.Sprintf("it has %d digits and no \"Z\"; the register's numbers start with Z", len(num))
	case num[0] != 'Z':
		return fmt.Sprintf("it starts with %q where the register's numbers start with Z", num[:1])
	}
	digits := len(num) - 1
	letter := num[1] < '0' || num[1] > '9'
	if letter {
		digits--
		return fmt.Sprintf("after \"Z%c\" it has %d digits where the register uses 6", num[1], digits)
	}
	return fmt.Sprintf("after \"Z\" it has %d digits where the register uses 7 (or a letter and 6)", digits)
}
