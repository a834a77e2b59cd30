package notices

import (
	"hash/maphash"
	"sync/atomic"
)

// wordCache remembers a pure function of a word: the words of notices
// repeat (Zipf), and stemming and phrase lookups are the cost of matching.
// It is direct-mapped: each word has one slot, by hash, and a word that
// lands in a taken slot replaces what was there. So it never grows (text of
// endless distinct words costs time, not memory), needs no lock (a slot is
// an atomic pointer to an entry that never changes), and a lookup is a hash,
// a load and a string comparison, several times cheaper than sync.Map's
// interface-keyed trie. A lost entry only means computing it again: what
// it answers never depends on what is in it.
type wordCache[V any] struct {
	seed  maphash.Seed
	slots []atomic.Pointer[wordEntry[V]]
}

type wordEntry[V any] struct {
	word string
	val  V
}

// newWordCache makes a cache of 1<<bits slots.
func newWordCache[V any](bits uint) *wordCache[V] {
	return &wordCache[V]{seed: maphash.MakeSeed(), slots: make([]atomic.Pointer[wordEntry[V]], 1<<bits)}
}

func (c *wordCache[V]) slot(w string) *atomic.Pointer[wordEntry[V]] {
	return &c.slots[maphash.String(c.seed, w)&uint64(len(c.slots)-1)]
}

// get returns the value remembered for w.
func (c *wordCache[V]) get(w string) (v V, ok bool) {
	if e := c.slot(w).Load(); e != nil && e.word == w {
		return e.val, true
	}
	return v, false
}

// put remembers v for w. w must not be part of a larger string the cache
// should not keep alive (clone it).
func (c *wordCache[V]) put(w string, v V) {
	c.slot(w).Store(&wordEntry[V]{word: w, val: v})
}
