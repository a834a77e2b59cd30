package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/rules"
)

func newRulesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List the rules with their default severity",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
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
