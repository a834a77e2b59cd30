package config

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/noticelint/noticelint/lint"
)

// Starter returns a commented configuration that sets every rule to its
// default, for "noticelint init". It parses to the defaults, so a team can
// commit it and change one line at a time.
func Starter(rules []*lint.Rule) []byte {
	var b strings.Builder
	b.WriteString(`# noticelint configuration. noticelint uses the nearest .noticelint.yml above each
# notice (up to the repository root); "noticelint config print FILE" shows which one
# applies to a file and the settings it gets. Globs are relative to this file's folder.

# Files not to lint.
ignore: []
#  - drafts/**

# Facts about your organisation that rules check notices against: a DPO address that
# is well-formed but out of date, or a registration number one digit off, only shows
# against the real one.
organisation:
  name: ""
  dpo_emails: []
  #  - dpo@example.org
  ico_registrations: []
  #  - Z1234567

# Facts about the notices that decide which checks apply. noticelint reads each one
# from a notice's text (noticelint outline FILE prints what it read, and where); a fact
# stated here wins. Overrides may state facts for some paths.
facts: {}
#  scope: uk                 # uk, eu, uk+eu or none: the law the notices are under
#  uk_established: true      # the controller is established in the UK (pays the fee)
#  public_authority: true    # a public authority must have a DPO (Art 37(1)(a))
#  dpo: declared             # declared, not-appointed or unknown
#  lawful_bases: [public-task, legal-obligation]

# Require "-- reason" on every inline suppression, as an audit trail:
#   <!-- noticelint-disable-next-line privacy-shield -- archived notice, kept as published -->
require_reason: false

# Each rule: off, info, warning or error, or {severity: ..., options: {...}}.
rules:
`)
	for _, r := range rules {
		fmt.Fprintf(&b, "  # %s\n", r.Summary)
		if len(r.Options) == 0 {
			fmt.Fprintf(&b, "  %s: %s\n", r.ID, r.Severity)
			continue
		}
		// An option whose default is unset is written as a comment, and so
		// is "options:" when all of them are.
		set := slices.ContainsFunc(r.Options, func(o lint.Option) bool { _, unset := o.Default.(lint.Unset); return !unset })
		mark := "# "
		if set {
			mark = ""
		}
		fmt.Fprintf(&b, "  %s:\n    severity: %s\n    %soptions:\n", r.ID, r.Severity, mark)
		for _, o := range r.Options {
			if _, unset := o.Default.(lint.Unset); unset {
				fmt.Fprintf(&b, "      # %s\n      # %s: true\n", o.Doc, o.Name)
				continue
			}
			fmt.Fprintf(&b, "      # %s\n      %s: %s\n", o.Doc, o.Name, yamlScalar(o.Default))
		}
	}
	b.WriteString(`
# Settings for some files only; later entries win.
overrides: []
#  - paths: ["archive/**"]
#    rules:
#      privacy-shield: warning
`)
	return []byte(b.String())
}

// yamlScalar writes an option's default on one line, lists in flow style.
func yamlScalar(v any) string {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	n.Style = yaml.FlowStyle
	out, err := yaml.Marshal(&n)
	if err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(string(out))
}

// Print writes what applies to the notice at path: which configuration file
// (if any), whether the file is ignored, and the merged settings every rule
// gets, as YAML.
func Print(w io.Writer, f *File, path string, rules []*lint.Rule) error {
	src := "none (the defaults)"
	if f != nil {
		src = f.Path
	}
	head := fmt.Sprintf("# notice: %s\n# configuration: %s\n", path, src)
	if g, ok := f.Ignored(path); ok {
		head += fmt.Sprintf("# ignored: matches %q in ignore\n", g)
	}
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	s := f.Settings(path)
	if s == nil {
		s = &lint.Settings{}
	}
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	}
	scalar := func(v any) *yaml.Node {
		n := &yaml.Node{}
		_ = n.Encode(v)
		return n
	}
	org := &yaml.Node{Kind: yaml.MappingNode}
	add(org, "name", scalar(s.Org.Name))
	add(org, "dpo_emails", scalar(orEmpty(s.Org.DPOEmails)))
	add(org, "ico_registrations", scalar(orEmpty(s.Org.ICORegistrations)))
	add(doc, "organisation", org)
	add(doc, "require_reason", scalar(s.RequireReason))
	add(doc, "facts", factsNode(s.Facts))
	rs := &yaml.Node{Kind: yaml.MappingNode}
	for _, r := range rules {
		set := s.Rules[r.ID]
		level := r.Severity.String()
		if set.Severity != nil {
			level = set.Severity.String()
		}
		if set.Off {
			level = "off"
		}
		if len(r.Options) == 0 {
			add(rs, r.ID, scalar(level))
			continue
		}
		rule := &yaml.Node{Kind: yaml.MappingNode}
		add(rule, "severity", scalar(level))
		opts := &yaml.Node{Kind: yaml.MappingNode}
		for _, o := range r.Options {
			v, ok := set.Options[o.Name]
			if !ok {
				v = o.Default
			}
			node := scalar(v)
			if _, unset := v.(lint.Unset); unset {
				node = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null", LineComment: "unset: the notice's facts decide"}
			}
			add(opts, o.Name, node)
		}
		add(rule, "options", opts)
		add(rs, r.ID, rule)
	}
	add(doc, "rules", rs)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
