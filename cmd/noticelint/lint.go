package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/rules"
)

type lintFlags struct {
	format, failOn, colour string
	quiet                  bool
	enable, disable        []string
	jobs                   int
	maxSize                int64
}

func newLintCmd() *cobra.Command {
	var fl lintFlags
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Lint notices: files, directories (*.md, *.markdown) or - for stdin",
		Example: `  noticelint lint notices/
  noticelint lint --format json policy.md
  cat notice.md | noticelint lint -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			return runLint(cmd, args, fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "text", "output format: text or json")
	f.StringVar(&fl.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or never")
	f.StringVar(&fl.colour, "color", "auto", "colour output: auto (only on a terminal, off under NO_COLOR), always or never")
	f.BoolVarP(&fl.quiet, "quiet", "q", false, "print findings only: no fixes, no summary")
	f.StringSliceVar(&fl.enable, "enable", nil, "run only these rules (comma-separated IDs)")
	f.StringSliceVar(&fl.disable, "disable", nil, "do not run these rules (comma-separated IDs)")
	f.IntVarP(&fl.jobs, "jobs", "j", 0, "files linted at once (default: number of CPUs)")
	f.Int64Var(&fl.maxSize, "max-size", lint.DefaultMaxSize, "largest notice to read, in bytes")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions("text", "json"))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletions("error", "warning", "info", "never"))
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletions("auto", "always", "never"))
	_ = cmd.RegisterFlagCompletionFunc("enable", ruleCompletions)
	_ = cmd.RegisterFlagCompletionFunc("disable", ruleCompletions)
	return cmd
}

func runLint(cmd *cobra.Command, args []string, fl lintFlags) error {
	selected, err := selectRules(fl.enable, fl.disable)
	if err != nil {
		return err
	}
	failOn := lint.Severity(-1)
	if fl.failOn != "never" {
		if failOn, err = lint.ParseSeverity(fl.failOn); err != nil {
			return usageErr("--fail-on: %v", err)
		}
	}
	if err := setColour(fl.colour); err != nil {
		return err
	}
	if fl.format != "text" && fl.format != "json" {
		return usageErr("--format: unknown format %q (want text or json)", fl.format)
	}
	inputs, errs := lint.Collect(args, cmd.InOrStdin(), fl.maxSize)
	res := lint.Run(inputs, lint.Options{Rules: selected, Jobs: fl.jobs})
	res.Errors = append(errs, res.Errors...)
	slices.SortStableFunc(res.Errors, func(a, b lint.FileError) int { return strings.Compare(a.File, b.File) })
	if res.Errors == nil {
		res.Errors = []lint.FileError{} // JSON: always an array
	}

	out := cmd.OutOrStdout()
	switch fl.format {
	case "json":
		err = lint.WriteJSON(out, res)
	default:
		for _, e := range res.Errors {
			_, _ = fmt.Fprintf(cmd.ErrOrStderr(), "%s: error: %s\n", e.File, e.Message) // stderr may be closed; the exit code still says 2
		}
		err = lint.WriteText(out, res, lint.TextOptions{Quiet: fl.quiet})
	}
	if err != nil {
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
