package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
)

// ciNotice has two defects: a reference in 1.2 to the wrong section, and
// reliance on the Privacy Shield in 3.1.
const ciNotice = `# Privacy notice — Example Homes

## 1. Who we are

1.1 Example Homes Ltd, 12 Bridge Street, York, YO1 6DA, is the controller of your personal information. We are registered with the Information Commissioner's Office under number ZB123456.

1.2 Our Data Protection Officer can be contacted at dpo@examplehomes.co.uk. See section 2 on how to complain.

## 2. Your rights

2.1 You have the right to be informed, the right of access, the right to rectification, the right to erasure, the right to restrict processing, the right to data portability, the right to object, and rights in relation to automated decision making and profiling.

## 3. Sending information abroad

3.1 Our repairs contractor in the US receives your address under the EU-US Privacy Shield.

## 4. How to complain

4.1 You can complain to us or to the Information Commissioner's Office.
`

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newRepo makes a folder that discovery treats as a repository root.
func newRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func lintJSON(t *testing.T, args ...string) (lint.Result, string, int) {
	t.Helper()
	out, errOut, code := run(t, "", append([]string{"lint", "--format", "json"}, args...)...)
	var res lint.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON (%v):\n%s\nstderr: %s", err, out, errOut)
	}
	return res, errOut, code
}

// summary lists findings as "file:line rule severity", with paths relative to
// root, for comparisons that read well when they fail.
func summary(root string, fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		rel, err := filepath.Rel(root, f.File)
		if err != nil {
			rel = f.File
		}
		out = append(out, filepath.ToSlash(rel)+":"+strconv.Itoa(f.Line)+" "+f.Rule+" "+f.Severity.String())
	}
	return out
}

func wantFindings(t *testing.T, root string, got []lint.Finding, want ...string) {
	t.Helper()
	if s := summary(root, got); !slices.Equal(s, want) {
		t.Errorf("findings:\n got %q\nwant %q", s, want)
	}
}

// Each notice gets the nearest configuration above its own folder, whatever
// the working directory: the most reported complaint against Vale and
// markdownlint-cli2.
func TestConfigDiscoveryPerFile(t *testing.T) {
	repo := newRepo(t)
	write(t, filepath.Join(repo, ".noticelint.yml"), "ignore: [drafts/**]\nrules:\n  privacy-shield: warning\n")
	write(t, filepath.Join(repo, "notice.md"), ciNotice)
	write(t, filepath.Join(repo, "drafts", "notice.md"), ciNotice)
	write(t, filepath.Join(repo, "hr", ".noticelint.yml"), `organisation:
  dpo_emails: [dpo@example-homes-group.co.uk]
rules:
  privacy-shield: off
overrides:
  - paths: ["archive/**"]
    rules:
      cross-reference: info
`)
	write(t, filepath.Join(repo, "hr", "staff.md"), ciNotice)
	write(t, filepath.Join(repo, "hr", "archive", "2019.md"), ciNotice)

	res, _, code := lintJSON(t, repo)
	if code != 1 || res.Files != 3 {
		t.Errorf("exit %d, %d files; want 1 and 3 (drafts ignored)", code, res.Files)
	}
	wantFindings(t, repo, res.Findings,
		"hr/archive/2019.md:7 dpo-contact error",
		"hr/archive/2019.md:7 cross-reference info",
		"hr/staff.md:7 dpo-contact error",
		"hr/staff.md:7 cross-reference error",
		"notice.md:7 cross-reference error",
		"notice.md:15 privacy-shield warning",
	)

	// --no-config: every rule at its default, nothing ignored.
	res, _, _ = lintJSON(t, "--no-config", repo)
	if res.Files != 4 || len(res.Findings) != 8 {
		t.Errorf("--no-config: %d files, %d findings; want 4 and 8", res.Files, len(res.Findings))
	}

	// --config: one file for every notice, its globs relative to itself.
	ci := filepath.Join(t.TempDir(), "ci.yml")
	write(t, ci, "rules:\n  cross-reference: off\n")
	res, _, _ = lintJSON(t, "--config", ci, filepath.Join(repo, "hr"))
	wantFindings(t, repo, res.Findings, "hr/archive/2019.md:15 privacy-shield error", "hr/staff.md:15 privacy-shield error")

	// An ignored file named on the command line is still ignored, so that
	// pre-commit, which names files, honours ignore.
	res, _, code = lintJSON(t, filepath.Join(repo, "drafts", "notice.md"))
	if res.Files != 0 || code != 0 {
		t.Errorf("explicit ignored file: %d files, exit %d", res.Files, code)
	}
}

// A broken configuration: every mistake is one line, FILE:LINE:COL: error:
// message, exit 2; the notices under it are not linted, and counted, and
// every other notice still is.
func TestBrokenConfig(t *testing.T) {
	repo := newRepo(t)
	t.Chdir(repo)
	write(t, "notice.md", ciNotice)
	write(t, "hr/.noticelint.yml", "rules:\n  privacy_shield: off\n  dpo-contact: of\nrequire_reasons: true\n")
	for _, n := range []string{"a", "b", "c", "d"} {
		write(t, "hr/"+n+".md", ciNotice)
	}

	out, errOut, code := run(t, "", "lint", "--color", "never", ".")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	wantErr := `hr/.noticelint.yml:2:3: error: unknown rule "privacy_shield" (did you mean "privacy-shield"?); run 'noticelint rules' for the list
hr/.noticelint.yml:3:16: error: dpo-contact: unknown level "of" (did you mean "off"?); want off, info, warning or error
hr/.noticelint.yml:4:1: error: unknown key "require_reasons" in the configuration (did you mean "require_reason"?); expected one of: `
	if !strings.HasPrefix(errOut, wantErr) || strings.Count(errOut, "\n") != 3 {
		t.Errorf("stderr:\n%s\nwant three lines beginning:\n%s", errOut, wantErr)
	}
	if !strings.Contains(out, "notice.md:7:") || strings.Contains(out, "hr/a.md") {
		t.Errorf("the notice under the good configuration should still be linted:\n%s", out)
	}
	if !strings.Contains(out, "1 file linted: 2 errors, 0 warnings, 0 info findings; 4 notices not linted: 1 configuration file with errors\n") {
		t.Errorf("the summary should count the notices not linted:\n%s", out)
	}

	// --config: the same lines, and the notices are counted.
	out, errOut, code = run(t, "", "lint", "--color", "never", "--config", "hr/.noticelint.yml", ".")
	if code != 2 || !strings.HasPrefix(errOut, wantErr) || !strings.Contains(out, "0 files linted") || !strings.Contains(out, "5 notices not linted") {
		t.Errorf("--config broken: exit %d\n%s%s", code, errOut, out)
	}
	_, errOut, code = run(t, "", "lint", "--config", "missing.yml", ".")
	if code != 2 || !strings.HasPrefix(errOut, "missing.yml: error: cannot read configuration: no such file or directory\n") {
		t.Errorf("--config missing: exit %d, %s", code, errOut)
	}
}

// A configuration's mistakes keep their positions in every format, and every
// format prints its document, with --config too.
func TestConfigErrorsInEveryFormat(t *testing.T) {
	repo := newRepo(t)
	t.Chdir(repo)
	write(t, "notice.md", ciNotice)
	write(t, "bad.yml", "rules:\n  privacy_shield: off\n  dpo-contact: of\n")
	// With a notice, and with nothing to lint (an empty folder).
	for _, args := range [][]string{{"--config", "bad.yml", "notice.md"}, {"--config", "bad.yml", t.TempDir()}} {
		res, errOut, code := lintJSON(t, args...)
		var got []string
		for _, e := range res.Errors {
			if e.Kind == lint.ConfigError {
				got = append(got, fmt.Sprintf("%s %d:%d", e.Where(), e.Line, e.Column))
			}
		}
		want := []string{"bad.yml:2:3 2:3", "bad.yml:3:16 3:16"}
		if code != 2 || !slices.Equal(got, want) || errOut != "" {
			t.Errorf("json %v: exit %d, errors %q, stderr %q", args, code, got, errOut)
		}
	}
	res, _, _ := lintJSON(t, "--config", "bad.yml", "notice.md")
	if res.NotLinted != 1 || res.Files != 0 {
		t.Errorf("json: not_linted %d, files %d", res.NotLinted, res.Files)
	}
	out, _, _ := run(t, "", "lint", "--format", "json", "--config", "bad.yml", "notice.md")
	if !strings.Contains(out, `"line": 2,
      "column": 3,`) || !strings.Contains(out, `"kind": "configuration"`) || !strings.Contains(out, `"not_linted": 1`) {
		t.Errorf("json keys:\n%s", out)
	}
	for format, want := range map[string]string{
		"github":     "::error file=bad.yml,line=2,col=3,title=noticelint%3A configuration error::unknown rule",
		"checkstyle": `<error line="2" column="3" severity="error" message="unknown rule &#34;privacy_shield&#34;`,
		"junit":      "bad.yml:2:3: unknown rule",
		"sarif":      `"startColumn": 3,`,
		"text":       "0 files linted: 0 errors, 0 warnings, 0 info findings; 1 notice not linted: 1 configuration file with errors",
	} {
		out, errOut, code := run(t, "", "lint", "--color", "never", "--format", format, "--config", "bad.yml", "notice.md")
		if code != 2 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, want %q in:\n%s\nstderr: %s", format, code, want, out, errOut)
		}
		if format != "text" && errOut != "" {
			t.Errorf("%s: the document carries the errors; stderr has %q", format, errOut)
		}
	}
	out, _, _ = run(t, "", "lint", "--format", "sarif", "--config", "bad.yml", "notice.md")
	var log struct {
		Runs []struct {
			Invocations []struct {
				ToolExecutionNotifications []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn int }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	n := log.Runs[0].Invocations[0].ToolExecutionNotifications
	if len(n) != 2 || n[1].Locations[0].PhysicalLocation.Region.StartLine != 3 || n[1].Locations[0].PhysicalLocation.Region.StartColumn != 16 ||
		n[1].Locations[0].PhysicalLocation.ArtifactLocation.URI != "bad.yml" {
		t.Errorf("sarif notifications %+v", n)
	}

	// config print and diff say it the same way.
	_, errOut, code := run(t, "", "config", "print", "--config", "bad.yml", "notice.md")
	if code != 2 || !strings.HasPrefix(errOut, "bad.yml:2:3: error: unknown rule") || strings.Count(errOut, "\n") != 2 {
		t.Errorf("config print: exit %d %s", code, errOut)
	}
	_, errOut, code = run(t, "", "diff", "--config", "bad.yml", "notice.md", "notice.md")
	if code != 2 || !strings.HasPrefix(errOut, "bad.yml:2:3: error: unknown rule") || strings.Count(errOut, "\n") != 2 {
		t.Errorf("diff: exit %d %s", code, errOut)
	}
}

func TestSuppressionsEndToEnd(t *testing.T) {
	repo := newRepo(t)
	suppressed := strings.Replace(ciNotice, "3.1 Our repairs",
		"<!-- noticelint-disable-next-line privacy-shield -->\n3.1 Our repairs", 1)
	write(t, filepath.Join(repo, "n.md"), suppressed)
	res, _, _ := lintJSON(t, repo)
	wantFindings(t, repo, res.Findings, "n.md:7 cross-reference error")

	write(t, filepath.Join(repo, ".noticelint.yml"), "require_reason: true\n")
	res, _, _ = lintJSON(t, repo)
	wantFindings(t, repo, res.Findings, "n.md:7 cross-reference error", "n.md:15 invalid-suppression error")

	// The reason satisfies require_reason; fixing the text leaves the
	// suppression unused.
	fixed := strings.Replace(suppressed, "-->\n3.1", "-- signed off by the DPO, 2025-03 -->\n3.1", 1)
	fixed = strings.Replace(fixed, "under the EU-US Privacy Shield", "under the UK International Data Transfer Agreement", 1)
	write(t, filepath.Join(repo, "n.md"), fixed)
	res, _, _ = lintJSON(t, repo)
	wantFindings(t, repo, res.Findings, "n.md:7 cross-reference error", "n.md:15 unused-suppression warning")
}

// The baseline hides known findings by section identity and text, so it
// survives renumbering; fixed findings are reported as stale entries, and new
// ones still fail the build.
func TestBaselineSurvivesRenumbering(t *testing.T) {
	repo := newRepo(t)
	t.Chdir(repo)
	write(t, "notice.md", ciNotice)
	out, errOut, code := run(t, "", "baseline", "write", ".")
	if code != 0 || !strings.Contains(out, "wrote .noticelint-baseline.json: 2 findings in 2 entries from 1 file") {
		t.Fatalf("baseline write: exit %d\n%s%s", code, out, errOut)
	}
	res, _, code := lintJSON(t, ".")
	if code != 0 || len(res.Findings) != 0 || res.Baseline == nil || res.Baseline.Suppressed != 2 {
		t.Fatalf("with baseline: exit %d, findings %v, baseline %+v", code, summary(repo, res.Findings), res.Baseline)
	}

	// Insert a section at the top: every number moves, and the author bumps
	// the wrong reference along with them.
	renumbered := ciNotice
	for i := 4; i >= 1; i-- {
		n, m := strconv.Itoa(i), strconv.Itoa(i+1)
		renumbered = strings.ReplaceAll(renumbered, "## "+n+". ", "## "+m+". ")
		renumbered = strings.ReplaceAll(renumbered, "\n"+n+".1 ", "\n"+m+".1 ")
		renumbered = strings.ReplaceAll(renumbered, "\n"+n+".2 ", "\n"+m+".2 ")
	}
	renumbered = strings.Replace(renumbered, "See section 2 on", "See section 3 on", 1)
	renumbered = strings.Replace(renumbered, "## 2. Who we are", "## 1. About this notice\n\n1.1 This notice explains how we use your information.\n\n## 2. Who we are", 1)
	write(t, "notice.md", renumbered)
	res, _, _ = lintJSON(t, "--no-baseline", ".")
	wantFindings(t, repo, res.Findings, "notice.md:11 cross-reference error", "notice.md:19 privacy-shield error")
	res, _, code = lintJSON(t, ".")
	if code != 0 || len(res.Findings) != 0 {
		t.Errorf("renumbered notice: exit %d, findings %v; the baseline should still hide both", code, summary(repo, res.Findings))
	}

	// Fix one, add a new one.
	changed := strings.Replace(renumbered, "under the EU-US Privacy Shield", "under the UK International Data Transfer Agreement", 1)
	changed = strings.Replace(changed, "5.1 You can complain", "5.1 Our US host receives complaints under the Privacy Shield. You can complain", 1)
	write(t, "notice.md", changed)
	out, _, code = run(t, "", "lint", "--color", "never", ".")
	if code != 1 || !strings.Contains(out, "notice.md:23:") || !strings.Contains(out, "[privacy-shield]") {
		t.Errorf("a new finding must still fail: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, "baseline .noticelint-baseline.json: 1 known finding hidden; 1 entry no longer occurs") ||
		!strings.Contains(out, "notice.md (Sending information abroad) [privacy-shield]") {
		t.Errorf("the fixed finding should be listed as a stale entry:\n%s", out)
	}

	_, errOut, code = run(t, "", "lint", "--baseline", "nope.json", ".")
	if code != 2 || !strings.Contains(errOut, "nope.json: error: does not exist") {
		t.Errorf("missing --baseline: exit %d %s", code, errOut)
	}
	write(t, "bad.json", "{\"version\": 1, \"findings\": [}")
	_, errOut, code = run(t, "", "lint", "--baseline", "bad.json", ".")
	if code != 2 || !strings.Contains(errOut, "bad.json:1:29: error: invalid JSON: invalid character '}'") {
		t.Errorf("broken --baseline: exit %d %s", code, errOut)
	}
	// The broken baseline hides nothing, and the document still prints.
	res, _, code = lintJSON(t, "--baseline", "bad.json", ".")
	if code != 2 || len(res.Findings) != 2 || len(res.Errors) != 1 || res.Errors[0].Kind != lint.BaselineError || res.Errors[0].Column != 29 {
		t.Errorf("broken --baseline in JSON: exit %d, findings %d, errors %+v", code, len(res.Findings), res.Errors)
	}
}

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// --new-from-rev reports findings on lines changed since the revision, the
// notice-wide findings of changed files, and everything in new files.
func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	t.Chdir(repo)
	noICO := strings.Replace(ciNotice, " We are registered with the Information Commissioner's Office under number ZB123456.", "", 1)
	write(t, "a.md", noICO)
	write(t, "b.md", ciNotice)
	gitRun(t, repo, "init", "-q")
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "notices")

	write(t, "a.md", strings.Replace(noICO, "4.1 You can complain", "4.1 Our US host relied on the Privacy Shield. You can complain", 1))
	write(t, "c.md", ciNotice)
	res, errOut, code := lintJSON(t, "--new-from-rev", "HEAD", ".")
	if code != 1 {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
	wantFindings(t, repo, res.Findings,
		"a.md:1 ico-registration warning", // notice-wide, and a.md changed
		"a.md:19 privacy-shield error",    // the changed line
		"c.md:7 cross-reference error",    // c.md is new
		"c.md:15 privacy-shield error",
	)
	_, errOut, code = run(t, "", "lint", "--new-from-rev", "no-such-branch", ".")
	if code != 2 || !strings.Contains(errOut, `"no-such-branch" is not a revision`) || strings.Count(errOut, "--new-from-rev") != 1 {
		t.Errorf("bad revision: exit %d %s", code, errOut)
	}
	outside := t.TempDir()
	t.Chdir(outside)
	_, errOut, code = run(t, "", "lint", "--new-from-rev", "HEAD", ".")
	if code != 2 || !strings.Contains(errOut, "--new-from-rev: git rev-parse") {
		t.Errorf("outside a repository: exit %d %s", code, errOut)
	}
}

func TestSeveralFormats(t *testing.T) {
	dir := t.TempDir()
	sarifPath, junitPath := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.xml")
	out, _, code := run(t, "", "lint", "--format", "github", "--format", "sarif="+sarifPath, "--format", "junit="+junitPath, example)
	if code != 1 || strings.Count(out, "::") != 10 {
		t.Errorf("exit %d; stdout should be the 5 GitHub commands:\n%s", code, out)
	}
	for _, p := range []string{sarifPath, junitPath} {
		b, err := os.ReadFile(p)
		if err != nil || len(b) == 0 || strings.Contains(string(b), "\x1b[") {
			t.Errorf("%s: %v, %d bytes", p, err, len(b))
		}
	}
	_, errOut, code := run(t, "", "lint", "--format", "json", "--format", "sarif", example)
	if code != 2 || !strings.Contains(errOut, "only one format can write to standard output") {
		t.Errorf("two formats on stdout: exit %d %s", code, errOut)
	}
	_, errOut, code = run(t, "", "lint", "--format", "sarfi", example)
	if code != 2 || !strings.Contains(errOut, `unknown format "sarfi" (did you mean "sarif"?)`) {
		t.Errorf("mistyped format: exit %d %s", code, errOut)
	}
}

func TestInitAndConfigPrint(t *testing.T) {
	dir := newRepo(t)
	t.Chdir(dir)
	write(t, "n.md", ciNotice)
	out, _, code := run(t, "", "init")
	if code != 0 || !strings.Contains(out, "wrote .noticelint.yml") {
		t.Fatalf("init: exit %d %s", code, out)
	}
	if _, errOut, code := run(t, "", "init"); code != 2 || !strings.Contains(errOut, "already exists; use --force") {
		t.Errorf("second init: exit %d %s", code, errOut)
	}
	if _, _, code := run(t, "", "init", "--force"); code != 0 {
		t.Errorf("init --force: exit %d", code)
	}
	// The starter changes nothing.
	withStarter, _, _ := lintJSON(t, "n.md")
	without, _, _ := lintJSON(t, "--no-config", "n.md")
	if !slices.Equal(summary(dir, withStarter.Findings), summary(dir, without.Findings)) {
		t.Errorf("starter config changes findings: %v vs %v", summary(dir, withStarter.Findings), summary(dir, without.Findings))
	}
	out, _, code = run(t, "", "config", "print", "n.md")
	if code != 0 || !strings.Contains(out, "# configuration: .noticelint.yml") || !strings.Contains(out, "privacy-shield: error") {
		t.Errorf("config print: exit %d\n%s", code, out)
	}
	write(t, ".noticelint.yml", "rules:\n  privacy-shield: of\n")
	_, errOut, code := run(t, "", "config", "print", "n.md")
	if code != 2 || !strings.Contains(errOut, `.noticelint.yml:2:19: error: privacy-shield: unknown level "of" (did you mean "off"?)`) {
		t.Errorf("config print of a broken file: exit %d %s", code, errOut)
	}
}

// The gate never fails open: a new Privacy Shield finding fails the run
// whatever the repository's diff settings, in a top-level folder named b/
// too. Where git's diff cannot be read, the run is an error (exit 2), never
// a pass.
func TestNewFromRevGateUnderDiffConfig(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	t.Chdir(repo)
	clean := strings.Replace(ciNotice, " under the EU-US Privacy Shield", " under the UK International Data Transfer Agreement", 1)
	clean = strings.Replace(clean, "See section 2 on how to complain.", "See section 4 on how to complain.", 1)
	write(t, "b/notice.md", clean)
	write(t, "top.md", clean)
	gitRun(t, repo, "init", "-q")
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "clean notices")
	shield := strings.Replace(clean, "4.1 You can complain", "4.1 Our US host relied on the Privacy Shield. You can complain", 1)
	write(t, "b/notice.md", shield)
	write(t, "top.md", shield)
	for _, set := range [][]string{
		{"diff.mnemonicPrefix", "true"},
		{"diff.noprefix", "true"},
		{"diff.srcPrefix", "x/", "diff.dstPrefix", "y/"}, // read by git 2.45 and later
	} {
		for i := 0; i < len(set); i += 2 {
			gitRun(t, repo, "config", set[i], set[i+1])
		}
		res, errOut, code := lintJSON(t, "--new-from-rev", "HEAD", ".")
		if code != 1 {
			t.Errorf("%v: exit %d, want 1; stderr %s", set, code, errOut)
		}
		wantFindings(t, repo, res.Findings, "b/notice.md:19 privacy-shield error", "top.md:19 privacy-shield error")
		for i := 0; i < len(set); i += 2 {
			gitRun(t, repo, "config", "--unset", set[i])
		}
	}

	// A git that named files with another prefix than it was asked for.
	real, _ := exec.LookPath("git")
	bin := t.TempDir()
	write(t, filepath.Join(bin, "git"), "#!/bin/sh\nif [ \"$3\" = diff ]; then '"+real+"' \"$@\" | sed 's#^+++ b/#+++ w/#'; exit 0; fi\nexec '"+real+"' \"$@\"\n")
	if err := os.Chmod(filepath.Join(bin, "git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	_, errOut, code := run(t, "", "lint", "--new-from-rev", "HEAD", ".")
	if code != 2 || !strings.Contains(errOut, `lacks the b/ prefix`) {
		t.Errorf("unreadable diff: exit %d, want 2; stderr %s", code, errOut)
	}
}

// On a branch that is behind main, --new-from-rev main blames the branch
// for what main changed since the branch left it; the merge base does not.
func TestNewFromMergeBase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	t.Chdir(repo)
	clean := strings.Replace(ciNotice, "See section 2 on how to complain.", "See section 4 on how to complain.", 1)
	write(t, "a.md", strings.Replace(clean, " under the EU-US Privacy Shield", " under the UK International Data Transfer Agreement", 1))
	write(t, "b.md", clean) // relies on the Privacy Shield
	gitRun(t, repo, "init", "-q", "-b", "main")
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "v1")
	gitRun(t, repo, "branch", "topic")
	// main fixes b.md after the topic branch left it.
	write(t, "b.md", strings.Replace(clean, " under the EU-US Privacy Shield", " under the UK International Data Transfer Agreement", 1))
	gitRun(t, repo, "commit", "-q", "-a", "-m", "b.md: no more Privacy Shield")
	gitRun(t, repo, "checkout", "-q", "topic")
	// The topic branch brings a new reliance in a.md.
	write(t, "a.md", strings.Replace(clean, "4.1 You can complain", "4.1 Our US host relied on the Privacy Shield. You can complain", 1))

	res, _, _ := lintJSON(t, "--new-from-rev", "main", ".")
	wantFindings(t, repo, res.Findings, "a.md:15 privacy-shield error", "a.md:19 privacy-shield error", "b.md:15 privacy-shield error")
	for _, args := range [][]string{{"--new-from-merge-base", "main"}, {"--new-from-rev", "main..."}, {"--new-from-rev", "main...HEAD"}} {
		res, errOut, code := lintJSON(t, append(args, ".")...)
		if code != 1 {
			t.Errorf("%v: exit %d %s", args, code, errOut)
		}
		wantFindings(t, repo, res.Findings, "a.md:15 privacy-shield error", "a.md:19 privacy-shield error")
	}
	_, errOut, code := run(t, "", "lint", "--new-from-rev", "main..topic", ".")
	if code != 2 || !strings.Contains(errOut, `--new-from-rev: "main..topic" is a range`) {
		t.Errorf("a range: exit %d %s", code, errOut)
	}
	_, errOut, code = run(t, "", "lint", "--new-from-merge-base", "nope", ".")
	if code != 2 || strings.Count(errOut, "--new-from-merge-base") != 1 || !strings.Contains(errOut, `"nope" is not a revision`) {
		t.Errorf("bad revision: exit %d %s", code, errOut)
	}
}

// SARIF, GitHub, GitLab and Checkstyle paths are relative to the repository root
// whatever the working directory (code scanning and the Actions runner map
// them onto the checkout), with --path-prefix in front; text and JSON keep
// the paths as given; fingerprints are the same from anywhere. A file
// outside the repository, and any file when there is none, keeps its path.
func TestReportPathsFromRepoRoot(t *testing.T) {
	repo := newRepo(t)
	write(t, filepath.Join(repo, "notices", "a.md"), ciNotice)
	outside := filepath.Join(t.TempDir(), "elsewhere.md")
	write(t, outside, ciNotice)
	t.Chdir(filepath.Join(repo, "notices"))

	sarifURIs := func(args ...string) ([]string, []string) {
		out, _, _ := run(t, "", append([]string{"lint", "--format", "sarif"}, args...)...)
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI, URIBaseID string }
						}
					}
					PartialFingerprints map[string]string
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		var uris, fps []string
		for _, r := range log.Runs[0].Results {
			a := r.Locations[0].PhysicalLocation.ArtifactLocation
			uris = append(uris, a.URI+"|"+a.URIBaseID)
			fps = append(fps, r.PartialFingerprints["noticelintFingerprint/v1"])
		}
		return slices.Compact(uris), fps
	}
	uris, fpsHere := sarifURIs(".")
	if !slices.Equal(uris, []string{"notices/a.md|%SRCROOT%"}) {
		t.Errorf("sarif from notices/: %v", uris)
	}
	if uris, _ := sarifURIs("--path-prefix", "policies", "."); !slices.Equal(uris, []string{"policies/notices/a.md|%SRCROOT%"}) {
		t.Errorf("sarif with --path-prefix: %v", uris)
	}
	if uris, _ := sarifURIs(outside); len(uris) != 1 || !strings.HasPrefix(uris[0], "file://") || !strings.HasSuffix(uris[0], "/elsewhere.md|") {
		t.Errorf("sarif of a file outside the repository: %v", uris)
	}
	out, _, _ := run(t, "", "lint", "--format", "github", "a.md")
	if !strings.Contains(out, "::error file=notices/a.md,line=7,") {
		t.Errorf("github from notices/:\n%s", out)
	}
	out, _, _ = run(t, "", "lint", "--format", "gitlab", "a.md")
	if !strings.Contains(out, `"path": "notices/a.md"`) || strings.Contains(out, `"path": "a.md"`) {
		t.Errorf("gitlab from notices/:\n%s", out)
	}
	out, _, _ = run(t, "", "lint", "--format", "checkstyle", "./a.md")
	if !strings.Contains(out, `<file name="notices/a.md">`) {
		t.Errorf("checkstyle from notices/:\n%s", out)
	}
	res, _, _ := lintJSON(t, ".")
	if res.Findings[0].File != "a.md" {
		t.Errorf("json keeps the path as given: %q", res.Findings[0].File)
	}
	out, _, _ = run(t, "", "lint", "--color", "never", "./a.md")
	if !strings.HasPrefix(out, "./a.md:7:") {
		t.Errorf("text keeps the path as given:\n%s", out)
	}

	// From the root: the same URIs and fingerprints.
	t.Chdir(repo)
	uris, fpsRoot := sarifURIs("notices")
	if !slices.Equal(uris, []string{"notices/a.md|%SRCROOT%"}) || !slices.Equal(fpsHere, fpsRoot) {
		t.Errorf("sarif from the root: %v, fingerprints %v vs %v", uris, fpsRoot, fpsHere)
	}

	// No repository: paths as given.
	plain := t.TempDir()
	write(t, filepath.Join(plain, "n", "b.md"), ciNotice)
	t.Chdir(filepath.Join(plain, "n"))
	if uris, _ := sarifURIs("b.md"); !slices.Equal(uris, []string{"b.md|%SRCROOT%"}) {
		t.Errorf("sarif with no repository: %v", uris)
	}
}
