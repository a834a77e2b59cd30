//go:build unix

package main

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// SIGINT and SIGTERM during a report's write leave no temporary file
// behind and the old report untouched, and the process still ends by the
// signal. The write runs in a child process (this test binary, running
// TestSignalHelper), which waits with its temporary file open.
func TestSignalRemovesTempFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "report.json")
			writeInput(t, target, []byte("old"))
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalHelper$")
			cmd.Env = append(os.Environ(), "NOTICELINT_SIGNAL_HELPER="+target)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			for sc.Scan() && sc.Text() != "ready" {
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Fatalf("the child made no temporary file: %v", entries)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("the child ended with %v", err)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("the child did not end by %v: %v", sig, err)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if strings.Join(names, " ") != "report.json" {
				t.Errorf("left behind: %v", names)
			}
			if b, _ := os.ReadFile(target); string(b) != "old" {
				t.Errorf("the report now holds %q", b)
			}
		})
	}
}

func TestSignalHelper(t *testing.T) {
	target := os.Getenv("NOTICELINT_SIGNAL_HELPER")
	if target == "" {
		t.Skip("run by TestSignalRemovesTempFile")
	}
	afterTempCreated = func() {
		_, _ = os.Stdout.WriteString("ready\n")
		time.Sleep(time.Minute) // until the signal
	}
	_ = writeFileAtomic(target, []byte("new"), 0o644)
	t.Error("the write finished before the signal")
}
