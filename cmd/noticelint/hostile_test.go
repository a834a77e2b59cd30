package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/noticelint/noticelint/lint"
)

// runReader executes the CLI in-process with any reader as standard input (so
// a test can hand it a stream that fails part-way) and returns stdout, stderr
// and the exit code.
func runReader(t *testing.T, stdin io.Reader, args ...string) (string, string, int) {
	t.Helper()
	cmd := newRootCmd()
	var out, errb bytes.Buffer
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetIn(stdin)
	code := 0
	if err := cmd.Execute(); err != nil {
		code = 2
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		errb.WriteString(errorLine(err))
	}
	return out.String(), errb.String(), code
}

// goodNotice has exactly one cross-reference finding, at 5:9, so a test can
// see that it was linted whatever sits beside it.
const goodNotice = "# Notice\n\n1. Introduction\n\n1.1 See section 7 on how to complain.\n"

// failingReader returns some bytes, then an error: a pipe whose writer died,
// or a terminal that went away.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func writeInput(t *testing.T, path string, body []byte) {
	t.Helper()
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
}

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// TestHostileInput is the "Hostile input" table of docs/internals.md: each input sits
// beside goodNotice. Where the input is unusable the run exits 2 with one
// error naming it (one line on standard error in text format, one entry in
// JSON); otherwise it is linted like any notice. Either way good.md is still
// linted and reported.
func TestHostileInput(t *testing.T) {
	isRoot := os.Geteuid() == 0
	tests := []struct {
		name string
		// setup builds the input in dir and returns the paths to lint
		// (good.md is added) and, for "-", a maker of standard input.
		setup func(t *testing.T, dir string) ([]string, func() io.Reader)
		// errFile is the base name of the one input reported as an error,
		// with the line and column where the error has them
		// ("" when every input is linted); errWant is part of its message.
		errFile, errWant string
		// extra flags
		flags []string
		// skip, when it returns a reason, skips the case.
		skip func() string
		// jsonOnly runs a big input that is not an error once, not in both
		// formats.
		jsonOnly bool
	}{
		{name: "empty file", setup: file("empty.md", nil)},
		{name: "whitespace only", setup: file("blank.md", []byte(" \n\t\n   \r\n\n"))},
		{name: "invalid UTF-8 (Windows-1252)", setup: file("cp1252.md", []byte("# Notice\n\nCaf\xe9 \x93opening\x94 hours.\n")),
			errFile: "cp1252.md:3:4", errWant: "invalid UTF-8; save the file as UTF-8 (byte offset 13)"},
		{name: "UTF-16 with BOM", setup: file("utf16.md", utf16LE(goodNotice, true)),
			errFile: "utf16.md", errWant: "file is UTF-16 encoded; save it as UTF-8"},
		{name: "UTF-16 big-endian with BOM", setup: file("utf16be.md", []byte("\xfe\xff\x00#\x00 \x00N")),
			errFile: "utf16be.md", errWant: "file is UTF-16 encoded; save it as UTF-8"},
		{name: "UTF-16 without BOM", setup: file("utf16nobom.md", utf16LE(goodNotice, false)),
			errFile: "utf16nobom.md", errWant: "file looks UTF-16 encoded (it has no byte order mark); save it as UTF-8"},
		{name: "UTF-32 with BOM", setup: file("utf32.md", []byte("\xff\xfe\x00\x00#\x00\x00\x00")),
			errFile: "utf32.md", errWant: "file is UTF-32 encoded; save it as UTF-8"},
		{name: "NUL bytes (binary)", setup: file("image.md", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")),
			errFile: "image.md:3:1", errWant: "file contains a NUL byte: it looks binary, not a text notice (byte offset 8)"},
		{name: "a stray NUL deep in a text notice", setup: file("stray.md", []byte("# Notice\n\n"+strings.Repeat("We keep your data safe.\n", 400)+"\nA cell\x00 of a table.\n"))},
		{name: "CR-only line endings", setup: file("mac.md", []byte(strings.ReplaceAll(goodNotice, "\n", "\r")))},
		{name: "50 MB file", setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			// A sparse file: refused from its size, before a byte is read.
			path := filepath.Join(dir, "huge.md")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(50 << 20); err != nil {
				t.Fatal(err)
			}
			_ = f.Close()
			return []string{path}, nil
		}, errFile: "huge.md", errWant: "file is 52,428,800 bytes (50 MiB), over the --max-size limit of 16,777,216 bytes (16 MiB); raise the limit if this really is one notice"},
		{name: "standard input over --max-size", flags: []string{"--max-size", "1000"},
			setup:   stdin(func() io.Reader { return strings.NewReader(strings.Repeat("x", 2000)) }),
			errFile: "<stdin>", errWant: "input is over the --max-size limit of 1,000 bytes"},
		{name: "100,000 nested blockquotes", setup: file("quotes.md", []byte(strings.Repeat(">", 100000)+" deep\n"))},
		{name: "100,000 nested lists on one line", setup: file("lists.md", []byte(strings.Repeat("- ", 100000)+"deep\n"))},
		{name: "100,000 nested ordered lists", setup: file("ordered.md", []byte(strings.Repeat("1. ", 100000)+"deep\n"))},
		{name: "lists nested by indentation", setup: file("indented.md", nestedByIndent(400))},
		{name: "single 1 MB line", setup: file("line.md", []byte(strings.Repeat("We keep your data safe. ", 1<<20/24)+"\n")), jsonOnly: true},
		{name: "thousands of headings", setup: file("headings.md", manyHeadings(5000)), jsonOnly: true},
		{name: "symlink loops", setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			// A link to its own directory is not followed; a link to itself
			// named like a notice is reported.
			symlink(t, ".", filepath.Join(dir, "loop"))
			symlink(t, "self.md", filepath.Join(dir, "self.md"))
			symlink(t, "good.md", filepath.Join(dir, "linked.md"))
			return []string{dir}, nil
		}, errFile: "self.md", errWant: "too many levels of symbolic links"},
		{name: "broken symlink", setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			symlink(t, "gone.md", filepath.Join(dir, "broken.md"))
			return []string{dir}, nil
		}, errFile: "broken.md", errWant: "broken symbolic link: its target does not exist"},
		{name: "unreadable file (chmod 000)", skip: rootSkip(isRoot), setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			path := filepath.Join(dir, "secret.md")
			writeInput(t, path, []byte(goodNotice))
			if err := os.Chmod(path, 0); err != nil {
				t.Fatal(err)
			}
			return []string{path}, nil
		}, errFile: "secret.md", errWant: "permission denied"},
		{name: "unreadable directory (chmod 000)", skip: rootSkip(isRoot), setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			sub := filepath.Join(dir, "locked")
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			writeInput(t, filepath.Join(sub, "notice.md"), []byte(goodNotice))
			if err := os.Chmod(sub, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(sub, 0o755) })
			return []string{dir}, nil
		}, errFile: "locked", errWant: "permission denied"},
		{name: "file that fails to read", skip: func() string {
			if runtime.GOOS != "linux" {
				return "needs /proc/self/mem"
			}
			return ""
		}, setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			// Root can read a chmod 000 file, but not /proc/self/mem at
			// offset 0 (nothing is mapped there): it opens, then every read
			// fails with EIO. It stands for a disk or network read error.
			return []string{"/proc/self/mem"}, nil
		}, errFile: "mem", errWant: "read failed after 0 bytes: input/output error"},
		{name: "path that does not exist", setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			return []string{filepath.Join(dir, "missing.md")}, nil
		}, errFile: "missing.md", errWant: "no such file or directory"},
		{name: "directory with no notices", setup: func(t *testing.T, dir string) ([]string, func() io.Reader) {
			sub := filepath.Join(dir, "plain")
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			writeInput(t, filepath.Join(sub, "notice.txt"), []byte(goodNotice))
			return []string{sub}, nil
		}, errFile: "plain", errWant: "directory holds no notices (*.md or *.markdown files)"},
		{name: "empty standard input", setup: stdin(func() io.Reader { return strings.NewReader("") })},
		{name: "standard input closed early", setup: stdin(func() io.Reader { return &failingReader{data: []byte("# Notice\n\n1. Intro"), err: syscall.EIO} }),
			errFile: "<stdin>", errWant: "read failed after 18 bytes: input/output error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip != nil {
				if why := tt.skip(); why != "" {
					t.Skip(why)
				}
			}
			dir := t.TempDir()
			good := filepath.Join(dir, "good.md")
			writeInput(t, good, []byte(goodNotice))
			paths, in := tt.setup(t, dir)
			if len(paths) == 0 || paths[0] != dir {
				paths = append(paths, good)
			}
			wantCode := 1 // good.md's finding
			if tt.errFile != "" {
				wantCode = 2
			}
			formats := []string{"json", "text"}
			if tt.jsonOnly {
				formats = formats[:1]
			}
			for _, format := range formats {
				var stdinR io.Reader = strings.NewReader("")
				if in != nil {
					stdinR = in()
				}
				args := append(append([]string{"lint", "--color", "never", "--format", format}, tt.flags...), paths...)
				start := time.Now()
				out, stderr, code := runReader(t, stdinR, args...)
				t.Logf("%s: %v", format, time.Since(start))
				if code != wantCode {
					t.Errorf("%s: exit code %d, want %d\nstderr: %s", format, code, wantCode, stderr)
				}
				if format == "text" {
					checkTextErrors(t, stderr, tt.errFile, tt.errWant)
					if !strings.Contains(out, "good.md:5:9: error:") {
						t.Errorf("text: good.md's finding is missing:\n%s", out)
					}
					continue
				}
				var res lint.Result
				if err := json.Unmarshal([]byte(out), &res); err != nil {
					t.Fatalf("bad JSON: %v\n%s", err, out)
				}
				checkJSONErrors(t, res.Errors, tt.errFile, tt.errWant)
				if !hasFinding(res, "good.md", 5, 9) {
					t.Errorf("json: good.md's finding is missing: %+v", res.Findings)
				}
			}
		})
	}
}

func file(name string, body []byte) func(*testing.T, string) ([]string, func() io.Reader) {
	return func(t *testing.T, dir string) ([]string, func() io.Reader) {
		path := filepath.Join(dir, name)
		writeInput(t, path, body)
		return []string{path}, nil
	}
}

func stdin(r func() io.Reader) func(*testing.T, string) ([]string, func() io.Reader) {
	return func(*testing.T, string) ([]string, func() io.Reader) { return []string{"-"}, r }
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
}

// rootSkip: permission bits do not stop root, and the tests run as root in
// CI containers. The "file that fails to read" case covers the same error
// path there.
func rootSkip(isRoot bool) func() string {
	return func() string {
		if isRoot {
			return "running as root, which reads files whatever their mode"
		}
		return ""
	}
}

// nestedByIndent nests a list one level deeper on each line, by indentation
// alone.
func nestedByIndent(levels int) []byte {
	var b strings.Builder
	for i := range levels {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return []byte(b.String())
}

// manyHeadings is a notice of n numbered sections whose last clause points
// to a clause that does not exist, so it has exactly one cross-reference
// finding, on its last line (4n+3).
func manyHeadings(n int) []byte {
	var b strings.Builder
	b.WriteString("# Notice\n\n")
	for i := 1; i <= n; i++ {
		b.WriteString("## " + strconv.Itoa(i) + ". Section " + strconv.Itoa(i) + "\n\n" + strconv.Itoa(i) + ".1 Text of the section.\n\n")
	}
	b.WriteString(strconv.Itoa(n) + ".2 See section 12.7.\n")
	return []byte(b.String())
}

func checkTextErrors(t *testing.T, stderr, errFile, errWant string) {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.Contains(l, ": error: ") {
			lines = append(lines, l)
		}
	}
	if errFile == "" {
		if len(lines) > 0 {
			t.Errorf("text: unexpected error lines:\n%s", strings.Join(lines, "\n"))
		}
		return
	}
	if len(lines) != 1 {
		t.Fatalf("text: want one error line for %s, got %d:\n%s", errFile, len(lines), stderr)
	}
	file, msg, _ := strings.Cut(lines[0], ": error: ")
	if filepath.Base(file) != errFile || !strings.Contains(msg, errWant) {
		t.Errorf("text: error line %q, want %s: ...%s...", lines[0], errFile, errWant)
	}
}

func checkJSONErrors(t *testing.T, errs []lint.FileError, errFile, errWant string) {
	t.Helper()
	if errFile == "" {
		if len(errs) > 0 {
			t.Errorf("json: unexpected errors %+v", errs)
		}
		return
	}
	if len(errs) != 1 || filepath.Base(errs[0].Where()) != errFile || !strings.Contains(errs[0].Message, errWant) {
		t.Errorf("json: errors %+v, want one for %s: ...%s...", errs, errFile, errWant)
	}
}

func hasFinding(res lint.Result, base string, line, col int) bool {
	for _, f := range res.Findings {
		if filepath.Base(f.File) == base && f.Line == line && f.Column == col && f.Rule == "cross-reference" {
			return true
		}
	}
	return false
}

// TestHostileInputLinted checks what the table above cannot: that inputs
// which are odd but usable are really linted, with positions in the
// original file.
func TestHostileInputLinted(t *testing.T) {
	dir := t.TempDir()
	writeInput(t, filepath.Join(dir, "mac.md"), []byte(strings.ReplaceAll(goodNotice, "\n", "\r")))
	writeInput(t, filepath.Join(dir, "headings.md"), manyHeadings(5000))
	writeInput(t, filepath.Join(dir, "good.md"), []byte(goodNotice))
	symlink(t, "good.md", filepath.Join(dir, "linked.md"))
	out, _, code := run(t, "", "lint", "--format", "json", "--enable", "cross-reference", dir)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	var res lint.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		file      string
		line, col int
	}{
		{"mac.md", 5, 9},           // CR-only: the same position as the LF twin
		{"linked.md", 5, 9},        // a link to a notice is linted under its own name
		{"headings.md", 20003, 12}, // the one broken reference after 5,000 sections
	} {
		if !hasFinding(res, want.file, want.line, want.col) {
			t.Errorf("no cross-reference finding for %s at %d:%d", want.file, want.line, want.col)
		}
	}
}

// TestNeverWritesNotices: linting leaves every file in the folder as it was
// (content, mode, modification time) and creates none.
func TestNeverWritesNotices(t *testing.T) {
	dir := t.TempDir()
	writeInput(t, filepath.Join(dir, "good.md"), []byte(goodNotice))
	writeInput(t, filepath.Join(dir, "bad.md"), []byte("caf\xe9\n"))
	if err := os.Chmod(filepath.Join(dir, "good.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	for _, format := range []string{"text", "json"} {
		run(t, "", "lint", "--format", format, dir)
	}
	run(t, "", "outline", filepath.Join(dir, "good.md"))
	after := snapshot(t, dir)
	if before != after {
		t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		body := ""
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			body = string(data)
		}
		b.WriteString(path + " " + info.Mode().String() + " " + info.ModTime().String() + " " + body + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
