package lint

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/fatih/color"
)

// TextOptions control the human format.
type TextOptions struct {
	// Quiet prints findings only: no fixes, no summary.
	Quiet bool
}

// WriteText prints one finding a line, "file:line:col: severity: message
// [rule] (§section)", the fix indented under it, then a summary. Colour
// follows color.NoColor, which the caller sets from --color.
func WriteText(w io.Writer, res Result, opt TextOptions) error {
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
			sec = " (§" + f.Section + ")"
		}
		if _, err := fmt.Fprintf(w, "%s: %s: %s %s%s\n",
			bold.Sprintf("%s:%d:%d", f.File, f.Line, f.Column), sevColor[f.Severity].Sprint(f.Severity),
			f.Message, faint.Sprintf("[%s]", f.Rule), sec); err != nil {
			return err
		}
		if f.Fix != "" && !opt.Quiet {
			if _, err := fmt.Fprintf(w, "    %s %s\n", color.GreenString("fix:"), f.Fix); err != nil {
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
	_, err := fmt.Fprintf(w, "%s linted: %s, %s, %s%s\n", plural(res.Files, "file"),
		plural(counts[Error], "error"), plural(counts[Warning], "warning"), plural(counts[Info], "info finding"),
		errorsNote(len(res.Errors)))
	return err
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
