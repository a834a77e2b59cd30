package notices

import (
	"fmt"
	"sort"
)

// Parse reads a notice. It fails only when src is not UTF-8 text; any text,
// however odd, yields a Notice.
func Parse(path string, src []byte) (*Notice, error) {
	norm, err := normalise(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	n := &Notice{Path: path, Source: norm, lines: newLineIndex(norm)}
	n.Comments = findComments(norm)
	// goldmark reads bytes and the tree keeps a string: the bytes are
	// dropped once the tree is built, not kept beside it.
	masked := maskForParsing(norm, n.Comments)
	n.text = string(masked)
	build(n, flatten(masked))
	for _, p := range n.paras {
		n.addRefs(p)
		n.Contacts = append(n.Contacts, findContacts(p)...)
	}
	sort.SliceStable(n.Contacts, func(i, j int) bool { return n.Contacts[i].Span.Start < n.Contacts[j].Span.Start })
	n.Facts = readFacts(n)
	return n, nil
}
