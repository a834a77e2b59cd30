package lint

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/noticelint/noticelint/notices"
)

// Check runs rules over one parsed notice and returns the findings sorted. A
// rule that panics is reported as a finding of its own rather than taking the
// run down: one odd notice must not cost the others their results.
func Check(n *notices.Notice, rules []*Rule) []Finding {
	var out []Finding
	for _, r := range rules {
		out = append(out, runRule(n, r)...)
	}
	Sort(out)
	return out
}

func runRule(n *notices.Notice, r *Rule) (out []Finding) {
	p := &Pass{Notice: n, rule: r}
	defer func() {
		if v := recover(); v != nil {
			out = []Finding{{File: n.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Rule: r.ID, Severity: Error,
				Message: fmt.Sprintf("internal error in rule %s: %v; please report this with the notice", r.ID, v)}}
		}
	}()
	r.Check(p)
	return p.findings
}

// Sort orders findings by file, line, column and rule, the contract every
// output format relies on.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
}

// Input is one file to lint. Read is called by a worker, so at most Jobs files
// are held in memory at once.
type Input struct {
	Path string
	Read func() ([]byte, error)
}

// FileError is a file that could not be linted; the others still are.
type FileError struct {
	File    string `json:"file"`
	Message string `json:"message"`
}

// Result is the outcome of a run, in a deterministic order whatever the
// parallelism.
type Result struct {
	Findings []Finding   `json:"findings"`
	Errors   []FileError `json:"errors"`
	Files    int         `json:"files"`
}

// Options control a run.
type Options struct {
	Rules []*Rule
	// Jobs bounds the files processed at once; 0 means GOMAXPROCS.
	Jobs int
}

// Run lints inputs in parallel with a bounded pool of workers.
func Run(inputs []Input, opt Options) Result {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type outcome struct {
		findings []Finding
		err      *FileError
	}
	results := make([]outcome, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(len(inputs), 1)) {
		wg.Go(func() {
			for i := range next {
				fs, err := lintOne(inputs[i], opt)
				results[i] = outcome{fs, err}
			}
		})
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()

	res := Result{Files: len(inputs), Findings: []Finding{}, Errors: []FileError{}}
	for _, o := range results {
		res.Findings = append(res.Findings, o.findings...)
		if o.err != nil {
			res.Errors = append(res.Errors, *o.err)
		}
	}
	Sort(res.Findings)
	slices.SortStableFunc(res.Errors, func(a, b FileError) int { return cmp.Compare(a.File, b.File) })
	return res
}

func lintOne(in Input, opt Options) (fs []Finding, ferr *FileError) {
	defer func() {
		if v := recover(); v != nil {
			fs, ferr = nil, &FileError{File: in.Path, Message: fmt.Sprintf("internal error: %v; please report this with the file", v)}
		}
	}()
	src, err := in.Read()
	if err != nil {
		return nil, &FileError{File: in.Path, Message: err.Error()}
	}
	n, err := notices.Parse(in.Path, src)
	if err != nil {
		msg := err.Error()
		var de *notices.DecodeError
		if errors.As(err, &de) {
			msg = de.Error() // the path is already in FileError.File
		}
		return nil, &FileError{File: in.Path, Message: msg}
	}
	return Check(n, opt.Rules), nil
}

// Count returns how many findings are at or above sev.
func (r Result) Count(sev Severity) int {
	c := 0
	for _, f := range r.Findings {
		if f.Severity >= sev {
			c++
		}
	}
	return c
}
