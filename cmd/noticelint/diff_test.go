package main

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/internal/gittest"
)

var diffExt = map[string]string{"text": "text", "markdown": "md", "html": "html", "json": "json"}

// TestDiffGolden renders every fixture in testdata/diff in every format and
// compares the output with testdata/golden/diff (-update rewrites them).
func TestDiffGolden(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/diff/*")
	if len(dirs) < 10 {
		t.Fatalf("only %d diff fixtures", len(dirs))
	}
	if *update {
		if err := os.MkdirAll(filepath.Join("..", "..", "testdata", "golden", "diff"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		for format, ext := range diffExt {
			t.Run(name+"/"+format, func(t *testing.T) {
				wd, err := os.Getwd()
				if err != nil {
					t.Fatal(err)
				}
				// Relative paths keep the golden files independent of the checkout.
				old, new := "testdata/diff/"+name+"/old.md", "testdata/diff/"+name+"/new.md"
				out, stderr, code := runIn(t, "../..", "diff", "--color", "never", "--format", format, old, new)
				if code != 0 {
					t.Fatalf("exit code %d: %s", code, stderr)
				}
				t.Chdir(wd) // golden() reads paths relative to this package
				golden(t, filepath.Join("diff", name+"."+ext), out)
			})
		}
	}
}

// runIn runs the CLI with the working directory set to dir for the rest of
// the (sub)test.
func runIn(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	return run(t, "", args...)
}

func TestDiffIdenticalIsEmpty(t *testing.T) {
	f := "../../testdata/notices/quayside-support-defects.md"
	out, _, code := run(t, "", "diff", "--color", "never", "--fail-on-new", "info", f, f)
	if code != 0 || !strings.HasSuffix(out, "\nno changes\n") {
		t.Errorf("code %d, output:\n%s", code, out)
	}
	out, _, _ = run(t, "", "diff", "--format", "json", f, f)
	var rep struct {
		Changed    bool
		Sections   []any
		References []any
		Findings   struct{ Introduced, Resolved, Carried []any }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Changed || len(rep.Sections)+len(rep.References)+len(rep.Findings.Introduced)+len(rep.Findings.Resolved) != 0 {
		t.Errorf("identical inputs gave a non-empty report:\n%s", out)
	}
	if len(rep.Findings.Carried) == 0 {
		t.Error("the fixture's findings should be carried over")
	}
}

func TestDiffExitCodes(t *testing.T) {
	fx := func(c, f string) string { return "../../testdata/diff/" + c + "/" + f }
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"report only", []string{fx("compliance", "old.md"), fx("compliance", "new.md")}, 0, ""},
		{"new error", []string{"--fail-on-new", "error", fx("compliance", "old.md"), fx("compliance", "new.md")}, 1, ""},
		{"new error, warning gate", []string{"--fail-on-new", "warning", fx("broken-ref", "old.md"), fx("broken-ref", "new.md")}, 1, ""},
		{"nothing new", []string{"--fail-on-new", "warning", fx("renumbered", "old.md"), fx("renumbered", "new.md")}, 0, ""},
		{"resolved only", []string{"--fail-on-new", "error", fx("compliance", "new.md"), fx("compliance", "old.md")}, 1, ""},
		{"missing file", []string{fx("compliance", "old.md"), "no/such.md"}, 2, "no/such.md: no such file or directory"},
		{"directory", []string{fx("compliance", "old.md"), "../../testdata"}, 2, "is a directory"},
		{"one argument", []string{fx("compliance", "old.md")}, 2, "accepts 2 arg(s)"},
		{"bad format", []string{"--format", "pdf", fx("added", "old.md"), fx("added", "new.md")}, 2, "unknown format"},
		{"bad gate", []string{"--fail-on-new", "loud", fx("added", "old.md"), fx("added", "new.md")}, 2, "--fail-on-new"},
		{"bad rev", []string{"no-such-rev-xyz:notices/x.md", fx("added", "new.md")}, 2, "git could not read it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := run(t, "", append([]string{"diff", "--color", "never"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.err)
			}
		})
	}
}

// The compliance fixture both introduces a finding (the DPO's email was
// deleted) and resolves one (Privacy Shield replaced); swapped, the other.
func TestDiffComplianceDelta(t *testing.T) {
	out, _, _ := run(t, "", "diff", "--format", "json", "../../testdata/diff/compliance/old.md", "../../testdata/diff/compliance/new.md")
	var rep struct {
		Findings struct {
			Introduced, Resolved []struct{ Rule, Section string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	in, res := rep.Findings.Introduced, rep.Findings.Resolved
	if len(in) != 1 || in[0].Rule != "dpo-contact" || in[0].Section != "1.2" || len(res) != 1 || res[0].Rule != "privacy-shield" {
		t.Errorf("introduced %+v, resolved %+v", in, res)
	}
}

func TestDiffOutputFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	out, _, code := run(t, "", "diff", "--format", "html", "-o", path, "../../testdata/diff/moved/old.md", "../../testdata/diff/moved/new.md")
	if code != 0 || out != "" {
		t.Fatalf("code %d, stdout %q", code, out)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "<nav id=\"changes\">") {
		t.Errorf("report not written: %v", err)
	}
}

// REV:PATH reads a file from git: here, a fixture committed in a scratch
// repository.
func TestDiffGitRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	old, err := os.ReadFile("../../testdata/diff/renumbered/old.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notice.md"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "notice.md"},
		{"-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "v1"}} {
		c := exec.Command("git", args...)
		c.Dir = dir
		if b, err := c.CombinedOutput(); err != nil {
			t.Skipf("git %v: %v %s", args, err, b)
		}
	}
	newAbs, _ := filepath.Abs("../../testdata/diff/renumbered/new.md")
	out, stderr, code := runIn(t, dir, "diff", "--format", "json", "HEAD:notice.md", newAbs)
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"file": "HEAD:notice.md"`) || !strings.Contains(out, `"renumbered"`) {
		t.Errorf("unexpected report:\n%s", out)
	}
}

// TestDiffHTMLStructure parses the HTML report as XML (it is written
// well-formed for exactly this) and checks that every changed section has
// an anchor and a link in the table of changes, that every link resolves,
// and that nothing is loaded from elsewhere.
func TestDiffHTMLStructure(t *testing.T) {
	pairs := [][2]string{{"../../testdata/diff/split/old.md", "../../testdata/diff/split/new.md"}}
	seedOld, seedNew := "../../../shared/seeds/001_1e299fd3d48f26ea.txt", "../../../shared/seeds/000_012f2c22baed37e5.txt"
	if _, err := os.Stat(seedOld); err == nil {
		pairs = append(pairs, [2]string{seedOld, seedNew})
	}
	for _, p := range pairs {
		out, stderr, code := run(t, "", "diff", "--format", "html", p[0], p[1])
		if code != 0 {
			t.Fatalf("code %d: %s", code, stderr)
		}
		ids, tocLinks, sections := map[string]bool{}, map[string]bool{}, []string{}
		var stack []string
		inTOC := 0
		dec := xml.NewDecoder(strings.NewReader(out))
		dec.Strict = true
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: HTML is not well-formed: %v", p[1], err)
			}
			switch el := tok.(type) {
			case xml.StartElement:
				attr := map[string]string{}
				for _, a := range el.Attr {
					attr[a.Name.Local] = a.Value
				}
				name := el.Name.Local
				if name == "script" || name == "link" || name == "img" || name == "iframe" {
					t.Errorf("%s: report has a <%s>", p[1], name)
				}
				if id := attr["id"]; id != "" {
					if ids[id] {
						t.Errorf("duplicate id %q", id)
					}
					ids[id] = true
				}
				if name == "nav" && attr["id"] == "changes" {
					inTOC = len(stack) + 1
				}
				if name == "a" && inTOC > 0 {
					tocLinks[strings.TrimPrefix(attr["href"], "#")] = true
				}
				if (name == "article" || name == "section") && strings.Contains(attr["class"], "section") && !strings.Contains(attr["class"], "inner") {
					sections = append(sections, attr["id"])
				}
				stack = append(stack, name)
			case xml.EndElement:
				stack = stack[:len(stack)-1]
				if inTOC > len(stack) {
					inTOC = 0
				}
			}
		}
		if len(sections) == 0 {
			t.Fatalf("%s: no changed sections in the HTML", p[1])
		}
		for _, id := range sections {
			if id == "" {
				t.Errorf("%s: a changed section has no anchor", p[1])
			} else if !tocLinks[id] {
				t.Errorf("%s: changed section %q is not in the table of changes", p[1], id)
			}
		}
		for link := range tocLinks {
			if !ids[link] {
				t.Errorf("%s: table of changes links to missing anchor %q", p[1], link)
			}
		}
	}
}

// TestDiffSeedPair pins the report on the real pair of seed notices (an
// older and a newer version of one housing association's notice), checked
// by reading both.
func TestDiffSeedPair(t *testing.T) {
	oldPath, newPath := "../../../shared/seeds/001_1e299fd3d48f26ea.txt", "../../../shared/seeds/000_012f2c22baed37e5.txt"
	if _, err := os.Stat(oldPath); err != nil {
		t.Skip("../shared/seeds is not available")
	}
	out, stderr, code := run(t, "", "diff", "--format", "json", "--fail-on-new", "error", oldPath, newPath)
	if code != 1 {
		t.Errorf("exit code %d, want 1: the change introduces a broken reference (%s)", code, stderr)
	}
	type side struct{ Number, Title string }
	var rep struct {
		Sections []struct {
			Change   []string
			Old, New *side
		}
		References []struct {
			Text, Section string
			Intended      *side
		}
		Findings struct {
			Introduced, Resolved []struct{ Rule, Section string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range rep.Sections {
		o, n := "-", "-"
		if s.Old != nil {
			o = s.Old.Number + " " + s.Old.Title
		}
		if s.New != nil {
			n = s.New.Number + " " + s.New.Title
		}
		got[o+" > "+n] = strings.Join(s.Change, ",")
	}
	for k, want := range map[string]string{
		"9 Automated decision making > -":                  "removed",
		"- > 15 Commitment to Refer":                       "added",
		"- > 14 Data Protection Impact Assessments":        "added",
		"15 Make a complaint > 16 How to make a complaint": "renumbered,retitled",
	} {
		if got[k] != want {
			t.Errorf("%s: %q, want %q", k, got[k], want)
		}
	}
	if len(rep.References) != 1 || rep.References[0].Section != "3.4" || rep.References[0].Text != "section 15" ||
		rep.References[0].Intended == nil || rep.References[0].Intended.Number != "16" {
		t.Errorf("broken references: %+v", rep.References)
	}
	count := func(fs []struct{ Rule, Section string }, rule string) (n int, secs []string) {
		for _, f := range fs {
			if f.Rule == rule {
				n++
				secs = append(secs, f.Section)
			}
		}
		return n, secs
	}
	if n, secs := count(rep.Findings.Resolved, "privacy-shield"); n != 1 || secs[0] != "21.2" {
		t.Errorf("Privacy Shield finding not resolved: %v", secs)
	}
	if n, secs := count(rep.Findings.Resolved, "dpo-contact"); n != 3 {
		t.Errorf("DPO email findings resolved: %v, want 1.4, 16.2, 17.2", secs)
	}
	if n, secs := count(rep.Findings.Introduced, "cross-reference"); n != 1 || secs[0] != "3.4" {
		t.Errorf("introduced cross-reference findings: %v, want 3.4", secs)
	}
}

// The compliance delta runs the rules under the configuration of the new
// version: a rule turned off there neither introduces nor resolves findings.
func TestDiffUsesConfiguration(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "noticelint.yml")
	if err := os.WriteFile(cfg, []byte("rules:\n  dpo-contact: off\n  privacy-shield: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old, new := "../../testdata/diff/compliance/old.md", "../../testdata/diff/compliance/new.md"
	out, stderr, code := run(t, "", "diff", "--format", "json", "--config", cfg, "--fail-on-new", "error", old, new)
	if code != 0 {
		t.Errorf("exit code %d, want 0: the only new finding's rule is off (%s)", code, stderr)
	}
	var rep struct {
		Findings struct {
			Introduced, Resolved []struct{ Rule, Severity string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings.Introduced) != 0 || len(rep.Findings.Resolved) != 1 || rep.Findings.Resolved[0].Severity != "warning" {
		t.Errorf("findings under the configuration: %+v", rep.Findings)
	}
	_, stderr, code = run(t, "", "diff", "--config", "no/such.yml", old, new)
	if code != 2 || !strings.Contains(stderr, "no/such.yml") {
		t.Errorf("missing --config: code %d, stderr %q", code, stderr)
	}
}

// A reference the cross-reference rule already finds wrong in OLD was not
// broken by the change: the diff leaves it out of the broken references and
// carries its finding instead. The engine knows no rule by name, so this
// holds only because diff names the rule.
func TestDiffAlreadyWrongReference(t *testing.T) {
	dir := t.TempDir()
	old := "# N\n\n## 1. Intro\n\n1.1 See section 2 on how to make a complaint.\n\n## 2. Cookies\n\n2.1 We use cookies.\n\n## 3. How to make a complaint\n\n3.1 Write to us.\n"
	new := "# N\n\n## 1. Intro\n\n1.1 See section 2 on how to make a complaint.\n\n## 2. Marketing\n\n2.1 We do not sell data.\n\n## 3. Cookies\n\n3.1 We use cookies.\n\n## 4. How to make a complaint\n\n4.1 Write to us.\n"
	for name, src := range map[string]string{"old.md": old, "new.md": new} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, _ := runIn(t, dir, "diff", "--no-config", "--enable", "cross-reference", "--format", "json", "old.md", "new.md")
	var rep struct {
		References []json.RawMessage
		Findings   struct{ Carried []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.References) != 0 || len(rep.Findings.Carried) != 1 {
		t.Errorf("references %s, carried %d, want none and 1", rep.References, len(rep.Findings.Carried))
	}
}

// The report's header names each version as the user labelled it (else the
// argument), gives the commit and commit date a REV:PATH was read from, and
// names the tool; the commit is resolved through git's end of options.
func TestDiffHeader(t *testing.T) {
	old, err := os.ReadFile("../../testdata/diff/renumbered/old.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := gittest.Repo(t, map[string]string{"notice.md": string(old)})
	newAbs, _ := filepath.Abs("../../testdata/diff/renumbered/new.md")
	info := exec.Command("git", "log", "-1", "--format=%H %cI")
	info.Dir = dir
	b, err := info.Output()
	if err != nil {
		t.Fatal(err)
	}
	commit, date, _ := strings.Cut(strings.TrimSpace(string(b)), " ")

	rec := gittest.Record(t)
	out, stderr, code := runIn(t, dir, "diff", "--format", "json", "--old-label", "as published", "--new-label", "draft", "HEAD:notice.md", newAbs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rec.EndsOptions(t, "HEAD")
	var rep struct {
		Tool     string
		Old, New struct{ File, Label, Commit, Date string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Tool != "noticelint "+version || rep.Old.Label != "as published" || rep.Old.Commit != commit || rep.Old.Date != date ||
		rep.Old.File != "HEAD:notice.md" || rep.New.Label != "draft" || rep.New.Commit != "" || rep.New.Date != "" {
		t.Errorf("json header %+v; want commit %s of %s", rep, commit, date)
	}
	out, _, _ = runIn(t, dir, "diff", "--color", "never", "HEAD:notice.md", newAbs)
	for _, want := range []string{"noticelint diff: HEAD:notice.md -> " + newAbs + "\n", "old: commit " + commit[:12] + " of " + date + "\n", "by noticelint " + version + "\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("text header lacks %q:\n%.400s", want, out)
		}
	}
	out, _, _ = runIn(t, dir, "diff", "--format", "markdown", "--old-label", "v1 <b>", "HEAD:notice.md", newAbs)
	if !strings.Contains(out, "### noticelint diff: `v1 <b>` →") || !strings.Contains(out, "<sub>old: commit "+commit[:12]) {
		t.Errorf("markdown header:\n%.400s", out)
	}
	out, _, _ = runIn(t, dir, "diff", "--format", "html", "--old-label", "v1 <b>", "HEAD:notice.md", newAbs)
	if !strings.Contains(out, "<code>v1 &lt;b&gt;</code> <small>(commit "+commit[:12]) || !strings.Contains(out, "Generated by noticelint "+version+" diff.") {
		t.Errorf("html header:\n%.800s", out)
	}
}
