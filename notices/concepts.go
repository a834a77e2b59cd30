package notices

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/noticelint/noticelint/pattern"
)

// A concept is something a notice says in many wordings: a data-subject
// right, how long data are kept, who receives them. Growing a regexp one
// notice at a time never converges on the wordings real notices use, so a
// concept is recognised from what is said instead: a word of its verb class
// and a word of its object class meeting in one clause ("ask us to *delete*
// your *information*"), both compared by their Snowball stems, so "deleted",
// "deletion" and "deleting" are one word. A clause is a sentence, or a part
// of one that ";" or ":" sets apart, and a list item is a clause of its own.
//
// Two things unsay a concept: a negation just before its verb ("we cannot
// delete", "you will not be able to access"), and a clause about another
// party's rights or acts ("we reserve the right to delete", "we help our
// customers answer requests to access"). A negated concept is still
// mentioned (Match reports it apart): "no decision is made by automated
// means" tells the reader about automated decisions.
//
// The classes are data: a table of ConceptRows, built once with
// NewConcepts, printed by Table. The rights are one table (Rights); other
// rules build tables of their own rows (retention, recipients) and share the
// tokenizer, the stems and the negation and other-party rules.

// ConceptRow is one way of saying a concept. Several rows may say the same
// concept (the same ID), each with its own classes: "export your data" and
// "send it to another provider" are both portability, but "send your data"
// alone is not.
type ConceptRow struct {
	// ID names the concept ("access"); rows with one ID are one concept.
	ID string
	// Verbs are words or phrases of the act ("delete", "find out"), nouns
	// of acts included ("deletion", "a copy of").
	Verbs []string
	// Objects are what the act is done to ("your data", "it"). A row with
	// no objects is said by a verb alone: a name of the concept
	// ("portability", "right to be forgotten").
	//
	// A word written "=word" matches only as written (in any case), not by
	// its stem: "=transferability" is portability, but its stem is that of
	// "transfer".
	Objects []string
}

// Concepts is a built table of rows: the stemmed phrases, indexed by their
// first stem.
type Concepts struct {
	rows []ConceptRow
	ids  []string // distinct IDs, in the order of their first row
	// rowID is each row's index in ids.
	rowID []int
	// first maps a phrase's first stem to the phrases that start with it;
	// exact maps a word matched as written to its phrases.
	first, exact map[string][]phrase
	// anchor is matched by every text that may say or deny a concept: it
	// holds, at a word's start, the first word of some verb phrase.
	anchor *pattern.Pattern
	// anchors are each concept's own anchor, by index.
	anchors []*pattern.Pattern
	// prefixes are the first bytes of every stem the table (and the shared
	// negation and other-party lists) can match: a word whose start is not
	// among them need not be stemmed.
	prefixes map[string]bool
	// notRightFirst are the stems that start a notRights phrase.
	notRightFirst map[string]bool
	// asciiPrefixes is prefixes as a bit set for the prefixes of lower-case
	// ASCII letters and digits, by prefixIndex: mayMatch asks it of nearly
	// every word of a read clause, so it is an array lookup, not a hash.
	asciiPrefixes []uint64
	// known remembers the words Match has stemmed (see lookup).
	known *wordCache[*knownWord]
}

// prefixCodes maps a byte of a word's start to 1..36 (a letter in either
// case, a digit), 0 for any other byte.
var prefixCodes = func() (t [256]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		t[b] = uint8(b-'a') + 1
		t[b-'a'+'A'] = uint8(b-'a') + 1
	}
	for b := '0'; b <= '9'; b++ {
		t[b] = uint8(b-'0') + 27
	}
	return t
}()

// prefixSlots is the size of the prefix index: base-37 numbers of up to
// three digits, a word's first bytes each coded 1..36.
const prefixSlots = 37 * 37 * 37

// prefixIndex is the slot of a word's first (up to three) bytes, folding
// case, or -1 when one of them is not an ASCII letter or digit.
func prefixIndex(w string) int {
	n := min(len(w), 3)
	idx := 0
	for k := range n {
		code := prefixCodes[w[k]]
		if code == 0 {
			return -1
		}
		idx = idx*37 + int(code)
	}
	return idx
}

type phrase struct {
	stems []string
	row   int
	// kind says which class the phrase is in.
	kind phraseKind
}

type phraseKind uint8

const (
	verbPhrase phraseKind = iota
	objectPhrase
	otherPartyPhrase
	negationPhrase
	notNegationPhrase
	notRightPhrase
)

// ConceptSet is a set of a table's concepts: bit i is the table's i-th ID
// (see Concepts.IDs). A table holds at most 64 concepts.
type ConceptSet uint64

// Has reports whether s holds the concept with index i.
func (s ConceptSet) Has(i int) bool { return s&(1<<i) != 0 }

// Len is the number of concepts in s.
func (s ConceptSet) Len() int {
	n := 0
	for ; s != 0; s &= s - 1 {
		n++
	}
	return n
}

// negations unsay a verb that follows them within negationReach words.
var negations = []string{"not", "never", "no", "cannot", "can't", "won't", "don't", "doesn't", "unable", "neither", "nor"}

// notNegations start with a negation but unsay nothing: "the right not to
// be subject to a decision", "a person, not a computer" (the comma is
// handled apart), "whether or not", "no longer".
var notNegations = []string{"not to be subject", "not be subject", "whether or not", "no longer", "not only", "if not", "no fee", "not have to pay", "not need to pay", "not usually have to pay", "not normally have to pay"}

// negationReach is how many words after a negation a verb is unsaid: "you
// will not be able to access" reaches "access", four words on; "you do not
// have to pay a fee to access" does not.
const negationReach = 4

// otherParties are the words of a clause about another party's rights or
// acts, not the reader's: the controller's own rights, the requests a
// processor's customers receive, and a business that changes hands.
var otherParties = []string{
	"reserve the right", "reserves the right", "we have the right", "our right", "our rights",
	"their right", "their rights", "its right", "its rights", "his or her right",
	"help our customers", "assist our customers", "support our customers", "on behalf of our customers",
	"help our clients", "assist our clients", "support our clients", "on behalf of our clients",
	"customer's right", "client's right", "customers' right", "clients' right",
	"act as a processor", "acts as a processor", "as a data processor",
	// A business changing hands: "data may be transferred as part of a
	// merger, sale of company assets or transition of service to another
	// provider" is no portability.
	"a merger", "any merger", "the merger", "mergers and acquisitions", "merger or acquisition", "an acquisition", "any acquisition",
	"sale of company", "sale of our business", "sale of the business", "sale of the company", "sale of assets", "sale of all or",
	"insolvency", "bankruptcy",
}

// notRights are phrases whose words say no right, though a row's verb
// starts them: a US state's right to opt out of a sale is no objection to
// processing ("the right to opt out of the sale of your personal
// information"). Their words are not read as verbs or objects; the rest of
// the clause is read as usual ("object to processing, including the right
// to opt out of the sale").
var notRights = []string{
	"opt out of the sale", "opt out of sale", "opt out of our sale", "opt out of any sale", "opt out of the sales",
	"opt out of selling", "opt out of the selling", "opt out of having your personal information sold",
}

// NewConcepts builds a table from rows. It panics on a row without an ID
// or verbs, or on more than 64 concepts: tables are written in the code.
func NewConcepts(rows []ConceptRow) *Concepts { return newConcepts(rows, true) }

// NewConceptsUnanchored is NewConcepts for a table whose caller chooses the
// texts it matches by its own literals: it compiles no Anchor patterns,
// whose literals every notice's index would otherwise look for. Anchor and
// AnchorOf return nil.
func NewConceptsUnanchored(rows []ConceptRow) *Concepts { return newConcepts(rows, false) }

func newConcepts(rows []ConceptRow, anchored bool) *Concepts {
	c := &Concepts{rows: rows, first: map[string][]phrase{}, exact: map[string][]phrase{}, prefixes: map[string]bool{}, known: newWordCache[*knownWord](14)}
	index := map[string]int{}
	for i, r := range rows {
		if r.ID == "" || len(r.Verbs) == 0 {
			panic(fmt.Sprintf("notices: concept row %d has no ID or no verbs", i))
		}
		id, ok := index[r.ID]
		if !ok {
			id = len(c.ids)
			index[r.ID] = id
			c.ids = append(c.ids, r.ID)
		}
		c.rowID = append(c.rowID, id)
		for _, v := range r.Verbs {
			c.add(v, i, verbPhrase)
		}
		for _, o := range r.Objects {
			c.add(o, i, objectPhrase)
		}
	}
	if len(c.ids) > 64 {
		panic("notices: a concept table holds at most 64 concepts")
	}
	defer c.indexPrefixes()
	if anchored {
		c.anchor = pattern.MustCompile(c.anchorExpr(-1))
		for i := range c.ids {
			c.anchors = append(c.anchors, pattern.MustCompile(c.anchorExpr(i)))
		}
	}
	for _, w := range otherParties {
		c.add(w, -1, otherPartyPhrase)
	}
	for _, w := range negations {
		c.add(w, -1, negationPhrase)
	}
	for _, w := range notNegations {
		c.add(w, -1, notNegationPhrase)
	}
	c.notRightFirst = map[string]bool{}
	for _, w := range notRights {
		c.add(w, -1, notRightPhrase)
		c.notRightFirst[stem(strings.Fields(w)[0])] = true
	}
	return c
}

func (c *Concepts) add(text string, row int, kind phraseKind) {
	var toks []string
	for _, field := range strings.Fields(text) {
		exact := strings.HasPrefix(field, "=")
		for _, w := range clauseWords(field) {
			if exact {
				toks = append(toks, "="+strings.ToLower(w.text))
				exact = false
			} else {
				toks = append(toks, stem(w.text))
			}
		}
	}
	if len(toks) == 0 {
		panic(fmt.Sprintf("notices: concept phrase %q has no words", text))
	}
	for _, t := range toks {
		t = strings.TrimPrefix(t, "=")
		c.prefixes[prefix(t)] = true
		if x := ingPrefix(t); x != "" {
			c.prefixes[x] = true
		}
	}
	p := phrase{stems: toks, row: row, kind: kind}
	if w, ok := strings.CutPrefix(toks[0], "="); ok {
		c.exact[w] = append(c.exact[w], p)
	} else {
		c.first[toks[0]] = append(c.first[toks[0]], p)
	}
}

// indexPrefixes fills asciiPrefixes from prefixes.
func (c *Concepts) indexPrefixes() {
	c.asciiPrefixes = make([]uint64, (prefixSlots+63)/64)
	for p := range c.prefixes {
		if i := prefixIndex(p); i >= 0 {
			c.asciiPrefixes[i/64] |= 1 << (i % 64)
		}
	}
}

// tokenMatches reports whether a phrase's token matches a text's word,
// given as its stem and its lower-case form.
func tokenMatches(tok, stem, lower string) bool {
	if w, ok := strings.CutPrefix(tok, "="); ok {
		return w == lower
	}
	return tok == stem
}

// anchorExpr is a regexp of one word of every verb phrase, at a word's
// start: the phrase's longest word that is not a common one (a word's
// stem, less a final "i" that the stemmer may have made of a "y", "copi"
// of "copy", and a final "e" that the word's other forms drop, "take" of
// "taking"; a word marked "=" as written). The fewer paras it holds, the
// fewer a rule asks Match of.
//
// With id >= 0 it holds only the verbs of that concept's rows.
func (c *Concepts) anchorExpr(id int) string {
	seen := map[string]bool{}
	var alts []string
	for _, list := range []map[string][]phrase{c.first, c.exact} {
		for _, ps := range list {
			for _, p := range ps {
				if p.kind != verbPhrase || id >= 0 && c.rowID[p.row] != id {
					continue
				}
				lit := anchorWord(p.stems)
				if !seen[lit] {
					seen[lit] = true
					alts = append(alts, regexp.QuoteMeta(lit))
				}
			}
		}
	}
	slices.Sort(alts)
	return `(?i)\b(?:` + strings.Join(alts, "|") + `)`
}

// commonWords are too frequent to anchor a phrase on when it has a less
// frequent one: the higher, the more frequent.
var commonWords = map[string]int{
	"right": 1, "request": 1, "subject": 1, "common": 1, "individu": 1, "person": 1, "review": 1, "hold": 1,
	"what": 2, "get": 2, "put": 2, "be": 2, "out": 2, "no": 2,
	"to": 3, "the": 3, "of": 3, "we": 3, "you": 3, "your": 3, "on": 3, "about": 3, "at": 3, "us": 3,
	"inform": 3, "information": 3, "data": 3, "use": 3,
	// The function words of aboutProcessing's phrases: each phrase also
	// holds "information" or "details", a literal the index finds for
	// other patterns already.
	"how": 3, "our": 3, "do": 3, "these": 3, "they": 3, "their": 3, "it": 3, "its": 3,
}

// anchorWord is the word of a phrase to anchor it on: the least frequent,
// then the longest.
func anchorWord(toks []string) string {
	best, bestRank, bestExact := "", 0, false
	for _, t := range toks {
		lit, exact := strings.CutPrefix(t, "=")
		if !exact && len(lit) > 3 {
			lit = strings.TrimSuffix(lit, "i")
		}
		rank := commonWords[lit]
		if best == "" || rank < bestRank || rank == bestRank && len(lit) > len(best) {
			best, bestRank, bestExact = lit, rank, exact
		}
	}
	if !bestExact && len(best) > 3 {
		// A stem's final "e" may not be in the word's other forms: "take"
		// of "taking", "move" of "moving". (Ranked whole: "these" is a
		// common word, "thes" would not be.)
		best = strings.TrimSuffix(best, "e")
	}
	return best
}

// Anchor is a pattern that every text that says or denies one of the
// table's concepts matches: a rule asks Match only of the paras
// Notice.ParasFor(c.Anchor()) gives, which the parse has found already. It
// is in pattern.Default, so a table must be built, like the patterns, before
// the first notice is read: declare it as a package variable.
func (c *Concepts) Anchor() *pattern.Pattern { return c.anchor }

// AnchorOf is Anchor for the concept with index i alone: a rule that asks
// whether a notice says one concept anywhere reads only the paras, and
// with MatchNear the clauses, that hold its verbs.
func (c *Concepts) AnchorOf(i int) *pattern.Pattern {
	if c.anchors == nil {
		return nil
	}
	return c.anchors[i]
}

// IDs are the table's concepts in order: bit i of a ConceptSet is IDs()[i].
func (c *Concepts) IDs() []string { return c.ids }

// Index returns the index of the concept id, or -1.
func (c *Concepts) Index(id string) int {
	for i, x := range c.ids {
		if x == id {
			return i
		}
	}
	return -1
}

// As returns s, a set of c's concepts, as a set of to's: a table of rows
// for one context (list items) shares its concepts with a larger table
// by ID. Concepts to does not hold are dropped.
func (c *Concepts) As(to *Concepts, s ConceptSet) ConceptSet {
	var out ConceptSet
	for i, id := range c.ids {
		if s.Has(i) {
			if j := to.Index(id); j >= 0 {
				out |= 1 << j
			}
		}
	}
	return out
}

// Rows returns the table's rows as written.
func (c *Concepts) Rows() []ConceptRow { return c.rows }

// Table renders the rows for a reader (noticelint explain): one line per
// row, its ID, its verbs and its objects.
func (c *Concepts) Table() string {
	var b strings.Builder
	for _, r := range c.rows {
		fmt.Fprintf(&b, "  %-14s %s", r.ID, strings.Join(r.Verbs, " | "))
		if len(r.Objects) > 0 {
			fmt.Fprintf(&b, "\n  %-14s   + %s", "", strings.Join(r.Objects, " | "))
		} else {
			b.WriteString("   (alone)")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Find returns the concepts text says, outside negation and other parties'
// rights.
func (c *Concepts) Find(text string) ConceptSet {
	said, _ := c.Match(text)
	return said
}

// Match returns the concepts text says and, apart, those it mentions only
// to deny (a negated verb). A concept said in one clause and denied in
// another is in both.
func (c *Concepts) Match(text string) (said, denied ConceptSet) {
	buf := wordPool.Get().(*[]word)
	ws := appendClauseWords((*buf)[:0], text)
	defer func() {
		clear(ws)
		*buf = ws[:0]
		wordPool.Put(buf)
	}()
	// A word is stemmed only when its start is one the table can match.
	for i := range ws {
		w := &ws[i]
		if c.mayMatch(w.text) {
			w.known = c.lookup(w.text)
			w.lower, w.stem = w.known.lower, w.known.stem
		}
	}
	start := 0
	for i := 1; i <= len(ws); i++ {
		if i == len(ws) || ws[i].clause {
			s, d := c.matchClause(ws[start:i])
			said |= s
			denied |= d
			start = i
		}
	}
	return said, denied
}

// Flags matchClause keeps per row of the table.
const (
	verbSaid = 1 << iota
	verbDenied
	objectSeen
)

// matchClause reports the concepts a clause says and denies. Each phrase
// found is classed at once, so the work and memory are constant per word
// however long the clause: a negation reaches the negationReach words after
// it, and is complete (cancelled or not) before the next word is read.
func (c *Concepts) matchClause(ws []word) (said, denied ConceptSet) {
	var flagBuf [64]uint8
	var flags []uint8
	if len(c.rows) <= len(flagBuf) {
		flags = flagBuf[:len(c.rows)]
	} else {
		flags = make([]uint8, len(c.rows))
	}
	lastNeg := -1 - negationReach // the latest negation that counts
	skip := 0                     // the words of a notRights phrase end here
	for i := range ws {
		if ws[i].stem == "" || i < skip {
			continue
		}
		if n := c.notRightAt(ws, i); n > 0 {
			skip = i + n
			continue
		}
		negated := i <= lastNeg+negationReach
		var negation, cancelled, other bool
		// Phrases matched as written come first, then those by stem.
		for _, candidates := range [2][]phrase{ws[i].known.exact, ws[i].known.first} {
			n, x, o := c.matchAt(ws, i, candidates, flags, negated)
			negation, cancelled, other = negation || n, cancelled || x, other || o
		}
		if other {
			return 0, 0
		}
		// "a person, not a computer": a negation after a comma contrasts.
		if negation && !cancelled && (i == 0 || !ws[i-1].commaAfter) {
			lastNeg = i
		}
	}
	for r, f := range flags {
		if f&objectSeen == 0 && len(c.rows[r].Objects) > 0 {
			continue
		}
		bit := ConceptSet(1) << c.rowID[r]
		if f&verbSaid != 0 {
			said |= bit
		} else if f&verbDenied != 0 {
			denied |= bit
		}
	}
	return said, denied
}

// notRightAt returns how many words a notRights phrase takes from word i
// on, or 0.
func (c *Concepts) notRightAt(ws []word, i int) int {
	if !c.notRightFirst[ws[i].stem] {
		return 0 // most words start no such phrase: look no further
	}
	for _, candidates := range [2][]phrase{ws[i].known.exact, ws[i].known.first} {
	phrases:
		for _, p := range candidates {
			if p.kind != notRightPhrase || i+len(p.stems) > len(ws) {
				continue
			}
			for k, tok := range p.stems[1:] {
				if !tokenMatches(tok, ws[i+1+k].stem, ws[i+1+k].lower) {
					continue phrases
				}
			}
			return len(p.stems)
		}
	}
	return 0
}

// matchAt marks in flags the phrases of candidates that match ws from word
// i on, a verb as denied when negated says a negation reaches word i, and
// reports whether a negation, a cancelled negation ("not only") or another
// party starts there.
func (c *Concepts) matchAt(ws []word, i int, candidates []phrase, flags []uint8, negated bool) (negation, cancelled, other bool) {
phrases:
	for _, p := range candidates {
		if i+len(p.stems) > len(ws) {
			continue
		}
		for k, tok := range p.stems[1:] {
			if !tokenMatches(tok, ws[i+1+k].stem, ws[i+1+k].lower) {
				continue phrases
			}
		}
		switch p.kind {
		case otherPartyPhrase:
			other = true
		case negationPhrase:
			negation = true
		case notNegationPhrase:
			cancelled = true
		case notRightPhrase:
			// Read by notRightAt; a phrase matching here ends inside one.
		case objectPhrase:
			flags[p.row] |= objectSeen
		default:
			if negated {
				flags[p.row] |= verbDenied
			} else {
				flags[p.row] |= verbSaid
			}
		}
	}
	return negation, cancelled, other
}

// word is a word of a text: letters, digits and inner apostrophes.
type word struct {
	text string
	// lower is text in lower case, and stem its stem, or "" when the
	// table has no word it could be.
	lower, stem string
	// known is what the table knows of the word, when it was stemmed.
	known *knownWord
	// clause says the word starts a new clause: a sentence end, ";" or
	// ":" came before it.
	clause bool
	// commaAfter says a comma follows the word.
	commaAfter bool
}

// clauseWords splits text into words, marking where clauses begin.
func clauseWords(text string) []word { return appendClauseWords(nil, text) }

// wordPool holds the word buffers Match splits texts into: one clause
// after another, the rule would otherwise allocate each anew.
var wordPool = sync.Pool{New: func() any { return new([]word) }}

// appendClauseWords appends the words of text to out.
func appendClauseWords(out []word, text string) []word {
	boundary := false
	for i := 0; i < len(text); {
		// A link's address is not part of the sentence: "access, port
		// and [erase](https://…) your data" must read as "access, port
		// and erase your data", and the colon of "https:" would end
		// the clause.
		if n := urlAt(text, i); n > 0 {
			i += n
			continue
		}
		// Spaces and other ASCII bytes that neither make a word nor
		// end a clause or mark a comma are skipped without a switch.
		if b := text[i]; b < utf8.RuneSelf && !asciiWordByte[b] && !asciiMarkByte[b] {
			i++
			continue
		}
		r, size := decodeRune(text[i:])
		if !isConceptRune(r) {
			switch r {
			case '.', '!', '?':
				// A full stop inside a word run ("e.g", "5.2") is
				// not a sentence end: only one followed by space.
				// Nor is the stop of a short form ("Art. 15 GDPR").
				if j := i + size; (j >= len(text) || text[j] == ' ' || text[j] == '\n' || text[j] == '\t') && (r != '.' || !shortFormBefore(text, i)) {
					boundary = true
				}
			case ';', '•':
				boundary = true
			case ':':
				boundary = boundary || colonEndsClause(text, i)
			case ',':
				if len(out) > 0 {
					out[len(out)-1].commaAfter = true
				}
			}
			i += size
			continue
		}
		j := i
		for j < len(text) {
			// Most of a notice is ASCII: a letter or digit goes on the
			// word without decoding, any other ASCII byte but an
			// apostrophe ends it.
			if b := text[j]; b < utf8.RuneSelf {
				if asciiWordByte[b] {
					j++
					continue
				}
				if b != '\'' {
					break
				}
			}
			r, size := decodeRune(text[j:])
			if isConceptRune(r) {
				j += size
				continue
			}
			// An apostrophe inside a word ("can't", "customer’s")
			// belongs to it.
			if (r == '\'' || r == '’') && j+size < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[j+size:]); isConceptRune(next) {
					j += size
					continue
				}
			}
			break
		}
		w := text[i:j]
		if strings.Contains(w, "’") {
			w = strings.ReplaceAll(w, "’", "'")
		}
		out = append(out, word{text: w, clause: boundary})
		boundary = false
		i = j
	}
	return out
}

// maxAddress is the longest link address urlAt skips.
const maxAddress = 2048

// colonEndsClause reports whether the colon at text[k] ends a clause. The
// colon of an address ("https://…") does not: words skip the address
// (urlAt), and the clause goes on after it.
func colonEndsClause(text string, k int) bool { return !strings.HasPrefix(text[k+1:], "//") }

// urlAt returns the length of the link address at text[i:], or 0: a
// Markdown link's "](address)" (the "]" with it), or a bare address
// ("https://…", "www.…") that starts a word, up to the next space.
func urlAt(text string, i int) int {
	switch text[i] {
	case ']':
		if strings.HasPrefix(text[i+1:], "(") {
			// An address has no space; one of more than 2 KB is none
			// (and the search stays linear on a run of "](").
			rest := text[i+2:]
			if len(rest) > maxAddress {
				rest = rest[:maxAddress]
			}
			if k := strings.IndexAny(rest, ") \n"); k >= 0 && rest[k] == ')' {
				return 2 + k + 1
			}
		}
	case 'h', 'w':
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); isConceptRune(r) {
				return 0 // inside a word ("growth", "flow")
			}
		}
		if strings.HasPrefix(text[i:], "http://") || strings.HasPrefix(text[i:], "https://") || strings.HasPrefix(text[i:], "www.") {
			k := strings.IndexAny(text[i:], " \n\t")
			if k < 0 {
				k = len(text) - i
			}
			// Punctuation after a bare address is the sentence's: "...
			// with https://partner.example.com. Delete ..." ends there.
			for k > 0 && strings.IndexByte(".,;:!?)]'\"", text[i+k-1]) >= 0 {
				k--
			}
			return k
		}
	}
	return 0
}

// asciiMarkByte holds the ASCII bytes appendClauseWords acts on between
// words: clause ends and the comma.
var asciiMarkByte = [utf8.RuneSelf]bool{'.': true, '!': true, '?': true, ';': true, ':': true, ',': true}

// asciiWordByte holds the ASCII bytes isConceptRune accepts.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for b := range utf8.RuneSelf {
		t[b] = isConceptRune(rune(b))
	}
	return t
}()

func isConceptRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// decodeRune is utf8.DecodeRuneInString with ASCII, most of any notice,
// read without the call.
func decodeRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// mayMatch reports whether a word's start, in lower case, is one of the
// table's prefixes, without making the lower-case word.
func (c *Concepts) mayMatch(w string) bool {
	if i := prefixIndex(w); i >= 0 {
		return c.asciiPrefixes[i/64]&(1<<(i%64)) != 0
	}
	var b [3]byte
	n := min(len(w), 3)
	for k := range n {
		ch := w[k]
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		} else if ch >= utf8.RuneSelf {
			return c.prefixes[prefix(strings.ToLower(w))]
		}
		b[k] = ch
	}
	return c.prefixes[string(b[:n])]
}

// prefix is the start of a stem or lower-case word that the Snowball
// stemmer keeps: it changes a word's ending, and only in a short word
// does that reach the third letter (ingPrefix).
func prefix(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

// ingPrefix is the start of the "-ing" form of a stem of three letters
// where that form starts otherwise: Snowball gives back the "e" a short
// word lost ("using" is "use") and turns "ying" into "ie" ("lying" is
// "lie"), so the text word's start is not the stem's, and without its own
// prefix a table's "use" would never meet "using".
func ingPrefix(stem string) string {
	if len(stem) != 3 || stem[2] != 'e' {
		return ""
	}
	if stem[1] == 'i' {
		return stem[:1] + "yi" // die, lie, tie
	}
	return stem[:2] + "i" // use
}

// stemCache remembers stems: notices repeat their words, and stemming is
// the cost of matching.
var stemCache = newWordCache[string](16)

func stem(w string) string {
	w = strings.ToLower(w)
	// Words of three letters or fewer are their own stems (Snowball keeps
	// them whole but for a final "s", which no table word of that length
	// needs): the commonest words skip the cache.
	if len(w) <= 3 {
		return w
	}
	if s, ok := stemCache.get(w); ok {
		return s
	}
	s := english.Stem(w, false)
	stemCache.put(strings.Clone(w), strings.Clone(s))
	return s
}

// knownWord is a text word as a table reads it: its lower-case form, its
// stem, and the table's phrases that start with it as written and by stem.
type knownWord struct {
	lower, stem  string
	exact, first []phrase
}

// lookup returns what c knows of the text word w. Each table remembers
// its words, as written, so a word seen before costs one lookup instead of
// a lower-casing, a stem lookup and two phrase lookups.
func (c *Concepts) lookup(w string) *knownWord {
	if k, ok := c.known.get(w); ok {
		return k
	}
	lower := strings.ToLower(w)
	st := stem(lower)
	// The remembered strings must not hold on to the text w is in.
	k := &knownWord{lower: strings.Clone(lower), stem: strings.Clone(st), exact: c.exact[lower], first: c.first[st]}
	c.known.put(strings.Clone(w), k)
	return k
}

// OtherParty reports whether text speaks of another party's rights or
// acts, as the tables' shared other-party words say ("we help our
// customers", "we reserve the right"): an introduction that does makes the
// list after it not the reader's.
func (c *Concepts) OtherParty(text string) bool {
	ws := clauseWords(text)
	for i := range ws {
		s := strings.ToLower(ws[i].text)
		if !c.prefixes[prefix(s)] {
			continue
		}
	phrases:
		for _, p := range c.first[stem(s)] {
			if p.kind != otherPartyPhrase || i+len(p.stems) > len(ws) {
				continue
			}
			for k, tok := range p.stems[1:] {
				w := strings.ToLower(ws[i+1+k].text)
				if !tokenMatches(tok, stem(w), w) {
					continue phrases
				}
			}
			return true
		}
	}
	return false
}

// MatchIndexed is Match over an indexed text, reading only the clauses
// that hold one of the table's anchors (see Anchor): a long paragraph's
// other sentences cannot say a concept, and are not split into words.
func (c *Concepts) MatchIndexed(t *pattern.Text) (said, denied ConceptSet) {
	return c.MatchNear(t, c.anchor)
}

// MatchNear is MatchIndexed reading only the clauses around anchor, one of
// the table's anchors (Anchor or AnchorOf): what it returns of the
// concepts anchor is for is what Match returns of them.
func (c *Concepts) MatchNear(t *pattern.Text, anchor *pattern.Pattern) (said, denied ConceptSet) {
	text := t.String()
	end := -1 // the clauses read so far end here
	ws := anchor.Windows(t)
	slices.SortFunc(ws, func(a, b [2]int) int { return a[0] - b[0] })
	for _, m := range ws {
		if m[0] < end {
			continue
		}
		lo, hi := clauseAround(text, m[0], m[1])
		s, d := c.Match(text[lo:hi])
		said |= s
		denied |= d
		end = hi
	}
	return said, denied
}

// clauseAround widens text[i:j] to the clause it is in, as clauseWords
// bounds clauses: at ";", ":", "•", and ".", "!" or "?" before white space.
func clauseAround(text string, i, j int) (lo, hi int) {
	lo = 0
	for k := i - 1; k >= 0; k-- {
		if isClauseEnd(text, k) {
			lo = k + 1
			break
		}
	}
	hi = len(text)
	for k := j; k < len(text); k++ {
		if isClauseEnd(text, k) {
			hi = k
			break
		}
	}
	return lo, hi
}

// isClauseEnd reports whether the byte at k ends a clause. "•" is three
// bytes: its last one ends the clause before it, its first the one after.
func isClauseEnd(text string, k int) bool {
	switch text[k] {
	case ';':
		return true
	case ':':
		return colonEndsClause(text, k)
	case '!', '?':
		return k+1 >= len(text) || text[k+1] == ' ' || text[k+1] == '\n' || text[k+1] == '\t'
	case '.':
		if k+1 < len(text) && text[k+1] != ' ' && text[k+1] != '\n' && text[k+1] != '\t' {
			return false
		}
		return !shortFormBefore(text, k)
	case 0xE2:
		return strings.HasPrefix(text[k:], "•")
	case 0x80, 0xA2:
		return k >= 2 && strings.HasPrefix(text[k-2:], "•") || k >= 1 && strings.HasPrefix(text[k-1:], "•")
	}
	return false
}
