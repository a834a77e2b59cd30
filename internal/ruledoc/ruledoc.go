// Package ruledoc renders the rule reference, docs/rules.md, from the rule
// values themselves, as staticcheck generates its check pages: the text a
// user reads on the web is the text 'noticelint explain' prints, written
// once beside the check.
//
// It depends on lint.Rule only, not on the rules package, so anything that
// holds a list of rules (the test that keeps docs/rules.md fresh, a future
// 'rules --format markdown') can render it.
package ruledoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/noticelint/noticelint/lint"
)

// Command regenerates docs/rules.md. The staleness test prints it.
const Command = "go test ./internal/ruledoc -update"

// Render returns the Markdown reference for rules, in the order given.
func Render(rules []*lint.Rule) []byte {
	var b bytes.Buffer
	b.WriteString("# Rules\n\n")
	fmt.Fprintf(&b, "_Generated from the rule values in `rules/` by `%s`; edit a rule's `Doc`, not this page._\n\n", Command)
	b.WriteString("`noticelint rules` lists these rules and `noticelint explain RULE` prints a rule's text below. " +
		"Set a rule's severity (`off`, `info`, `warning`, `error`) or its options in `.noticelint.yml` under " +
		"`rules.RULE`; silence one finding with an inline suppression naming the rule.\n\n")

	b.WriteString("| Rule | Default severity | Since | A passing notice |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, anchor(r.ID), r.Severity, r.Since, inline(r.Summary))
	}
	b.WriteString("\n")

	for _, r := range rules {
		fmt.Fprintf(&b, "## %s\n\n", r.ID)
		fmt.Fprintf(&b, "%s.\n\n", strings.TrimSuffix(inline(r.Summary), "."))
		fmt.Fprintf(&b, "Default severity: **%s**. Since: %s.\n\n", r.Severity, r.Since)
		doc(&b, r.Doc)
		if len(r.Options) > 0 {
			fmt.Fprintf(&b, "### Options\n\nSet under `rules.%s.options` in `.noticelint.yml`.\n\n", r.ID)
			b.WriteString("| Option | Default | Meaning |\n|---|---|---|\n")
			for _, o := range r.Options {
				fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", o.Name, value(o.Default), inline(o.Doc))
			}
			b.WriteString("\n")
		}
	}
	// Every block ends in a blank line; the file ends in one newline.
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// doc renders a rule's Doc. Doc is plain text meant for a terminal, written
// in three kinds of block, told apart by indentation:
//   - prose, flush left, hard-wrapped;
//   - list items, indented "  - ", continued by lines indented further;
//   - examples, other indented lines: notice text quoted as it is written.
//
// Examples become fenced code blocks, so notice text (an HTML comment such
// as a suppression, a '*' or '#') shows as written instead of being read as
// Markdown; prose and items are escaped for the same reason.
func doc(b *bytes.Buffer, text string) {
	for _, blk := range blocks(text) {
		switch blk.kind {
		case prose:
			b.WriteString(label(blk.lines[0]))
			for _, l := range blk.lines[1:] {
				b.WriteString("\n" + inline(l))
			}
			b.WriteString("\n\n")
		case items:
			for _, l := range blk.lines {
				b.WriteString("- " + inline(l) + "\n")
			}
			b.WriteString("\n")
		case example:
			fence := strings.Repeat("`", max(3, longestRun(blk.lines, '`')+1))
			b.WriteString(fence + "text\n")
			for _, l := range blk.lines {
				b.WriteString(l + "\n")
			}
			b.WriteString(fence + "\n\n")
		}
	}
}

type kind int

const (
	prose kind = iota
	items
	example
)

// block is a run of Doc lines of one kind. An items block holds one entry
// per item, its continuation lines joined; an example block holds its lines
// with the common two-space indent removed.
type block struct {
	kind  kind
	lines []string
}

func blocks(text string) []block {
	var out []block
	add := func(k kind, line string) {
		if n := len(out); n > 0 && out[n-1].kind == k {
			out[n-1].lines = append(out[n-1].lines, line)
			return
		}
		out = append(out, block{kind: k, lines: []string{line}})
	}
	blank := true // the line before was blank: a new block starts
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " ")
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case trimmed == "":
			blank = true
			continue
		case indent >= 2 && strings.HasPrefix(trimmed, "- "):
			item := []string{strings.TrimPrefix(trimmed, "- ")}
			for i+1 < len(lines) && indentOf(lines[i+1]) > indent &&
				!strings.HasPrefix(strings.TrimLeft(lines[i+1], " "), "- ") {
				i++
				item = append(item, strings.TrimSpace(lines[i]))
			}
			add(items, strings.Join(item, " "))
		case indent >= 2:
			add(example, line[2:])
		default:
			if blank {
				// Prose after a blank line is a new paragraph, even after
				// prose: give the block a fresh start.
				out = append(out, block{kind: prose, lines: []string{line}})
			} else {
				add(prose, line)
			}
		}
		blank = false
	}
	return out
}

// The labels that open the parts of every rule's Doc are set in bold.
var labels = []string{"Why", "Fails", "Passes", "Fix"}

func label(line string) string {
	for _, l := range labels {
		if rest, ok := strings.CutPrefix(line, l); ok && (rest == "" || rest[0] == ':' || rest[0] == ' ') {
			if tail, colon := strings.CutPrefix(rest, ":"); colon {
				return "**" + l + ":**" + inline(tail)
			}
			// "Fails (one finding per paragraph, at the first mention):"
			return "**" + l + "**" + inline(rest)
		}
	}
	return inline(line)
}

func indentOf(line string) int {
	t := strings.TrimLeft(line, " ")
	if t == "" {
		return 0
	}
	return len(line) - len(t)
}

func longestRun(lines []string, c rune) int {
	longest := 0
	for _, l := range lines {
		n := 0
		for _, r := range l {
			if r == c {
				n++
				longest = max(longest, n)
			} else {
				n = 0
			}
		}
	}
	return longest
}

// inline escapes the characters that would turn text into Markdown markup:
// emphasis, code spans, links, raw HTML, and at a line's start, headings,
// lists and quotes, and in a table the '|' that ends a cell. A notice's
// wording is quoted in Docs and must show as written.
func inline(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|':
			b.WriteByte('\\')
		case '#', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. text" or "1) text" at the start would become an ordered list.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// value prints an option's default as it is written in YAML; JSON is a
// subset, and for the option types (bool, int, string, []string) the two
// agree.
func value(v any) string {
	out, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(out)
}

// anchor is the heading anchor GitHub and most renderers give an ID heading.
func anchor(id string) string {
	return strings.ToLower(id)
}
