package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// CrossReference checks that every reference into the notice points at a
// section that exists and is about what the reference says.
var CrossReference = &lint.Rule{
	ID:       "cross-reference",
	Summary:  "Every cross-reference points to a section that exists and is about what it says",
	Severity: lint.Error,
	Since:    "0.1.0",
	Doc: `Why: UK GDPR Article 12(1) requires information "in a concise, transparent,
intelligible and easily accessible form". A reference that sends the reader to the
wrong section after a renumbering ("see section 15 on how to make a complaint" when
complaints moved to 16) hides the information it promises.

References are "section 15", "section three", "sections 3 and 4", "clause 12.2",
"paragraph 4", "Appendix 1", "Annex A". References to legislation ("section 7 of
the Data Protection Act 2018", "Article 21", "Schedule 2 of the DPA") are not
references into the notice and are never checked.

Fails:
  - the target does not exist ("see section 3.6" when section 3 ends at 3.5);
  - the target exists but its title plainly does not match the topic the reference
    names: a quoted title ("section three, 'How we use your information'") that the
    target does not have, or a topic ("on how to make a complaint") that another
    section's title matches far better. The fix names the matching section.

Passes: a reference whose target's title or text covers the topic; a close
paraphrase of the title ("how to make a complaint" for "Make a complaint").

Fix: point the reference at the section that holds the information.`,
	Check: checkCrossReference,
}

func checkCrossReference(pass *lint.Pass) {
	n := pass.Notice
	numbers, appendices := numbering(n)
	titles := newTitleIndex(n)
	for _, r := range n.Refs {
		from := r.Para.Section
		if r.Target == nil {
			// With no section numbered the way the reference is, there is
			// nothing to check it against: the notice may number its
			// headings in a way noticelint does not read (a linked table of
			// contents, say), and a wall of "does not exist" would bury the
			// real findings.
			numeric := isNumber(strings.SplitN(r.Key, ".", 2)[0])
			if !numbers && (numeric || !appendices) {
				continue
			}
			msg := fmt.Sprintf("%q does not exist: %s.", r.Text, nearby(n, r))
			fix := ""
			if best, _ := titles.bestMatch(r.Topic, from); best != nil && r.Topic != "" {
				fix = "Did you mean " + best.Label() + "?"
			}
			pass.Report(r.Span, from, msg, fix)
			continue
		}
		if r.Topic == "" {
			continue
		}
		target := r.Target
		if r.TopicQuoted {
			if titleScore(r.Topic, target.Title) >= 0.5 || (target.Title == "" && titles.coverage(r.Topic, target) >= 0.6) {
				continue
			}
			fix := "No section has that title: update the quoted title or the number."
			if cands := titles.matches(r.Topic, from); len(cands) == 1 {
				fix = "Point the reference to " + cands[0].Label() + "."
			} else if len(cands) > 1 {
				fix = "No section has that title; the closest are " + cands[0].Label() + " and " + cands[1].Label() + "."
			}
			pass.Report(r.Span, from, fmt.Sprintf("%q points to %s, which is not about '%s'.", r.Text, target.Label(), r.Topic), fix)
			continue
		}
		own := titleScore(r.Topic, target.Title)
		if own >= 0.3 || titles.coverage(r.Topic, target) >= 0.5 {
			continue
		}
		best, score := titles.bestMatch(r.Topic, from)
		if best == nil || best == target || score < 0.6 || score-own < 0.3 {
			continue
		}
		pass.Report(r.Span, from,
			fmt.Sprintf("%q points to %s, which is not about %s; that is %s.", r.Text, target.Label(), strings.TrimPrefix(r.Topic, "the "), best.Label()),
			"Point the reference to "+best.Label()+".")
	}
}

// titleIndex finds the sections whose titles share a stem with a topic.
// Comparing every reference's topic with every title, stemming both each
// time, made a long notice cost the product of its references and its
// sections; the index stems each title once and compares a topic only with
// the titles it could score above zero against.
type titleIndex struct {
	n      *notices.Notice
	built  bool
	titled []*notices.Section // sections and clauses with a title, in document order
	stems  []map[string]bool  // the stems of each title
	byStem map[string][]int   // stem -> indexes into titled, ascending
	seen   []int              // seen[i] == query when titled[i] is already a candidate
	query  int
	// texts caches the stems of the sections references point to: many
	// references to one long section would otherwise stem it each time.
	texts map[*notices.Section]map[string]bool
}

func newTitleIndex(n *notices.Notice) *titleIndex {
	return &titleIndex{n: n, texts: map[*notices.Section]map[string]bool{}}
}

// coverage is the share of the topic's stems that s's text contains.
func (ix *titleIndex) coverage(topic string, s *notices.Section) float64 {
	sx, ok := ix.texts[s]
	if !ok {
		sx = stems(s.Text())
		ix.texts[s] = sx
	}
	return covered(stems(topic), sx)
}

func (ix *titleIndex) build() {
	ix.built = true
	ix.byStem = map[string][]int{}
	ix.n.Walk(func(s *notices.Section) {
		if s.Title == "" {
			return
		}
		i := len(ix.titled)
		st := stems(s.Title)
		ix.titled = append(ix.titled, s)
		ix.stems = append(ix.stems, st)
		for w := range st {
			ix.byStem[w] = append(ix.byStem[w], i)
		}
	})
	ix.seen = make([]int, len(ix.titled))
}

// candidates returns the topic's stems and the indexes, in document order, of
// the titles that share at least one of them. Every other title scores 0.
func (ix *titleIndex) candidates(topic string) (map[string]bool, []int) {
	if !ix.built {
		ix.build()
	}
	st := stems(topic)
	ix.query++
	var out []int
	for w := range st {
		for _, i := range ix.byStem[w] {
			if ix.seen[i] != ix.query {
				ix.seen[i] = ix.query
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return st, out
}

// matches returns the best title match for topic, or the two best when they
// score the same: naming one of a tie would be a guess.
func (ix *titleIndex) matches(topic string, from *notices.Section) []*notices.Section {
	best, score := ix.bestMatch(topic, from)
	if best == nil {
		return nil
	}
	// A tie scores at least 0.49, so it shares a stem with the topic.
	st, cands := ix.candidates(topic)
	for _, i := range cands {
		if s := ix.titled[i]; s != best && !s.Contains(from) && dice(st, ix.stems[i]) >= score-0.01 {
			return []*notices.Section{best, s}
		}
	}
	return []*notices.Section{best}
}

// bestMatch finds the section or clause whose title best matches topic,
// leaving out the section the reference stands in. The first of equal
// scores, in document order, wins.
func (ix *titleIndex) bestMatch(topic string, from *notices.Section) (*notices.Section, float64) {
	var best *notices.Section
	score := 0.0
	st, cands := ix.candidates(topic)
	for _, i := range cands {
		s := ix.titled[i]
		if from != nil && s.Contains(from) {
			continue
		}
		if v := dice(st, ix.stems[i]); v > score {
			best, score = s, v
		}
	}
	if score < 0.5 {
		return nil, score
	}
	return best, score
}

// nearby says which numbers do exist near a missing target, so the reader can
// see whether it is a typo or a renumbering.
func nearby(n *notices.Notice, r *notices.Ref) string {
	parts := strings.Split(r.Key, ".")
	if len(parts) > 1 {
		parent := n.Lookup(strings.Join(parts[:len(parts)-1], "."))
		if parent == nil {
			return fmt.Sprintf("there is no section %s either", strings.Join(parts[:len(parts)-1], "."))
		}
		// Unnumbered sub-headings are children too, but have no number to
		// name.
		var nums []string
		for _, c := range parent.Children {
			if c.Number != "" {
				nums = append(nums, c.Number)
			}
		}
		switch len(nums) {
		case 0:
			return fmt.Sprintf("%s has no numbered clauses", parent.Label())
		case 1:
			return fmt.Sprintf("%s has only clause %s", parent.Label(), nums[0])
		}
		return fmt.Sprintf("%s has clauses %s to %s", parent.Label(), nums[0], nums[len(nums)-1])
	}
	var nums []string
	prefix := ""
	if i := strings.IndexByte(r.Key, '-'); i >= 0 {
		prefix = r.Key[:i+1]
	}
	for _, s := range n.Sections {
		if s.Key != "" && strings.HasPrefix(s.Key, prefix) && (prefix != "" || isNumber(s.Key)) {
			nums = append(nums, s.Number)
		}
	}
	switch len(nums) {
	case 0:
		return "the notice has no numbered sections"
	case 1:
		return "the only one is " + kindOf(r) + nums[0]
	}
	if kindOf(r) == "" {
		return fmt.Sprintf("the notice has %s to %s", nums[0], nums[len(nums)-1])
	}
	return fmt.Sprintf("the notice has sections %s to %s", nums[0], nums[len(nums)-1])
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// kindOf is the word for the kind of target a reference names, for messages.
func kindOf(r *notices.Ref) string {
	if r.Kind == "appendix" || r.Kind == "annex" || r.Kind == "schedule" {
		return ""
	}
	return "section "
}

// numbering reports which kinds of number the notice's own sections carry:
// plain numbers ("3", "3.4") and appendices ("appendix-2"). A notice whose
// only numbered headings are its appendices still numbers its sections
// somewhere noticelint cannot see (often only in a linked table of contents),
// so a "section 5" in it cannot be judged missing.
func numbering(n *notices.Notice) (numbers, appendices bool) {
	n.Walk(func(s *notices.Section) {
		if s.Key == "" || s.Level != 1 {
			return
		}
		if isNumber(strings.SplitN(s.Key, ".", 2)[0]) {
			numbers = true
		} else {
			appendices = true
		}
	})
	return numbers, appendices
}
