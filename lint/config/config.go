// Package config owns noticelint's configuration file, .noticelint.yml: where
// it is found, what it may say, the positioned errors it gives when it says
// something wrong, and the settings it yields for each linted file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// Names are the file names discovery looks for, in order of preference.
var Names = []string{".noticelint.yml", ".noticelint.yaml"}

// Error is a mistake in a configuration file, at a line and column when the
// mistake has one.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// File is a parsed configuration file.
type File struct {
	// Path is the file as found; Dir is its folder, which the globs in it are
	// relative to.
	Path, Dir     string
	RequireReason bool
	Ignore        []string
	Org           lint.Organisation
	Rules         map[string]RuleConf
	Overrides     []Override
	// Facts are what the file states about every notice it governs.
	Facts notices.Stated
}

// RuleConf is what one rule entry sets. Nil fields leave the value below it
// (the rule's default, or the base rules under an override) alone.
type RuleConf struct {
	Off      *bool
	Severity *lint.Severity
	Options  map[string]any
}

// Override gives files matching Paths rule settings of their own.
type Override struct {
	Paths []string
	Rules map[string]RuleConf
	// Facts are stated for the notices Paths match, over the file's own.
	Facts notices.Stated
}

// Load reads and checks the configuration at path against the known rules.
func Load(path string, known []*lint.Rule) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read configuration: " + unwrapPathError(err)}
	}
	return Parse(path, data, known)
}

func unwrapPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// yamlLine finds the line yaml.v3 names in its syntax errors ("yaml: line 3:
// did not find expected key").
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// Parse checks a configuration's text. path names it in errors and anchors
// its globs.
func Parse(path string, data []byte, known []*lint.Rule) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	f := &File{Path: path, Dir: filepath.Dir(abs), Rules: map[string]RuleConf{}}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return f, nil // an empty file, or comments only, is the defaults
		}
		msg := err.Error()
		line := 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		return nil, &Error{File: path, Line: line, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	p := &parser{file: path, known: map[string]*lint.Rule{}}
	for _, r := range known {
		p.known[r.ID] = r
		p.ids = append(p.ids, r.ID)
	}
	if len(doc.Content) == 0 {
		return f, nil
	}
	p.top(f, doc.Content[0])
	if p.err != nil {
		return nil, p.err
	}
	return f, nil
}

// parser walks the YAML tree and keeps the first error, so that a file with
// several mistakes is reported one precise line at a time.
type parser struct {
	file  string
	known map[string]*lint.Rule
	ids   []string
	err   *Error
}

func (p *parser) fail(n *yaml.Node, format string, a ...any) {
	if p.err == nil {
		p.err = &Error{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, a...)}
	}
}

// mapping calls fn for each key of a mapping node, rejecting keys not in
// allowed (with a suggestion) and keys given twice.
func (p *parser) mapping(n *yaml.Node, what string, allowed []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		p.fail(n, "%s must be a mapping, not %s", what, describe(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content) && p.err == nil; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			p.fail(k, "%q is given twice in %s", k.Value, what)
			return
		}
		seen[k.Value] = true
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			p.fail(k, "unknown key %q in %s%s; expected one of: %s", k.Value, what, lint.DidYouMean(k.Value, allowed),
				strings.Join(allowed, ", "))
			return
		}
		fn(k.Value, k, v)
	}
}

var topKeys = []string{"rules", "ignore", "overrides", "organisation", "require_reason", "facts"}

func (p *parser) top(f *File, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	p.mapping(n, "the configuration", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "rules":
			f.Rules = p.rules(v, "rules")
		case "ignore":
			f.Ignore = p.globs(v, "ignore")
		case "overrides":
			f.Overrides = p.overrides(v)
		case "organisation":
			f.Org = p.organisation(v)
		case "require_reason":
			f.RequireReason = p.boolean(v, "require_reason")
		case "facts":
			f.Facts = p.facts(v, "facts")
		}
	})
}

func (p *parser) rules(n *yaml.Node, what string) map[string]RuleConf {
	out := map[string]RuleConf{}
	p.mapping(n, what, nil, func(id string, k, v *yaml.Node) {
		r, ok := p.known[id]
		if !ok {
			p.fail(k, "unknown rule %q%s; run 'noticelint rules' for the list", id, lint.DidYouMean(id, p.ids))
			return
		}
		out[id] = p.rule(r, v)
	})
	return out
}

// rule reads "off", a severity, or {severity: ..., options: {...}}.
func (p *parser) rule(r *lint.Rule, n *yaml.Node) RuleConf {
	var rc RuleConf
	switch n.Kind {
	case yaml.ScalarNode:
		rc.Off, rc.Severity = p.level(n, r.ID)
		return rc
	case yaml.SequenceNode:
		p.fail(n, "%s must be off, info, warning or error, or {severity: ..., options: {...}}, not a list", r.ID)
		return rc
	}
	p.mapping(n, "rule "+r.ID, []string{"severity", "options"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "severity":
			rc.Off, rc.Severity = p.level(v, r.ID+".severity")
		case "options":
			rc.Options = p.options(r, v)
		}
	})
	return rc
}

// level reads off, info, warning or error. YAML 1.1 readers turn a bare
// "off" into false; yaml.v3 keeps it a string, and false is accepted too.
func (p *parser) level(n *yaml.Node, what string) (*bool, *lint.Severity) {
	off, on := true, false
	if n.Kind != yaml.ScalarNode {
		p.fail(n, "%s must be off, info, warning or error, not %s", what, describe(n))
		return nil, nil
	}
	switch strings.ToLower(n.Value) {
	case "off", "false":
		return &off, nil
	}
	sev, err := lint.ParseSeverity(n.Value)
	if err != nil {
		p.fail(n, "%s: unknown level %q%s; want off, info, warning or error", what, n.Value,
			lint.DidYouMean(n.Value, []string{"off", "info", "warning", "error"}))
		return nil, nil
	}
	return &on, &sev
}

func (p *parser) options(r *lint.Rule, n *yaml.Node) map[string]any {
	var names []string
	for _, o := range r.Options {
		names = append(names, o.Name)
	}
	if len(names) == 0 {
		p.fail(n, "rule %s has no options", r.ID)
		return nil
	}
	out := map[string]any{}
	p.mapping(n, "options of "+r.ID, names, func(name string, k, v *yaml.Node) {
		i := slices.Index(names, name)
		what := r.ID + ".options." + name
		switch r.Options[i].Default.(type) {
		case bool, lint.Unset:
			out[name] = p.boolean(v, what)
		case int:
			out[name] = p.integer(v, what)
		case string:
			out[name] = p.str(v, what)
		case []string:
			out[name] = p.strings(v, what)
		default:
			p.fail(k, "option %s has an unsupported type; this is a bug in noticelint", what)
		}
	})
	return out
}

func (p *parser) overrides(n *yaml.Node) []Override {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "overrides must be a list of {paths, rules}, not %s", describe(n))
		return nil
	}
	var out []Override
	for _, item := range n.Content {
		var o Override
		p.mapping(item, "an override", []string{"paths", "rules", "facts"}, func(key string, k, v *yaml.Node) {
			switch key {
			case "paths":
				o.Paths = p.globs(v, "overrides.paths")
			case "rules":
				o.Rules = p.rules(v, "overrides.rules")
			case "facts":
				o.Facts = p.facts(v, "overrides.facts")
			}
		})
		if p.err == nil && len(o.Paths) == 0 {
			p.fail(item, "an override needs paths: the files it applies to")
		}
		out = append(out, o)
	}
	return out
}

// icoNumber is the shape the ICO gives registration numbers: Z and seven
// digits, or Z, a letter and six digits.
var icoNumber = regexp.MustCompile(`^Z(?:\d{7}|[A-Z]\d{6})$`)

func (p *parser) organisation(n *yaml.Node) lint.Organisation {
	var org lint.Organisation
	p.mapping(n, "organisation", []string{"name", "dpo_emails", "ico_registrations"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			org.Name = p.str(v, "organisation.name")
		case "dpo_emails":
			for _, e := range p.stringNodes(v, "organisation.dpo_emails") {
				if a, err := mail.ParseAddress(e.Value); err != nil || a.Address != e.Value || a.Name != "" {
					p.fail(e, "organisation.dpo_emails: %q is not an email address", e.Value)
				}
				org.DPOEmails = append(org.DPOEmails, e.Value)
			}
		case "ico_registrations":
			for _, e := range p.stringNodes(v, "organisation.ico_registrations") {
				if !icoNumber.MatchString(e.Value) {
					p.fail(e, "organisation.ico_registrations: %q is not an ICO registration number (Z and 7 digits, or Z, a letter and 6 digits)", e.Value)
				}
				org.ICORegistrations = append(org.ICORegistrations, e.Value)
			}
		}
	})
	return org
}

func (p *parser) globs(n *yaml.Node, what string) []string {
	var out []string
	for _, g := range p.stringNodes(n, what) {
		pat := filepath.ToSlash(g.Value)
		if !doublestar.ValidatePattern(pat) {
			p.fail(g, "%s: %q is not a valid glob pattern", what, g.Value)
		}
		out = append(out, pat)
	}
	return out
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.fail(n, "%s must be true or false, not %s", what, describe(n))
		return false
	}
	return n.Value == "true"
}

func (p *parser) integer(n *yaml.Node, what string) int {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v
		}
	}
	p.fail(n, "%s must be a whole number, not %s", what, describe(n))
	return 0
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.fail(n, "%s must be a string, not %s", what, describe(n))
		return ""
	}
	return n.Value
}

func (p *parser) strings(n *yaml.Node, what string) []string {
	var out []string
	for _, s := range p.stringNodes(n, what) {
		out = append(out, s.Value)
	}
	return out
}

// stringNodes reads a list of strings; a single string is a list of one.
func (p *parser) stringNodes(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []*yaml.Node{n}
	}
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "%s must be a list of strings, not %s", what, describe(n))
		return nil
	}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			p.fail(item, "%s must be a list of strings; this item is %s", what, describe(item))
			return nil
		}
	}
	return n.Content
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "empty"
	case "!!bool":
		return "the boolean " + n.Value
	case "!!int", "!!float":
		return "the number " + n.Value
	}
	return fmt.Sprintf("the string %q", n.Value)
}
