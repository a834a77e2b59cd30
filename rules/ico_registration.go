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
  - no registration number anywhere in a notice that places its controller in the
    UK (registered in England and Wales, a company or charity number, on the ICO's
    register, or a legal form such as "Ltd" beside a UK postcode). A finding on the
    notice as a whole, severity warning, because publishing the number is good
    practice rather than an Article 13 item. A controller established abroad with
    only a UK representative pays no fee and is not asked for a number;
  - a malformed number, e.g. "Z629086" (six digits) or "Z12345678".

Passes:
  We are registered with the Information Commissioner's Office under number ZB123456.

With organisation.ico_registrations set in .noticelint.yml, it also fails:
  - a configured number the notice does not give;
  - a well-formed number that is not configured: most often a mistyped digit
    ("ZB123465" for ZB123456), which the message points out.

Fix: copy the number from the controller's entry on the ICO register
(https://ico.org.uk/ESDWebPages/Search).`,
	Options: []lint.Option{{Name: "required", Default: true,
		Doc: "report a notice that gives no registration number at all (turn off for controllers exempt from the fee)"}},
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
			fix := "Copy the number from the controller's entry on the ICO register (https://ico.org.uk/ESDWebPages/Search); valid forms are Z1234567 and ZA123456."
			if near != "" {
				given[near] = true
				fix = "Replace it with the organisation's number, " + near + "."
			}
			pass.Report(span, p.Section, fmt.Sprintf("%q is not a valid ICO registration number: %s.", num, icoProblem(num)), fix)
		}
		prev = p
	}
	var missing []string
	for _, num := range pass.Org.ICORegistrations {
		if !given[num] {
			missing = append(missing, num)
		}
	}
	// Without configured facts, a missing number is only a finding for an
	// organisation the notice places in the UK: the fee, and so the number,
	// is for controllers established here, not for those with only a UK
	// representative.
	required := pass.Bool("required") && (len(pass.Org.ICORegistrations) > 0 || ukEstablished(n))
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
	digits := len(num) - 1
	letter := num[1] < '0' || num[1] > '9'
	if letter {
		digits--
		return fmt.Sprintf("after \"Z%c\" it has %d digits where the register uses 6", num[1], digits)
	}
	return fmt.Sprintf("after \"Z\" it has %d digits where the register uses 7 (or a letter and 6)", digits)
}
