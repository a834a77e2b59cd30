package lint

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFilterSameAsEveryPair checks the sweep against the definition: a
// finding is suppressed when some suppression of its rule, or of every rule,
// covers its line, and a suppression is used when it covers some finding.
func TestFilterSameAsEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 17))
	rules := []string{"", "a", "b"}
	for round := range 2000 {
		var list, ref []*suppression
		for range rng.IntN(8) {
			from := 1 + rng.IntN(30)
			to := from + rng.IntN(6) - 1 // an enable on the line before its disable ends it at once
			switch rng.IntN(5) {
			case 0:
				to = math.MaxInt
			case 1:
				from, to = 1, math.MaxInt
			}
			r := rules[rng.IntN(len(rules))]
			list = append(list, &suppression{rule: r, from: from, to: to})
			ref = append(ref, &suppression{rule: r, from: from, to: to})
		}
		var fs []Finding
		for range rng.IntN(12) {
			fs = append(fs, Finding{Rule: rules[1+rng.IntN(2)], Line: 1 + rng.IntN(36)})
		}
		var want []Finding
		for _, f := range fs {
			hit := false
			for _, s := range ref {
				if (s.rule == "" || s.rule == f.Rule) && f.Line >= s.from && f.Line <= s.to {
					s.used, hit = true, true
				}
			}
			if !hit {
				want = append(want, f)
			}
		}
		got := (&suppressor{list: list}).filter(append([]Finding(nil), fs...))
		if len(got) != len(want) {
			t.Fatalf("round %d: kept %v, want %v", round, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("round %d: kept %v, want %v", round, got, want)
			}
		}
		for i := range list {
			if list[i].used != ref[i].used {
				t.Fatalf("round %d: suppression %+v used = %v, want %v", round, *list[i], list[i].used, ref[i].used)
			}
		}
	}
}
