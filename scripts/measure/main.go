// Command measure runs a command and prints its wall time, CPU time and peak
// resident memory on one line, for scripts/bench. It stands in for GNU time
// (/usr/bin/time -v), which many machines and containers do not have: Go is
// all the bench script needs.
//
// Usage: measure COMMAND [ARG...]
//
// It prints "wall=SECONDS cpu=SECONDS maxrss_kb=KB exit=CODE" to standard
// error after the command's own output, and exits 0 whatever the command's
// exit code (linters exit non-zero when they find something).
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: measure COMMAND [ARG...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(2)
	}
	st := cmd.ProcessState
	cpu := st.UserTime() + st.SystemTime()
	var rss any = 0
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		kb := ru.Maxrss // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			kb /= 1024 // bytes on macOS
		}
		rss = kb
	}
	fmt.Fprintf(os.Stderr, "wall=%.3f cpu=%.3f maxrss_kb=%v exit=%d\n", wall.Seconds(), cpu.Seconds(), rss, code)
}
