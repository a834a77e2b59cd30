package changes

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/internal/gittest"
	"github.com/noticelint/noticelint/lint/git"
)

// Every git call Since makes ends git's options before the revision.
func TestSinceEndsOptions(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notices/a.md": "# A\n\nOne.\n"})
	if err := os.WriteFile(filepath.Join(dir, "notices", "a.md"), []byte("# A\n\nOne.\nTwo.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := gittest.Record(t)
	s, err := Since(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Changed(filepath.Join(dir, "notices", "a.md")) {
		t.Error("the changed notice is not in the set")
	}
	rec.EndsOptions(t, "HEAD")          // git diff
	rec.EndsOptions(t, "HEAD^{commit}") // the revision's check
}

// A revision that git would read as an option is refused before git runs:
// "git diff --output=FILE" would write FILE.
func TestSinceRefusesOptionRevision(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notices/a.md": "# A\n"})
	rec := gittest.Record(t)
	t.Chdir(dir)
	_, err := Since(dir, "--output=out")
	if !errors.Is(err, git.ErrOptionRev) || !strings.Contains(err.Error(), `"--output=out"`) {
		t.Errorf("error %v", err)
	}
	rec.Never(t, "--output")
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("git wrote the file the revision named")
	}
}

// The changed lines are the same whatever the repository's diff settings:
// prefixes that are not a/ and b/ (diff.mnemonicPrefix, diff.noprefix,
// diff.srcPrefix and dstPrefix from git 2.45), colour, an external diff
// driver, more context. A top-level folder named b/, a name with a space
// (which git ends with a tab) and one with a quote (which git quotes) are
// all found. Under any of these a reader that expected "+++ b/" lost files,
// and with them the findings the gate should have failed on.
func TestSinceUnderDiffConfig(t *testing.T) {
	files := map[string]string{
		"b/notice.md":    "# B\n\nOne.\n",
		"sp ace.md":      "# S\n\nOne.\n",
		`q"uote.md`:      "# Q\n\nOne.\n",
		`q"u ote.md`:     "# QS\n",
		"plain.md":       "# P\n\nOne.\nTwo.\nThree.\n",
		"deleted.md":     "# D\n",
		".gitattributes": "*.md diff=shout\n",
	}
	dir := gittest.Repo(t, files)
	edits := map[string]string{
		"b/notice.md": "# B\n\nOne.\nAdded 4.\n",
		"sp ace.md":   "# S\n\nOne.\nAdded 4.\nAdded 5.\n",
		`q"uote.md`:   "# Q\nAdded 2.\n\nOne.\n",
		`q"u ote.md`:  "# QS\nAdded 2.\n",
		// A line that begins "++ " shows as "+++ ..." in the diff, and one
		// that begins "-- " as "--- ...": text, not headers.
		"plain.md": "# P\n\n++ b/deleted.md\nOne.\n-- a/x\nThree.\n",
	}
	for name, body := range edits {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(dir, "deleted.md")); err != nil {
		t.Fatal(err)
	}
	want := map[string][]span{
		"b/notice.md": {{4, 4}},
		"sp ace.md":   {{4, 5}},
		`q"uote.md`:   {{2, 2}},
		`q"u ote.md`:  {{2, 2}},
		"plain.md":    {{3, 3}, {5, 5}},
	}
	settings := [][]string{
		nil,
		{"diff.mnemonicPrefix=true"},
		{"diff.noprefix=true"},
		{"diff.srcPrefix=x/", "diff.dstPrefix=y/"}, // git 2.45 and later
		{"diff.mnemonicPrefix=true", "diff.noprefix=true", "diff.srcPrefix=x/", "diff.dstPrefix=y/"},
		{"color.ui=always", "color.diff=always"},
		{"diff.external=false"},
		{"diff.shout.textconv=tr a-z A-Z"},
		{"diff.context=5", "diff.interHunkContext=9"},
		{"diff.renames=copies"},
		{"core.quotePath=true"},
	}
	for _, set := range settings {
		t.Run(strings.Join(set, ","), func(t *testing.T) {
			for _, kv := range set {
				k, v, _ := strings.Cut(kv, "=")
				gitConfig(t, dir, k, v)
			}
			defer func() {
				for _, kv := range set {
					k, _, _ := strings.Cut(kv, "=")
					gitConfig(t, dir, "--unset", k)
				}
			}()
			s, err := Since(dir, "HEAD")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]span{}
			for abs, sp := range s.lines {
				rel, _ := filepath.Rel(dir, abs)
				got[filepath.ToSlash(rel)] = sp
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("changed lines %v, want %v", got, want)
			}
			if s.Changed(filepath.Join(dir, "deleted.md")) {
				t.Error("the deleted file counts as changed")
			}
		})
	}
}

func gitConfig(t *testing.T, dir string, args ...string) {
	t.Helper()
	c := exec.Command("git", append([]string{"config"}, args...)...)
	c.Dir = dir
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("git config %v: %v %s", args, err, out)
	}
}

// A git whose diff named files otherwise than asked (as if a setting won
// over --dst-prefix) makes Since fail, not pass: the gate fails closed.
func TestSinceFailsClosed(t *testing.T) {
	for name, diff := range map[string]string{
		"another prefix": "diff --git a/n.md w/n.md\n--- a/n.md\n+++ w/n.md\n@@ -1,0 +2 @@\n+x\n",
		"no prefix":      "diff --git n.md n.md\n--- n.md\n+++ n.md\n@@ -1,0 +2 @@\n+x\n",
		"hunk, no file":  "diff --git a/n.md b/n.md\n@@ -1,0 +2 @@\n+x\n",
		"short hunk":     "diff --git a/n.md b/n.md\n--- a/n.md\n+++ b/n.md\n@@ -1,0 +2,2 @@\n+x\n",
		"stray line":     "diff --git a/n.md b/n.md\n--- a/n.md\n+++ b/n.md\n@@ -1,0 +2 @@\nx\n",
		"bad quoting":    "diff --git a/n.md b/n.md\n--- a/n.md\n+++ \"b/n\\q.md\"\n@@ -1,0 +2 @@\n+x\n",
	} {
		if _, err := parseDiff(t.TempDir(), []byte(diff)); err == nil {
			t.Errorf("%s: parseDiff accepted\n%s", name, diff)
		}
	}
}

// The merge base of REV and HEAD goes through git's end of options, as every
// call with a user's revision does.
func TestMergeBaseEndsOptions(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"a.md": "# A\n"})
	rec := gittest.Record(t)
	s, base, err := MergeBase(dir, "HEAD")
	if err != nil || s == nil || len(base) < 40 {
		t.Fatalf("MergeBase = %v, %q, %v", s, base, err)
	}
	calls := rec.EndsOptions(t, "HEAD")
	found := false
	for _, c := range calls {
		if slices.Contains(c, "merge-base") {
			found = true
		}
	}
	if !found {
		t.Errorf("no merge-base call among %q", calls)
	}
	rec.EndsOptions(t, base) // the diff from the merge base
	if _, _, err := MergeBase(dir, "--output=x"); !errors.Is(err, git.ErrOptionRev) {
		t.Errorf("option revision: %v", err)
	}
}
