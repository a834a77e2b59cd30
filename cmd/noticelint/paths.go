package main

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/noticelint/noticelint/lint"
)

// repoPaths rewrites the paths of a result for the formats a CI system maps
// onto its checkout (SARIF, GitHub annotations, GitLab Code Quality,
// Checkstyle): relative to the root of the repository the working directory
// is in, with forward slashes, and prefix (--path-prefix) in front, so that
// "cd notices && noticelint lint ." and "noticelint lint notices" report
// the same paths. A file outside that repository, standard input, and every
// file when there is no repository keep their paths as given: that is never
// an error. Text and JSON keep the paths as given.
type repoPaths struct {
	root   string // "" outside a repository
	prefix string
}

func newRepoPaths(prefix string) repoPaths {
	wd, err := os.Getwd()
	if err != nil {
		return repoPaths{prefix: prefix}
	}
	return repoPaths{root: repoRoot(wd), prefix: prefix}
}

// repoRoot is the nearest folder at or above dir that holds .git (a folder,
// or the file a worktree or submodule has), or "".
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// of maps one path.
func (rp repoPaths) of(p string) string {
	if rp.root == "" || p == "<stdin>" {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(rp.root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	rel = filepath.ToSlash(rel)
	if rp.prefix != "" {
		rel = path.Join(filepath.ToSlash(rp.prefix), rel)
	}
	return rel
}

// apply returns a copy of res with every path mapped; res is not changed,
// as other formats of the same run print it as given.
func (rp repoPaths) apply(res lint.Result) lint.Result {
	out := res
	out.Findings = make([]lint.Finding, len(res.Findings))
	for i, f := range res.Findings {
		f.File = rp.of(f.File)
		out.Findings[i] = f
	}
	out.Errors = make([]lint.FileError, len(res.Errors))
	for i, e := range res.Errors {
		e.File = rp.of(e.File)
		out.Errors[i] = e
	}
	out.Linted = make([]string, len(res.Linted))
	for i, p := range res.Linted {
		out.Linted[i] = rp.of(p)
	}
	return out
}
