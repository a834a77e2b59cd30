package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

func parse(t *testing.T, src string) *notices.Notice {
	t.Helper()
	n, err := notices.Parse("n.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func verdict(t *testing.T, src, id string) Verdict {
	t.Helper()
	n := parse(t, src)
	for _, v := range Checklist(n, n.Facts) {
		if v.ID == id {
			return v
		}
	}
	t.Fatalf("no verdict for %s", id)
	return Verdict{}
}

// The two elements a notice may fairly leave out when nothing in it calls
// for them are info findings there, warnings where the notice shows data
// that are needed (a contract, an account) or decisions made by machine.
func TestSeverityBySign(t *testing.T) {
	tests := []struct {
		id, src string
		want    lint.Severity
	}{
		{"statutory-requirement", "Under UK GDPR we keep a visitors' book at the gallery.", lint.Info},
		{"statutory-requirement", "Under UK GDPR we need your details to perform our contract with you.", lint.Warning},
		{"statutory-requirement", "Under UK GDPR we keep your details when you open an account.", lint.Warning},
		{"automated-decisions", "Under UK GDPR we keep a visitors' book at the gallery.", lint.Info},
		{"automated-decisions", "Under UK GDPR we use profiling to choose the offers you see.", lint.Warning},
		{"automated-decisions", "Under UK GDPR our fraud checks run on every order.", lint.Warning},
	}
	for _, tc := range tests {
		v := verdict(t, tc.src, tc.id)
		if v.Status != Missing || v.Severity != tc.want {
			t.Errorf("%s on %q: %v at %v, want missing at %v", tc.id, tc.src, v.Status, v.Severity, tc.want)
		}
	}
}

// Outside UK and EU GDPR no element applies.
func TestOutOfScope(t *testing.T) {
	n := parse(t, "# Privacy policy\n\nThis policy explains the California Consumer Privacy Act rights of our US users.\n")
	for _, v := range Checklist(n, n.Facts) {
		if v.Status != NotApplicable {
			t.Errorf("%s: %v, want na", v.ID, v.Status)
		}
	}
}

// A present element points at where it is stated: the sentence inside the
// section titled for it, not an earlier passing mention.
func TestPresentPointsIntoTitledSection(t *testing.T) {
	src := "# Notice\n\nUnder UK GDPR we tell you this.\n\n## Third-party websites\n\nOur site links to third-party sites; we share nothing with them.\n\n" +
		"## Who we share your information with\n\nWe share your booking with the venue and our delivery partner.\n\nWe pass payment details to our payment processor.\n"
	v := verdict(t, src, "recipients")
	n := parse(t, src)
	if v.Status != Present || n.Pos(v.At.Start).Line != 11 {
		t.Errorf("recipients: %v at line %d, want present at 11", v.Status, n.Pos(v.At.Start).Line)
	}
}

// A stated fact wins over the text: stated consent makes withdraw-consent
// apply, stated no transfers make transfers not applicable.
func TestStatedFacts(t *testing.T) {
	n := parse(t, "# Notice\n\nUnder UK GDPR we tell you about our newsletter. Our list is run on Mailchimp.\n")
	yes, no := true, false
	f := n.Facts.With(&notices.Stated{Consent: &yes, Transfers: &no})
	for _, v := range Checklist(n, f) {
		switch v.ID {
		case "withdraw-consent":
			if v.Status != Missing || v.At.Len() != 0 {
				t.Errorf("withdraw-consent: %v at %v, want missing for the notice as a whole", v.Status, v.At)
			}
		case "transfers":
			if v.Status != NotApplicable {
				t.Errorf("transfers: %v, want na", v.Status)
			}
		}
	}
}

// A notice's content is read once per group, whichever rule asks first:
// asking again reads no sentence.
func TestContentComputedOnce(t *testing.T) {
	n := parse(t, "# Notice\n\nUnder UK GDPR we keep enquiries for two years. We share them with our auditors.\n")
	contentOf(n).hitsOf("retention")
	before := matchCalls.Load()
	contentOf(n).hitsOf("recipients")
	contentOf(n).hitsOf("retention")
	if after := matchCalls.Load(); after != before {
		t.Errorf("asking again read %d more sentences", after-before)
	}
}

// The rules read only the first sentence of each element, the checklist
// every one: their verdicts must agree, on every fixture and, where
// present, on the devset notices.
func TestFastAndFullVerdictsAgree(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.md"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "shared", "devset", "notices", "*.md"))
	for _, path := range append(files, more...) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := notices.Parse(path, src)
		if err != nil {
			t.Fatal(err)
		}
		full, _ := notices.Parse(path, src)
		verdicts := Checklist(full, full.Facts)
		for i, e := range elements {
			if got := e.verdict(fast, contentOf(fast), fast.Facts).Status; got != verdicts[i].Status {
				t.Errorf("%s: %s is %v for the rule, %v in the checklist", path, e.rule.ID, got, verdicts[i].Status)
			}
		}
	}
}

// The checklist's locations, from fixtures in testdata/locations: each
// marks the line where an element must be shown with
//
//	<!-- want ELEMENT "STATUS" -->
//
// (STATUS a regexp of the verdict's status). Only the marked elements are
// checked; the rules' findings on the same notices are the rule fixtures'
// business.
func TestChecklistLocationFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "locations", "*.md"))
	if len(files) == 0 {
		t.Fatal("no location fixtures")
	}
	wantRe := regexp.MustCompile(`<!--\s*want\s+([a-z][a-z-]*)\s+"([^"]*)"\s*-->`)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			n := parse(t, string(src))
			got := map[string]Verdict{}
			for _, v := range Checklist(n, n.Facts) {
				got[v.ID] = v
			}
			wants := 0
			for i, line := range strings.Split(string(src), "\n") {
				for _, m := range wantRe.FindAllStringSubmatch(line, -1) {
					wants++
					v, ok := got[m[1]]
					if !ok {
						t.Errorf("line %d: no element %s", i+1, m[1])
						continue
					}
					at := n.Pos(v.At.Start).Line
					if !regexp.MustCompile(`^(?:`+m[2]+`)$`).MatchString(v.Status.String()) || at != i+1 {
						t.Errorf("%s: %v at line %d, want %s at line %d", m[1], v.Status, at, m[2], i+1)
					}
				}
			}
			if wants == 0 {
				t.Error("no want comment")
			}
		})
	}
}
