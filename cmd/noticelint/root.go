package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// stopProfile ends a profile --cpu-profile started; main calls it whatever
// the command returned, findings and errors included.
var stopProfile = func() {}

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
		Args:          cobra.NoArgs,
		// --version prints what the version command prints. It is a flag
		// of ours, not cobra's Version: a version template would bring in
		// text/template's reflection, and with it 7 MB of methods the
		// linker could no longer drop.
		RunE: func(c *cobra.Command, _ []string) error {
			if v, _ := c.Flags().GetBool("version"); v {
				_, err := fmt.Fprintln(c.OutOrStdout(), "noticelint", version)
				return err
			}
			return c.Help()
		},
	}
	root.Flags().Bool("version", false, "print the version")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: 2, err: err}
	})
	// --cpu-profile writes a pprof CPU profile of the whole run, for speed
	// work on real notice sets (go tool pprof noticelint FILE). Hidden: it
	// is for developers, as golangci-lint's --cpu-profile-path is.
	root.PersistentFlags().String("cpu-profile", "", "write a CPU profile to this file")
	_ = root.PersistentFlags().MarkHidden("cpu-profile")
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		path, _ := c.Flags().GetString("cpu-profile")
		if path == "" {
			return nil
		}
		f, err := os.Create(path)
		if err != nil {
			return usageErr("--cpu-profile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			_ = f.Close()
			return usageErr("--cpu-profile: %v", err)
		}
		stopProfile = func() {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				fmt.Fprintln(os.Stderr, "noticelint: --cpu-profile:", err)
			}
		}
		return nil
	}
	root.AddCommand(newLintCmd(), newOutlineCmd(), newRulesCmd(), newExplainCmd(), newVersionCmd(),
		newInitCmd(), newConfigCmd(), newBaselineCmd(), newDiffCmd(), newChecklistCmd())
	return root
}
