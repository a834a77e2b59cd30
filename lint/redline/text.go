package redline

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/fatih/color"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/sanitize"
	"github.com/noticelint/noticelint/notices"
)

// contextRunes is how much unchanged text the text and Markdown reports
// keep either side of a change.
const contextRunes = 60

// WriteText prints the report for a terminal or a log: a summary, the
// broken references, the compliance delta, a table of changes, then the
// wording changes of each changed section. Colour follows color.NoColor,
// which the caller sets from --color; without colour, deletions read
// [-like this-] and insertions {+like this+}, as git's word diff prints them.
// Every text from a notice or a path goes through clean (sanitize.Line), so
// that only the report's own colour codes reach the terminal.
func WriteText(w io.Writer, r *Report) error {
	p := &printer{w: w}
	bold := lint.Colour(color.Bold)
	faint := lint.Colour(color.Faint)
	p.printf("%s %s -> %s\n", bold.Sprint("noticelint diff:"), clean(r.OldVersion.label(r.Old.Path)), clean(r.NewVersion.label(r.New.Path)))
	for _, v := range []struct {
		side string
		v    Version
	}{{"old", r.OldVersion}, {"new", r.NewVersion}} {
		if o := v.v.origin(); o != "" {
			p.printf("%s\n", faint.Sprintf("%s: %s", v.side, clean(o)))
		}
	}
	if r.Tool != "" {
		p.printf("%s\n", faint.Sprintf("by %s", clean(r.Tool)))
	}
	if !r.Changed() {
		p.printf("no changes\n")
		return p.err
	}
	if r.TitleChanged() {
		p.printf("title: %s -> %s\n", clean(strconv.Quote(r.Old.Title)), clean(strconv.Quote(r.New.Title)))
	}
	c := r.Counts()
	p.printf("sections: %s\n", countLine(c.Sections))
	p.printf("clauses: %s\n", countLine(c.Clauses))
	p.printf("compliance: %s introduced, %d resolved, %d carried over\n",
		plural(len(r.Introduced), "finding"), len(r.Resolved), len(r.Carried))
	if r.Coarse {
		p.printf("%s\n", faint.Sprint("note: some wording diffs hit their time limit and show whole lines replaced"))
	}

	if len(r.Refs) > 0 {
		p.printf("\n%s\n", bold.Sprint("References broken by the change"))
		for _, rc := range r.Refs {
			pos := r.New.Pos(rc.New.Span.Start)
			p.printf("  %s: %s %s (in %s)\n", bold.Sprintf("%s:%d:%d", clean(r.New.Path), pos.Line, pos.Col),
				lint.Colour(color.FgRed, color.Bold).Sprint("broken:"), clean(refMessage(rc)), clean(refWhere(rc)))
			if fix := refFix(rc); fix != "" {
				p.printf("      %s %s\n", lint.Colour(color.FgGreen).Sprint("fix:"), clean(fix))
			}
		}
	}
	findings := func(title string, fs []lint.Finding) {
		if len(fs) == 0 {
			return
		}
		p.printf("\n%s\n", bold.Sprint(title))
		for _, f := range fs {
			sec := ""
			if f.Section != "" {
				sec = " (§" + clean(f.Section) + ")"
			}
			p.printf("  %s: %s: %s %s%s\n", bold.Sprintf("%s:%d:%d", clean(f.File), f.Line, f.Column), sevColour(f.Severity).Sprint(f.Severity),
				clean(f.Message), faint.Sprintf("[%s]", clean(f.Rule)), sec)
		}
	}
	findings("Findings introduced", r.Introduced)
	findings("Findings resolved", r.Resolved)
	if len(r.Elements) > 0 {
		p.printf("\n%s\n", bold.Sprint("Required content (UK GDPR Art 13/14)"))
		for _, e := range r.Elements {
			verb := lint.Colour(color.FgGreen, color.Bold).Sprint("added:")
			if e.Removed {
				verb = lint.Colour(color.FgRed, color.Bold).Sprint("removed:")
			}
			p.printf("  %s %s (%s -> %s)\n", verb, clean(e.ID), e.Old, e.New)
		}
	}

	ch := changed(r.Sections)
	if len(ch) > 0 {
		p.printf("\n%s\n", bold.Sprint("Changes"))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		tp := &printer{w: tw}
		for _, d := range ch {
			tp.printf("  %s\t%s\n", clean(textHeading(d)), changeWords(d))
		}
		if tp.err == nil {
			tp.err = tw.Flush()
		}
		if p.err == nil {
			p.err = tp.err
		}
	}
	if r.Preamble != nil {
		p.printf("\n%s\n", bold.Sprint("== Introduction (before the first section)"))
		p.edits("   ", context(r.Preamble, contextRunes))
	}
	for _, d := range ch {
		p.printf("\n%s %s\n", bold.Sprint("== "+clean(textHeading(d))), faint.Sprintf("(%s)", changeWords(d)))
		p.entry(d, "   ")
	}
	return p.err
}

// entry prints the detail of one changed entry and its changed clauses.
func (p *printer) entry(d *notices.SectionDiff, indent string) {
	if o, n, ok := titleChange(d); ok {
		p.printf("%stitle: %s -> %s\n", indent, clean(strconv.Quote(o)), clean(strconv.Quote(n)))
	}
	if note := partsNote(d); note != "" {
		p.printf("%s%s\n", indent, clean(note))
	}
	switch {
	case d.Change&(notices.Added|notices.Removed) != 0:
		p.whole(d, indent)
		return
	case d.Change&notices.Reworded != 0:
		p.edits(indent, context(d.Edits, contextRunes))
	}
	for _, c := range changed(d.Clauses) {
		p.printf("%s%s %s\n", indent, lint.Colour(color.Bold).Sprint(clean(textHeading(c))), lint.Colour(color.Faint).Sprintf("(%s)", changeWords(c)))
		p.entry(c, indent+"   ")
	}
}

// whole prints an added or removed entry's text, clauses included.
func (p *printer) whole(d *notices.SectionDiff, indent string) {
	mark, col := "+ ", lint.Colour(color.FgGreen)
	if d.Change&notices.Removed != 0 {
		mark, col = "- ", lint.Colour(color.FgRed)
	}
	wholeLines(d, textHeading, func(line string) { p.printf("%s%s\n", indent, col.Sprint(mark+clean(line))) })
}

// edits prints a word diff, each block on its own indented line.
func (p *printer) edits(indent string, es []notices.Edit) {
	del, ins := lint.Colour(color.FgRed, color.CrossedOut), lint.Colour(color.FgGreen, color.Underline)
	var b strings.Builder
	b.WriteString(indent)
	for _, e := range es {
		parts := strings.Split(e.Text, "\n")
		for i, part := range parts {
			if i > 0 {
				b.WriteString("\n" + indent)
			}
			if part == "" {
				continue
			}
			part = clean(part)
			switch e.Op {
			case notices.Delete:
				if color.NoColor {
					part = "[-" + part + "-]"
				}
				b.WriteString(del.Sprint(part))
			case notices.Insert:
				if color.NoColor {
					part = "{+" + part + "+}"
				}
				b.WriteString(ins.Sprint(part))
			default:
				b.WriteString(part)
			}
		}
	}
	p.printf("%s\n", b.String())
}

func countLine(m map[string]int) string {
	var parts []string
	for _, k := range Kinds {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func sevColour(s lint.Severity) *color.Color {
	switch s {
	case lint.Error:
		return lint.Colour(color.FgRed, color.Bold)
	case lint.Warning:
		return lint.Colour(color.FgYellow, color.Bold)
	}
	return lint.Colour(color.FgCyan)
}

// clean shows the controls in a notice's text as escapes (sanitize.Line).
var clean = sanitize.Line

// printer remembers the first write error so that a run of prints can be
// checked once.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, a ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, a...)
	}
}

// textHeading is heading with an ASCII arrow, which lines up in a terminal.
func textHeading(d *notices.SectionDiff) string {
	return strings.ReplaceAll(heading(d), " → ", " -> ")
}
