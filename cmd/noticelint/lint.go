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
	newFromBase    string
	pathPrefix     string
}

// runFlags choose what is linted and how: shared by lint and baseline write,
// so that a baseline records exactly what lint would report.
type runFlags struct {
	enable, disable []string
	jobs            int
	maxSize         int64
	config          string
	noConfig        bool
	noIgnore        bool
	stdinName       string
}

func (rf *runFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringSliceVar(&rf.enable, "enable", nil, "run only these rules (comma-separated IDs), even where a configuration turns them off")
	f.StringSliceVar(&rf.disable, "disable", nil, "do not run these rules (comma-separated IDs)")
	f.IntVarP(&rf.jobs, "jobs", "j", 0, "files linted at once (default: number of CPUs)")
	f.Int64Var(&rf.maxSize, "max-size", lint.DefaultMaxSize, "largest notice to read, in bytes")
	f.StringVar(&rf.config, "config", "", "use this configuration file for every notice instead of discovering .noticelint.yml")
	f.BoolVar(&rf.noConfig, "no-config", false, "ignore configuration files: every rule at its default")
	f.BoolVar(&rf.noIgnore, "no-ignore", false, "walk folders without leaving out what .gitignore ignores (hidden names are still left out)")
	f.StringVar(&rf.stdinName, "stdin-filename", "", "the path to report standard input (-) as; its configuration and ignore patterns apply")
	_ = cmd.RegisterFlagCompletionFunc("enable", ruleCompletions)
	_ = cmd.RegisterFlagCompletionFunc("disable", ruleCompletions)
	_ = cmd.MarkFlagFilename("config", "yml", "yaml")
}

var formatNames = []string{"text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"}

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
	f.StringVar(&fl.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision (and notice-wide findings of changed files); REV... means --new-from-merge-base REV")
	f.StringVar(&fl.newFromBase, "new-from-merge-base", "", "as --new-from-rev, from the merge base of this revision and HEAD (for a branch that is behind it)")
	cmd.MarkFlagsMutuallyExclusive("new-from-rev", "new-from-merge-base")
	f.StringVar(&fl.pathPrefix, "path-prefix", "", "put this folder before the repository-relative paths of sarif, github, gitlab and checkstyle output (for a repository checked out below the CI workspace)")
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
	changed, err := changedSince(fl.newFromRev, fl.newFromBase)
	if err != nil {
		return err
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
		applyBaseline(&res, fl.baseline)
	}
	if err := writeOutputs(cmd, outs, res, ran, fl.quiet, newRepoPaths(fl.pathPrefix)); err != nil {
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

// changedSince reads --new-from-rev or --new-from-merge-base: nil when
// neither is given. "REV..." in --new-from-rev is git's notation for the
// merge base of REV and HEAD. Any other range is refused: the working tree
// is what is linted, so it is what is compared.
func changedSince(rev, base string) (*changes.Set, error) {
	flag := "--new-from-merge-base"
	if rev != "" {
		flag = "--new-from-rev"
		if r, ok := strings.CutSuffix(rev, "..."); ok && r != "" {
			rev, base = "", r
		} else if r, ok := strings.CutSuffix(rev, "...HEAD"); ok && r != "" {
			rev, base = "", r
		} else if strings.Contains(rev, "..") {
			return nil, usageErr("%s: %q is a range; give one revision (the working tree is compared with it), or REV... for the merge base of REV and HEAD", flag, rev)
		}
	}
	var (
		set *changes.Set
		err error
	)
	switch {
	case rev != "":
		set, err = changes.Since(".", rev)
	case base != "":
		set, _, err = changes.MergeBase(".", base)
	default:
		return nil, nil
	}
	if err != nil {
		return nil, usageErr("%s: %v", flag, err)
	}
	return set, nil
}

// report is a file the run will write, and the flag that names it.
type report struct{ flag, path string }

// lintPaths collects the notices under args, gives each the configuration
// that governs it, drops the ignored ones and lints the rest. A broken
// configuration's mistakes are reported once each, as errors of its file at
// their lines; the notices it governs are not linted (their settings are
// unknown) and are counted, and every other notice still is. A report that
// would overwrite one of the notices is refused before anything is linted.
func lintPaths(cmd *cobra.Command, args []string, rf runFlags, reports ...report) (lint.Result, []*lint.Rule, error) {
	selected, err := selectRules(rf.enable, rf.disable)
	if err != nil {
		return lint.Result{}, nil, err
	}
	if rf.stdinName != "" && !slices.Contains(args, "-") {
		return lint.Result{}, nil, usageErr("--stdin-filename: give - among the paths: it names standard input")
	}
	resolver := config.NewResolver(rules.All(), rf.config, rf.noConfig)
	inputs, errs := lint.CollectWith(args, cmd.InOrStdin(), lint.CollectOptions{MaxSize: rf.maxSize, NoIgnore: rf.noIgnore, StdinName: rf.stdinName})
	if err := refuseOverwrite(reports, inputs, errs); err != nil {
		return lint.Result{}, nil, err
	}
	var kept []lint.Input
	broken := map[string]bool{} // configuration errors already reported
	notLinted := 0
	addConfig := func(err error) {
		if key := err.Error(); !broken[key] {
			broken[key] = true
			errs = append(errs, configErrors(err)...)
		}
	}
	for _, in := range inputs {
		f, err := resolver.For(in.Path)
		if err != nil {
			addConfig(err)
			notLinted++
			continue
		}
		if _, ignored := f.Ignored(in.Path); ignored {
			continue
		}
		in.Settings = f.Settings(in.Path)
		kept = append(kept, in)
	}
	if err := resolver.Fixed(); err != nil {
		addConfig(err) // --config is broken even when there is nothing to lint
	}
	res := lint.Run(kept, lint.Options{Rules: selected, Known: rules.All(), Explicit: len(rf.enable) > 0, Jobs: rf.jobs, Hold: gc.hold})
	res.NotLinted = notLinted
	res.Errors = append(errs, res.Errors...)
	lint.SortErrors(res.Errors)
	if res.Errors == nil {
		res.Errors = []lint.FileError{} // JSON: always an array
	}
	return res, selected, nil
}

// configErrors turns a configuration's error into file errors, one a
// mistake, each at its line and column.
func configErrors(err error) []lint.FileError {
	var out []lint.FileError
	for _, e := range config.AsErrors(err) {
		out = append(out, lint.FileError{File: e.File, Line: e.Line, Column: e.Col, Message: e.Msg, Kind: lint.ConfigError})
	}
	if out == nil {
		out = []lint.FileError{{File: "configuration", Message: err.Error(), Kind: lint.ConfigError}}
	}
	return out
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

// applyBaseline hides the findings the baseline records. A baseline that
// cannot be used is an error in the run's output, at its position where it
// has one, and hides nothing: the run reports every finding and exits 2.
func applyBaseline(res *lint.Result, path string) {
	explicit := path != ""
	if !explicit {
		path = baseline.DefaultPath(".")
	}
	fail := func(err error) {
		fe := lint.FileError{File: displayPath(path), Message: err.Error(), Kind: lint.BaselineError}
		var be *baseline.Error
		if errors.As(err, &be) {
			fe.Line, fe.Column, fe.Message = be.Line, be.Col, be.Msg
		}
		res.Errors = append(res.Errors, fe)
		lint.SortErrors(res.Errors)
	}
	b, ok, err := baseline.Load(path)
	if err != nil {
		fail(err)
		return
	}
	if !ok {
		if explicit {
			fail(errors.New("does not exist; create it with 'noticelint baseline write'"))
		}
		return
	}
	kept, suppressed, stale, err := b.Filter(path, res.Findings, res.Linted)
	if err != nil {
		fail(err)
		return
	}
	res.Findings = kept
	res.Baseline = &lint.BaselineSummary{File: displayPath(path), Suppressed: suppressed, Stale: stale}
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
func writeOutputs(cmd *cobra.Command, outs []output, res lint.Result, ran []*lint.Rule, quiet bool, rp repoPaths) error {
	stdoutFormat := ""
	for _, o := range outs {
		if o.path == "" {
			stdoutFormat = o.format
		}
	}
	// File errors go to stderr unless the format on stdout carries them
	// (every format but text does).
	if stdoutFormat == "" || stdoutFormat == "text" {
		printFileErrors(cmd.ErrOrStderr(), res.Errors)
	}
	for _, o := range outs {
		if o.path == "" {
			if err := render(cmd.OutOrStdout(), o.format, res, ran, quiet, rp); err != nil {
				return err
			}
			continue
		}
		var buf bytes.Buffer
		saved := color.NoColor
		color.NoColor = true // a report file is never a terminal
		err := render(&buf, o.format, res, ran, quiet, rp)
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

func render(w io.Writer, format string, res lint.Result, ran []*lint.Rule, quiet bool, rp repoPaths) error {
	switch format {
	case "json":
		return lint.WriteJSON(w, res)
	case "sarif":
		return lint.WriteSARIF(w, rp.apply(res), rules.All(), version)
	case "github":
		return lint.WriteGitHub(w, rp.apply(res))
	case "gitlab":
		return lint.WriteGitLab(w, rp.apply(res))
	case "junit":
		return lint.WriteJUnit(w, res, ran)
	case "checkstyle":
		return lint.WriteCheckstyle(w, rp.apply(res))
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
