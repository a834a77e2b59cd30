package git

import (
	"errors"
	"slices"
	"testing"
)

func TestArgvEndsOptions(t *testing.T) {
	argv, err := Call{Config: []string{"core.quotePath=false"}, Args: []string{"diff", "--unified=0"},
		Revs: []string{"main", "HEAD~1:notices/a.md"}, Paths: []string{}}.Argv()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-c", "core.quotePath=false", "diff", "--unified=0", "--end-of-options", "main", "HEAD~1:notices/a.md", "--"}
	if !slices.Equal(argv, want) {
		t.Errorf("argv %q, want %q", argv, want)
	}
	argv, _ = Call{Args: []string{"ls-files", "-z"}}.Argv()
	if !slices.Equal(argv, []string{"ls-files", "-z"}) {
		t.Errorf("a call with no revisions: argv %q", argv)
	}
	argv, _ = Call{Args: []string{"log"}, Revs: []string{"v1"}, Paths: []string{"-odd name.md"}}.Argv()
	if !slices.Equal(argv, []string{"log", "--end-of-options", "v1", "--", "-odd name.md"}) {
		t.Errorf("a path after --: argv %q", argv)
	}
}

func TestOptionRevisionsRefused(t *testing.T) {
	for _, rev := range []string{"--output=out:y", "-p", "-"} {
		if err := CheckRev(rev); !errors.Is(err, ErrOptionRev) {
			t.Errorf("CheckRev(%q) = %v", rev, err)
		}
		if _, err := (Call{Args: []string{"show"}, Revs: []string{rev}}).Output(); !errors.Is(err, ErrOptionRev) {
			t.Errorf("git show %q ran: %v", rev, err)
		}
	}
	if err := CheckRev("main~2:notices/-a.md"); err != nil {
		t.Errorf("a path beginning with - after REV: is a revision: %v", err)
	}
}
