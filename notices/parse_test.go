package notices_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/noticelint/noticelint/notices"
)

func parse(t *testing.T, src string) *notices.Notice {
	t.Helper()
	n, err := notices.Parse("test.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// outline renders the top-level sections as "number|title|kind|clauses".
func outline(n *notices.Notice) []string {
	var out []string
	for _, s := range n.Sections {
		out = append(out, strings.Join([]string{s.Number, s.Title, kind(s.Kind), itoa(len(s.Children))}, "|"))
	}
	return out
}

func kind(k notices.SectionKind) string {
	return map[notices.SectionKind]string{notices.Heading: "heading", notices.TitleLine: "title", notices.Clause: "clause",
		notices.Implied: "implied", notices.Unnumbered: "unnumbered"}[k]
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestShapes(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"atx headings", "# Privacy notice\n\n## 1. Who we are\n\nText.\n\n## 2. Your rights\n\n### 2.1 Access\n\nText.\n",
			[]string{"1|Who we are|heading|0", "2|Your rights|heading|1"}},
		{"setext headings", "Privacy notice\n==============\n\nWho we are\n----------\n\nText.\n\nYour rights\n-----------\n\nText.\n",
			[]string{"|Who we are|heading|0", "|Your rights|heading|0"}},
		{"plain numbered titles and clauses", "1. Introduction\n\n1.1 We are a landlord.\n\n2. Complaints\n\n2.1 Write to us.\n\n2.2 Or call.\n",
			[]string{"1|Introduction|title|1", "2|Complaints|title|2"}},
		{"dash titles", "1 - Introduction\n\n1.1 Text.\n\n2- Who we are\n\n2.1 Text.\n\n3 Why we collect\n\n3.1 Text.\n",
			[]string{"1|Introduction|title|1", "2|Who we are|title|1", "3|Why we collect|title|1"}},
		{"list under a clause is not sections", "1. Intro\n\n1.1 Text.\n\n2. Your rights\n\n2.1 You can:\n\n1. Ask us for access\n2. Ask us to correct it\n3. Ask us to erase it\n\n2.2 More.\n",
			[]string{"1|Intro|title|1", "2|Your rights|title|2"}},
		{"title swallowed by a list", "1. Gathering\n\n1.1 We gather it:\n\n  1. from you\n  2. from others\n\n3. Capturing images\n\n3.1 We use CCTV.\n",
			[]string{"1|Gathering|title|1", "3|Capturing images|title|1"}}, // a gap in numbering: the orphan title still names 3
		{"next title swallowed by a list", "1. Intro\n\n1.1 x\n\n2. Gathering\n\n2.1 We gather it:\n\n  1. from you\n  2. from others\n\n3. Capturing images\n\n3.1 We use CCTV.\n",
			[]string{"1|Intro|title|1", "2|Gathering|title|1", "3|Capturing images|title|1"}},
		{"clauses imply a missing title", "1. Intro\n\n1.1 Text.\n\n2.1 Orphan clause.\n\n2.2 Another.\n",
			[]string{"1|Intro|title|1", "2||implied|2"}},
		{"appendices", "1. Intro\n\n1.1 See Appendix 1.\n\nAppendix 1\n\nSuppliers.\n\nAppendix 2 - Retention\n\nSix years.\n",
			[]string{"1|Intro|title|1", "Appendix 1||title|0", "Appendix 2|Retention|title|0"}},
		{"bold numbered titles", "**1\\. About us**\n\nWe run a lettings agency.\n\n**2. How we share**\n\nWith landlords.\n\n**3.** **Keeping it safe**\n\nLocked cabinets.\n\n**4\\.**\n\nComplaints\n\nWrite to us.\n",
			[]string{"1|About us|title|0", "2|How we share|title|0", "3|Keeping it safe|title|0", "4|Complaints|title|0"}},
		{"escaped numbers", "1. Who we are\n\n1.1 A landlord.\n\n2\\. Cookies\n\nWe set two.\n\n3\\. Changes to this policy\n\nWe post them here.\n",
			[]string{"1|Who we are|title|1", "2|Cookies|title|0", "3|Changes to this policy|title|0"}},
		{"bold title with its text on the line", "**1. Who we are.** A housing charity.\n\n**2. What we hold:** Names and rent records.\n",
			[]string{"1|Who we are|title|0", "2|What we hold|title|0"}},
		{"list items as titles", "1. **Information we collect**\n\n   Your name and address.\n\n2. **How we use it**\n\n   To run your account.\n\n   2.1 For billing.\n\n3. **Your rights**\n\n   You can ask for a copy.\n",
			[]string{"1|Information we collect|title|0", "2|How we use it|title|1", "3|Your rights|title|0"}},
		{"list items as titles, one text indented too little", func() string {
			var b strings.Builder
			for i, t := range []string{"WHO WE ARE", "WHAT WE COLLECT", "USE", "SHARING", "COOKIES", "SECURITY", "CHILDREN", "LINKS", "UPDATES", "CONTACT", "CHANGES"} {
				// "10.  " puts the text at column 5, so the body of item 10,
				// indented 4, ends the list: item 11 starts a new one.
				fmt.Fprintf(&b, "%d.  %s\n\n    Text of part %d.\n\n", i+1, t, i+1)
			}
			return b.String()
		}(), []string{"1|WHO WE ARE|title|0", "2|WHAT WE COLLECT|title|0", "3|USE|title|0", "4|SHARING|title|0", "5|COOKIES|title|0",
			"6|SECURITY|title|0", "7|CHILDREN|title|0", "8|LINKS|title|0", "9|UPDATES|title|0", "10|CONTACT|title|0", "11|CHANGES|title|0"}},
		{"a list of titles starts at the next number", "8.  WHAT WE COLLECT\n\n    Your name.\n\n9.  SHARING\n\n    With no one.\n",
			nil},
		{"a list of short items is not titles", "1. Introduction\n\nWe hold:\n\n2. Names\n3. Addresses\n\nThat is all.\n",
			[]string{"1|Introduction|title|0"}},
		{"bold inline clauses", "## 2. Data we collect\n\n**2.1 Visiting our site:** We count visits.\n\n**2.2 Payment data**: Our processor keeps it.\n\n**2.3** **Support:** We keep your emails.\n\n**2.4 Newsletters**\n\nWe send one a month.\n",
			[]string{"2|Data we collect|heading|4"}},
		{"bold clauses with no blank line between them", "## 7. Your rights\n\nYou have these rights.\n**7.1 Right of access.** Ask for a copy.\n\u00a0\n**7.2 Right to erasure.** Ask us to delete it.\n**7.3 Right to object.** Tell us.\n",
			[]string{"7|Your rights|heading|3"}},
		{"unnumbered headings under numbered title lines", "1. Who we are\n\nA landlord.\n\n### Our office\n\nIn Leeds.\n\n2. Your rights\n\n### Access\n\nAsk us.\n\n#### By post\n\nWrite.\n",
			[]string{"1|Who we are|title|1", "2|Your rights|title|1"}},
		{"lettered headings are parts of the numbered one before", "### 3. How we collect it\n\n### (a) From you\n\nForms.\n\n### By post\n\nLetters.\n\n### (b) From others\n\nReferences.\n\n### 4. Sharing\n\nWith no one.\n",
			[]string{"3|How we collect it|heading|2", "4|Sharing|heading|0"}},
		{"titles that say Section", "Section 1 - Who we are\n\nA charity.\n\n**SECTION 2 – WHAT WE HOLD**\n\nNames.\n\nSECTION 3: Your rights\n\nAsk us.\n",
			[]string{"1|Who we are|title|0", "2|WHAT WE HOLD|title|0", "3|Your rights|title|0"}},
		{"a clause under a later section does not hold a title back", "1. Definitions\n\nWords.\n\n2. Purpose\n\nWhy.\n\n3. Our role\n\nController.\n\n4. Requests\n\nWrite to:\n\n2.1 For our own data, the DPO.\n",
			[]string{"1|Definitions|title|0", "2|Purpose|title|0", "3|Our role|title|0", "4|Requests|title|0"}},
		{"a title below lines a web page put above it", "On this page\n\n* [Home](/)\n\nPrivacy notice\n==============\n\n**1\\. Who we are**\n\nA charity.\n",
			[]string{"1|Who we are|title|0"}},
		// A page converted from HTML: each item of the body's list led by
		// an empty anchor link, which hides its marker.
		{"items behind anchor links, titled as the contents list them", "Contents:\n\n*   [What we collect](#c1)\n*   [How we use it](#c2)\n*   [Who we tell](#c3)\n\n" +
			"[](https://example.org/privacy#c1)*   What we collect\n    *   Account data. Your name.\n" +
			"[](https://example.org/privacy#c2)*   How we use it. We use it as follows:\n    *   To bill you.\n" +
			"[](https://example.org/privacy#c3)[](#x)*   Who we tell: nobody.\n",
			[]string{"|What we collect|unnumbered|0", "|How we use it|unnumbered|0", "|Who we tell|unnumbered|0"}},
		{"plain lines titled as the contents list them", "*   [Who we are](#who)\n*   [What we hold](#what)\n*   [Your rights](#rights)\n\nWho we are\n\nA charity.\n\nWhat we hold\n\nNames.\n\nYour rights\n\nAsk us.\n",
			[]string{"|Who we are|unnumbered|0", "|What we hold|unnumbered|0", "|Your rights|unnumbered|0"}},
		{"one line that repeats an entry, where the others are headings of another wording", "*   [Who we are](#who)\n*   [What we hold](#what)\n*   [Your rights](#rights)\n\n**About us**\n\nA charity.\n\nWhat we hold\n\nNames and rents, for the rest of the notice.\n\n**Rights**\n\nAsk us.\n",
			nil},
		{"an empty link before prose is not a hidden marker", "[](#top)*Updated* in May.\n\n[](#a)1.5 million people use it.\n", nil},
		{"a number glued to its title", "# Privacy notice\n\n1\\. Who we are\n\nA club.\n\n2.What we collect\n\nNames.\n\n3\\. Sharing\n\nNone.\n",
			[]string{"1|Who we are|title|0", "2|What we collect|title|0", "3|Sharing|title|0"}},
		{"Roman title lines", "# Privacy notice\n\nI. Who we are\n\nA club.\n\nII. What we collect\n\nNames.\n\nIII. Sharing\n\nNone.\n",
			[]string{"I|Who we are|title|0", "II|What we collect|title|0", "III|Sharing|title|0"}},
		{"lettered headings keep I as a letter", "# Privacy notice\n\n## G. Visitors\n\nText.\n\n## H. Children\n\nText.\n\n## I. Links\n\nText.\n\n## J. Cookies\n\nText.\n\nII. Further information\n\nText.\n",
			[]string{"|G. Visitors|heading|0", "|H. Children|heading|0", "|I. Links|heading|0", "|J. Cookies|heading|0"}},
		{"lettered sub-headings under Roman headings", "# Privacy notice\n\n## I. About us\n\n### H. Children\n\nText.\n\n### I. Links\n\nText.\n\n## II. Your rights\n\nText.\n",
			[]string{"I|About us|heading|2", "II|Your rights|heading|0"}},
		{"bold capital lines title a notice with no headings", "# Privacy notice\n\n**WHO WE ARE**\n\nA club.\n\n**WHAT WE COLLECT**\n\nNames.\n\n**YOUR RIGHTS**\n\nAsk us.\n",
			[]string{"|WHO WE ARE|unnumbered|0", "|WHAT WE COLLECT|unnumbered|0", "|YOUR RIGHTS|unnumbered|0"}},
		{"bold call-outs in a numbered notice are no titles", "# Privacy notice\n\n1\\. Who we are\n\nA club.\n\n**IMPORTANT:**\n\nWe sell nothing.\n\n2\\. What we collect\n\nNames.\n\n**PLEASE NOTE:**\n\nText.\n\n3\\. Your rights\n\nAsk us.\n\n**CONTACT US:**\n\nWrite to us.\n",
			[]string{"1|Who we are|title|0", "2|What we collect|title|0", "3|Your rights|title|0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, outline(parse(t, tt.src))); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}
		})
	}
}

// A line that shows nothing (a page converted from HTML writes its empty
// paragraphs as a no-break or zero-width space) parts the paragraphs
// around it, as the page did; visible text with such a space in it does not.
func TestInvisibleLinesAreBlank(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      int
	}{
		{"no-break space", "We collect names.\n\u00a0\nWe keep them a year.\n", 2},
		{"zero-width space and blanks", "We collect names.  \n \u200b \nWe keep them a year.\n", 2},
		{"zero-width joiner and byte order mark", "We collect names.\n\u200d\ufeff\nWe keep them a year.\n", 2},
		{"text beside the space stays", "We collect names.\n\u00a0and addresses.\nWe keep them a year.\n", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := parse(t, "# Privacy notice\n\n"+tt.src)
			if got := len(n.Paras()); got != tt.want {
				t.Errorf("%d paras, want %d", got, tt.want)
			}
			for _, p := range n.Paras() {
				if got := string(n.Source[p.Start : p.Start+len(p.Text)]); got != p.Text {
					t.Errorf("para %q is not the source at its offset (%q)", p.Text, got)
				}
			}
		})
	}
}

func TestTableOfContents(t *testing.T) {
	src := "Privacy notice\n\n1. Introduction\n\n2. Who we are\n\n3. Complaints\n\nFeedback\n\n" +
		"1. Introduction\n\n1.1 Text.\n\n2. Who we are\n\n2.1 Text.\n\n3.1 Complain to us.\n\nFeedback\n\nTell us.\n"
	n := parse(t, src)
	if n.TOC == nil || len(n.TOC.Entries) != 4 {
		t.Fatalf("TOC = %+v, want 4 entries", n.TOC)
	}
	want := []string{"1|Introduction|title|1", "2|Who we are|title|1", "3|Complaints|implied|1", "|Feedback|unnumbered|0"}
	if diff := cmp.Diff(want, outline(n)); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
	if n.Title != "Privacy notice" {
		t.Errorf("Title = %q", n.Title)
	}
}

func TestRefs(t *testing.T) {
	src := "1. Intro\n\n1.1 See section three for more information about your rights. " +
		"See sections 2 and 3. We act under section 7 of the Data Protection Act 2018 and Article 21 of the UK GDPR. " +
		"See clause 2.1 on how to complain. See section 2, 'Who we are'. See Appendix 1. Read clause 14 of your tenancy agreement.\n\n" +
		"2. Who we are\n\n2.1 Text.\n\n3. Your rights\n\n3.1 Text.\n"
	n := parse(t, src)
	var got []string
	for _, r := range n.Refs {
		target := "-"
		if r.Target != nil {
			target = r.Target.Key
		}
		got = append(got, r.Text+"|"+r.Key+"|"+target+"|"+r.Topic)
	}
	want := []string{
		"section three|3|3|your rights",
		"section 2|2|2|",
		"section 3|3|3|",
		"clause 2.1|2.1|2.1|how to complain",
		"section 2|2|2|Who we are",
		"Appendix 1|appendix-1|-|",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}

func TestContacts(t *testing.T) {
	n := parse(t, "Write to dpo@example.org.uk or dpo@example, call 0303 123 1113, visit https://example.org/form. Post: 1 High St, Chatham ME4 4LL. Or P.O. Box 1688, Bellevue, WA 98009-1688; Postfach 10 01 23; 22297 Hamburg; Portland, OR 9720.\n")
	var got []string
	for _, c := range n.Contacts {
		v := "valid"
		if !c.Valid {
			v = "invalid"
		}
		got = append(got, c.Kind.String()+"|"+c.Value+"|"+v)
	}
	want := []string{"email|dpo@example.org.uk|valid", "email|dpo@example|invalid", "phone|0303 123 1113|valid",
		"url|https://example.org/form|valid", "postcode|ME4 4LL|valid",
		"address|P.O. Box 1688|valid", "address|Bellevue, WA 98009-1688|valid", "address|Postfach 10 01 23|valid"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("contacts (-want +got):\n%s", diff)
	}
}

func TestPositions(t *testing.T) {
	// BOM and CRLF: positions are those an editor shows for the original file.
	src := "\xEF\xBB\xBF1. Intro\r\n\r\n1.1 See section 9 – café.\r\n"
	n := parse(t, src)
	if len(n.Refs) != 1 {
		t.Fatalf("refs = %d, want 1", len(n.Refs))
	}
	if got := n.Pos(n.Refs[0].Span.Start); got != (notices.Pos{Line: 3, Col: 9}) {
		t.Errorf("ref at %+v, want 3:9", got)
	}
	// Columns count characters, not bytes.
	n = parse(t, "1. Intro\n\n1.1 Café – see section 9.\n")
	if got := n.Pos(n.Refs[0].Span.Start); got != (notices.Pos{Line: 3, Col: 16}) {
		t.Errorf("ref at %+v, want 3:16", got)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"invalid utf-8", "ok\nab\xffc\n", "2:3: invalid UTF-8"},
		{"nul byte", "ok\x00", "1:3: file contains a NUL byte"},
		{"utf-16", "\xff\xfeh\x00i\x00", "UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := notices.Parse("x.md", []byte(tt.src))
			var de *notices.DecodeError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "x.md: ") {
				t.Errorf("err = %v, want a DecodeError containing %q", err, tt.want)
			}
		})
	}
}

func TestEmptyAndOdd(t *testing.T) {
	for _, src := range []string{"", " \n\t\n", "\r\r\r", "---\ntitle: x\n---\n", "<!-- only a comment -->", strings.Repeat(">", 5000) + " deep"} {
		n := parse(t, src)
		if len(n.Sections) != 0 {
			t.Errorf("%q: %d sections, want 0", src[:min(len(src), 20)], len(n.Sections))
		}
	}
}

// TestSeeds checks the trees built from the three real notices.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/seeds not present")
	}
	read := func(name string) *notices.Notice {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		n, err := notices.Parse(name, src)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	titles := func(n *notices.Notice) map[string]string {
		m := map[string]string{}
		for _, s := range n.Sections {
			m[s.Number] = s.Title
		}
		return m
	}

	n := read("000_012f2c22baed37e5.txt")
	if len(n.Sections) != 32 || n.TOC == nil || len(n.TOC.Entries) != 32 {
		t.Errorf("000: %d sections, TOC %v; want 29 numbered + 3 unnumbered and a 32-entry TOC", len(n.Sections), n.TOC != nil)
	}
	tt := titles(n)
	for num, title := range map[string]string{"7": "Capturing images", "9": "Our legal basis for using your personal information",
		"15": "Commitment to Refer", "16": "How to make a complaint", "29": "Phishing"} {
		if tt[num] != title {
			t.Errorf("000 section %s = %q, want %q", num, tt[num], title)
		}
	}
	if s := n.Lookup("21"); s == nil || len(s.Children) != 4 {
		t.Errorf("000 section 21 should have clauses 21.1-21.4")
	}

	n = read("001_1e299fd3d48f26ea.txt")
	tt = titles(n)
	for num, title := range map[string]string{"4": "What kinds of personal identifiable information we use",
		"9": "Automated decision making", "15": "Make a complaint", "28": "Phishing"} {
		if tt[num] != title {
			t.Errorf("001 section %s = %q, want %q", num, tt[num], title)
		}
	}

	n = read("003_78c46c5ded6a4752.txt")
	var nums []string
	for _, s := range n.Sections {
		nums = append(nums, s.Number)
	}
	want := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "Appendix 1", "Appendix 2", "Appendix 3", "Appendix 4"}
	if diff := cmp.Diff(want, nums); diff != "" {
		t.Errorf("003 sections (-want +got):\n%s", diff)
	}
}

// TestBlocksWithin checks that a block nested in a list item knows the
// item, at every depth, and that top-level blocks have none.
func TestBlocksWithin(t *testing.T) {
	n := parse(t, "## Rights\n\nIntro.\n\n- Canada\n\n  Your rights:\n\n  - access\n    - nested deeper\n  - deletion\n\n- Brazil\n\n  Text.\n\nAfter.\n")
	var got []string
	for _, bl := range n.Sections[0].Blocks {
		within := "-"
		if bl.Within != nil {
			within = bl.Within.Text
		}
		got = append(got, strings.Fields(bl.Text)[0]+"<"+within)
	}
	want := []string{"Intro.<-", "-<-", "Your<Canada", "-<Canada", "-<access", "-<Canada", "-<-", "Text.<Brazil", "After.<-"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("blocks and the items they are in (-want +got):\n%s", diff)
	}
}

// A flood of references is mostly Refs: a Ref holds what every reference
// has, and what few have (sub-parts, a list, a quoted topic) behind one
// pointer, read through methods that give the same answers.
func TestRefFootprint(t *testing.T) {
	if size := unsafe.Sizeof(notices.Ref{}); size > 104 {
		t.Errorf("a Ref takes %d bytes, want at most 104", size)
	}
	n, err := notices.Parse("n.md", []byte("# Notice\n\n## 1. Data\n\nText.\n\n## 2. Rights\n\n"+
		"See section 1, sections 1 and 2, Section 2(b) and section 1 ('Data').\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range n.Refs {
		got = append(got, fmt.Sprintf("%s|%s|%d|%v|%v", r.Text, r.Kind(), len(r.Group()), r.Parts(), r.TopicQuoted()))
	}
	want := []string{"section 1|section|1|[]|false", "section 1|section|2|[]|false", "section 2|section|2|[]|false",
		"Section 2(b)|section|1|[b]|false", "section 1|section|1|[]|true"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("references (-want +got):\n%s", diff)
	}
}
