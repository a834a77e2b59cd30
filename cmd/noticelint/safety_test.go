package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/noticelint/noticelint/internal/gittest"
)

// noticeV1 and noticeV2 are two versions of a short notice.
const (
	noticeV1 = "# Notice\n\n1. Introduction\n\n1.1 We are Example Ltd.\n\n2. Complaints\n\n2.1 See section 1 first.\n"
	noticeV2 = "# Notice\n\n1. About us\n\n1.1 We are Example Ltd.\n\n2. Complaints\n\n2.1 See section 1 first.\n"
)

// "diff -- --output=out:y new.md" must not reach git as an option: git show
// would create or truncate the file out:y.
func TestDiffRefusesOptionRevision(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notice.md": noticeV1})
	rec := gittest.Record(t)
	_, stderr, code := runIn(t, dir, "diff", "--", "--output=out:y", "notice.md")
	if code != 2 || !strings.Contains(stderr, `--output=out:y: no such file, and it cannot be read from git as REV:PATH: a revision cannot begin with "-"`) {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out:y")); err == nil {
		t.Error("git created the file named in the revision")
	}
	rec.Never(t, "--output")
}

// git show reads REV:PATH after --end-of-options.
func TestDiffGitShowEndsOptions(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notice.md": noticeV1})
	if err := os.WriteFile(filepath.Join(dir, "notice.md"), []byte(noticeV2), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := gittest.Record(t)
	out, stderr, code := runIn(t, dir, "diff", "--color", "never", "HEAD:notice.md", "notice.md")
	if code != 0 || !strings.Contains(out, "retitled") {
		t.Fatalf("code %d, stderr %q, output:\n%s", code, stderr, out)
	}
	rec.EndsOptions(t, "HEAD:notice.md")
}

// lint --new-from-rev refuses a revision git would read as an option.
func TestNewFromRevRefusesOption(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notice.md": noticeV1})
	rec := gittest.Record(t)
	_, stderr, code := runIn(t, dir, "lint", "--new-from-rev=--output=out", "notice.md")
	if code != 2 || !strings.Contains(stderr, `a revision cannot begin with "-"`) {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("git created the file named in the revision")
	}
	rec.Never(t, "--output")
}

// hostileV1 and hostileV2 carry what a terminal, a CI log, a pull-request
// comment or an XML parser would act on: an OSC window title and an OSC 52
// clipboard write, a screen clear, BEL, SOH, a C1 CSI, bidirectional
// overrides, raw HTML and an @mention. Section 2's title is quoted in a
// cross-reference finding; v2 retitles and rewords it for the diff.
const (
	hostileV1 = "# Notice \x1b]0;pwned\x07\n\n1. Introduction\n\n" +
		"1.1 We are Example Ltd \x01 <script>alert(1)</script>, ping @octocat. If you are unhappy, see section 2 on how to make a complaint.\n\n" +
		"2. Cookies \x1b]52;c;ZXZpbA==\x07 \u202eevil\u202c \u009b31m\n\n2.1 We use cookies \x1b[2J\x1b[H here.\n\n" +
		"3. How to make a complaint\n\n3.1 Write to us.\n"
	hostileV2 = "# Notice \x1b]0;pwned\x07\n\n1. Introduction\n\n" +
		"1.1 We are Example Ltd \x01 <script>alert(2)</script>, ping @octocat. If you are unhappy, see section 2 on how to make a complaint.\n\n" +
		"2. Cookies and trackers \x1b]52;c;ZXZpbA==\x07 \u2066evil\u2069 \u009b32m\n\n2.1 We use cookies \x1b[2J\x1b[3J and \u202e pixels here.\n\n" +
		"3. How to make a complaint\n\n3.1 Write to us.\n"
)

// terminalActive lists what in out a terminal would act on: any control
// but newline, a C1 or bidirectional control, a line separator or a byte
// that is not UTF-8.
func terminalActive(out string) []string {
	var bad []string
	for i, r := range out {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\ufffd"):
			bad = append(bad, fmt.Sprintf("byte %#x at %d", out[i], i))
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0x061c, r == 0x200e, r == 0x200f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
			bad = append(bad, fmt.Sprintf("%U at %d", r, i))
		}
	}
	return bad
}

// Text from a notice, a path or a baseline reaches no terminal, log or
// comment raw, whatever the format: the escapes show instead.
func TestNoTerminalInjection(t *testing.T) {
	dir := t.TempDir()
	odd := "odd \x1b[31mred\u202e.md" // a file name found by a folder walk
	for name, body := range map[string]string{"v1.md": hostileV1, "v2.md": hostileV2, odd: hostileV1} {
		writeInput(t, filepath.Join(dir, name), []byte(body))
	}
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "bad \x1b]52;c;eA==\x07.md")); err != nil {
		t.Fatal(err)
	}
	baselinePath := filepath.Join(dir, "baseline.json")
	writeInput(t, baselinePath, []byte(`{"version": 1, "findings": [{"file": "v1.md", "rule": "cross-reference\u001b[2J",
		"section": "9\u009b1m", "fingerprint": "0000000000000000", "message": "gone \u001b]52;c;eA==\u0007 \u202eevil", "count": 1}]}`))
	v1, v2 := filepath.Join(dir, "v1.md"), filepath.Join(dir, "v2.md")
	for _, tc := range []struct {
		name string
		args []string
		want string // shown as an escape
	}{
		{"lint text", []string{"lint", "--color", "never", "--no-baseline", v1}, `Cookies \x1b]52;c;ZXZpbA==\x07 \u202eevil\u202c \u009b31m`},
		{"lint text, colour on", []string{"lint", "--color", "always", "--no-baseline", v1}, `\x1b]52;c;`},
		{"lint github", []string{"lint", "--format", "github", "--no-baseline", v1}, `\x1b]52;c;`},
		{"lint a folder", []string{"lint", "--color", "never", "--no-baseline", dir}, `odd \x1b[31mred\u202e.md`},
		{"baseline stale entries", []string{"lint", "--color", "never", "--baseline", baselinePath, v1}, `gone \x1b]52;c;eA==\x07 \u202eevil`},
		{"diff text", []string{"diff", "--color", "never", v1, v2}, `\u2066evil\u2069`},
		{"diff text, colour on", []string{"diff", "--color", "always", v1, v2}, `\u202e pixels`},
		{"diff markdown", []string{"diff", "--format", "markdown", v1, v2}, `@&#8203;octocat`},
		{"outline", []string{"outline", v1}, `\x1b]52;c;`},
		{"config print", []string{"config", "print", odd}, `odd \x1b[31mred\u202e.md`},
		{"an error naming a path", []string{"diff", v1, "nofile \x1b[2J.md"}, `nofile \x1b[2J.md`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(dir)
			out, stderr, _ := run(t, "", tc.args...)
			if bad := terminalActive(strings.ReplaceAll(out, "\x1b[", "")); len(bad) > 0 && !strings.Contains(tc.name, "colour on") {
				t.Errorf("stdout holds %v:\n%q", bad, out)
			}
			if strings.Contains(tc.name, "colour on") {
				// Only the report's own colour codes: ESC [ digits and ; then m.
				if bad := terminalActive(ownColour.ReplaceAllString(out, "")); len(bad) > 0 {
					t.Errorf("stdout holds %v beyond its own colour codes:\n%q", bad, out)
				}
			}
			if bad := terminalActive(stderr); len(bad) > 0 {
				t.Errorf("stderr holds %v:\n%q", bad, stderr)
			}
			if !strings.Contains(out+stderr, tc.want) {
				t.Errorf("the escape %q is not shown:\nstdout %q\nstderr %q", tc.want, out, stderr)
			}
			if tc.name == "diff markdown" && (strings.Contains(out, "<script>") || strings.Contains(out, " @octocat")) {
				t.Errorf("raw HTML or a live mention in the Markdown report:\n%s", out)
			}
		})
	}
}

var ownColour = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// JSON and SARIF keep the notice's text exactly as written.
func TestMachineFormatsKeepText(t *testing.T) {
	dir := t.TempDir()
	v1 := filepath.Join(dir, "v1.md")
	writeInput(t, v1, []byte(hostileV1))
	title := "Cookies \x1b]52;c;ZXZpbA==\x07 \u202eevil\u202c \u009b31m"
	for _, format := range []string{"json", "sarif"} {
		out, _, _ := run(t, "", "lint", "--format", format, "--no-baseline", v1)
		var doc any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if b, _ := json.Marshal(doc); !strings.Contains(string(bytes.ReplaceAll(b, []byte(`\u0026`), []byte("&"))), mustJSON(title)) {
			t.Errorf("%s does not hold the title exactly:\n%s", format, out)
		}
	}
}

func mustJSON(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

// Every XML and HTML report parses as XML whatever the notice holds.
func TestXMLReportsParse(t *testing.T) {
	dir := t.TempDir()
	v1, v2 := filepath.Join(dir, "v1.md"), filepath.Join(dir, "v2.md")
	writeInput(t, v1, []byte(hostileV1))
	writeInput(t, v2, []byte(hostileV2))
	writeInput(t, filepath.Join(dir, "bad \x01.md"), []byte("caf\xe9\n"))
	for _, args := range [][]string{
		{"lint", "--format", "junit", dir},
		{"lint", "--format", "checkstyle", dir},
		{"diff", "--format", "html", v1, v2},
	} {
		out, _, _ := run(t, "", args...)
		if !strings.Contains(out, "Cookies") {
			t.Errorf("%v: the report lacks the notice's text:\n%s", args, out)
		}
		d := xml.NewDecoder(strings.NewReader(out))
		d.Strict = true
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("%v: not XML: %v", args, err)
				break
			}
		}
	}
}

// No report is written over a notice: not the one named, not one a folder
// walk found, not through a symbolic or hard link or another spelling of
// its path. The run is refused before anything is linted or written.
func TestReportNeverOverwritesInput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("notices", 0o755); err != nil {
		t.Fatal(err)
	}
	writeInput(t, "notices/a.md", []byte(noticeV1))
	writeInput(t, "notices/b.md", []byte(noticeV2))
	if err := os.Symlink("notices/a.md", "link.md"); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
	if err := os.Link("notices/a.md", "hard.md"); err != nil {
		t.Skipf("cannot make hard links here: %v", err)
	}
	for _, args := range [][]string{
		{"lint", "--format", "json=notices/a.md", "notices/a.md"},
		{"lint", "--format", "json=./notices/a.md", "notices/a.md"},
		{"lint", "--format", "sarif=notices/b.md", "notices"},
		{"lint", "--format", "junit=link.md", "notices"},
		{"lint", "--format", "github", "--format", "checkstyle=hard.md", "notices/a.md"},
		{"diff", "-o", "notices/b.md", "notices/a.md", "notices/b.md"},
		{"diff", "--format", "html", "-o", "link.md", "notices/a.md", "notices/b.md"},
		{"baseline", "write", "--baseline", "notices/b.md", "notices"},
	} {
		out, stderr, code := run(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "write the report to another file") {
			t.Errorf("%v: code %d, stderr %q, stdout %q", args, code, stderr, out)
		}
		for name, want := range map[string]string{"notices/a.md": noticeV1, "notices/b.md": noticeV2} {
			if b, err := os.ReadFile(name); err != nil || string(b) != want {
				t.Fatalf("%v overwrote %s", args, name)
			}
		}
	}
	if _, stderr, code := run(t, "", "lint", "--format", "json=report.json", "notices"); code == 2 {
		t.Errorf("a report beside the notices is refused: %s", stderr)
	}
}
