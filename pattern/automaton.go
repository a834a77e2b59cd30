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
// a third of the speed of this one (see docs/internals.md, "Speed").
type automaton struct {
	class  [256]uint32
	nclass int
	// next[row+class] is the row of the next state, where a state's row is
	// its number times nclass: stored premultiplied, a step is one add and
	// one load. States that recognise a literal are numbered last, so that
	// one comparison with outRow tells them apart.
	next   []uint32
	outRow uint32
	// The literals recognised on entering a state, its own and those of its
	// suffixes: outs[outStart[s]:outStart[s+1]].
	outStart []int32
	outs     []int32
	lens     []int32
	longest  int // the longest literal's length
}

func newAutomaton(lits []string) *automaton {
	a := &automaton{nclass: 1}
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			c := lowerASCII(l[i])
			if a.class[c] == 0 {
				a.class[c] = uint32(a.nclass)
				a.nclass++
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		a.class[c] = a.class[c+'a'-'A']
	}
	// The trie, with state 0 its root, in uint32 while it grows: at most
	// one state per byte of the literals, and the root.
	const none = ^uint32(0)
	nc := a.nclass
	size := 1
	for _, l := range lits {
		size += len(l)
	}
	next := make([]uint32, nc, size*nc)
	for i := range next {
		next[i] = none
	}
	own := make([][]int32, 1, size)
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
		a.longest = max(a.longest, len(l))
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
	// bfs is every state, shallowest first: the order rows are laid out
	// in, so that the few states text keeps returning to (the root and
	// the short prefixes) share cache lines instead of being spread over
	// a table of a megabyte or more.
	bfs := append([]uint32{0}, queue...)
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
				bfs = append(bfs, t)
			}
		}
	}
	// Renumber: the states with no output first, breadth first (the
	// root stays 0), then those with one.
	order := make([]uint32, 0, n)
	for _, s := range bfs {
		if len(outputs[s]) == 0 {
			order = append(order, s)
		}
	}
	a.outRow = uint32(len(order) * nc)
	for _, s := range bfs {
		if len(outputs[s]) > 0 {
			order = append(order, s)
		}
	}
	renum := make([]uint32, n)
	for i, s := range order {
		renum[s] = uint32(i)
	}
	a.next = make([]uint32, len(next))
	a.outStart = make([]int32, n+1)
	for i, s := range order {
		for c := range nc {
			a.next[i*nc+c] = renum[next[int(s)*nc+c]] * uint32(nc)
		}
		a.outs = append(a.outs, outputs[s]...)
		a.outStart[i+1] = int32(len(a.outs))
	}
	return a
}

// scan calls found with the literal and the span of every occurrence in
// text, in no particular order.
//
// Each step waits for the one before (the next state depends on this one),
// so a long text is scanned as two halves at once, which the processor can
// overlap: the second half starts longest-1 bytes early, so that it sees
// every literal that ends in it, and reports only those.
func (a *automaton) scan(text string, found func(lit, start, end int)) {
	next, class, outRow := a.next, &a.class, a.outRow
	if len(text) < 4*a.longest+64 {
		row := uint32(0)
		for i := 0; i < len(text); i++ {
			if row = next[row+class[text[i]]]; row >= outRow {
				a.report(row, i, found)
			}
		}
		return
	}
	mid := len(text) / 2
	r1, r2 := uint32(0), uint32(0)
	i, j := 0, mid-a.longest+1
	for ; i < mid; i, j = i+1, j+1 {
		r1 = next[r1+class[text[i]]]
		r2 = next[r2+class[text[j]]]
		if r1 >= outRow {
			a.report(r1, i, found)
		}
		if r2 >= outRow && j >= mid {
			a.report(r2, j, found)
		}
	}
	for ; j < len(text); j++ {
		if r2 = next[r2+class[text[j]]]; r2 >= outRow {
			a.report(r2, j, found)
		}
	}
}

// report calls found for the literals that end at byte i, where the
// automaton entered the state of row.
func (a *automaton) report(row uint32, i int, found func(lit, start, end int)) {
	s := int(row) / a.nclass
	for _, lit := range a.outs[a.outStart[s]:a.outStart[s+1]] {
		found(int(lit), i+1-int(a.lens[lit]), i+1)
	}
}
