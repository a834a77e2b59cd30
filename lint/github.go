package lint

import (
	"fmt"
	"io"
	"strings"

	"github.com/noticelint/noticelint/lint/sanitize"
)

// WriteGitHub prints GitHub Actions workflow commands, one a finding, which
// the Actions runner turns into annotations on the pull request's diff:
//
//	::error file=notices/a.md,line=12,col=5,endLine=12,endColumn=15,title=noticelint cross-reference::message
//
// Warnings become ::warning and info findings ::notice. A file that could not
// be read is an ::error on the file.
func WriteGitHub(w io.Writer, res Result) error {
	for _, f := range res.Findings {
		// The runner's log shows colour codes: a notice's text must not
		// bring its own. Newlines stay, as the runner's %0A escape.
		msg := sanitize.Text(f.Message)
		if f.Fix != "" {
			msg += "\nFix: " + sanitize.Text(f.Fix)
		}
		if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			ghLevel(f.Severity), ghProperty(sanitize.Line(f.File)), f.Line, f.Column, f.EndLine, f.EndColumn,
			ghProperty(sanitize.Line(titleOf(f))), ghData(msg)); err != nil {
			return err
		}
	}
	for _, e := range res.Errors {
		if _, err := fmt.Fprintf(w, "::error file=%s,title=%s::%s\n", ghProperty(sanitize.Line(e.File)),
			ghProperty("noticelint: file not linted"), ghData(sanitize.Text(e.Message))); err != nil {
			return err
		}
	}
	return nil
}

func titleOf(f Finding) string {
	t := "noticelint " + f.Rule
	if f.Section != "" {
		t += " (§" + f.Section + ")"
	}
	return t
}

func ghLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "notice"
}

// The escapes the Actions runner reverses (actions/toolkit, command.ts): data
// escapes %, CR and LF; a property value also ":" and ",", which would end it.
var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghData(s string) string     { return ghDataEscaper.Replace(s) }
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
