package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// gitlabIssue is one entry of a GitLab Code Quality report, the subset of
// the Code Climate issue format GitLab reads.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// WriteGitLab prints a GitLab Code Quality report: a JSON array with one
// issue a finding, which GitLab shows in the merge request and compares
// with the target branch's report by fingerprint.
//
// GitLab merges issues that share a fingerprint, and a finding's own
// fingerprint is shared by the same wrong words twice in one section. So
// each issue's fingerprint hashes the finding's fingerprint, its path
// (relative to the repository root: the caller maps paths) and its place
// among the findings of that file with the same fingerprint, in line
// order. None of these is a line or section number, so renumbering keeps
// it. An error (a file not read, a configuration mistake) is a critical
// issue, so a report with nothing linted does not read as clean.
func WriteGitLab(w io.Writer, res Result) error {
	out := []gitlabIssue{}
	nth := map[[2]string]int{}
	for _, f := range res.Findings {
		k := [2]string{f.File, f.Fingerprint}
		nth[k]++
		desc := f.Message
		if f.Fix != "" {
			desc += " Fix: " + f.Fix
		}
		out = append(out, gitlabIssue{Description: desc, CheckName: f.Rule,
			Fingerprint: gitlabFingerprint(f.Fingerprint, f.File, strconv.Itoa(nth[k])),
			Severity:    gitlabSeverity(f.Severity),
			Location:    gitlabLocation{Path: f.File, Lines: gitlabLines{Begin: max(f.Line, 1)}}})
	}
	for _, e := range res.Errors {
		out = append(out, gitlabIssue{Description: e.Message, CheckName: "noticelint/" + e.kind(),
			Fingerprint: gitlabFingerprint(e.kind(), e.File, fmt.Sprintf("%d:%d", e.Line, e.Column), e.Message),
			Severity:    "critical",
			Location:    gitlabLocation{Path: e.File, Lines: gitlabLines{Begin: max(e.Line, 1)}}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func gitlabFingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// gitlabSeverity maps a severity onto GitLab's info, minor, major, critical
// and blocker. An error finding is major: critical is kept for a file that
// could not be linted at all.
func gitlabSeverity(s Severity) string {
	switch s {
	case Error:
		return "major"
	case Warning:
		return "minor"
	}
	return "info"
}
