package lint

import (
	"fmt"
	"strings"

	"github.com/noticelint/noticelint/notices"
)

// Severity ranks findings. The zero value is Info so that an unset severity
// never fails a build by accident.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText writes the severity's name, as JSON and SARIF expect.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name, so JSON output can be read back.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Rule is one check, documented where it is defined, in the manner of
// golang.org/x/tools/go/analysis.Analyzer.
type Rule struct {
	// ID is the rule's public name, used in output, flags and suppressions.
	ID string
	// Summary is one line: what a passing notice does.
	Summary string
	// Doc explains why (the law), what passes, what fails and how to fix.
	Doc      string
	Severity Severity
	// Since is the noticelint version that introduced the rule.
	Since string
	// Options are the settings a configuration may give the rule.
	Options []Option
	// Check reports the rule's findings. It is nil for the engine's own rules
	// (suppression checks), which the runner implements.
	Check func(*Pass)
}

// Option is one setting of a rule. A configured value must have the type of
// Default: bool, int, string or []string; a boolean option whose Default is
// Unset is true, false or left to the rule.
type Option struct {
	Name    string
	Doc     string
	Default any
}

// Unset is the default of a boolean option that has no value until a
// configuration gives it one: the rule decides for itself, from the notice's
// facts, unless told true or false (see Pass.Tristate).
type Unset struct{}

func (Unset) String() string { return "unset" }

// Pass is what a rule sees while it checks one notice.
type Pass struct {
	Notice *notices.Notice
	// Org holds the organisation's facts from the configuration; its fields
	// are empty when none are configured.
	Org      Organisation
	facts    *notices.Facts
	rule     *Rule
	severity Severity
	options  map[string]any
	findings []Finding
}

// Bool returns the rule's boolean option name: the configured value, else the
// rule's default. Asking for an option the rule does not declare is a bug in
// the rule, so it panics (and Check turns the panic into a finding).
func (p *Pass) Bool(name string) bool {
	v, _ := p.option(name).(bool)
	return v
}

// Tristate returns a boolean option whose default is Unset: set is false
// when no configuration gives it a value.
func (p *Pass) Tristate(name string) (v, set bool) {
	v, set = p.option(name).(bool)
	return v, set
}

// Facts returns the notice's facts with what the configuration states in
// place of what the text shows.
func (p *Pass) Facts() *notices.Facts {
	if p.facts == nil {
		return p.Notice.Facts
	}
	return p.facts
}

func (p *Pass) option(name string) any {
	if v, ok := p.options[name]; ok {
		return v
	}
	for _, o := range p.rule.Options {
		if o.Name == name {
			return o.Default
		}
	}
	panic(fmt.Sprintf("rule %s has no option %q", p.rule.ID, name))
}

// Report records a finding for the text at span. sec is the section it is in
// (nil for the preamble); fix may be empty.
func (p *Pass) Report(span notices.Span, sec *notices.Section, msg, fix string) {
	n := p.Notice
	start, end := n.Pos(span.Start), n.Pos(span.End)
	f := Finding{File: n.Path, Line: start.Line, Column: start.Col, EndLine: end.Line, EndColumn: end.Col,
		Rule: p.rule.ID, Severity: p.severity, Message: msg, Fix: fix}
	if sec != nil {
		f.Section = sec.Number
	}
	f.Titles = titlePath(sec)
	f.Fingerprint = fingerprint(p.rule.ID, f.Titles, string(n.Source[span.Start:span.End]))
	p.findings = append(p.findings, f)
}

// ReportAt records a finding at a severity of its own, for a rule whose
// findings are not all alike ("check this claim" beside "this is wrong"):
// at sev, or at the rule's configured severity where that is lower.
func (p *Pass) ReportAt(sev Severity, span notices.Span, sec *notices.Section, msg, fix string) {
	p.Report(span, sec, msg, fix)
	f := &p.findings[len(p.findings)-1]
	f.Severity = min(sev, p.severity)
}

// ReportNotice records a finding about the notice as a whole: it stands at
// line 1, column 1, with no section.
func (p *Pass) ReportNotice(msg, fix string) {
	p.findings = append(p.findings, Finding{File: p.Notice.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1,
		Rule: p.rule.ID, Severity: p.severity, Message: msg, Fix: fix, Fingerprint: fingerprint(p.rule.ID, "", msg)})
}

// ReportNoticeAt records a finding about the notice as a whole at a
// severity of its own, as ReportAt does for a located one.
func (p *Pass) ReportNoticeAt(sev Severity, msg, fix string) {
	p.ReportNotice(msg, fix)
	f := &p.findings[len(p.findings)-1]
	f.Severity = min(sev, p.severity)
}

// Finding is one problem found in a notice. Its JSON form is a public
// contract: keys may be added, never renamed.
type Finding struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Rule      string   `json:"rule"`
	Severity  Severity `json:"severity"`
	Section   string   `json:"section"`
	Message   string   `json:"message"`
	Fix       string   `json:"fix,omitempty"`
	// Fingerprint identifies the finding across edits: a hash of the rule,
	// the titles of the sections it is in and the text it points at, but not
	// its line or section numbers, which change when a notice is renumbered.
	// Two findings of one rule on the same words in the same section share it.
	Fingerprint string `json:"fingerprint"`
	// Titles names the section by its title path ("Your rights > Complaints"),
	// the identity the fingerprint hashes, for people reading a baseline.
	Titles string `json:"-"`
}
