package config_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/config"
)

// Rules of the shapes the real ones have: plain, and with options of each
// supported type.
var known = []*lint.Rule{
	{ID: "privacy-shield", Summary: "No Privacy Shield", Severity: lint.Error},
	{ID: "dpo-contact", Summary: "A DPO contact", Severity: lint.Error, Options: []lint.Option{
		{Name: "required", Doc: "report a notice with no DPO", Default: true}}},
	{ID: "cross-reference", Summary: "References resolve", Severity: lint.Error, Options: []lint.Option{
		{Name: "max", Doc: "a number", Default: 3}, {Name: "style", Doc: "a string", Default: "x"},
		{Name: "words", Doc: "a list", Default: []string{"a"}}}},
}

// Every mistake names the file, line and column, says what is wrong and,
// where a name was mistyped, offers the closest right one.
func TestErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown top key", "rulez:\n  privacy-shield: off\n",
			`cfg.yml:1:1: unknown key "rulez" in the configuration (did you mean "rules"?); expected one of: rules, ignore, overrides, organisation, require_reason`},
		{"unknown rule", "rules:\n  privacy_shield: off\n",
			`cfg.yml:2:3: unknown rule "privacy_shield" (did you mean "privacy-shield"?); run 'noticelint rules' for the list`},
		{"bad level", "rules:\n  privacy-shield: warn1ng\n",
			`cfg.yml:2:19: privacy-shield: unknown level "warn1ng" (did you mean "warning"?); want off, info, warning or error`},
		{"level not scalar", "rules:\n  privacy-shield: [error]\n",
			`cfg.yml:2:19: privacy-shield must be off, info, warning or error, or {severity: ..., options: {...}}, not a list`},
		{"unknown rule key", "rules:\n  dpo-contact:\n    severty: warning\n",
			`cfg.yml:3:5: unknown key "severty" in rule dpo-contact (did you mean "severity"?); expected one of: severity, options`},
		{"unknown option", "rules:\n  dpo-contact:\n    options:\n      requird: false\n",
			`cfg.yml:4:7: unknown key "requird" in options of dpo-contact (did you mean "required"?); expected one of: required`},
		{"options on a rule without", "rules:\n  privacy-shield:\n    options: {a: 1}\n",
			`cfg.yml:3:14: rule privacy-shield has no options`},
		{"bool option wrong type", "rules:\n  dpo-contact:\n    options:\n      required: \"no\"\n",
			`cfg.yml:4:17: dpo-contact.options.required must be true or false, not the string "no"`},
		{"int option wrong type", "rules:\n  cross-reference:\n    options: {max: many}\n",
			`cfg.yml:3:20: cross-reference.options.max must be a whole number, not the string "many"`},
		{"list option wrong type", "rules:\n  cross-reference:\n    options: {words: {a: b}}\n",
			`cfg.yml:3:22: cross-reference.options.words must be a list of strings, not a mapping`},
		{"require_reason type", "require_reason: yes please\n",
			`cfg.yml:1:17: require_reason must be true or false, not the string "yes please"`},
		{"ignore not a list", "ignore: {a: b}\n", `cfg.yml:1:9: ignore must be a list of strings, not a mapping`},
		{"bad glob", "ignore: [\"drafts/[\"]\n", `cfg.yml:1:10: ignore: "drafts/[" is not a valid glob pattern`},
		{"overrides not a list", "overrides: {paths: x}\n", `cfg.yml:1:12: overrides must be a list of {paths, rules}, not a mapping`},
		{"override without paths", "overrides:\n  - rules: {privacy-shield: off}\n", `cfg.yml:2:5: an override needs paths: the files it applies to`},
		{"override unknown rule", "overrides:\n  - paths: [a/**]\n    rules: {dpo-contcat: off}\n",
			`cfg.yml:3:13: unknown rule "dpo-contcat" (did you mean "dpo-contact"?); run 'noticelint rules' for the list`},
		{"organisation key", "organisation:\n  dpo_email: dpo@example.org\n",
			`cfg.yml:2:3: unknown key "dpo_email" in organisation (did you mean "dpo_emails"?); expected one of: name, dpo_emails, ico_registrations`},
		{"bad DPO email", "organisation:\n  dpo_emails: [dpo@@example.org]\n",
			`cfg.yml:2:16: organisation.dpo_emails: "dpo@@example.org" is not an email address`},
		{"bad ICO number", "organisation:\n  ico_registrations: [Z629086]\n",
			`cfg.yml:2:23: organisation.ico_registrations: "Z629086" is not an ICO registration number (Z and 7 digits, or Z, a letter and 6 digits)`},
		{"duplicate key", "rules:\n  privacy-shield: off\n  privacy-shield: error\n", `cfg.yml:3:3: "privacy-shield" is given twice in rules`},
		{"top level list", "- rules\n", `cfg.yml:1:1: the configuration must be a mapping, not a list`},
		{"syntax", "rules:\n  privacy-shield: off\n  dpo-contact: severity: off\n", `cfg.yml:3: invalid YAML: mapping values are not allowed in this context`},
		{"second document", "rules:\n  privacy-shield: off\n---\nrules:\n  dpo-contact: off\n",
			`cfg.yml:3:1: a second YAML document starts here; a configuration is one document`},
		{"empty second document", "rules:\n  privacy-shield: off\n---\n", `cfg.yml:3:1: a second YAML document starts here`},
		{"broken second document", "rules: {}\n---\nrules: [\n", `cfg.yml:3: invalid YAML`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse("cfg.yml", []byte(tc.yaml), known)
			if err == nil {
				t.Fatalf("no error; want %s", tc.want)
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("error\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}

// Every mistake in a file is reported, each at its position, in the
// file's order; a mistake in one entry does not hide the next.
func TestEveryError(t *testing.T) {
	src := `rulez: {}
rules:
  privacy_shield: off
  dpo-contact: of
  cross-reference:
    options: {max: many, words: [a, {b: c}, d]}
organisation:
  dpo_emails: [x@@y, dpo@example.org, z@@]
overrides:
  - rules: {dpo-contcat: off}
  - paths: [a/**]
    rules: {privacy-shield: erorr}
`
	_, err := config.Parse("cfg.yml", []byte(src), known)
	var got []string
	for _, e := range config.AsErrors(err) {
		got = append(got, fmt.Sprintf("%d:%d", e.Line, e.Col))
	}
	want := []string{"1:1", "3:3", "4:16", "6:20", "6:37", "8:16", "8:39", "10:5", "10:13", "12:29"}
	if !slices.Equal(got, want) {
		t.Errorf("positions %v, want %v\n%v", got, want, err)
	}
	if strings.Count(err.Error(), "\n") != len(want)-1 || !strings.HasPrefix(err.Error(), "cfg.yml:1:1: unknown key \"rulez\"") {
		t.Errorf("Error() should be one line a mistake:\n%v", err)
	}
	// A single document with a leading "---" is one document.
	if _, err := config.Parse("cfg.yml", []byte("---\nrules: {privacy-shield: off}\n"), known); err != nil {
		t.Errorf("leading ---: %v", err)
	}
}

func TestParseValid(t *testing.T) {
	src := `# a full configuration
require_reason: true
ignore: [drafts/**, "old-*.md"]
organisation:
  name: Example Homes Ltd
  dpo_emails: dpo@example.org
  ico_registrations: [Z1234567, ZB123456]
rules:
  privacy-shield: off
  dpo-contact:
    severity: warning
    options: {required: false}
  cross-reference: info
overrides:
  - paths: ["archive/**"]
    rules:
      privacy-shield: warning
  - paths: ["archive/2019/*.md"]
    rules:
      privacy-shield: error
      dpo-contact: {options: {required: true}}
`
	dir := t.TempDir()
	f, err := config.Parse(filepath.Join(dir, ".noticelint.yml"), []byte(src), known)
	if err != nil {
		t.Fatal(err)
	}
	if !f.RequireReason || f.Org.Name != "Example Homes Ltd" || len(f.Org.DPOEmails) != 1 || len(f.Org.ICORegistrations) != 2 {
		t.Errorf("top-level settings wrong: %+v", f)
	}
	for _, tc := range []struct {
		path, shield string
		dpoRequired  any
	}{
		{"notice.md", "off", false},
		{"archive/2020/notice.md", "warning", false},
		{"archive/2019/notice.md", "error", true},
	} {
		s := f.Settings(filepath.Join(dir, tc.path))
		got := "off"
		if rs := s.Rules["privacy-shield"]; !rs.Off {
			got = rs.Severity.String()
		}
		if got != tc.shield {
			t.Errorf("%s: privacy-shield = %s, want %s", tc.path, got, tc.shield)
		}
		if v := s.Rules["dpo-contact"].Options["required"]; v != tc.dpoRequired {
			t.Errorf("%s: dpo-contact required = %v, want %v", tc.path, v, tc.dpoRequired)
		}
		if sev := s.Rules["dpo-contact"].Severity; sev == nil || *sev != lint.Warning {
			t.Errorf("%s: dpo-contact severity = %v, want the base warning kept under overrides", tc.path, sev)
		}
	}
	for path, want := range map[string]bool{
		"drafts/a.md": true, "drafts/sub/b.md": true, "old-2019.md": true, "team/old-2019.md": true,
		"notice.md": false, "archive/drafts.md": false,
	} {
		if _, got := f.Ignored(filepath.Join(dir, path)); got != want {
			t.Errorf("Ignored(%s) = %v, want %v", path, got, want)
		}
	}
	if _, ign := f.Ignored(filepath.Join(filepath.Dir(dir), "elsewhere.md")); ign {
		t.Error("a file outside the configuration's folder matched its ignore globs")
	}
}

func TestEmptyAndOffForms(t *testing.T) {
	for _, src := range []string{"", "\n# nothing yet\n", "---\n"} {
		if _, err := config.Parse("c.yml", []byte(src), known); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
	f, err := config.Parse("c.yml", []byte("rules:\n  privacy-shield: false\n  dpo-contact: {severity: off}\n"), known)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Settings("x.md")
	if !s.Rules["privacy-shield"].Off || !s.Rules["dpo-contact"].Off {
		t.Errorf("off forms not read: %+v", s.Rules)
	}
}

// The starter configuration that "noticelint init" writes must parse, and
// must change nothing: every rule at its default.
func TestStarterIsTheDefaults(t *testing.T) {
	src := config.Starter(known)
	f, err := config.Parse("starter.yml", src, known)
	if err != nil {
		t.Fatalf("starter does not parse: %v\n%s", err, src)
	}
	s := f.Settings("notice.md")
	for _, r := range known {
		rs := s.Rules[r.ID]
		if rs.Off || rs.Severity == nil || *rs.Severity != r.Severity {
			t.Errorf("%s: starter sets %+v, want its default %s", r.ID, rs, r.Severity)
		}
		for _, o := range r.Options {
			if v := rs.Options[o.Name]; !equal(v, o.Default) {
				t.Errorf("%s.%s: starter sets %v, want %v", r.ID, o.Name, v, o.Default)
			}
		}
	}
	if f.RequireReason || len(f.Ignore) != 0 || len(f.Overrides) != 0 {
		t.Errorf("starter is not the defaults: %+v", f)
	}
}

func equal(a, b any) bool {
	as, aok := a.([]string)
	bs, bok := b.([]string)
	if aok && bok {
		return strings.Join(as, "\x00") == strings.Join(bs, "\x00")
	}
	return a == b
}

// Discovery starts at each notice's own folder, not the working directory,
// and stops at the repository root.
func TestFindNearest(t *testing.T) {
	root := t.TempDir()
	outer := filepath.Join(root, "outer")
	repo := filepath.Join(outer, "repo")
	mustWrite(t, filepath.Join(outer, ".noticelint.yml"), "rules: {privacy-shield: off}\n")
	mustWrite(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	mustWrite(t, filepath.Join(repo, ".noticelint.yml"), "")
	mustWrite(t, filepath.Join(repo, "teams", "hr", ".noticelint.yaml"), "")
	mustWrite(t, filepath.Join(repo, "teams", "hr", "staff", "notice.md"), "")
	mustWrite(t, filepath.Join(repo, "teams", "sales", "notice.md"), "")
	mustWrite(t, filepath.Join(root, "other", "sub", "notice.md"), "")
	mustWrite(t, filepath.Join(root, "bare", ".git", "HEAD"), "")
	mustWrite(t, filepath.Join(root, "bare", "n.md"), "")

	for dir, want := range map[string]string{
		"outer/repo/teams/hr/staff": "outer/repo/teams/hr/.noticelint.yaml",
		"outer/repo/teams/hr":       "outer/repo/teams/hr/.noticelint.yaml",
		"outer/repo/teams/sales":    "outer/repo/.noticelint.yml",
		"outer":                     "outer/.noticelint.yml",
		"bare":                      "", // the repository root stops the search
	} {
		got, err := config.Find(filepath.Join(root, dir))
		if err != nil {
			t.Fatal(err)
		}
		if want != "" {
			want = filepath.Join(root, want)
		}
		if got != want {
			t.Errorf("Find(%s) = %q, want %q", dir, got, want)
		}
	}
}

func TestResolver(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, ".git", "HEAD"), "")
	mustWrite(t, filepath.Join(root, ".noticelint.yml"), "rules: {privacy-shield: off}\n")
	mustWrite(t, filepath.Join(root, "broken", ".noticelint.yml"), "rules:\n  privacy_shield: off\n")
	good, bad := filepath.Join(root, "a.md"), filepath.Join(root, "broken", "b.md")

	r := config.NewResolver(known, "", false)
	f, err := r.For(good)
	if err != nil || f == nil || !f.Settings(good).Rules["privacy-shield"].Off {
		t.Errorf("For(good) = %+v, %v", f, err)
	}
	if _, err := r.For(bad); err == nil || !strings.Contains(err.Error(), ".noticelint.yml:2:3: unknown rule") {
		t.Errorf("For(bad) error = %v", err)
	}

	r = config.NewResolver(known, "", true)
	if f, err := r.For(good); f != nil || err != nil {
		t.Errorf("--no-config: For = %v, %v", f, err)
	}

	fixed := filepath.Join(root, "ci.yml")
	mustWrite(t, fixed, "rules: {dpo-contact: warning}\n")
	r = config.NewResolver(known, fixed, false)
	if f, _ := r.For(bad); f == nil || f.Path != fixed || r.Fixed() != nil {
		t.Errorf("--config: For(bad) = %+v, want %s for every file", f, fixed)
	}
	// A --config file that cannot be loaded is every notice's error.
	r = config.NewResolver(known, filepath.Join(root, "missing.yml"), false)
	if _, err := r.For(good); err == nil || r.Fixed() == nil ||
		!strings.Contains(err.Error(), "missing.yml: cannot read configuration: no such file or directory") {
		t.Errorf("--config missing file: %v", err)
	}
}

func TestPrint(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".noticelint.yml")
	f, err := config.Parse(path, []byte(`ignore: [drafts/**]
organisation: {name: Example Homes Ltd, dpo_emails: [dpo@example.org]}
rules: {privacy-shield: warning}
overrides:
  - paths: [archive/**]
    rules: {dpo-contact: {severity: info, options: {required: false}}}
`), known)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := config.Print(&b, f, filepath.Join(dir, "archive", "n.md"), known); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# configuration: " + path, "name: Example Homes Ltd", "- dpo@example.org",
		"privacy-shield: warning", "dpo-contact:\n    severity: info\n    options:\n      required: false", "cross-reference:\n    severity: error"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("print lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := config.Print(&b, f, filepath.Join(dir, "drafts", "n.md"), known); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `# ignored: matches "drafts/**" in ignore`) {
		t.Errorf("print does not say the file is ignored:\n%s", b.String())
	}
	b.Reset()
	if err := config.Print(&b, nil, "n.md", known); err != nil || !strings.Contains(b.String(), "none (the defaults)") {
		t.Errorf("print without a configuration: %v\n%s", err, b.String())
	}
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Mistakes in stated facts are reported each, after a mistake elsewhere too.
func TestEveryFactError(t *testing.T) {
	src := "rules: {privacy_shield: off}\nfacts:\n  scope: ukk\n  dpo: apointed\n  lawful_bases: [consnet, contract, vital]\n"
	_, err := config.Parse("cfg.yml", []byte(src), known)
	var got []string
	for _, e := range config.AsErrors(err) {
		got = append(got, fmt.Sprintf("%d:%d", e.Line, e.Col))
	}
	if want := []string{"1:9", "3:10", "4:8", "5:18", "5:37"}; !slices.Equal(got, want) {
		t.Errorf("positions %v, want %v\n%v", got, want, err)
	}
}
