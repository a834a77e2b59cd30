package redline

import (
	"html"
	"io"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// WriteMarkdown prints the report as a pull-request comment: a summary
// table, the broken references and the compliance delta, then one
// collapsible <details> block per changed section with its wording diff.
// Deletions and insertions are <del> and <ins>, which GitHub renders as
// struck-through and underlined text.
func WriteMarkdown(w io.Writer, r *Report) error {
	p := &printer{w: w}
	p.printf("### noticelint diff: `%s` → `%s`\n\n", code(r.Old.Path), code(r.New.Path))
	if !r.Changed() {
		p.printf("No changes.\n")
		return p.err
	}
	if r.TitleChanged() {
		p.printf("Title: %s → %s\n\n", md(r.Old.Title), md(r.New.Title))
	}
	c := r.Counts()
	p.printf("| change | sections | clauses |\n|---|---:|---:|\n")
	for _, k := range Kinds {
		if c.Sections[k]+c.Clauses[k] > 0 {
			p.printf("| %s | %d | %d |\n", k, c.Sections[k], c.Clauses[k])
		}
	}
	p.printf("\n**Compliance:** %s introduced, %d resolved, %d carried over.", plural(len(r.Introduced), "finding"), len(r.Resolved), len(r.Carried))
	if len(r.Refs) > 0 {
		p.printf(" **%s broken by the change.**", plural(len(r.Refs), "reference"))
	}
	p.printf("\n")
	if r.Coarse {
		p.printf("\n_Some wording diffs hit their time limit and show whole lines replaced._\n")
	}
	if len(r.Refs) > 0 {
		p.printf("\n#### References broken by the change\n\n")
		for _, rc := range r.Refs {
			pos := r.New.Pos(rc.New.Span.Start)
			p.printf("- `%s:%d:%d` (in %s): %s", code(r.New.Path), pos.Line, pos.Col, md(refWhere(rc)), md(refMessage(rc)))
			if fix := refFix(rc); fix != "" {
				p.printf(" %s", md(fix))
			}
			p.printf("\n")
		}
	}
	mdFindings(p, "Findings introduced", r.Introduced)
	mdFindings(p, "Findings resolved", r.Resolved)
	if r.Preamble != nil {
		p.printf("\n<details><summary><b>Introduction</b> (before the first section): reworded</summary>\n\n%s\n\n</details>\n",
			mdEdits(context(r.Preamble, contextRunes)))
	}
	ch := changed(r.Sections)
	if len(ch) > 0 {
		p.printf("\n#### Changed sections\n")
	}
	for _, d := range ch {
		p.printf("\n<details><summary><b>%s</b>: %s</summary>\n\n", html.EscapeString(heading(d)), html.EscapeString(changeWords(d)))
		mdEntry(p, d)
		p.printf("</details>\n")
	}
	return p.err
}

func mdFindings(p *printer, title string, fs []lint.Finding) {
	if len(fs) == 0 {
		return
	}
	p.printf("\n#### %s\n\n", title)
	for _, f := range fs {
		sec := ""
		if f.Section != "" {
			sec = " (§" + f.Section + ")"
		}
		p.printf("- **%s** `%s` `%s:%d:%d`%s: %s\n", f.Severity, f.Rule, code(f.File), f.Line, f.Column, sec, md(f.Message))
	}
}

func mdEntry(p *printer, d *notices.SectionDiff) {
	if o, n, ok := titleChange(d); ok {
		p.printf("Title: <del>%s</del> <ins>%s</ins>\n\n", md(o), md(n))
	}
	if note := partsNote(d); note != "" {
		p.printf("_%s_\n\n", md(note))
	}
	if d.Change&(notices.Added|notices.Removed) != 0 {
		tag := "ins"
		if d.Change&notices.Removed != 0 {
			tag = "del"
		}
		wholeLines(d, heading, func(line string) { p.printf("<%s>%s</%s>\n\n", tag, md(line), tag) })
		return
	}
	if d.Change&notices.Reworded != 0 {
		p.printf("%s\n\n", mdEdits(context(d.Edits, contextRunes)))
	} else if changedClauses(d) == 0 && d.Change&notices.Retitled == 0 {
		p.printf("_Wording unchanged._\n\n")
	}
	for _, c := range changed(d.Clauses) {
		p.printf("**%s** (%s)\n\n", md(heading(c)), md(changeWords(c)))
		mdEntry(p, c)
	}
}

// mdEdits renders a word diff; blocks become paragraphs.
func mdEdits(es []notices.Edit) string {
	var b strings.Builder
	start := true
	for _, e := range es {
		for i, part := range strings.Split(e.Text, "\n") {
			if i > 0 {
				b.WriteString("\n\n")
				start = true
			}
			if part == "" {
				continue
			}
			switch e.Op {
			case notices.Delete:
				b.WriteString("<del>" + md(part) + "</del>")
			case notices.Insert:
				b.WriteString("<ins>" + md(part) + "</ins>")
			default:
				if start {
					b.WriteString(mdLineStart(md(part)))
				} else {
					b.WriteString(md(part))
				}
			}
			start = false
		}
	}
	return b.String()
}

// mdLineStart escapes what would make a line a list item or a quote: a
// block that reads "1. The right to be informed" is text, not a list.
func mdLineStart(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	switch {
	case i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')'):
		return s[:i] + "\\" + s[i:]
	case i == 0 && s != "" && strings.ContainsRune("-+=>", rune(s[0])):
		return "\\" + s
	}
	return s
}

// md escapes text so that Markdown shows it as written: HTML specials
// become entities and Markdown punctuation is backslash-escaped.
func md(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// code makes text safe inside a `code span`.
func code(s string) string { return strings.ReplaceAll(s, "`", "'") }
