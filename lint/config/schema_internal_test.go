package config

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/noticelint/noticelint/lint"
)

// The schema describes exactly the keys the parser accepts, at every
// level: a key added to one and not the other fails here.
func TestSchemaKeysAreTheParsers(t *testing.T) {
	known := []*lint.Rule{
		{ID: "plain", Severity: lint.Error},
		{ID: "with-options", Severity: lint.Warning, Options: []lint.Option{
			{Name: "b", Default: true}, {Name: "n", Default: 2}, {Name: "s", Default: "x"}, {Name: "l", Default: []string{"a"}},
			{Name: "u", Default: lint.Unset{}}}},
	}
	var s struct {
		Properties map[string]struct {
			Properties map[string]json.RawMessage
			Items      struct{ Properties map[string]json.RawMessage }
		}
	}
	if err := json.Unmarshal(Schema(known), &s); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) []string { return slices.Sorted(maps.Keys(m)) }
	same := func(what string, got []string, want []string) {
		t.Helper()
		want = slices.Sorted(slices.Values(want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: the schema has %v, the parser %v", what, got, want)
		}
	}
	same("top level", slices.Sorted(maps.Keys(s.Properties)), topKeys)
	same("organisation", keys(s.Properties["organisation"].Properties), orgKeys)
	same("an override", keys(s.Properties["overrides"].Items.Properties), overrideKeys)
	same("facts", keys(s.Properties["facts"].Properties), factKeys)
	for k, v := range s.Properties["facts"].Properties {
		if string(v) == "{}" {
			t.Errorf("fact %s has no type in the schema", k)
		}
	}
	same("rules", keys(s.Properties["rules"].Properties), []string{"plain", "with-options"})

	var rule struct {
		OneOf []struct {
			Properties map[string]struct {
				Properties map[string]struct{ Type string }
			}
		}
	}
	if err := json.Unmarshal(s.Properties["rules"].Properties["with-options"], &rule); err != nil || len(rule.OneOf) != 2 {
		t.Fatalf("rule entry: %v", err)
	}
	same("a rule", slices.Sorted(maps.Keys(rule.OneOf[1].Properties)), ruleKeys)
	opts := rule.OneOf[1].Properties["options"].Properties
	for name, typ := range map[string]string{"b": "boolean", "n": "integer", "s": "string", "l": "", "u": "boolean"} {
		if o, ok := opts[name]; !ok || o.Type != typ {
			t.Errorf("option %s: %+v, want type %q", name, o, typ)
		}
	}
}
