// Package gittest lets tests see how noticelint runs git: Record puts a git
// first on PATH that notes its arguments and then runs the real git, and
// EndsOptions checks that every call given a user's text ended git's
// options before it.
package gittest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// Recorder reads back the calls made since Record.
type Recorder struct{ dir string }

// Record puts a recording git first on PATH for the rest of the test (which
// must not be parallel). It skips the test where git or a POSIX shell is
// missing.
func Record(t *testing.T) *Recorder {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the recording git is a shell script")
	}
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	bin, calls := t.TempDir(), t.TempDir()
	script := "#!/bin/sh\n" +
		"f=$(mktemp " + shellQuote(filepath.Join(calls, "call.XXXXXX")) + ") || exit 125\n" +
		"printf '%s\\0' \"$@\" > \"$f\"\n" +
		"exec " + shellQuote(real) + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return &Recorder{dir: calls}
}

// Calls returns the argument lists git was run with, in no set order.
func (r *Recorder) Calls(t *testing.T) [][]string {
	t.Helper()
	entries, err := os.ReadDir(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(r.dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		args := strings.Split(string(bytes.TrimSuffix(b, []byte{0})), "\x00")
		if len(b) == 0 {
			args = nil
		}
		out = append(out, args)
	}
	return out
}

// EndsOptions fails the test unless git ran at least once with user in its
// arguments, and every such call has --end-of-options before it. It returns
// the calls that held user.
func (r *Recorder) EndsOptions(t *testing.T, user string) [][]string {
	t.Helper()
	var with [][]string
	for _, args := range r.Calls(t) {
		i := slices.Index(args, user)
		if i < 0 {
			continue
		}
		with = append(with, args)
		if !slices.Contains(args[:i], "--end-of-options") {
			t.Errorf("git %q: %q is not after --end-of-options", args, user)
		}
	}
	if len(with) == 0 {
		t.Errorf("git never ran with %q (calls: %q)", user, r.Calls(t))
	}
	return with
}

// Never fails the test if git ran with an argument that contains s.
func (r *Recorder) Never(t *testing.T, s string) {
	t.Helper()
	for _, args := range r.Calls(t) {
		for _, a := range args {
			if strings.Contains(a, s) {
				t.Errorf("git ran with %q", args)
			}
		}
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// Repo makes a repository in a temporary folder with files (slash paths to
// contents) committed, and returns its path. It skips the test where git is
// missing.
func Repo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"},
		{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "v1"}} {
		c := exec.Command("git", args...)
		c.Dir = dir
		if b, err := c.CombinedOutput(); err != nil {
			t.Skipf("git %v: %v %s", args, err, b)
		}
	}
	return dir
}
