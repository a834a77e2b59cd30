package notices

import "testing"

// Offset undoes Pos, columns counted in characters, so a finding's position
// leads back to its byte and its section.
func TestOffsetInvertsPos(t *testing.T) {
	n, err := Parse("x.md", []byte("# Notice\n\n1. Café rules\n\n1.1 Naïve text, see section 2.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for off := 0; off <= len(n.Source); off++ {
		if off < len(n.Source) && n.Source[off]&0xC0 == 0x80 {
			continue // inside a multi-byte character
		}
		if got := n.Offset(n.Pos(off)); got != off {
			t.Fatalf("Offset(Pos(%d)) = %d", off, got)
		}
	}
	if s := n.SectionAt(n.Offset(Pos{Line: 5, Col: 8})); s == nil || s.Number != "1.1" {
		t.Errorf("SectionAt(5:8) = %v, want clause 1.1", s)
	}
}
