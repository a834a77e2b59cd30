package lint_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
)

// writeTree writes files (slash paths to contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		mustWrite(t, p, body)
	}
}

// rels lists the inputs relative to dir, sorted.
func rels(t *testing.T, dir string, ins []lint.Input) []string {
	t.Helper()
	var out []string
	for _, in := range ins {
		abs, _ := filepath.Abs(in.Path)
		r, err := filepath.Rel(dir, abs)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	slices.Sort(out)
	return out
}

var ignoreTree = map[string]string{
	".git/info/exclude":           "private.md\n",
	".gitignore":                  "# notes\ndrafts/\n*.tmp.md\n!keep.tmp.md\n/notices/old.md\n\n",
	"notices/.gitignore":          "local.md\n",
	"notices/a.md":                "# A\n",
	"notices/drafts/d.md":         "# D\n",
	"notices/x.tmp.md":            "# X\n",
	"notices/keep.tmp.md":         "# K\n",
	"notices/old.md":              "# O\n",
	"notices/local.md":            "# L\n",
	"notices/sub/local.md":        "# L2\n",
	"notices/sub/old.md":          "# O2 (the anchored pattern names notices/old.md only)\n",
	"notices/private.md":          "# P\n",
	"notices/.hidden.md":          "# H\n",
	"notices/.hid/h.md":           "# H2\n",
	"other/local.md":              "# L3 (notices/.gitignore does not reach here)\n",
	"notices/drafts/sub/.keep.md": "# hidden in a draft\n",
}

// A folder walk leaves out what .gitignore and .git/info/exclude ignore and
// hidden names, reading the patterns of the work tree the folder is in; a
// path named is always an input, and a named folder inside an ignored one
// is walked, its entries judged by the patterns that reach them.
func TestCollectHonoursGitignore(t *testing.T) {
	repo := t.TempDir()
	writeTree(t, repo, ignoreTree)
	collect := func(opt lint.CollectOptions, paths ...string) []string {
		var abs []string
		for _, p := range paths {
			abs = append(abs, filepath.Join(repo, filepath.FromSlash(p)))
		}
		ins, errs := lint.CollectWith(abs, nil, opt)
		if len(errs) > 0 {
			t.Errorf("%v: errors %+v", paths, errs)
		}
		return rels(t, repo, ins)
	}
	for _, c := range []struct {
		paths []string
		opt   lint.CollectOptions
		want  string
	}{
		{[]string{"."}, lint.CollectOptions{}, "notices/a.md notices/keep.tmp.md notices/sub/old.md other/local.md"},
		{[]string{"notices"}, lint.CollectOptions{}, "notices/a.md notices/keep.tmp.md notices/sub/old.md"},
		{[]string{"notices/sub"}, lint.CollectOptions{}, "notices/sub/old.md"},
		// Inside an ignored folder, named: walked.
		{[]string{"notices/drafts"}, lint.CollectOptions{}, "notices/drafts/d.md"},
		// Named files: always inputs, hidden or ignored.
		{[]string{"notices/old.md", "notices/.hidden.md", "notices/drafts/d.md", "notices/.hid/h.md"}, lint.CollectOptions{},
			"notices/.hid/h.md notices/.hidden.md notices/drafts/d.md notices/old.md"},
		// --no-ignore: every notice but the hidden ones.
		{[]string{"notices"}, lint.CollectOptions{NoIgnore: true},
			"notices/a.md notices/drafts/d.md notices/keep.tmp.md notices/local.md notices/old.md notices/private.md notices/sub/local.md notices/sub/old.md notices/x.tmp.md"},
	} {
		if got := strings.Join(collect(c.opt, c.paths...), " "); got != c.want {
			t.Errorf("%v %+v:\n got %s\nwant %s", c.paths, c.opt, got, c.want)
		}
	}

	// Outside a work tree, .gitignore means nothing (as to git).
	plain := t.TempDir()
	writeTree(t, plain, map[string]string{".gitignore": "*.md\n", "n/a.md": "# A\n", "n/.b.md": "# B\n"})
	ins, _ := lint.Collect([]string{plain}, nil, 0)
	if got := rels(t, plain, ins); !slices.Equal(got, []string{"n/a.md"}) {
		t.Errorf("no work tree: %v", got)
	}
}

// LeftOut says why a walk would leave a notice out, for config print.
func TestLeftOut(t *testing.T) {
	repo := t.TempDir()
	writeTree(t, repo, ignoreTree)
	for name, want := range map[string]string{
		"notices/a.md":         "",
		"notices/keep.tmp.md":  "",
		"notices/x.tmp.md":     `ignored by "*.tmp.md" (` + filepath.Join(repo, ".gitignore") + ":3)",
		"notices/drafts/d.md":  `ignored by "drafts/" (` + filepath.Join(repo, ".gitignore") + ":2)",
		"notices/sub/local.md": `ignored by "local.md" (` + filepath.Join(repo, "notices", ".gitignore") + ":1)",
		"notices/private.md":   `ignored by "private.md" (` + filepath.Join(repo, ".git", "info", "exclude") + ":1)",
		"notices/.hid/h.md":    `"notices/.hid" is hidden`,
	} {
		got, ok := lint.LeftOut(filepath.Join(repo, filepath.FromSlash(name)))
		if got != want || ok != (want != "") {
			t.Errorf("LeftOut(%s) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
