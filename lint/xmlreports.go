package lint

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/noticelint/noticelint/lint/sanitize"
)

// JUnit and Checkstyle XML are what CI systems without SARIF support read:
// GitLab, Jenkins and Azure DevOps show JUnit as test reports, and many code
// review tools take Checkstyle.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

// The elements and attributes are those the junit-10 schema allows, which
// the Jenkins xUnit plugin enforces: a suite may name its file, a test case
// has no file or line, so each finding's location is in the failure's text.
type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	File     string      `xml:"file,attr,omitempty"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	// Text keeps the findings' lines readable in the raw file. encoding/xml
	// splits a "]]>" in CDATA but does not filter its characters: it must go
	// through sanitize.XML.
	Text string `xml:",cdata"`
}

// WriteJUnit prints one test suite a file and one test case a rule: a rule
// with findings in the file fails, and its failure lists them. A file that
// could not be read is a suite with one erroring case. Every text from a
// notice or a path goes through sanitize.XML.
func WriteJUnit(w io.Writer, res Result, rules []*Rule) error {
	x := sanitize.XML
	byFile := map[string][]Finding{}
	var files []string
	for _, f := range res.Findings {
		if _, ok := byFile[f.File]; !ok {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	for _, f := range res.Linted {
		if _, ok := byFile[f]; !ok {
			files = append(files, f)
			byFile[f] = nil
		}
	}
	slices.Sort(files)
	files = slices.Compact(files)
	out := junitSuites{Name: "noticelint"}
	for _, file := range files {
		s := junitSuite{Name: x(file), File: x(file)}
		for _, r := range rules {
			c := junitCase{Name: r.ID, Classname: x(file)}
			var lines []string
			first := ""
			worst := Info
			for _, f := range byFile[file] {
				if f.Rule != r.ID {
					continue
				}
				if len(lines) == 0 {
					first = fmt.Sprintf("line %d, column %d", f.Line, f.Column)
				}
				worst = max(worst, f.Severity)
				line := fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Severity, f.Message)
				if f.Fix != "" {
					line += "\n    fix: " + f.Fix
				}
				lines = append(lines, line)
			}
			if len(lines) > 0 {
				c.Failure = &junitProblem{Message: fmt.Sprintf("%s: %s, the first at %s", r.ID, plural(len(lines), "finding"), first), Type: worst.String(),
					Text: x(strings.Join(lines, "\n"))}
				s.Failures++
			}
			s.Cases = append(s.Cases, c)
		}
		s.Tests = len(s.Cases)
		out.Suites = append(out.Suites, s)
	}
	// One suite a file with errors, one erroring case an error: a
	// configuration can have several mistakes.
	errSuite := map[string]int{}
	for _, e := range res.Errors {
		i, ok := errSuite[e.File]
		if !ok {
			i = len(out.Suites)
			errSuite[e.File] = i
			out.Suites = append(out.Suites, junitSuite{Name: x(e.File), File: x(e.File)})
		}
		name := "read"
		if e.kind() != InputError {
			name = e.kind()
		}
		if e.Line > 0 {
			name += fmt.Sprintf(" at line %d", e.Line)
			if e.Column > 0 {
				name += fmt.Sprintf(", column %d", e.Column)
			}
		}
		s := &out.Suites[i]
		s.Cases = append(s.Cases, junitCase{Name: name, Classname: x(e.File),
			Error: &junitProblem{Message: x(e.Message), Type: e.kind(), Text: x(e.Where() + ": " + e.Message)}})
		s.Tests++
		s.Errors++
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
	}
	return writeXML(w, out)
}

type checkstyle struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// WriteCheckstyle prints the Checkstyle XML format: a file element for every
// linted file, an error element for each finding, source "noticelint.RULE".
// Files that could not be read carry one error with source "noticelint.input".
// Every text from a notice or a path goes through sanitize.XML.
func WriteCheckstyle(w io.Writer, res Result) error {
	x := sanitize.XML
	out := checkstyle{Version: "4.3"}
	idx := map[string]int{}
	add := func(file string) int {
		if i, ok := idx[file]; ok {
			return i
		}
		idx[file] = len(out.Files)
		out.Files = append(out.Files, checkstyleFile{Name: x(file)})
		return idx[file]
	}
	files := append([]string{}, res.Linted...)
	for _, f := range res.Findings {
		files = append(files, f.File)
	}
	for _, e := range res.Errors {
		files = append(files, e.File)
	}
	slices.Sort(files)
	files = slices.Compact(files)
	for _, f := range files {
		add(f)
	}
	for _, f := range res.Findings {
		msg := f.Message
		if f.Fix != "" {
			msg += " Fix: " + f.Fix
		}
		i := add(f.File)
		out.Files[i].Errors = append(out.Files[i].Errors, checkstyleError{Line: f.Line, Column: f.Column,
			Severity: f.Severity.String(), Message: x(msg), Source: "noticelint." + x(f.Rule)})
	}
	for _, e := range res.Errors {
		i := add(e.File)
		out.Files[i].Errors = append(out.Files[i].Errors, checkstyleError{Line: max(e.Line, 1), Column: max(e.Column, 1),
			Severity: "error", Message: x(e.Message), Source: "noticelint." + e.kind()})
	}
	return writeXML(w, out)
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
