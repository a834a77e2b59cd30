package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/lint/sanitize"
	"github.com/noticelint/noticelint/rules"
)

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter .noticelint.yml listing every rule at its default",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			const path = ".noticelint.yml"
			if _, err := os.Stat(path); err == nil && !force {
				return usageErr("%s already exists; use --force to replace it", path)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return usageErr("%v", err)
			}
			if err := writeFileAtomic(path, config.Starter(rules.All()), 0o644); err != nil {
				return &exitError{code: 2, err: err}
			}
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: every rule at its default; edit it and commit it beside your notices\n", path)
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing .noticelint.yml")
	return cmd
}

func newConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect configuration",
	}
	var rf runFlags
	printCmd := &cobra.Command{
		Use:   "print PATH",
		Short: "Show which configuration applies to a notice and the settings it gets",
		Long: `Show which configuration file governs PATH (the nearest .noticelint.yml above it, up to
the repository root), whether PATH is ignored, and the merged settings every rule gets
there: the file's rules with the overrides that match PATH applied. Exits 2 if the
configuration has an error, naming its line and column.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := config.NewResolver(rules.All(), rf.config, rf.noConfig)
			if err != nil {
				return usageErr("%v", err)
			}
			f, err := r.For(args[0])
			if err != nil {
				return usageErr("%v", err)
			}
			// Paths and ignore patterns come from the repository.
			w := sanitize.NewWriter(cmd.OutOrStdout())
			if err := config.Print(w, f, args[0], rules.All()); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	printCmd.Flags().StringVar(&rf.config, "config", "", "use this configuration file instead of discovering one")
	printCmd.Flags().BoolVar(&rf.noConfig, "no-config", false, "show the defaults")
	cmd.AddCommand(printCmd)
	return cmd
}
