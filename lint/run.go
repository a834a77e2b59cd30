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

// Check runs the rules of opt over one parsed notice under settings s (nil
// for the defaults), applies the notice's inline suppressions and returns the
// findings sorted. A rule that panics is reported as a finding of its own
// rather than taking the run down: one odd notice must not cost the others
// their results.
func Check(n *notices.Notice, s *Settings, opt Options) []Finding {
	out, _ := CheckSuppressed(n, s, opt)
	return out
}

// Suppressed is a finding an inline suppression hid, with the reason its
// directive gives ("" when it gives none) and the directive's line.
type Suppressed struct {
	Finding Finding
	Reason  string
	Line    int
}

// CheckSuppressed is Check that also returns the findings the notice's
// inline suppressions hid, for reports that list what was signed off
// (noticelint checklist) rather than leave it out.
func CheckSuppressed(n *notices.Notice, s *Settings, opt Options) ([]Finding, []Suppressed) {
	var out []Finding
	ran := map[string]bool{}
	var engine []*Rule
	facts := n.Facts.With(s.facts())
	for _, r := range opt.Rules {
		if !opt.Explicit && !s.active(r) {
			continue
		}
		ran[r.ID] = true
		if r.Check == nil {
			engine = append(engine, r)
			continue
		}
		out = append(out, runRule(&Pass{Notice: n, Org: s.org(), facts: facts, rule: r, severity: s.severity(r), options: s.options(r)})...)
	}
	known := opt.Known
	if known == nil {
		known = opt.Rules
	}
	ids := make([]string, 0, len(known))
	isKnown := map[string]bool{}
	for _, r := range known {
		ids = append(ids, r.ID)
		isKnown[r.ID] = true
	}
	sp := newSuppressor(n, s, isKnown, ids, s.severity(InvalidSuppression))
	out, suppressed := sp.split(out)
	for _, r := range engine {
		switch r.ID {
		case UnusedSuppression.ID:
			out = append(out, sp.unused(ran, s.severity(r))...)
		case InvalidSuppression.ID:
			out = append(out, sp.invalid...)
		}
	}
	Sort(out)
	return out, suppressed
}

func runRule(p *Pass) (out []Finding) {
	defer func() {
		if v := recover(); v != nil {
			out = []Finding{{File: p.Notice.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Rule: p.rule.ID, Severity: Error,
				Message: fmt.Sprintf("internal error in rule %s: %v; please report this with the notice", p.rule.ID, v)}}
		}
	}()
	p.rule.Check(p)
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
	// Settings is the configuration that applies to the file; nil means the
	// defaults.
	Settings *Settings
}

// FileError is a file that could not be used: a notice that could not be
// read or decoded (the others are still linted), or a mistake in a
// configuration or baseline, at a line and column where it has one.
type FileError struct {
	File string `json:"file"`
	// Line and Column are 1-based, and 0 when the error is about the file
	// as a whole.
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	// Kind is what the file is: InputError, ConfigError or BaselineError.
	Kind string `json:"kind"`
}

// The kinds of FileError.
const (
	InputError    = "input"
	ConfigError   = "configuration"
	BaselineError = "baseline"
)

// Where is the error's position as the text formats print it: "FILE",
// "FILE:LINE" or "FILE:LINE:COL".
func (e FileError) Where() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return e.File
}

// kind is the error's Kind, InputError when it is unset.
func (e FileError) kind() string {
	if e.Kind == "" {
		return InputError
	}
	return e.Kind
}

// SortErrors orders errors by file, line and column, the order every
// format prints them in.
func SortErrors(errs []FileError) {
	slices.SortStableFunc(errs, func(a, b FileError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

// Result is the outcome of a run, in a deterministic order whatever the
// parallelism.
type Result struct {
	Findings []Finding   `json:"findings"`
	Errors   []FileError `json:"errors"`
	Files    int         `json:"files"`
	// NotLinted counts the notices found but not linted because the
	// configuration that governs them has errors: their settings are
	// unknown. The configuration's errors are in Errors.
	NotLinted int `json:"not_linted"`
	// Baseline says what the baseline hid and which of its entries no longer
	// occur; it is absent when no baseline was used.
	Baseline *BaselineSummary `json:"baseline,omitempty"`
	// Linted lists the files read and checked, sorted, so that reports with
	// an entry per file (JUnit, Checkstyle) include the clean ones.
	Linted []string `json:"-"`
}

// BaselineSummary is what a baseline did to a run.
type BaselineSummary struct {
	File string `json:"file"`
	// Suppressed counts the findings the baseline hid.
	Suppressed int `json:"suppressed"`
	// Stale are the entries of linted files that no longer occur, so the
	// baseline can shrink as notices are fixed.
	Stale []StaleEntry `json:"stale"`
}

// StaleEntry is a recorded finding that is gone: Missing of its Count.
type StaleEntry struct {
	File    string `json:"file"`
	Rule    string `json:"rule"`
	Section string `json:"section"`
	Message string `json:"message"`
	Missing int    `json:"missing"`
}

// Options control a run.
type Options struct {
	// Rules are the rules to run, the engine's suppression checks included.
	Rules []*Rule
	// Known lists every rule that exists, so that a suppression naming a rule
	// left out of Rules is not mistaken for a typo. Nil means Rules.
	Known []*Rule
	// Explicit says Rules were named on the command line: they run even where
	// a file's configuration turns them off.
	Explicit bool
	// Jobs bounds the files processed at once; 0 means GOMAXPROCS.
	Jobs int
	// Hold, when set, is told the size of each notice once it is read, and
	// the function it returns is called when the notice has been linted: the
	// command sets the garbage collector by the notices in memory.
	Hold func(size int) (release func())
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
	for i, o := range results {
		res.Findings = append(res.Findings, o.findings...)
		if o.err != nil {
			res.Errors = append(res.Errors, *o.err)
		} else {
			res.Linted = append(res.Linted, inputs[i].Path)
		}
	}
	slices.Sort(res.Linted)
	Sort(res.Findings)
	SortErrors(res.Errors)
	return res
}

func lintOne(in Input, opt Options) (fs []Finding, ferr *FileError) {
	defer func() {
		if v := recover(); v != nil {
			fs, ferr = nil, &FileError{File: in.Path, Kind: InputError, Message: fmt.Sprintf("internal error: %v; please report this with the file", v)}
		}
	}()
	src, err := in.Read()
	if err != nil {
		return nil, &FileError{File: in.Path, Kind: InputError, Message: err.Error()}
	}
	if opt.Hold != nil {
		defer opt.Hold(len(src))()
	}
	n, err := notices.Parse(in.Path, src)
	if err != nil {
		fe := &FileError{File: in.Path, Kind: InputError, Message: err.Error()}
		var de *notices.DecodeError
		if errors.As(err, &de) { // the path is already in File
			fe.Message = de.Reason
			if de.Line > 0 {
				fe.Line, fe.Column = de.Line, de.Col
				fe.Message = fmt.Sprintf("%s (byte offset %d)", de.Reason, de.Offset)
			}
		}
		return nil, fe
	}
	return Check(n, in.Settings, opt), nil
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
