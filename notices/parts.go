package notices

import (
	"regexp"
	"strconv"
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

// NumberedParagraphs returns the paragraphs a notice numbers in place of
// sections ("9. You can complain to ..."), as sections of their own that the
// tree does not list, keyed by the number written in front of each: a list
// that CommonMark restarts or an indented paragraph keeps its written
// number. A notice numbers its paragraphs only when its numbered prose,
// taken in order, runs 1, 2, 3, ... without a restart, at least three long;
// lists that each count from 1 are lists, not paragraph numbers.
func (n *Notice) NumberedParagraphs() []*Section { return n.numParas }

func (n *Notice) indexNumberedParas() {
	var out []*Section
	for _, p := range n.paras {
		if p.Block == nil || p.Block.Within != nil {
			continue
		}
		num := 0
		switch {
		case p.Item != nil && p.Block.Ordered:
			num, _ = strconv.Atoi(strings.TrimRight(p.Item.Marker, ".)"))
		case p.Item == nil && p.Block.Kind == Paragraph && p.Text != "" && isDigit(p.Text[0]):
			l, ok := readLead(p.Text)
			if !ok || l.term == 0 || !l.sep || strings.Contains(l.num, ".") {
				continue
			}
			num, _ = strconv.Atoi(l.num)
		default:
			continue
		}
		if num != len(out)+1 {
			return
		}
		out = append(out, &Section{Number: strconv.Itoa(num), Key: strconv.Itoa(num), Level: 1, Kind: Clause,
			Span: p.Span(), TitleSpan: Span{p.Start, p.Start}, Parent: p.Section, Blocks: []*Block{p.Block}})
	}
	if len(out) >= 3 {
		n.numParas = out
		n.numParaKeys = map[string]*Section{}
		for _, s := range out {
			n.numParaKeys[s.Key] = s
		}
	}
}
