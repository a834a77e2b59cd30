package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "noticelint",
		Short: "A compliance linter for privacy notices written in Markdown",
		Long: `noticelint parses a privacy notice into its sections and clauses and checks it the
way a compiler checks code: cross-references that point at the wrong section, a Data
Protection Officer with no working contact, transfers that rely on the invalidated
Privacy Shield, a malformed ICO registration number, a rights list short of eight.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: 2, err: err}
	})
	root.AddCommand(newLintCmd(), newOutlineCmd(), newRulesCmd(), newExplainCmd(), newVersionCmd(),
		newInitCmd(), newConfigCmd(), newBaselineCmd(), newDiffCmd())
	return root
}
