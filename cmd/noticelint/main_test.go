package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run executes the CLI in-process with stdin as standard input and returns
// stdout, stderr and the exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runReader(t, strings.NewReader(stdin), coreOnly(args)...)
}

// coreOnly turns the content rules off for a lint, diff or baseline run
// that names no rules: these tests pin what the engine and the five core
// rules do on small notices written for them, which leave out most of the
// Art 13/14 elements on purpose. The content rules are tested by their
// fixtures (rules) and by the checklist's tests; the hostile inputs run
// every rule (runReader).
func coreOnly(args []string) []string {
	at := 1
	switch {
	case len(args) > 1 && args[0] == "baseline":
		at = 2
	case len(args) > 0 && (args[0] == "lint" || args[0] == "diff"):
	default:
		return args
	}
	for _, a := range args {
		if a == "--enable" || strings.HasPrefix(a, "--enable=") || a == "--" {
			return args
		}
	}
	var ids []string
	for _, r := range rules.ContentRules() {
		ids = append(ids, r.ID)
	}
	out := append([]string{}, args[:at]...)
	out = append(out, "--disable="+strings.Join(ids, ","))
	return append(out, args[at:]...)
}

const example = "../../testdata/example/notice.md"

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/noticelint -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

func TestLintGolden(t *testing.T) {
	for _, format := range formatNames {
		t.Run(format, func(t *testing.T) {
			out, _, code := run(t, "", "lint", "--color", "never", "--format", format, example)
			if code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			golden(t, "example."+format, out)
		})
	}
	// The bundled example is what README shows a newcomer, run with every
	// rule: it states every Art 13/14 element, so the content rules add
	// nothing to its five deliberate defects and the golden text holds.
	t.Run("every rule", func(t *testing.T) {
		out, _, code := runReader(t, strings.NewReader(""), "lint", "--color", "never", example)
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
		golden(t, "example.text", out)
	})
	t.Run("quiet", func(t *testing.T) {
		out, _, _ := run(t, "", "lint", "-q", "--color", "never", example)
		if strings.Contains(out, "fix:") || strings.Contains(out, "linted") || strings.Count(out, "\n") != 5 {
			t.Errorf("-q should print the five findings only:\n%s", out)
		}
	})
	t.Run("colour always", func(t *testing.T) {
		out, _, _ := run(t, "", "lint", "--color", "always", example)
		if !strings.Contains(out, "\x1b[") {
			t.Error("--color always printed no escape codes")
		}
		run(t, "", "lint", "--color", "never", example) // restore for the other tests
	})
}

func TestExitCodes(t *testing.T) {
	clean := "../../testdata/notices/fenwick-care-trust-clean.md"
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"findings", []string{"lint", example}, 1, ""},
		{"fail-on never", []string{"lint", "--fail-on", "never", example}, 0, ""},
		{"fail-on warning, clean", []string{"lint", "--fail-on", "warning", clean}, 0, ""},
		{"only a warning rule", []string{"lint", "--enable", "ico-registration", example}, 0, ""},
		{"only a warning rule, fail on warning", []string{"lint", "--enable", "ico-registration", "--fail-on", "warning", example}, 1, ""},
		{"missing path", []string{"lint", "no/such/file.md", example}, 2, "no/such/file.md: error: no such file or directory"},
		{"unknown rule", []string{"lint", "--disable", "dpo-contacts", example}, 2, `did you mean "dpo-contact"`},
		{"bad format", []string{"lint", "--format", "xml", example}, 2, "unknown format"},
		{"bad fail-on", []string{"lint", "--fail-on", "loud", example}, 2, "--fail-on"},
		{"bad flag", []string{"lint", "--no-such-flag"}, 2, "unknown flag"},
		{"explain unknown", []string{"explain", "privacy-shied"}, 2, `did you mean "privacy-shield"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := run(t, "", append(tt.args, "--color=never")[:len(tt.args)]...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.err)
			}
		})
	}
}

// TestBadInput: every unusable file gets one error line naming it, the run
// exits 2, and the good files are still linted and reported.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bad-utf8.md": "1. Intro\n\n1.1 caf\xe9\n",
		"binary.md":   "\x00\x01\x02PK",
		"utf16.md":    "\xff\xfe1\x00.\x00",
		"empty.md":    "",
		"good.md":     "# Notice\n\nUnder the UK GDPR you have rights. See section 4.\n",
		"notes.txt":   "not a notice: skipped when a directory is given",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := run(t, "", "lint", "--format", "json", dir)
	if code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	var res lint.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	var errs []string
	for _, e := range res.Errors {
		errs = append(errs, filepath.Base(e.Where())+": "+e.Message)
	}
	want := []string{
		"bad-utf8.md:3:8: invalid UTF-8; save the file as UTF-8 (byte offset 17)",
		"binary.md:1:1: file contains a NUL byte: it looks binary, not a text notice (byte offset 0)",
		"utf16.md: file is UTF-16 encoded; save it as UTF-8",
	}
	if diff := cmp.Diff(want, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if res.Files != 5 {
		t.Errorf("files = %d, want 5 (notes.txt skipped)", res.Files)
	}
	goodFindings := 0
	for _, f := range res.Findings {
		if filepath.Base(f.File) == "good.md" {
			goodFindings++
		}
	}
	if goodFindings == 0 {
		t.Error("good.md was not linted")
	}
	_ = stderr

	_, stderr, code = run(t, "", "lint", t.TempDir())
	if code != 2 || !strings.Contains(stderr, "holds no notices") {
		t.Errorf("empty directory: code %d, stderr %q", code, stderr)
	}
}

func TestStdin(t *testing.T) {
	out, _, code := run(t, "1. Intro\n\n1.1 See section 7.\n", "lint", "--enable", "cross-reference", "--color", "never", "-")
	if code != 1 || !strings.Contains(out, `<stdin>:3:9: error: "section 7" does not exist: the only one is section 1`) {
		t.Errorf("code %d, out:\n%s", code, out)
	}
}

// TestDeterministic: the order of findings does not depend on parallelism.
func TestDeterministic(t *testing.T) {
	args := []string{"lint", "--format", "json", "../../testdata/rules", "../../testdata/notices", "../../testdata/example"}
	one, _, _ := run(t, "", append(args, "-j", "1")...)
	many, _, _ := run(t, "", append(args, "-j", "8")...)
	if one != many {
		t.Error("output differs between -j 1 and -j 8")
	}
	var res lint.Result
	if err := json.Unmarshal([]byte(one), &res); err != nil || len(res.Findings) < 20 {
		t.Fatalf("unexpected result: %v, %d findings", err, len(res.Findings))
	}
}

func TestOutline(t *testing.T) {
	out, _, code := run(t, "", "outline", "--format", "json", example)
	if code != 0 {
		t.Fatalf("exit code %d", code)
	}
	var o outline
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, s := range o.Sections {
		titles[s.Number] = s.Title
	}
	if titles["16"] != "How to make a complaint" || titles["15"] != "Working with support agencies" {
		t.Errorf("sections read wrongly: %v", titles)
	}
	text, _, _ := run(t, "", "outline", example)
	for _, want := range []string{"Sections", "References", "section 15"} {
		if !strings.Contains(text, want) {
			t.Errorf("text outline lacks %q", want)
		}
	}
}

func TestRulesAndExplain(t *testing.T) {
	out, _, _ := run(t, "", "rules")
	for _, id := range []string{"cross-reference", "dpo-contact", "ico-registration", "privacy-shield", "rights-list"} {
		if !strings.Contains(out, id) {
			t.Errorf("rules output lacks %s", id)
		}
	}
	out, _, code := run(t, "", "explain", "privacy-shield")
	if code != 0 || !strings.Contains(out, "C-311/18") {
		t.Errorf("explain: code %d\n%s", code, out)
	}
	out, _, _ = run(t, "", "version")
	if !strings.HasPrefix(out, "noticelint ") {
		t.Errorf("version printed %q", out)
	}
}

// --version prints what the version command prints; rules --format json
// lists every rule with its options, as rules.All has them.
func TestVersionFlagAndRulesJSON(t *testing.T) {
	flagOut, _, code := run(t, "", "--version")
	cmdOut, _, _ := run(t, "", "version")
	if code != 0 || flagOut != cmdOut || flagOut != "noticelint "+version+"\n" {
		t.Errorf("--version %q (exit %d), version %q", flagOut, code, cmdOut)
	}
	out, _, code := run(t, "", "rules", "--format", "json")
	var got []struct {
		ID, Summary, Severity, Since, Doc string
		Options                           []struct {
			Name, Doc string
			Default   any
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("rules --format json: exit %d, %v\n%s", code, err, out)
	}
	all := rules.All()
	if len(got) != len(all) {
		t.Fatalf("%d rules, want %d", len(got), len(all))
	}
	for i, r := range all {
		g := got[i]
		if g.ID != r.ID || g.Summary != r.Summary || g.Severity != r.Severity.String() || g.Since != r.Since ||
			g.Doc == "" || len(g.Options) != len(r.Options) {
			t.Errorf("rule %d: %+v, want %s", i, g, r.ID)
			continue
		}
		for j, o := range r.Options {
			if g.Options[j].Name != o.Name || g.Options[j].Doc != o.Doc {
				t.Errorf("%s option %d: %+v", r.ID, j, g.Options[j])
			}
		}
	}
	if _, errOut, code := run(t, "", "rules", "--format", "yaml"); code != 2 || !strings.Contains(errOut, `unknown format "yaml"`) {
		t.Errorf("rules --format yaml: exit %d %s", code, errOut)
	}
}

// While a notice beyond nearly every real one's size is being linted the
// collector runs more often, so that peak memory stays a small multiple of
// the input: by a setting continuous in the size (a step made a notice just
// over it cost more than twice one just under it), following the largest
// notice in memory, and never when GOGC is set in the environment.
func TestLargeNoticeCollectsOften(t *testing.T) {
	prev := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(prev)
	setting := func() int { // SetGCPercent returns the setting it replaces
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	for size := 1; size < 64<<20; size = size*5/4 + 1 {
		p, q := gcPercentFor(size), gcPercentFor(size*2)
		if q > p || q < hugeGCPercent || p > ordinaryGCPercent || p > 2*q+1 { // +1: whole percentages
			t.Errorf("collector at %d%% for %d bytes and %d%% for twice that: want a fall of at most half per doubling", p, size, q)
		}
	}
	if got := gcPercentFor(1 << 20 * 3 / 2); got != hugeGCPercent {
		t.Errorf("1.5 MiB notice: collector at %d%%, want %d%%", got, hugeGCPercent)
	}

	c := &collector{held: map[int]int{}}
	c.set(ordinaryGCPercent)
	small := c.hold(gcKnee)
	if got := setting(); got != ordinaryGCPercent {
		t.Errorf("notice of %d bytes held: collector at %d%%, want %d%%", gcKnee, got, ordinaryGCPercent)
	}
	large, huge := c.hold(4*gcKnee), c.hold(16*gcKnee)
	if got := setting(); got != hugeGCPercent {
		t.Errorf("huge notice held: collector at %d%%, want %d%%", got, hugeGCPercent)
	}
	huge()
	huge() // a second release changes nothing
	if got, want := setting(), gcPercentFor(4*gcKnee); got != want {
		t.Errorf("huge notice released: collector at %d%%, want %d%% for the large one still held", got, want)
	}
	large()
	small()
	if got := setting(); got != ordinaryGCPercent {
		t.Errorf("all released: collector at %d%%, want %d%%", got, ordinaryGCPercent)
	}

	env := &collector{env: true, held: map[int]int{}}
	debug.SetGCPercent(123)
	env.hold(64 << 20)()
	env.set(ordinaryGCPercent)
	if got := setting(); got != 123 {
		t.Errorf("GOGC in the environment: collector changed to %d%%", got)
	}
}

// The text outline prints the parts of an unnumbered section, indented
// under it: a notice whose only heading is its title would otherwise show
// as one section.
func TestOutlinePrintsPartsOfUnnumberedSections(t *testing.T) {
	src := "# Example Ltd\n\nUpdated May 2024.\n\n# Example privacy notice\n\n## 1. Who we are\n\nText.\n\n## 2. Your rights\n\nText.\n\n### 2.1 Access\n\nText.\n"
	text, _, code := run(t, src, "outline", "-")
	if code != 0 {
		t.Fatalf("exit code %d", code)
	}
	for _, want := range []string{`(?m)^ +1 +  Who we are `, `(?m)^ +2 +  Your rights `} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("text outline lacks %s:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Access") {
		t.Errorf("text outline prints clause 2.1, which its section counts:\n%s", text)
	}
}
