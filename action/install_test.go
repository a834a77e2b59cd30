// Package action tests the script that installs noticelint for the GitHub
// Action: the release path against a fake release served locally, and the
// source build it falls back to.
package action

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// fakeBinary stands in for a release's noticelint: it answers 'version'.
func fakeBinary(version string) []byte {
	return fmt.Appendf(nil, "#!/bin/sh\necho 'noticelint %s'\n", version)
}

func tarGz(t *testing.T, name string, body []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, f := range []struct {
		name string
		body []byte
	}{{"README.md", []byte("# noticelint\n")}, {name, body}} {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o755, Size: int64(len(f.body))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(f.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipped(t *testing.T, name string, body []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(body); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// release is a fake GitHub server: files by URL path, and the paths asked.
// The test changes it between runs, the server reads it during them: both
// under mu.
type release struct {
	mu    sync.Mutex
	files map[string][]byte
	codes map[string]int // a status to answer instead of the file
	asked []string
}

func (r *release) change(f func(r *release)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
}

// requests returns the paths asked since the last call.
func (r *release) requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	asked := r.asked
	r.asked = nil
	return asked
}

func (r *release) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.asked = append(r.asked, req.URL.Path)
	if code, ok := r.codes[req.URL.Path]; ok {
		http.Error(w, http.StatusText(code), code)
		return
	}
	body, ok := r.files[req.URL.Path]
	if !ok {
		http.NotFound(w, req)
		return
	}
	_, _ = w.Write(body)
}

const dl = "/acme/noticelint/releases/download/v1.2.3/"

// newRelease serves release v1.2.3 of acme/noticelint for Linux and
// Windows on amd64, with a checksums file as GoReleaser writes it.
func newRelease(t *testing.T) (*release, *httptest.Server) {
	t.Helper()
	linux := tarGz(t, "noticelint", fakeBinary("1.2.3"))
	windows := zipped(t, "noticelint.exe", fakeBinary("1.2.3"))
	r := &release{codes: map[string]int{}, files: map[string][]byte{
		dl + "noticelint_1.2.3_linux_amd64.tar.gz": linux,
		dl + "noticelint_1.2.3_windows_amd64.zip":  windows,
		dl + "noticelint_1.2.3_checksums.txt": fmt.Appendf(nil, "%s  noticelint_1.2.3_linux_amd64.tar.gz\n%s  noticelint_1.2.3_windows_amd64.zip\n",
			sum(linux), sum(windows)),
	}}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return r, srv
}

type result struct {
	code          int
	stdout, lines string // lines: stdout and stderr together
	output        string // what the script wrote to $GITHUB_OUTPUT
	path          string // what it wrote to $GITHUB_PATH
	bin           string // the installed binary, "" when none
}

// run runs the install script as the action does, with the runner's
// environment for a Linux x64 runner and env on top.
func run(t *testing.T, srv *httptest.Server, env ...string) result {
	t.Helper()
	return runIn(t, t.TempDir(), ".", []string{"install"}, append([]string{"GITHUB_SERVER_URL=" + srv.URL}, env...))
}

// runIn runs bash with args in dir as a runner would, with tmp as
// RUNNER_TEMP.
func runIn(t *testing.T, tmp, dir string, args, env []string) result {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the script runs under bash on the runner; this test needs a Unix shell")
	}
	for _, tool := range []string{"bash", "curl", "tar"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: %v", tool, err)
		}
	}
	output, path := filepath.Join(tmp, "output"), filepath.Join(tmp, "path")
	// As the runner runs a step's bash: errors and failed pipes stop it.
	cmd := exec.Command("bash", append([]string{"--noprofile", "--norc", "-eo", "pipefail"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"RUNNER_TEMP="+tmp, "RUNNER_OS=Linux", "RUNNER_ARCH=X64",
		"GITHUB_OUTPUT="+output, "GITHUB_PATH="+path,
		"GITHUB_ACTION_PATH=/home/runner/work/_actions/acme/noticelint/v1.2.3",
		"ACTION_REF=", "ACTION_REPOSITORY=", "GITHUB_ACTION_REF=", "GITHUB_ACTION_REPOSITORY=",
		"NOTICELINT_VERSION=", "NOTICELINT_RETRIES=0")
	cmd.Env = append(cmd.Env, env...)
	var stdout, all bytes.Buffer
	cmd.Stdout = &lockedWriter{w: &stdout, also: &all}
	cmd.Stderr = &lockedWriter{w: &all}
	err := cmd.Run()
	res := result{stdout: stdout.String(), lines: all.String()}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	o, _ := os.ReadFile(output)
	p, _ := os.ReadFile(path)
	res.output, res.path = string(o), string(p)
	for _, name := range []string{"noticelint", "noticelint.exe"} {
		if bin := filepath.Join(tmp, "noticelint-bin", name); exists(bin) {
			res.bin = bin
		}
	}
	return res
}

type lockedWriter struct {
	w, also *bytes.Buffer
}

var outMu sync.Mutex

func (l *lockedWriter) Write(p []byte) (int, error) {
	outMu.Lock()
	defer outMu.Unlock()
	if l.also != nil {
		l.also.Write(p)
	}
	return l.w.Write(p)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// The release path: the archive for the runner is fetched, verified against
// the checksums file and installed; no source build is asked for.
func TestDownloadVerified(t *testing.T) {
	rel, srv := newRelease(t)
	for _, tc := range []struct {
		name string
		env  []string
		want string // the archive fetched
	}{
		{"version from the action's path", nil, "noticelint_1.2.3_linux_amd64.tar.gz"},
		{"version from the contexts", []string{"GITHUB_ACTION_PATH=", "ACTION_REF=v1.2.3", "ACTION_REPOSITORY=acme/noticelint"},
			"noticelint_1.2.3_linux_amd64.tar.gz"},
		{"version input without v", []string{"GITHUB_ACTION_PATH=/w/_actions/acme/noticelint/main", "NOTICELINT_VERSION=1.2.3"},
			"noticelint_1.2.3_linux_amd64.tar.gz"},
		{"a Windows runner takes the zip", []string{"RUNNER_OS=Windows", `GITHUB_ACTION_PATH=D:\a\_actions\acme\noticelint\v1.2.3`},
			"noticelint_1.2.3_windows_amd64.zip"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.want, ".zip") {
				if _, err := exec.LookPath("unzip"); err != nil {
					t.Skip("unzip not found")
				}
			}
			rel.requests()
			res := run(t, srv, tc.env...)
			if res.code != 0 {
				t.Fatalf("exit %d:\n%s", res.code, res.lines)
			}
			if strings.Contains(res.output, "from-source") {
				t.Errorf("asked for a source build although the release verifies: %q", res.output)
			}
			if res.bin == "" {
				t.Fatalf("no binary installed:\n%s", res.lines)
			}
			out, err := exec.Command(res.bin, "version").Output()
			if err != nil || string(out) != "noticelint 1.2.3\n" {
				t.Errorf("installed binary says %q (%v)", out, err)
			}
			if !strings.Contains(res.stdout, "verified "+tc.want+" (sha256 ") {
				t.Errorf("no verification line for %s:\n%s", tc.want, res.lines)
			}
			if strings.TrimSpace(res.path) != filepath.Dir(res.bin) {
				t.Errorf("GITHUB_PATH got %q, want %q", res.path, filepath.Dir(res.bin))
			}
			if asked, want := rel.requests(), []string{dl + "noticelint_1.2.3_checksums.txt", dl + tc.want}; fmt.Sprint(asked) != fmt.Sprint(want) {
				t.Errorf("fetched %v, want %v", asked, want)
			}
		})
	}
}

// A release that exists but does not verify fails the step; it is never
// replaced by a source build.
func TestDownloadRefused(t *testing.T) {
	const archive = dl + "noticelint_1.2.3_linux_amd64.tar.gz"
	const sums = dl + "noticelint_1.2.3_checksums.txt"
	for _, tc := range []struct {
		name   string
		change func(r *release)
		want   string
	}{
		{"archive altered after the checksums were made", func(r *release) {
			r.files[archive] = tarGz(t, "noticelint", fakeBinary("6.6.6"))
		}, "checksum mismatch for noticelint_1.2.3_linux_amd64.tar.gz"},
		{"checksums file altered", func(r *release) {
			r.files[sums] = []byte(strings.Repeat("0", 64) + "  noticelint_1.2.3_linux_amd64.tar.gz\n")
		}, "checksum mismatch"},
		{"truncated download", func(r *release) {
			r.files[archive] = r.files[archive][:len(r.files[archive])/2]
		}, "checksum mismatch"},
		{"checksum not a SHA-256", func(r *release) {
			r.files[sums] = []byte("d41d8cd98f00b204e9800998ecf8427e  noticelint_1.2.3_linux_amd64.tar.gz\n")
		}, "not a SHA-256"},
		{"archive listed but missing", func(r *release) {
			delete(r.files, archive)
		}, "HTTP 404 (noticelint_1.2.3_checksums.txt lists it)"},
		{"server error on the checksums", func(r *release) {
			r.codes[sums] = http.StatusBadGateway
		}, "HTTP 502"},
		{"binary of another version", func(r *release) {
			body := tarGz(t, "noticelint", fakeBinary("1.2.2"))
			r.files[archive] = body
			r.files[sums] = []byte(sum(body) + "  noticelint_1.2.3_linux_amd64.tar.gz\n")
		}, "says 'noticelint 1.2.2', not 'noticelint 1.2.3'"},
		{"archive without the binary", func(r *release) {
			body := tarGz(t, "other", []byte("x"))
			r.files[archive] = body
			r.files[sums] = []byte(sum(body) + "  noticelint_1.2.3_linux_amd64.tar.gz\n")
		}, "holds no noticelint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rel, srv := newRelease(t)
			rel.change(tc.change)
			res := run(t, srv)
			if res.code != 1 {
				t.Fatalf("exit %d, want 1:\n%s", res.code, res.lines)
			}
			if !strings.Contains(res.lines, "::error title=noticelint install::") || !strings.Contains(res.lines, tc.want) {
				t.Errorf("output lacks an error with %q:\n%s", tc.want, res.lines)
			}
			if strings.Contains(res.output, "from-source") {
				t.Errorf("fell back to a source build: %q", res.output)
			}
			if res.bin != "" {
				t.Errorf("installed %s although it did not verify", res.bin)
			}
		})
	}
}

// A version named in the action's input is that release or nothing: a
// source build would be the action's code under another version's number.
func TestDownloadNamedVersion(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		want string
	}{
		{"no such release", []string{"NOTICELINT_VERSION=9.9.9"}, "acme/noticelint has no release v9.9.9 (version: 9.9.9)"},
		{"not a version", []string{"NOTICELINT_VERSION=main"}, "version 'main' is not a release version (MAJOR.MINOR.PATCH)"},
		{"platform the release lacks", []string{"NOTICELINT_VERSION=1.2.3", "RUNNER_OS=macOS"}, "has no noticelint_1.2.3_darwin_amd64.tar.gz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, srv := newRelease(t)
			res := run(t, srv, tc.env...)
			if res.code != 1 || strings.Contains(res.output, "from-source") || res.bin != "" {
				t.Fatalf("exit %d, output %q, binary %q; want a failure:\n%s", res.code, res.output, res.bin, res.lines)
			}
			if !strings.Contains(res.lines, "::error title=noticelint install::") || !strings.Contains(res.lines, tc.want) {
				t.Errorf("output lacks an error with %q:\n%s", tc.want, res.lines)
			}
		})
	}
}

// Where there is no release for the version, the script asks for a source
// build, and says why.
func TestDownloadFallsBack(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		want string
		asks bool // whether the server is asked at all
	}{
		{"branch pin", []string{"GITHUB_ACTION_PATH=/w/_actions/acme/noticelint/main"}, "pinned to 'main', not a release version", false},
		{"commit pin", []string{"GITHUB_ACTION_PATH=/w/_actions/acme/noticelint/0123456789abcdef0123456789abcdef01234567"}, "not a release version", false},
		{"moving major tag", []string{"GITHUB_ACTION_PATH=/w/_actions/acme/noticelint/v1"}, "pinned to 'v1'", false},
		{"local action (uses: ./)", []string{"GITHUB_ACTION_PATH=/home/runner/work/notices/notices"}, "pinned to 'an unknown ref'", false},
		{"tag with no release", []string{"GITHUB_ACTION_PATH=/w/_actions/acme/noticelint/v9.9.9"}, "acme/noticelint has no release v9.9.9", true},
		{"platform the release lacks", []string{"RUNNER_ARCH=ARM64"}, "release v1.2.3 has no noticelint_1.2.3_linux_arm64.tar.gz", true},
		{"runner architecture with no archive", []string{"RUNNER_ARCH=X86"}, "runner architecture 'X86'", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rel, srv := newRelease(t)
			res := run(t, srv, tc.env...)
			if res.code != 0 {
				t.Fatalf("exit %d:\n%s", res.code, res.lines)
			}
			if !strings.HasPrefix(res.output, "from-source=true\nversion=") {
				t.Errorf("GITHUB_OUTPUT %q, want from-source=true and a version", res.output)
			}
			if !strings.Contains(res.lines, "::notice title=noticelint install::") || !strings.Contains(res.lines, tc.want) {
				t.Errorf("no notice saying %q:\n%s", tc.want, res.lines)
			}
			if res.bin != "" {
				t.Errorf("installed %s", res.bin)
			}
			if asked := rel.requests(); (len(asked) > 0) != tc.asks {
				t.Errorf("server asked %v, want asked=%v", asked, tc.asks)
			}
		})
	}
}

// The fallback end to end: the script finds no release for the pin and
// hands over the version to stamp; the action's own build step (run from
// action.yml as written) builds this checkout with it, and the binary is the
// real linter.
func TestBuildFromSource(t *testing.T) {
	if testing.Short() {
		t.Skip("builds noticelint")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go not found")
	}
	step := actionStep(t, "Build noticelint from source")
	if !strings.Contains(step.If, "steps.install.outputs.from-source == 'true'") {
		t.Errorf("the build step runs if %q, not on the install step's from-source", step.If)
	}
	_, srv := newRelease(t)
	for _, tc := range []struct {
		pin, want string
	}{
		{"v9.9.9", "noticelint 9.9.9\n"}, // a tag with no release
		{"main", "noticelint main\n"},
	} {
		tmp := t.TempDir()
		pin := "GITHUB_ACTION_PATH=/w/_actions/acme/noticelint/" + tc.pin
		res := runIn(t, tmp, ".", []string{"install"}, []string{"GITHUB_SERVER_URL=" + srv.URL, pin})
		version, ok := strings.CutPrefix(res.output, "from-source=true\nversion=")
		if res.code != 0 || !ok {
			t.Fatalf("pin %s: exit %d, GITHUB_OUTPUT %q:\n%s", tc.pin, res.code, res.output, res.lines)
		}
		// The step's env: VERSION from the install step's output.
		script := filepath.Join(tmp, "build-step")
		if err := os.WriteFile(script, []byte(step.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		res = runIn(t, tmp, "..", []string{script}, []string{pin, "VERSION=" + strings.TrimSpace(version)})
		if res.code != 0 || res.bin == "" {
			t.Fatalf("pin %s: build step exit %d, binary %q:\n%s", tc.pin, res.code, res.bin, res.lines)
		}
		out, err := exec.Command(res.bin, "version").Output()
		if err != nil || string(out) != tc.want {
			t.Errorf("pin %s: built binary says %q (%v), want %q", tc.pin, out, err, tc.want)
		}
		if strings.TrimSpace(res.path) != filepath.Dir(res.bin) {
			t.Errorf("GITHUB_PATH got %q, want %q", res.path, filepath.Dir(res.bin))
		}
		lint := exec.Command(res.bin, "lint", "--format", "json", filepath.Join("..", "testdata", "example", "notice.md"))
		out, err = lint.Output()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !bytes.Contains(out, []byte(`"rule"`)) {
			t.Errorf("built binary on the example: %v\n%s", err, out)
		}
	}
}

type step struct {
	Name, If, Run, Uses string
	WorkingDirectory    string `yaml:"working-directory"`
}

func actionStep(t *testing.T, name string) step {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct{ Steps []step }
	}
	if err := yaml.Unmarshal(src, &action); err != nil {
		t.Fatal(err)
	}
	for _, s := range action.Runs.Steps {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("action.yml has no step %q", name)
	return step{}
}

// The action runs this script, from its own folder.
func TestActionRunsScript(t *testing.T) {
	s := actionStep(t, "Install noticelint")
	if strings.TrimSpace(s.Run) != "bash action/install" || s.WorkingDirectory != "${{ github.action_path }}" {
		t.Errorf("install step runs %q in %q, want 'bash action/install' in the action's path", s.Run, s.WorkingDirectory)
	}
}

// The script names the release's files as .goreleaser.yaml does; a change
// to either that the other misses would make every action run fall back
// to a source build.
func TestNamesMatchGoReleaser(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		ProjectName string `yaml:"project_name"`
		Builds      []struct {
			Binary string   `yaml:"binary"`
			Goos   []string `yaml:"goos"`
			Goarch []string `yaml:"goarch"`
		} `yaml:"builds"`
		Archives []struct {
			Formats         []string `yaml:"formats"`
			NameTemplate    string   `yaml:"name_template"`
			FormatOverrides []struct {
				Goos    string   `yaml:"goos"`
				Formats []string `yaml:"formats"`
			} `yaml:"format_overrides"`
			Wrap bool `yaml:"wrap_in_directory"`
		} `yaml:"archives"`
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
			Algorithm    string `yaml:"algorithm"`
		} `yaml:"checksum"`
	}
	if err := yaml.Unmarshal(src, &cfg); err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("install")
	if err != nil {
		t.Fatal(err)
	}
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf(".goreleaser.yaml %s is %q; the install script expects %q", what, got, want)
		}
	}
	check("project_name", cfg.ProjectName, "noticelint")
	if len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf("want one build and one archive, got %d and %d", len(cfg.Builds), len(cfg.Archives))
	}
	check("builds[0].binary", cfg.Builds[0].Binary, "noticelint")
	check("builds[0].goos", strings.Join(cfg.Builds[0].Goos, ","), "linux,darwin,windows")
	check("builds[0].goarch", strings.Join(cfg.Builds[0].Goarch, ","), "amd64,arm64")
	a := cfg.Archives[0]
	check("archives[0].name_template", a.NameTemplate, "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}")
	check("archives[0].formats", strings.Join(a.Formats, ","), "tar.gz")
	if len(a.FormatOverrides) != 1 {
		t.Fatalf("want one format override (windows), got %d", len(a.FormatOverrides))
	}
	check("archives[0].format_overrides[0]", a.FormatOverrides[0].Goos+":"+strings.Join(a.FormatOverrides[0].Formats, ","), "windows:zip")
	if a.Wrap {
		t.Error(".goreleaser.yaml wraps the archive in a directory; the install script extracts noticelint from the top")
	}
	check("checksum.name_template", cfg.Checksum.NameTemplate, "{{ .ProjectName }}_{{ .Version }}_checksums.txt")
	check("checksum.algorithm", cfg.Checksum.Algorithm, "sha256")
	for _, s := range []string{
		`sums="noticelint_${version}_checksums.txt"`,
		`archive="noticelint_${version}_${os}_${arch}.${ext}"`,
		`Linux) os=linux ext=tar.gz`, `macOS) os=darwin ext=tar.gz`, `Windows) os=windows ext=zip`,
		`X64) arch=amd64`, `ARM64) arch=arm64`,
	} {
		if !bytes.Contains(script, []byte(s)) {
			t.Errorf("install script lacks %s", s)
		}
	}
}
