package changes

import (
	"path/filepath"
	"testing"

	"github.com/noticelint/noticelint/lint"
)

func TestParseDiff(t *testing.T) {
	diff := `diff --git a/notices/a.md b/notices/a.md
index 1111111..2222222 100644
--- a/notices/a.md
+++ b/notices/a.md
@@ -3,0 +4,2 @@ heading
+new line 4
+new line 5
@@ -10 +12 @@
-old
+changed line 12
@@ -20,3 +22,0 @@
-removed
-removed
-removed
diff --git a/notices/new.md b/notices/new.md
new file mode 100644
--- /dev/null
+++ b/notices/new.md
@@ -0,0 +1,3 @@
+a
+b
+c
diff --git a/notices/gone.md b/notices/gone.md
deleted file mode 100644
--- a/notices/gone.md
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
`
	root := t.TempDir()
	s, err := parseDiff(root, []byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(root, "notices", "a.md")
	f := func(file string, line, endLine, col int) lint.Finding {
		return lint.Finding{File: file, Line: line, EndLine: endLine, Column: col, EndColumn: col + 1, Section: "1"}
	}
	kept := s.Keep([]lint.Finding{
		f(a, 3, 3, 2),   // unchanged line
		f(a, 4, 4, 2),   // added
		f(a, 5, 6, 2),   // starts on an added line
		f(a, 11, 12, 2), // ends on the changed line
		f(a, 13, 13, 2), // unchanged
		f(a, 22, 22, 2), // after a pure deletion: unchanged
		{File: a, Line: 1, Column: 1, EndLine: 1, EndColumn: 1},                                          // notice-wide, file changed
		f(filepath.Join(root, "notices", "new.md"), 40, 40, 2),                                           // new file: all of it
		{File: filepath.Join(root, "notices", "other.md"), Line: 1, Column: 1, EndLine: 1, EndColumn: 1}, // unchanged file
	})
	var got []int
	for _, k := range kept {
		got = append(got, k.Line)
	}
	want := []int{4, 5, 11, 1, 40}
	if len(got) != len(want) {
		t.Fatalf("kept lines %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("kept lines %v, want %v", got, want)
		}
	}
	if s.Changed(filepath.Join(root, "notices", "gone.md")) {
		t.Error("a deleted file counts as changed")
	}
}

func TestHunkHeader(t *testing.T) {
	for _, bad := range []string{"@@ -1 @@", "@@ -1 +x,2 @@", "@@ -1 +3,y @@", "@@ 1 +3 @@", "@@ -1,-2 +3 @@"} {
		if _, _, _, err := hunkHeader(bad); err == nil {
			t.Errorf("hunkHeader(%q) accepted a broken header", bad)
		}
	}
	oldN, from, newN, err := hunkHeader("@@ -7,2 +9 @@ heading")
	if err != nil || oldN != 2 || from != 9 || newN != 1 {
		t.Errorf("hunkHeader = %d %d %d %v", oldN, from, newN, err)
	}
}
