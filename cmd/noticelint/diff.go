package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/lint/git"
	"github.com/noticelint/noticelint/lint/redline"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

type diffFlags struct {
	format, output, failOnNew, colour, config string
	oldLabel, newLabel                        string
	noConfig                                  bool
	enable, disable                           []string
	maxSize                                   int64
}

var diffFormats = []string{"text", "markdown", "html", "json"}

func newDiffCmd() *cobra.Command {
	var fl diffFlags
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Compare two versions of a notice section by section, with the findings the change introduced or resolved",
		Long: `diff aligns the sections of two versions of a notice by identity (title and wording, not
number) and reports each one that was reworded, renumbered, retitled, moved, added, removed,
split or merged, with a word-level diff of its text; the cross-references the change broke;
and the findings of the rules it introduced, resolved or carried over.

OLD and NEW are files, or - for standard input. An argument of the form REV:PATH that is
not an existing file is read from git ("git show REV:PATH"; PATH is relative to the
repository's root), so CI can compare a notice with its version on the main branch.`,
		Example: `  noticelint diff old.md new.md
  noticelint diff --format html -o changes.html notices/v1.md notices/v2.md
  noticelint diff --format markdown --fail-on-new error origin/main:notices/privacy.md notices/privacy.md`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiff(cmd, args, fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "text", "output format: "+strings.Join(diffFormats, ", "))
	f.StringVarP(&fl.output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&fl.failOnNew, "fail-on-new", "never", "exit 1 when the change introduces a finding at or above this severity: error, warning, info or never")
	f.StringVar(&fl.colour, "color", "auto", "colour text output: auto (only on a terminal, off under NO_COLOR), always or never")
	f.StringSliceVar(&fl.enable, "enable", nil, "run only these rules (comma-separated IDs)")
	f.StringSliceVar(&fl.disable, "disable", nil, "do not run these rules (comma-separated IDs)")
	f.Int64Var(&fl.maxSize, "max-size", lint.DefaultMaxSize, "largest notice to read, in bytes")
	f.StringVar(&fl.config, "config", "", "use this configuration file for both versions instead of discovering .noticelint.yml")
	f.BoolVar(&fl.noConfig, "no-config", false, "ignore configuration files: every rule at its default")
	f.StringVar(&fl.oldLabel, "old-label", "", "name OLD in the report's header (default: the argument)")
	f.StringVar(&fl.newLabel, "new-label", "", "name NEW in the report's header (default: the argument)")
	_ = cmd.MarkFlagFilename("config", "yml", "yaml")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions(diffFormats...))
	_ = cmd.RegisterFlagCompletionFunc("fail-on-new", fixedCompletions("error", "warning", "info", "never"))
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletions("auto", "always", "never"))
	_ = cmd.RegisterFlagCompletionFunc("enable", ruleCompletions)
	_ = cmd.RegisterFlagCompletionFunc("disable", ruleCompletions)
	return cmd
}

func runDiff(cmd *cobra.Command, args []string, fl diffFlags) error {
	selected, err := selectRules(fl.enable, fl.disable)
	if err != nil {
		return err
	}
	failOn := lint.Severity(-1)
	if fl.failOnNew != "never" {
		if failOn, err = lint.ParseSeverity(fl.failOnNew); err != nil {
			return usageErr("--fail-on-new: %v", err)
		}
	}
	if !contains(diffFormats, fl.format) {
		return usageErr("--format: unknown format %q (want %s)", fl.format, strings.Join(diffFormats, ", "))
	}
	if err := setColour(fl.colour); err != nil {
		return err
	}
	if fl.output != "" && fl.colour != "always" {
		// A file is not a terminal, whatever standard output is.
		defer func(was bool) { color.NoColor = was }(color.NoColor)
		color.NoColor = true
	}
	if args[0] == "-" && args[1] == "-" {
		return usageErr("only one of OLD and NEW can be standard input")
	}
	if fl.output != "" {
		if in, ok := lint.SameFile(fl.output, args); ok {
			return usageErr("-o %s: that is the version %s; write the report to another file", fl.output, in)
		}
	}
	var versions [2]*notices.Notice
	var about [2]redline.Version
	for i, arg := range args {
		src, v, err := readVersion(arg, cmd.InOrStdin(), fl.maxSize)
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		v.Label = []string{fl.oldLabel, fl.newLabel}[i]
		if v.Label == "" {
			v.Label = arg
		}
		about[i] = v
		name := arg
		if arg == "-" {
			name = "<stdin>"
		}
		if versions[i], err = notices.Parse(name, src); err != nil {
			return &exitError{code: 2, err: err}
		}
	}
	// Both versions are linted under the configuration that governs NEW, so
	// that the delta shows what the text change did, not a difference of
	// settings.
	settings, err := diffSettings(cmd.ErrOrStderr(), args[1], fl)
	if err != nil {
		return err
	}
	check := func(n *notices.Notice) []lint.Finding {
		return lint.Check(n, settings, lint.Options{Rules: selected, Known: rules.All(), Explicit: len(fl.enable) > 0})
	}
	elements := func(n *notices.Notice) []redline.Element {
		var out []redline.Element
		for _, it := range buildChecklist(n, settings).Elements {
			if it.Suppressed == nil && selectedRule(selected, it.ID) {
				out = append(out, redline.Element{ID: it.ID, Status: it.Status})
			}
		}
		return out
	}
	rep := redline.Build(versions[0], versions[1], redline.Lint{Check: check, RefRule: rules.CrossReference.ID, Elements: elements})
	rep.OldVersion, rep.NewVersion, rep.Tool = about[0], about[1], "noticelint "+version

	var buf bytes.Buffer
	switch fl.format {
	case "json":
		err = redline.WriteJSON(&buf, rep)
	case "markdown":
		err = redline.WriteMarkdown(&buf, rep)
	case "html":
		err = redline.WriteHTML(&buf, rep)
	default:
		err = redline.WriteText(&buf, rep)
	}
	if err == nil {
		if fl.output != "" {
			if werr := writeFileAtomic(fl.output, buf.Bytes(), 0o644); werr != nil {
				err = fmt.Errorf("writing the report: %w", werr)
			}
		} else {
			_, err = cmd.OutOrStdout().Write(buf.Bytes())
		}
	}
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if failOn >= 0 && rep.Count(failOn) > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// diffSettings finds the configuration for the new version: the one
// discovered from its folder (for REV:PATH, from PATH's), or --config.
func diffSettings(stderr io.Writer, arg string, fl diffFlags) (*lint.Settings, error) {
	resolver := config.NewResolver(rules.All(), fl.config, fl.noConfig)
	path := arg
	if _, statErr := os.Stat(arg); statErr != nil {
		if _, p, ok := strings.Cut(arg, ":"); ok && p != "" {
			path = p
		}
	}
	f, err := resolver.For(path)
	if err != nil {
		return nil, configFailure(stderr, err)
	}
	return f.Settings(path), nil
}

// readVersion reads one side of the comparison: a file, standard input, or
// REV:PATH from git when no file of that name exists, with the commit and
// date REV names.
func readVersion(arg string, stdin io.Reader, maxSize int64) ([]byte, redline.Version, error) {
	var v redline.Version
	if arg == "-" {
		src, err := readOne(arg, stdin, maxSize)
		return src, v, err
	}
	info, statErr := os.Stat(arg)
	if statErr == nil {
		if info.IsDir() {
			return nil, v, fmt.Errorf("%s: is a directory; diff compares two files", arg)
		}
		src, err := readOne(arg, stdin, maxSize)
		return src, v, err
	}
	rev, path, ok := strings.Cut(arg, ":")
	if !ok || rev == "" || path == "" || !errors.Is(statErr, os.ErrNotExist) {
		src, err := readOne(arg, stdin, maxSize) // reports the stat error in the usual words
		return src, v, err
	}
	src, err := gitShow(arg, maxSize)
	if err != nil {
		return nil, v, err
	}
	v.Commit, v.Date = commitOf(rev)
	return src, v, nil
}

// commitOf is the commit rev names and its commit date, or nothing when rev
// names no commit (an index entry such as ":0", a tree). It runs through
// lint/git, after git show has read the file, so rev is known not to
// begin with "-".
func commitOf(rev string) (commit, date string) {
	out, err := git.Call{Args: []string{"log", "--max-count=1", "--no-show-signature", "--format=%H %cI"},
		Revs: []string{rev}, Paths: []string{}}.Output()
	if err != nil {
		return "", ""
	}
	commit, date, _ = strings.Cut(strings.TrimSpace(string(out)), " ")
	return commit, date
}

// readOne reads a file or standard input through the linter's reader, so
// the size limit and the wording of errors are the same as lint's.
func readOne(arg string, stdin io.Reader, maxSize int64) ([]byte, error) {
	ins, errs := lint.Collect([]string{arg}, stdin, maxSize)
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s: %s", errs[0].File, errs[0].Message)
	}
	if len(ins) != 1 {
		return nil, fmt.Errorf("%s: not a file", arg)
	}
	src, err := heldFor(ins[0].Read)()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ins[0].Path, err)
	}
	return src, nil
}

// parseOne reads one notice as readOne does ("-" is standard input, named
// <stdin>) and parses it, with the exit codes outline and checklist share:
// 2, as a usage error when it cannot be read, as an input error when it
// cannot be parsed.
func parseOne(arg string, stdin io.Reader, maxSize int64) (*notices.Notice, error) {
	src, err := readOne(arg, stdin, maxSize)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	name := arg
	if name == "-" {
		name = "<stdin>"
	}
	n, err := notices.Parse(name, src)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	return n, nil
}

// gitShow reads REV:PATH from the repository around the working directory.
func gitShow(arg string, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = lint.DefaultMaxSize
	}
	if err := git.CheckRev(arg); err != nil {
		return nil, fmt.Errorf("%s: no such file, and it cannot be read from git as REV:PATH: %w", arg, git.ErrOptionRev)
	}
	var out bytes.Buffer
	lw := &limitedWriter{w: &out, n: maxSize}
	show := git.Call{Args: []string{"show", "--no-textconv"}, Revs: []string{arg}, Stdout: lw}
	if _, err := show.Output(); err != nil {
		if lw.over {
			return nil, fmt.Errorf("%s: over the --max-size limit of %s; raise the limit if this really is one notice", arg, lint.Bytes(maxSize))
		}
		msg := err.Error()
		var ge *git.Error
		if errors.As(err, &ge) {
			msg = ge.Msg
		}
		return nil, fmt.Errorf("%s: no such file, and git could not read it as REV:PATH: %s", arg, msg)
	}
	return out.Bytes(), nil
}

// limitedWriter stops git's output at the size limit, so a huge blob cannot
// exhaust memory.
type limitedWriter struct {
	w    io.Writer
	n    int64
	over bool
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > l.n {
		l.over = true
		return 0, errors.New("size limit exceeded")
	}
	l.n -= int64(len(p))
	return l.w.Write(p)
}
