//go:build unix

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// withinGuard runs f and fails the test if it blocks: a hang guard for
// inputs that could block forever, not a speed test.
func withinGuard(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("blocked on an input")
	}
}

// A named pipe, named or met in a folder walk, is an input error like an
// unreadable file: one error naming it in every format, counted in the
// summary, exit 2, and the other notices still linted. lint and diff never
// block on it.
func TestNamedPipeIsInputError(t *testing.T) {
	dir := t.TempDir()
	writeInput(t, filepath.Join(dir, "good.md"), []byte(goodNotice))
	pipe := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	if err := os.Symlink("/dev/null", filepath.Join(dir, "null.md")); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
	for _, paths := range [][]string{{pipe, filepath.Join(dir, "good.md")}, {dir}} {
		withinGuard(t, func() {
			out, stderr, code := run(t, "", append([]string{"lint", "--color", "never"}, paths...)...)
			if code != 2 || !strings.Contains(stderr, "pipe.md: error: a named pipe (FIFO), not a regular file") ||
				!strings.Contains(out, "good.md:5:9") {
				t.Errorf("%v: code %d, stderr %q, stdout %q", paths, code, stderr, out)
			}
			if len(paths) == 1 && (!strings.Contains(stderr, "null.md: error: symbolic link to a character device") ||
				!strings.Contains(out, "2 files could not be read")) {
				t.Errorf("the walk: stderr %q, stdout %q", stderr, out)
			}
		})
	}
	withinGuard(t, func() {
		out, _, code := run(t, "", "lint", "--format", "json", dir)
		var res struct {
			Errors []struct{ File, Message string }
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil || code != 2 || len(res.Errors) != 2 || filepath.Base(res.Errors[1].File) != "pipe.md" {
			t.Errorf("json: code %d, %v, %+v", code, err, res.Errors)
		}
		for _, format := range []string{"github", "junit", "checkstyle", "sarif"} {
			out, _, code := run(t, "", "lint", "--format", format, dir)
			if code != 2 || !strings.Contains(out, "pipe.md") || !strings.Contains(out, "named pipe") {
				t.Errorf("%s: code %d, the pipe is not listed:\n%s", format, code, out)
			}
		}
	})
	withinGuard(t, func() {
		_, stderr, code := run(t, "", "diff", pipe, filepath.Join(dir, "good.md"))
		if code != 2 || !strings.Contains(stderr, "pipe.md: a named pipe (FIFO), not a regular file") {
			t.Errorf("diff: code %d, stderr %q", code, stderr)
		}
	})
}

// outline reads as lint does: a link to a device is refused (one to
// /dev/zero was read until memory ran out; the test links to /dev/null,
// which a regression would read as an empty notice rather than exhaust the
// machine), a named pipe does not block, and --max-size bounds a file.
func TestOutlineReader(t *testing.T) {
	dir := t.TempDir()
	null := filepath.Join(dir, "null.md")
	if err := os.Symlink("/dev/null", null); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
	_, stderr, code := run(t, "", "outline", null)
	if code != 2 || !strings.Contains(stderr, "null.md: a character device, not a regular file") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	pipe := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	withinGuard(t, func() {
		_, stderr, code := run(t, "", "outline", pipe)
		if code != 2 || !strings.Contains(stderr, "pipe.md: a named pipe (FIFO), not a regular file") {
			t.Errorf("code %d, stderr %q", code, stderr)
		}
	})
	big := filepath.Join(dir, "big.md")
	writeInput(t, big, []byte(goodNotice))
	_, stderr, code = run(t, "", "outline", "--max-size", "20", big)
	if code != 2 || !strings.Contains(stderr, "big.md: file is 65 bytes, over the --max-size limit of 20 bytes") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	out, _, code := run(t, "", "outline", big)
	if code != 0 || !strings.Contains(out, "Introduction") {
		t.Errorf("code %d, output %q", code, out)
	}
}
