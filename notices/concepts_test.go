package notices

import (
	"strings"
	"testing"

	"github.com/noticelint/noticelint/pattern"
)

// rightsOf names the rights of s by ID, for messages.
func rightsOf(s ConceptSet) string {
	var out []string
	for i, id := range Rights.IDs() {
		if s.Has(i) {
			out = append(out, id)
		}
	}
	return strings.Join(out, ",")
}

func TestRightsConcepts(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		// The ICO's names.
		{"The right of access", "access"},
		{"The right to rectification", "rectification"},
		{"Right to erasure (the right to be forgotten)", "erasure"},
		{"The right to restrict processing", "restriction"},
		{"The right to data portability", "portability"},
		{"The right to object", "object"},
		{"Rights in relation to automated decision making and profiling", "automated"},
		{"The right to be informed", "informed"},
		// Plain English.
		{"Find out what we do with your details and why.", "access"},
		{"be able to know what we do with your information", "informed"},
		{"Tell us to stop using it for fundraising.", "object"},
		{"Have a person, not a computer, make the decision.", "automated"},
		{"ask us to delete what we hold about you", "erasure"},
		{"Ask us to put right any details that are out of date", "rectification"},
		{"ask us to pause what we do with your information while you check it", "restriction"},
		// Nouns: an item after "You can ask for:".
		{"a copy of the data we hold", "access"},
		{"correction of anything inaccurate", "rectification"},
		{"deletion of your account", "erasure"},
		// Synonyms.
		{"transferability of the data you gave us", "portability"},
		{"edit your profile information", "rectification"},
		{"change the details we hold", "rectification"},
		{"We build a profile of your interests to decide which offers to show you automatically.", "automated"},
		{"Update your profile picture.", ""},
		{"move your records to another provider", "portability"},
		{"export your data in a common format", "portability"},
		{"receive it in a machine-readable format", "portability"},
		{"opt out of our marketing emails", "object"},
		{"a decision about you is made solely by automated means", "automated"},
		// Stems: one form stands for all.
		{"having your records erased", "erasure"},
		{"objecting to how your data is used", "object"},
		{"restricting the processing of your data", "restriction"},
		// A verb and an object in different clauses do not meet.
		{"We may delete. Your data is safe.", ""},
		{"Ask us to delete; your information is yours.", ""},
		// Negation unsays a verb.
		{"We cannot delete your data while your account is open.", ""},
		{"You will not be able to access your information.", ""},
		// ... but not a contrast, the right's own "not" or a fee.
		{"You have the right not to be subject to a decision based solely on automated processing.", "automated"},
		{"You do not have to pay a fee to access your information.", "access"},
		// Another party's rights are not the reader's.
		{"We reserve the right to delete accounts that break our terms.", ""},
		{"We help our customers respond to requests to access or delete data.", ""},
		// What is not a right.
		{"We use your data to deliver your order.", ""},
		{"See section 5 for more information.", ""},
		{"We may change this notice.", ""},
	} {
		if got := rightsOf(Rights.Find(tc.text)); got != tc.want {
			t.Errorf("Rights.Find(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Nouns that name a right only as a list's item.
func TestRightsInItems(t *testing.T) {
	if got := rightsOf(RightsInItems.As(Rights, RightsInItems.Find("information about how we process your data"))); got != "informed" {
		t.Errorf("RightsInItems: %q", got)
	}
	if got := rightsOf(Rights.Find("information about how we process your data")); got != "" {
		t.Errorf("Rights: %q, want nothing in running text", got)
	}
	if got := rightsOf(RightsInItems.As(Rights, RightsInItems.Find("transfer your data"))); got != "portability" {
		t.Errorf("RightsInItems.As: %q, want portability", got)
	}
}

func TestConceptsMatchDenied(t *testing.T) {
	said, denied := Rights.Match("No decision about you is made by automated means. You can ask for a copy of your data.")
	if rightsOf(said) != "access" || rightsOf(denied) != "automated" {
		t.Errorf("Match = said %q, denied %q; want access, automated", rightsOf(said), rightsOf(denied))
	}
}

// A content rule builds a table of its own rows with the same machinery.
func TestConceptsOwnTable(t *testing.T) {
	retention := NewConcepts([]ConceptRow{
		{ID: "retention", Verbs: []string{"keep", "retain", "store", "hold"}, Objects: []string{"year", "month", "day", "long as", "period"}},
		{ID: "recipients", Verbs: []string{"share", "disclose", "pass"}, Objects: []string{"with", "to"}},
	})
	if got := retention.Find("We keep your records for six years."); got != 1 {
		t.Errorf("retention found %b, want 1", got)
	}
	if got := retention.Find("We will never share it with advertisers."); got != 0 {
		t.Errorf("negated sharing found %b, want 0", got)
	}
	if retention.Index("recipients") != 1 || retention.Index("nothing") != -1 {
		t.Errorf("Index wrong: %v", retention.IDs())
	}
	if tab := retention.Table(); !strings.Contains(tab, "retention") || !strings.Contains(tab, "keep | retain") {
		t.Errorf("Table() = %q", tab)
	}
}

func TestNewConceptsRejectsBadRows(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a row without verbs did not panic")
		}
	}()
	NewConcepts([]ConceptRow{{ID: "x"}})
}

func TestCite(t *testing.T) {
	for _, tc := range []struct {
		key   string
		scope Scope
		want  string
	}{
		{"access", UKGDPR, "UK GDPR Art 15"},
		{"access", EUGDPR, "EU GDPR Art 15"},
		{"access", UKGDPR | EUGDPR, "UK and EU GDPR Art 15"},
		{"automated", UKGDPR, "UK GDPR Arts 22A-22D"},
		{"automated", EUGDPR, "EU GDPR Art 22"},
		{"automated", UKGDPR | EUGDPR, "UK GDPR Arts 22A-22D, EU GDPR Art 22"},
		{"nothing", UKGDPR, ""},
	} {
		if got := Cite(tc.key, tc.scope); got != tc.want {
			t.Errorf("Cite(%q, %v) = %q, want %q", tc.key, tc.scope, got, tc.want)
		}
	}
	// Every right has an article.
	for _, id := range Rights.IDs() {
		if Cite(id, UKGDPR) == "" {
			t.Errorf("no article for %s", id)
		}
	}
	got := CiteRights(1<<RightAccess|1<<RightAutomated, EUGDPR)
	if want := "the right of access (EU GDPR Art 15), rights related to automated decision-making including profiling (EU GDPR Art 22)"; got != want {
		t.Errorf("CiteRights = %q, want %q", got, want)
	}
}

// No text gives a concept beyond the table, whatever its bytes.
func TestConceptsOnOddText(t *testing.T) {
	for _, text := range []string{
		"You can ask us to delete it; we cannot’t always, e.g. 5.2.", "not not no", "\xff\xfe delete data",
		"’’’’", "•••", strings.Repeat("no ", 50) + "delete your data", "=transferability =",
	} {
		said, denied := Rights.Match(text)
		if (said|denied)&^AllRights != 0 {
			t.Errorf("%q: bits beyond the table: %b %b", text, said, denied)
		}
	}
}

func TestConceptsOtherParty(t *testing.T) {
	if !Rights.OtherParty("Where we act as a processor, we help our customers answer requests to:") {
		t.Error("customers' requests not another party's")
	}
	if Rights.OtherParty("You have the following rights:") {
		t.Error("the reader's rights taken for another party's")
	}
}

// MatchIndexed reads only the clauses around anchors, and finds what Match
// finds.
func TestMatchIndexedSameAsMatch(t *testing.T) {
	for _, text := range []string{
		"We are a shop. You can ask us to delete your data; we will reply. No decision is made by automated means!",
		"• ask for a copy of your data • object to marketing",
		"Nothing here at all.", "e.g. delete it. access: your data", "You may see what we hold about you?Yes",
	} {
		s1, d1 := Rights.Match(text)
		s2, d2 := Rights.MatchIndexed(pattern.Index(text))
		if s1 != s2 || d1 != d2 {
			t.Errorf("%q: Match %b %b, MatchIndexed %b %b", text, s1, d1, s2, d2)
		}
	}
}

func TestMatchIndexedOutOfOrderHits(t *testing.T) {
	text := "You may ask for a copy of your data. You may ask us to correct it. You may ask us to delete it. You can ask us to restrict our use of it."
	s1, _ := Rights.Match(text)
	if s2, _ := Rights.MatchIndexed(pattern.Index(text)); s1 != s2 {
		t.Errorf("Match %b, MatchIndexed %b", s1, s2)
	}
}

// A clause of endlessly repeated phrases costs the same memory per word as
// any text: each phrase found is classed as it is read, not kept until the
// clause ends (a kept list made such a clause mostly garbage collection).
// What a negation reaches is unchanged: the negationReach words after it.
func TestLongClauseConstantMemory(t *testing.T) {
	clause := func(n int) string { return strings.Repeat("delete data copy of ", n) + "x" }
	Rights.Match(clause(10)) // warm the word cache and the pool
	short := testing.AllocsPerRun(20, func() { Rights.Match(clause(10)) })
	long := testing.AllocsPerRun(5, func() { Rights.Match(clause(20000)) })
	// Under the race detector the word buffers' pool drops some of what
	// is put back, and a long clause's buffer is grown anew: the counts
	// say nothing there.
	if long > short+8 && !raceEnabled {
		t.Errorf("one clause of 20,000 phrases allocates %.0f times, of 10 phrases %.0f: want the same", long, short)
	}
	for _, c := range []struct {
		text         string
		said, denied string
	}{
		{"we do not delete your data", "", "erasure"},
		{"we do not a b c d delete your data", "erasure", ""},
		{"we do not only delete your data", "erasure", ""},
		{"a person, not a machine, may delete your data", "erasure", ""},
	} {
		said, denied := Rights.Match(c.text)
		if rightsOf(said) != c.said || rightsOf(denied) != c.denied {
			t.Errorf("%q: said %q denied %q; want %q %q", c.text, rightsOf(said), rightsOf(denied), c.said, c.denied)
		}
	}
}

// TestConceptsMeetUsing pins the class of words whose "-ing" form starts
// otherwise than their stem: a table's "use" meets "using", which the
// prefix filter dropped when it kept only the stem's start.
func TestConceptsMeetUsing(t *testing.T) {
	c := NewConceptsUnanchored([]ConceptRow{{ID: "stop", Verbs: []string{"change your mind"}, Objects: []string{"stop using"}}})
	for _, s := range []string{"You can change your mind and ask us to stop using your details.", "If you change your mind, we will stop using it."} {
		if said, _ := c.Match(s); said == 0 {
			t.Errorf("Match(%q) found nothing; want the row", s)
		}
	}
	if said, _ := c.Match("You can change your mind and stop sending it."); said != 0 {
		t.Errorf("matched a text without the object")
	}
}

// A link's address is no part of its sentence, and the punctuation after a
// bare address is the sentence's own: the negation of one sentence does not
// reach into the next.
func TestConceptsSkipAddresses(t *testing.T) {
	for _, c := range []struct{ text, said, denied string }{
		{"You can access, rectify, port and [erase](https://help.example.com/erase) your data.", "access,rectification,erasure,portability", ""},
		{"We do not share data with https://partner.example.com. Delete your data at any time.", "erasure", ""},
		{"Visit www.example.com; then ask us to delete your data.", "erasure", ""},
	} {
		said, denied := Rights.Match(c.text)
		if rightsOf(said) != c.said || rightsOf(denied) != c.denied {
			t.Errorf("Match(%q) = said %q, denied %q; want %q, %q", c.text, rightsOf(said), rightsOf(denied), c.said, c.denied)
		}
	}
}
