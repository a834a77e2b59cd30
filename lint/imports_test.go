package lint_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/noticelint/noticelint/"

// The engine sits below the rules: rules import lint, never the other way.
// No file under lint/, test or not, imports the rules package, directly or
// through another package of the module.
func TestLintNeverImportsRules(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	// imports returns the module packages the .go files of dir import,
	// tests included when tests is set.
	imports := func(dir string, tests bool) []string {
		var out []string
		matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range matches {
			if !tests && strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, im := range file.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				if rest, ok := strings.CutPrefix(p, module); ok {
					out = append(out, rest)
				}
			}
		}
		return out
	}
	var dirs []string
	err = filepath.WalkDir(filepath.Join(root, "lint"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() {
			dirs = append(dirs, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		rel, _ := filepath.Rel(root, dir)
		rel = filepath.ToSlash(rel)
		// Breadth first from the package's own imports, remembering the path.
		via := map[string]string{}
		queue := []string{}
		for _, p := range imports(dir, true) {
			if _, ok := via[p]; !ok {
				via[p] = rel
				queue = append(queue, p)
			}
		}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			if p == "rules" || strings.HasPrefix(p, "rules/") {
				chain := []string{p}
				for q := via[p]; q != rel; q = via[q] {
					chain = append([]string{q}, chain...)
				}
				t.Errorf("%s imports %s (via %s)", rel, p, strings.Join(append([]string{rel}, chain...), " -> "))
				continue
			}
			for _, q := range imports(filepath.Join(root, filepath.FromSlash(p)), false) {
				if _, ok := via[q]; !ok {
					via[q] = p
					queue = append(queue, q)
				}
			}
		}
	}
	if len(dirs) < 5 {
		t.Fatalf("found only %d packages under lint/", len(dirs))
	}
}
