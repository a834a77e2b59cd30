package lint_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"

	"github.com/noticelint/noticelint/lint"
)

func mustWrite(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func names(ins []lint.Input) []string {
	var out []string
	for _, in := range ins {
		out = append(out, filepath.Base(in.Path))
	}
	return out
}

// TestCollectSymlinks: a link to a notice is linted under its own name; a
// link to a directory is not followed, so a loop ends; a broken link and a
// link to itself are each one error.
func TestCollectSymlinks(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "a.md"), "# A\n")
	for link, target := range map[string]string{"b.md": "a.md", "loop": ".", "broken.md": "gone.md", "self.md": "self.md"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("cannot make symlinks here: %v", err)
		}
	}
	ins, errs := lint.Collect([]string{dir}, nil, 0)
	if got := strings.Join(names(ins), " "); got != "a.md b.md" {
		t.Errorf("inputs %q, want a.md b.md", got)
	}
	var got []string
	for _, e := range errs {
		got = append(got, filepath.Base(e.File)+": "+e.Message)
	}
	want := "broken.md: broken symbolic link: its target does not exist|self.md: too many levels of symbolic links"
	if strings.Join(got, "|") != want {
		t.Errorf("errors %q, want %q", got, want)
	}
}

// TestCollectSizeLimit: a file over the limit is refused from its size,
// before it is read, and the message gives both sizes.
func TestCollectSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.md")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse: no 50 MB written
		t.Fatal(err)
	}
	_ = f.Close()
	ins, errs := lint.Collect([]string{path}, nil, 0)
	if len(ins) != 1 || len(errs) != 0 {
		t.Fatalf("%d inputs, %d errors", len(ins), len(errs))
	}
	_, err = ins[0].Read()
	want := "file is 52,428,800 bytes (50 MiB), over the --max-size limit of 16,777,216 bytes (16 MiB); raise the limit if this really is one notice"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	ins, _ = lint.Collect([]string{path}, nil, 1500)
	if _, err = ins[0].Read(); err == nil || !strings.Contains(err.Error(), "over the --max-size limit of 1,500 bytes") {
		t.Errorf("err = %v", err)
	}
}

// TestCollectStdin: standard input that ends early is an error, not half a
// notice; input over the limit is refused; empty input is an empty notice.
func TestCollectStdin(t *testing.T) {
	tests := []struct {
		name string
		in   io.Reader
		want string
	}{
		{"closed early", io.MultiReader(strings.NewReader("# Notice\n"), iotest.ErrReader(syscall.EIO)), "read failed after 9 bytes: input/output error"},
		{"over the limit", strings.NewReader(strings.Repeat("x", 2000)), "input is over the --max-size limit of 1,000 bytes"},
		{"empty", strings.NewReader(""), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, errs := lint.Collect([]string{"-", "-"}, tt.in, 1000)
			if len(ins) != 1 || len(errs) != 0 {
				t.Fatalf("%d inputs, %d errors; want one input for - given twice", len(ins), len(errs))
			}
			b, err := ins[0].Read()
			switch {
			case tt.want == "" && (err != nil || len(b) != 0):
				t.Errorf("read %q, %v; want nothing", b, err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestCollectUnreadableDirectory: one error line for a directory that cannot
// be listed, not a second one saying it holds no notices. Permission bits do
// not stop root, so the test skips there.
func TestCollectUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads directories whatever their mode")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	_, errs := lint.Collect([]string{dir}, nil, 0)
	if len(errs) != 1 || errs[0].Message != "permission denied" {
		t.Errorf("errors %+v, want one: permission denied", errs)
	}
}

// TestSizeMessagesExact: at the limit a rounded size reads as equal to it
// ("16.0 MiB, over the limit of 16 MiB"); the message gives exact bytes.
func TestSizeMessagesExact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "just-over.md")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(16<<20 + 1); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	ins, _ := lint.Collect([]string{path}, nil, 0)
	_, err = ins[0].Read()
	want := "file is 16,777,217 bytes, over the --max-size limit of 16,777,216 bytes (16 MiB); raise the limit if this really is one notice"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 999: "999 bytes", 1000: "1,000 bytes", 1 << 20: "1,048,576 bytes (1 MiB)", 1<<30 + 5: "1,073,741,829 bytes"} {
		if got := lint.Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}
