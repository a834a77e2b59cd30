package config

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// SchemaID names the schema, as editors that read "$schema" expect.
const SchemaID = "https://raw.githubusercontent.com/noticelint/noticelint/main/docs/noticelint.schema.json"

// obj is one JSON Schema node; a map keeps the generator short and its
// output, sorted by encoding/json, stable.
type obj = map[string]any

// Schema is a JSON Schema (draft-07) of .noticelint.yml for the known
// rules, for editors and for checking a configuration in CI without
// noticelint: every key the parser accepts, with its type, and every rule
// with its options. It is generated from the rules and the parser's keys,
// never written by hand. The parser stays the authority: it also checks
// what a schema cannot (a glob's syntax, an email address as net/mail
// reads it), and it accepts levels in any case where the schema lists
// them in lower case.
func Schema(known []*lint.Rule) []byte {
	stringOrList := func(desc string, item obj) obj {
		list := obj{"type": "array", "items": item}
		return obj{"description": desc, "oneOf": []any{item, list}}
	}
	ruleProps := obj{}
	for _, r := range known {
		ruleProps[r.ID] = ruleSchema(r)
	}
	rules := obj{"type": "object", "description": "Each rule's level, or its severity and options.",
		"properties": ruleProps, "additionalProperties": false}
	facts := factsSchema(stringOrList)
	props := obj{
		"rules":          rules,
		"facts":          facts,
		"ignore":         stringOrList("Globs of notices not to lint, relative to this file's folder; a pattern without '/' also matches a file name in any folder.", obj{"type": "string"}),
		"require_reason": obj{"type": "boolean", "default": false, "description": "Every inline suppression needs '-- reason'."},
		"organisation": obj{"type": "object", "additionalProperties": false, "description": "Facts rules check notices against.",
			"properties": obj{
				"name":       obj{"type": "string", "description": "The organisation's name, shown by config print."},
				"dpo_emails": stringOrList("The Data Protection Officer's addresses.", obj{"type": "string", "format": "email"}),
				"ico_registrations": stringOrList("ICO registration numbers: Z and 7 digits, or Z, a letter and 6 digits.",
					obj{"type": "string", "pattern": `^Z(?:[0-9]{7}|[A-Z][0-9]{6})$`}),
			}},
		"overrides": obj{"type": "array", "description": "Rule settings for some files; later entries win.",
			"items": obj{"type": "object", "additionalProperties": false, "required": []string{"paths"},
				"properties": obj{
					"paths": stringOrList("Globs of the files the override applies to.", obj{"type": "string"}),
					"rules": obj{"$ref": "#/properties/rules"},
					"facts": obj{"$ref": "#/properties/facts"},
				}}},
	}
	s := obj{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  SchemaID,
		"title":                "noticelint configuration (.noticelint.yml)",
		"type":                 []string{"object", "null"},
		"properties":           props,
		"additionalProperties": false,
		"definitions": obj{
			"level": obj{"description": "off, info, warning or error (false is off).",
				"enum": []any{"off", false, "info", "warning", "warn", "error"}},
		},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // maps of strings, slices and bools always encode
	return b.Bytes()
}

// factsSchema describes facts:, one property a key of factKeys; a key with
// no description here is left untyped, and a test fails on it.
func factsSchema(stringOrList func(string, obj) obj) obj {
	flag := func(desc string) obj { return obj{"type": "boolean", "description": desc} }
	known := obj{
		"scope":                obj{"enum": anys(scopeNames), "description": "The law the notice is under: uk, eu, uk+eu or none."},
		"controllers":          stringOrList("The controllers' names.", obj{"type": "string"}),
		"uk_established":       flag("A controller is established in the UK."),
		"public_authority":     flag("The controller is a public authority or body."),
		"dpo":                  obj{"enum": anys(dpoNames), "description": "Whether the controller has a Data Protection Officer: declared, not-appointed or unknown."},
		"dpo_required":         flag("The controller must appoint a Data Protection Officer (UK GDPR Art 37)."),
		"lawful_bases":         stringOrList("The lawful bases relied on.", obj{"enum": anys(notices.LawfulBasisNames())}),
		"consent":              flag("Consent is relied on."),
		"legitimate_interests": flag("Legitimate interests are relied on."),
		"public_task_only":     flag("Public task is the only basis relied on."),
		"transfers":            flag("Personal data go outside the UK or the EEA."),
		"data_from_others":     flag("Personal data is obtained from others than the person (Art 14)."),
	}
	props := obj{}
	for _, k := range factKeys {
		if v, ok := known[k]; ok {
			props[k] = v
		} else {
			props[k] = obj{}
		}
	}
	return obj{"type": "object", "additionalProperties": false, "properties": props,
		"description": "Facts stated about every notice this file governs (in an override, the notices its paths match); a stated fact wins over what the text shows. Values are read in any case."}
}

func anys(names []string) []any {
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}

// ruleSchema is one rule's entry: a level, or {severity, options}.
func ruleSchema(r *lint.Rule) obj {
	level := obj{"$ref": "#/definitions/level"}
	full := obj{"type": "object", "additionalProperties": false,
		"properties": obj{"severity": level}}
	if len(r.Options) > 0 {
		opts := obj{}
		for _, o := range r.Options {
			opts[o.Name] = optionSchema(o)
		}
		full["properties"].(obj)["options"] = obj{"type": "object", "additionalProperties": false, "properties": opts}
	}
	return obj{"description": r.Summary + " (default " + r.Severity.String() + ")", "oneOf": []any{level, full}}
}

// optionSchema types an option by its default, as the parser does.
func optionSchema(o lint.Option) obj {
	s := obj{"description": o.Doc}
	switch v := o.Default.(type) {
	case bool:
		s["type"], s["default"] = "boolean", v
	case int:
		s["type"], s["default"] = "integer", v
	case string:
		s["type"], s["default"] = "string", v
	case []string:
		s["oneOf"] = []any{obj{"type": "string"}, obj{"type": "array", "items": obj{"type": "string"}}}
		s["default"] = v
	case lint.Unset:
		s["type"] = "boolean" // true, false, or left out: unset
	default:
		// A type of the rule's own: typed by its kind where that is plain.
		switch reflect.ValueOf(o.Default).Kind() {
		case reflect.Bool:
			s["type"] = "boolean"
		case reflect.Int:
			s["type"] = "integer"
		case reflect.String:
			s["type"] = "string"
		}
	}
	if d, ok := s["description"].(string); ok && d != "" && !strings.HasSuffix(d, ".") {
		s["description"] = d + "."
	}
	return s
}
