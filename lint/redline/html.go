package redline

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/sanitize"
	"github.com/noticelint/noticelint/notices"
)

// WriteHTML prints the report as one self-contained page: inline CSS, no
// scripts, nothing fetched from the network. Insertions and deletions are
// styled as a redline (underlined green, struck-through red, legible in
// black and white too), a table of changes at the top links to each changed
// section, and print styles keep it readable on paper. The markup is
// well-formed XML (every element closed, attributes quoted), so tools and
// tests can parse it with encoding/xml.
func WriteHTML(w io.Writer, r *Report) error {
	a := newAnchors(r)
	var b strings.Builder
	title := r.New.Title
	if title == "" {
		title = r.New.Path
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	fmt.Fprintf(&b, "<title>Changes to %s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(title), css)
	side := func(v Version, path string) string {
		s := "<code>" + esc(v.label(path)) + "</code>"
		if o := v.origin(); o != "" {
			s += " <small>(" + esc(o) + ")</small>"
		}
		return s
	}
	fmt.Fprintf(&b, "<header>\n<h1>Changes to %s</h1>\n<p class=\"files\"><span class=\"old\">Old: %s</span> <span class=\"arrow\">→</span> <span class=\"new\">New: %s</span></p>\n",
		esc(title), side(r.OldVersion, r.Old.Path), side(r.NewVersion, r.New.Path))
	if r.TitleChanged() {
		fmt.Fprintf(&b, "<p>Title: <del>%s</del> <ins>%s</ins></p>\n", esc(r.Old.Title), esc(r.New.Title))
	}
	b.WriteString("</header>\n")
	if !r.Changed() {
		b.WriteString("<main>\n<p class=\"none\">No changes.</p>\n</main>\n</body>\n</html>\n")
		_, err := io.WriteString(w, b.String())
		return err
	}

	c := r.Counts()
	b.WriteString("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"counts\">\n<thead><tr><th>Change</th><th>Sections</th><th>Clauses</th></tr></thead>\n<tbody>\n")
	for _, k := range Kinds {
		if c.Sections[k]+c.Clauses[k] > 0 {
			fmt.Fprintf(&b, "<tr class=\"%s\"><td>%s</td><td>%d</td><td>%d</td></tr>\n", k, k, c.Sections[k], c.Clauses[k])
		}
	}
	b.WriteString("</tbody>\n</table>\n")
	fmt.Fprintf(&b, "<p class=\"compliance\">Compliance: <strong>%s introduced</strong>, %d resolved, %d carried over.",
		plural(len(r.Introduced), "finding"), len(r.Resolved), len(r.Carried))
	if len(r.Refs) > 0 {
		fmt.Fprintf(&b, " <strong class=\"broken\">%s broken by the change.</strong>", plural(len(r.Refs), "reference"))
	}
	b.WriteString("</p>\n")
	if r.Coarse {
		b.WriteString("<p class=\"note\">Some wording diffs hit their time limit and show whole lines replaced.</p>\n")
	}
	b.WriteString("</section>\n")

	ch := changed(r.Sections)
	b.WriteString("<nav id=\"changes\">\n<h2>Table of changes</h2>\n<table class=\"toc\">\n<thead><tr><th>Old</th><th>New</th><th>Section</th><th>Change</th></tr></thead>\n<tbody>\n")
	if r.Preamble != nil {
		b.WriteString("<tr><td></td><td></td><td><a href=\"#s-introduction\">Introduction</a> (before the first section)</td><td>reworded</td></tr>\n")
	}
	for _, d := range ch {
		fmt.Fprintf(&b, "<tr class=\"%s\"><td>%s</td><td>%s</td><td><a href=\"#%s\">%s</a>",
			rowClass(d), esc(number(d.Old)), esc(number(d.New)), a.id(d), esc(displayTitle(d)))
		if d.Change&(notices.Added|notices.Removed) == 0 {
			var links []string
			var walk func([]*notices.SectionDiff)
			walk = func(ds []*notices.SectionDiff) {
				for _, cl := range changed(ds) {
					links = append(links, fmt.Sprintf("<a class=\"%s\" href=\"#%s\" title=\"%s\">%s</a>", rowClass(cl), a.id(cl), esc(changeWords(cl)), esc(clauseLabel(cl))))
					if cl.Change&(notices.Added|notices.Removed) == 0 {
						walk(cl.Clauses)
					}
				}
			}
			walk(d.Clauses)
			if len(links) > 0 {
				fmt.Fprintf(&b, "<span class=\"clauses\">%s</span>", strings.Join(links, " "))
			}
		}
		fmt.Fprintf(&b, "</td><td>%s</td></tr>\n", esc(changeWords(d)))
	}
	b.WriteString("</tbody>\n</table>\n</nav>\n")

	if len(r.Refs) > 0 {
		b.WriteString("<section id=\"references\">\n<h2>References broken by the change</h2>\n<ul>\n")
		for _, rc := range r.Refs {
			pos := r.New.Pos(rc.New.Span.Start)
			fmt.Fprintf(&b, "<li><code>%s:%d:%d</code> in %s: %s", esc(r.New.Path), pos.Line, pos.Col, esc(refWhere(rc)), esc(refMessage(rc)))
			if fix := refFix(rc); fix != "" {
				fmt.Fprintf(&b, " <span class=\"fix\">%s</span>", esc(fix))
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n</section>\n")
	}
	if len(r.Introduced)+len(r.Resolved)+len(r.Elements) > 0 {
		b.WriteString("<section id=\"compliance\">\n<h2>Compliance</h2>\n")
		htmlFindings(&b, "Findings introduced", "introduced", r.Introduced)
		htmlFindings(&b, "Findings resolved", "resolved", r.Resolved)
		if len(r.Elements) > 0 {
			b.WriteString("<h3>Required content (UK GDPR Art 13/14)</h3>\n<ul>\n")
			for _, e := range r.Elements {
				class, verb := "introduced", "added"
				if e.Removed {
					class, verb = "resolved", "removed"
				}
				fmt.Fprintf(&b, "<li class=\"%s\">%s: <code>%s</code> (%s → %s)</li>\n", class, verb, esc(e.ID), esc(e.Old), esc(e.New))
			}
			b.WriteString("</ul>\n")
		}
		b.WriteString("</section>\n")
	}

	b.WriteString("<main>\n")
	if r.Preamble != nil {
		b.WriteString("<article class=\"section reworded\" id=\"s-introduction\">\n<h3>Introduction <span class=\"tags\"><span class=\"tag\">reworded</span></span></h3>\n")
		htmlEdits(&b, r.Preamble)
		b.WriteString("</article>\n")
	}
	for _, d := range ch {
		htmlEntry(&b, a, d, 3, false)
	}
	tool := "noticelint"
	if r.Tool != "" {
		tool = r.Tool
	}
	fmt.Fprintf(&b, "</main>\n<footer>Generated by %s diff.</footer>\n</body>\n</html>\n", esc(tool))
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlFindings(b *strings.Builder, title, class string, fs []lint.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "<h3>%s</h3>\n<ul class=\"%s\">\n", title, class)
	for _, f := range fs {
		sec := ""
		if f.Section != "" {
			sec = " (§" + f.Section + ")"
		}
		fmt.Fprintf(b, "<li><span class=\"sev %s\">%s</span> <code>%s</code> <code>%s:%d:%d</code>%s: %s</li>\n",
			f.Severity, f.Severity, esc(f.Rule), esc(f.File), f.Line, f.Column, esc(sec), esc(f.Message))
	}
	b.WriteString("</ul>\n")
}

// htmlEntry writes one changed entry: all of an added or removed section's
// text, or a reworded section's whole text marked up as a redline, then its
// changed clauses.
//
// The clauses of an added or removed section are part of its entry (part is
// set): they get no anchor of their own, as the table of changes lists the
// section once.
func htmlEntry(b *strings.Builder, a *anchors, d *notices.SectionDiff, level int, part bool) {
	tag := "article"
	if level > 3 {
		tag = "section"
	}
	h := min(level, 6)
	if part {
		fmt.Fprintf(b, "<%s class=\"part %s\">\n<h%d>", tag, rowClass(d), h)
	} else {
		fmt.Fprintf(b, "<%s class=\"section %s\" id=\"%s\">\n<h%d>", tag, rowClass(d), a.id(d), h)
	}
	if d.Old != nil && d.New != nil && d.Old.Number != d.New.Number {
		fmt.Fprintf(b, "<span class=\"num\"><del>%s</del> <ins>%s</ins></span> ", esc(d.Old.Number), esc(d.New.Number))
	} else if n := side(d).Number; n != "" {
		fmt.Fprintf(b, "<span class=\"num\">%s</span> ", esc(n))
	}
	if o, n, ok := titleChange(d); ok {
		fmt.Fprintf(b, "<del>%s</del> <ins>%s</ins>", esc(o), esc(n))
	} else if side(d).Kind != notices.Clause {
		b.WriteString(esc(side(d).Title))
	}
	b.WriteString(" <span class=\"tags\">")
	for _, n := range d.Change.Names() {
		fmt.Fprintf(b, "<span class=\"tag %s\">%s</span>", n, n)
	}
	fmt.Fprintf(b, "</span></h%d>\n", h)
	if note := partsNote(d); note != "" {
		fmt.Fprintf(b, "<p class=\"note\">%s</p>\n", esc(note))
	}
	if d.Change != 0 {
		htmlEdits(b, d.Edits)
	}
	shown := 0
	whole := part || d.Change&(notices.Added|notices.Removed) != 0
	for _, c := range d.Clauses {
		if c.Changed() || whole {
			shown++
			htmlEntry(b, a, c, level+1, whole)
		}
	}
	if hidden := len(d.Clauses) - shown; hidden > 0 {
		fmt.Fprintf(b, "<p class=\"note\">%s unchanged, not shown.</p>\n", plural(hidden, "clause"))
	}
	fmt.Fprintf(b, "</%s>\n", tag)
}

// htmlEdits writes a word diff; each block of the text is a paragraph.
func htmlEdits(b *strings.Builder, es []notices.Edit) {
	if len(es) == 0 {
		return
	}
	b.WriteString("<div class=\"text\">\n<p>")
	for _, e := range es {
		for i, part := range strings.Split(e.Text, "\n") {
			if i > 0 {
				b.WriteString("</p>\n<p>")
			}
			if part == "" {
				continue
			}
			switch e.Op {
			case notices.Delete:
				b.WriteString("<del>" + esc(part) + "</del>")
			case notices.Insert:
				b.WriteString("<ins>" + esc(part) + "</ins>")
			default:
				b.WriteString(esc(part))
			}
		}
	}
	b.WriteString("</p>\n</div>\n")
}

// esc makes a notice's text safe in the page: the characters XML 1.0
// forbids (which html/template would let through too) become U+FFFD, then
// HTML specials become entities, so the page stays well-formed XML.
func esc(s string) string { return html.EscapeString(sanitize.XML(s)) }

func number(s *notices.Section) string {
	if s == nil {
		return ""
	}
	return s.Number
}

func displayTitle(d *notices.SectionDiff) string {
	if t := side(d).Title; t != "" {
		return t
	}
	return "(untitled)"
}

func clauseLabel(d *notices.SectionDiff) string {
	if n := side(d).Number; n != "" {
		return n
	}
	return displayTitle(d)
}

// rowClass is the CSS class of an entry: its strongest change.
func rowClass(d *notices.SectionDiff) string {
	switch {
	case d.Change&notices.Added != 0:
		return "added"
	case d.Change&notices.Removed != 0:
		return "removed"
	case d.Change&notices.Moved != 0:
		return "moved"
	case d.Change != 0:
		return "changed"
	}
	return "inner"
}

const css = `
:root { --ins: #0a6b1f; --ins-bg: #e3f5e6; --del: #a5141b; --del-bg: #fbe4e4; --line: #d0d4da; --muted: #5b6470; }
* { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1b1f24; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1, h2, h3, h4, h5, h6, nav, table, .tags, code, footer, .files { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .25rem; }
.files { color: var(--muted); margin: 0; }
code { font-size: .85em; background: #f3f4f6; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 1px; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.counts { width: auto; }
table.counts td:nth-child(n+2), table.counts th:nth-child(n+2) { text-align: right; }
table.toc td:first-child, table.toc td:nth-child(2) { white-space: nowrap; width: 3.5rem; }
table.toc td:last-child { color: var(--muted); width: 14rem; }
tr.added td:nth-child(3) a { color: var(--ins); }
tr.removed td:nth-child(3) a { color: var(--del); text-decoration: line-through; }
.clauses { display: block; font-size: .8rem; }
.clauses a { margin-right: .4rem; }
.clauses a.added { color: var(--ins); }
.clauses a.removed { color: var(--del); text-decoration: line-through; }
a { color: #0b4f9c; }
.compliance strong, .broken { color: var(--del); }
#references li, #compliance li { margin: .3rem 0; }
.sev { font-weight: bold; text-transform: uppercase; font-size: .75rem; }
.sev.error { color: var(--del); }
.sev.warning { color: #8a5a00; }
.fix { color: var(--ins); }
article.section { border-top: 2px solid var(--line); margin: 1.5rem 0; padding-top: .75rem; }
section.section, section.part { border-left: 3px solid var(--line); margin: .75rem 0 .75rem .25rem; padding-left: .75rem; }
.section.added { border-color: var(--ins); }
.section.removed { border-color: var(--del); }
.section.removed > .text { color: var(--del); }
.num { color: var(--muted); margin-right: .25rem; }
.tags { font-size: .7rem; font-weight: normal; margin-left: .5rem; white-space: nowrap; }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 3px; padding: 0 .35rem; margin-right: .25rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.tag.added { color: var(--ins); border-color: var(--ins); }
.tag.removed { color: var(--del); border-color: var(--del); }
.text p { margin: .4rem 0; white-space: pre-wrap; }
.note { color: var(--muted); font-style: italic; font-size: .9rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  ins, del, .tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, .text p { break-inside: avoid; }
  nav#changes { break-after: page; }
}
`
