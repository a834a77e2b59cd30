package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/baseline"
	"github.com/noticelint/noticelint/lint/changes"
	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/rules"
)

type lintFlags struct {
	runFlags
	formats        []string
	failOn, colour string
	quiet          bool
	baseline       string
	noBaseline     bool
	newFromRev     string
}

// runFlags choose what is linted and how: shared by lint and baseline write,
// so that a baseline records exactly what lint would report.
type runFlags struct {
	enable, disable []string
	jobs            int
	maxSize         int64
	config          string
	noConfig        bool
}

func (rf *runFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringSliceVar(&rf.enable, "enable", nil, "run only these rules (comma-separated IDs), even where a configuration turns them off")
	f.StringSliceVar(&rf.disable, "disable", nil, "do not run these rules (comma-separated IDs)")
	f.IntVarP(&rf.jobs, "jobs", "j", 0, "files linted at once (default: number of CPUs)")
	f.Int64Var(&rf.maxSize, "max-size", lint.DefaultMaxSize, "largest notice to read, in bytes")
	f.StringVar(&rf.config, "config", "", "use this configuration file for every notice instead of discovering .noticelint.yml")
	f.BoolVar(&rf.noConfig, "no-config", false, "ignore configuration files: every rule at its default")
	_ = cmd.RegisterFlagCompletionFunc("enable", ruleCompletions)
	_ = cmd.RegisterFlagCompletionFunc("disable", ruleCompletions)
	_ = cmd.MarkFlagFilename("config", "yml", "yaml")
}

var formatNames = []string{"text", "json", "sarif", "github", "junit", "checkstyle"}

func newLintCmd() *cobra.Command {
	var fl lintFlags
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Lint notices: files, directories (*.md, *.markdown) or - for stdin",
		Example: `  noticelint lint notices/
  noticelint lint --format json policy.md
  noticelint lint --format github --format sarif=noticelint.sarif notices/
  noticelint lint --new-from-rev origin/main notices/
  cat notice.md | noticelint lint -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			return runLint(cmd, args, fl)
		},
	}
	fl.register(cmd)
	f := cmd.Flags()
	f.StringArrayVar(&fl.formats, "format", []string{"text"}, "output format: "+strings.Join(formatNames, ", ")+
		"; FORMAT=FILE writes to a file, and the flag may be repeated")
	f.StringVar(&fl.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or never")
	f.StringVar(&fl.colour, "color", "auto", "colour output: auto (only on a terminal, off under NO_COLOR), always or never")
	f.BoolVarP(&fl.quiet, "quiet", "q", false, "print findings only: no fixes, no summary")
	f.StringVar(&fl.baseline, "baseline", "", "baseline of known findings to hide (default: "+baseline.Name+" at the repository root, if present)")
	f.BoolVar(&fl.noBaseline, "no-baseline", false, "report every finding, ignoring any baseline")
	f.StringVar(&fl.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision (and notice-wide findings of changed files)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions(formatNames...))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletions("error", "warning", "info", "never"))
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletions("auto", "always", "never"))
	_ = cmd.MarkFlagFilename("baseline", "json")
	return cmd
}

// output is one --format: a renderer and where it writes ("" for stdout).
type output struct{ format, path string }

func parseFormats(vals []string) ([]output, error) {
	var outs []output
	toStdout := 0
	for _, v := range vals {
		name, path, hasPath := strings.Cut(v, "=")
		if !slices.Contains(formatNames, name) {
			return nil, usageErr("--format: unknown format %q%s (want %s)", name, lint.DidYouMean(name, formatNames), strings.Join(formatNames, ", "))
		}
		if hasPath && path == "" {
			return nil, usageErr("--format %s=: give a file name after '='", name)
		}
		if !hasPath {
			toStdout++
		}
		outs = append(outs, output{name, path})
	}
	if toStdout > 1 {
		return nil, usageErr("--format: only one format can write to standard output; send the others to files, e.g. --format sarif=noticelint.sarif")
	}
	return outs, nil
}

func runLint(cmd *cobra.Command, args []string, fl lintFlags) error {
	failOn := lint.Severity(-1)
	if fl.failOn != "never" {
		var err error
		if failOn, err = lint.ParseSeverity(fl.failOn); err != nil {
			return usageErr("--fail-on: %v", err)
		}
	}
	if err := setColour(fl.colour); err != nil {
		return err
	}
	outs, err := parseFormats(fl.formats)
	if err != nil {
		return err
	}
	var changed *changes.Set
	if fl.newFromRev != "" {
		if changed, err = changes.Since(".", fl.newFromRev); err != nil {
			return usageErr("--new-from-rev: %v", err)
		}
	}
	var reports []report
	for _, o := range outs {
		if o.path != "" {
			reports = append(reports, report{flag: "--format " + o.format + "=" + o.path, path: o.path})
		}
	}
	res, ran, err := lintPaths(cmd, args, fl.runFlags, reports...)
	if err != nil {
		return err
	}
	if changed != nil {
		res.Findings = changed.Keep(res.Findings)
	}
	if !fl.noBaseline {
		if err := applyBaseline(&res, fl.baseline); err != nil {
			return err
		}
	}
	if err := writeOutputs(cmd, outs, res, ran, fl.quiet); err != nil {
		return &exitError{code: 2, err: err}
	}
	switch {
	case len(res.Errors) > 0:
		return &exitError{code: 2}
	case failOn >= 0 && res.Count(failOn) > 0:
		return &exitError{code: 1}
	}
	return nil
}

// report is a file the run will write, and the flag that names it.
type report struct{ flag, path string }

// lintPaths collects the notices under args, gives each the configuration
// that governs it, drops the ignored ones and lints the rest. A broken
// configuration is reported once, as an error of its file; the notices it
// governs are not linted (their settings are unknown) and every other notice
// still is. A report that would overwrite one of the notices is refused
// before anything is linted.
func lintPaths(cmd *cobra.Command, args []string, rf runFlags, reports ...report) (lint.Result, []*lint.Rule, error) {
	selected, err := selectRules(rf.enable, rf.disable)
	if err != nil {
		return lint.Result{}, nil, err
	}
	resolver, err := config.NewResolver(rules.All(), rf.config, rf.noConfig)
	if err != nil {
		return lint.Result{}, nil, usageErr("%v", err)
	}
	inputs, errs := lint.Collect(args, cmd.InOrStdin(), rf.maxSize)
	if err := refuseOverwrite(reports, inputs, errs); err != nil {
		return lint.Result{}, nil, err
	}
	var kept []lint.Input
	broken := map[string]*brokenConfig{}
	for _, in := range inputs {
		f, err := resolver.For(in.Path)
		if err != nil {
			b := broken[err.Error()]
			if b == nil {
				b = &brokenConfig{err: err}
				broken[err.Error()] = b
			}
			b.notices++
			continue
		}
		if _, ignored := f.Ignored(in.Path); ignored {
			continue
		}
		in.Settings = f.Settings(in.Path)
		kept = append(kept, in)
	}
	res := lint.Run(kept, lint.Options{Rules: selected, Known: rules.All(), Explicit: len(rf.enable) > 0, Jobs: rf.jobs})
	for _, b := range broken {
		errs = append(errs, b.fileError())
	}
	res.Errors = append(errs, res.Errors...)
	slices.SortStableFunc(res.Errors, func(a, b lint.FileError) int { return strings.Compare(a.File, b.File) })
	if res.Errors == nil {
		res.Errors = []lint.FileError{} // JSON: always an array
	}
	return res, selected, nil
}

// refuseOverwrite fails when a report would be written over one of the
// inputs, found by a folder walk or named, readable or not.
func refuseOverwrite(reports []report, inputs []lint.Input, errs []lint.FileError) error {
	if len(reports) == 0 {
		return nil
	}
	paths := make([]string, 0, len(inputs)+len(errs))
	for _, in := range inputs {
		paths = append(paths, in.Path)
	}
	for _, e := range errs {
		paths = append(paths, e.File)
	}
	for _, r := range reports {
		if in, ok := lint.SameFile(r.path, paths); ok {
			return usageErr("%s: that is the notice %s; write the report to another file", r.flag, in)
		}
	}
	return nil
}

type brokenConfig struct {
	err     error
	notices int
}

func (b *brokenConfig) fileError() lint.FileError {
	what := "1 notice"
	if b.notices != 1 {
		what = fmt.Sprintf("%d notices", b.notices)
	}
	var ce *config.Error
	if errors.As(b.err, &ce) {
		msg := ce.Msg
		if ce.Line > 0 {
			msg = strings.TrimPrefix(ce.Error(), ce.File+":")
		}
		return lint.FileError{File: ce.File, Message: fmt.Sprintf("%s (%s under it not linted)", msg, what)}
	}
	return lint.FileError{File: "configuration", Message: fmt.Sprintf("%v (%s not linted)", b.err, what)}
}

func applyBaseline(res *lint.Result, path string) error {
	explicit := path != ""
	if !explicit {
		path = baseline.DefaultPath(".")
	}
	b, ok, err := baseline.Load(path)
	if err != nil {
		return usageErr("--baseline: %v", err)
	}
	if !ok {
		if explicit {
			return usageErr("--baseline: %s does not exist; create it with 'noticelint baseline write'", path)
		}
		return nil
	}
	kept, suppressed, stale, err := b.Filter(path, res.Findings, res.Linted)
	if err != nil {
		return usageErr("--baseline: %v", err)
	}
	res.Findings = kept
	res.Baseline = &lint.BaselineSummary{File: displayPath(path), Suppressed: suppressed, Stale: stale}
	return nil
}

// displayPath shortens an absolute path to one relative to the working
// directory where that reads better.
func displayPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && len(rel) < len(p) {
			return rel
		}
	}
	return p
}

// writeOutputs renders every --format; ran lists the rules that ran, which
// JUnit reports as test cases.
func writeOutputs(cmd *cobra.Command, outs []output, res lint.Result, ran []*lint.Rule, quiet bool) error {
	stdoutFormat := ""
	for _, o := range outs {
		if o.path == "" {
			stdoutFormat = o.format
		}
	}
	// File errors go to stderr unless the format on stdout carries them.
	if stdoutFormat == "" || stdoutFormat == "text" {
		printFileErrors(cmd.ErrOrStderr(), res.Errors)
	}
	for _, o := range outs {
		if o.path == "" {
			if err := render(cmd.OutOrStdout(), o.format, res, ran, quiet); err != nil {
				return err
			}
			continue
		}
		var buf bytes.Buffer
		saved := color.NoColor
		color.NoColor = true // a report file is never a terminal
		err := render(&buf, o.format, res, ran, quiet)
		color.NoColor = saved
		if err != nil {
			return err
		}
		if err := writeFileAtomic(o.path, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("--format %s=%s: %w", o.format, o.path, err)
		}
	}
	return nil
}

func render(w io.Writer, format string, res lint.Result, ran []*lint.Rule, quiet bool) error {
	switch format {
	case "json":
		return lint.WriteJSON(w, res)
	case "sarif":
		return lint.WriteSARIF(w, res, rules.All(), version)
	case "github":
		return lint.WriteGitHub(w, res)
	case "junit":
		return lint.WriteJUnit(w, res, ran)
	case "checkstyle":
		return lint.WriteCheckstyle(w, res)
	}
	return lint.WriteText(w, res, lint.TextOptions{Quiet: quiet})
}

func selectRules(enable, disable []string) ([]*lint.Rule, error) {
	for _, id := range append(append([]string{}, enable...), disable...) {
		if rules.Lookup(id) == nil {
			return nil, usageErr("unknown rule %q%s; run 'noticelint rules' for the list", id, suggestRule(id))
		}
	}
	var out []*lint.Rule
	for _, r := range rules.All() {
		if (len(enable) == 0 || contains(enable, r.ID)) && !contains(disable, r.ID) {
			out = append(out, r)
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggestRule offers the closest rule ID to a mistyped one.
func suggestRule(id string) string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return lint.DidYouMean(id, ids)
}

func setColour(mode string) error {
	switch mode {
	case "auto":
		// fatih/color already turns colour off for non-terminals and NO_COLOR.
	case "always":
		color.NoColor = false
	case "never":
		color.NoColor = true
	default:
		return usageErr("--color: unknown mode %q (want auto, always or never)", mode)
	}
	return nil
}

func fixedCompletions(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}

func ruleCompletions(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID+"\t"+r.Summary)
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}
