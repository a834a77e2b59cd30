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
	bold := Colour(color.Bold)
	faint := Colour(color.Faint)
	sevColor := map[Severity]*color.Color{
		Error:   Colour(color.FgRed, color.Bold),
		Warning: Colour(color.FgYellow, color.Bold),
		Info:    Colour(color.FgCyan),
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
			if _, err := fmt.Fprintf(w, "    %s %s\n", Colour(color.FgGreen).Sprint("fix:"), clean(f.Fix)); err != nil {
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
		errorsNote(res)); err != nil {
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

// errorsNote counts what was not linted: notices that could not be read,
// and notices under a configuration with errors, however many errors each
// file has.
func errorsNote(res Result) string {
	unread, configs, baselines := 0, map[string]bool{}, 0
	for _, e := range res.Errors {
		switch e.kind() {
		case ConfigError:
			configs[e.File] = true
		case BaselineError:
			baselines++
		default:
			unread++
		}
	}
	note := ""
	if unread > 0 {
		note += "; " + plural(unread, "file") + " could not be read"
	}
	if res.NotLinted > 0 || len(configs) > 0 {
		note += fmt.Sprintf("; %s not linted: %s errors", plural(res.NotLinted, "notice"), plural(len(configs), "configuration file")+" with")
	}
	if baselines > 0 {
		note += "; the baseline could not be read, so no finding is hidden"
	}
	return note
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
