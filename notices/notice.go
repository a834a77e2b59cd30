package notices

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/noticelint/noticelint/pattern"
)

// Notice is a parsed privacy notice.
type Notice struct {
	Path string
	// Source is the file as noticelint reads it: UTF-8, BOM removed, line
	// endings LF. Every Span indexes into it.
	Source []byte
	// Title is the notice's own title (a lone H1, or its first short line),
	// which is not a section.
	Title string
	// Sections are the top-level sections of the body, in order.
	Sections []*Section
	// Preamble holds the blocks before the first section.
	Preamble []*Block
	// TOC is the table of contents, if the notice has one; its entries are not
	// sections.
	TOC *TOC
	// Refs are the cross-references into the notice found in its text.
	Refs []*Ref
	// PartRefs are the references to parts of the notice that have no
	// number: "the table below", "the contents section".
	PartRefs []*PartRef
	// Contacts are the email addresses, phone numbers, postcodes, URLs and web
	// forms found in the text.
	Contacts []*Contact
	// Facts are what the notice says about itself that decides which
	// checks apply: its scope, controllers, DPO and processing, each with
	// the place of its evidence.
	Facts *Facts
	// Comments are the notice's HTML comments, in order. Rules never see
	// their text; the engine reads suppressions from them.
	Comments []Comment

	text  string // Source with comments and front matter blanked
	lines lineIndex
	keys  map[string]*Section
	// keyed lists every section with a key, in document order, and scopes
	// holds the sections that number their own parts (see resolve).
	keyed  map[string][]*Section
	scopes map[*Section]*Section
	// written holds the numbers that lines of the notice open with; see
	// Written.
	written map[string]bool
	// numParas are the notice's numbered paragraphs, if it numbers them.
	numParas    []*Section
	numParaKeys map[string]*Section
	// texts, refKeys and refKinds hold each distinct reference text, key
	// and kind once.
	texts    map[[3]string]string
	refKeys  map[[2]string]string
	refKinds map[string]*string
	paras    []*Para
	// byPattern lists, for each pattern asked for, the paras that may
	// match it (ParasFor).
	byPattern sync.Map
	// memo holds what other packages derive from the notice once for all
	// their readers (see Memo).
	memo sync.Map
}

// Memo returns the value fn derives from the notice, computing it on the
// first call for key only: several rules that read one derived view of a
// notice (the content elements it states) share one computation, whichever
// asks first. key should be a value of a type private to the caller.
func (n *Notice) Memo(key any, fn func() any) any {
	if v, ok := n.memo.Load(key); ok {
		return v.(func() any)()
	}
	v, _ := n.memo.LoadOrStore(key, sync.OnceValue(fn))
	return v.(func() any)()
}

// SectionKind says how a section was written.
type SectionKind int

const (
	// Heading is a Markdown heading, ATX or setext.
	Heading SectionKind = iota
	// TitleLine is a numbered title in plain text: "16. How to make a
	// complaint", "1 - Introduction", "Appendix 4".
	TitleLine
	// Clause is a numbered paragraph such as "16.1 As with all our services".
	Clause
	// Implied is a section whose title line is missing from the body but whose
	// clauses ("9.1", "9.2") show it exists; its title comes from the table of
	// contents when there is one.
	Implied
	// Unnumbered is a plain-text title with no number that the table of
	// contents lists ("Equality statement").
	Unnumbered
)

// Section is a section or clause of the notice.
type Section struct {
	// Number as written ("16", "3.4", "Appendix 2"); empty for unnumbered
	// headings.
	Number string
	// Key is the normalised number used to resolve references ("16", "3.4",
	// "appendix-2"); empty when the section has no number.
	Key   string
	Title string
	// TitleScan is Title indexed for the patterns of the rules, as
	// Para.Scan is a para's text.
	TitleScan *pattern.Text
	// Level is 1 for top-level sections, 2 for their clauses, and so on.
	Level int
	Kind  SectionKind
	// Span covers the section from its title (or first clause) to the start of
	// the next section at the same or a higher level.
	Span Span
	// TitleSpan covers the title line, or is empty for implied sections.
	TitleSpan Span
	Parent    *Section
	Children  []*Section
	// Blocks are the section's own paragraphs and lists, not its children's.
	Blocks []*Block
}

// BlockKind says what a block is.
type BlockKind int

const (
	Paragraph BlockKind = iota
	List
	Table
	Code
)

// Block is a paragraph, list, table or code block.
type Block struct {
	Kind BlockKind
	Span Span
	// Text is Source[Span] with HTML comments blanked.
	Text string
	// Items are a list's items; "•" lines in plain text count as a list.
	Items   []*Item
	Ordered bool
	Section *Section
	// Intro is the paragraph just before a list, in the same section, that
	// introduces it ("As a data subject you have eight rights:"); nil when
	// the list does not follow a paragraph.
	Intro *Para
	// Within is the list item the block is nested in ("* Canada" above
	// Canada's own list of rights); nil for a block at the top level.
	Within *Item

	list *listInfo // the goldmark list the items came from
}

// Continues reports whether list block b goes on the same Markdown list as
// list block prev: an item with a second paragraph ("*   Opt out ..." over
// an indented "You may also ...") holds that paragraph as a block of its
// own, and the items after it make another block of the one list. Blocks in
// two sections (a heading inside an item) are two lists.
func (b *Block) Continues(prev *Block) bool {
	return b != nil && prev != nil && b.Kind == List && b.list != nil && b.list == prev.list && b.Section == prev.Section
}

// Item is one item of a list.
type Item struct {
	// Marker as written: "1.", "•", "-".
	Marker string
	// Span covers the item's text after its marker.
	Span Span
	Text string
	// Scan is Text indexed for the rules' patterns, shared with the item's
	// para.
	Scan *pattern.Text
}

// TOC is a table of contents: a run of section titles near the top that the
// body repeats.
type TOC struct {
	Span    Span
	Entries []*TOCEntry
}

// TOCEntry is one line of the table of contents.
type TOCEntry struct {
	Number, Key, Title string
	Span               Span
	// Target is the body section the entry lists, if it exists.
	Target *Section
}

// Pos converts a byte offset in Source to a line and column.
func (n *Notice) Pos(off int) Pos { return n.lines.pos(n.Source, off) }

// Offset converts a line and column (as Pos gives them) back to a byte offset
// in Source, clamped to the line: findings carry positions, and a tool that
// needs the section a finding is in asks SectionAt(Offset(pos)).
func (n *Notice) Offset(p Pos) int {
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(n.lines) {
		return len(n.Source)
	}
	off := n.lines[p.Line-1]
	for col := 1; col < p.Col && off < len(n.Source) && n.Source[off] != '\n'; col++ {
		_, size := utf8.DecodeRune(n.Source[off:])
		off += size
	}
	return off
}

// Lookup returns the section or clause whose key is key ("16", "3.4",
// "appendix-2"), or nil.
func (n *Notice) Lookup(key string) *Section { return n.keys[key] }

// SectionsKeyed returns every section and clause whose key is key, in
// document order: a notice may number two sections alike.
func (n *Notice) SectionsKeyed(key string) []*Section { return n.keyed[key] }

// SectionAt returns the innermost section or clause whose span holds the
// byte offset off, or nil for the preamble and the table of contents.
func (n *Notice) SectionAt(off int) *Section {
	var in *Section
	for ss := n.Sections; ; {
		i := sort.Search(len(ss), func(i int) bool { return ss[i].Span.End > off })
		if i == len(ss) || ss[i].Span.Start > off {
			return in
		}
		in, ss = ss[i], ss[i].Children
	}
}

// Walk calls fn for every section and clause in document order.
func (n *Notice) Walk(fn func(*Section)) {
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			fn(s)
			walk(s.Children)
		}
	}
	walk(n.Sections)
}

// Para is a run of prose that rules read: a paragraph, a list item, a
// clause's text or a table. Sentences and matches inside it map back to the
// file through Start.
type Para struct {
	Text  string
	Start int // byte offset of Text[0] in Source
	// Scan is Text indexed for the patterns of the parser and the rules:
	// match paragraphs with pattern.Pattern's methods on it.
	Scan    *pattern.Text
	Section *Section
	Block   *Block
	Item    *Item // set when the para is a list item
}

// Span returns the para's span in Source.
func (p *Para) Span() Span { return Span{p.Start, p.Start + len(p.Text)} }

// Paras returns every para of the notice in document order, the preamble's
// included and the table of contents excluded.
func (n *Notice) Paras() []*Para { return n.paras }

// ParasFor returns, in document order, the paras that may hold a match of
// p: those that hold one of its literals (see pattern.Text.Candidates). A
// rule that looks for p in every para asks only these.
//
// The lists are made when first asked for: a notice's paras are candidates
// of hundreds of patterns each, and a rule asks for a few dozen.
func (n *Notice) ParasFor(p *pattern.Pattern) []*Para {
	if v, ok := n.byPattern.Load(p); ok {
		return v.([]*Para)
	}
	var out []*Para
	for _, para := range n.paras {
		if p.MayMatch(para.Scan) {
			out = append(out, para)
		}
	}
	v, _ := n.byPattern.LoadOrStore(p, out)
	return v.([]*Para)
}

// TopNumber returns the number of the top-level section that s belongs to
// ("16" for clause 16.1), or "" when it has none.
func (s *Section) TopNumber() string {
	for s.Parent != nil {
		s = s.Parent
	}
	return s.Number
}

// Label names the section for messages: "section 16 ('How to make a
// complaint')", "Appendix 2", "section 'Cookies'".
func (s *Section) Label() string {
	switch {
	case s.Number == "" && s.Title != "":
		return "section '" + s.Title + "'"
	case isAppendixKey(s.Key):
		if s.Title != "" {
			return s.Number + " ('" + s.Title + "')"
		}
		return s.Number
	case s.Title != "":
		return kindWord(s) + " " + s.Number + " ('" + s.Title + "')"
	default:
		return kindWord(s) + " " + s.Number
	}
}

// kindWord is "clause" for a part of a numbered section ("3.4", or a
// numbered paragraph under "3"), "section" otherwise, whatever the level: a
// numbered section may sit under an unnumbered heading.
func kindWord(s *Section) string {
	if strings.Contains(s.Number, ".") || s.Parent != nil && s.Parent.Key != "" {
		return "clause"
	}
	return "section"
}

// Text returns all the prose of the section and its descendants, joined.
func (s *Section) Text() string {
	var b strings.Builder
	var walk func(*Section)
	walk = func(s *Section) {
		b.WriteString(s.Title)
		b.WriteByte('\n')
		for _, bl := range s.Blocks {
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		}
		for _, c := range s.Children {
			walk(c)
		}
	}
	walk(s)
	return b.String()
}

// Ancestors returns s and its parents, innermost first.
func (s *Section) Ancestors() []*Section {
	var out []*Section
	for ; s != nil; s = s.Parent {
		out = append(out, s)
	}
	return out
}

// Contains reports whether s is t or one of t's ancestors.
func (s *Section) Contains(t *Section) bool {
	for ; t != nil; t = t.Parent {
		if t == s {
			return true
		}
	}
	return false
}
