package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const complete = "../../testdata/checklist/complete.md"

type checklistJSON struct {
	File     string `json:"file"`
	Elements []struct {
		ID         string `json:"id"`
		Status     string `json:"status"`
		Line       int    `json:"line"`
		Section    string `json:"section"`
		Why        string `json:"why"`
		Suppressed *struct {
			Reason string `json:"reason"`
		} `json:"suppressed"`
	} `json:"elements"`
}

func checklistOf(t *testing.T, args ...string) (checklistJSON, int) {
	t.Helper()
	out, stderr, code := run(t, "", append([]string{"checklist", "--format", "json"}, args...)...)
	var cl checklistJSON
	if err := json.Unmarshal([]byte(out), &cl); err != nil {
		t.Fatalf("exit %d, stderr %q: %v\n%s", code, stderr, err, out)
	}
	return cl, code
}

func statuses(cl checklistJSON) map[string]string {
	m := map[string]string{}
	for _, e := range cl.Elements {
		m[e.ID] = e.Status
	}
	return m
}

// Every element is listed, the DPO contact and the rights list included,
// each with a status and a reason; a notice that states everything exits 0.
func TestChecklistComplete(t *testing.T) {
	cl, code := checklistOf(t, "--no-config", complete)
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	want := []string{"controller-identity", "dpo-contact", "purposes", "lawful-basis", "legitimate-interests", "recipients", "transfers",
		"retention", "rights-list", "withdraw-consent", "complaint-right", "statutory-requirement", "automated-decisions",
		"data-categories", "data-source", "complaints-procedure"}
	var got []string
	for _, e := range cl.Elements {
		got = append(got, e.ID)
		if e.Why == "" {
			t.Errorf("%s: no why", e.ID)
		}
		if e.Status == "present" && (e.Line == 0 || e.Section == "") {
			t.Errorf("%s: present without a line and section (%d, %q)", e.ID, e.Line, e.Section)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("elements:\n got %v\nwant %v", got, want)
	}
	if s := statuses(cl); s["retention"] != "present" || s["data-source"] != "na" {
		t.Errorf("statuses: %v", s)
	}
}

// A missing element exits 1, with the finding's line; an inline suppression
// signs it off with its reason, and the configuration turning the rule off
// does too.
func TestChecklistMissingAndSignedOff(t *testing.T) {
	src, err := os.ReadFile(complete)
	if err != nil {
		t.Fatal(err)
	}
	without := strings.Replace(string(src), "We keep membership records for two years after you leave, then delete them.", "Records are looked after carefully.", 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "notice.md")
	if err := os.WriteFile(path, []byte(without), 0o644); err != nil {
		t.Fatal(err)
	}
	cl, code := checklistOf(t, "--no-config", path)
	if s := statuses(cl); code != 1 || s["retention"] != "missing" {
		t.Errorf("exit %d, retention %q; want 1 and missing", code, s["retention"])
	}

	signed := "<!-- noticelint-disable-file retention -- periods agreed with the board, published separately -->\n" + without
	if err := os.WriteFile(path, []byte(signed), 0o644); err != nil {
		t.Fatal(err)
	}
	cl, code = checklistOf(t, "--no-config", path)
	for _, e := range cl.Elements {
		if e.ID == "retention" && (e.Status != "missing" || e.Suppressed == nil || !strings.Contains(e.Suppressed.Reason, "agreed with the board")) {
			t.Errorf("retention: %+v; want missing, signed off with the reason", e)
		}
	}
	if code != 0 {
		t.Errorf("exit %d with the missing element signed off, want 0", code)
	}

	cfg := filepath.Join(dir, "off.yml")
	if err := os.WriteFile(cfg, []byte("rules:\n  retention: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(without), 0o644); err != nil {
		t.Fatal(err)
	}
	cl, code = checklistOf(t, "--config", cfg, path)
	for _, e := range cl.Elements {
		if e.ID == "retention" && (e.Suppressed == nil || !strings.Contains(e.Suppressed.Reason, "turned off")) {
			t.Errorf("retention with the rule off: %+v", e)
		}
	}
	if code != 0 {
		t.Errorf("exit %d with the rule off, want 0", code)
	}
}

// The output holds nothing that changes between runs, so CI can diff it;
// each format prints every element.
func TestChecklistFormats(t *testing.T) {
	for _, format := range []string{"text", "markdown", "json"} {
		a, _, code := run(t, "", "checklist", "--no-config", "--format", format, example)
		b, _, _ := run(t, "", "checklist", "--no-config", "--format", format, example)
		if a != b {
			t.Errorf("%s: two runs differ", format)
		}
		if code != 1 || !strings.Contains(a, "statutory-requirement") && !strings.Contains(a, "Whether providing data is required") {
			t.Errorf("%s: exit %d, output:\n%s", format, code, a)
		}
	}
	out, _, _ := run(t, "", "checklist", "--no-config", "--format", "markdown", complete)
	if !strings.Contains(out, "| Retention period or criteria (Art 13(2)(a)) | present | line 27, section 4 ('How long we keep it') |") {
		t.Errorf("markdown row missing:\n%s", out)
	}
}

func TestChecklistErrors(t *testing.T) {
	if _, _, code := run(t, "", "checklist", "no-such-notice.md"); code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
	if _, _, code := run(t, "", "checklist", "--format", "sarif", complete); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "bad.yml")
	if err := os.WriteFile(cfg, []byte("rules:\n  retention: sometimes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code := run(t, "", "checklist", "--config", cfg, complete); code != 2 {
		t.Errorf("bad configuration: exit %d, want 2", code)
	}
}

// diff reports the required-content elements a change removed or added.
func TestDiffReportsElements(t *testing.T) {
	src, err := os.ReadFile(complete)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	without := strings.Replace(string(src), "We keep membership records for two years after you leave, then delete them.", "Records are looked after carefully.", 1)
	if err := os.WriteFile(old, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(new, []byte(without), 0o644); err != nil {
		t.Fatal(err)
	}
	// runReader, not run: these are the content rules' own changes.
	out, _, _ := runReader(t, strings.NewReader(""), "diff", "--no-config", "--color", "never", old, new)
	if !strings.Contains(out, "removed: retention (present -> missing)") {
		t.Errorf("text report lacks the removed element:\n%s", out)
	}
	out, _, _ = runReader(t, strings.NewReader(""), "diff", "--no-config", "--format", "json", new, old)
	var rep struct {
		Elements []struct {
			ID, Old, New string
			Removed      bool
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Elements) != 1 || rep.Elements[0].ID != "retention" || rep.Elements[0].Removed || rep.Elements[0].New != "present" {
		t.Errorf("elements: %+v, want retention added", rep.Elements)
	}
}
