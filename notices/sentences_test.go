package notices

import "testing"

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"We keep it. You can ask. Really?", []string{"We keep it.", "You can ask.", "Really?"}},
		// Dotted initials and short forms are not sentence ends.
		{"Example Inc. adheres to the EU-U.S. Privacy Shield, although we do not rely on it. We use the IDTA.",
			[]string{"Example Inc. adheres to the EU-U.S. Privacy Shield, although we do not rely on it.", "We use the IDTA."}},
		{"See Art. 21 and e.g. Schedule 1. Then write to Dr. Okafor.", []string{"See Art. 21 and e.g. Schedule 1.", "Then write to Dr. Okafor."}},
		// A single initial, a number and "etc." still end sentences.
		{"See Appendix A. It lists them. See section 3.6. Then etc. Next one.",
			[]string{"See Appendix A.", "It lists them.", "See section 3.6.", "Then etc.", "Next one."}},
		{"Write to us at:\n1 High Street", []string{"Write to us at:", "1 High Street"}},
	} {
		var got []string
		for _, s := range Sentences(tc.text) {
			got = append(got, tc.text[s.Start:s.End])
		}
		if len(got) != len(tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
				break
			}
		}
	}
}
