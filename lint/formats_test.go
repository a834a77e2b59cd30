package lint_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/noticelint/noticelint/lint"
)

var update = flag.Bool("update", false, "rewrite golden files")

var fmtRules = []*lint.Rule{
	{ID: "cross-reference", Summary: "References point at the right section", Severity: lint.Error,
		Doc: "Why: a reference to the wrong section sends the reader nowhere.\n\nFails:\n  See section 15.\n\nFix: point it at the right section."},
	{ID: "ico-registration", Summary: "The notice gives a well-formed ICO number", Severity: lint.Warning,
		Doc: "Why: the register lets a reader check the controller.\n\nFix: copy the number."},
	{ID: "rights-list", Summary: "Lists name all eight rights", Severity: lint.Error, Doc: "Why: Art 13(2)(b).\n\nFix: add them."},
}

// A result with what breaks naive renderers: commas, colons, percent signs and
// newlines (GitHub's command syntax), XML's special characters, a notice-level
// finding, two identical findings (SARIF fingerprints), a clean file, files
// that could not be read (one at a position) and a configuration mistake.
func fmtResult() lint.Result {
	return lint.Result{
		Files:  4,
		Linted: []string{"notices/a.md", "notices/b, c.md", "notices/clean.md"},
		Findings: []lint.Finding{
			{File: "notices/a.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Rule: "ico-registration", Severity: lint.Warning,
				Message: "The notice gives no ICO registration number for the controller.", Fix: "State it: \"ZB123456\".", Fingerprint: "1111111111111111"},
			{File: "notices/a.md", Line: 12, Column: 5, EndLine: 12, EndColumn: 15, Rule: "cross-reference", Severity: lint.Error, Section: "3.4",
				Message: "\"section 15\" points to section 15 ('Fees: 100% <free> & more'), not to complaints.", Fix: "Point it to section 16.\nThen re-read 3.5.",
				Fingerprint: "2222222222222222"},
			{File: "notices/a.md", Line: 14, Column: 5, EndLine: 14, EndColumn: 15, Rule: "cross-reference", Severity: lint.Error, Section: "3.4",
				Message: "\"section 15\" points to section 15 ('Fees: 100% <free> & more'), not to complaints.", Fingerprint: "2222222222222222"},
			{File: "notices/b, c.md", Line: 3, Column: 2, EndLine: 4, EndColumn: 7, Rule: "rights-list", Severity: lint.Info, Section: "Appendix 1",
				Message: "This list names 6 of the 8 rights.", Fingerprint: "3333333333333333"},
		},
		Errors: []lint.FileError{
			{File: "notices/.noticelint.yml", Line: 3, Column: 5, Kind: lint.ConfigError,
				Message: `unknown key "severty" in rule dpo-contact (did you mean "severity"?)`},
			{File: "notices/bad.md", Line: 1, Column: 5, Kind: lint.InputError, Message: "invalid UTF-8; save the file as UTF-8 (byte offset 4)"},
			{File: "notices/gone.md", Kind: lint.InputError, Message: "no such file or directory"},
		},
		NotLinted: 2,
	}
}

func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint -update)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, d)
	}
}

func TestFormatsGolden(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer) error{
		"sarif":      func(b *bytes.Buffer) error { return lint.WriteSARIF(b, fmtResult(), fmtRules, "1.2.3") },
		"github":     func(b *bytes.Buffer) error { return lint.WriteGitHub(b, fmtResult()) },
		"gitlab":     func(b *bytes.Buffer) error { return lint.WriteGitLab(b, fmtResult()) },
		"junit":      func(b *bytes.Buffer) error { return lint.WriteJUnit(b, fmtResult(), fmtRules) },
		"checkstyle": func(b *bytes.Buffer) error { return lint.WriteCheckstyle(b, fmtResult()) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			goldenFile(t, "formats."+name, b.Bytes())
		})
	}
}

// The SARIF log must be valid against the SARIF 2.1.0 schema, which GitHub
// code scanning enforces on upload. go-sarif validates a report against the
// schema it embeds; reading our bytes back and writing them again unchanged
// shows the report validated is exactly the one printed.
func TestSARIFSchema(t *testing.T) {
	var b bytes.Buffer
	if err := lint.WriteSARIF(&b, fmtResult(), fmtRules, "1.2.3"); err != nil {
		t.Fatal(err)
	}
	rep, err := sarif.FromBytes(b.Bytes(), sarif.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Validate(); err != nil {
		t.Fatalf("SARIF output is not valid SARIF 2.1.0: %v", err)
	}
	var again bytes.Buffer
	if err := rep.PrettyWrite(&again); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(strings.TrimSpace(b.String()), again.String()); d != "" {
		t.Errorf("validated report differs from the printed one:\n%s", d)
	}

	var doc struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string            `json:"id"`
						Name             string            `json:"name"`
						ShortDescription map[string]string `json:"shortDescription"`
						FullDescription  map[string]string `json:"fullDescription"`
						Help             map[string]string `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool  `json:"executionSuccessful"`
				Notifications       []any `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "noticelint" || len(run.Tool.Driver.Rules) != len(fmtRules) {
		t.Fatalf("driver wrong: %+v", run.Tool.Driver)
	}
	for i, r := range run.Tool.Driver.Rules {
		if r.ID != fmtRules[i].ID || r.Name == "" || r.ShortDescription["text"] == "" || r.FullDescription["text"] == "" || r.Help["text"] == "" {
			t.Errorf("rule %d lacks a name or a description: %+v", i, r)
		}
	}
	levels := []string{"warning", "error", "error", "note"}
	for i, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID || r.Level != levels[i] {
			t.Errorf("result %d: rule %s at index %d, level %s (want %s)", i, r.RuleID, r.RuleIndex, r.Level, levels[i])
		}
	}
	if a, b := run.Results[1].PartialFingerprints, run.Results[2].PartialFingerprints; a["noticelintFingerprint/v1"] == b["noticelintFingerprint/v1"] {
		t.Errorf("two identical findings share a partial fingerprint %v", a)
	}
	if inv := run.Invocations[0]; inv.ExecutionSuccessful || len(inv.Notifications) != 3 {
		t.Errorf("the errors are not failed-execution notifications: %+v", inv)
	}
}

// The XML formats must be well-formed and count what they contain.
func TestXMLFormatsParse(t *testing.T) {
	var b bytes.Buffer
	if err := lint.WriteJUnit(&b, fmtResult(), fmtRules); err != nil {
		t.Fatal(err)
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Text string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(b.Bytes(), &suites); err != nil {
		t.Fatal(err)
	}
	// 3 linted files x 3 rules, plus one erroring case for each error.
	if suites.Tests != 12 || suites.Failures != 3 || suites.Errors != 3 || len(suites.Suites) != 6 {
		t.Errorf("junit counts: tests %d failures %d errors %d suites %d", suites.Tests, suites.Failures, suites.Errors, len(suites.Suites))
	}
	if f := suites.Suites[0].Cases[0].Failure; f == nil || strings.Count(f.Text, "notices/a.md:") != 2 || !strings.Contains(f.Text, "<free> & more") {
		t.Errorf("a.md's cross-reference failure should list both findings: %+v", f)
	}

	b.Reset()
	if err := lint.WriteCheckstyle(&b, fmtResult()); err != nil {
		t.Fatal(err)
	}
	var cs struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Source string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(b.Bytes(), &cs); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range cs.Files {
		got = append(got, f.Name+":"+strings.Repeat("E", len(f.Errors)))
	}
	if strings.Join(got, " ") != "notices/.noticelint.yml:E notices/a.md:EEE notices/b, c.md:E notices/bad.md:E notices/clean.md: notices/gone.md:E" {
		t.Errorf("checkstyle files: %v", got)
	}
}

// A notice's text can hold "]]>", which would end a CDATA section early and
// let the rest be read as markup; the report must carry it as text.
func TestJUnitCDATAEnd(t *testing.T) {
	res := lint.Result{Files: 1, Linted: []string{"n.md"}, Findings: []lint.Finding{{File: "n.md", Line: 2, Column: 1,
		Rule: "cross-reference", Severity: lint.Error, Message: `"see ]]><x/> section 9" points nowhere.`}}}
	var b bytes.Buffer
	if err := lint.WriteJUnit(&b, res, fmtRules); err != nil {
		t.Fatal(err)
	}
	var suites struct {
		Suites []struct {
			Cases []struct {
				Failure *struct {
					Text string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(b.Bytes(), &suites); err != nil {
		t.Fatalf("%v in\n%s", err, b.String())
	}
	if len(suites.Suites) != 1 || suites.Suites[0].Cases[0].Failure == nil || !strings.Contains(suites.Suites[0].Cases[0].Failure.Text, "see ]]><x/> section 9") {
		t.Errorf("the message did not survive as text:\n%s", b.String())
	}
}
