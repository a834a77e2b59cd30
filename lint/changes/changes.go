// Package changes finds the lines of files changed since a git revision, so
// that lint can report only what a change brought in (--new-from-rev): a
// large repository of notices can adopt noticelint without first fixing
// every old finding.
package changes

import (
	"bufio"
	"bytes"
	"errors"
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
	root, err := toplevel(dir)
	if err != nil {
		return nil, err
	}
	if err := verify(root, rev); err != nil {
		return nil, err
	}
	return since(root, rev)
}

// MergeBase is Since from the best common ancestor of rev and HEAD, as
// golangci-lint's --new-from-merge-base: on a branch that is behind rev,
// what rev gained since the branch left it is not the branch's change.
// It returns the set and the commit it compared with.
func MergeBase(dir, rev string) (*Set, string, error) {
	if err := git.CheckRev(rev); err != nil {
		return nil, "", err
	}
	root, err := toplevel(dir)
	if err != nil {
		return nil, "", err
	}
	if err := verify(root, rev); err != nil {
		return nil, "", err
	}
	out, err := git.Call{Dir: root, Args: []string{"merge-base"}, Revs: []string{rev, "HEAD"}}.Output()
	base := strings.TrimSpace(string(out))
	if err != nil || base == "" {
		// git merge-base exits 1, saying nothing, when the histories share
		// no commit.
		var ge *git.Error
		if err == nil || (errors.As(err, &ge) && strings.HasPrefix(ge.Msg, "exit status")) {
			return nil, "", fmt.Errorf("%q and HEAD have no common ancestor in %s", rev, root)
		}
		return nil, "", err
	}
	s, err := since(root, base)
	return s, base, err
}

func toplevel(dir string) (string, error) {
	top, err := git.Call{Dir: dir, Args: []string{"rev-parse", "--show-toplevel"}}.Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(top)), nil
}

// verify checks that rev names a commit. rev-list, not rev-parse --verify:
// rev-parse knows --end-of-options only from git 2.30.
func verify(root, rev string) error {
	c := git.Call{Dir: root, Args: []string{"rev-list", "--max-count=1"}, Revs: []string{rev + "^{commit}"}, Paths: []string{}}
	if _, err := c.Output(); err != nil {
		return fmt.Errorf("%q is not a revision in %s", rev, root)
	}
	return nil
}

// diffArgs are how since runs git diff. The prefixes are given on the
// command line, where they win over diff.noprefix, diff.mnemonicPrefix and
// diff.srcPrefix/dstPrefix: a reader that expected "b/" and got "w/" would
// attribute changes to no file, and the gate would pass what it should
// fail. External diff drivers, textconv filters and colour are off for the
// same reason. parseDiff still refuses a name without the "b/" it asked for.
var diffArgs = []string{"diff", "--no-ext-diff", "--no-textconv", "--no-color", "--unified=0",
	"--src-prefix=a/", "--dst-prefix=b/"}

func since(root, rev string) (*Set, error) {
	diff, err := git.Call{Dir: root, Config: []string{"core.quotePath=false"},
		Args: diffArgs, Revs: []string{rev}, Paths: []string{}}.Output()
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

// parseDiff reads a unified diff of the working tree: "+++ b/path" names
// the file, "@@ -a,b +c,d @@" opens a hunk of b old and d new lines, and
// each "+" line in it is a line of the new file that the change brought.
// A file created by the change ("--- /dev/null") is new as a whole.
//
// The hunk's counts say where it ends, so a notice line that begins with
// "++ " (shown as "+++ ...") or "-- " is read as the text it is, not as the
// next file's header. Whatever parseDiff cannot account for is an error,
// never a file silently left out of the set: the gate fails closed.
func parseDiff(root string, diff []byte) (*Set, error) {
	s := &Set{lines: map[string][]span{}, whole: map[string]bool{}}
	var (
		file             string // "" before "+++", or for a deleted file
		named, created   bool
		oldLeft, newLeft int // lines of the open hunk still to read
		newLine          int // the new file's line the next "+" or " " is
	)
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64*1024), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(line, "+") && newLeft > 0:
				s.add(file, newLine)
				newLine++
				newLeft--
			case strings.HasPrefix(line, "-") && oldLeft > 0:
				oldLeft--
			case strings.HasPrefix(line, " ") && oldLeft > 0 && newLeft > 0:
				newLine++
				oldLeft--
				newLeft--
			case strings.HasPrefix(line, `\`): // "\ No newline at end of file"
			default:
				return nil, fmt.Errorf("git diff, line %d: %q does not fit the hunk above it", n, line)
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "diff "):
			file, named, created = "", false, false
		case strings.HasPrefix(line, `\`):
		case strings.HasPrefix(line, "--- "):
			created = line == "--- /dev/null"
		case strings.HasPrefix(line, "+++ "):
			name, err := newName(strings.TrimPrefix(line, "+++ "))
			if err != nil {
				return nil, fmt.Errorf("git diff, line %d: %w", n, err)
			}
			named, file = true, ""
			if name != "" {
				file = filepath.Join(root, filepath.FromSlash(name))
				if created {
					s.whole[file] = true
				}
			}
		case strings.HasPrefix(line, "@@ "):
			if !named {
				return nil, fmt.Errorf("git diff, line %d: a hunk with no file named before it", n)
			}
			var err error
			if oldLeft, newLine, newLeft, err = hunkHeader(line); err != nil {
				return nil, fmt.Errorf("git diff, line %d: %w", n, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading git diff: %w", err)
	}
	if oldLeft > 0 || newLeft > 0 {
		return nil, errors.New("git diff ended inside a hunk")
	}
	return s, nil
}

// add records that line of file is new; file is "" in a deleted file, which
// has no new lines.
func (s *Set) add(file string, line int) {
	if file == "" {
		return
	}
	sp := s.lines[file]
	if k := len(sp) - 1; k >= 0 && sp[k].to == line-1 {
		sp[k].to = line
		return
	}
	s.lines[file] = append(sp, span{line, line})
}

// newName reads the name on a "+++ " line: "/dev/null" for a deleted file
// (returned as ""), else "b/" and the path. git quotes a name that holds a
// quote, a backslash or a control character, C-style ("b/a\"b.md"), and
// ends a name that holds a space, quoted or not, with a tab.
func newName(s string) (string, error) {
	if s == "/dev/null" {
		return "", nil
	}
	name := strings.TrimSuffix(s, "\t")
	if strings.HasPrefix(name, `"`) {
		u, err := strconv.Unquote(name)
		if err != nil {
			return "", fmt.Errorf("unreadable file name %s", s)
		}
		name = u
	}
	rest, ok := strings.CutPrefix(name, "b/")
	if !ok || rest == "" {
		return "", fmt.Errorf("file name %q lacks the b/ prefix git was asked for, so the changed file is unknown", s)
	}
	return rest, nil
}

// hunkHeader reads "@@ -a,b +c,d @@": the old side's count b and the new
// side's first line c and count d (a missing count is 1).
func hunkHeader(header string) (oldN, from, newN int, err error) {
	fields := strings.Fields(header)
	bad := fmt.Errorf("unreadable diff hunk %q", header)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, 0, bad
	}
	count := func(r string) (int, int, error) {
		start, n, found := strings.Cut(r, ",")
		a, err := strconv.Atoi(start)
		if err != nil || a < 0 {
			return 0, 0, bad
		}
		if !found {
			return a, 1, nil
		}
		b, err := strconv.Atoi(n)
		if err != nil || b < 0 {
			return 0, 0, bad
		}
		return a, b, nil
	}
	if _, oldN, err = count(fields[1][1:]); err != nil {
		return 0, 0, 0, err
	}
	if from, newN, err = count(fields[2][1:]); err != nil {
		return 0, 0, 0, err
	}
	return oldN, from, newN, nil
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
