package rules

import (
	"testing"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/notices"
)

var emptySlotEdges = []string{
	"Contact our DPO at.", "email the DPO at", "write to or call us", "Email us at\u00a0, or", "call us on;",
	"reach us via   and", "contact us at dpo@example.org.", "email toor", "write to orbit", "text at: or",
	"contact usat.", "Contact_at.", "CONTACT US AT OR", "ring us on\u00a0\u00a0for", "email  to\tby",
}

// checkEmptySlot fails when emptySlot matches a sentence mayHoldEmptySlot
// would have kept it from: the shortcut must change speed, never findings.
func checkEmptySlot(t *testing.T, sent string) {
	t.Helper()
	if emptySlot.MatchString(sent) && !mayHoldEmptySlot(sent) {
		t.Errorf("mayHoldEmptySlot(%q) = false, but emptySlot matches", sent)
	}
}

func TestMayHoldEmptySlotNeverMissesAMatch(t *testing.T) {
	for _, s := range emptySlotEdges {
		checkEmptySlot(t, s)
	}
	for _, f := range corpus.Sample(t, 2<<20, 0) {
		n, err := notices.Parse(f.Path, f.Src)
		if err != nil {
			continue
		}
		for _, p := range n.Paras() {
			for _, s := range notices.Sentences(p.Text) {
				checkEmptySlot(t, p.Text[s.Start:s.End])
			}
		}
	}
}

func FuzzMayHoldEmptySlot(f *testing.F) {
	for _, s := range emptySlotEdges {
		f.Add(s)
	}
	f.Fuzz(checkEmptySlot)
}
