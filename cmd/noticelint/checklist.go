package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/lint/sanitize"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// The checklist is the ICO's "right to be informed" checklist for one
// notice: every Art 13/14 element with the DPO contact and the rights list,
// each present, missing, partial or not applicable, with where and why. Its
// JSON is read by scripts and CI, so it holds no timestamps: two runs on the
// same notice print the same bytes.

// checklistItem is one element of the checklist. Keys may be added, never
// renamed.
type checklistItem struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
	// Line is where the element is stated, or where the finding about it
	// stands (1 for the notice as a whole); 0 when not applicable.
	Line         int    `json:"line"`
	Section      string `json:"section"`
	SectionTitle string `json:"section_title,omitempty"`
	Why          string `json:"why"`
	Message      string `json:"message,omitempty"`
	Fix          string `json:"fix,omitempty"`
	Severity     string `json:"severity,omitempty"`
	// Suppressed says a missing or partial element was signed off: by an
	// inline suppression (with its reason and line) or by the configuration
	// turning the rule off.
	Suppressed *checklistSuppression `json:"suppressed,omitempty"`
}

type checklistSuppression struct {
	Reason string `json:"reason"`
	Line   int    `json:"line,omitempty"`
}

type checklist struct {
	File     string          `json:"file"`
	Scope    string          `json:"scope"`
	Elements []checklistItem `json:"elements"`
}

// checklistTitles name the elements for people, with the article.
var checklistTitles = map[string]string{
	"controller-identity":   "Controller's identity and contact details (Art 13(1)(a))",
	"dpo-contact":           "Data Protection Officer's contact details (Art 13(1)(b))",
	"purposes":              "Purposes of the processing (Art 13(1)(c))",
	"lawful-basis":          "Lawful basis (Art 13(1)(c))",
	"legitimate-interests":  "Legitimate interests pursued (Art 13(1)(d))",
	"recipients":            "Recipients or categories of recipients (Art 13(1)(e))",
	"transfers":             "Transfers abroad and their safeguards (Art 13(1)(f))",
	"retention":             "Retention period or criteria (Art 13(2)(a))",
	"rights-list":           "The data subject's rights (Art 13(2)(b))",
	"withdraw-consent":      "Right to withdraw consent (Art 13(2)(c))",
	"complaint-right":       "Right to complain to the ICO (Art 13(2)(d))",
	"statutory-requirement": "Whether providing data is required (Art 13(2)(e))",
	"automated-decisions":   "Automated decisions and profiling (Art 13(2)(f))",
	"data-categories":       "Categories of data obtained from others (Art 14(1)(d))",
	"data-source":           "Source of data obtained from others (Art 14(2)(f))",
	"complaints-procedure":  "How to complain to the controller (DPA 2018 s.164A)",
}

var checklistFormats = []string{"text", "markdown", "json"}

func newChecklistCmd() *cobra.Command {
	var format string
	var rf runFlags
	cmd := &cobra.Command{
		Use:   "checklist FILE",
		Short: "Print the UK GDPR Art 13/14 checklist for one notice: each element present, missing, partial or not applicable",
		Long: `Print the ICO's "right to be informed" checklist for one notice: every element of UK
GDPR Articles 13 and 14, with the DPO contact and the rights list, each present, missing,
partial or na (not applicable), with its line, its section and why it applies. A missing
element that an inline suppression or the configuration signs off is shown with the
reason. The output holds no timestamps, so CI can diff it.

Exit codes: 0 when nothing is missing or partial (signed-off items aside), 1 when an
element is missing or partial, 2 on an input or configuration error.`,
		Example: `  noticelint checklist notices/privacy.md
  noticelint checklist --format markdown notices/privacy.md > checklist.md
  noticelint checklist --format json notices/privacy.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !contains(checklistFormats, format) {
				return usageErr("--format: unknown format %q (want %s)", format, strings.Join(checklistFormats, ", "))
			}
			n, err := parseOne(args[0], cmd.InOrStdin(), rf.maxSize)
			if err != nil {
				return err
			}
			f, err := config.NewResolver(rules.All(), rf.config, rf.noConfig).For(args[0])
			if err != nil {
				return configFailure(cmd.ErrOrStderr(), err)
			}
			cl := buildChecklist(n, f.Settings(args[0]))
			var buf bytes.Buffer
			switch format {
			case "json":
				enc := json.NewEncoder(&buf)
				enc.SetIndent("", "  ")
				err = enc.Encode(cl)
			case "markdown":
				err = writeChecklistMarkdown(&buf, cl)
			default:
				err = writeChecklistText(&buf, cl)
			}
			if err != nil {
				return err
			}
			// The notice's words are printed: strip the terminal's
			// control sequences from them.
			w := sanitize.NewWriter(cmd.OutOrStdout())
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
			if cl.failing() {
				return &exitError{code: 1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(checklistFormats, ", "))
	cmd.Flags().Int64Var(&rf.maxSize, "max-size", lint.DefaultMaxSize, "largest notice to read, in bytes")
	cmd.Flags().StringVar(&rf.config, "config", "", "use this configuration file instead of discovering .noticelint.yml")
	cmd.Flags().BoolVar(&rf.noConfig, "no-config", false, "ignore configuration files: every rule at its default, no stated facts")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions(checklistFormats...))
	_ = cmd.MarkFlagFilename("config", "yml", "yaml")
	return cmd
}

// failing reports whether an element is missing or partial and not signed
// off.
func (cl *checklist) failing() bool {
	for _, e := range cl.Elements {
		if (e.Status == "missing" || e.Status == "partial") && e.Suppressed == nil {
			return true
		}
	}
	return false
}

// buildChecklist judges every element of n under settings s (nil for the
// defaults). The verdicts are the content rules'; the DPO contact and the
// rights list are read from their rules' findings.
func buildChecklist(n *notices.Notice, s *lint.Settings) *checklist {
	var stated *notices.Stated
	if s != nil {
		stated = &s.Facts
	}
	facts := n.Facts.With(stated)
	kept, suppressed := lint.CheckSuppressed(n, s, lint.Options{Rules: rules.All(), Known: rules.All()})
	findings := map[string][]lint.Finding{}
	for _, f := range kept {
		findings[f.Rule] = append(findings[f.Rule], f)
	}
	signed := map[string]lint.Suppressed{}
	for _, sp := range suppressed {
		if _, ok := signed[sp.Finding.Rule]; !ok {
			signed[sp.Finding.Rule] = sp
		}
	}
	cl := &checklist{File: n.Path, Scope: facts.Scope.String(), Elements: []checklistItem{}}
	add := func(it checklistItem) {
		it.Title = checklistTitles[it.ID]
		if it.Status == "missing" || it.Status == "partial" {
			if fs := findings[it.ID]; len(fs) > 0 {
				it.Line, it.Section, it.Message, it.Fix, it.Severity = fs[0].Line, fs[0].Section, fs[0].Message, fs[0].Fix, fs[0].Severity.String()
			} else if sp, ok := signed[it.ID]; ok {
				it.Suppressed = &checklistSuppression{Reason: sp.Reason, Line: sp.Line}
				if it.Suppressed.Reason == "" {
					it.Suppressed.Reason = "suppressed inline, no reason given"
				}
			} else if s != nil && s.Rules[it.ID].Off {
				it.Suppressed = &checklistSuppression{Reason: "the rule is turned off in the configuration"}
			}
		}
		cl.Elements = append(cl.Elements, it)
	}
	verdicts := rules.Checklist(n, facts)
	for i, v := range verdicts {
		add(verdictItem(n, v))
		if v.ID == "controller-identity" {
			add(dpoItem(n, facts, findings["dpo-contact"], signed))
		}
		if v.ID == "retention" && i+1 < len(verdicts) {
			add(rightsItem(n, facts, findings["rights-list"], signed))
		}
	}
	return cl
}

func verdictItem(n *notices.Notice, v rules.Verdict) checklistItem {
	it := checklistItem{ID: v.ID, Status: v.Status.String(), Why: v.Why, Message: v.Message, Fix: v.Fix}
	if v.Status == rules.Missing || v.Status == rules.Partial {
		it.Severity = v.Severity.String()
	}
	if v.Status != rules.NotApplicable {
		it.Line = 1
		if v.At.End > v.At.Start || v.At.Start > 0 {
			it.Line = n.Pos(v.At.Start).Line
		}
	}
	if v.Section != nil {
		it.Section, it.SectionTitle = v.Section.Number, v.Section.Title
	}
	return it
}

// dpoItem reads the DPO's item from the facts and the dpo-contact rule's
// findings: a DPO named with a working contact is present, a finding makes
// it partial (named, contact broken) or missing (required, not named).
func dpoItem(n *notices.Notice, f *notices.Facts, fs []lint.Finding, signed map[string]lint.Suppressed) checklistItem {
	it := checklistItem{ID: "dpo-contact", Why: "a notice must give its DPO's contact details where it has one (UK GDPR Art 13(1)(b))"}
	_, wasSigned := signed["dpo-contact"]
	switch {
	case !f.Scope.GDPR():
		it.Status, it.Why = "na", "the notice is not written under UK or EU GDPR"
	case f.Supplement.Holds:
		it.Status, it.Why = "na", "the notice is a cookie policy that sends the reader to the privacy notice, which lists the rights"
	case len(fs) > 0 || wasSigned:
		it.Status = "partial"
		if len(f.DPO.Mentions) == 0 {
			it.Status = "missing"
		}
	case len(f.DPO.Mentions) > 0:
		m := f.DPO.Mentions[0]
		it.Status, it.Line = "present", n.Pos(m.Span.Start).Line
		if m.Para.Section != nil {
			it.Section, it.SectionTitle = m.Para.Section.Number, m.Para.Section.Title
		}
	case f.DPO.Status == notices.DPONotAppointed:
		it.Status, it.Why = "na", "the notice says no Data Protection Officer is appointed"
	default:
		it.Status, it.Why = "na", "the notice names no DPO and none is required (not a public authority)"
	}
	return it
}

// rightsItem reads the rights list's item from the rights-list rule's
// findings.
func rightsItem(n *notices.Notice, f *notices.Facts, fs []lint.Finding, signed map[string]lint.Suppressed) checklistItem {
	it := checklistItem{ID: "rights-list", Why: "every notice must list the data subject's rights (UK GDPR Art 13(2)(b))"}
	_, wasSigned := signed["rights-list"]
	switch {
	case !f.Scope.GDPR():
		it.Status, it.Why = "na", "the notice is not written under UK or EU GDPR"
	case f.Supplement.Holds:
		it.Status, it.Why = "na", "the notice is a cookie policy that sends the reader to the privacy notice, which lists the rights"
	case len(fs) > 0 || wasSigned:
		it.Status = "partial"
	default:
		it.Status = "present"
		n.Walk(func(s *notices.Section) {
			if it.Line == 0 && strings.Contains(strings.ToLower(s.Title), "right") {
				it.Line, it.Section, it.SectionTitle = n.Pos(s.TitleSpan.Start).Line, s.Number, s.Title
			}
		})
	}
	return it
}

func (it checklistItem) where() string {
	switch {
	case it.Line == 0:
		return ""
	case it.Section != "" && it.SectionTitle != "":
		return fmt.Sprintf("line %d, section %s ('%s')", it.Line, it.Section, it.SectionTitle)
	case it.Section != "":
		return fmt.Sprintf("line %d, section %s", it.Line, it.Section)
	case it.SectionTitle != "":
		return fmt.Sprintf("line %d, section '%s'", it.Line, it.SectionTitle)
	}
	return fmt.Sprintf("line %d", it.Line)
}

func writeChecklistText(w io.Writer, cl *checklist) error {
	if _, err := fmt.Fprintf(w, "%s: UK GDPR Art 13/14 checklist (%s)\n\n", cl.File, cl.Scope); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	counts := map[string]int{}
	for _, e := range cl.Elements {
		counts[e.Status]++
		status := e.Status
		if e.Suppressed != nil {
			status += " (signed off)"
		}
		if _, err := fmt.Fprintf(tw, "%s\t%s\t%s\n", status, e.ID, e.where()); err != nil {
			return err
		}
		note := e.Message
		if note == "" && e.Status == "na" {
			note = e.Why
		}
		if note != "" {
			if _, err := fmt.Fprintf(tw, "\t\t%s\n", note); err != nil {
				return err
			}
		}
		if e.Suppressed != nil {
			if _, err := fmt.Fprintf(tw, "\t\tsigned off: %s\n", e.Suppressed.Reason); err != nil {
				return err
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d present, %d partial, %d missing, %d not applicable\n",
		counts["present"], counts["partial"], counts["missing"], counts["na"])
	return err
}

func writeChecklistMarkdown(w io.Writer, cl *checklist) error {
	if _, err := fmt.Fprintf(w, "# Privacy notice checklist: %s\n\nUK GDPR Articles 13 and 14 (%s).\n\n| Element | Status | Where | Notes |\n|---|---|---|---|\n",
		mdCell(cl.File), mdCell(cl.Scope)); err != nil {
		return err
	}
	for _, e := range cl.Elements {
		note := e.Message
		if e.Status == "na" || note == "" {
			note = e.Why
		}
		if e.Suppressed != nil {
			note += " Signed off: " + e.Suppressed.Reason
		}
		if _, err := fmt.Fprintf(w, "| %s | %s | %s | %s |\n", mdCell(e.Title), e.Status, mdCell(e.where()), mdCell(note)); err != nil {
			return err
		}
	}
	return nil
}

// mdCell keeps a table cell on one line and its pipes literal.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// selectedRule reports whether the rule id is among rs.
func selectedRule(rs []*lint.Rule, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}
