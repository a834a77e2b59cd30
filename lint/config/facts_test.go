package config_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/notices"
)

// Facts are stated for every notice at the top and for some paths in an
// override; the override's statement wins where it says something.
func TestStatedFacts(t *testing.T) {
	dir := t.TempDir()
	yaml := `facts:
  scope: uk
  public_authority: true
  dpo: declared
  lawful_bases: [public-task, legal-obligation]
  controllers: [Calder Vale Council]
overrides:
  - paths: ["partners/**"]
    facts:
      public_authority: false
      uk_established: false
      transfers: true
`
	f, err := config.Parse(filepath.Join(dir, ".noticelint.yml"), []byte(yaml), known)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Settings(filepath.Join(dir, "notice.md")).Facts
	if s.Scope == nil || *s.Scope != notices.UKGDPR || s.PublicAuthority == nil || !*s.PublicAuthority ||
		s.DPO == nil || *s.DPO != notices.DPODeclared || len(s.Bases) != 2 || s.Controllers[0] != "Calder Vale Council" {
		t.Errorf("top-level facts: %+v", s)
	}
	p := f.Settings(filepath.Join(dir, "partners", "x.md")).Facts
	if *p.PublicAuthority || *p.UKEstablished || !*p.Transfers || *p.Scope != notices.UKGDPR {
		t.Errorf("override facts: %+v", p)
	}
	// The stated facts reach the notice's facts.
	n, err := notices.Parse("n.md", []byte("# Notice\n\nHello.\n"))
	if err != nil {
		t.Fatal(err)
	}
	g := n.Facts.With(&s)
	if !g.DPO.Required.Holds || !g.PublicTaskOnly.Holds || g.Controllers[0].Name != "Calder Vale Council" {
		t.Errorf("applied: %+v", g)
	}
	var out bytes.Buffer
	if err := config.Print(&out, f, filepath.Join(dir, "partners", "x.md"), known); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"facts:\n  scope: uk\n", "  public_authority: false\n", "  lawful_bases:\n    - public-task\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("config print lacks %q:\n%s", want, out.String())
		}
	}
}

func TestFactErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"facts:\n  scop: uk\n", `cfg.yml:2:3: unknown key "scop" in facts (did you mean "scope"?)`},
		{"facts:\n  scope: england\n", `cfg.yml:2:10: facts.scope: unknown value "england"`},
		{"facts:\n  dpo: yes please\n", `cfg.yml:2:8: facts.dpo: unknown value "yes please"`},
		{"facts:\n  lawful_bases: [consent, publik-task]\n", `cfg.yml:2:27: facts.lawful_bases: unknown basis "publik-task" (did you mean "public-task"?)`},
		{"facts:\n  consent: maybe\n", `cfg.yml:2:12: facts.consent must be true or false, not the string "maybe"`},
		{"overrides:\n  - paths: [a/**]\n    facts: {uk_establish: true}\n", `cfg.yml:3:13: unknown key "uk_establish" in overrides.facts (did you mean "uk_established"?)`},
	} {
		_, err := config.Parse("cfg.yml", []byte(tc.yaml), known)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// An option whose default is Unset is read as a boolean, left out of the
// starter, and printed as unset.
func TestUnsetOption(t *testing.T) {
	rules := []*lint.Rule{{ID: "dpo-contact", Summary: "A DPO contact", Severity: lint.Error, Options: []lint.Option{
		{Name: "required", Doc: "report a notice with no DPO", Default: lint.Unset{}}}}}
	f, err := config.Parse("cfg.yml", []byte("rules:\n  dpo-contact:\n    options: {required: false}\n"), rules)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := f.Rules["dpo-contact"].Options["required"].(bool); !ok || v {
		t.Errorf("required = %#v", f.Rules["dpo-contact"].Options["required"])
	}
	if _, err := config.Parse("cfg.yml", config.Starter(rules), rules); err != nil {
		t.Errorf("the starter does not parse: %v", err)
	}
	var out bytes.Buffer
	if err := config.Print(&out, nil, "n.md", rules); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "required: null # unset: the notice's facts decide") {
		t.Errorf("config print:\n%s", out.String())
	}
}
