// Command noticelint lints privacy notices kept as Markdown: broken
// cross-references, missing DPO contacts, reliance on the invalidated Privacy
// Shield, malformed ICO registration numbers and incomplete rights lists.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/sanitize"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// exitError carries an exit code through cobra: 1 for findings at or above
// --fail-on, 2 for usage, configuration and input errors.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func usageErr(format string, a ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, a...)}
}

func main() {
	tuneGC()
	cmd := newRootCmd()
	err := cmd.Execute()
	stopProfile()
	if err == nil {
		return
	}
	code := 2
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if line := errorLine(err); line != "" {
		fmt.Fprint(os.Stderr, line)
	}
	os.Exit(code)
}

// errorLine is how an error that ends the run is printed: its text may hold
// paths and configuration values from a repository, so it is sanitised.
func errorLine(err error) string {
	if msg := err.Error(); msg != "" {
		return "noticelint: " + sanitize.Text(msg) + "\n"
	}
	return ""
}

// printFileErrors writes one line an error, "FILE:LINE:COL: error:
// message" (the position where it has one), for the formats that do not
// carry them.
func printFileErrors(w io.Writer, errs []lint.FileError) {
	for _, e := range errs {
		_, _ = fmt.Fprintf(w, "%s: error: %s\n", sanitize.Line(e.Where()), sanitize.Line(e.Message)) // stderr may be closed; the exit code still says 2
	}
}

// configFailure ends a command whose configuration has errors: each is
// printed as lint prints it, and the exit code is 2.
func configFailure(w io.Writer, err error) error {
	printFileErrors(w, configErrors(err))
	return &exitError{code: 2}
}
