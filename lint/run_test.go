package lint_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

var panicky = &lint.Rule{ID: "panicky", Severity: lint.Warning, Check: func(*lint.Pass) { panic("boom") }}

var everyPara = &lint.Rule{ID: "every-para", Severity: lint.Info, Check: func(p *lint.Pass) {
	for _, para := range p.Notice.Paras() {
		p.Report(para.Span(), para.Section, "para", "")
	}
}}

// A rule that panics costs only its own findings, and says so.
func TestCheckRecoversFromPanics(t *testing.T) {
	n, err := notices.Parse("x.md", []byte("1. A\n\n1.1 Text.\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := lint.Check(n, nil, lint.Options{Rules: []*lint.Rule{panicky, everyPara}})
	if len(fs) != 2 || fs[0].Rule != "panicky" || !strings.Contains(fs[0].Message, "internal error") || fs[1].Section != "1.1" {
		t.Errorf("findings = %+v", fs)
	}
}

func TestRunOrderAndErrors(t *testing.T) {
	src := func(s string) func() ([]byte, error) { return func() ([]byte, error) { return []byte(s), nil } }
	inputs := []lint.Input{
		{Path: "b.md", Read: src("# Title\n\none\n\ntwo\n")},
		{Path: "a.md", Read: src("# Title\n\nthree\n")},
		{Path: "c.md", Read: func() ([]byte, error) { return nil, errors.New("permission denied") }},
		{Path: "d.md", Read: src("bad \xff")},
	}
	for _, jobs := range []int{1, 4} {
		res := lint.Run(inputs, lint.Options{Rules: []*lint.Rule{everyPara}, Jobs: jobs})
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.File)
		}
		if strings.Join(got, ",") != "a.md,b.md,b.md" {
			t.Errorf("jobs=%d: findings in order %v", jobs, got)
		}
		if len(res.Errors) != 2 || res.Errors[0].File != "c.md" || res.Errors[1].Where() != "d.md:1:5" ||
			!strings.HasPrefix(res.Errors[1].Message, "invalid UTF-8") || res.Errors[1].Kind != lint.InputError {
			t.Errorf("jobs=%d: errors %+v", jobs, res.Errors)
		}
		if res.Files != 4 || res.Count(lint.Info) != 3 || res.Count(lint.Warning) != 0 {
			t.Errorf("jobs=%d: files %d, counts %d/%d", jobs, res.Files, res.Count(lint.Info), res.Count(lint.Warning))
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]lint.Severity{"error": lint.Error, "WARNING": lint.Warning, "info": lint.Info} {
		if got, err := lint.ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := lint.ParseSeverity("loud"); err == nil {
		t.Error("ParseSeverity accepted \"loud\"")
	}
}
