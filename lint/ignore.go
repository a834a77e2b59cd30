package lint

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// A folder walk leaves out what git leaves out: entries that .gitignore or
// .git/info/exclude ignore, read from the work tree the named folder is in.
// Pattern syntax is go-git's gitignore package, not ours. Only entries
// below a named folder are judged: a path named on the command line is
// always linted, even inside an ignored folder, and so is what a named
// folder holds that no pattern ignores by itself (a pattern that ignores
// the named folder or one above it does not reach inside).

// ignoreRule is one pattern and where it was written, for config print.
type ignoreRule struct {
	gitignore.Pattern
	source string // FILE:LINE
	text   string
}

// ignorer judges the entries of one walk.
type ignorer struct {
	root  string // the work tree; "" when there is none, and nothing is ignored
	rules []ignoreRule
	read  map[string]bool // folders whose .gitignore is in rules
}

// newIgnorer prepares the walk of dir: .git/info/exclude and the
// .gitignore files of the folders from the work tree's root down to dir's
// parent (dir's own, and those below it, are read as the walk enters them).
func newIgnorer(dir string) *ignorer {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return &ignorer{}
	}
	root := workTree(abs)
	if root == "" {
		return &ignorer{}
	}
	ig := &ignorer{root: root, read: map[string]bool{}}
	if info, err := os.Stat(filepath.Join(root, ".git")); err == nil && info.IsDir() {
		ig.readFile(filepath.Join(root, ".git", "info", "exclude"), nil)
	}
	for d := root; ; {
		if d == abs {
			break
		}
		ig.enter(d)
		rel, err := filepath.Rel(d, abs)
		if err != nil || rel == "." {
			break
		}
		d = filepath.Join(d, strings.Split(rel, string(filepath.Separator))[0])
	}
	return ig
}

// workTree is the nearest folder at or above dir holding .git (a folder, or
// the file of a linked worktree or submodule), or "".
func workTree(dir string) string {
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

// enter reads dir's .gitignore, once.
func (ig *ignorer) enter(dir string) {
	if ig.root == "" || ig.read[dir] {
		return
	}
	ig.read[dir] = true
	if domain, ok := ig.parts(dir); ok {
		ig.readFile(filepath.Join(dir, ".gitignore"), domain)
	}
}

// readFile adds a file's patterns, as git reads them: blank lines and
// "#" comments skipped. A file that cannot be read adds none, as in git.
func (ig *ignorer) readFile(path string, domain []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ig.rules = append(ig.rules, ignoreRule{Pattern: gitignore.ParsePattern(line, domain),
			source: fmt.Sprintf("%s:%d", path, n), text: line})
	}
}

// parts splits path into its folders below the work tree.
func (ig *ignorer) parts(path string) ([]string, bool) {
	rel, err := filepath.Rel(ig.root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, false
	}
	if rel == "." {
		return []string{}, true
	}
	return strings.Split(filepath.ToSlash(rel), "/"), true
}

// ignored returns the rule that leaves path out, judging path itself: the
// last pattern that matches it, and not only through a folder above it,
// decides, and "!pattern" takes it back in.
func (ig *ignorer) ignored(path string, isDir bool) (*ignoreRule, bool) {
	if ig.root == "" {
		return nil, false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, false
	}
	p, ok := ig.parts(abs)
	if !ok || len(p) == 0 {
		return nil, false
	}
	for i := len(ig.rules) - 1; i >= 0; i-- {
		r := &ig.rules[i]
		m := r.Match(p, isDir)
		if m == gitignore.NoMatch || r.Match(p[:len(p)-1], true) != gitignore.NoMatch {
			continue
		}
		return r, m == gitignore.Exclude
	}
	return nil, false
}

// Hidden reports whether a name is hidden, as a folder walk sees it.
func hidden(name string) bool { return strings.HasPrefix(name, ".") && name != "." && name != ".." }

// LeftOut says whether a folder walk from the work tree's root would leave
// path out, and why: a hidden name on the way, or a .gitignore pattern
// (with the file and line it is on). Named on the command line, path is
// still linted. It is for config print.
func LeftOut(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	root := workTree(filepath.Dir(abs))
	if root == "" {
		return "", false
	}
	ig := newIgnorer(root)
	ig.enter(root)
	p, _ := ig.parts(abs)
	d := root
	for i, name := range p {
		d = filepath.Join(d, name)
		last := i == len(p)-1
		if hidden(name) {
			return fmt.Sprintf("%q is hidden", filepath.ToSlash(strings.Join(p[:i+1], "/"))), true
		}
		isDir := !last
		if last {
			if info, err := os.Stat(d); err == nil {
				isDir = info.IsDir()
			}
		}
		if r, ok := ig.ignored(d, isDir); ok {
			return fmt.Sprintf("ignored by %q (%s)", r.text, r.source), true
		}
		if isDir {
			ig.enter(d)
		}
	}
	return "", false
}
