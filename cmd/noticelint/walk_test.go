package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// lint honours .gitignore in folder walks (--no-ignore turns it off), lints
// a path named whatever .gitignore says, reports nothing for what it left
// out, and config print says why a notice is left out.
func TestLintHonoursGitignore(t *testing.T) {
	repo := newRepo(t)
	t.Chdir(repo)
	write(t, ".gitignore", "drafts/\n")
	write(t, "notices/a.md", ciNotice)
	write(t, "notices/drafts/b.md", ciNotice)
	res, errOut, _ := lintJSON(t, ".")
	wantFindings(t, repo, res.Findings, "notices/a.md:7 cross-reference error", "notices/a.md:15 privacy-shield error")
	if res.Files != 1 || len(res.Errors) != 0 || errOut != "" {
		t.Errorf("files %d, errors %v, stderr %q: a notice left out is not reported", res.Files, res.Errors, errOut)
	}
	res, _, _ = lintJSON(t, "--no-ignore", ".")
	if res.Files != 2 {
		t.Errorf("--no-ignore: %d files, want 2", res.Files)
	}
	res, _, _ = lintJSON(t, "notices/drafts/b.md")
	if res.Files != 1 || len(res.Findings) != 2 {
		t.Errorf("named: %d files, %d findings", res.Files, len(res.Findings))
	}
	out, _, code := run(t, "", "config", "print", "notices/drafts/b.md")
	if code != 0 || !strings.Contains(out, `# left out of folder walks: ignored by "drafts/" (`+filepath.Join(repo, ".gitignore")+":1)") {
		t.Errorf("config print: exit %d\n%s", code, out)
	}
	if out, _, _ := run(t, "", "config", "print", "notices/a.md"); strings.Contains(out, "left out") {
		t.Errorf("config print of a walked notice:\n%s", out)
	}
}

// init offers to ignore the README files it finds beside the notices, and
// the starter it writes then leaves them out.
func TestInitIgnoresReadmes(t *testing.T) {
	repo := newRepo(t)
	t.Chdir(repo)
	write(t, "notices/a.md", ciNotice)
	write(t, "notices/README.md", "# About these notices\n\nEdit them with care.\n")
	out, _, code := run(t, "", "init")
	if code != 0 || !strings.Contains(out, "it ignores README.md, found in notices/") {
		t.Fatalf("init: exit %d\n%s", code, out)
	}
	res, _, _ := lintJSON(t, ".")
	if res.Files != 1 {
		t.Errorf("the README is still linted: %d files", res.Files)
	}
	// With no README, the starter ignores nothing.
	plain := newRepo(t)
	t.Chdir(plain)
	write(t, "a.md", ciNotice)
	if out, _, _ := run(t, "", "init"); strings.Contains(out, "ignores") {
		t.Errorf("init with no README:\n%s", out)
	}
}

// --stdin-filename names standard input in every report, and the
// configuration that governs that path applies to it.
func TestStdinFilename(t *testing.T) {
	repo := newRepo(t)
	t.Chdir(repo)
	write(t, "hr/.noticelint.yml", "rules:\n  privacy-shield: off\n")
	out, _, code := run(t, ciNotice, "lint", "--format", "json", "--stdin-filename", "hr/notice.md", "-")
	if code != 1 || !strings.Contains(out, `"file": "hr/notice.md"`) || strings.Contains(out, "privacy-shield") || strings.Contains(out, "<stdin>") {
		t.Errorf("exit %d\n%s", code, out)
	}
	out, _, _ = run(t, ciNotice, "lint", "--format", "github", "--stdin-filename", "hr/notice.md", "-")
	if !strings.Contains(out, "file=hr/notice.md,line=7") {
		t.Errorf("github:\n%s", out)
	}
	_, errOut, code := run(t, ciNotice, "lint", "--stdin-filename", "hr/notice.md", "notice.md")
	if code != 2 || !strings.Contains(errOut, "--stdin-filename: give - among the paths") {
		t.Errorf("without -: exit %d %s", code, errOut)
	}
}
