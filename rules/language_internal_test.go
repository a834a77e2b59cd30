package rules

import (
	"strings"
	"testing"

	"github.com/noticelint/noticelint/notices"
)

// English is read from a notice's commonest words over its first 64 KB: a
// page that opens with a long menu is still English, a Czech or Danish one
// is not though none of its words is listed as another language's, and a
// French one is not.
func TestReadsEnglish(t *testing.T) {
	english := strings.Repeat("We use your data to send you the goods you order and to answer your questions. ", 40)
	menu := strings.Repeat("Deutsch Español Français Italiano Nederlands Polski Svenska Türkçe\n", 80) // over 4 KB
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"English", english, true},
		{"English after a menu of languages", menu + english, true},
		{"English among a page's scripts", strings.Repeat("ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); var wrap_height = 10; ", 60) + english, true},
		{"Czech", strings.Repeat("Vaše jméno a e-mail potřebuji k vyřízení objednávky a k zaslání faktury. ", 40), false},
		{"Danish", strings.Repeat("Vi bruger dine oplysninger til at sende dig de varer, du bestiller. ", 40), false},
		{"French", strings.Repeat("Nous utilisons vos données pour vous envoyer les produits et la facture. ", 40), false},
		{"no words at all", "", true},
	} {
		if got := readsEnglish([]byte(tt.text)); got != tt.want {
			t.Errorf("%s: readsEnglish = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// The checklist of a notice in another language says of every element that
// it was not judged, and why, rather than calling it missing.
func TestChecklistNotInEnglish(t *testing.T) {
	src := "# Zásady\n\nTyto zásady se řídí nařízením GDPR.\n\n## Proč zpracovávám vaše údaje\n\n" +
		strings.Repeat("Vaše jméno potřebuji k vyřízení objednávky. ", 12) + "\n"
	n, err := notices.Parse("cz.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range Checklist(n, n.Facts) {
		if v.Status != NotApplicable || v.Why != notEnglish {
			t.Errorf("%s: %v (%q), want not applicable because %q", v.ID, v.Status, v.Why, notEnglish)
		}
	}
}

// A comment is not the notice's language: a Czech notice with an English
// editor's note is still Czech.
func TestReadsEnglishSkipsComments(t *testing.T) {
	czech := strings.Repeat("Vaše jméno a e-mail potřebuji k vyřízení objednávky a k zaslání faktury. ", 10)
	note := "<!-- Note to the editor: the text of the rights and of the purposes is to be reviewed by the end of the year. -->\n"
	if readsEnglish([]byte(note + czech)) {
		t.Error("a Czech notice with an English comment read as English")
	}
}
