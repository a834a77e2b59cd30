package rules

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/noticelint/noticelint/notices"
)

// The rules that read what a notice says (rights-list and the Art 13/14
// content rules) read English: their concept tables are English words. A
// notice in another language says its rights and its purposes in words the
// tables do not know, and telling it that it never mentions them would be
// false, so those rules do not judge it.

// englishWords and otherWords are the commonest short words of English and
// of the other languages of European notices.
var (
	englishWords = map[string]bool{"the": true, "and": true, "you": true, "your": true, "we": true, "of": true, "to": true}
	otherWords   = map[string]bool{"le": true, "la": true, "les": true, "des": true, "et": true, "vous": true, "der": true,
		"die": true, "und": true, "sie": true, "el": true, "los": true, "las": true, "het": true, "een": true, "och": true, "il": true, "di": true}
)

// minEnglishShare is the least share of a text's words that English's
// commonest words make up in English. They are a sixth to a fifth of an
// English notice's words, still over 1% of one buried in a page's scripts
// and styles, and under 1% of a Czech or Danish one's, whose own short words
// are not listed in otherWords. A page's first lines are often a menu or a
// list of countries with hardly any of them, so the share is taken over the
// first 64 KB.
const minEnglishShare = 0.01

// minWordsForShare is the fewest words whose share of English is read.
const minWordsForShare = 60

// englishSample is how much of a notice inEnglish reads.
const englishSample = 64 << 10

type englishKey struct{}

// inEnglish reports whether the notice is written in English, by its
// commonest words: more English ones than other languages', and enough of
// them. It is read once per notice.
func inEnglish(n *notices.Notice) bool {
	return n.Memo(englishKey{}, func() any { return readsEnglish(n.Source) }).(bool)
}

func readsEnglish(src []byte) bool {
	if len(src) > englishSample {
		src = src[:englishSample]
	}
	en, other, words := 0, 0, 0
	text := withoutComments(src)
	// The words are strings.Fields's, read without making them: only
	// those of four bytes or fewer are compared, and most of a notice's
	// words are longer.
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		words++
		if j-i <= 4 {
			switch shortWord(text[i:j]) {
			case 1:
				en++
			case 2:
				other++
			}
		}
		i = j
	}
	// A share says little of a few words ("Under UK GDPR our checks run on
	// every order."): a text that short is judged by the listed words alone.
	if words < minWordsForShare {
		return en >= other
	}
	return en >= other && float64(en) >= minEnglishShare*float64(words)
}

// shortWords are englishWords (1) and otherWords (2) by their bytes packed
// into a uint32 (packWord): the commonest words are most of a notice's
// short ones, and an integer key is looked up without hashing a string.
var shortWords = func() map[uint32]int8 {
	m := map[uint32]int8{}
	for w := range englishWords {
		m[packWord(w)] = 1
	}
	for w := range otherWords {
		m[packWord(w)] = 2
	}
	return m
}()

// packWord packs a word of at most four ASCII bytes, lower-cased, into a
// uint32; ok is false for a word with another byte.
func packWord(w string) uint32 {
	var k uint32
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint32(c) << (8 * i)
	}
	return k
}

// shortWord tells which list a word of at most four bytes is in: 1 for
// englishWords, 2 for otherWords, else 0.
func shortWord(w string) int8 {
	for i := range len(w) {
		if w[i] >= utf8.RuneSelf {
			low := strings.ToLower(w)
			switch {
			case englishWords[low]:
				return 1
			case otherWords[low]:
				return 2
			}
			return 0
		}
	}
	return shortWords[packWord(w)]
}

// asciiSpace holds the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// withoutComments is src with its HTML comments left out: a comment (an
// editor's note, a suppression's reason) is not the notice's language.
func withoutComments(src []byte) string {
	var b strings.Builder
	b.Grow(len(src))
	for {
		i := bytes.Index(src, []byte("<!--"))
		if i < 0 {
			b.Write(src)
			return b.String()
		}
		b.Write(src[:i])
		j := bytes.Index(src[i+4:], []byte("-->"))
		if j < 0 {
			return b.String()
		}
		b.WriteByte(' ')
		src = src[i+4+j+3:]
	}
}

// notEnglish is the reason the content rules give for not judging a
// notice in another language.
const notEnglish = "the notice is not written in English, which noticelint reads"
