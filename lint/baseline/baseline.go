// Package baseline records a repository's known findings so that lint
// reports only new ones, and notices the recorded ones as they are fixed.
//
// Entries are keyed by file, rule and the finding's fingerprint (the titles
// of the sections it is in and a hash of the offending text), never by line
// or section number: notices move and renumber sections, and a line-keyed
// baseline would break on the first edit.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/noticelint/noticelint/lint"
)

// Name is the baseline's file name, kept at the repository root.
const Name = ".noticelint-baseline.json"

// File is the baseline as stored. Section and Message are for the people
// reviewing the file; matching uses File, Rule and Fingerprint only.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding, or several identical ones (Count).
type Entry struct {
	File        string `json:"file"`
	Rule        string `json:"rule"`
	Section     string `json:"section,omitempty"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
	Count       int    `json:"count"`
}

// DefaultPath is where the baseline lives when no path is given: the root of
// the repository holding dir, or dir itself outside a repository.
func DefaultPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.Join(dir, Name)
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return filepath.Join(d, Name)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return filepath.Join(abs, Name)
		}
		d = parent
	}
}

// Build records findings, with paths relative to the baseline's folder so
// that the file means the same from any working directory.
func Build(path string, findings []lint.Finding) (*File, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	byKey := map[[3]string]*Entry{}
	var out []*Entry
	for _, f := range findings {
		rel, err := relTo(dir, f.File)
		if err != nil {
			return nil, err
		}
		k := [3]string{rel, f.Rule, f.Fingerprint}
		if e, ok := byKey[k]; ok {
			e.Count++
			continue
		}
		e := &Entry{File: rel, Rule: f.Rule, Section: f.Titles, Fingerprint: f.Fingerprint, Message: f.Message, Count: 1}
		byKey[k] = e
		out = append(out, e)
	}
	b := &File{Version: 1, Findings: []Entry{}}
	for _, e := range out {
		b.Findings = append(b.Findings, *e)
	}
	slices.SortFunc(b.Findings, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Section, y.Section), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	return b, nil
}

func relTo(dir, file string) (string, error) {
	if file == "<stdin>" {
		return "", errors.New("a baseline cannot record standard input; name the files")
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// Marshal renders the baseline as indented JSON, one entry per object, so
// that its diffs review well.
func (b *File) Marshal() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(b) // plain structs of strings and ints always encode
	return buf.Bytes()
}

// Error is a baseline that cannot be used, at a line and column where the
// mistake has one.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Load reads a baseline. A missing file is not an error: ok is false. A
// baseline that is empty, is not one JSON object of the known shape, or
// has anything after that object is an *Error: part of a file read as the
// whole would hide the wrong findings.
func Load(path string) (b *File, ok bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, &Error{File: path, Msg: "cannot read the baseline: " + unwrapPathError(err)}
	}
	at := func(off int64, msg string) error {
		line, col := position(data, off)
		return &Error{File: path, Line: line, Col: col, Msg: msg}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, false, &Error{File: path, Msg: "the baseline is empty; write it with 'noticelint baseline write', or delete the file"}
	}
	b = &File{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(b); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, false, at(se.Offset-1, "invalid JSON: "+se.Error()) // Offset is just past the bad byte
		case errors.As(err, &te):
			return nil, false, at(te.Offset, fmt.Sprintf("%s must be %s, not a JSON %s", te.Field, te.Type, te.Value))
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, false, at(int64(len(data)), "invalid JSON: the file ends inside the baseline's object")
		}
		// An unknown key: the decoder stops past its value; point at the
		// key itself.
		off := dec.InputOffset()
		msg := strings.TrimPrefix(err.Error(), "json: ")
		if key, ok := strings.CutPrefix(msg, "unknown field "); ok {
			if i := bytes.LastIndex(data[:off], []byte(key)); i >= 0 {
				off = int64(i)
			}
		}
		return nil, false, at(off, msg)
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, false, at(int64(len(data)-len(rest)), "content after the baseline's JSON object; a baseline is one object")
	}
	if b.Version != 1 {
		return nil, false, &Error{File: path, Msg: fmt.Sprintf("baseline version %d is not supported (want 1); run 'noticelint baseline write' to rewrite it", b.Version)}
	}
	return b, true, nil
}

// position turns a byte offset into a 1-based line and column (in
// characters).
func position(data []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Filter removes the findings the baseline records (as many of each as it
// counts) and returns the rest, how many it removed, and the entries of the
// linted files that no longer occur. Entries of files not linted in this run
// are left alone: linting one notice must not call the others' entries stale.
func (b *File) Filter(path string, findings []lint.Finding, linted []string) (kept []lint.Finding, suppressed int, stale []lint.StaleEntry, err error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, 0, nil, err
	}
	left := map[[3]string]int{}
	for _, e := range b.Findings {
		left[[3]string{e.File, e.Rule, e.Fingerprint}] += e.Count
	}
	for _, f := range findings {
		rel, err := relTo(dir, f.File)
		if err == nil {
			k := [3]string{rel, f.Rule, f.Fingerprint}
			if left[k] > 0 {
				left[k]--
				suppressed++
				continue
			}
		}
		kept = append(kept, f)
	}
	ran := map[string]bool{}
	for _, f := range linted {
		if rel, err := relTo(dir, f); err == nil {
			ran[rel] = true
		}
	}
	for _, e := range b.Findings {
		k := [3]string{e.File, e.Rule, e.Fingerprint}
		if n := min(left[k], e.Count); n > 0 && ran[e.File] {
			stale = append(stale, lint.StaleEntry{File: e.File, Rule: e.Rule, Section: e.Section, Message: e.Message, Missing: n})
			left[k] -= n
		}
	}
	if kept == nil {
		kept = []lint.Finding{}
	}
	if stale == nil {
		stale = []lint.StaleEntry{}
	}
	return kept, suppressed, stale, nil
}
