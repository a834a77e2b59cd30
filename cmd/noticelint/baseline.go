package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint/baseline"
	"github.com/noticelint/noticelint/lint/sanitize"
)

func newBaselineCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Record today's findings so that lint reports only new ones",
	}
	var rf runFlags
	var path string
	write := &cobra.Command{
		Use:   "write [PATH...]",
		Short: "Write " + baseline.Name + " with every current finding",
		Long: `Lint the notices as 'noticelint lint' would (same configuration, suppressions and
rules) and record every finding in the baseline, by file, rule, the titles of its
section and a hash of the offending text: not by line or section number, so the
baseline survives edits and renumbering. 'noticelint lint' then reports only findings
the baseline does not hold, and lists entries that no longer occur so that the file
shrinks as notices are fixed. Run it again to drop them.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			if path == "" {
				path = baseline.DefaultPath(".")
			}
			res, _, err := lintPaths(cmd, args, rf, report{flag: "--baseline " + path, path: path})
			if err != nil {
				return err
			}
			printFileErrors(cmd.ErrOrStderr(), res.Errors)
			if len(res.Errors) > 0 {
				return &exitError{code: 2, err: fmt.Errorf("baseline not written: %d file(s) could not be linted", len(res.Errors))}
			}
			b, err := baseline.Build(path, res.Findings)
			if err != nil {
				return usageErr("%v", err)
			}
			if err := writeFileAtomic(path, b.Marshal(), 0o644); err != nil {
				return &exitError{code: 2, err: err}
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %s in %s from %s\n",
				sanitize.Line(displayPath(path)), counted(len(res.Findings), "finding"), counted(len(b.Findings), "entry", "entries"), counted(res.Files, "file"))
			return err
		},
	}
	rf.register(write)
	write.Flags().StringVar(&path, "baseline", "", "file to write (default: "+baseline.Name+" at the repository root)")
	cmd.AddCommand(write)
	return cmd
}

// counted writes n and the word, plural unless n is 1: "1 file", "2 files",
// "2 entries" (plural given where adding an s is wrong).
func counted(n int, word string, plural ...string) string {
	if n == 1 {
		return "1 " + word
	}
	if len(plural) > 0 {
		return fmt.Sprintf("%d %s", n, plural[0])
	}
	return fmt.Sprintf("%d %ss", n, word)
}
