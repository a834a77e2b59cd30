//go:build unix

package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/noticelint/noticelint/lint"
)

// mkfifo makes a named pipe, or skips where that cannot be done.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
}

// TestCollectNonRegular: a named pipe or device, named or found by a walk
// (directly or through a link), is one input error that says what it is;
// nothing blocks on it, and the other notices are still collected.
func TestCollectNonRegular(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "a.md"), "# A\n")
	mkfifo(t, filepath.Join(dir, "pipe.md"))
	if err := os.Symlink("/dev/null", filepath.Join(dir, "null.md")); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
	done := make(chan string)
	go func() {
		var got []string
		ins, errs := lint.Collect([]string{dir, filepath.Join(dir, "pipe.md"), "/dev/null"}, nil, 0)
		for _, in := range ins {
			if _, err := in.Read(); err != nil {
				got = append(got, filepath.Base(in.Path)+" read: "+err.Error())
			} else {
				got = append(got, filepath.Base(in.Path))
			}
		}
		for _, e := range errs {
			got = append(got, filepath.Base(e.File)+": "+strings.SplitN(e.Message, ",", 2)[0])
		}
		done <- strings.Join(got, "|")
	}()
	select {
	case got := <-done:
		want := "a.md|null.md: symbolic link to a character device|pipe.md: a named pipe (FIFO)|null: a character device"
		if got != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("collecting a named pipe blocked") // a hang guard, not a speed test
	}
}
