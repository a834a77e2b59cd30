package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/internal/gittest"
)

// noticeV1 and noticeV2 are two versions of a short notice.
const (
	noticeV1 = "# Notice\n\n1. Introduction\n\n1.1 We are Example Ltd.\n\n2. Complaints\n\n2.1 See section 1 first.\n"
	noticeV2 = "# Notice\n\n1. About us\n\n1.1 We are Example Ltd.\n\n2. Complaints\n\n2.1 See section 1 first.\n"
)

// "diff -- --output=out:y new.md" must not reach git as an option: git show
// would create or truncate the file out:y.
func TestDiffRefusesOptionRevision(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notice.md": noticeV1})
	rec := gittest.Record(t)
	_, stderr, code := runIn(t, dir, "diff", "--", "--output=out:y", "notice.md")
	if code != 2 || !strings.Contains(stderr, `--output=out:y: no such file, and it cannot be read from git as REV:PATH: a revision cannot begin with "-"`) {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out:y")); err == nil {
		t.Error("git created the file named in the revision")
	}
	rec.Never(t, "--output")
}

// git show reads REV:PATH after --end-of-options.
func TestDiffGitShowEndsOptions(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notice.md": noticeV1})
	if err := os.WriteFile(filepath.Join(dir, "notice.md"), []byte(noticeV2), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := gittest.Record(t)
	out, stderr, code := runIn(t, dir, "diff", "--color", "never", "HEAD:notice.md", "notice.md")
	if code != 0 || !strings.Contains(out, "retitled") {
		t.Fatalf("code %d, stderr %q, output:\n%s", code, stderr, out)
	}
	rec.EndsOptions(t, "HEAD:notice.md")
}

// lint --new-from-rev refuses a revision git would read as an option.
func TestNewFromRevRefusesOption(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notice.md": noticeV1})
	rec := gittest.Record(t)
	_, stderr, code := runIn(t, dir, "lint", "--new-from-rev=--output=out", "notice.md")
	if code != 2 || !strings.Contains(stderr, `a revision cannot begin with "-"`) {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("git created the file named in the revision")
	}
	rec.Never(t, "--output")
}
