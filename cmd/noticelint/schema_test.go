package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"

	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/rules"
)

const schemaFile = "../../docs/noticelint.schema.json"

// docs/noticelint.schema.json is what 'config schema' prints.
func TestSchemaFile(t *testing.T) {
	out, _, code := run(t, "", "config", "schema")
	if *update {
		if err := os.WriteFile(schemaFile, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), out); code != 0 || d != "" {
		t.Errorf("exit %d; %s is stale (go test ./cmd/noticelint -update):\n%s", code, schemaFile, d)
	}
}

// exampleConfigs are every configuration the repository shows: each
// .noticelint.yml or .noticelint.yaml file, each YAML block in a Markdown
// file that opens with "# .noticelint.yml", and what init writes.
func exampleConfigs(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{
		"init":               config.Starter(rules.All()),
		"init, with READMEs": config.StarterIgnoring(rules.All(), []string{"README.md"}, "notices/"),
	}
	block := regexp.MustCompile("(?ms)^```ya?ml\n(# \\.noticelint\\.ya?ml[^\n]*\n.*?)^```")
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		switch {
		case d.IsDir():
		case d.Name() == ".noticelint.yml" || d.Name() == ".noticelint.yaml":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			out[path] = b
		case strings.HasSuffix(d.Name(), ".md"):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, m := range block.FindAllSubmatch(b, -1) {
				out[path+" block "+string(rune('1'+i))] = m[1]
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// validate checks YAML against the schema, as an editor would: the YAML
// read into plain values, then as JSON.
func validate(t *testing.T, schema *gojsonschema.Schema, src []byte) []string {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("not YAML: %v\n%s", err, src)
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	res, err := schema.Validate(gojsonschema.NewBytesLoader(js))
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, e := range res.Errors() {
		errs = append(errs, e.String())
	}
	return errs
}

func loadSchema(t *testing.T) *gojsonschema.Schema {
	t.Helper()
	s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(config.Schema(rules.All())))
	if err != nil {
		t.Fatalf("the schema is not a schema: %v", err)
	}
	return s
}

// Every example configuration in the repository is valid to the parser
// and to the schema; the README has at least one.
func TestSchemaAcceptsEveryExample(t *testing.T) {
	schema := loadSchema(t)
	examples := exampleConfigs(t)
	readme := 0
	for name, src := range examples {
		if strings.Contains(name, "README.md") {
			readme++
		}
		if _, err := config.Parse("example.yml", src, rules.All()); err != nil {
			t.Errorf("%s: the parser refuses it: %v", name, err)
		}
		if errs := validate(t, schema, src); len(errs) > 0 {
			t.Errorf("%s: the schema refuses it:\n%s\n%s", name, strings.Join(errs, "\n"), src)
		}
	}
	if readme == 0 || len(examples) < 3 {
		t.Errorf("found %d examples, %d in README.md: the search is broken", len(examples), readme)
	}
}

// What the parser refuses for its shape, the schema refuses too.
func TestSchemaRefusesMistakes(t *testing.T) {
	schema := loadSchema(t)
	for name, src := range map[string]string{
		"unknown top key":    "rulez: {}\n",
		"unknown rule":       "rules: {privacy_shield: off}\n",
		"bad level":          "rules: {privacy-shield: of}\n",
		"unknown rule key":   "rules: {dpo-contact: {severty: warning}}\n",
		"unknown option":     "rules: {dpo-contact: {options: {requird: false}}}\n",
		"option type":        "rules: {dpo-contact: {options: {required: \"no\"}}}\n",
		"require_reason":     "require_reason: yes please\n",
		"ignore type":        "ignore: {a: b}\n",
		"override, no paths": "overrides:\n  - rules: {privacy-shield: off}\n",
		"organisation key":   "organisation: {dpo_email: dpo@example.org}\n",
		"ICO number":         "organisation: {ico_registrations: [Z629086]}\n",
		"top level list":     "- rules\n",
	} {
		if _, err := config.Parse("c.yml", []byte(src), rules.All()); err == nil {
			t.Errorf("%s: the parser accepts it", name)
		}
		if errs := validate(t, schema, []byte(src)); len(errs) == 0 {
			t.Errorf("%s: the schema accepts it:\n%s", name, src)
		}
	}
}
