package notices

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is what an Edit does to the text.
type Op int8

const (
	Equal Op = iota
	Insert
	Delete
)

func (o Op) String() string {
	switch o {
	case Insert:
		return "insert"
	case Delete:
		return "delete"
	}
	return "equal"
}

// Edit is one run of a word-level diff: text kept, inserted or deleted.
type Edit struct {
	Op   Op
	Text string
}

// wordDiff diffs two normalised texts the way a reader compares them: line
// (block) by line first, then word by word inside the lines that changed.
// Each go-diff call has a timeout, and all of them share the comparison's
// budget; past it a changed run is shown as deleted and inserted whole.
func (cx *comparer) wordDiff(a, b string) []Edit {
	if a == b {
		if a == "" {
			return nil
		}
		return []Edit{{Equal, a}}
	}
	lines := cx.tokenDiff(splitLines(a), splitLines(b))
	var out []Edit
	var del, ins strings.Builder
	flush := func() {
		switch {
		case del.Len() > 0 && ins.Len() > 0:
			out = append(out, cx.tokenDiff(splitWords(del.String()), splitWords(ins.String()))...)
		case del.Len() > 0:
			out = append(out, Edit{Delete, del.String()})
		case ins.Len() > 0:
			out = append(out, Edit{Insert, ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for _, e := range lines {
		switch e.Op {
		case Delete:
			del.WriteString(e.Text)
		case Insert:
			ins.WriteString(e.Text)
		default:
			flush()
			out = append(out, e)
		}
	}
	flush()
	return mergeEdits(spacesEqual(mergeEdits(out)))
}

// spacesEqual turns a space replaced by a line break, or the other way
// round, into kept text: joining two paragraphs or splitting one is a change
// of layout, not of wording.
func spacesEqual(es []Edit) []Edit {
	for i := 0; i+1 < len(es); i++ {
		a, b := es[i], es[i+1]
		if a.Op != Equal && b.Op != Equal && a.Op != b.Op && blankText(a.Text) && blankText(b.Text) {
			keep := a.Text
			if b.Op == Insert {
				keep = b.Text
			}
			es[i], es[i+1] = Edit{Equal, keep}, Edit{Equal, ""}
		}
	}
	return es
}

func blankText(s string) bool { return strings.TrimSpace(s) == "" }

// tokenDiff diffs two token sequences with go-diff by giving each distinct
// token a rune of its own, as go-diff's own line mode does.
func (cx *comparer) tokenDiff(a, b []string) []Edit {
	ids := map[string]rune{}
	var table []string
	enc := func(toks []string) ([]rune, bool) {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t]
			if !ok {
				r = tokenRune(len(table))
				if r < 0 {
					return nil, false
				}
				ids[t] = r
				table = append(table, t)
			}
			rs[i] = r
		}
		return rs, true
	}
	ra, okA := enc(a)
	rb, okB := enc(b)
	whole := []Edit{{Delete, strings.Join(a, "")}, {Insert, strings.Join(b, "")}}
	if !okA || !okB {
		cx.c.Coarse = true
		return mergeEdits(whole)
	}
	now := time.Now()
	if now.After(cx.deadline) {
		cx.c.Coarse = true
		return mergeEdits(whole)
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = min(diffTimeout, cx.deadline.Sub(now))
	diffs := dmp.DiffMainRunes(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	if time.Since(now) >= dmp.DiffTimeout {
		cx.c.Coarse = true // go-diff returned what it had when time ran out
	}
	out := make([]Edit, 0, len(diffs))
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			if k := runeToken(r); k >= 0 && k < len(table) {
				sb.WriteString(table[k])
			}
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = Insert
		case diffmatchpatch.DiffDelete:
			op = Delete
		}
		out = append(out, Edit{op, sb.String()})
	}
	return mergeEdits(out)
}

// tokenRune maps a token's index to a valid rune, skipping the surrogates
// that would not survive go-diff's conversion to string; -1 when the
// tokens outnumber the runes.
func tokenRune(i int) rune {
	r := rune(i) + 1
	if r >= 0xD800 {
		r += 0x800
	}
	if r > utf8.MaxRune {
		return -1
	}
	return r
}

func runeToken(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r) - 1
}

// mergeEdits drops empty edits and joins neighbours with the same op.
func mergeEdits(es []Edit) []Edit {
	out := es[:0:0]
	for _, e := range es {
		if e.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == e.Op {
			out[n-1].Text += e.Text
			continue
		}
		out = append(out, e)
	}
	return out
}

func equalOnly(es []Edit) bool {
	for _, e := range es {
		if e.Op != Equal {
			return false
		}
	}
	return true
}

// similarity is the share of the two texts' characters that the edits keep.
func similarity(es []Edit) float64 {
	var same, total int
	for _, e := range es {
		n := utf8.RuneCountInString(e.Text)
		if e.Op == Equal {
			same += 2 * n
			total += 2 * n
		} else {
			total += n
		}
	}
	if total == 0 {
		return 1
	}
	return float64(same) / float64(total)
}

// splitLines splits text into lines that keep their "\n".
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.SplitAfter(s, "\n")
}

// splitWords splits text into words, runs of spaces and single other
// characters, so that a diff never cuts a word in half.
func splitWords(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case isWordRune(r):
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				j += n
			}
		case r == ' ':
			for j < len(s) && s[j] == ' ' {
				j++
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// norm collapses every run of whitespace, non-breaking spaces included, to
// one space and trims the ends.
func norm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fnv64 is FNV-1a: fixed, so any order derived from it is deterministic.
func fnv64(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

const fnvOffset = 14695981039346656037

// shingles returns the sorted distinct hashes of a text's consecutive word
// pairs (single words for a one-word text) and the number of words. Pairs
// say much more about identity than single words: every notice is full of
// "your", "personal" and "information".
func shingles(text string) ([]uint64, int) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]uint64, 0, len(words))
	switch len(words) {
	case 0:
		return out, 0
	case 1:
		out = append(out, fnv64(fnvOffset, words[0]))
	}
	for i := 1; i < len(words); i++ {
		out = append(out, fnv64(fnv64(fnv64(fnvOffset, words[i-1]), " "), words[i]))
	}
	slices.Sort(out)
	return slices.Compact(out), len(words)
}

// intersect counts the values two sorted sets share.
func intersect[T cmp.Ordered](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// titleWords are the words of a title that name something; "how to", "our"
// and "your" come and go in rewrites ("Make a complaint" became "How to
// make a complaint").
func titleWords(t string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch w {
		case "a", "an", "the", "how", "to", "our", "your", "we", "you", "of", "and", "for", "in", "on", "with", "what", "is", "do":
			continue
		}
		out = append(out, w)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dice compares two sorted word sets.
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return 2 * float64(intersect(a, b)) / float64(len(a)+len(b))
}
