package rules

import (
	"regexp"
	"strings"

	"github.com/noticelint/noticelint/notices"
	"github.com/noticelint/noticelint/pattern"
)

// Finding the notice's lists of rights, in the shapes notices give them.

// findEnumerations finds the lists of rights the notice gives and keeps
// those that are the reader's rights under UK or EU GDPR.
func findEnumerations(n *notices.Notice, pr *paraRights, onlyPublic bool) []*enumeration {
	var out []*enumeration
	out = append(out, listEnumerations(n, pr)...)
	out = append(out, markedLineEnumerations(n)...)
	out = append(out, labelledEnumerations(n, pr)...)
	out = append(out, tableEnumerations(n, pr)...)
	out = append(out, subHeadingEnumerations(n, pr)...)
	kept := keepRightsLists(n, pr, out)
	// A sentence naming the rights is the notice's list when it has no
	// other and none names all eight; one naming all eight is a complete
	// list a fix can point to. Reading every paragraph for them is the
	// rule's dearest step, taken only when a list is missing or short.
	short := len(kept) == 0
	for _, e := range kept {
		short = short || e.rights != allRights
	}
	if short {
		prose := keepRightsLists(n, pr, proseEnumerations(n, pr))
		var whole []*enumeration
		for _, e := range prose {
			if e.rights == allRights {
				whole = append(whole, e)
			}
		}
		switch {
		case len(whole) > 0:
			kept = append(kept, whole...)
		case len(kept) == 0 && len(prose) > 0:
			kept = prose[:1]
		}
	}
	var complete bool
	for _, e := range kept {
		e.exempt = exemptions(n, e, onlyPublic) &^ e.rights
		complete = complete || e.rights|e.exempt == allRights
	}
	if complete {
		// A regional "your choices" list beside a complete list is not
		// the notice's list of rights: the complete one is.
		k := kept[:0]
		for _, e := range kept {
			if e.rights|e.exempt == allRights || !choices(e) {
				k = append(k, e)
			}
		}
		kept = k
	}
	return kept
}

// besideParas is how many paragraphs after a list of rights, in a notice
// without headings, are read as finishing it.
const besideParas = 2

// besideList returns, for a list outside any section, its lead and the
// besideParas paragraphs after it, up to the next title-like line or list.
// A sentence judged as the list is finished by the rest of its paragraph
// too ("... access, rectify, port and erase your data. ... You also have
// the right to object to and restrict certain processing").
func besideList(n *notices.Notice, e *enumeration) []*notices.Para {
	var out []*notices.Para
	if e.lead != nil && !e.paras[e.lead] {
		out = append(out, e.lead)
	}
	if e.para != nil {
		out = append(out, e.para)
	}
	paras := n.Paras()
	last := -1
	for i, p := range paras {
		if e.paras[p] || p == e.para {
			last = i
		}
	}
	if last < 0 {
		return out
	}
	for j := last + 1; j < len(paras) && j <= last+besideParas; j++ {
		p := paras[j]
		if p.Section != nil || p.Item != nil || titleLike(p.Text) != "" {
			break
		}
		out = append(out, p)
	}
	return out
}

// keepRightsLists keeps the enumerations that name three different rights
// in three items (in three titles for sub-headings), adding to each what
// the rest of its section says, and drops those that are not the reader's
// rights under UK or EU GDPR.
func keepRightsLists(n *notices.Notice, pr *paraRights, out []*enumeration) []*enumeration {
	kept := out[:0]
	for _, e := range out {
		if e.own.Len() < 3 || e.naming < 3 && !e.prose {
			continue
		}
		if !e.titled && !readersRights(e) {
			continue
		}
		if underOtherLaw(e) || waysToExercise(e) || glossary(e) || dataCollected(e) || purposesSection(e) || underBasis(e) || contentsList(e) || e.lead != nil && rights.OtherParty(e.lead.Text) {
			continue
		}
		e.rights = e.own
		if !e.titled && e.section != nil {
			// A list of rights is often finished in the text after it
			// ("You also have the right to object ...") or split in
			// two lists: what the rest of its own section names counts,
			// its sub-sections' included ("#### Data portability" under
			// "How you can access and control your data"), unless the
			// section is the whole notice under its title.
			secs := []*notices.Section{e.section}
			if !wholeNotice(n, e.section) {
				for i := 0; i < len(secs); i++ {
					secs = append(secs, secs[i].Children...)
				}
			}
			for _, s := range secs {
				for _, p := range pr.bySection[s] {
					if e.rights == allRights {
						break
					}
					if !e.paras[p] {
						// "We make no decision about you by automated
						// means" beside the list tells the reader of
						// that right as well as naming it would.
						e.rights |= pr.told(p)
					}
				}
			}
		}
		if !e.titled && e.section == nil {
			// A notice without headings has no section to finish the
			// list: its introduction and the few paragraphs just after
			// it do ("You can also object to or restrict ...").
			for _, p := range besideList(n, e) {
				if e.rights == allRights {
					break
				}
				e.rights |= pr.told(p)
			}
		}
		if e.titled && e.section != nil {
			// A run of sub-sections is judged by its titles, as its
			// bodies name other rights in passing ("we will restrict
			// processing while we check"). The right to be informed is
			// seldom a title of its own, though: it is said in another's
			// body ("Right of access. You have the right to be provided
			// with details of the processing ..."), and said after an
			// asking as surely as a title says it.
			for _, c := range append([]*notices.Section{e.section}, e.section.Children...) {
				for _, p := range pr.bySection[c] {
					if e.rights&informed != 0 {
						break
					}
					s, d := askedRights(p.Scan)
					e.rights |= s | d
				}
			}
		}
		kept = append(kept, e)
	}
	return kept
}

// listEnumerations are the notice's Markdown lists and "•" lines. Only
// those of three or more items that may be of the reader's rights (see
// readersRights) have their items read.
func listEnumerations(n *notices.Notice, pr *paraRights) []*enumeration {
	var out []*enumeration
	var items []*notices.Para
	flush := func() {
		if len(items) < 3 {
			items = items[:0]
			return
		}
		p := items[0]
		e := &enumeration{at: p.Span(), section: p.Section, lead: p.Block.Intro, within: p.Block.Within, paras: map[*notices.Para]bool{}}
		for _, q := range items {
			e.items = append(e.items, q.Text)
			e.scans = append(e.scans, q.Scan)
		}
		if readersRights(e) {
			e.items, e.scans = e.items[:0], e.scans[:0]
			for _, q := range items {
				e.addPara(q, pr)
			}
			out = append(out, e)
		}
		items = items[:0]
	}
	for _, p := range n.Paras() {
		if p.Item == nil {
			continue
		}
		// One Markdown list is one list of rights, though a second
		// paragraph in an item parts its blocks.
		if len(items) > 0 && p.Block != items[len(items)-1].Block && !p.Block.Continues(items[len(items)-1].Block) {
			flush()
		}
		items = append(items, p)
	}
	flush()
	return out
}

// escapedMarker opens a line that a notice converted from HTML marks as a
// list item with an escaped marker ("\- to access your data;"), which
// Markdown shows as text.
var escapedMarker = regexp.MustCompile(`^[ \t]*\\[-*+][ \t]+`)

// markedLineEnumerations are paragraphs whose lines open with escaped list
// markers: each such line is an item.
func markedLineEnumerations(n *notices.Notice) []*enumeration {
	var out []*enumeration
	var prev *notices.Para
	for _, p := range n.Paras() {
		lead := prev
		prev = p
		if p.Item != nil || !strings.Contains(p.Text, `\`) {
			continue
		}
		var e *enumeration
		off := 0
		for _, line := range strings.SplitAfter(p.Text, "\n") {
			if m := escapedMarker.FindStringIndex(line); m != nil {
				if e == nil {
					if lead != nil && lead.Section != p.Section {
						lead = nil
					}
					e = &enumeration{at: notices.Span{Start: p.Start + off + m[1], End: p.Start + off + len(strings.TrimRight(line, "\n"))},
						section: p.Section, lead: lead, paras: map[*notices.Para]bool{p: true}}
				}
				e.add(line[m[1]:])
			}
			off += len(line)
		}
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// boldLabel is a paragraph's opening bold label: "**Right to object:**".
var boldLabel = regexp.MustCompile(`^(?:\*\*|__)[^*_\n]{2,80}(?:\*\*|__)`)

// labelledEnumerations are runs of three or more paragraphs of one
// section, each opening with a bold label, under an introduction or a
// section title that speaks of rights ("you have the following rights:").
func labelledEnumerations(n *notices.Notice, pr *paraRights) []*enumeration {
	var out []*enumeration
	var cur *enumeration
	var prev *notices.Para
	for _, p := range n.Paras() {
		lead := prev
		prev = p
		if p.Item != nil || !strings.HasPrefix(p.Text, "**") && !strings.HasPrefix(p.Text, "__") || !boldLabel.MatchString(p.Text) {
			cur = nil
			continue
		}
		if cur != nil && cur.section == p.Section {
			cur.addPara(p, pr)
			continue
		}
		if lead != nil && (lead.Section != p.Section || boldLabel.MatchString(lead.Text)) {
			lead = nil
		}
		cur = &enumeration{at: p.Span(), section: p.Section, lead: lead, paras: map[*notices.Para]bool{}}
		cur.addPara(p, pr)
		if aboutRights(cur) {
			out = append(out, cur)
		} else {
			cur = nil
		}
	}
	return out
}

// readersWords say a list is of what the reader may do: "you have the
// following rights:", "You can ask us:", "you are entitled to".
var readersWords = pattern.MustCompile(`(?i)\brights?\b|\bentitled\b|\byou (?:can|may|could|also|are able to)\b|\bask us\b`)

// namesRight is an item that says it is a right: "the right to object".
var namesRight = pattern.MustCompile(`(?i)\brights? (?:to|of)\b`)

// readersRights reports whether a list is of the reader's rights, not
// merely one whose items use a right's words: a list of purposes ("we may
// pass your information to ...", "you can opt out of these") or of data
// ("Profile data includes ... preferences") names words of three rights
// in three items, but no introduction or heading of it speaks of what the
// reader may do, and no item of it is called a right.
func readersRights(e *enumeration) bool {
	if e.lead != nil && matches(readersWords, e.lead.Text, e.lead.Scan) || e.within != nil && matches(readersWords, e.within.Text, e.within.Scan) {
		return true
	}
	if e.section != nil {
		for _, s := range e.section.Ancestors() {
			if matches(readersWords, s.Title, s.TitleScan) {
				return true
			}
		}
	}
	return e.anyItem(namesRight) || e.prose && e.anyItem(readersWords)
}

// aboutRights reports whether a list's introduction or its section's title
// speaks of rights.
func aboutRights(e *enumeration) bool {
	if e.lead != nil && matches(rightWord, e.lead.Text, e.lead.Scan) {
		return true
	}
	return e.section != nil && matches(rightWord, e.section.Title, e.section.TitleScan)
}

var rightWord = pattern.MustCompile(`(?i)\brights?\b`)

// tableEnumerations are tables: each body row is an item.
func tableEnumerations(n *notices.Notice, pr *paraRights) []*enumeration {
	var out []*enumeration
	n.Walk(func(s *notices.Section) {
		var before *notices.Block
		for _, b := range s.Blocks {
			if b.Kind != notices.Table {
				before = b
				continue
			}
			// Three rights take three of the anchor's words: a table
			// with fewer is not split into rows.
			whole := pattern.Index(b.Text)
			if len(rights.Anchor().Windows(whole)) < 3 {
				before = b
				continue
			}
			var lead *notices.Para
			if before != nil && before.Kind == notices.Paragraph {
				for _, p := range pr.bySection[s] {
					if p.Block == before {
						lead = p
					}
				}
			}
			before = b
			e := &enumeration{section: s, lead: lead, paras: map[*notices.Para]bool{}, whole: whole}
			var rows []string
			off := 0
			for i, line := range strings.SplitAfter(b.Text, "\n") {
				row := strings.TrimSpace(line)
				// The header row and the delimiter row name no right,
				// but the header may say the table is of rights.
				if i == 0 && e.lead == nil && readersWords.Regexp().MatchString(row) {
					e.lead = &notices.Para{Text: row, Scan: pattern.Index(row), Start: b.Span.Start, Section: s, Block: b}
				}
				if i > 1 && strings.HasPrefix(row, "|") {
					if rows == nil {
						e.at = notices.Span{Start: b.Span.Start + off, End: b.Span.Start + off + len(strings.TrimRight(line, "\n"))}
					}
					rows = append(rows, row)
				}
				off += len(line)
			}
			if len(rows) < 3 {
				continue
			}
			// As with lists: only a table that may be of the reader's
			// rights has its rows read.
			e.items, e.scans = rows, make([]*pattern.Text, len(rows))
			if !readersRights(e) {
				continue
			}
			e.items, e.scans = nil, nil
			for _, row := range rows {
				e.add(row)
			}
			out = append(out, e)
		}
	})
	return out
}

// subHeadingEnumerations are runs of three or more sub-sections of one
// section whose titles name rights ("6.1 Right of access" ... "6.6"). The
// notice's top-level sections are not read as a run: the context that
// places a run under another law ("U.S. Privacy Rights" over "1 Right to
// Know", "2 Right to Delete") is a sibling there, not a parent.
func subHeadingEnumerations(n *notices.Notice, pr *paraRights) []*enumeration {
	var out []*enumeration
	n.Walk(func(s *notices.Section) {
		if len(s.Children) < 3 {
			return
		}
		e := &enumeration{section: s, titled: true}
		run, longest := 0, 0 // sub-headings naming rights one after another
		for _, c := range s.Children {
			r := titleRights(n, pr, c)
			if r == 0 {
				run = 0
				continue
			}
			run++
			longest = max(longest, run)
			if e.naming == 0 {
				e.at = c.TitleSpan
				if e.at.Len() == 0 {
					e.at = clauseTitleSpan(pr, c)
				}
			}
			e.naming++
			e.own |= r
			e.items = append(e.items, titleOf(n, pr, c))
			e.scans = append(e.scans, nil)
		}
		// Sub-headings that name rights apart, among others that do not
		// ("Article 4. Restrictions on Use", "Article 7. Disclosure,
		// Correction", "Article 9. Deletion of Service Accounts"), are no
		// list of rights, unless the section is titled for rights. Three
		// one after another are: then every sub-heading of the section
		// that names a right is the list's ("How can I get a copy of my
		// data?" a question before the run of the others).
		if e.naming < 3 || longest < 3 && !titledRights(n, s) {
			return
		}
		if len(s.Blocks) > 0 && s.Blocks[len(s.Blocks)-1].Kind == notices.Paragraph {
			bl := s.Blocks[len(s.Blocks)-1]
			e.lead = &notices.Para{Text: bl.Text, Scan: pattern.Index(bl.Text), Start: bl.Span.Start, Section: s, Block: bl}
		}
		out = append(out, e)
	})
	return out
}

// titledRights reports whether s or a section it is in is titled for
// rights ("Your privacy rights"): by its title, or by its title line when
// the tree gives it none ("12\\. **What rights do you have?**").
func titledRights(n *notices.Notice, s *notices.Section) bool {
	if s == nil {
		return false
	}
	for _, a := range s.Ancestors() {
		if matches(rightWord, a.Title, a.TitleScan) {
			return true
		}
		if sp := a.TitleSpan; a.Title == "" && sp.Len() > 0 && sp.Len() < 200 && rightWord.Regexp().Match(n.Source[sp.Start:sp.End]) {
			return true
		}
	}
	return false
}

// proseEnumerations are sentences naming four or more rights: in a notice
// with no list of rights, the one sentence that names them in a row ("you
// can access, edit, delete or export your data") is its list, where the
// paragraph speaks of what the reader may do ("you can", "rights", "ask
// us") or its section is titled for rights. Three are
// often a passing summary ("you can update, delete or stop ..."). The
// first sentence of each paragraph naming four is one, judged with what the
// rest of its section says.
func proseEnumerations(n *notices.Notice, pr *paraRights) []*enumeration {
	var out []*enumeration
	for _, p := range n.Paras() {
		// Four rights take four of the anchor's words, in one sentence:
		// a paragraph or sentence with fewer is not read.
		if p.Item != nil {
			continue
		}
		ws := rights.Anchor().Windows(p.Scan)
		if len(ws) < 4 || !readersWords.Match(p.Scan) && !titledRights(n, p.Section) {
			continue
		}
		for _, sp := range notices.Sentences(p.Text) {
			in := 0
			for _, w := range ws {
				if w[0] >= sp.Start && w[0] < sp.End {
					in++
				}
			}
			if in < 4 {
				continue
			}
			sent := p.Text[sp.Start:sp.End]
			// A section's title quoted in a pointer to it ("see the section
			// below, "Accessing, correcting, and limiting use of your
			// data"") names no right here.
			if rightsIn(withoutPointedTitles(sent)).Len() >= 4 {
				e := &enumeration{at: notices.Span{Start: p.Start + sp.Start, End: p.Start + sp.End}, section: p.Section,
					paras: map[*notices.Para]bool{}, prose: true, para: p, whole: p.Scan}
				e.add(sent)
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// quotedTitle is a title in double quotes, of two words or more opening
// with a capital, after a word that points to a part of the notice.
var quotedTitle = regexp.MustCompile(`(?i:section|heading|titled|entitled|called|see|below|above|under)[^"“\n]{0,20}["“](\p{Lu}[^"”\n]{1,120}\s[^"”\n]{1,120})["”]`)

// withoutPointedTitles blanks the quoted titles of sentence that point to
// another part of the notice (quotedTitle).
func withoutPointedTitles(sentence string) string {
	if !strings.ContainsAny(sentence, "\"“") {
		return sentence // most sentences quote nothing: no regexp to run
	}
	return quotedTitle.ReplaceAllStringFunc(sentence, func(m string) string {
		i := strings.IndexAny(m, "\"“")
		return m[:i] + strings.Repeat(" ", len(m)-i)
	})
}

// titleOf is a sub-section's title: as the tree gives it, or the first
// line of a clause that opens with its title on a line of its own ("6.1
// Right of Access.", then the text).
func titleOf(n *notices.Notice, pr *paraRights, c *notices.Section) string {
	if c.Title != "" {
		return c.Title
	}
	sp := clauseTitleSpan(pr, c)
	return string(n.Source[sp.Start:sp.End])
}

// clauseTitleSpan is the first line of a clause's first paragraph when it is
// short and the text goes on on the next line: the clause's title.
func clauseTitleSpan(pr *paraRights, c *notices.Section) notices.Span {
	ps := pr.bySection[c]
	if len(ps) == 0 {
		return notices.Span{}
	}
	p := ps[0]
	i := strings.IndexByte(p.Text, '\n')
	if i <= 0 {
		return notices.Span{}
	}
	// The line's end may be a hard break ("  " or "\\") or a comment,
	// blanked to spaces.
	line := strings.TrimRight(p.Text[:i], " \t\\")
	if line == "" || len(line) > 100 {
		return notices.Span{}
	}
	return notices.Span{Start: p.Start, End: p.Start + len(line)}
}

var (
	// A sub-heading may name the right of access in a word ("Access,
	// Correction, Portability"), which in running text says nothing.
	accessTitle = regexp.MustCompile(`(?i)^(?:your )?(?:right (?:of |to )?)?access\b`)
	// "Right to information" is the right to be informed, but notices
	// translated from German use it for Art 15's right of access
	// (Auskunftsrecht); the text under the title tells which.
	informationTitle = regexp.MustCompile(`(?i)right (?:to|of) information\b`)
)

// titleRights returns the rights a sub-heading names.
func titleRights(n *notices.Notice, pr *paraRights, c *notices.Section) notices.ConceptSet {
	title := c.Title
	if title == "" && c.Parent != nil {
		title = titleOf(n, pr, c)
	}
	if title == "" {
		return 0
	}
	// A sub-heading of a run may name a right by its noun alone, as an
	// item of a list does ("4.2 Deletion").
	r := rightsIn(title) | notices.RightsByNoun.As(rights, notices.RightsByNoun.Find(title))
	if accessTitle.MatchString(title) {
		r |= access
	}
	if r&access == 0 && informationTitle.MatchString(title) {
		for _, p := range pr.bySection[c] {
			if pr.said(p)&access != 0 {
				r |= access
				break
			}
		}
	}
	return r
}

// exerciseIntro opens the introduction of a list of ways to exercise the
// rights ("To exercise these rights, submit the following webforms:"),
// whose items name rights ("To access your personal data, submit ...") but
// restate a list given before it.
var exerciseIntro = regexp.MustCompile(`^\W*To exercise\b`)

// waysToExercise reports whether a list is introduced, or nested in an item
// that opens, as the ways to exercise rights.
func waysToExercise(e *enumeration) bool {
	if e.titled {
		return false // its lead is the section's last paragraph
	}
	return e.lead != nil && exerciseIntro.MatchString(e.lead.Text) ||
		e.within != nil && exerciseIntro.MatchString(e.within.Text)
}

// collectedIntro is the last sentence of the introduction of a list of the
// data an organisation collects, said as its main clause: "We collect your
// activity and the information you provide, such as:", "The information we
// collect includes:" (not "... the choices you have over data that we may
// collect:"). Its items
// ("Messages you send and receive", "Photos you take") name what people do,
// which reads like rights.
var collectedIntro = regexp.MustCompile(`(?i)^\W*we (?:may |also |automatically )?(?:collect|receive|obtain|gather|record)\b[^.:;]{0,160}(?:such as|including|include|includes|the following)?\s*:?\s*$|^\W*(?:the )?(?:types of |kinds of )?(?:personal )?(?:information|data) (?:that )?we (?:may )?(?:collect|receive|obtain|gather)\b[^.:;]{0,60}:?\s*$`)

// dataCollected reports whether a list is introduced as the data the
// organisation collects or the purposes it uses them for, by the last
// sentence before it, which speaks of no right.
func dataCollected(e *enumeration) bool {
	if e.titled || e.lead == nil {
		return false
	}
	lead := strings.TrimSpace(stripLinks(e.lead.Text))
	if i := strings.LastIndexAny(strings.TrimRight(lead, ".:"), ".!?"); i >= 0 {
		lead = lead[i+1:] // its last sentence
	}
	return (collectedIntro.MatchString(lead) || purposesIntro.MatchString(lead)) && !rightWord.MatchString(lead)
}

// purposesSection reports whether a list stands in a section titled for
// the purposes of processing ("How We Use the Information", "Why we process
// your data"), when neither the section's title nor the list's
// introduction speaks of rights: its items ("Providing the
// Site: we use your data to allow you to access and use the Site") use a
// right's words without giving one.
func purposesSection(e *enumeration) bool {
	if e.titled || e.prose || e.section == nil || e.section.Title == "" || rightWord.Match(e.section.TitleScan) || choiceWord.MatchString(e.section.Title) {
		return false // "Choices About How We Use Your Information"
	}
	if e.lead != nil && rightWord.Match(e.lead.Scan) {
		return false // "You have these rights:", whatever the section
	}
	return table.titles["purposes"].in(fold(e.section.Title))
}

// choiceWord titles what the reader may choose, which a rights list may
// stand under.
var choiceWord = regexp.MustCompile(`(?i)\b(?:choices?|choose|controls?|preferences?|options?|opt)\b`)

// purposesIntro introduces a list of the purposes of processing: "The
// purposes for which we may process your information include:", "We use
// your data for the following purposes:". Its items ("communicating with
// you", "updating your contact details", "security measures to identify
// and rectify an incident") use a right's words without giving one.
var purposesIntro = regexp.MustCompile(`(?i)^\W*(?:the |our )?(?:main |principal )?purposes? (?:for which|of)\b[^.:;]{0,120}:?\s*$|\bfor (?:the following|these|several|various) purposes\s*:\s*$`)

// inPageLink is a list item that is only a link into the page: "[Deletion](#chapter4.2)".
var inPageLink = regexp.MustCompile(`^\s*\[[^\]]*\]\(#[^)\s]*\)\s*[.;,]?\s*$`)

// contentsList reports whether every item of a list is a link into the
// page: a contents list, whose entries say only where the notice's text
// is. That text is judged where it is (a run of rights sub-headings), so
// one list is not reported twice.
func contentsList(e *enumeration) bool {
	if e.titled || e.prose || len(e.items) == 0 {
		return false
	}
	for _, it := range e.items {
		if !inPageLink.MatchString(it) {
			return false
		}
	}
	return true
}

// basisItem opens a list item with the lawful basis it is about, as a
// list of the bases does: "_Our legitimate interests_: We may process your
// data where ...", "Consent: ...", "Performance of a contract with you".
// The basis may be in emphasis: "_" is a word character to \b.
var basisItem = regexp.MustCompile(`(?i)^[\W_]*(?:our |the |your )?(?:legitimate interests?|consent|performance of (?:a |the |our )?contract|contract(?:ual necessity)?|legal obligations?|compliance with (?:the )?law|public (?:task|interest)|vital interests?)(?:_|\b)`)

// underBasis reports whether a list is nested in an item of a list of
// lawful bases: its items are what that basis covers ("to keep you informed
// about the Guardian", "when we respond to your queries"), which read like
// rights, though the item speaks of the reader's rights in weighing them
// ("does not materially impact your rights").
//
// An item that gives the basis's rights ("Public task: under this basis you
// have the right to: ...") introduces a list of rights all the same.
func underBasis(e *enumeration) bool {
	if e.within == nil {
		return false
	}
	text := stripLinks(e.within.Text)
	return basisItem.MatchString(text) && !namesRight.MatchString(text) && !youHaveRights.MatchString(text)
}

// youHaveRights gives the reader rights: "you have these rights", "your
// rights are".
var youHaveRights = regexp.MustCompile(`(?i)\byou have (?:the |these |a |some |certain |following )*rights?\b|\byour rights (?:are|include)\b`)

// glossaryWords title or introduce a list of definitions, whose items
// define "access" or "erasure" and grant nothing.
var glossaryWords = pattern.MustCompile(`(?i)\b(?:definitions?|glossary|defined terms|interpretation|key terms|what we mean by|the following terms|these terms)\b`)

func glossary(e *enumeration) bool {
	if e.lead != nil && matches(glossaryWords, e.lead.Text, e.lead.Scan) {
		return true
	}
	if e.section != nil {
		for _, s := range e.section.Ancestors() {
			if matches(glossaryWords, s.Title, s.TitleScan) {
				return true
			}
		}
	}
	return false
}

// choicesWords introduce a list of a reader's choices and controls rather
// than their rights under the law ("Your choices", "Your privacy controls").
var choicesWords = pattern.MustCompile(`(?i)\b(?:choices|controls|preferences|options)\b`)

func choices(e *enumeration) bool {
	if e.lead != nil && matches(choicesWords, e.lead.Text, e.lead.Scan) {
		return true
	}
	if e.section != nil {
		for _, s := range e.section.Ancestors() {
			if matches(choicesWords, s.Title, s.TitleScan) {
				return true
			}
		}
	}
	return underRegion(e)
}

var (
	// otherLaw names a law or place whose own list of rights a notice may
	// give beside the UK GDPR's: the CCPA's four rights are not a UK GDPR
	// list short of four.
	otherLaw = pattern.MustCompile(`(?i)\b(?:California|Brazil|Turk|Mexic|Canad|Australia|Japan|Korea|India|Israel|South Africa|(?:CCPA|CPRA|Virginia|Colorado|Connecticut|Utah|Texas|Oregon|Nevada|Montana|Iowa|Delaware|U\.?S\.? (?:state|consumer|resident)s?|US State|State Privacy Laws?|certain (?:U\.?S\.? )?states|LGPD|KVKK|ARCO|PIPEDA|Quebec|PIPL|China|Chinese|Singapore|PDPA|DPDP|POPIA)\b)`)
	// framework names a US transfer framework, whose principles ("Notice",
	// "Choice", "Access") a notice may list, with the places its name
	// holds ("the EU-U.S. and Swiss-U.S. Privacy Shield").
	framework = pattern.MustCompile(`(?i)(?:\b(?:EU|E\.U\.|Swiss|UK|U\.S\.|US)(?:\s{0,3}[-–/&]\s{0,3}|\s{1,3}(?:and\s{1,3})?)){0,4}(?:Privacy Shield|Safe Harbou?r|Data Privacy Framework)\b`)
	ukOrEU    = pattern.MustCompile(`(?i)\bUK\b|United Kingdom|\bEEA\b|European|\bEU\b|GDPR`)
	// region names a place a list may be for ("If you live in the EEA").
	region = pattern.MustCompile(`(?i)\b(?:if you (?:live|are|reside)|residents? of|depending on where you live)\b`)
)

// underRegion reports whether a list is introduced as a region's.
func underRegion(e *enumeration) bool {
	return e.lead != nil && matches(region, e.lead.Text, e.lead.Scan)
}

// underOtherLaw reports whether an enumeration is introduced, or titled, as
// the rights of another law or place, and not also the UK's or the EU's, or
// as the principles of a US transfer framework.
func underOtherLaw(e *enumeration) bool {
	type said struct {
		text string
		scan *pattern.Text
	}
	var texts []said
	if e.lead != nil {
		texts = append(texts, said{e.lead.Text, e.lead.Scan})
	}
	if e.within != nil {
		// "* Canada" with Canada's list of rights nested in it.
		texts = append(texts, said{e.within.Text, e.within.Scan})
	}
	if e.section != nil {
		for _, s := range e.section.Ancestors() {
			texts = append(texts, said{s.Title, s.TitleScan})
		}
	}
	for _, t := range texts {
		// A framework's principles are no list of rights, unless the
		// text names the UK or the EU apart from the framework's name
		// ("Privacy Shield and EU General Data Protection Regulation").
		if matches(framework, t.text, t.scan) {
			return !ukOrEU.Regexp().MatchString(framework.Regexp().ReplaceAllString(t.text, ""))
		}
		if matches(ukOrEU, t.text, t.scan) {
			return false
		}
		if matches(otherLaw, t.text, t.scan) {
			return true
		}
	}
	// With nothing said before it, the items can say it themselves ("the
	// right not to be discriminated against ... under California law").
	if !e.anyItem(otherLaw) {
		return false
	}
	return !e.anyItem(ukOrEU)
}
