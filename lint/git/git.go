// Package git runs git for noticelint, so that nothing a user or a notice
// supplies can be read by git as an option. A revision such as
// "--output=report:x" given where a revision belongs would otherwise make
// "git show" write a file.
//
// Every call puts the options noticelint chooses first, then
// --end-of-options, then the revisions it was given, then "--" and any
// paths. A revision that begins with "-" is refused before git runs, as
// --end-of-options is the second line of defence, not the first. This needs
// git 2.24 or later, the first to know --end-of-options.
package git

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// MinVersion is the oldest git whose option parsing the calls rely on.
const MinVersion = "2.24"

// Call is one run of git.
type Call struct {
	// Dir is the working directory git runs in ("" for the current one).
	Dir string
	// Config are "-c name=value" settings, placed before the subcommand.
	Config []string
	// Args are the subcommand and the options noticelint chooses for it,
	// never text from a user or a notice.
	Args []string
	// Revs are the revisions (or REV:PATH) a user supplied. They follow
	// --end-of-options, and one that begins with "-" is refused.
	Revs []string
	// Paths, when not nil, follow "--" (an empty Paths still ends with
	// "--", so that no revision can be taken for a path).
	Paths []string
	// Stdout, when set, receives git's output (for one that must be
	// limited in size) and Output returns nil.
	Stdout io.Writer
}

// ErrOptionRev is the error for a revision that begins with "-".
var ErrOptionRev = errors.New(`a revision cannot begin with "-"`)

// CheckRev refuses a revision that git could take for an option.
func CheckRev(rev string) error {
	if strings.HasPrefix(rev, "-") {
		return fmt.Errorf("%q: %w", rev, ErrOptionRev)
	}
	return nil
}

// Argv is the argument list git runs with (without "git").
func (c Call) Argv() ([]string, error) {
	if len(c.Args) == 0 {
		return nil, errors.New("git: no subcommand")
	}
	var argv []string
	for _, kv := range c.Config {
		argv = append(argv, "-c", kv)
	}
	argv = append(argv, c.Args...)
	if len(c.Revs) > 0 {
		argv = append(argv, "--end-of-options")
		for _, r := range c.Revs {
			if err := CheckRev(r); err != nil {
				return nil, err
			}
			argv = append(argv, r)
		}
	}
	if c.Paths != nil {
		argv = append(argv, "--")
		argv = append(argv, c.Paths...)
	}
	return argv, nil
}

// Output runs git and returns its standard output. A failure is an error
// that names the subcommand and carries git's first line of complaint.
func (c Call) Output() ([]byte, error) {
	argv, err := c.Argv()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("git", argv...)
	cmd.Dir = c.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if c.Stdout != nil {
		cmd.Stdout = c.Stdout
	}
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := firstLine(strings.TrimSpace(stderr.String()))
			if msg == "" {
				msg = ee.Error()
			}
			return nil, &Error{Subcommand: c.Args[0], Msg: msg, Err: err}
		}
		return nil, &Error{Subcommand: c.Args[0], Msg: err.Error(), Err: err}
	}
	if c.Stdout != nil {
		return nil, nil
	}
	return stdout.Bytes(), nil
}

// Error is a git run that failed: git exited non-zero (Msg is the first
// line it printed) or could not be started.
type Error struct {
	Subcommand string
	Msg        string
	Err        error
}

func (e *Error) Error() string { return "git " + e.Subcommand + ": " + e.Msg }
func (e *Error) Unwrap() error { return e.Err }

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
