package notices

// RefChange is a cross-reference that the change broke: the same words in
// the same section now point at a different section than they did, because
// their target was renumbered, moved or removed.
type RefChange struct {
	// Old and New are the reference in each version.
	Old, New *Ref
	// Intended is what the reference meant: its old target as it stands in
	// the new version, or nil when that section was removed.
	Intended *Section
}

// brokenRefs pairs each reference of the new version with the same
// reference in the old one — same kind and number, in the same aligned
// section, the k-th such in each — and keeps those whose target's identity
// changed. A reference whose words changed with its target ("section 15"
// corrected to "section 16") pairs with nothing and is fine.
func brokenRefs(c *Comparison) []*RefChange {
	type refKey struct {
		sec  *SectionDiff // nil for the preamble
		kind string
		key  string
	}
	oldRefs := map[refKey][]*Ref{}
	for _, r := range c.Old.Refs {
		k := refKey{kind: r.Kind(), key: r.Key}
		if r.Para != nil && r.Para.Section != nil {
			k.sec = c.byOld[r.Para.Section]
			if k.sec == nil {
				continue
			}
		}
		oldRefs[k] = append(oldRefs[k], r)
	}
	var out []*RefChange
	for _, r := range c.New.Refs {
		k := refKey{kind: r.Kind(), key: r.Key}
		if r.Para != nil && r.Para.Section != nil {
			k.sec = c.byNew[r.Para.Section]
			if k.sec == nil || k.sec.Old == nil {
				continue // a new section's references are new, not changed
			}
		}
		olds := oldRefs[k]
		if len(olds) == 0 {
			continue
		}
		old := olds[0]
		oldRefs[k] = olds[1:]
		if old.Target == nil {
			continue // it pointed nowhere before; the linter says whether it does now
		}
		var intended *Section
		if d := c.byOld[old.Target]; d != nil {
			intended = d.New
		}
		if intended == r.Target {
			continue
		}
		out = append(out, &RefChange{Old: old, New: r, Intended: intended})
	}
	return out
}
