package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint"
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
			names, where := readmes(".")
			if err := writeFileAtomic(path, config.StarterIgnoring(rules.All(), names, where), 0o644); err != nil {
				return &exitError{code: 2, err: err}
			}
			out := cmd.OutOrStdout()
			if _, err := fmt.Fprintf(out, "wrote %s: every rule at its default; edit it and commit it beside your notices\n", path); err != nil {
				return err
			}
			if len(names) > 0 {
				_, err := fmt.Fprintf(out, "it ignores %s, found in %s: not notices; remove the entry from ignore: to lint them\n",
					sanitize.Line(strings.Join(names, ", ")), sanitize.Line(where))
				return err
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing .noticelint.yml")
	return cmd
}

// readmes finds the README files a lint of dir would read as notices: their
// names, and the folders they are in.
func readmes(dir string) ([]string, string) {
	ins, _ := lint.Collect([]string{dir}, nil, 0)
	var names, dirs []string
	for _, in := range ins {
		base := filepath.Base(in.Path)
		if stem := strings.ToLower(strings.TrimSuffix(base, filepath.Ext(base))); stem != "readme" {
			continue
		}
		if !slices.Contains(names, base) {
			names = append(names, base)
		}
		if d := filepath.ToSlash(filepath.Dir(in.Path)) + "/"; !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	slices.Sort(names)
	slices.Sort(dirs)
	if len(dirs) > 5 {
		dirs = append(dirs[:5], fmt.Sprintf("and %d more folders", len(dirs)-5))
	}
	return names, strings.Join(dirs, ", ")
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
there: the file's rules with the overrides that match PATH applied. It also says when a
folder walk leaves PATH out (a hidden name, or a .gitignore pattern, with its file and line). Exits 2 if the
configuration has an error, naming its line and column.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := config.NewResolver(rules.All(), rf.config, rf.noConfig).For(args[0])
			if err != nil {
				return configFailure(cmd.ErrOrStderr(), err)
			}
			// Paths and ignore patterns come from the repository.
			w := sanitize.NewWriter(cmd.OutOrStdout())
			if err := config.Print(w, f, args[0], rules.All()); err != nil {
				return err
			}
			// What a folder walk leaves out is never reported by lint, so
			// here is where it shows.
			if why, out := lint.LeftOut(args[0]); out {
				if _, err := fmt.Fprintf(w, "# left out of folder walks: %s; named on the command line, it is still linted (--no-ignore walks it too, unless hidden)\n", why); err != nil {
					return err
				}
			}
			return w.Flush()
		},
	}
	schemaCmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of .noticelint.yml (also in docs/noticelint.schema.json)",
		Long: `Print a JSON Schema (draft-07) of .noticelint.yml, generated from the rules and their
options: for an editor (yaml-language-server reads "# yaml-language-server: $schema=FILE")
or to check a configuration in CI. noticelint itself checks more than the schema can.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := cmd.OutOrStdout().Write(config.Schema(rules.All()))
			return err
		},
	}
	cmd.AddCommand(schemaCmd)
	printCmd.Flags().StringVar(&rf.config, "config", "", "use this configuration file instead of discovering one")
	printCmd.Flags().BoolVar(&rf.noConfig, "no-config", false, "show the defaults")
	cmd.AddCommand(printCmd)
	return cmd
}
