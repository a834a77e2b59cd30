package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/sanitize"
	"github.com/noticelint/noticelint/notices"
)

// The outline shows how noticelint read a notice: its sections, clauses,
// table of contents, references and contacts. Its JSON form is for scripts
// and for debugging the parser.

type outlineSection struct {
	Number   string           `json:"number"`
	Title    string           `json:"title"`
	Kind     string           `json:"kind"`
	Line     int              `json:"line"`
	EndLine  int              `json:"end_line"`
	Children []outlineSection `json:"children,omitempty"`
}

type outlineRef struct {
	Text   string `json:"text"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Topic  string `json:"topic,omitempty"`
	Target string `json:"target"` // the section's number, "" when it does not exist
}

type outlineTOC struct {
	Number string `json:"number"`
	Title  string `json:"title"`
	Line   int    `json:"line"`
	Found  bool   `json:"found"`
}

type outlineContact struct {
	Kind   string `json:"kind"`
	Value  string `json:"value"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Valid  bool   `json:"valid"`
	Party  string `json:"party"`
}

type outline struct {
	File     string           `json:"file"`
	Title    string           `json:"title"`
	TOC      []outlineTOC     `json:"toc"`
	Sections []outlineSection `json:"sections"`
	Refs     []outlineRef     `json:"refs"`
	Contacts []outlineContact `json:"contacts"`
	Facts    []outlineFact    `json:"facts"`
}

var kindNames = map[notices.SectionKind]string{
	notices.Heading: "heading", notices.TitleLine: "title-line", notices.Clause: "clause",
	notices.Implied: "implied", notices.Unnumbered: "unnumbered",
}

func newOutlineCmd() *cobra.Command {
	var format string
	var rf runFlags
	var maxSize int64
	cmd := &cobra.Command{
		Use:   "outline FILE",
		Short: "Print how noticelint reads a notice: sections, clauses, table of contents, references",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErr("--format: unknown format %q (want text or json)", format)
			}
			// lint's reader: the same size limit, and no reading of pipes
			// or devices (a link to /dev/zero would never end).
			n, err := parseOne(args[0], cmd.InOrStdin(), maxSize)
			if err != nil {
				return err
			}
			stated, err := statedFacts(rf, args[0])
			if err != nil {
				return configFailure(cmd.ErrOrStderr(), err)
			}
			o := buildOutline(n)
			o.Facts = outlineFacts(n, n.Facts.With(stated))
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(o)
			}
			return writeOutline(cmd.OutOrStdout(), o)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().Int64Var(&maxSize, "max-size", lint.DefaultMaxSize, "largest notice to read, in bytes")
	cmd.Flags().StringVar(&rf.config, "config", "", "take stated facts from this configuration file instead of discovering one")
	cmd.Flags().BoolVar(&rf.noConfig, "no-config", false, "print only the facts read from the text")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions("text", "json"))
	return cmd
}

func buildOutline(n *notices.Notice) outline {
	o := outline{File: n.Path, Title: n.Title, TOC: []outlineTOC{}, Refs: []outlineRef{}, Contacts: []outlineContact{}}
	if n.TOC != nil {
		for _, e := range n.TOC.Entries {
			o.TOC = append(o.TOC, outlineTOC{Number: e.Number, Title: e.Title, Line: n.Pos(e.Span.Start).Line, Found: e.Target != nil})
		}
	}
	var conv func([]*notices.Section) []outlineSection
	conv = func(ss []*notices.Section) []outlineSection {
		out := []outlineSection{}
		for _, s := range ss {
			end := n.Pos(max(s.Span.Start, s.Span.End-1)).Line
			out = append(out, outlineSection{Number: s.Number, Title: s.Title, Kind: kindNames[s.Kind],
				Line: n.Pos(s.Span.Start).Line, EndLine: end, Children: conv(s.Children)})
		}
		return out
	}
	o.Sections = conv(n.Sections)
	for _, r := range n.Refs {
		p := n.Pos(r.Span.Start)
		ref := outlineRef{Text: r.Text, Line: p.Line, Column: p.Col, Topic: r.Topic}
		if r.Target != nil {
			ref.Target = r.Target.Number
		}
		o.Refs = append(o.Refs, ref)
	}
	for _, c := range n.Contacts {
		p := n.Pos(c.Span.Start)
		o.Contacts = append(o.Contacts, outlineContact{Kind: c.Kind.String(), Value: c.Value, Line: p.Line, Column: p.Col, Valid: c.Valid, Party: c.Party.String()})
	}
	return o
}

// writeOutline prints the outline for a terminal. It has no colour, so all
// of it goes through a sanitize.Writer: titles, references and anything else
// it prints from the notice.
func writeOutline(w io.Writer, o outline) error {
	sw := sanitize.NewWriter(w)
	tw := tabwriter.NewWriter(sw, 0, 4, 2, ' ', 0)
	p := &printer{w: tw}
	p.printf("%s: %q\n", o.File, o.Title)
	if len(o.TOC) > 0 {
		p.printf("\nTable of contents (line %d, %d entries)\n", o.TOC[0].Line, len(o.TOC))
		for _, e := range o.TOC {
			mark := ""
			if !e.Found {
				mark = "  (not in the body)"
			}
			p.printf("  %s\t%s%s\n", e.Number, e.Title, mark)
		}
	}
	p.printf("\nSections" + "\n")
	p.printf("  NUMBER\tTITLE\tLINES\tCLAUSES\tKIND" + "\n")
	printSections(p, o.Sections, 0)
	p.printf("\nReferences" + "\n")
	if len(o.Refs) == 0 {
		p.printf("  none" + "\n")
	}
	for _, r := range o.Refs {
		target := "does not exist"
		if r.Target != "" {
			target = "-> " + r.Target
		}
		topic := ""
		if r.Topic != "" {
			topic = fmt.Sprintf("topic %q", r.Topic)
		}
		p.printf("  line %d:%d\t%s\t%s\t%s\n", r.Line, r.Column, r.Text, target, topic)
	}
	p.printf("\nFacts\n")
	for _, f := range o.Facts {
		if e := f.evidence(); e != "" {
			p.printf("  %s\t%s\t%s\n", f.Fact, f.Value, e)
		} else {
			p.printf("  %s\t%s\n", f.Fact, f.Value)
		}
	}
	if p.err != nil {
		return p.err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return sw.Flush()
}

// printSections prints sections, and the parts of an unnumbered one
// indented under it: a notice whose only heading is its title ("The BBC
// Privacy and Cookies Policy" over every numbered part) would otherwise
// print as one section. A numbered section's parts are its clauses,
// counted beside it.
func printSections(p *printer, secs []outlineSection, depth int) {
	indent := strings.Repeat("  ", depth)
	for _, s := range secs {
		clauses := countClauses(s)
		if s.Number == "" {
			clauses = 0 // its parts are printed, with their own clauses
		}
		p.printf("  %s\t%s%s\t%d-%d\t%d\t%s\n", s.Number, indent, truncate(s.Title, 60), s.Line, s.EndLine, clauses, s.Kind)
		if s.Number == "" {
			printSections(p, s.Children, depth+1)
		}
	}
}

func countClauses(s outlineSection) int {
	c := len(s.Children)
	for _, ch := range s.Children {
		c += countClauses(ch)
	}
	return c
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

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
