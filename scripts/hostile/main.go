// Command hostile times noticelint on inputs built to be expensive: each case
// is generated at a base size (1x) and at twice that size (2x), and run once
// at each. It prints wall time, CPU time and peak resident memory, the time
// ratio 2x/1x (linear work gives about 2.0) and the peak memory per MiB of
// input. Timing lives here, never in unit tests, where a shared machine
// would make it flaky.
//
// Usage: go run ./scripts/hostile [-bin PATH] [-case NAME[,NAME]] [-scale F]
//
//	-bin    the noticelint binary to time (default: built from ./cmd/noticelint)
//	-case   run only these cases (default: all; -list prints them)
//	-scale  multiply every case's base size (default 1), for a quick look
//
// The cases are the hostile rows of README ("Hostile input"): long dotted
// email domains, floods of inline suppressions, runs of link reference
// definitions, and outline on a file over the size limit.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

type hostileCase struct {
	name string
	what string
	base int // the 1x size, in the case's own unit
	gen  func(n int) string
	args func(file string) []string
}

func lintArgs(file string) []string { return []string{"lint", "-q", "--no-config", file} }

var cases = []hostileCase{
	{
		name: "dotted-emails", what: "two DPO emails whose domains have N labels (a.a.a…com)", base: 20000,
		gen: func(n int) string {
			d := strings.Repeat("a.", n)
			return "# Privacy notice\n\nContact our Data Protection Officer at dpo@" + d +
				"com. Or write to privacy@" + d + "org. We reply within a month.\n"
		},
		args: lintArgs,
	},
	{
		name: "suppressions", what: "N inline suppressions, each over a line with a finding", base: 10000,
		gen: func(n int) string {
			var b strings.Builder
			b.WriteString("# Privacy notice\n\n")
			for i := range n {
				fmt.Fprintf(&b, "<!-- noticelint-disable-next-line privacy-shield -- kept as published -->\n"+
					"Transfer %d relies on the EU-US Privacy Shield.\n\n", i)
			}
			return b.String()
		},
		args: lintArgs,
	},
	{
		name: "link-refs", what: "N link reference definitions with no blank line between them", base: 100000,
		gen: func(n int) string {
			return "# Privacy notice\n\n" + strings.Repeat("[foo]: /url\n", n) + "\nSee [foo].\n"
		},
		args: lintArgs,
	},
	{
		name: "link-refs-3line", what: "N link reference definitions of three lines each (label, destination, title)", base: 50000,
		gen: func(n int) string {
			return "# Privacy notice\n\n" + strings.Repeat("[foo]:\n/url\n\"title\"\n", n) + "\nSee [foo].\n"
		},
		args: lintArgs,
	},
	{
		name: "outline-size", what: "outline on a file of N MiB of notice text (over the 16 MiB limit)", base: 20,
		gen: func(n int) string {
			para := "We process your personal data as described in section 3. Contact dpo@example.com.\n\n"
			return "# Privacy notice\n\n" + strings.Repeat(para, n<<20/len(para))
		},
		args: func(file string) []string { return []string{"outline", file} },
	},
}

func main() {
	bin := flag.String("bin", "", "noticelint binary (default: build ./cmd/noticelint)")
	only := flag.String("case", "", "comma-separated case names")
	scale := flag.Float64("scale", 1, "multiply each case's base size")
	list := flag.Bool("list", false, "list the cases")
	flag.Parse()
	if *list {
		for _, c := range cases {
			fmt.Printf("%-14s %s (1x: N=%d)\n", c.name, c.what, c.base)
		}
		return
	}
	work, err := os.MkdirTemp("", "hostile")
	if err != nil {
		fail(err)
	}
	defer func() { _ = os.RemoveAll(work) }()
	if *bin == "" {
		*bin = filepath.Join(work, "noticelint")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/noticelint")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fail(err)
		}
	}
	fmt.Printf("%-14s %-4s %10s %9s %8s %8s %9s %11s %5s\n", "case", "size", "N", "input", "wall", "cpu", "peak RSS", "RSS per MiB", "exit")
	for _, c := range cases {
		if *only != "" && !contains(strings.Split(*only, ","), c.name) {
			continue
		}
		var walls [2]float64
		for i, mult := range []int{1, 2} {
			n := int(float64(c.base*mult) * *scale)
			file := filepath.Join(work, fmt.Sprintf("%s-%dx.md", c.name, mult))
			src := c.gen(n)
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				fail(err)
			}
			wall, cpu, rssKB, code, err := run(*bin, c.args(file))
			if err != nil {
				fail(err)
			}
			walls[i] = wall
			mib := float64(len(src)) / (1 << 20)
			fmt.Printf("%-14s %-4s %10d %7.2fMB %7.2fs %7.2fs %7.0fMB %9.1fMB %5d\n", c.name, fmt.Sprintf("%dx", mult), n,
				mib, wall, cpu, float64(rssKB)/1024, float64(rssKB)/1024/mib, code)
			_ = os.Remove(file)
		}
		fmt.Printf("%-14s time 2x/1x = %.2f\n", c.name, walls[1]/walls[0])
	}
}

// run runs noticelint with its output discarded and returns wall and CPU
// seconds, peak RSS in KiB and the exit code.
func run(bin string, args []string) (wall, cpu float64, rssKB int64, code int, err error) {
	cmd := exec.Command(bin, args...)
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start).Seconds()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code, err = ee.ExitCode(), nil
	}
	if err != nil {
		return 0, 0, 0, 0, err
	}
	st := cmd.ProcessState
	cpu = (st.UserTime() + st.SystemTime()).Seconds()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		rssKB = ru.Maxrss // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			rssKB /= 1024 // bytes on macOS
		}
	}
	return wall, cpu, rssKB, code, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "hostile:", err)
	os.Exit(2)
}
