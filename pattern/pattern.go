// Package pattern runs the regular expressions of the parser and the rules
// without scanning every byte of a notice with each of them.
//
// Go's regexp engine steps through its whole input, and a case-folding
// alternation has no literal prefix to skip ahead with: run over every
// paragraph, the rules' regexps cost many times the Markdown parse. Yet
// every match of such a regexp contains one of a few literals ("right of
// access", "subject access", ...) and is at most so many bytes long. So
// Compile derives both from the regexp's syntax; Index scans a paragraph
// once, for the literals of every pattern together, with an Aho-Corasick
// automaton; and a Pattern runs its regexp only on the stretch of text
// around each of its own literals. The results are exactly the regexp's:
// pattern_test checks that on real notices and fuzzed text.
package pattern

import (
	"fmt"
	"iter"
	"math"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A Pattern is a compiled regexp that knows what its matches must contain.
type Pattern struct {
	// expr is compiled into a regexp on first use: a program holds dozens
	// of patterns, and compiling them all when it starts costs a one-notice
	// run more than linting the notice. Compile has parsed expr already, so
	// only the compilation of a valid syntax tree is put off.
	expr string
	re   func() *regexp.Regexp
	set  *Set
	id   int
	// anchors is nil when some match need contain no literal; then every
	// text is searched whole.
	anchors []anchor
	// reach is the longest match in bytes, or unbounded. A bounded pattern
	// that does not anchor to the text is searched in windows around its
	// anchors; any other only in texts that hold an anchor.
	reach    int
	windowed bool
	// whole is set when the matches are exactly the anchors' hits (see
	// whole.go): then no regexp runs, except on texts that fold.
	whole bool
	// own are the set's literals that anchor p, in the order of their
	// IDs, each with p's entries among its owners (a literal can anchor
	// a pattern at two places): a text's hits are by literal, and each
	// one is read for p through these.
	own []ownedLiteral
	// ownBits has a bit for each literal in own: most of a text's hits are
	// other patterns' literals, and a bit test passes over them.
	ownBits []uint64
}

type ownedLiteral struct {
	lit    int
	owners []owner
}

// Regexp returns the underlying regexp, for texts that were not indexed.
func (p *Pattern) Regexp() *regexp.Regexp { return p.re() }

// String returns the source text of the pattern.
func (p *Pattern) String() string { return p.expr }

// Windowed reports whether the pattern is searched only near its anchors.
func (p *Pattern) Windowed() bool { return p.windowed }

// Bounded reports whether a match of the pattern spans at most so many
// bytes: only a bounded pattern can be searched in windows.
func (p *Pattern) Bounded() bool { return p.reach != unbounded }

// Anchors lists the literals one of which every match contains, as they
// appear in lower-cased text, with "\b" where a word boundary is required.
func (p *Pattern) Anchors() []string {
	var out []string
	for _, a := range p.anchors {
		s := a.s
		if a.wordBefore {
			s = `\b` + s
		}
		if a.wordAfter {
			s += `\b`
		}
		out = append(out, s)
	}
	return out
}

// A Set holds patterns that are looked for together: one Index serves them
// all. Patterns must all be compiled before the first Index.
type Set struct {
	mu       sync.Mutex
	patterns []*Pattern
	lits     []string
	litIDs   map[string]int
	owners   [][]owner // per literal: the patterns it anchors
	auto     *automaton
	built    bool
	buildMu  sync.Once
	bitWords int
	// unanchored has a bit for each pattern with no literal to look for.
	unanchored []uint64
	// anchored is, per literal and per case of the word boundaries at a
	// hit (boundaryCase), the patterns the hit anchors. Most hits are of
	// common words that anchor dozens of patterns: looked up by case, a
	// hit costs two byte tests rather than a test per owner, and each
	// (literal, case) marks its patterns once per text (Index).
	anchored [][4][]int32
}

// boundaryCase numbers the word boundaries around a literal found at
// text[b:e]: bit 0 says a word character comes before it, bit 1 after.
func boundaryCase(text string, b, e int) int {
	c := 0
	if b > 0 && IsWordByte(text[b-1]) {
		c |= 1
	}
	if e < len(text) && IsWordByte(text[e]) {
		c |= 2
	}
	return c
}

// maxLiteral is the most of an anchor the automaton looks for: a prefix of
// an anchor is as sure to be in a match, the literals of a product of words
// share their prefixes, and a shorter longest literal lets scan split a
// text sooner (see automaton.scan).
const maxLiteral = 16

type owner struct {
	pattern               int
	wordBefore, wordAfter bool
	// before and after are how far a match can reach out from the literal:
	// the window a hit is searched in.
	before, after int
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{litIDs: map[string]int{}} }

// Default is the set MustCompile and Index use: the parser's and the rules'
// patterns, declared as package variables, are all in it before any notice
// is read.
var Default = NewSet()

// MustCompile compiles expr into the default set and panics on a bad
// expression, like regexp.MustCompile.
func MustCompile(expr string) *Pattern { return Default.MustCompile(expr) }

// Index indexes text against the default set.
func Index(text string) *Text { return Default.Index(text) }

// MustCompile compiles expr into s.
func (s *Set) MustCompile(expr string) *Pattern {
	p, err := s.Compile(expr)
	if err != nil {
		panic(err)
	}
	return p
}

// Compile compiles expr into s, with the syntax of regexp.Compile.
func (s *Set) Compile(expr string) (*Pattern, error) {
	// regexp.Compile parses with these flags too, so an expression that
	// parses here compiles there.
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	f := analyse(tree)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.built {
		return nil, fmt.Errorf("pattern: %q compiled after the set was first used; declare patterns as package variables", expr)
	}
	p := &Pattern{expr: expr, re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) }), set: s, id: len(s.patterns), reach: f.max}
	if f.reqOK {
		p.anchors = f.req
		p.windowed = f.max != unbounded && !f.textAnchored
		p.whole = whole(tree, tree.MaxCap(), p.anchors)
		for _, a := range p.anchors {
			lit, after := a.s, bound(a.after, f.max)
			if len(lit) > maxLiteral {
				lit, a.wordAfter = lit[:maxLiteral], false
				if after != unbounded {
					after += len(a.s) - maxLiteral
				}
			}
			id, ok := s.litIDs[lit]
			if !ok {
				id = len(s.lits)
				s.litIDs[lit] = id
				s.lits = append(s.lits, lit)
				s.owners = append(s.owners, nil)
			}
			s.owners[id] = append(s.owners[id], owner{p.id, a.wordBefore, a.wordAfter, bound(a.before, f.max), after})
		}
	}
	s.patterns = append(s.patterns, p)
	return p, nil
}

// bound is how far to search from a hit: the anchor's own reach, or the
// longest match when that is shorter or the anchor's is unbounded.
func bound(reach, longest int) int {
	if reach == unbounded || longest != unbounded && reach > longest {
		return longest
	}
	return reach
}

func (s *Set) build() {
	s.buildMu.Do(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.auto = newAutomaton(s.lits)
		for lit, os := range s.owners {
			for _, o := range os {
				p := s.patterns[o.pattern]
				if k := len(p.own) - 1; k >= 0 && p.own[k].lit == lit {
					p.own[k].owners = append(p.own[k].owners, o)
					continue
				}
				p.own = append(p.own, ownedLiteral{lit: lit, owners: []owner{o}})
				if p.ownBits == nil {
					p.ownBits = make([]uint64, (len(s.lits)+63)/64)
				}
				p.ownBits[lit/64] |= 1 << (lit % 64)
			}
		}
		s.anchored = make([][4][]int32, len(s.lits))
		for lit, os := range s.owners {
			for c := range 4 {
				for _, o := range os {
					if o.accepts(c) && !slices.Contains(s.anchored[lit][c], int32(o.pattern)) {
						s.anchored[lit][c] = append(s.anchored[lit][c], int32(o.pattern))
					}
				}
			}
		}
		s.bitWords = (len(s.patterns) + 63) / 64
		s.unanchored = make([]uint64, s.bitWords)
		for _, p := range s.patterns {
			if p.anchors == nil {
				s.unanchored[p.id/64] |= 1 << (p.id % 64)
			}
		}
		s.built = true
	})
}

// A Text is a string indexed against a set: where the literals of each of
// its patterns occur.
type Text struct {
	s    string
	set  *Set
	hits []hit
	// has has a bit per pattern with at least one hit.
	has []uint64
	// folds is set when every pattern must search the text whole: it
	// holds "ſ" or the Kelvin sign, which a case-folding regexp matches as
	// "s" and "k" but lower-casing does not turn into them, or it is too
	// long for a hit's offsets (maxHitText).
	folds bool
}

// A hit is where a literal occurs that anchors at least one pattern there
// (word boundaries met). It is stored once for all the patterns it anchors
// (a common word anchors dozens), in 32-bit fields: a table of thousands of
// rows holds hundreds of thousands of hits, and a hit per pattern was most
// of the model's memory on such a text. Each pattern reads its windows from
// the hits through its own entries (Pattern.own).
type hit struct {
	// The hit ends at b plus the literal's length (automaton.lens): a
	// match is the literal's bytes, folded only in ASCII letters, which
	// keep their length.
	lit, b int32
}

// maxHitText is the longest text whose offsets a hit can hold; a longer
// one is searched whole by every pattern (far beyond any notice, and
// beyond the reader's size limit).
const maxHitText = math.MaxInt32

// maxPooledHits bounds the hit buffer kept for the next text: one huge
// text must not leave its buffer alive for the rest of the run.
const maxPooledHits = 1 << 16

// String returns the indexed text.
func (t *Text) String() string { return t.s }

// Index finds where the literals of the set's patterns occur in text.
func (s *Set) Index(text string) *Text {
	s.build()
	t := &Text{s: text, set: s, has: make([]uint64, s.bitWords)}
	t.folds = strings.Contains(text, "\u017f") || strings.Contains(text, "\u212a") || len(text) > maxHitText
	if len(s.lits) == 0 || len(text) > maxHitText {
		return t
	}
	// The hits gather in a pooled buffer and are copied out once, at their
	// final size: a text's hits would otherwise grow a slice by doubling,
	// garbage the collector pays for on every paragraph.
	buf := hitPool.Get().(*indexBuf)
	hits := buf.hits[:0]
	// marked has a bit per (literal, boundary case) whose patterns are
	// marked in t.has already.
	if len(buf.marked) < (4*len(s.lits)+63)/64 {
		buf.marked = make([]uint64, (4*len(s.lits)+63)/64)
	}
	marked := buf.marked
	s.auto.scan(text, func(lit, b, e int) {
		c := boundaryCase(text, b, e)
		ps := s.anchored[lit][c]
		if len(ps) == 0 {
			return
		}
		hits = append(hits, hit{int32(lit), int32(b)})
		if k := 4*lit + c; marked[k/64]&(1<<(k%64)) == 0 {
			marked[k/64] |= 1 << (k % 64)
			for _, p := range ps {
				t.has[p/64] |= 1 << (p % 64)
			}
		}
	})
	if len(hits) > 0 {
		t.hits = slices.Clone(hits)
	}
	clear(marked)
	if cap(hits) <= maxPooledHits {
		buf.hits = hits
		hitPool.Put(buf)
	}
	return t
}

// indexBuf is what Index works in, kept for the next text.
type indexBuf struct {
	hits   []hit
	marked []uint64
}

var hitPool = sync.Pool{New: func() any { return new(indexBuf) }}

// accepts reports whether a literal found with the word boundaries of
// case c (boundaryCase) anchors o's pattern there: the boundaries it needs
// are met.
func (o *owner) accepts(c int) bool {
	return (!o.wordBefore || c&1 == 0) && (!o.wordAfter || c&2 == 0)
}

// eachWindow calls f with the stretch of t a match of p holding each of
// its hits can span, in the order of the hits (the order Index found
// them), and for a literal anchoring p at two places, in the order of its
// owners.
func (p *Pattern) eachWindow(t *Text, f func(lo, hi int)) {
	if t.has[p.id/64]&(1<<(p.id%64)) == 0 {
		return
	}
	for _, h := range t.hits {
		if p.ownBits[h.lit/64]&(1<<(h.lit%64)) == 0 {
			continue
		}
		k, _ := slices.BinarySearchFunc(p.own, int(h.lit), func(o ownedLiteral, lit int) int { return o.lit - lit })
		b := int(h.b)
		e := b + int(t.set.auto.lens[h.lit])
		c := boundaryCase(t.s, b, e)
		for i := range p.own[k].owners {
			o := &p.own[k].owners[i]
			if !o.accepts(c) {
				continue
			}
			lo, hi := 0, len(t.s)
			if o.before != unbounded {
				lo = max(0, b-o.before)
			}
			if o.after != unbounded {
				hi = min(len(t.s), e+o.after)
			}
			f(lo, hi)
		}
	}
}

// Candidates yields, in the order compiled, the patterns of the set that
// may match t: those with a literal in it, those with no literal to look
// for, and every one when t holds a rune that folds to ASCII. A loop over
// many texts can so visit each pattern's few candidates instead of asking
// every text about every pattern.
func (t *Text) Candidates() iter.Seq[*Pattern] {
	return func(yield func(*Pattern) bool) {
		for w, word := range t.has {
			word |= t.set.unanchored[w]
			if t.folds {
				word = ^uint64(0)
			}
			for word != 0 {
				i := w*64 + bits.TrailingZeros64(word)
				word &= word - 1
				if i >= len(t.set.patterns) {
					return
				}
				if !yield(t.set.patterns[i]) {
					return
				}
			}
		}
	}
}

// check panics when t was indexed against another set: its hits would name
// other patterns.
func (p *Pattern) check(t *Text) {
	if t.set != p.set {
		panic("pattern: text indexed against another set")
	}
}

// may reports whether the text can hold a match at all.
func (p *Pattern) may(t *Text) bool {
	return p.anchors == nil || t.folds || t.has[p.id/64]&(1<<(p.id%64)) != 0
}

// windows returns the merged stretches of t that hold every match: each
// hit of p widened by how far a match can reach from it, then out to where a
// rune starts after a byte that is not an ASCII word character, so that a
// window never splits a rune and \b at its edge means what it means in the
// whole text. (\b counts only ASCII letters, digits and "_" as word
// characters; a non-ASCII rune next to the edge is as much a non-word
// character as the start or end of a text.) nil means search the whole text.
func (p *Pattern) windows(t *Text) [][2]int {
	if !p.windowed || t.folds {
		return nil
	}
	var out [][2]int
	p.eachWindow(t, func(lo, hi int) { out = append(out, [2]int{lo, hi}) })
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	merged := out[:0]
	for _, w := range out {
		for w[0] > 0 && !startsWindow(t.s, w[0]) {
			w[0]--
		}
		for w[1] < len(t.s) && !endsWindow(t.s, w[1]) {
			w[1]++
		}
		if k := len(merged) - 1; k >= 0 && w[0] <= merged[k][1] {
			merged[k][1] = max(merged[k][1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}

// hitMatches returns the first n (all, when n < 0) matches of a whole
// pattern as regexp would: its hits from left to right, each one that does
// not overlap the one before. For a whole pattern a hit's window is the
// literal itself.
func (p *Pattern) hitMatches(t *Text, n int) [][]int {
	var hs [][2]int
	p.eachWindow(t, func(lo, hi int) { hs = append(hs, [2]int{lo, hi}) })
	slices.SortFunc(hs, func(a, b [2]int) int { return a[0] - b[0] })
	var out [][]int
	end := 0
	for _, h := range hs {
		if h[0] < end {
			continue
		}
		out = append(out, []int{h[0], h[1]})
		end = h[1]
		if len(out) == n {
			break
		}
	}
	return out
}

// startsWindow: a rune starts at i and the byte before is no word character.
func startsWindow(s string, i int) bool { return utf8.RuneStart(s[i]) && !IsWordByte(s[i-1]) }

// endsWindow: a rune starts at i and is no word character.
func endsWindow(s string, i int) bool { return utf8.RuneStart(s[i]) && !IsWordByte(s[i]) }

// MayMatch reports whether t holds one of p's literals (or p has none to
// look for): when it is false, Match is too. It costs a bit test, so a
// caller can put a check of its own between it and the search.
func (p *Pattern) MayMatch(t *Text) bool {
	p.check(t)
	return p.may(t)
}

// Match reports whether the text holds a match.
func (p *Pattern) Match(t *Text) bool {
	p.check(t)
	if !p.may(t) {
		return false
	}
	if p.whole && !t.folds {
		return true
	}
	ws := p.windows(t)
	if ws == nil {
		return p.re().MatchString(t.s)
	}
	for _, w := range ws {
		if p.re().MatchString(t.s[w[0]:w[1]]) {
			return true
		}
	}
	return false
}

// MatchString indexes s and reports whether it holds a match: for short
// texts, such as titles, that have no index of their own.
func (p *Pattern) MatchString(s string) bool {
	if p.anchors == nil {
		return p.re().MatchString(s)
	}
	return p.Match(p.set.Index(s))
}

// FindAllSubmatchIndex is regexp's FindAllStringSubmatchIndex over the text.
func (p *Pattern) FindAllSubmatchIndex(t *Text, n int) [][]int {
	p.check(t)
	if n == 0 || !p.may(t) {
		return nil
	}
	if p.whole && !t.folds {
		return p.hitMatches(t, n)
	}
	ws := p.windows(t)
	if ws == nil {
		return p.re().FindAllStringSubmatchIndex(t.s, n)
	}
	var out [][]int
	for _, w := range ws {
		for _, m := range p.re().FindAllStringSubmatchIndex(t.s[w[0]:w[1]], n-len(out)) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += w[0]
				}
			}
			out = append(out, m)
		}
		if n > 0 && len(out) >= n {
			break
		}
	}
	return out
}

// FindAllIndex is regexp's FindAllStringIndex over the text.
func (p *Pattern) FindAllIndex(t *Text, n int) [][]int {
	ms := p.FindAllSubmatchIndex(t, n)
	for i, m := range ms {
		ms[i] = m[:2]
	}
	return ms
}

// FindSubmatchIndex is regexp's FindStringSubmatchIndex over the text.
func (p *Pattern) FindSubmatchIndex(t *Text) []int {
	if ms := p.FindAllSubmatchIndex(t, 1); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

// FindIndex is regexp's FindStringIndex over the text.
func (p *Pattern) FindIndex(t *Text) []int {
	if m := p.FindSubmatchIndex(t); m != nil {
		return m[:2]
	}
	return nil
}

// Patterns returns the patterns of the set, in the order compiled.
func (s *Set) Patterns() []*Pattern {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.patterns)
}

// Windows returns the stretches of t that a match of p can span, one for
// each of its literals found, in the text's order (overlapping ones not
// merged): a caller that needs only what lies near a match reads these. A
// text p must search whole (see Text) is one window.
func (p *Pattern) Windows(t *Text) [][2]int {
	if t.folds || len(p.anchors) == 0 {
		return [][2]int{{0, len(t.s)}}
	}
	var out [][2]int
	p.eachWindow(t, func(lo, hi int) { out = append(out, [2]int{lo, hi}) })
	return out
}
