package doclinks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepositoryPages checks README.md and every page of docs/: a reader of
// a fresh clone can follow each relative link, and is sent nowhere outside
// the repository.
func TestRepositoryPages(t *testing.T) {
	root := filepath.Join("..", "..")
	pages := []string{"README.md"}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		pages = append(pages, "docs/"+filepath.Base(d))
	}
	if len(pages) < 5 {
		t.Fatalf("found only %v: the search is broken", pages)
	}
	problems, err := Check(root, pages)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestCheckFinds runs the check on pages made to hold each mistake, and on
// the links it must accept.
func TestCheckFinds(t *testing.T) {
	root := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("README.md", strings.Join([]string{
		"# Tool",
		"## Exit codes",
		"## Exit codes",
		"## `lint` flags: the list",
		"Fine: [docs](docs/ci.md), [anchor](docs/ci.md#json-output), [here](#exit-codes), [again](#exit-codes-1),",
		"[flags](#lint-flags-the-list), [site](https://example.org/x.md), [mail](mailto:a@example.org), [dir](docs/).",
		"Missing: [gone](docs/checklist.md).",
		"Bad anchor: [x](docs/ci.md#nowhere) and [y](#exit-code).",
		"Outside: [seeds](../shared/seeds/a.txt).",
		"Run `scripts/bench ../shared/corpus`.",
		"```sh",
		"see [not a link](nowhere.md)",
		"```",
		"",
	}, "\n"))
	write("docs/ci.md", "# CI\n\n## JSON output\n\nBack to [README](../README.md#tool).\n")
	problems, err := Check(root, []string{"README.md", "docs/ci.md"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`README.md:7: link "docs/checklist.md": docs/checklist.md does not exist`,
		`README.md:8: link "docs/ci.md#nowhere": docs/ci.md has no heading with anchor #nowhere`,
		`README.md:8: link "#exit-code": README.md has no heading with anchor #exit-code`,
		`README.md:9: names "../shared", outside the repository`,
		`README.md:9: link "../shared/seeds/a.txt" leaves the repository`,
		`README.md:10: names "../shared", outside the repository`,
	}
	if len(problems) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(problems), len(want), strings.Join(problems, "\n"))
	}
	for _, w := range want {
		found := false
		for _, p := range problems {
			found = found || strings.HasPrefix(p, w)
		}
		if !found {
			t.Errorf("no problem %q in:\n%s", w, strings.Join(problems, "\n"))
		}
	}
}

// TestSetUpCommands keeps README's two set-up commands, as a new user
// copies them, equal to what .ci/run runs, so CI fails when either drifts.
func TestSetUpCommands(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{
		"go run ./cmd/noticelint lint testdata/example/notice.md",
		"go test -race ./...",
	} {
		if !strings.Contains(string(readme), "```sh\n"+cmd+"\n```\n") {
			t.Errorf("README.md has no sh block holding just %q", cmd)
		}
		if !strings.Contains("\n"+string(ci), "\n"+cmd) {
			t.Errorf(".ci/run does not run %q", cmd)
		}
	}
}

// TestREADMEExampleOutput keeps README's first console block true: it must be
// the golden text output of the bundled example (testdata/golden, which the
// lint package's golden test regenerates), so a rule's new wording cannot
// leave the first thing a newcomer reads stale.
func TestREADMEExampleOutput(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join(root, "testdata", "golden", "example.text"))
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "$ noticelint lint testdata/example/notice.md\n"
	_, block, ok := strings.Cut(string(readme), prompt)
	if !ok {
		t.Fatalf("README.md has no console block starting %q", prompt)
	}
	block, _, ok = strings.Cut(block, "```")
	if !ok {
		t.Fatal("README.md's example console block is not closed")
	}
	want := strings.ReplaceAll(string(golden), "../../testdata/", "testdata/")
	if block != want {
		t.Errorf("README.md's example output differs from testdata/golden/example.text; paste the golden text (paths from the repository root):\n%s", want)
	}
}
