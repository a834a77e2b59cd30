package rules

import (
	"regexp"
	"testing"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// movedRe is the single regexp movedToAnotherRecipient stands for.
var movedRe = regexp.MustCompile(`(?i)\b(?:transfer|move|copy|transmit|send|sent|port)\w{0,12}\b[^.;]{0,160}\b(?:another|other|different) (?:organisation|organization|controller|provider|company|service|IT system|housing provider)`)

var movedEdges = []string{
	"You can ask us to transfer your data to another organisation.",
	"move it to another provider", "transferred; to another company", "transfer. another company",
	"transmitting it to a different controller", "portable to other service",
	"transferanother company", "a transfer_x another company", "sent it to another IT system",
	"transfer " + repeat("x", 150) + " another company", "transfer " + repeat("x", 155) + " another company",
	"transfer " + repeat("x ", 80) + "to another company", "xtransfer it to another company",
	"transferringgggggggg it to another company", "transferrin it, to another company",
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func checkMoved(t *testing.T, text string) {
	t.Helper()
	if got, want := movedToAnotherRecipient(pattern.Index(text)), movedRe.MatchString(text); got != want {
		t.Errorf("movedToAnotherRecipient(%q) = %v, the regexp says %v", text, got, want)
	}
}

func TestMovedToAnotherRecipientSameAsRegexp(t *testing.T) {
	for _, text := range movedEdges {
		checkMoved(t, text)
	}
	for _, f := range corpus.Sample(t, 2<<20, 0) {
		n, err := notices.Parse(f.Path, f.Src)
		if err != nil {
			continue
		}
		for _, p := range n.Paras() {
			checkMoved(t, p.Text)
		}
	}
}

func FuzzMovedToAnotherRecipient(f *testing.F) {
	for _, text := range movedEdges {
		f.Add(text)
	}
	f.Fuzz(checkMoved)
}
