package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// fuzzTargets lists every fuzz function in the repository's tests as
// "./package FuzzName".
func fuzzTargets(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Fuzz") && takesTestingF(fn) {
				out = append(out, "./"+filepath.ToSlash(rel)+" "+fn.Name.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func takesTestingF(fn *ast.FuncDecl) bool {
	ps := fn.Type.Params.List
	if len(ps) != 1 {
		return false
	}
	star, ok := ps[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "F"
}

// listed returns the "./package FuzzName" pairs re finds in the file at path
// (re has the package and the name as submatches, in either order given by
// pkg and name).
func listed(t *testing.T, path string, re *regexp.Regexp, pkg, name int) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[pkg]+" "+m[name])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestCIRunsEveryFuzzTarget fails when a Fuzz function exists that .ci/run
// does not fuzz, or that the "Fuzzing" list of docs/internals.md leaves out, and when either
// names a target that does not exist (go test -fuzz passes when nothing
// matches).
func TestCIRunsEveryFuzzTarget(t *testing.T) {
	root := filepath.Join("..", "..")
	have := fuzzTargets(t, root)
	if len(have) < 10 {
		t.Fatalf("found only %d fuzz targets: %v", len(have), have)
	}
	ci := listed(t, filepath.Join(root, ".ci", "run"), regexp.MustCompile(`(?m)^fuzz (\./\S+) (Fuzz\w+) `), 1, 2)
	docs := listed(t, filepath.Join(root, "docs", "internals.md"), regexp.MustCompile(`-fuzz='?\^?(Fuzz\w+)\$?'? (\./\S+)`), 2, 1)
	for what, got := range map[string][]string{".ci/run": ci, "the Fuzzing list of docs/internals.md": docs} {
		for _, target := range have {
			if !slices.Contains(got, target) {
				t.Errorf("%s does not fuzz %s", what, target)
			}
		}
		for _, target := range got {
			if !slices.Contains(have, target) {
				t.Errorf("%s fuzzes %s, which does not exist", what, target)
			}
		}
	}
}
