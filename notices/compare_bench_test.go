package notices_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/notices"
)

func BenchmarkCompareSeeds(b *testing.B) {
	oldPath, newPath := "../../shared/seeds/001_1e299fd3d48f26ea.txt", "../../shared/seeds/000_012f2c22baed37e5.txt"
	if _, err := os.Stat(oldPath); err != nil {
		b.Skip("../shared/seeds is not available")
	}
	old, new := parseFile(b, oldPath), parseFile(b, newPath)
	b.ReportAllocs()
	for b.Loop() {
		notices.Compare(old, new)
	}
}

// BenchmarkCompareGenerated compares generated notices of 0.5, 1 and 2 MB
// with thousands of sections: numbered sections ("## 12."), sub-sections
// ("### 12.3") and clauses ("12.3.1"). The new version has every tenth
// sub-section reworded, every 50th removed, a new one every 40th (so later
// numbers shift), a section retitled now and then and a few swapped, so the
// exact-match phases cannot do all the work; the times at the three sizes
// show whether alignment grows linearly.
func BenchmarkCompareGenerated(b *testing.B) {
	for _, size := range []int{512 << 10, 1 << 20, 2 << 20} {
		oldSrc, newSrc := generatePair(size)
		old, err := notices.Parse("old.md", oldSrc)
		if err != nil {
			b.Fatal(err)
		}
		new, err := notices.Parse("new.md", newSrc)
		if err != nil {
			b.Fatal(err)
		}
		count := 0
		old.Walk(func(*notices.Section) { count++ })
		b.Run(fmt.Sprintf("%dKB-%dsections", size>>10, count), func(b *testing.B) {
			b.SetBytes(int64(len(oldSrc) + len(newSrc)))
			b.ReportAllocs()
			for b.Loop() {
				notices.Compare(old, new)
			}
		})
	}
}

var topics = []string{"tenancy", "repairs", "rent", "support", "complaints", "cookies", "marketing", "safeguarding",
	"CCTV", "employment", "contractors", "research", "retention", "transfers", "rights", "security"}

// generatePair writes two versions of a notice of about size bytes.
func generatePair(size int) ([]byte, []byte) {
	type sub struct{ title, body string }
	var subs []sub
	total := 0
	for i := 0; total < size; i++ {
		topic := topics[i%len(topics)]
		var body strings.Builder
		for c := 1; c <= 3; c++ {
			fmt.Fprintf(&body, "@.%d We process %s records for scheme %d under variant %d because the law requires it, "+
				"and we keep them only as long as we need them for the purpose we told you about. "+
				"Where a supplier helps us with %s work, it acts on our written instructions.\n\n", c, topic, i, c*7+i%5, topic)
		}
		subs = append(subs, sub{fmt.Sprintf("How we handle %s information for scheme %d", topic, i), body.String()})
		total += body.Len() + 60
	}
	render := func(ss []sub) []byte {
		var b strings.Builder
		b.WriteString("# Privacy notice\n\nThis notice explains how we use your personal information.\n\n")
		for i, s := range ss {
			sec, n := i/12+1, i%12+1
			if n == 1 {
				fmt.Fprintf(&b, "## %d. Services in group %d\n\n", sec, sec)
			}
			num := fmt.Sprintf("%d.%d", sec, n)
			fmt.Fprintf(&b, "### %s %s\n\n%s", num, s.title, strings.ReplaceAll(s.body, "@", num))
		}
		return []byte(b.String())
	}
	var changed []sub
	for i, s := range subs {
		switch {
		case i%50 == 49:
			continue // removed
		case i%10 == 3:
			s.body = strings.Replace(s.body, "because the law requires it", "because we have a legitimate interest in doing so", 1)
		case i%97 == 5:
			s.title = "Information about " + s.title // retitled
		}
		if i%40 == 20 {
			changed = append(changed, sub{fmt.Sprintf("A new service %d", i), "@.1 We added this to explain a new service.\n\n"})
		}
		changed = append(changed, s)
	}
	for i := 100; i+1 < len(changed); i += 300 {
		changed[i], changed[i+1] = changed[i+1], changed[i] // moved
	}
	return render(subs), render(changed)
}
