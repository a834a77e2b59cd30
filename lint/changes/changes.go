// Package changes finds the lines of files changed since a git revision, so
// that lint can report only what a change brought in (--new-from-rev): a
// large repository of notices can adopt noticelint without first fixing
// every old finding.
package changes

import (
	"bufio"
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/lint/git"
)

// Set holds, per file (absolute path), the lines added or changed since the
// revision; a file that is new (untracked, or absent at the revision) has all
// of its lines changed.
type Set struct {
	lines map[string][]span
	whole map[string]bool
}

type span struct{ from, to int }

// Since asks git, run in dir, what changed between rev and the working tree,
// including uncommitted and untracked files.
func Since(dir, rev string) (*Set, error) {
	if err := git.CheckRev(rev); err != nil {
		return nil, err
	}
	top, err := git.Call{Dir: dir, Args: []string{"rev-parse", "--show-toplevel"}}.Output()
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	// rev-list, not rev-parse --verify: rev-parse knows --end-of-options
	// only from git 2.30.
	verify := git.Call{Dir: root, Args: []string{"rev-list", "--max-count=1"}, Revs: []string{rev + "^{commit}"}, Paths: []string{}}
	if _, err := verify.Output(); err != nil {
		return nil, fmt.Errorf("--new-from-rev: %q is not a revision in %s", rev, root)
	}
	diff, err := git.Call{Dir: root, Config: []string{"core.quotePath=false"},
		Args: []string{"diff", "--no-ext-diff", "--no-textconv", "--no-color", "--unified=0"},
		Revs: []string{rev}, Paths: []string{}}.Output()
	if err != nil {
		return nil, err
	}
	s, err := parseDiff(root, diff)
	if err != nil {
		return nil, err
	}
	untracked, err := git.Call{Dir: root, Config: []string{"core.quotePath=false"},
		Args: []string{"ls-files", "--others", "--exclude-standard", "-z"}}.Output()
	if err != nil {
		return nil, err
	}
	for _, f := range bytes.Split(untracked, []byte{0}) {
		if len(f) > 0 {
			s.whole[filepath.Join(root, filepath.FromSlash(string(f)))] = true
		}
	}
	return s, nil
}

// parseDiff reads a zero-context unified diff: "+++ b/path" names the file,
// "@@ -a,b +c,d @@" says lines c..c+d-1 of it are new. A file created by the
// change ("--- /dev/null") is new as a whole.
func parseDiff(root string, diff []byte) (*Set, error) {
	s := &Set{lines: map[string][]span{}, whole: map[string]bool{}}
	var file string
	created := false
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			file, created = "", false
		case strings.HasPrefix(line, "--- "):
			created = line == "--- /dev/null"
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				file = "" // deleted: nothing of it can carry a finding
				continue
			}
			file = filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(name, "b/")))
			if created {
				s.whole[file] = true
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			from, n, err := hunkNew(line)
			if err != nil {
				return nil, err
			}
			if n > 0 {
				s.lines[file] = append(s.lines[file], span{from, from + n - 1})
			}
		}
	}
	return s, sc.Err()
}

// hunkNew reads the new side of a hunk header, "+c,d" or "+c" (d = 1).
func hunkNew(header string) (from, n int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("unreadable diff hunk %q", header)
	}
	start, count, found := strings.Cut(fields[2][1:], ",")
	if from, err = strconv.Atoi(start); err != nil {
		return 0, 0, fmt.Errorf("unreadable diff hunk %q", header)
	}
	n = 1
	if found {
		if n, err = strconv.Atoi(count); err != nil {
			return 0, 0, fmt.Errorf("unreadable diff hunk %q", header)
		}
	}
	return from, n, nil
}

// Changed reports whether the file changed at all.
func (s *Set) Changed(file string) bool {
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	return s.whole[abs] || len(s.lines[abs]) > 0
}

// Keep filters findings to those on changed lines, plus findings about a
// changed file as a whole (line 1, column 1, no section): a notice-level
// finding has no line to be new on, so a change to the file shows it.
func (s *Set) Keep(findings []lint.Finding) []lint.Finding {
	out := []lint.Finding{}
	for _, f := range findings {
		abs, err := filepath.Abs(f.File)
		if err != nil {
			continue
		}
		if s.whole[abs] || (isNoticeLevel(f) && s.Changed(f.File)) || s.touches(abs, f.Line, f.EndLine) {
			out = append(out, f)
		}
	}
	return out
}

func (s *Set) touches(abs string, from, to int) bool {
	for _, sp := range s.lines[abs] {
		if from <= sp.to && to >= sp.from {
			return true
		}
	}
	return false
}

func isNoticeLevel(f lint.Finding) bool {
	return f.Line == 1 && f.Column == 1 && f.EndLine == 1 && f.EndColumn == 1 && f.Section == ""
}
