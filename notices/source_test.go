package notices

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/noticelint/noticelint/internal/corpus"
	"github.com/noticelint/noticelint/pattern"
)

func TestLooksUTF16(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"N\x00o\x00t\x00i\x00c\x00e\x00", true},       // little-endian
		{"\x00N\x00o\x00t\x00i\x00c\x00e", true},       // big-endian
		{"\x00\x01\x02PK", false},                      // binary: NULs without the pattern
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", false}, // an image
		{"ok\x00", false},                              // too short to tell
		{"plain text", false},
	}
	for _, tt := range tests {
		if got := looksUTF16([]byte(tt.src)); got != tt.want {
			t.Errorf("looksUTF16(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestDecodeRefusals(t *testing.T) {
	tests := []struct{ src, want string }{
		{"\xff\xfe\x00\x00#\x00\x00\x00", "file is UTF-32 encoded; save it as UTF-8"},
		{"\x00\x00\xfe\xff\x00\x00\x00#", "file is UTF-32 encoded; save it as UTF-8"},
		{"\xfe\xff\x00#", "file is UTF-16 encoded; save it as UTF-8"},
		{"#\x00 \x00N\x00o\x00", "file looks UTF-16 encoded (it has no byte order mark); save it as UTF-8"},
		{"Caf\xe9\n", "1:4: invalid UTF-8; save the file as UTF-8 (byte offset 3)"},
	}
	for _, tt := range tests {
		if _, err := normalise([]byte(tt.src)); err == nil || err.Error() != tt.want {
			t.Errorf("normalise(%q) = %v, want %q", tt.src, err, tt.want)
		}
	}
}

// TestLateNUL: a NUL byte near the start makes a file binary; one deep in a
// text file is read as a space, keeping positions.
func TestLateNUL(t *testing.T) {
	head := "# Notice\n\n" + strings.Repeat("We keep your data safe.\n", binarySniff/24) + "\n"
	n, err := Parse("late.md", []byte(head+"| a\x00 | 1.1 See section 7. |\n"))
	if err != nil {
		t.Fatalf("a late NUL refused the file: %v", err)
	}
	if bytes.IndexByte(n.Source, 0) >= 0 || len(n.Source) != len(head)+len("| a\x00 | 1.1 See section 7. |\n") {
		t.Error("the NUL was not read as one space")
	}
	if _, err := Parse("early.md", []byte("# Notice\x00\n")); err == nil || !strings.Contains(err.Error(), "1:9: file contains a NUL byte") {
		t.Errorf("an early NUL: err = %v", err)
	}
}

// TestCROnly: a file saved with classic Mac line endings reads like its LF
// twin, with the same positions.
func TestCROnly(t *testing.T) {
	lf := "# Notice\n\n1. Intro\n\n1.1 See section 7.\n"
	a, err := Parse("lf.md", []byte(lf))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("cr.md", []byte(strings.ReplaceAll(lf, "\n", "\r")))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Refs) != 1 || len(b.Refs) != 1 || a.Pos(a.Refs[0].Span.Start) != b.Pos(b.Refs[0].Span.Start) {
		t.Errorf("CR-only file read differently: %d and %d refs", len(a.Refs), len(b.Refs))
	}
}

func TestFlattenNesting(t *testing.T) {
	deep := func(marker string, n int) string { return strings.Repeat(marker, n) + "deep" }
	tests := []struct {
		name, src string
		// kept is how many markers survive on the last line.
		kept int
		mark string
	}{
		{"quotes at the limit", deep(">", maxNesting), maxNesting, ">"},
		{"quotes past the limit", deep(">", 100000), maxNesting, ">"},
		{"bullets past the limit", deep("- ", 5000), maxNesting, "-"},
		{"ordered past the limit", deep("1. ", 5000), maxNesting, "1."},
		{"quotes and lists share the limit", strings.Repeat("> ", 60) + deep("* ", 60), maxNesting, ""},
		{"a thematic break is three markers", "* * *", 3, "*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.src)
			flattenNesting(b)
			if len(b) != len(tt.src) {
				t.Fatalf("length changed from %d to %d", len(tt.src), len(b))
			}
			if tt.mark == "" {
				if got := strings.Count(string(b), ">") + strings.Count(string(b), "*"); got != tt.kept {
					t.Errorf("%d markers kept, want %d", got, tt.kept)
				}
				return
			}
			if got := strings.Count(string(b), tt.mark); got != tt.kept {
				t.Errorf("%d markers kept, want %d", got, tt.kept)
			}
		})
	}
	t.Run("indentation", func(t *testing.T) {
		var src strings.Builder
		for i := range 300 {
			src.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		b := []byte(src.String())
		flattenNesting(b)
		if got := bytes.Count(b, []byte("- item")); got != maxNesting {
			t.Errorf("%d nested items kept, want %d", got, maxNesting)
		}
		if bytes.Count(b, []byte("\n")) != 300 {
			t.Error("lines changed")
		}
	})
	// Ordinary Markdown is never touched.
	for _, src := range []string{
		"- a\n\n  - b\n- c\n  - d\n",
		"**bold** text\n",
		"16.1 As with all our services\n",
		"> quoted\n> - item\n>   1. sub\n",
	} {
		b := []byte(src)
		flattenNesting(b)
		if string(b) != src {
			t.Errorf("%q changed to %q", src, b)
		}
	}
}

// TestDeepNestingParses: the hostile shapes parse in bounded time and keep
// their text.
func TestDeepNestingParses(t *testing.T) {
	for _, src := range []string{
		strings.Repeat(">", 100000) + " deep\n",
		strings.Repeat("- ", 100000) + "deep\n",
		strings.Repeat("1. ", 100000) + "deep\n",
	} {
		n, err := Parse("deep.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(n.Source, []byte(src)) {
			t.Error("the source changed")
		}
	}
}

// prefilterEdges are strings made to sit on the prefilters' edges.
var prefilterEdges = []string{
	"See ſection 4.", "sections 3, 4 and 7", "Sections 1 to 3 & 5 – 6, and section 9", "clause 4,5,6,7,8,9,10,11,12,13,14,15,16,17",
	"Appendix A and B", "Schedule IV or V", "section one and two", "See \u212aection 4.", "SECTION 4", "para. 3", "Appendices A and B",
	"use our online\u00a0form", "the web-form", "Web \tFORM", "information form", "inform",
	"+44 20 7946 0000", "020 7946 0000", "(0161) 496 0000", "x020 7946 0000", "tel:01632960000",
	"call\u00a0020\u00a07946\u00a00000.", "é020 7946 0000é", "+44 (0) 20 7946 0000x", "1234 5678 9 +44 20 7946 0000 a",
	"***x", "*", "_*", "a*_", "**2. Data**", "__x__", "a***", "*_*", "___", "é**",
	"Bellevue, WA 98009", "Bellevue, WA 9800", "Bellevue, WA 98009-1234", ", WA 98009",
	"SW1A 1AA", "M1 1AE", "GIR 0AA", "sw1a 1aa", "Z1234567", "EC1A1BB", "W1A\u00a00AX", "B33 8TH.", "CR2 6XH_",
	"under the Data Protection Act 2018, ", "Article 6(1)(f) ", "Schedule 2", "UK GDPR,", "the Rules",
	"GIR0AA", "xM1 1AE", "M1 1AEx", "SW1A 1AAA", "M11AE 2BC", "AB12\t3CD", "A1 1A", "ABC1 1AA", "M1  1AE", "M1\u00a0\u00a01AE",
	"éM1 1AE", "M1 1AÉ", "LS1 1BA LS2 2BB", "M1 1AEM1 1AE", "GIRL 1AA", "G1R 0AA",
	" of the Act", " (1) of the Law 25,326", ", subsection 3 of Act 25,326", " 'Rights', of our Privacy Policy", " above of this notice",
	" nDSG", " (a) GDPR", " UK GDPR", " of our [Terms](https://x.example/terms)", " to the\nData Protection Act",
	" (see below), for more information about cookies.", "For details on rights, see the ", "the rights set out in ",
	"art. 6 para. 1 ", "Art.6", "Part 3, ", "Act2018", "GDPR12018", "Article 5Article6", "Schedule 2a", "Schedule 2",
	"Article 5 ", "Article 5 (a)", "20 U.S.C. ", "16 C.F.R. § ", "the Code ", "Act 12345", "Article", "Schedule 2 2018,	",
}

// prefilterInputs are texts to check the cheap prefilters against their
// regexps on: the edges, the fixtures and, where present, the gdpr corpus,
// up to about 1 MB of source so the test stays quick under -race.
func prefilterInputs(t testing.TB) []string {
	ins := append([]string{}, prefilterEdges...)
	for _, f := range corpus.Sample(t, 1<<20, 0) {
		n, err := Parse(f.Path, f.Src)
		if err != nil {
			continue
		}
		for _, p := range n.paras {
			ins = append(ins, p.Text)
		}
	}
	return ins
}

// refWhole is the one regexp refMatches stands for.
var refWhole = regexp.MustCompile(`(?i)\b(sections?|clauses?|paragraphs?|paras?\.|appendix|appendices|annex(?:es)?|schedules?)` + refSep + `{1,8}(` +
	numberTok + `(?:(?:` + refSep + `{0,8},` + refSep + `{0,8}|` + refSep + `{1,8}(?:and|or|to)` + refSep + `{1,8}|` + refSep + `{0,8}[&–-]` + refSep + `{0,8})` + numberTok + `){0,12})`)

// checkPrefilters fails when a regexp matches text its prefilter would have
// kept it from, or when refMatches and the regexp it stands for disagree:
// the fast paths must change speed, never findings.
func checkPrefilters(t testing.TB, text string) {
	if got, want := refMatches(pattern.Index(text)), refWhole.FindAllStringSubmatchIndex(text, -1); !cmp.Equal(got, want) {
		t.Errorf("refMatches(%q) = %v, the regexp finds %v", text, got, want)
	}
	if legislationBefore.MatchString(text) && !mayNameLegislation(text) {
		t.Errorf("mayNameLegislation misses legislation in %q", text)
	}
	w, known := leadWord(text)
	if (ofThis.MatchString(text) || ofDocument.MatchString(text) || linkAfter.MatchString(text)) && known && !afterWords[strings.ToLower(w)] {
		t.Errorf("leadWord %q skips the regexps after a reference in %q", w, text)
	}
	if acronymAfter.MatchString(text) && known && (w == "" || !isUpper(w[0]) && w != "nDSG") {
		t.Errorf("leadWord %q skips acronymAfter in %q", w, text)
	}
	if afterTopic.MatchString(text) && !hasWord(text, topicWords) {
		t.Errorf("hasWord misses afterTopic's word in %q", text)
	}
	if beforeTopic.MatchString(text) && (!endsWithWord(text, seeWords) || !hasWord(text, []string{"for", "to"})) {
		t.Errorf("the checks before beforeTopic miss %q", text)
	}
	if statedIn.MatchString(text) && !endsWithWord(text, placeWords) {
		t.Errorf("endsWithWord misses statedIn's word in %q", text)
	}
	for _, s := range []string{text, tail(text, 48)} {
		if got, want := legislationEnds(s), legislationBefore.MatchString(s); got != want {
			t.Errorf("legislationEnds(%q) = %v, the regexp says %v", s, got, want)
		}
	}
	var got [][]int
	for _, m := range findPostcodes(text) {
		got = append(got, m[:])
	}
	if want := postcodeRe.FindAllStringIndex(text, -1); !cmp.Equal(got, want) {
		t.Errorf("findPostcodes(%q) = %v, the regexp finds %v", text, got, want)
	}
	got = nil
	for _, m := range findPhones(text) {
		got = append(got, m[:])
	}
	var want [][]int
	for _, m := range phoneRe().FindAllStringIndex(text, -1) {
		if digits(text[m[0]:m[1]]) >= 9 {
			want = append(want, m)
		}
	}
	if !cmp.Equal(got, want) {
		t.Errorf("findPhones(%q) = %v, the regexp finds %v", text, got, want)
	}
	if got, want := dropEmphasis(text), emphasis.ReplaceAllString(text, ""); got != want {
		t.Errorf("dropEmphasis(%q) = %q, the regexp gives %q", text, got, want)
	}
	if usCityRe.Regexp().MatchString(text) && !hasZip(text) {
		t.Errorf("hasZip misses the ZIP code in %q", text)
	}
}

// emphasis is the regexp dropEmphasis stands for.
var emphasis = regexp.MustCompile(`\*\*|__|^[*_]|[*_]$`)

// postcodeRe is the regexp findPostcodes stands for.
var postcodeRe = regexp.MustCompile(`\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[\t \x{00A0}]?\d[A-Z]{2}\b`)

func TestPrefiltersNeverMissAMatch(t *testing.T) {
	for _, text := range prefilterInputs(t) {
		checkPrefilters(t, text)
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, text := range prefilterEdges {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkPrefilters(t, text)
	})
}
