package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/notices"
)

// TestContentHits prints the concept hits of CONTENT_FILE for CONTENT_IDS
// (comma-separated): a tool for reading why an element was judged as it
// was. It is skipped unless CONTENT_FILE is set.
func TestContentHits(t *testing.T) {
	path := os.Getenv("CONTENT_FILE")
	if path == "" {
		t.Skip("CONTENT_FILE not set")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := notices.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	c := contentOf(n)
	for _, id := range strings.Split(os.Getenv("CONTENT_IDS"), ",") {
		for _, h := range c.hitsOf(id) {
			text := string(n.Source[h.Span.Start:h.Span.End])
			if len(text) > 200 {
				text = text[:200]
			}
			t.Logf("%s line %d title=%v row=%d: %s", id, n.Pos(h.Span.Start).Line, h.Title, h.Row, text)
		}
	}
}

// TestContentCandidates prints how many of CONTENT_FILE's paras the
// prefilter passes to the concept table.
func TestContentCandidates(t *testing.T) {
	path := os.Getenv("CONTENT_FILE")
	if path == "" {
		t.Skip("CONTENT_FILE not set")
	}
	src, _ := os.ReadFile(path)
	n, _ := notices.Parse(path, src)
	cand, total := 0, 0
	for _, p := range n.ParasFor(table.anchor) {
		cand += len(p.Text)
	}
	for _, p := range n.Paras() {
		total += len(p.Text)
	}
	t.Logf("candidates %d of %d bytes; anchors %v", cand, total, len(table.anchor.Anchors()))
	for _, e := range table.elements {
		b := 0
		for _, p := range n.Paras() {
			if e.anchor.MayMatch(p.Scan) {
				b += len(p.Text)
			}
		}
		t.Logf("%-32s %6d %v", e.id, b, e.anchor.Anchors())
	}
}

func TestContentCost(t *testing.T) {
	list := os.Getenv("CONTENT_LIST")
	if list == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(list)
	total := 0
	for _, path := range strings.Fields(string(b)) {
		src, _ := os.ReadFile(path)
		n, err := notices.Parse(path, src)
		if err != nil || !n.Facts.Scope.GDPR() {
			continue
		}
		total += len(src)
		for _, e := range elements {
			e.judge(contentOf(n), n.Facts)
		}
	}
	t.Logf("calls %d (%d with a row) for %d bytes of source", matchCalls.Load(), matchHits.Load(), total)
}
