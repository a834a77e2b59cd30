package notices

import (
	"regexp"
	"strings"
)

// lostMarker matches a list marker inside a line of prose, where a
// converter left a list's items: "'; Text += '1.  Hearst uses ...".
var lostMarker = regexp.MustCompile(`(?:^|[\s'"])(?:\d{1,2}[.)]|[•·▪●◦‣∙○■□➢➤►–])[\t \x{00A0}]`)

// PartLabels returns the labels of the lettered or numbered parts a section
// sets out in its own text and sub-headings ("a" for "a) where it is
// necessary ...", "(b) Cookies", "### c. Information from others"), in
// order and lower-cased, and whether that is all it has: known is true when
// the section's parts are marked, or when it is a few paragraphs of prose
// with no list, table or sub-section that could hold unmarked parts. A reference to part
// (A) of a section whose lists lost their letters in conversion cannot be
// judged.
func (s *Section) PartLabels() (labels []string, known bool) {
	seen := map[string]bool{}
	add := func(text string) {
		if l, ok := partLabel(text); ok && !seen[l] {
			seen[l] = true
			labels = append(labels, l)
		}
	}
	plain, paras := true, 0
	for _, c := range s.Children {
		plain = false
		add(c.Title)
		if c.Number != "" {
			add(c.Number)
		}
	}
	for _, bl := range s.Blocks {
		switch bl.Kind {
		case List:
			plain = false
			for _, it := range bl.Items {
				add(it.Marker + " " + it.Text)
				add(it.Text)
			}
		case Paragraph:
			paras++
			for _, line := range strings.Split(bl.Text, "\n") {
				add(strings.TrimLeft(line, " \t"))
				if lostMarker.MatchString(line) {
					plain = false
				}
			}
		default:
			plain = false
		}
	}
	// A few paragraphs of prose plainly have no parts; a long run of them
	// may be a list whose markers a converter lost.
	return labels, len(labels) > 0 || plain && paras <= 3
}

// partLabel reads the label a part's text opens with: "(a) ", "a) ", "a. ",
// "(ii) ", "A. ", past bold markup.
func partLabel(t string) (string, bool) {
	t = strings.TrimLeft(t, "*_ ")
	open := strings.HasPrefix(t, "(")
	if open {
		t = t[1:]
	}
	i := 0
	for i < len(t) && i < 5 && (isLower(t[i]) || isUpper(t[i])) {
		i++
	}
	if i == 0 || i == len(t) {
		return "", false
	}
	label := t[:i]
	if i > 1 && !isRoman(strings.ToLower(label)) {
		return "", false
	}
	switch {
	case t[i] == ')':
	case t[i] == '.' && !open && i+1 < len(t) && (t[i+1] == ' ' || t[i+1] == '*' || t[i+1] == '\t'):
	default:
		return "", false
	}
	return strings.ToLower(label), true
}

func isRoman(s string) bool { return strings.Trim(s, "ivx") == "" }
