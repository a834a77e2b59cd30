// Command hostile times noticelint on inputs built to be expensive: each case
// is generated at a base size (1x) and at twice that size (2x), and run once
// at each. It prints wall time, CPU time and peak resident memory, the time
// ratio 2x/1x (linear work gives about 2.0) and the peak memory per MiB of
// input. Timing lives here, never in unit tests, where a shared machine
// would make it flaky.
//
// Usage: go run ./scripts/hostile [-bin PATH] [-case NAME[,NAME]] [-r RUNS] [-scale F]
//
//	-bin    the noticelint binary to time (default: built from ./cmd/noticelint)
//	-case   run only these cases (default: all; -list prints them)
//	-r      run each size RUNS times and keep the least time (default 3;
//	        a shared machine only ever adds time)
//	-scale  multiply every case's base size (default 1), for a quick look
//
// The cases are the hostile rows of docs/internals.md ("Hostile input"): long dotted
// email domains, floods of inline suppressions, runs of link reference
// definitions, and outline on a file over the size limit. Each has a pass
// line: time(2x) / time(1x) at most 2.3 (linear, with room for noise) and
// an absolute bound on one of the sizes; the floods of references and
// tables also bound peak memory to 30 MB per MiB of input. The script exits
// 1 when a case misses its pass line (with -scale 1 only).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
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
	// bound is the most seconds the run at size boundAt (1 or 2) may take.
	bound   float64
	boundAt int
	// rssPerMiB, when set, is the most peak memory a run at either size
	// may take per MiB of its input.
	rssPerMiB float64
}

// maxRatio is the pass line for time(2x) / time(1x).
const maxRatio = 2.3

func lintArgs(file string) []string { return []string{"lint", "-q", "--no-config", file} }

var cases = []hostileCase{
	{
		name: "dotted-emails", what: "two DPO emails whose domains have N labels (a.a.a…com)", base: 20000,
		gen: func(n int) string {
			d := strings.Repeat("a.", n)
			return "# Privacy notice\n\nContact our Data Protection Officer at dpo@" + d +
				"com. Or write to privacy@" + d + "org. We reply within a month.\n"
		},
		args: lintArgs, bound: 0.5, boundAt: 1,
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
		args: lintArgs, bound: 1, boundAt: 2,
	},
	{
		name: "link-refs", what: "N link reference definitions with no blank line between them", base: 100000,
		gen: func(n int) string {
			return "# Privacy notice\n\n" + strings.Repeat("[foo]: /url\n", n) + "\nSee [foo].\n"
		},
		args: lintArgs, bound: 2, boundAt: 1,
	},
	{
		name: "link-refs-3line", what: "N link reference definitions of three lines each (label, destination, title)", base: 50000,
		gen: func(n int) string {
			return "# Privacy notice\n\n" + strings.Repeat("[foo]:\n/url\n\"title\"\n", n) + "\nSee [foo].\n"
		},
		args: lintArgs, bound: 2, boundAt: 2,
	},
	{
		// Issue-era rate: 2-6 s/MB, 50x real text. The bound is 10x the
		// corpus's CPU rate (about 0.25 s/MB).
		name: "appendix-refs", what: "N paragraphs each citing an appendix, a schedule, an annex and a section", base: 25000,
		gen: func(n int) string {
			var b strings.Builder
			b.WriteString("# Privacy notice\n\n## 1. About us\n\n")
			for i := range n {
				fmt.Fprintf(&b, "See Appendix %d, Schedule %d and Annex %d of the Terms, and section %d.\n\n", i%90+1, i%40+1, i%30+1, i%9+1)
			}
			return b.String()
		},
		args: lintArgs, bound: 3.5, boundAt: 1, rssPerMiB: 30,
	},
	{
		name: "table-rows", what: "a table of N rows, each citing a section", base: 40000,
		gen: func(n int) string {
			var b strings.Builder
			b.WriteString("# Privacy notice\n\n## 1. Recipients\n\n| Recipient | Data | Purpose | See |\n|---|---|---|---|\n")
			for i := range n {
				fmt.Fprintf(&b, "| Supplier %d | contact details | delivery | section %d |\n", i, i%9+1)
			}
			return b.String()
		},
		args: lintArgs, bound: 7, boundAt: 1, rssPerMiB: 30,
	},
	{
		// The concept reader splits clauses into words: a paragraph of one
		// clause that never ends must stay linear.
		name: "one-clause", what: "paragraphs of N repeats each of a rights phrase (negated, a verb, an object, one letter), with no clause break", base: 20000,
		gen: func(n int) string {
			var b strings.Builder
			b.WriteString("# Privacy notice\n\nThis notice is given under the UK GDPR.\n\n## Your rights\n\nYou have the right:\n\n")
			for _, unit := range []string{"not to be subject ", "no delete data ", "copy of ", "x "} {
				b.WriteString(strings.Repeat(unit, n))
				b.WriteString("\n\n")
			}
			return b.String()
		},
		args: lintArgs, bound: 2, boundAt: 1,
	},
	{
		name: "outline-size", what: "outline on a file of N MiB of notice text (over the 16 MiB limit)", base: 20,
		gen: func(n int) string {
			para := "We process your personal data as described in section 3. Contact dpo@example.com.\n\n"
			return "# Privacy notice\n\n" + strings.Repeat(para, n<<20/len(para))
		},
		args:  func(file string) []string { return []string{"outline", file} },
		bound: 1, boundAt: 2,
	},
}

func main() {
	if g := os.Getenv("HOSTILE_GENERATE"); g != "" {
		generate(g)
		return
	}
	if !measure() {
		os.Exit(1)
	}
}

// measure runs the cases and reports whether each met its pass line.
func measure() bool {
	bin := flag.String("bin", "", "noticelint binary (default: build ./cmd/noticelint)")
	only := flag.String("case", "", "comma-separated case names")
	scale := flag.Float64("scale", 1, "multiply each case's base size")
	list := flag.Bool("list", false, "list the cases")
	runs := flag.Int("r", 3, "runs of each size; the least time is kept")
	flag.Parse()
	if *list {
		for _, c := range cases {
			fmt.Printf("%-14s %s (1x: N=%d)\n", c.name, c.what, c.base)
		}
		return true
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
	fmt.Printf("%-15s %-4s %8s %8s %8s %8s %9s %9s %4s\n", "case", "size", "N", "input", "wall", "cpu", "peak RSS", "RSS/MiB", "exit")
	failed := false
	for _, c := range cases {
		if *only != "" && !slices.Contains(strings.Split(*only, ","), c.name) {
			continue
		}
		var walls, perMiB [2]float64
		for i, mult := range []int{1, 2} {
			n := int(float64(c.base*mult) * *scale)
			file := filepath.Join(work, fmt.Sprintf("%s-%dx.md", c.name, mult))
			// A child writes the input: the peak RSS of noticelint counts
			// this process's memory until it execs (Go starts children
			// with CLONE_VM), so this one never holds the input.
			gen := exec.Command(os.Args[0])
			gen.Env = append(os.Environ(), fmt.Sprintf("HOSTILE_GENERATE=%s %d %s", c.name, n, file))
			gen.Stderr = os.Stderr
			if err := gen.Run(); err != nil {
				fail(err)
			}
			info, err := os.Stat(file)
			if err != nil {
				fail(err)
			}
			mib := float64(info.Size()) / (1 << 20)
			var best result
			for r := range max(*runs, 1) {
				res, err := run(*bin, c.args(file))
				if err != nil {
					fail(err)
				}
				if r == 0 || res.wall < best.wall {
					best.wall, best.code = res.wall, res.code
				}
				if r == 0 || res.cpu < best.cpu {
					best.cpu = res.cpu
				}
				best.rssKB = max(best.rssKB, res.rssKB)
			}
			walls[i] = best.wall
			perMiB[i] = float64(best.rssKB) / 1024 / mib
			fmt.Printf("%-15s %-4s %8d %6.2fMB %7.2fs %7.2fs %7.0fMB %7.1fMB %4d\n", c.name, fmt.Sprintf("%dx", mult), n,
				mib, best.wall, best.cpu, float64(best.rssKB)/1024, float64(best.rssKB)/1024/mib, best.code)
			_ = os.Remove(file)
		}
		ratio := walls[1] / walls[0]
		verdict := "pass"
		memory := ""
		overMemory := false
		if c.rssPerMiB > 0 {
			memory = fmt.Sprintf("; peak RSS %.1f and %.1f MB per MiB (at most %.0f)", perMiB[0], perMiB[1], c.rssPerMiB)
			overMemory = max(perMiB[0], perMiB[1]) > c.rssPerMiB
		}
		if *scale == 1 && (ratio > maxRatio || walls[c.boundAt-1] > c.bound || overMemory) {
			verdict, failed = "FAIL", true
		}
		fmt.Printf("%-15s time 2x/1x = %.2f (at most %.1f); %dx in %.2fs (at most %.1fs)%s: %s\n",
			c.name, ratio, maxRatio, c.boundAt, walls[c.boundAt-1], c.bound, memory, verdict)
	}
	return !failed
}

// generate writes one input: spec is "CASE N FILE".
func generate(spec string) {
	var name, file string
	var n int
	if _, err := fmt.Sscanf(spec, "%s %d %s", &name, &n, &file); err != nil {
		fail(err)
	}
	for _, c := range cases {
		if c.name == name {
			if err := os.WriteFile(file, []byte(c.gen(n)), 0o644); err != nil {
				fail(err)
			}
			return
		}
	}
	fail(fmt.Errorf("no case %q", name))
}

type result struct {
	wall, cpu float64
	rssKB     int64
	code      int
}

// run runs noticelint with its output discarded and returns wall and CPU
// seconds, peak RSS in KiB and the exit code.
func run(bin string, args []string) (result, error) {
	cmd := exec.Command(bin, args...)
	start := time.Now()
	err := cmd.Run()
	res := result{wall: time.Since(start).Seconds()}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		res.code, err = ee.ExitCode(), nil
	}
	if err != nil {
		return res, err
	}
	st := cmd.ProcessState
	res.cpu = (st.UserTime() + st.SystemTime()).Seconds()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		res.rssKB = ru.Maxrss // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			res.rssKB /= 1024 // bytes on macOS
		}
	}
	return res, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "hostile:", err)
	os.Exit(2)
}
