package lint

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/fatih/color"

	"github.com/noticelint/noticelint/lint/sanitize"
)

// TextOptions control the human format.
type TextOptions struct {
	// Quiet prints findings only: no fixes, no summary.
	Quiet bool
}

// WriteText prints one finding a line, "file:line:col: severity: message
// [rule] (§section)", the fix indented under it, then a summary. Colour
// follows color.NoColor, which the caller sets from --color. Every text that
// comes from a notice, a path or a baseline goes through sanitize.Line, so
// that only noticelint's own colour codes reach the terminal.
func WriteText(w io.Writer, res Result, opt TextOptions) error {
	clean := sanitize.Line
	bold := color.New(color.Bold)
	faint := color.New(color.Faint)
	sevColor := map[Severity]*color.Color{
		Error:   color.New(color.FgRed, color.Bold),
		Warning: color.New(color.FgYellow, color.Bold),
		Info:    color.New(color.FgCyan),
	}
	for _, f := range res.Findings {
		sec := ""
		if f.Section != "" {
			sec = " (§" + clean(f.Section) + ")"
		}
		if _, err := fmt.Fprintf(w, "%s: %s: %s %s%s\n",
			bold.Sprintf("%s:%d:%d", clean(f.File), f.Line, f.Column), sevColor[f.Severity].Sprint(f.Severity),
			clean(f.Message), faint.Sprintf("[%s]", clean(f.Rule)), sec); err != nil {
			return err
		}
		if f.Fix != "" && !opt.Quiet {
			if _, err := fmt.Fprintf(w, "    %s %s\n", color.GreenString("fix:"), clean(f.Fix)); err != nil {
				return err
			}
		}
	}
	if opt.Quiet {
		return nil
	}
	counts := map[Severity]int{}
	for _, f := range res.Findings {
		counts[f.Severity]++
	}
	if _, err := fmt.Fprintf(w, "%s linted: %s, %s, %s%s\n", plural(res.Files, "file"),
		plural(counts[Error], "error"), plural(counts[Warning], "warning"), plural(counts[Info], "info finding"),
		errorsNote(len(res.Errors))); err != nil {
		return err
	}
	return writeBaselineNote(w, res.Baseline)
}

// writeBaselineNote says what the baseline hid and lists its entries that no
// longer occur, so the file is rewritten and shrinks as notices are fixed.
func writeBaselineNote(w io.Writer, b *BaselineSummary) error {
	if b == nil {
		return nil
	}
	clean := sanitize.Line
	if _, err := fmt.Fprintf(w, "baseline %s: %s hidden", clean(b.File), plural(b.Suppressed, "known finding")); err != nil {
		return err
	}
	if len(b.Stale) == 0 {
		_, err := fmt.Fprintln(w)
		return err
	}
	gone := fmt.Sprintf("%d entries no longer occur", len(b.Stale))
	if len(b.Stale) == 1 {
		gone = "1 entry no longer occurs"
	}
	if _, err := fmt.Fprintf(w, "; %s (run 'noticelint baseline write' to drop it from the file):\n", gone); err != nil {
		return err
	}
	for _, s := range b.Stale {
		where := clean(s.File)
		if s.Section != "" {
			where += " (" + clean(s.Section) + ")"
		}
		if _, err := fmt.Fprintf(w, "    %s [%s] %s\n", where, clean(s.Rule), clean(s.Message)); err != nil {
			return err
		}
	}
	return nil
}

func errorsNote(n int) string {
	if n == 0 {
		return ""
	}
	return "; " + plural(n, "file") + " could not be read"
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// WriteJSON prints the result as one JSON object (the documented schema).
func WriteJSON(w io.Writer, res Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
