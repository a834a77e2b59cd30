package pattern

// automaton finds every occurrence of a set of literals in one pass, ASCII
// case folded: an Aho-Corasick automaton compiled to a DFA whose input is
// byte classes, one per byte that some literal uses (letters of either case
// sharing one) and one for every other byte. The table is small enough to
// stay in cache, and each byte costs one lookup.
//
// The Go Aho-Corasick libraries were measured first: the one release of
// BobuSumisu/aho-corasick on the module proxy (v1.0.3) follows failure
// links at run time over 2 KB-per-state tables, and scanned notices at about
// a third of the speed of this one (see README, "Speed").
type automaton struct {
	class  [256]uint16
	nclass int
	next   []uint16 // next[state*nclass+class]
	// The literals recognised on entering a state, its own and those of its
	// suffixes: outs[outStart[s]:outStart[s+1]].
	outStart []int32
	outs     []int32
	hasOut   []bool
	lens     []int32
}

func newAutomaton(lits []string) *automaton {
	a := &automaton{nclass: 1}
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			c := lowerASCII(l[i])
			if a.class[c] == 0 {
				a.class[c] = uint16(a.nclass)
				a.nclass++
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		a.class[c] = a.class[c+'a'-'A']
	}
	// The trie, with state 0 its root, in uint32 while it grows.
	const none = ^uint32(0)
	nc := a.nclass
	next := make([]uint32, nc)
	for i := range next {
		next[i] = none
	}
	own := [][]int32{nil}
	for id, l := range lits {
		s := uint32(0)
		for i := 0; i < len(l); i++ {
			c := int(a.class[l[i]])
			t := next[int(s)*nc+c]
			if t == none {
				t = uint32(len(own))
				own = append(own, nil)
				for range nc {
					next = append(next, none)
				}
				next[int(s)*nc+c] = t
			}
			s = t
		}
		own[s] = append(own[s], int32(id))
		a.lens = append(a.lens, int32(len(l)))
	}
	// Breadth first, so a state's failure state is complete before it:
	// missing transitions become those of the failure state, and outputs
	// gain the failure state's.
	n := len(own)
	if n > 1<<16 {
		panic("pattern: too many literals for the automaton's 16-bit states")
	}
	fail := make([]uint32, n)
	outputs := make([][]int32, n)
	outputs[0] = own[0]
	queue := make([]uint32, 0, n)
	for c := range nc {
		if t := next[c]; t == none {
			next[c] = 0
		} else {
			fail[t] = 0
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		outputs[s] = append(append([]int32(nil), own[s]...), outputs[fail[s]]...)
		for c := range nc {
			i := int(s)*nc + c
			f := next[int(fail[s])*nc+c]
			if t := next[i]; t == none {
				next[i] = f
			} else {
				fail[t] = f
				queue = append(queue, t)
			}
		}
	}
	// 16-bit states halve the table, which keeps it in cache.
	a.next = make([]uint16, len(next))
	for i, t := range next {
		a.next[i] = uint16(t)
	}
	a.outStart = make([]int32, n+1)
	a.hasOut = make([]bool, n)
	for s, o := range outputs {
		a.outs = append(a.outs, o...)
		a.outStart[s+1] = int32(len(a.outs))
		a.hasOut[s] = len(o) > 0
	}
	return a
}

// scan calls found with the literal and the span of every occurrence in
// text, in order of their ends.
func (a *automaton) scan(text string, found func(lit, start, end int)) {
	next, class, hasOut, nc := a.next, &a.class, a.hasOut, a.nclass
	s := uint16(0)
	for i := 0; i < len(text); i++ {
		s = next[int(s)*nc+int(class[text[i]])]
		if hasOut[s] {
			for _, lit := range a.outs[a.outStart[s]:a.outStart[s+1]] {
				found(int(lit), i+1-int(a.lens[lit]), i+1)
			}
		}
	}
}
