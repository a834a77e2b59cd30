package lint_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/noticelint/noticelint/lint"
)

// gitlabReport decodes a Code Quality report strictly: any key GitLab does
// not define is an error, and so is a missing one.
func gitlabReport(t *testing.T, res lint.Result) []map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := lint.WriteGitLab(&b, res); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, b.String())
	}
	return out
}

// Field by field, as GitLab reads a Code Quality report: description,
// check_name, fingerprint, severity (info, minor, major, critical or
// blocker), location.path and location.lines.begin, and nothing else.
func TestGitLabFields(t *testing.T) {
	res := fmtResult()
	issues := gitlabReport(t, res)
	if len(issues) != len(res.Findings)+len(res.Errors) {
		t.Fatalf("%d issues for %d findings and %d errors", len(issues), len(res.Findings), len(res.Errors))
	}
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	seen := map[string]bool{}
	type want struct {
		description, check, severity, path string
		begin                              float64
	}
	wants := []want{
		{"The notice gives no ICO registration number for the controller. Fix: State it: \"ZB123456\".", "ico-registration", "minor", "notices/a.md", 1},
		{res.Findings[1].Message + " Fix: " + res.Findings[1].Fix, "cross-reference", "major", "notices/a.md", 12},
		{res.Findings[2].Message, "cross-reference", "major", "notices/a.md", 14},
		{"This list names 6 of the 8 rights.", "rights-list", "info", "notices/b, c.md", 3},
		{res.Errors[0].Message, "noticelint/configuration", "critical", "notices/.noticelint.yml", 3},
		{res.Errors[1].Message, "noticelint/input", "critical", "notices/bad.md", 1},
		{"no such file or directory", "noticelint/input", "critical", "notices/gone.md", 1},
	}
	for i, is := range issues {
		keys := slices.Sorted(maps.Keys(is))
		if !slices.Equal(keys, []string{"check_name", "description", "fingerprint", "location", "severity"}) {
			t.Errorf("issue %d keys %v", i, keys)
		}
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if len(loc) != 2 || len(lines) != 1 {
			t.Errorf("issue %d location %v", i, loc)
		}
		w := wants[i]
		if is["description"] != w.description || is["check_name"] != w.check || is["severity"] != w.severity ||
			loc["path"] != w.path || lines["begin"] != w.begin {
			t.Errorf("issue %d = %v\nwant %+v", i, is, w)
		}
		fp, _ := is["fingerprint"].(string)
		if !hex32.MatchString(fp) || seen[fp] {
			t.Errorf("issue %d fingerprint %q: not 32 hex digits, or not unique", i, fp)
		}
		seen[fp] = true
	}
	if empty := gitlabReport(t, lint.Result{}); empty == nil || len(empty) != 0 {
		t.Errorf("a clean run must be an empty array, got %v", empty)
	}
}

// The fingerprints survive renumbering (new lines and section numbers, the
// same words) and tell two findings of the same words in one section
// apart, by their order; another file's findings get other fingerprints.
func TestGitLabFingerprints(t *testing.T) {
	fps := func(res lint.Result) []string {
		var out []string
		for _, is := range gitlabReport(t, res) {
			out = append(out, is["fingerprint"].(string))
		}
		return out
	}
	base := fmtResult()
	before := fps(base)
	moved := fmtResult()
	for i := range moved.Findings {
		moved.Findings[i].Line += 7
		moved.Findings[i].EndLine += 7
		if moved.Findings[i].Section == "3.4" {
			moved.Findings[i].Section = "4.4"
		}
	}
	if after := fps(moved); !slices.Equal(before[:4], after[:4]) {
		t.Errorf("renumbering changed fingerprints:\n%v\n%v", before[:4], after[:4])
	}
	other := fmtResult()
	for i := range other.Findings {
		other.Findings[i].File = "notices/z.md"
	}
	for i, fp := range fps(other)[:4] {
		if fp == before[i] {
			t.Errorf("finding %d: same fingerprint in another file", i)
		}
	}
}
