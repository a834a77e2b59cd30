package changes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/internal/gittest"
	"github.com/noticelint/noticelint/lint/git"
)

// Every git call Since makes ends git's options before the revision.
func TestSinceEndsOptions(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notices/a.md": "# A\n\nOne.\n"})
	if err := os.WriteFile(filepath.Join(dir, "notices", "a.md"), []byte("# A\n\nOne.\nTwo.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := gittest.Record(t)
	s, err := Since(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Changed(filepath.Join(dir, "notices", "a.md")) {
		t.Error("the changed notice is not in the set")
	}
	rec.EndsOptions(t, "HEAD")          // git diff
	rec.EndsOptions(t, "HEAD^{commit}") // the revision's check
}

// A revision that git would read as an option is refused before git runs:
// "git diff --output=FILE" would write FILE.
func TestSinceRefusesOptionRevision(t *testing.T) {
	dir := gittest.Repo(t, map[string]string{"notices/a.md": "# A\n"})
	rec := gittest.Record(t)
	t.Chdir(dir)
	_, err := Since(dir, "--output=out")
	if !errors.Is(err, git.ErrOptionRev) || !strings.Contains(err.Error(), `"--output=out"`) {
		t.Errorf("error %v", err)
	}
	rec.Never(t, "--output")
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("git wrote the file the revision named")
	}
}
