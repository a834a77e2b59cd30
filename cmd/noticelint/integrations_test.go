package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The GitHub Action and the pre-commit hook cannot run here, so these tests
// check what can go wrong locally: the files parse, every shell step is valid
// bash, and the commands and flags they use exist.

func TestActionYAML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Name   string
		Inputs map[string]struct {
			Default string
		}
		Runs struct {
			Using string
			Steps []struct {
				Name             string
				Uses             string
				Shell            string
				Run              string
				WorkingDirectory string `yaml:"working-directory"`
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", action.Runs.Using)
	}
	for _, in := range []string{"paths", "args", "sarif", "sarif-file"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("input %q missing", in)
		}
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not installed")
	}
	var script strings.Builder
	for _, s := range action.Runs.Steps {
		if s.Run == "" {
			continue
		}
		if s.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash", s.Name, s.Shell)
		}
		cmd := exec.Command(bash, "-n")
		cmd.Stdin = strings.NewReader(s.Run)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("step %q is not valid bash: %v\n%s", s.Name, err, out)
		}
		script.WriteString(s.Run)
	}
	// The flags the action passes must exist.
	lint := newLintCmd()
	for _, flag := range []string{"format"} {
		if lint.Flags().Lookup(flag) == nil {
			t.Errorf("action uses --%s, which lint does not have", flag)
		}
	}
	for _, want := range []string{`lint "${formats[@]}"`, "--format github", `"sarif=$SARIF_FILE"`, "./cmd/noticelint"} {
		if !strings.Contains(script.String(), want) {
			t.Errorf("action steps lack %q", want)
		}
	}
}

func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language string
		Types               []string
		RequireSerial       bool `yaml:"require_serial"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "noticelint" || hooks[0].Language != "golang" || hooks[0].Entry != "noticelint lint" {
		t.Fatalf("hooks = %+v", hooks)
	}
	// pre-commit splits a long file list over parallel runs unless the hook
	// is serial: one commit would print two summaries, and noticelint lints
	// files in parallel itself.
	if !hooks[0].RequireSerial {
		t.Error("the hook must set require_serial: true")
	}
	// pre-commit appends the staged files to the entry: that must lint them.
	out, _, code := run(t, "", "lint", "-q", "--color", "never", example)
	if code != 1 || !strings.Contains(out, "notice.md:") {
		t.Errorf("entry with a file argument: exit %d\n%s", code, out)
	}
}
