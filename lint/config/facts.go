package config

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// factKeys are the facts a configuration may state, under "facts:" at the
// top (every notice it governs) or in an override (the notices its paths
// match). A stated fact wins over what a notice's text shows.
var factKeys = []string{"scope", "controllers", "uk_established", "public_authority", "dpo", "dpo_required",
	"lawful_bases", "consent", "legitimate_interests", "public_task_only", "transfers", "data_from_others"}

var (
	scopeValues = map[string]notices.Scope{"uk": notices.UKGDPR, "eu": notices.EUGDPR,
		"uk+eu": notices.UKGDPR | notices.EUGDPR, "none": 0}
	scopeNames = []string{"uk", "eu", "uk+eu", "none"}
	dpoValues  = map[string]notices.DPOStatus{"declared": notices.DPODeclared, "not-appointed": notices.DPONotAppointed,
		"unknown": notices.DPOUnnamed}
	dpoNames = []string{"declared", "not-appointed", "unknown"}
)

func (p *parser) facts(n *yaml.Node, what string) notices.Stated {
	var s notices.Stated
	flag := func(v *yaml.Node, key string) *bool {
		b := p.boolean(v, what+"."+key)
		return &b
	}
	// choice reads one of names, any case.
	choice := func(v *yaml.Node, key string, names []string) (string, bool) {
		val := strings.ToLower(p.str(v, what+"."+key))
		if p.err == nil && !slices.Contains(names, val) {
			p.fail(v, "%s.%s: unknown value %q%s; want one of: %s", what, key, v.Value, lint.DidYouMean(v.Value, names), strings.Join(names, ", "))
		}
		return val, p.err == nil
	}
	p.mapping(n, what, factKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "scope":
			if name, ok := choice(v, key, scopeNames); ok {
				sc := scopeValues[name]
				s.Scope = &sc
			}
		case "controllers":
			s.Controllers = p.strings(v, what+".controllers")
			if s.Controllers == nil {
				s.Controllers = []string{}
			}
		case "uk_established":
			s.UKEstablished = flag(v, key)
		case "public_authority":
			s.PublicAuthority = flag(v, key)
		case "dpo":
			if name, ok := choice(v, key, dpoNames); ok {
				st := dpoValues[name]
				s.DPO = &st
			}
		case "dpo_required":
			s.DPORequired = flag(v, key)
		case "lawful_bases":
			s.Bases = []notices.LawfulBasis{}
			for _, b := range p.stringNodes(v, what+".lawful_bases") {
				lb, ok := notices.ParseLawfulBasis(b.Value)
				if !ok {
					p.fail(b, "%s.lawful_bases: unknown basis %q%s; want any of: %s", what, b.Value,
						lint.DidYouMean(b.Value, notices.LawfulBasisNames()), strings.Join(notices.LawfulBasisNames(), ", "))
					return
				}
				s.Bases = append(s.Bases, lb)
			}
		case "consent":
			s.Consent = flag(v, key)
		case "legitimate_interests":
			s.LegitimateInterests = flag(v, key)
		case "public_task_only":
			s.PublicTaskOnly = flag(v, key)
		case "transfers":
			s.Transfers = flag(v, key)
		case "data_from_others":
			s.FromOthers = flag(v, key)
		}
	})
	return s
}

// factsNode writes stated facts back as YAML, for config print.
func factsNode(s notices.Stated) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v any) {
		n := &yaml.Node{}
		_ = n.Encode(v)
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, n)
	}
	if s.Scope != nil {
		for _, name := range scopeNames {
			if scopeValues[name] == *s.Scope {
				add("scope", name)
			}
		}
	}
	if s.Controllers != nil {
		add("controllers", s.Controllers)
	}
	flags := []struct {
		key string
		v   *bool
	}{{"uk_established", s.UKEstablished}, {"public_authority", s.PublicAuthority}}
	for _, f := range flags {
		if f.v != nil {
			add(f.key, *f.v)
		}
	}
	if s.DPO != nil {
		for _, name := range dpoNames {
			if dpoValues[name] == *s.DPO {
				add("dpo", name)
			}
		}
	}
	if s.DPORequired != nil {
		add("dpo_required", *s.DPORequired)
	}
	if s.Bases != nil {
		names := []string{}
		for _, b := range s.Bases {
			names = append(names, b.String())
		}
		add("lawful_bases", names)
	}
	more := []struct {
		key string
		v   *bool
	}{{"consent", s.Consent}, {"legitimate_interests", s.LegitimateInterests}, {"public_task_only", s.PublicTaskOnly},
		{"transfers", s.Transfers}, {"data_from_others", s.FromOthers}}
	for _, f := range more {
		if f.v != nil {
			add(f.key, *f.v)
		}
	}
	return m
}
