package redline

import (
	"html"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/sanitize"
	"github.com/noticelint/noticelint/notices"
)

// WriteMarkdown prints the report as a pull-request comment: a summary
// table, the broken references and the compliance delta, then one
// collapsible <details> block per changed section with its wording diff.
// Deletions and insertions are <del> and <ins>, which GitHub renders as
// struck-through and underlined text.
func WriteMarkdown(w io.Writer, r *Report) error {
	p := &printer{w: w}
	p.printf("### noticelint diff: `%s` → `%s`\n\n", code(r.OldVersion.label(r.Old.Path)), code(r.NewVersion.label(r.New.Path)))
	var about []string
	for _, v := range []struct {
		side string
		v    Version
	}{{"old", r.OldVersion}, {"new", r.NewVersion}} {
		if o := v.v.origin(); o != "" {
			about = append(about, v.side+": "+md(o))
		}
	}
	if r.Tool != "" {
		about = append(about, "by "+md(r.Tool))
	}
	if len(about) > 0 {
		p.printf("<sub>%s</sub>\n\n", strings.Join(about, " · "))
	}
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
	if len(r.Elements) > 0 {
		p.printf("\n#### Required content (UK GDPR Art 13/14)\n\n")
		for _, e := range r.Elements {
			verb := "added"
			if e.Removed {
				verb = "**removed**"
			}
			p.printf("- %s: `%s` (%s → %s)\n", verb, code(e.ID), e.Old, e.New)
		}
	}
	if r.Preamble != nil {
		p.printf("\n<details><summary><b>Introduction</b> (before the first section): reworded</summary>\n\n%s\n\n</details>\n",
			mdEdits(context(r.Preamble, contextRunes)))
	}
	ch := changed(r.Sections)
	if len(ch) > 0 {
		p.printf("\n#### Changed sections\n")
	}
	for _, d := range ch {
		p.printf("\n<details><summary><b>%s</b>: %s</summary>\n\n", htmlText(heading(d)), html.EscapeString(changeWords(d)))
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
			sec = " (§" + md(f.Section) + ")"
		}
		p.printf("- **%s** `%s` `%s:%d:%d`%s: %s\n", f.Severity, code(f.Rule), code(f.File), f.Line, f.Column, sec, md(f.Message))
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

// md escapes text so that Markdown shows it as written, and so that a
// comment posted from the report can do nothing the notice's author put in
// it: controls are shown as escapes (sanitize.Line), HTML specials become
// entities (no raw HTML), Markdown punctuation is backslash-escaped, and an
// @mention gets a zero-width space after its "@", so that it notifies no
// one. An email address's "@" follows a letter and is left alone.
func md(s string) string {
	var b strings.Builder
	for _, r := range sanitize.Line(s) {
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
	return noMentions(b.String())
}

// code makes text safe inside a `code span`, where nothing is a mention or
// markup: only a backtick would end it, and controls are shown as escapes.
func code(s string) string { return strings.ReplaceAll(sanitize.Line(s), "`", "'") }

// htmlText is md for the HTML of a <summary>, where Markdown is not read.
func htmlText(s string) string { return noMentions(html.EscapeString(sanitize.Line(s))) }

// noMentions puts a zero-width space (as an entity) after each "@" that
// GitHub would read as the start of a mention.
func noMentions(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	prev := ' '
	for i, r := range s {
		b.WriteRune(r)
		if r == '@' && !mentionBoundary(prev) && i+1 < len(s) && isMentionStart(s[i+1]) {
			b.WriteString("&#8203;")
		}
		prev = r
	}
	return b.String()
}

// mentionBoundary reports whether an "@" after r is part of a word (an
// email address), which GitHub does not read as a mention.
func mentionBoundary(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-' || r == '+')
}

// isMentionStart reports whether c can begin a GitHub user or team name.
func isMentionStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
