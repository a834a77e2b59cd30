package main

import (
	"fmt"
	"strings"

	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// statedFacts returns what the configuration governing path states about
// it, so that outline shows the facts the rules will read.
func statedFacts(rf runFlags, path string) (*notices.Stated, error) {
	f, err := config.NewResolver(rules.All(), rf.config, rf.noConfig).For(path)
	if err != nil || f == nil {
		return nil, err
	}
	s := f.Settings(path).Facts
	return &s, nil
}

// outlineFact is one fact as outline prints it: its name, its value and
// where it was read (a line, a column and the words), or "stated" for a
// fact the configuration states.
type outlineFact struct {
	Fact   string `json:"fact"`
	Value  string `json:"value"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Quote  string `json:"quote,omitempty"`
	Stated bool   `json:"stated,omitempty"`
}

func (f outlineFact) evidence() string {
	switch {
	case f.Stated:
		return "stated by the configuration"
	case f.Line > 0:
		return fmt.Sprintf("line %d:%d %q", f.Line, f.Column, f.Quote)
	}
	return ""
}

// outlineFacts lists f in the order DESIGN.md gives them.
func outlineFacts(n *notices.Notice, f *notices.Facts) []outlineFact {
	var out []outlineFact
	add := func(name, value string, e notices.Evidence) {
		of := outlineFact{Fact: name, Value: value, Stated: e.Stated}
		if !e.Stated && e.Span.Len() > 0 {
			p := n.Pos(e.Span.Start)
			of.Line, of.Column = p.Line, p.Col
			of.Quote = quote(string(n.Source[e.Span.Start:e.Span.End]))
		}
		out = append(out, of)
	}
	yesNo := func(name string, x notices.Fact) {
		v := "no"
		if x.Holds {
			v = "yes"
		}
		add(name, v, x.Evidence)
	}
	add("scope", f.Scope.String(), notices.Evidence{})
	if f.Scope&notices.UKGDPR != 0 {
		add("  UK GDPR", "yes", f.UKLaw)
	}
	if f.Scope&notices.EUGDPR != 0 {
		add("  EU GDPR", "yes", f.EULaw)
	}
	if len(f.Controllers) == 0 {
		add("controller", "not named", notices.Evidence{})
	}
	for _, c := range f.Controllers {
		name := c.Name
		if name == "" {
			name = "(\"we\")"
		}
		switch {
		case c.UK:
			name += ", placed in the UK"
		case c.Abroad:
			name += ", placed abroad"
		}
		add("controller", name, notices.Evidence{Span: c.Span, Stated: c.Span.Len() == 0})
	}
	yesNo("UK-established", f.UKEstablished)
	yesNo("public authority", f.PublicAuthority)
	dpo := f.DPO.Status.String()
	if f.DPO.Status == notices.DPODeclared {
		dpo += fmt.Sprintf(" (%q)", f.DPO.Title)
	}
	add("DPO", dpo, f.DPO.Evidence)
	if f.DPO.Status == notices.DPODeclared {
		// Where the notice says the DPO can be reached: what dpo-contact
		// reads before it reports "no contact details".
		switch c := f.DPO.Channel(n.Contacts); {
		case c != nil && c.Kind == notices.Postcode:
			add("DPO contact", "postal address", notices.Evidence{Span: c.Span})
		case c != nil:
			add("DPO contact", c.Kind.String(), notices.Evidence{Span: c.Span})
		case f.DPO.Reach.Len() > 0:
			add("DPO contact", "elsewhere", notices.Evidence{Span: f.DPO.Reach})
		default:
			add("DPO contact", "none found", notices.Evidence{})
		}
	}
	yesNo("DPO required", f.DPO.Required)
	if len(f.Bases) == 0 {
		add("lawful bases", "none named", notices.Evidence{})
	}
	for _, b := range f.Bases {
		add("lawful basis", b.Basis.String(), b.Evidence)
	}
	yesNo("consent relied on", f.Consent)
	yesNo("legitimate interests", f.LegitimateInterests)
	yesNo("public task alone", f.PublicTaskOnly)
	yesNo("transfers abroad", f.Transfers())
	yesNo("data from others", f.FromOthers())
	yesNo("supplements a privacy notice", f.Supplement)
	return out
}

// quote shortens the words of a piece of evidence to one line.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return truncate(s, 60)
}
