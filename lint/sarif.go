package lint

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// InformationURI is where a SARIF viewer sends a reader who wants to know more
// about noticelint and its rules.
const InformationURI = "https://github.com/noticelint/noticelint"

// WriteSARIF prints the result as a SARIF 2.1.0 log, the format GitHub code
// scanning reads. Every rule is described in the tool driver, so a viewer can
// show its documentation beside each result; file errors become tool
// execution notifications, so a file that could not be read is not silently
// missing from the log.
func WriteSARIF(w io.Writer, res Result, rules []*Rule, toolVersion string) error {
	run := sarif.NewRun()
	driver := sarif.NewToolComponent().WithName("noticelint").WithVersion(toolVersion).
		WithSemanticVersion(strings.TrimPrefix(toolVersion, "v")).WithInformationURI(InformationURI)
	run.WithTool(sarif.NewTool().WithDriver(driver))
	run.WithColumnKind("unicodeCodePoints") // Finding columns count code points, not UTF-16 units
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
		doc := strings.TrimSpace(r.Doc)
		why, _, _ := strings.Cut(doc, "\n\n")
		driver.Rules = append(driver.Rules, sarif.NewRule(r.ID).
			WithName(ruleName(r.ID)).
			WithDescription(r.Summary).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(strings.Join(strings.Fields(strings.TrimPrefix(why, "Why: ")), " "))).
			WithHelp(sarif.NewMultiformatMessageString().WithText(doc).WithMarkdown("```text\n"+doc+"\n```")).
			WithHelpURI(InformationURI+"#rules").
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity))).
			WithProperties(sarif.NewPropertyBag().WithTags([]string{"privacy-notice", "compliance"})))
	}
	seen := map[string]int{}
	for _, f := range res.Findings {
		i, ok := index[f.Rule]
		if !ok {
			return fmt.Errorf("finding of unknown rule %q", f.Rule)
		}
		text := f.Message
		if f.Fix != "" {
			text += " Fix: " + f.Fix
		}
		// GitHub matches alerts across commits by partial fingerprint; the
		// ordinal keeps two identical findings in one section apart.
		key := f.File + "\x00" + f.Fingerprint
		seen[key]++
		result := sarif.NewRuleResult(f.Rule).WithRuleIndex(i).WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(text)).
			AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
				WithArtifactLocation(artifact(f.File)).
				WithRegion(sarif.NewRegion().WithStartLine(f.Line).WithStartColumn(f.Column).
					WithEndLine(f.EndLine).WithEndColumn(f.EndColumn)))).
			WithPartialFingerprints(map[string]string{"noticelintFingerprint/v1": fmt.Sprintf("%s:%d", f.Fingerprint, seen[key])})
		if f.Section != "" {
			result.WithProperties(sarif.NewPropertyBag().Add("section", f.Section))
		}
		run.AddResult(result)
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(res.Errors) == 0)
	for _, e := range res.Errors {
		loc := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(e.File))
		if e.Line > 0 {
			region := sarif.NewRegion().WithStartLine(e.Line)
			if e.Column > 0 {
				region.WithStartColumn(e.Column)
			}
			loc.WithRegion(region)
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarif.NewNotification().
			WithLevel("error").WithMessage(sarif.NewTextMessage(e.Message)).
			WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(loc)}))
	}
	run.AddInvocation(inv)
	report := sarif.NewReport()
	report.AddRun(run)
	if err := report.PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// artifact locates a file: relative paths against the checkout root
// (%SRCROOT%), which is how code scanning maps results onto the repository.
func artifact(path string) *sarif.ArtifactLocation {
	if filepath.IsAbs(path) {
		return sarif.NewSimpleArtifactLocation((&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String())
	}
	rel := (&url.URL{Path: filepath.ToSlash(filepath.Clean(path))}).String()
	return sarif.NewSimpleArtifactLocation(rel).WithURIBaseID("%SRCROOT%")
}

func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// ruleName turns "dpo-contact" into "DpoContact", SARIF's convention for a
// rule's name beside its ID.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
