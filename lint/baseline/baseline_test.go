package baseline

import (
	"os"
	"path/filepath"
	"testing"
)

// A baseline that is not exactly one JSON object of the known shape is
// refused with a message that says what is wrong and where: part of a file
// read as the whole would hide the wrong findings.
func TestLoadRefuses(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"empty":         {"", "b.json: the baseline is empty; write it with 'noticelint baseline write', or delete the file"},
		"blank":         {" \n\t\n", "b.json: the baseline is empty; write it with 'noticelint baseline write', or delete the file"},
		"trailing":      {"{\"version\": 1, \"findings\": []}\n{\"version\": 1}\n", "b.json:2:1: content after the baseline's JSON object; a baseline is one object"},
		"trailing junk": {"{\"version\": 1, \"findings\": []} x", "b.json:1:32: content after the baseline's JSON object; a baseline is one object"},
		"syntax":        {"{\"version\": 1,\n \"findings\": [}", "b.json:2:15: invalid JSON: invalid character '}' looking for beginning of value"},
		"cut short":     {"{\"version\": 1, \"findings\": [", "b.json:1:29: invalid JSON: the file ends inside the baseline's object"},
		"wrong type":    {"{\"version\": \"1\"}", "b.json:1:16: version must be int, not a JSON string"},
		"unknown key":   {"{\"version\": 1, \"finding\": []}", `b.json:1:16: unknown field "finding"`},
		"version":       {"{\"version\": 2, \"findings\": []}", "b.json: baseline version 2 is not supported (want 1); run 'noticelint baseline write' to rewrite it"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.WriteFile(filepath.Join(dir, "b.json"), []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, ok, err := Load("b.json")
			if ok || err == nil || err.Error() != tc.want {
				t.Errorf("Load = %v, %v; want %s", ok, err, tc.want)
			}
		})
	}
	b, ok, err := Load(filepath.Join(t.TempDir(), "none.json"))
	if b != nil || ok || err != nil {
		t.Errorf("a missing baseline: %v %v %v", b, ok, err)
	}
}
