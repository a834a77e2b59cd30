package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// outline prints the facts with their evidence, and a fact the governing
// configuration states as stated; the rules read the same facts.
func TestOutlineFacts(t *testing.T) {
	text, _, code := run(t, "", "outline", example)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Facts\n", "UK-established", `line 15:232 "BS1 4XY"`, `declared ("Data Protection Officer")`} {
		if !strings.Contains(text, want) {
			t.Errorf("text outline lacks %q:\n%s", want, text)
		}
	}

	dir := newRepo(t)
	t.Chdir(dir)
	write(t, "n.md", "# Privacy notice\n\nWe follow the UK GDPR. Email us at hello@example.org.\n")
	write(t, ".noticelint.yml", "facts:\n  public_authority: true\n")
	out, _, code := run(t, "", "outline", "--format", "json", "n.md")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var o outline
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	got := map[string]outlineFact{}
	for _, f := range o.Facts {
		got[f.Fact] = f
	}
	if f := got["public authority"]; f.Value != "yes" || !f.Stated {
		t.Errorf("public authority: %+v", f)
	}
	if f := got["DPO required"]; f.Value != "yes" {
		t.Errorf("a stated public authority must have a DPO: %+v", f)
	}
	res, _, _ := lintJSON(t, "n.md")
	found := false
	for _, f := range res.Findings {
		found = found || f.Rule == "dpo-contact" && strings.Contains(f.Message, "does not name a Data Protection Officer")
	}
	if !found {
		t.Errorf("lint does not read the stated fact: %+v", res.Findings)
	}
	if _, _, code := run(t, "", "outline", "--no-config", "n.md"); code != 0 {
		t.Errorf("--no-config: exit %d", code)
	}
	write(t, ".noticelint.yml", "facts:\n  scop: uk\n")
	if _, errOut, code := run(t, "", "outline", "n.md"); code != 2 || !strings.Contains(errOut, `unknown key "scop" in facts`) {
		t.Errorf("a broken configuration: exit %d %s", code, errOut)
	}
}

// outline shows where the DPO can be reached, as dpo-contact reads it: the
// first detail given where the DPO's details belong, never the regulator's
// nor an address that cannot be written to.
func TestOutlineDPOContact(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	cases := map[string]string{
		"email": "Contact our Data Protection Officer at dpo@example.org.uk.",
		"postal address": "Write to our Data Protection Officer at 1 High Street, Bristol BS1 4XY. " +
			"You can complain to the ICO at casework@ico.org.uk.",
		"none found": "We have a Data Protection Officer. You can complain to the Information Commissioner's Office at casework@ico.org.uk " +
			"or email our DPO at dpo@example.",
	}
	for want, text := range cases {
		write(t, "n.md", "# Privacy notice\n\nWe follow the UK GDPR.\n\n## Contact\n\n"+text+"\n")
		out, _, code := run(t, "", "outline", "--no-config", "--format", "json", "n.md")
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
		var o outline
		if err := json.Unmarshal([]byte(out), &o); err != nil {
			t.Fatal(err)
		}
		var got *outlineFact
		for i, f := range o.Facts {
			if f.Fact == "DPO contact" {
				got = &o.Facts[i]
			}
		}
		if got == nil || got.Value != want {
			t.Errorf("%q: DPO contact %+v, want %q", text, got, want)
		}
	}
}
