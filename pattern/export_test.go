package pattern

func WindowBytes(p *Pattern, t *Text) (n, count int) {
	if !p.may(t) {
		return 0, 0
	}
	ws := p.windows(t)
	if ws == nil {
		return len(t.s), 1
	}
	for _, w := range ws {
		n += w[1] - w[0]
	}
	return n, len(ws)
}
