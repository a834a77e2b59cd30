package rules_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/config"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/rules"
)

// The harness follows golang.org/x/tools/go/analysis/analysistest: a fixture
// marks each expected finding on its line with
//
//	<!-- want RULE "REGEXP" -->
//
// where REGEXP must match the finding's message and fix. Every finding must
// be wanted and every want found. Fixtures in testdata/rules/RULE run that
// rule alone; fixtures in testdata/notices run every rule.

var (
	settingsComment = regexp.MustCompile(`<!--\s*settings\s+(\{.*?\})\s*-->`)
	wantComment     = regexp.MustCompile(`<!--\s*want\s+(.*?)-->`)
	wantItem        = regexp.MustCompile(`([a-z][a-z-]*)\s+"((?:[^"\\]|\\.)*)"`)
)

type want struct {
	rule string
	line int
	re   *regexp.Regexp
	met  bool
}

func parseWants(t *testing.T, path string, src []byte) []*want {
	t.Helper()
	var out []*want
	for i, line := range strings.Split(string(src), "\n") {
		for _, c := range wantComment.FindAllStringSubmatch(line, -1) {
			items := wantItem.FindAllStringSubmatch(c[1], -1)
			if len(items) == 0 {
				t.Fatalf("%s:%d: malformed want comment %q", path, i+1, c[0])
			}
			for _, it := range items {
				re, err := regexp.Compile(strings.ReplaceAll(it[2], `\"`, `"`))
				if err != nil {
					t.Fatalf("%s:%d: bad want regexp: %v", path, i+1, err)
				}
				out = append(out, &want{rule: it[1], line: i + 1, re: re})
			}
		}
	}
	return out
}

// fixtureSettings reads a fixture's configuration, for rules whose findings
// depend on it, from a comment such as
//
//	<!-- settings {"dpo_emails": ["dpo@example.org"], "options": {"required": false}} -->
//
// "options" apply to every rule the fixture runs; "facts" are stated as a
// configuration states them.
func fixtureSettings(t *testing.T, path string, src []byte) *lint.Settings {
	t.Helper()
	m := settingsComment.FindSubmatch(src)
	if m == nil {
		return nil
	}
	var fs struct {
		Name          string         `json:"name"`
		DPOEmails     []string       `json:"dpo_emails"`
		ICO           []string       `json:"ico_registrations"`
		RequireReason bool           `json:"require_reason"`
		Options       map[string]any `json:"options"`
		// Facts are stated as in .noticelint.yml's "facts:".
		Facts map[string]any `json:"facts"`
	}
	dec := json.NewDecoder(bytes.NewReader(m[1]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fs); err != nil {
		t.Fatalf("%s: bad settings comment: %v", path, err)
	}
	s := &lint.Settings{Org: lint.Organisation{Name: fs.Name, DPOEmails: fs.DPOEmails, ICORegistrations: fs.ICO},
		RequireReason: fs.RequireReason, Rules: map[string]lint.RuleSetting{}}
	for _, r := range rules.All() {
		s.Rules[r.ID] = lint.RuleSetting{Options: fs.Options}
	}
	if fs.Facts != nil {
		doc, _ := json.Marshal(map[string]any{"facts": fs.Facts}) // JSON is YAML
		f, err := config.Parse(path, doc, rules.All())
		if err != nil {
			t.Fatalf("%s: bad facts in settings comment: %v", path, err)
		}
		s.Facts = f.Facts
	}
	return s
}

func checkFixture(t *testing.T, path string, rs []*lint.Rule) (nwants int) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := notices.Parse(path, src)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	wants := parseWants(t, path, src)
	for _, f := range lint.Check(n, fixtureSettings(t, path, src), lint.Options{Rules: rs, Known: rules.All()}) {
		text := f.Message + " " + f.Fix
		matched := false
		for _, w := range wants {
			if !w.met && w.rule == f.Rule && w.line == f.Line && w.re.MatchString(text) {
				w.met, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected finding [%s] %s | fix: %s", path, f.Line, f.Column, f.Rule, f.Message, f.Fix)
		}
	}
	for _, w := range wants {
		if !w.met {
			t.Errorf("%s:%d: no %s finding matching %q", path, w.line, w.rule, w.re)
		}
	}
	return len(wants)
}

func TestRuleFixtures(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", r.ID, "*.md"))
			dirty, clean := 0, 0
			for _, f := range files {
				t.Run(filepath.Base(f), func(t *testing.T) {
					rs := []*lint.Rule{r}
					if r.Check == nil { // the suppression checks judge the other rules' findings
						rs = coreRules()
					}
					if checkFixture(t, f, rs) > 0 {
						dirty++
					} else {
						clean++
					}
				})
			}
			// Every rule needs fixtures that fail and fixtures that pass: the
			// clean ones pin the false-positive rate.
			if dirty == 0 || clean == 0 {
				t.Errorf("rule %s has %d failing and %d passing fixtures; it needs both", r.ID, dirty, clean)
			}
		})
	}
}

func TestNoticeFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "notices", "*.md"))
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/notices")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { checkFixture(t, f, coreRules()) })
	}
}

// coreRules are every rule but the content rules: the notices of
// testdata/notices, the suppression fixtures and the seeds pin what the
// core rules find, and leave Art 13/14 elements out as they please. Each
// content rule has fixtures of its own in testdata/rules.
func coreRules() []*lint.Rule {
	content := map[*lint.Rule]bool{}
	for _, r := range rules.ContentRules() {
		content[r] = true
	}
	var out []*lint.Rule
	for _, r := range rules.All() {
		if !content[r] {
			out = append(out, r)
		}
	}
	return out
}

// TestRulesDocumented keeps every rule's documentation complete, since
// "noticelint explain" prints it and docs/rules.md is generated from it.
func TestRulesDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %s", r.ID)
		}
		seen[r.ID] = true
		for _, part := range []string{"Why:", "Fails", "Passes", "Fix:"} {
			if !strings.Contains(r.Doc, part) {
				t.Errorf("%s: Doc lacks %q", r.ID, part)
			}
		}
		if r.Summary == "" || (r.Check == nil) != (r == lint.UnusedSuppression || r == lint.InvalidSuppression) || r.Since == "" {
			t.Errorf("%s: incomplete rule value", r.ID)
		}
		if rules.Lookup(r.ID) != r {
			t.Errorf("Lookup(%q) does not return the rule", r.ID)
		}
	}
}

// seedFindings pins what the five rules report on the real notices the
// project was created from; each line was checked by reading the notice.
var seedFindings = map[string][]string{
	"000_012f2c22baed37e5.txt": {
		"101 ico-registration", // Z629086: six digits
		"122 cross-reference",  // "See section 15 on how to make a complaint": complaints is 16
		"429 rights-list",      // 21.1 lists six rights; 3.1 has all eight
		"439 cross-reference",  // "See section 3.6": section 3 ends at 3.5
	},
	"001_1e299fd3d48f26ea.txt": {
		"75 dpo-contact",      // "contacted by email at or by post"
		"93 ico-registration", // Z629086
		"361 dpo-contact",     // "emailing us at" ends the DPO section
		"374 dpo-contact",     // "... 'Subject Access Request' to" with no address
		"388 rights-list",     // 20.1 lists six rights
		"398 cross-reference", // "section three, 'How we use ...'": section 3 is 'Your privacy rights'
		"400 cross-reference", // "section 3.6" does not exist
		"402 cross-reference", // "section 3.6" does not exist
		"408 privacy-shield",  // "protected by Privacy Shield"
	},
	"003_78c46c5ded6a4752.txt": {
		"312 privacy-shield", // Appendix 4 relies on Privacy Shield
	},
}

func TestSeedNotices(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/seeds not present")
	}
	for name, want := range seedFindings {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			n, err := notices.Parse(path, src)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range lint.Check(n, nil, lint.Options{Rules: coreRules(), Known: rules.All()}) {
				got = append(got, fmt.Sprintf("%d %s", f.Line, f.Rule))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings differ\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
