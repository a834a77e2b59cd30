package lint

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/noticelint/noticelint/notices"
)

// The engine's own rules check the suppressions. They are rules like any other
// (listed, explained, configurable, in SARIF), but the runner implements them.
var (
	UnusedSuppression = &Rule{
		ID:       "unused-suppression",
		Summary:  "Every inline suppression suppresses a finding",
		Severity: Warning,
		Since:    "0.2.0",
		Doc: `Why: a noticelint-disable comment that no longer suppresses anything tells readers
a known gap exists after it has been fixed, and silently hides the next real finding of
that rule in the same place. Reporting it makes the comment go once the notice is fixed,
as golangci-lint's nolintlint does for //nolint.

Fails:
  <!-- noticelint-disable-next-line privacy-shield -- legal sign-off 2025-03 -->
  We transfer data to the US under the UK International Data Transfer Agreement.

Passes: the same comment above a line that does rely on the Privacy Shield. A
suppression naming a rule that is turned off for the file is not reported: whether it
would be used cannot be known.

Fix: delete the comment, or the rule ID that no longer applies from it.`,
	}
	InvalidSuppression = &Rule{
		ID:       "invalid-suppression",
		Summary:  "Inline suppressions name real rules, and give a reason where one is required",
		Severity: Error,
		Since:    "0.2.0",
		Doc: `Why: a suppression naming a rule that does not exist suppresses nothing, usually
because of a typo, while its author believes the finding is dealt with. Vale and
markdownlint stay silent about this; noticelint does not. When the configuration sets
require_reason: true, a suppression without a reason is reported too: a DPO's sign-off
on a known gap needs an audit trail.

The forms:
  <!-- noticelint-disable RULE[,RULE] -- reason -->  ...  <!-- noticelint-enable RULE -->
  <!-- noticelint-disable-next-line RULE -- reason -->
  <!-- noticelint-disable-line RULE -- reason -->   (on the line it covers)
  <!-- noticelint-disable-file RULE -- reason -->
With no RULE a directive covers every rule. The suppression checks themselves cannot be
suppressed inline; turn them off in the configuration.

Fails:
  <!-- noticelint-disable-next-line privacy_shield -->
  <!-- noticelint-disabel privacy-shield -->
  <!-- noticelint-enable cross-reference -->   (with no disable before it)

Passes:
  <!-- noticelint-disable-next-line privacy-shield -- archived 2019 notice, kept as published -->

Fix: correct the rule ID (the message suggests the closest), or add "-- reason".`,
	}
)

// engineRules are checked by the runner, not by their own Check.
func isEngineRule(id string) bool {
	return id == UnusedSuppression.ID || id == InvalidSuppression.ID
}

// suppression is one rule silenced over a range of lines by one directive.
type suppression struct {
	rule     string // "" for every rule
	from, to int    // lines, inclusive
	dir      *directive
	used     bool
}

type directive struct {
	verb   string
	rules  []string
	reason string
	span   notices.Span
	line   int // where the comment starts
	end    int // where it ends
}

const directivePrefix = "noticelint-"

var verbs = []string{"disable", "enable", "disable-next-line", "disable-line", "disable-file"}

// parseDirective reads a comment's text. ok is false for comments that are not
// noticelint's; err describes a comment that is, but is malformed.
func parseDirective(text string) (d directive, ok bool, err error) {
	if !strings.HasPrefix(text, directivePrefix) {
		return d, false, nil
	}
	body, reason, _ := strings.Cut(text, "--")
	d.reason = strings.TrimSpace(reason)
	fields := strings.Fields(body)
	d.verb = strings.TrimPrefix(fields[0], directivePrefix)
	known := false
	for _, v := range verbs {
		known = known || v == d.verb
	}
	if !known {
		full := make([]string, len(verbs))
		for i, v := range verbs {
			full[i] = directivePrefix + v
		}
		return d, true, fmt.Errorf("unknown directive %q%s", fields[0], DidYouMean(fields[0], full))
	}
	for _, f := range fields[1:] {
		for _, id := range strings.Split(f, ",") {
			if id != "" {
				d.rules = append(d.rules, id)
			}
		}
	}
	return d, true, nil
}

// suppressor applies a notice's directives to its findings.
type suppressor struct {
	n       *notices.Notice
	list    []*suppression
	invalid []Finding
}

func newSuppressor(n *notices.Notice, s *Settings, known map[string]bool, knownIDs []string, severity Severity) *suppressor {
	sp := &suppressor{n: n}
	report := func(d *directive, msg, fix string) {
		sp.invalid = append(sp.invalid, sp.finding(d, InvalidSuppression.ID, severity, msg, fix))
	}
	open := map[string]*suppression{}
	for _, c := range n.Comments {
		d, ok, err := parseDirective(c.Text)
		if !ok {
			continue
		}
		d.span = c.Span
		d.line, d.end = n.Pos(c.Span.Start).Line, n.Pos(c.Span.End).Line
		if err != nil {
			report(&d, err.Error()+".", "Use one of noticelint-disable, -enable, -disable-next-line, -disable-line or -disable-file.")
			continue
		}
		var rules []string
		for _, id := range d.rules {
			switch {
			case isEngineRule(id):
				report(&d, fmt.Sprintf("%s cannot be suppressed inline.", id),
					"Turn it off in .noticelint.yml instead ("+id+": off).")
			case !known[id]:
				report(&d, fmt.Sprintf("%q is not a noticelint rule%s.", id, DidYouMean(id, knownIDs)),
					"Run 'noticelint rules' for the list of rule IDs.")
			default:
				rules = append(rules, id)
			}
		}
		if len(d.rules) > 0 && len(rules) == 0 {
			continue // nothing valid to suppress; already reported
		}
		if len(d.rules) == 0 {
			rules = []string{""}
		}
		if d.verb == "enable" {
			sp.enable(&d, rules, open, report)
			continue
		}
		if s != nil && s.RequireReason && d.reason == "" {
			report(&d, fmt.Sprintf("noticelint-%s gives no reason.", d.verb),
				"Add \"-- reason\" after the rule IDs: the configuration sets require_reason: true.")
		}
		from, to := d.line, d.end
		switch d.verb {
		case "disable-next-line":
			from, to = d.end+1, d.end+1
		case "disable-file":
			from, to = 1, math.MaxInt
		case "disable":
			to = math.MaxInt // until an enable closes it
		}
		dp := &d
		for _, id := range rules {
			sup := &suppression{rule: id, from: from, to: to, dir: dp}
			sp.list = append(sp.list, sup)
			if d.verb == "disable" {
				open[id] = sup
			}
		}
	}
	return sp
}

func (sp *suppressor) enable(d *directive, rules []string, open map[string]*suppression, report func(*directive, string, string)) {
	if rules[0] == "" { // enable everything
		if len(open) == 0 {
			report(d, "noticelint-enable has no noticelint-disable before it.", "Remove it, or add the disable it should close.")
		}
		for id, sup := range open {
			sup.to = d.line
			delete(open, id)
		}
		return
	}
	for _, id := range rules {
		sup, ok := open[id]
		if !ok {
			report(d, fmt.Sprintf("noticelint-enable %s has no noticelint-disable %s before it.", id, id),
				"Remove it, or add the disable it should close.")
			continue
		}
		sup.to = d.line
		delete(open, id)
	}
}

// filter drops suppressed findings and marks the suppressions that matched.
// Each rule's findings are swept in line order against that rule's
// suppressions and the all-rules ones, in order of their first line, so the
// cost grows with the findings plus the suppressions rather than with their
// product: a notice of 20,000 suppressed lines took seconds.
func (sp *suppressor) filter(fs []Finding) []Finding {
	out, _ := sp.split(fs)
	return out
}

// split is filter that also returns the suppressed findings, each with the
// directive that suppressed it.
func (sp *suppressor) split(fs []Finding) (kept []Finding, suppressed []Suppressed) {
	if len(sp.list) == 0 {
		return fs, nil
	}
	byRule := map[string][]*suppression{}
	for _, s := range sp.list {
		byRule[s.rule] = append(byRule[s.rule], s)
	}
	for _, l := range byRule {
		slices.SortStableFunc(l, func(a, b *suppression) int { return cmp.Compare(a.from, b.from) })
	}
	groups := map[string][]int{}
	for i, f := range fs {
		groups[f.Rule] = append(groups[f.Rule], i)
	}
	hit := make([]*suppression, len(fs))
	for rule, idx := range groups {
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(fs[a].Line, fs[b].Line) })
		sweep(byRule[rule], idx, fs, hit)
		sweep(byRule[""], idx, fs, hit)
	}
	out := fs[:0]
	for i, f := range fs {
		if hit[i] == nil {
			out = append(out, f)
		} else {
			sup := Suppressed{Finding: f}
			if d := hit[i].dir; d != nil {
				sup.Reason, sup.Line = d.reason, d.line
			}
			suppressed = append(suppressed, sup)
		}
	}
	return out, suppressed
}

// sweep sets hit for the findings idx (in line order) that one of sups (in
// order of from) covers, and marks each suppression that covers one used.
// A suppression is looked at when the first finding at or after its first
// line comes: it covers that finding, or it ended before it and can cover
// no later one.
func sweep(sups []*suppression, idx []int, fs []Finding, hit []*suppression) {
	next, reach := 0, math.MinInt // reach: the last line a started suppression covers
	var reacher *suppression      // the suppression that reaches furthest
	var started []*suppression
	for _, i := range idx {
		line := fs[i].Line
		for ; next < len(sups) && sups[next].from <= line; next++ {
			if sups[next].to > reach {
				reach, reacher = sups[next].to, sups[next]
			}
			started = append(started, sups[next])
		}
		if reach >= line && hit[i] == nil {
			hit[i] = reacher
		}
		for _, s := range started {
			if s.to >= line {
				s.used = true
			}
		}
		started = started[:0]
	}
}

// unused reports suppressions that matched nothing, for rules that ran: a
// suppression of a rule that is off cannot be judged.
func (sp *suppressor) unused(ran map[string]bool, severity Severity) []Finding {
	var out []Finding
	for _, s := range sp.list {
		if s.used || (s.rule != "" && !ran[s.rule]) {
			continue
		}
		what, which := "no finding", "any rule"
		if s.rule != "" {
			what, which = "no "+s.rule+" finding", s.rule
		}
		where := fmt.Sprintf("on line %d", s.from)
		switch {
		case s.dir.verb == "disable-file":
			where = "in the file"
		case s.to != s.from:
			where = fmt.Sprintf("on lines %d-%d", s.from, min(s.to, sp.n.Pos(len(sp.n.Source)).Line))
		}
		out = append(out, sp.finding(s.dir, UnusedSuppression.ID, severity,
			fmt.Sprintf("noticelint-%s for %s suppresses nothing: %s %s.", s.dir.verb, which, what, where),
			"Remove the suppression, or the rule ID from it, now that the finding is gone."))
	}
	return out
}

func (sp *suppressor) finding(d *directive, rule string, sev Severity, msg, fix string) Finding {
	start, end := sp.n.Pos(d.span.Start), sp.n.Pos(d.span.End)
	f := Finding{File: sp.n.Path, Line: start.Line, Column: start.Col, EndLine: end.Line, EndColumn: end.Col,
		Rule: rule, Severity: sev, Message: msg, Fix: fix}
	if sec := sp.n.SectionAt(d.span.Start); sec != nil {
		f.Section = sec.Number
	}
	f.Fingerprint = fingerprint(rule, "", string(sp.n.Source[d.span.Start:d.span.End]))
	return f
}
