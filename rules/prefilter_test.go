package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/notices"
)

// sampleNotices parses the fixtures and, where present, the gdpr corpus and
// every 50th notice of the policies corpus, until budget bytes of source are
// read: the texts the speed-ups below are checked on. The budget keeps the
// tests quick under -race, where the regexps they compare with run slowly.
func sampleNotices(t testing.TB, budget int) []*notices.Notice {
	var files []string
	for _, glob := range []string{"../testdata/*/*.md", "../testdata/*/*/*.md", "../../shared/corpus/gdpr/*.md"} {
		more, _ := filepath.Glob(glob)
		files = append(files, more...)
	}
	policies, _ := filepath.Glob("../../shared/corpus/policies/*/*.md")
	for i := 0; i < len(policies); i += 50 {
		files = append(files, policies[i])
	}
	var out []*notices.Notice
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if budget -= len(src); budget < 0 {
			break
		}
		if n, err := notices.Parse(f, src); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// checkRightsAnchors fails when a regexp matches text that its prefilter
// would have kept it from: a right's anchors (past its hints), the Privacy
// Shield prefilter and the literals of the scope regexps.
func checkRightsAnchors(t testing.TB, text string) {
	lower := strings.ToLower(text)
	for _, r := range theRights {
		if r.anchors == nil || !hinted(lower, r.hints) {
			continue
		}
		if r.re.MatchString(text) && !r.anchors.in(text, lower) {
			t.Errorf("the anchors of %s miss %q", r.name, text)
		}
	}
	if shieldMention.MatchString(text) && !mayMentionShield(text) {
		t.Errorf("mayMentionShield misses %q", text)
	}
	for _, c := range []struct {
		name string
		re   interface{ MatchString(string) bool }
		lits literals
	}{
		{"ukEULaw", ukEULaw, ukEULawLits},
		{"ukRegistered", ukRegistered, ukRegisteredLits},
		{"representative", representative, representativeLits},
		{"foreignAuthority", foreignAuthority, foreignAuthorityLits},
	} {
		if c.re.MatchString(text) && !c.lits.in(text, lower) {
			t.Errorf("the literals of %s miss %q", c.name, text)
		}
	}
	if ico.MatchString(text) && !mayNameICO(text) {
		t.Errorf("mayNameICO misses %q", text)
	}
}

var anchorEdges = []string{
	"You have the right to be informed.", "to be told about how", "the RIGHT TO KNOW",
	"we will send it to another organisation", "move it to a different IT system",
	"in a structured, commonly used and machine-readable format",
	"decisions taken solely by automated means", "have it reviewed by a person", "Human review",
	"to contest the decision", "profiling", "EU-US Privacy Shield", "Safe Harbour", "ſafe harbor",
	"(EU)", "the EU-based", "in the UK", "EUİ", "UK_EU", "ICO.", "the ICO's", "ICOs", "registered in England",
	"Companies House", "company number 01234567", "Charity no. 123", "Art. 27", "our Representative",
	"the CNIL", "your member state", "lead supervisory authority",
	"make a SAR", "SARs", "NECESSARY", "copies of your data", "obtain a copy", "to access", "correct it",
	"update your details", "inaccurate", "limit how we use it", "limiting the processing", "limited",
	"stop using your data while", "object to", "objections", "opt-out of direct marketing", "opt out of marketing",
}

func TestPrefiltersNeverMissAMatch(t *testing.T) {
	texts := append([]string{}, anchorEdges...)
	for _, n := range sampleNotices(t, 512<<10) {
		for _, p := range n.Paras() {
			texts = append(texts, p.Text)
		}
		n.Walk(func(s *notices.Section) { texts = append(texts, s.Title) })
	}
	for _, text := range texts {
		checkRightsAnchors(t, text)
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range anchorEdges {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkRightsAnchors(t, text) })
}

// TestTitleIndexAgrees checks the indexed title search against the search it
// replaced, which compared the topic with every title in document order.
func TestTitleIndexAgrees(t *testing.T) {
	bruteBest := func(n *notices.Notice, topic string, from *notices.Section) (*notices.Section, float64) {
		var best *notices.Section
		score := 0.0
		n.Walk(func(s *notices.Section) {
			if s.Title == "" || (from != nil && s.Contains(from)) {
				return
			}
			if v := titleScore(topic, s.Title); v > score {
				best, score = s, v
			}
		})
		if score < 0.5 {
			return nil, score
		}
		return best, score
	}
	bruteMatches := func(n *notices.Notice, topic string, from *notices.Section) []*notices.Section {
		best, score := bruteBest(n, topic, from)
		if best == nil {
			return nil
		}
		var tied *notices.Section
		n.Walk(func(s *notices.Section) {
			if tied == nil && s != best && s.Title != "" && !s.Contains(from) && titleScore(topic, s.Title) >= score-0.01 {
				tied = s
			}
		})
		if tied != nil {
			return []*notices.Section{best, tied}
		}
		return []*notices.Section{best}
	}
	compared := 0
	for _, n := range sampleNotices(t, 1<<20) {
		ix := newTitleIndex(n)
		topics := []string{"", "how to make a complaint", "your rights"}
		for _, r := range n.Refs {
			topics = append(topics, r.Topic)
		}
		n.Walk(func(s *notices.Section) { topics = append(topics, s.Title) })
		// Every reference against a few topics: the brute-force search costs
		// the product of the two.
		for _, r := range n.Refs[:min(len(n.Refs), 20)] {
			for _, topic := range topics[:min(len(topics), 8)] {
				compared++
				from := r.Para.Section
				wb, ws := bruteBest(n, topic, from)
				gb, gs := ix.bestMatch(topic, from)
				if wb != gb || ws != gs {
					t.Fatalf("%s: bestMatch(%q) = %v %v, want %v %v", n.Path, topic, gb, gs, wb, ws)
				}
				want, got := bruteMatches(n, topic, from), ix.matches(topic, from)
				if len(want) != len(got) || (len(want) > 0 && want[len(want)-1] != got[len(got)-1]) {
					t.Fatalf("%s: matches(%q) differ", n.Path, topic)
				}
				if r.Target != nil && ix.coverage(topic, r.Target) != covered(stems(topic), stems(r.Target.Text())) {
					t.Fatalf("%s: coverage(%q) differs", n.Path, topic)
				}
			}
		}
	}
	if compared == 0 {
		t.Error("no references to compare")
	}
}
