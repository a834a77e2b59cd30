package redline

import (
	"encoding/json"
	"io"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// The JSON report is a public contract, documented in docs/diff.md: keys may be
// added, never renamed. Lists are always arrays, never null.

type jsonReport struct {
	Tool       string        `json:"tool,omitempty"`
	Old        jsonFile      `json:"old"`
	New        jsonFile      `json:"new"`
	Changed    bool          `json:"changed"`
	Title      *jsonTitle    `json:"title_change"`
	Summary    Counts        `json:"summary"`
	Preamble   []jsonEdit    `json:"preamble"`
	Sections   []jsonSection `json:"sections"`
	References []jsonRef     `json:"references"`
	Findings   jsonFindings  `json:"findings"`
	// Elements are the required-content elements the change removed or
	// added.
	Elements []ElementChange `json:"elements"`
	Coarse   bool            `json:"coarse"`
}

type jsonFile struct {
	File     string `json:"file"`
	Title    string `json:"title"`
	Sections int    `json:"sections"`
	Version
}

type jsonTitle struct {
	Old string `json:"old"`
	New string `json:"new"`
}

type jsonSide struct {
	Number string `json:"number"`
	Title  string `json:"title"`
	Line   int    `json:"line"`
}

type jsonEdit struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

type jsonSection struct {
	ID         string        `json:"id"`
	Change     []string      `json:"change"`
	Old        *jsonSide     `json:"old"`
	New        *jsonSide     `json:"new"`
	Similarity float64       `json:"similarity"`
	Parts      []jsonSide    `json:"parts"`
	Edits      []jsonEdit    `json:"edits"`
	Clauses    []jsonSection `json:"clauses"`
}

type jsonRef struct {
	Text      string    `json:"text"`
	File      string    `json:"file"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	Section   string    `json:"section"`
	OldTarget jsonSide  `json:"old_target"`
	NewTarget *jsonSide `json:"new_target"`
	Intended  *jsonSide `json:"intended"`
	Message   string    `json:"message"`
	Fix       string    `json:"fix,omitempty"`
}

type jsonFindings struct {
	Introduced []lint.Finding   `json:"introduced"`
	Resolved   []lint.Finding   `json:"resolved"`
	Carried    []CarriedFinding `json:"carried"`
}

// WriteJSON prints the report as one JSON object.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r.jsonReport())
}

func withLabel(v Version, path string) Version {
	v.Label = v.label(path)
	return v
}

func (r *Report) jsonReport() jsonReport {
	a := newAnchors(r)
	out := jsonReport{
		Tool:       r.Tool,
		Old:        jsonFile{File: r.Old.Path, Title: r.Old.Title, Sections: len(r.Old.Sections), Version: withLabel(r.OldVersion, r.Old.Path)},
		New:        jsonFile{File: r.New.Path, Title: r.New.Title, Sections: len(r.New.Sections), Version: withLabel(r.NewVersion, r.New.Path)},
		Changed:    r.Changed(),
		Summary:    r.Counts(),
		Preamble:   jsonEdits(r.Preamble),
		Sections:   []jsonSection{},
		References: []jsonRef{},
		Findings:   jsonFindings{Introduced: r.Introduced, Resolved: r.Resolved, Carried: r.Carried},
		Elements:   r.Elements,
		Coarse:     r.Coarse,
	}
	if r.TitleChanged() {
		out.Title = &jsonTitle{Old: r.Old.Title, New: r.New.Title}
	}
	for _, d := range changed(r.Sections) {
		out.Sections = append(out.Sections, jsonEntry(r, a, d))
	}
	for _, rc := range r.Refs {
		pos := r.New.Pos(rc.New.Span.Start)
		jr := jsonRef{Text: rc.New.Text, File: r.New.Path, Line: pos.Line, Column: pos.Col,
			OldTarget: sideOf(r.Old, rc.Old.Target), Message: refMessage(rc), Fix: refFix(rc)}
		if rc.New.Para != nil && rc.New.Para.Section != nil {
			jr.Section = rc.New.Para.Section.Number
		}
		if rc.New.Target != nil {
			s := sideOf(r.New, rc.New.Target)
			jr.NewTarget = &s
		}
		if rc.Intended != nil {
			s := sideOf(r.New, rc.Intended)
			jr.Intended = &s
		}
		out.References = append(out.References, jr)
	}
	return out
}

func jsonEntry(r *Report, a *anchors, d *notices.SectionDiff) jsonSection {
	js := jsonSection{ID: a.id(d), Change: d.Change.Names(), Similarity: round(d.Similarity),
		Parts: []jsonSide{}, Edits: []jsonEdit{}, Clauses: []jsonSection{}}
	if js.Change == nil {
		js.Change = []string{}
	}
	if d.Old != nil {
		s := sideOf(r.Old, d.Old)
		js.Old = &s
	}
	if d.New != nil {
		s := sideOf(r.New, d.New)
		js.New = &s
	}
	for _, p := range d.Parts {
		n := r.New
		if r.ForOld(p) != nil {
			n = r.Old
		}
		js.Parts = append(js.Parts, sideOf(n, p))
	}
	if d.Change != 0 {
		js.Edits = jsonEdits(d.Edits)
	}
	for _, c := range d.Clauses {
		if c.Changed() {
			js.Clauses = append(js.Clauses, jsonEntry(r, a, c))
		}
	}
	return js
}

func sideOf(n *notices.Notice, s *notices.Section) jsonSide {
	return jsonSide{Number: s.Number, Title: s.Title, Line: n.Pos(s.Span.Start).Line}
}

func jsonEdits(es []notices.Edit) []jsonEdit {
	out := []jsonEdit{}
	for _, e := range es {
		out = append(out, jsonEdit{Op: e.Op.String(), Text: e.Text})
	}
	return out
}

// round keeps similarities to three places, so output does not depend on
// the last bits of a float.
func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
