package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/rules"
)

// ruleJSON is one rule in 'rules --format json', a contract as lint's JSON
// is: keys may be added, never renamed.
type ruleJSON struct {
	ID       string       `json:"id"`
	Summary  string       `json:"summary"`
	Severity string       `json:"severity"`
	Since    string       `json:"since"`
	Doc      string       `json:"doc"`
	Options  []optionJSON `json:"options"`
}

type optionJSON struct {
	Name    string `json:"name"`
	Doc     string `json:"doc"`
	Default any    `json:"default"`
}

func newRulesCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules with their default severity",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch format {
			case "json":
				out := []ruleJSON{}
				for _, r := range rules.All() {
					rj := ruleJSON{ID: r.ID, Summary: r.Summary, Severity: r.Severity.String(), Since: r.Since,
						Doc: strings.TrimSpace(r.Doc), Options: []optionJSON{}}
					for _, o := range r.Options {
						rj.Options = append(rj.Options, optionJSON{Name: o.Name, Doc: o.Doc, Default: o.Default})
					}
					out = append(out, rj)
				}
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "text":
			default:
				return usageErr("--format: unknown format %q (want text or json)", format)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			p := &printer{w: tw}
			p.printf("RULE\tSEVERITY\tSUMMARY\n")
			for _, r := range rules.All() {
				p.printf("%s\t%s\t%s\n", r.ID, r.Severity, r.Summary)
			}
			if p.err != nil {
				return p.err
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions("text", "json"))
	return cmd
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: why it exists, what passes, what fails, how to fix",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return ruleCompletions(nil, nil, "")
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r := rules.Lookup(args[0])
			if r == nil {
				return usageErr("unknown rule %q%s; run 'noticelint rules' for the list", args[0], suggestRule(args[0]))
			}
			p := &printer{w: cmd.OutOrStdout()}
			p.printf("%s (%s, since %s)\n\n%s\n\n%s\n", r.ID, r.Severity, r.Since, r.Summary, r.Doc)
			if len(r.Options) > 0 {
				p.printf("\nOptions (set in .noticelint.yml under rules.%s.options):\n", r.ID)
				for _, o := range r.Options {
					p.printf("  %s (default %v): %s\n", o.Name, o.Default, o.Doc)
				}
			}
			return p.err
		},
	}
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			_, _ = fmt.Fprintln(cmd.OutOrStdout(), "noticelint", version)
		},
	}
}
