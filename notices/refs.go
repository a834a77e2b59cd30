package notices

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/noticelint/noticelint/pattern"
)

// Ref is a cross-reference found in the notice's text: "see section 15",
// "section three", "clause 12.2", "Appendix 1", one of "sections 3 and 4".
type Ref struct {
	// Text is the reference as a reader would quote it: "section 15",
	// "Section 4(A)".
	Text string
	// Key is the section key the reference names ("15", "3", "appendix-1").
	Key string
	// Topic is what the reference says the target is about: a quoted title
	// ("'How we use your personal information'") or a phrase ("on how to make
	// a complaint", "How long we keep your data (see section 7)"); TopicQuoted
	// says which.
	Topic string
	Span  Span
	Para  *Para
	// Target is the section the reference resolves to, or nil.
	Target *Section
	// kind is shared by the notice's references of a kind (Kind).
	kind *string
	// more holds what most references lack (sub-parts, a list, a quoted
	// topic): a flood of plain references costs a third less memory
	// without it (docs/internals.md, "Hostile input").
	more *refExtra
}

type refExtra struct {
	parts  []string
	group  []*Ref
	quoted bool
}

// Kind is the word used: "section", "clause", "paragraph", "appendix",
// "annex" or "schedule".
func (r *Ref) Kind() string { return *r.kind }

// Parts are the sub-parts named inside the target, outermost first: "A"
// for "Section 4(A)", "b" and "ii" for "section 4(b)(ii)", "c" for "section
// 2.c)".
func (r *Ref) Parts() []string {
	if r.more == nil {
		return nil
	}
	return r.more.parts
}

// Group holds the references one list names together, this one included:
// "sections 8 and 10" shares one topic between two sections.
func (r *Ref) Group() []*Ref {
	if r.more == nil || r.more.group == nil {
		return []*Ref{r}
	}
	return r.more.group
}

// TopicQuoted says the topic is a quoted title, not a phrase.
func (r *Ref) TopicQuoted() bool { return r.more != nil && r.more.quoted }

func (r *Ref) extra() *refExtra {
	if r.more == nil {
		r.more = &refExtra{}
	}
	return r.more
}

// PartRef is a reference to a part of the notice that has no number: "the
// table below", "the contents section at the top of the page".
type PartRef struct {
	Text string
	// Part is what is referred to: "table" or "contents".
	Part string
	// Where is "below", "above" or "" (anywhere).
	Where string
	Span  Span
	Para  *Para
}

// numberTok is one section number. A number runs on through its digits and
// a letter suffix ("166A", "1232g"), so that "section 166A" is never read as
// "section 166".
var numberTok = `(?:\d{1,6}(?:\.\d{1,4}){0,4}[A-Za-z]?\b|[IVX]{1,4}\b|[A-Z]\b|` + numberWordsAlt + `)`

// refHeadExpr is a reference's keyword and first number.
var refHeadExpr = `(sections?|clauses?|paragraphs?|paras?\.|appendix|appendices|annex(?:es)?|schedules?)` + refSep + `{1,8}(` + numberTok + `)`

// refSep is the white space inside a reference: a few spaces or tabs,
// never a line break.
const refSep = `[\t \x{00A0}]`

var (
	// A reference is a keyword and a number (refHead), then up to 12 more
	// numbers, each after a comma, "and", "or", "to", "&" or a dash
	// (refMore): "sections 3, 4 and 7". As one regexp the list made every
	// match long, and so every search around a keyword slow; the list is
	// read on from the end of the head instead.
	refHead   = pattern.MustCompile(`(?i)\b` + refHeadExpr)
	refHeadAt = regexp.MustCompile(`(?i)^` + refHeadExpr)
	refMore   = regexp.MustCompile(`(?i)^(?:` + refSep + `{0,8},` + refSep + `{0,8}|` + refSep + `{1,8}(?:and|or|to)` + refSep + `{1,8}|` + refSep + `{0,8}[&–-]` + refSep + `{0,8})` + numberTok)
	refNum    = regexp.MustCompile(`(?i)\b` + numberTok)

	// space is the white space between the words around a reference: a
	// line break included, since legislation's names wrap ("the Crime and
	// Disorder⏎Act 1998").
	space = `[\t \n\x{00A0}]`

	// ofThis: "of this notice", "of this Privacy Notice", "in these
	// Terms": the words a document uses of itself.
	ofThis = regexp.MustCompile(`^(?:` + space + `{1,3}(?:above|below))?[\t ,\n\x{00A0}]{0,3}(?:of|in|under|to|within)` + space + `{1,3}(?:this|these|the` + space + `{1,3}present)\b`)
	// ofDocument: "of the Data Protection Act 2018", "to Schedule 1", "of
	// your lease", "of our Terms of Use", "of Law 25,326", "of the DPF
	// Principles": "of", "to", "under" or "in" and the name of a document
	// within a few words. The name is captured, to tell this notice's own
	// name from another's.
	// The number may end in a stop ("Section 2.3. of the User Agreement"),
	// and French names the document with "des", "du", "de" ("section 7.7
	// des CGV").
	ofDocument = regexp.MustCompile(`^\.?(?:` + space + `{1,3}(?:above|below))?` + quotedOrSub + `[\t ,\n\x{00A0}]{0,3}(?:of|to|under|in|within|from|des|du|de)[\t ,\n\x{00A0}]{1,3}((?:[\w'’().,/-]+` + space + `{1,3}){0,10}?(?:` + documentWords + `))\b`)
	// linkAfter and linkBefore: a document named by a link to another
	// page, "Section 3 of our [Privacy Policy](https://...)", "see our
	// [Terms](/terms), section 4", is another document, whatever its name.
	linkAfter = regexp.MustCompile(`^\.?(?:` + space + `{1,3}(?:above|below))?` + quotedOrSub + `[\t ,\n\x{00A0}]{0,3}(?:of|to|under|in|within|from|des|du|de)` +
		space + `{1,3}(?:(?:the|our|your|their|its|main)` + space + `{1,3}){0,2}\[[^\]\n]{1,80}\]\((?:https?:|/|www\.)`)
	linkBefore = regexp.MustCompile(`\[[^\]\n]{1,80}\]\((?:https?:|/|www\.)[^)\s]*\)[\t ,\x{00A0}]{0,3}$`)
	// acronymAfter: "Article 6 GDPR", "section 4 DPA 2018".
	acronymAfter = regexp.MustCompile(`^(?:\(\w{1,4}\))*[\t ,\x{00A0}]*(?:(?:UK|EU)[\t \x{00A0}]+)?(?:` + lawAcronyms + `)\b`)
	// legislationBefore: "the Data Protection Act 2018 section 5", "Article
	// 21", "Schedule 2 paragraph 4", "20 U.S.C. Section 1232g", "art. 6
	// para. 1".
	legislationBefore = regexp.MustCompile(`(?:Act|Regulations?|Code|GDPR|DPA|Directive|Law|Rules|Article[\t \x{00A0}]+\d+[\w()]*|Schedule[\t \x{00A0}]+\d+|U\.S\.C\.|USC|C\.F\.R\.|CFR|[Aa]rt\.?[\t \x{00A0}]*\d+[\w()]*)[\t ,\x{00A0}]*(?:\d{4}[\t ,\x{00A0}]*)?$`)
	// documentBefore: "under our Terms, section 4", "our Cookie Policy
	// section 3": a document named just before the number.
	documentBefore = regexp.MustCompile(`(?i)\b(?:the|our|your|their|its)` + space + `{1,3}((?:[\w'’-]+` + space + `{1,3}){0,4}?(?:` + documentWords + `))[\t ,\x{00A0}]{0,3}$`)

	quotedTopic = regexp.MustCompile(`^[\t \x{00A0}]*[,:(]?[\t \x{00A0}]*(?:(?:headed|titled|entitled|called|named)[\t \x{00A0}]+)?['‘"“]([^'’"”\n]{3,120})['’"”]`)
	afterTopic  = regexp.MustCompile(`(?i)^[\t \x{00A0}]*(?:\((?:[^)]*)\)[\t \x{00A0}]*)?(?:below|above|of this (?:[\w-]+ ){0,2}?(?:notice|policy|statement|document))?[\t \x{00A0}]*,?[\t \x{00A0}]*(?:on|about|regarding|which (?:explains|sets out|describes|covers)|for(?:[\t \x{00A0}]+(?:more|further))?(?:[\t \x{00A0}]+(?:information|details|info))?[\t \x{00A0}]+(?:on|about|regarding|of))[\t \x{00A0}]+([^.;:!?\n]{3,}?)[\t \x{00A0}]*(?:[.;:!?\n]|$)`)
	beforeTopic = regexp.MustCompile(`(?i)(?:for|to find out|to learn|to read)[\t \x{00A0}]+(?:more[\t \x{00A0}]+|further[\t \x{00A0}]+)?(?:(?:information|details|info)[\t \x{00A0}]+)?(?:about|on|regarding|of)[\t \x{00A0}]+([^.;:!?\n]{3,}?)[\t \x{00A0}]*,?[\t \x{00A0}]*(?:please[\t \x{00A0}]+)?(?:see|refer to|read|go to|look at|check)[\t \x{00A0}]+(?:the[\t \x{00A0}]+)?$`)
	// statedIn: "the responsible person as stated in section 1", "the
	// rights outlined in section 7": the words before the participle name
	// the topic.
	statedIn = regexp.MustCompile(`(?i)[\t ,\x{00A0}]+(?:as[\t \x{00A0}]+)?(?:stated|set[\t \x{00A0}]+out|set[\t \x{00A0}]+forth|described|outlined|explained|detailed|listed|specified|mentioned|referred[\t \x{00A0}]+to|identified|named|given)[\t \x{00A0}]+(?:in|under|at|within)[\t \x{00A0}]+$`)
	// parenBefore: "How long we keep your data (see section 7)", "payment
	// data (section 2.8)": the words before the bracket name the topic.
	parenBefore = regexp.MustCompile(`(?i)[\t \x{00A0}]*\([\t \x{00A0}]*(?:(?:please[\t \x{00A0}]+)?(?:see|refer[\t \x{00A0}]+to|cf\.?|as[\t \x{00A0}]+(?:described|set[\t \x{00A0}]+out|explained)[\t \x{00A0}]+in|described[\t \x{00A0}]+in|in)[\t \x{00A0}]+)?$`)
	// commaTitle: "See section 6, How we use your information for more
	// details" names the title without quotes.
	commaTitle = regexp.MustCompile(`^[\t \x{00A0}]*,[\t \x{00A0}]*([A-Z][^.;:!?\n]{3,80}?)[\t \x{00A0}]+for[\t \x{00A0}]+(?:more|further)\b`)
	nextRef    = regexp.MustCompile(`(?i)[\t ,\x{00A0}]+(?:and[\t \x{00A0}]+)?(?:see|refer to)\b`)
	// topicEnd: "on Cookies and other identifiers below for more
	// information about ...": the topic ends before "below" or "for more".
	topicEnd  = regexp.MustCompile(`(?i)[\t \x{00A0}]+(?:below|above|for[\t \x{00A0}]+(?:more|further)|of this)\b`)
	topicTail = regexp.MustCompile(`(?i)[\t \x{00A0}]+(?:below|above|(?:in|of) this (?:[\w-]+ ){0,2}?(?:notice|policy|statement|document))$`)

	// partWords finds the paras that may hold a partRef: "the" is in every
	// para, so the regexp runs only where "table" or "contents" is.
	partWords = pattern.MustCompile(`(?i)\b(?:table|contents)\b`)
	// partRef: "the table below", "the following table", "the contents
	// section at the top of the page", "the table of contents".
	partRef = regexp.MustCompile(`(?i)\b(?:the|this)[\t \x{00A0}]+(?:(?:following[\t \x{00A0}]+table)|table(?:[\t \x{00A0}]+(?:set[\t \x{00A0}]+out|shown))?[\t \x{00A0}]+(below|above)|(?:table[\t \x{00A0}]+of[\t \x{00A0}]+contents|contents[\t \x{00A0}]+(?:section|list|page|table|menu)))\b`)
)

// quotedOrSub is what may stand between a reference and the "of" that
// names its document: a quoted title ("section 1, "Personal Data We
// Collect", of our Privacy Policy") or a sub-part ("section 14, subsection
// 3 of Act 25,326").
const quotedOrSub = `(?:[\t \x{00A0}]?\(\w{1,4}\))*(?:[\t ,\n\x{00A0}]{0,3}["“'‘][^"”'’\n]{1,80}["”'’])?(?:[\t ,\n\x{00A0}]{0,3}(?:sub-?section|paragraph|para\.?|clause|item|point|letter|lit\.?)[\t \x{00A0}]{0,3}\w{1,4})*`

// documentWords are the words that end the name of a document other than
// this notice, or of legislation: "Act", "Terms of Use", "lease". "notice",
// "policy" and "statement" are here too: whether such a name is this
// notice's own is decided by comparing it with the notice's title.
const documentWords = `Acts?|Laws?|Regulations?|Directive|Order|Code|Convention|Rules|Charter|Bill|Treaty|Ordinance|Statute|Constitution|Decree|` +
	`Principles|[Gg]uidelines?|[Gg]uidance|Framework|[Aa]greements?|[Cc]ontracts?|[Ll]ease|[Tt]enancy|` + namedOf + `|[Tt]erms|` +
	`[Cc]onditions|[Ll]icen[cs]e|[Pp]olic(?:y|ies)|[Nn]otice|[Ss]tatement|[Hh]andbook|[Aa]ddendum|[Ss]tandards?|[Cc]lauses|Protocol|` +
	`Schedule[\t \x{00A0}]+\w{1,4}|Appendix[\t \x{00A0}]+\w{1,4}|Annex[\t \x{00A0}]+\w{1,4}|Part[\t \x{00A0}]+\w{1,4}|Chapter[\t \x{00A0}]+\w{1,4}|Article[\t \x{00A0}]+\d{1,3}|` +
	`U\.S\.C\.|C\.F\.R\.|` + lawAcronyms + `|T&Cs?|ToS|(?-i:[A-Z]{2,6})|[Cc]onditions[\t \x{00A0}]+g[ée]n[ée]rales|[Cc]ontrat|[Cc]harte|[Rr][èe]glement`

// namedOf is a document named by what it governs: "Terms of Use", "Terms
// of Membership", "Conditions of Carriage", "Code of Conduct". The word
// after "of" is any single word, so the name need not be a known one.
const namedOf = `(?:[Tt]erms|[Cc]onditions|[Cc]ode)[\t \x{00A0}]+of[\t \x{00A0}]+[\w'’-]+`

// namedOfEnd finds namedOf at the end of the text before a reference, so
// that "under our Terms of Hire, section 6" is read as naming its document
// even though "Hire" is no document word.
var namedOfEnd = regexp.MustCompile(`(?i)\b` + namedOf + `$`)

// lawAcronyms are the short names of data protection and privacy laws.
const lawAcronyms = `GDPR|DPA|PECR|CCPA|CPRA|LGPD|PIPEDA|FERPA|HIPAA|COPPA|CalOPPA|FADP|nDSG|BDSG|DSGVO|RGPD|LOPDGDD|LOPD|PDPA|POPIA|APPI|PIPL|VCDPA|CPA|FCRA|GLBA|U\.?S\.?C`

// addRefs finds the references of one para and resolves them.
func (n *Notice) addRefs(p *Para) {
	for _, r := range findRefs(n, p) {
		r.Target = n.resolve(r.Key, p.Section)
		if r.Target == nil && r.Kind() == "paragraph" {
			r.Target = n.numberedPara(r.Key)
		}
		if k := len(r.Key) - 1; r.Target == nil && k > 0 && isLower(r.Key[k]) && isDigit(r.Key[k-1]) {
			// "Appendix 1A" with no Appendix 1A of its own is part A of
			// Appendix 1.
			if t := n.resolve(r.Key[:k], p.Section); t != nil {
				r.extra().parts = append([]string{r.Key[k:]}, r.Parts()...)
				r.Target, r.Key = t, r.Key[:k]
			}
		}
		n.Refs = append(n.Refs, r)
	}
	if !partWords.Match(p.Scan) {
		return
	}
	for _, m := range partRef.FindAllStringSubmatchIndex(p.Text, -1) {
		text := p.Text[m[0]:m[1]]
		pr := &PartRef{Text: text, Part: "contents", Span: Span{p.Start + m[0], p.Start + m[1]}, Para: p}
		if strings.Contains(strings.ToLower(text), "table") && !strings.Contains(strings.ToLower(text), "contents") {
			pr.Part, pr.Where = "table", "below"
			if m[2] >= 0 {
				pr.Where = strings.ToLower(p.Text[m[2]:m[3]])
			}
		}
		n.PartRefs = append(n.PartRefs, pr)
	}
}

// resolve finds the section a reference made in section from names. A
// page may hold several documents, each numbering its sections from 1 under
// its own unnumbered heading, and an appendix may number its own
// paragraphs: a reference follows the numbering of the part it stands in,
// then that of the notice's top level.
func (n *Notice) resolve(key string, from *Section) *Section {
	cands := n.keyed[key]
	if len(cands) == 0 || isAppendixKey(key) {
		return n.keys[key] // appendices are named across the notice
	}
	scope := n.scopeOf(from)
	for _, c := range cands {
		if n.scopeOf(c.Parent) == scope {
			return c
		}
	}
	if scope != nil && isAppendixKey(scope.Key) && !isAppendixKey(key) {
		return nil // a paragraph of the appendix that the tree does not hold
	}
	for _, c := range cands {
		if n.scopeOf(c.Parent) == nil {
			return c
		}
	}
	return nil
}

// scopeOf returns the innermost part at or above s that numbers its own
// sections (an unnumbered heading holding numbered ones, or an appendix),
// or nil for the notice's top level.
func (n *Notice) scopeOf(s *Section) *Section {
	for ; s != nil; s = s.Parent {
		if n.scopes[s] != nil {
			return s
		}
	}
	return nil
}

// numberedPara returns the numbered paragraph with number key, or nil.
func (n *Notice) numberedPara(key string) *Section { return n.numParaKeys[key] }

func isAppendixKey(k string) bool {
	return strings.HasPrefix(k, "appendix-") || strings.HasPrefix(k, "annex-") || strings.HasPrefix(k, "schedule-")
}

// Written reports whether a line of the notice opens with the section
// number key ("9", "3.6"), past markup ("**9\. ", "### 3.6 ") or after
// "Section" ("SECTION 8 – Contact"): the number is written in the notice
// even where the tree did not take the line for a title.
func (n *Notice) Written(key string) bool {
	if n.written == nil {
		n.written = map[string]bool{}
		for _, line := range strings.Split(n.text, "\n") {
			if k, ok := lineNumber(line); ok {
				n.written[k] = true
			}
		}
	}
	return n.written[key]
}

// lineNumber reads the number a line opens with, as Written needs it.
func lineNumber(line string) (string, bool) {
	t := strings.TrimLeft(line, " \t#>*_")
	for _, w := range []string{"section ", "clause ", "part ", "paragraph "} {
		if len(t) > len(w) && strings.EqualFold(t[:len(w)], w) {
			t = t[len(w):]
			break
		}
	}
	if t == "" || !isDigit(t[0]) {
		return "", false
	}
	l, ok := readLead(t)
	if !ok {
		return "", false
	}
	return l.num, true
}

// findRefs extracts the references of one para.
func findRefs(n *Notice, p *Para) []*Ref {
	var out []*Ref
	ms := refMatches(p.Scan)
	if len(ms) > 0 && strings.Count(p.Text, `":`) >= 5 {
		return nil // a page's script data ("tpaSectionPageIds":{}), not its text
	}
	for _, m := range ms {
		written := p.Text[m[2]:m[3]]
		kind, plural := keywordKind(written)
		if plural {
			written = written[:len(written)-1] // "sections 3 and 4" -> "section 3", "section 4"
		}
		// The list's last number may name sub-parts: "sections 3 and 4(b)".
		_, partsLen := readParts(p.Text[m[5]:])
		end := m[5] + partsLen
		// Only the words near a reference say what it is; bounding the
		// windows keeps a huge paragraph with many references linear.
		after := p.Text[end:min(len(p.Text), end+240)]
		before := p.Text[max(0, m[0]-240):m[0]]
		if elsewhere(n, before, after) {
			continue
		}
		topic, quoted := refTopic(before, after)
		first := len(out)
		nums := [][]int{{0, m[5] - m[4]}} // one number, the common case
		if strings.ContainsAny(p.Text[m[4]:m[5]], " \t,&–-\u00a0") {
			nums = refNum.FindAllStringIndex(p.Text[m[4]:m[5]], -1)
		}
		for _, nm := range nums {
			s, e := m[4]+nm[0], m[4]+nm[1]
			num := p.Text[s:e]
			k, ok := n.refKey(kind, num)
			if !ok {
				continue
			}
			parts, pl := readParts(p.Text[e:])
			// The text as written when it is "keyword number", else
			// built, once per distinct text: a flood of references repeats.
			var text string
			if s == m[4] && m[4] == m[3]+1 && p.Text[m[3]] == ' ' && !plural {
				text = p.Text[m[2] : e+pl]
			} else {
				text = n.intern(written, num, p.Text[e:e+pl])
			}
			e += pl
			start := s
			if len(out) == 0 || out[len(out)-1].Span.End < m[0]+p.Start {
				start = m[0] // the first number's reference includes its keyword
			}
			r := &Ref{Text: text, kind: n.internKind(kind), Key: k, Topic: topic, Span: Span{p.Start + start, p.Start + e}, Para: p}
			if len(parts) > 0 || quoted {
				r.extra().parts, r.more.quoted = parts, quoted
			}
			out = append(out, r)
		}
		if group := out[first:len(out):len(out)]; len(group) > 1 {
			for _, r := range group {
				r.extra().group = group
			}
		}
	}
	return out
}

// elsewhere reports whether the words around a reference send it into
// another document: legislation ("section 166A of the Housing Act 1996",
// "Article 21 GDPR", "20 U.S.C. Section 1232g"), a part of another part
// ("paragraph 5 of Schedule 1"), or a document ("clause 7.2 of your lease",
// "under our Terms, section 4"). "Of this notice", however named, keeps it
// here, as does a document name that is this notice's own title.
func elsewhere(n *Notice, before, after string) bool {
	// The regexps on the words after a reference need, first, a
	// preposition, a quote, a sub-part or an acronym.
	w, known := leadWord(after)
	preposition := !known || afterWords[strings.ToLower(w)]
	acronym := !known || w != "" && (isUpper(w[0]) || w == "nDSG")
	if preposition && ofThis.MatchString(after) {
		return false
	}
	if strings.Contains(after, "](") || strings.Contains(before, "](") {
		if preposition && linkAfter.MatchString(after) || strings.HasSuffix(strings.TrimRight(before, " \t,\u00a0"), ")") && linkBefore.MatchString(tail(before, 300)) {
			return true
		}
		after, before = mdLink.ReplaceAllString(after, "$1"), mdLink.ReplaceAllString(before, "$1")
	}
	if preposition {
		m := ofDocument.FindStringSubmatchIndex(after)
		if m != nil && endsInPlace(after[m[2]:m[3]]) {
			// "of the UK Data Protection Act": "UK" is a place, not the
			// document; look past it.
			a := []byte(after)
			for i := m[3] - 1; i >= m[2] && isUpper(a[i]); i-- {
				a[i] |= 0x20
			}
			after = string(a)
			m = ofDocument.FindStringSubmatchIndex(after)
		}
		if m != nil && isName(after[m[2]:m[3]]) {
			return !namesThisNotice(n, after[m[2]:m[3]])
		}
	}
	if acronym && acronymAfter.MatchString(after) {
		return true
	}
	if lb := tail(before, 48); mayNameLegislation(lb) && legislationEnds(lb) {
		return true
	}
	if mayNameDocument(before) {
		if m := documentBefore.FindStringSubmatch(tail(before, 120)); m != nil {
			name := lastName(m[1])
			return isName(name) && !namesThisNotice(n, name)
		}
	}
	return false
}

// afterWords are the words that may open what ofThis, ofDocument and
// linkAfter match ("of", "above", a sub-part's "subsection").
var afterWords = map[string]bool{"of": true, "to": true, "under": true, "in": true, "within": true, "from": true, "des": true, "du": true, "de": true,
	"above": true, "below": true, "subsection": true, "sub": true, "paragraph": true, "para": true, "clause": true,
	"item": true, "point": true, "letter": true, "lit": true}

// leadWord returns the first word of the text after a reference, past
// white space, commas and short bracketed parts ("(1)"). known is false
// when something else comes first (a quote, a longer bracket): then the
// regexps must look.
func leadWord(s string) (string, bool) {
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == ',':
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
		case c == '(':
			j := i + 1
			for j < len(s) && j-i <= 5 && pattern.IsWordByte(s[j]) {
				j++
			}
			if j == i+1 || j >= len(s) || s[j] != ')' {
				return "", false
			}
			i = j + 1
		case isLetter(c):
			j := i
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			return s[i:j], true
		default:
			return "", false
		}
	}
	return "", true
}

// isName reports whether the words before a document word can be part of
// its name: "the Crime and Disorder Act", "our Terms of Use", not "to learn
// about your rights under the GDPR", whose words are a sentence.
func isName(name string) bool {
	if endsInPlace(name) {
		return false // "to the UK" names a place
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if nameBreaks[strings.Trim(w, ",.()")] {
			return false
		}
	}
	return true
}

var nameBreaks = map[string]bool{"to": true, "about": true, "for": true, "on": true, "under": true, "in": true, "with": true,
	"how": true, "what": true, "why": true, "when": true, "where": true, "who": true, "which": true, "that": true, "we": true,
	"you": true, "us": true, "see": true, "is": true, "are": true, "this": true, "if": true, "as": true, "by": true, "at": true}

func endsInPlace(name string) bool {
	ws := strings.Fields(name)
	return len(ws) > 0 && places[ws[len(ws)-1]]
}

var places = map[string]bool{"UK": true, "US": true, "USA": true, "EU": true, "EEA": true, "EC": true}

// lastName keeps the words of a name after its last determiner: "the
// information in our notice" names "notice".
func lastName(name string) string {
	ws := strings.Fields(name)
	for i := len(ws) - 1; i >= 0; i-- {
		switch strings.ToLower(ws[i]) {
		case "the", "our", "your", "their", "its", "this", "a", "an":
			return strings.Join(ws[i:], " ")
		}
	}
	return name
}

// namesThisNotice reports whether a document name ("our Privacy Policy",
// "the notice") is the notice's own: a bare "notice", "policy" or
// "statement", or a name all of whose words are in the notice's title, or,
// for a notice with no title, a name for a privacy notice.
func namesThisNotice(n *Notice, name string) bool {
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(name, "’", "'")))
	for len(words) > 0 && (words[0] == "the" || words[0] == "our" || words[0] == "this" || words[0] == "a") {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if last != "notice" && last != "policy" && last != "statement" && last != "document" {
		return false
	}
	if len(words) == 1 {
		return true
	}
	title := strings.ToLower(n.Title)
	if title == "" {
		return len(words) == 2 && (words[0] == "privacy" || words[0] == "data")
	}
	for _, w := range words {
		if !strings.Contains(title, w) {
			return false
		}
	}
	return true
}

// readParts reads the sub-parts written right after a reference's number:
// "(A)", "(b)(ii)", ".c)". It returns them and the length of text they
// take.
func readParts(s string) ([]string, int) {
	var parts []string
	i := 0
	if len(s) >= 3 && s[0] == '.' && isLower(s[1]) && s[2] == ')' {
		return []string{s[1:2]}, 3 // "section 2.c)"
	}
	// "Section 8.6.1.a.ii": letters and Roman numerals after dots.
	for i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isLower(s[j]) && j-i <= 4 {
			j++
		}
		label := s[i+1 : j]
		if label == "" || len(label) > 1 && strings.Trim(label, "ivx") != "" || j < len(s) && (isUpper(s[j]) || isDigit(s[j]) || isLower(s[j])) {
			break
		}
		parts = append(parts, label)
		i = j
	}
	for i < len(s) && s[i] == '(' {
		j := i + 1
		for j < len(s) && j-i <= 5 && (isLower(s[j]) || isUpper(s[j]) || isDigit(s[j])) {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != ')' || j-i > 5 {
			break
		}
		parts = append(parts, s[i+1:j])
		i = j + 1
	}
	return parts, i
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// legislationWords are the words one of which every match of
// legislationBefore holds.
var legislationWords = []string{"Act", "Regulation", "Code", "GDPR", "DPA", "Directive", "Law", "Rules", "Article", "Schedule", "U.S.C.", "USC", "C.F.R.", "CFR", "Art", "art"}

// mayNameLegislation is a cheap necessary condition for legislationBefore,
// which, anchored only at its end, the regexp engine tries at every byte of
// the text before each reference.
func mayNameLegislation(before string) bool {
	for _, w := range legislationWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// legislationEnds reports what legislationBefore.MatchString would, without
// the regexp engine: anchored only at its end, the regexp is tried at every
// byte before a reference, and a flood of references made that most of the
// time. TestLegislationEnds and FuzzPrefilters check the two agree.
func legislationEnds(s string) bool {
	t := trimSeps(s)
	if lawAtEnd(t) {
		return true
	}
	if n := len(t); n >= 4 && isDigit(t[n-1]) && isDigit(t[n-2]) && isDigit(t[n-3]) && isDigit(t[n-4]) {
		return lawAtEnd(trimSeps(t[:n-4])) // "the Data Protection Act 2018"
	}
	return false
}

// trimSeps drops the [\t ,\x{00A0}]* a match may end with.
func trimSeps(s string) string {
	for {
		switch {
		case strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\t") || strings.HasSuffix(s, ","):
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:len(s)-len("\u00a0")]
		default:
			return s
		}
	}
}

// lawAtEnd reports whether t ends with one of legislationBefore's names:
// "Act", "GDPR", "Article 21(1)", "Schedule 2", "art. 6".
func lawAtEnd(t string) bool {
	for _, w := range []string{"Act", "Regulation", "Regulations", "Code", "GDPR", "DPA", "Directive", "Law", "Rules", "U.S.C.", "USC", "C.F.R.", "CFR"} {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	for i := 0; i < len(t); i++ {
		var rest string
		var words bool // a number may run on into [\w()]*
		switch {
		case strings.HasPrefix(t[i:], "Article"):
			rest, words = t[i+len("Article"):], true
			if !startsBlank(rest) {
				continue
			}
		case strings.HasPrefix(t[i:], "Schedule"):
			rest = t[i+len("Schedule"):]
			if !startsBlank(rest) {
				continue
			}
		case strings.HasPrefix(t[i:], "Art") || strings.HasPrefix(t[i:], "art"):
			rest, words = strings.TrimPrefix(t[i+3:], "."), true
		default:
			continue
		}
		rest = strings.TrimLeft(strings.ReplaceAll(rest, "\u00a0", " "), " \t")
		if rest == "" || !isDigit(rest[0]) {
			continue
		}
		ok := true
		for j := 1; j < len(rest) && ok; j++ {
			c := rest[j]
			ok = isDigit(c) || words && (pattern.IsWordByte(c) || c == '(' || c == ')')
		}
		if ok {
			return true
		}
	}
	return false
}

func startsBlank(s string) bool {
	return strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "\u00a0")
}

// mayNameDocument is a cheap necessary condition for documentBefore: the
// text before the reference ends with a word that can end a document's
// name.
func mayNameDocument(before string) bool {
	t := strings.TrimRight(before, " \t,\u00a0\n")
	i := strings.LastIndexAny(t, " \t\n") + 1
	w := strings.ToLower(t[i:])
	return documentEnds[w] || namedOfEnd.MatchString(tail(t, 60)) || len(w) <= 8 && len(w) >= 2 && strings.ToUpper(w) == t[i:] && w != strings.ToUpper(w)
}

var documentEnds = map[string]bool{"act": true, "acts": true, "law": true, "laws": true, "regulation": true, "regulations": true,
	"directive": true, "order": true, "code": true, "convention": true, "rules": true, "charter": true, "bill": true, "treaty": true,
	"ordinance": true, "statute": true, "constitution": true, "decree": true, "principles": true, "guideline": true, "guidelines": true,
	"guidance": true, "framework": true, "agreement": true, "agreements": true, "contract": true, "contracts": true, "lease": true,
	"tenancy": true, "terms": true, "use": true, "service": true, "sale": true, "conditions": true, "licence": true, "license": true,
	"policy": true, "policies": true, "notice": true, "statement": true, "handbook": true, "addendum": true, "standard": true,
	"standards": true, "clauses": true, "protocol": true}

// refMatches finds the references of a text as the regexp refHead followed
// by (refMore){0,12} would: the keyword is m[2:4], the list of numbers
// m[4:6].
func refMatches(t *pattern.Text) [][]int {
	text := t.String()
	var out [][]int
	end := 0
	for _, m := range refHeads(t) {
		if m[0] < end {
			continue // a keyword inside the previous reference's list
		}
		for range 12 {
			more := refMore.FindStringIndex(text[m[5]:])
			if more == nil {
				break
			}
			m[5] += more[1]
		}
		m[1], end = m[5], m[5]
		out = append(out, m)
	}
	return out
}

// refHeads returns what refHead.FindAllSubmatchIndex would. Where
// references crowd a text, the pattern's windows around them merge into one
// and the regexp runs over all of it; refHeads instead tries the regexp,
// anchored, only where a keyword starts a word. The two agree except where
// case folding reaches ASCII from elsewhere ("ſ" is "s"), which is left to
// the pattern.
func refHeads(t *pattern.Text) [][]int {
	text := t.String()
	if !refHead.MayMatch(t) {
		return nil
	}
	if strings.ContainsRune(text, 'ſ') || strings.ContainsRune(text, '\u212a') {
		return refHead.FindAllSubmatchIndex(t, -1)
	}
	var out [][]int
	for i := 0; i < len(text); i++ {
		if c := text[i] | 0x20; c != 's' && c != 'c' && c != 'p' && c != 'a' || i > 0 && pattern.IsWordByte(text[i-1]) || !keywordAt(text[i:]) {
			continue
		}
		// A head is at most a keyword, 8 spaces and a number: 80 bytes,
		// taken to the end of a word so that \b means what it does in
		// the whole text.
		w := min(len(text), i+80)
		for w < len(text) && pattern.IsWordByte(text[w]) {
			w++
		}
		m := refHeadAt.FindStringSubmatchIndex(text[i:w])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1] - 1
	}
	return out
}

// keywordAt reports whether s starts with the first letters of a
// reference keyword, in any case.
func keywordAt(s string) bool {
	for _, k := range []string{"sect", "clau", "para", "appe", "anne", "sche"} {
		if len(s) >= len(k) && strings.EqualFold(s[:len(k)], k) {
			return true
		}
	}
	return false
}

// keywordKind returns the kind a reference's keyword names, and whether
// the keyword is a plural that ends in "s" ("sections", not "appendices").
func keywordKind(w string) (kind string, plural bool) {
	for _, k := range keywordKinds {
		if strings.EqualFold(w, k.word) {
			return k.kind, k.plural
		}
	}
	return strings.ToLower(w), false
}

var keywordKinds = []struct {
	word, kind string
	plural     bool
}{
	{"section", "section", false}, {"sections", "section", true}, {"clause", "clause", false}, {"clauses", "clause", true},
	{"paragraph", "paragraph", false}, {"paragraphs", "paragraph", true}, {"para.", "paragraph", false},
	{"paras.", "paragraph", false}, {"appendix", "appendix", false}, {"appendices", "appendix", false},
	{"annex", "annex", false}, {"annexes", "annex", true}, {"schedule", "schedule", false}, {"schedules", "schedule", true},
}

// internKind returns the notice's one copy of a reference kind.
func (n *Notice) internKind(kind string) *string {
	if k, ok := n.refKinds[kind]; ok {
		return k
	}
	if n.refKinds == nil {
		n.refKinds = map[string]*string{}
	}
	k := &kind
	n.refKinds[kind] = k
	return k
}

// intern returns the reference text "written num parts", made once per
// distinct text in a notice.
func (n *Notice) intern(written, num, parts string) string {
	k := [3]string{written, num, parts}
	if t, ok := n.texts[k]; ok {
		return t
	}
	if n.texts == nil {
		n.texts = map[[3]string]string{}
	}
	t := written + " " + num + parts
	n.texts[k] = t
	return t
}

// refKey turns a reference's number into a section key; letters and Roman
// numerals are only numbers after "Appendix", "Annex" and "Schedule". A
// number in the thousands is never one of a notice's own ("California Civil
// Code section 1798.83").
func (n *Notice) refKey(kind, num string) (string, bool) {
	k := [2]string{kind, num}
	if v, ok := n.refKeys[k]; ok {
		return v, v != ""
	}
	v, ok := refKey(kind, num)
	if !ok && kind == "section" && romanValue(num) > 0 && n.numbersInRoman() {
		// "see Section V" in a notice whose sections are I, II, III ...
		v, ok = strings.ToLower(num), true
	}
	if n.refKeys == nil {
		n.refKeys = map[[2]string]string{}
	}
	n.refKeys[k] = v
	return v, ok
}

// numbersInRoman reports whether a top-level section of n is numbered in
// Roman numerals: only then is "Section IV" one of its own, not a part of
// a law or another document.
func (n *Notice) numbersInRoman() bool {
	for _, s := range n.Sections {
		if romanValue(s.Number) > 0 {
			return true
		}
	}
	return false
}

func refKey(kind, num string) (string, bool) {
	lower := strings.ToLower(num)
	if v, ok := numberWords[lower]; ok {
		num = strconv.Itoa(v)
	} else if num[0] < '0' || num[0] > '9' {
		if kind != "appendix" && kind != "annex" && kind != "schedule" {
			return "", false
		}
		if num != strings.ToUpper(num) {
			return "", false
		}
	} else if i := strings.IndexFunc(num, func(r rune) bool { return r < '0' || r > '9' }); i > 3 || i < 0 && len(num) > 3 {
		return "", false
	}
	switch kind {
	case "appendix", "annex", "schedule":
		return kind + "-" + strings.ToLower(num), true
	}
	return strings.ToLower(num), true
}

func refTopic(before, after string) (string, bool) {
	if m := quotedTopic.FindStringSubmatch(after); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	if strings.HasPrefix(strings.TrimLeft(after, " \t\u00a0"), ",") {
		if m := commaTitle.FindStringSubmatch(after); m != nil {
			return strings.TrimSpace(m[1]), true
		}
	}
	if hasWord(after, topicWords) {
		if m := afterTopic.FindStringSubmatch(after); m != nil {
			return cleanTopic(m[1]), false
		}
	}
	if endsWithWord(before, seeWords) && hasWord(tail(before, 200), []string{"for", "to"}) {
		if m := beforeTopic.FindStringSubmatch(tail(before, 200)); m != nil {
			return cleanTopic(m[1]), false
		}
	}
	var stated []int
	if endsWithWord(before, placeWords) {
		t := tail(before, 48)
		if m := statedIn.FindStringIndex(t); m != nil {
			stated = []int{m[0] + len(before) - len(t), m[1] + len(before) - len(t)}
		}
	}
	if m := stated; m != nil && !strings.Contains(before[m[0]:m[1]], ",") {
		// "the rights outlined in": the noun before the participle is the
		// topic. Not so after a comma ("opt out of this sharing, as
		// described in"), which refers back to a whole clause, nor in
		// the passive ("Contact details are set out in").
		ws := strings.Fields(before[:m[0]])
		if len(ws) == 0 || auxiliaries[strings.ToLower(ws[len(ws)-1])] {
			return "", false
		}
		return nounPhrase(phraseBefore(before[:m[0]], false)), false
	}
	if strings.Contains(before, "(") && strings.HasPrefix(strings.TrimLeft(after, " \t"), ")") {
		if i := strings.LastIndexByte(before, '('); i >= len(before)-40 {
			if m := parenBefore.FindStringIndex(before[i:]); m != nil {
				return phraseBefore(before[:i+m[0]], true), false
			}
		}
	}
	return "", false
}

// The regexps that read the words before a reference are anchored at its
// start, so the regexp engine tries each of them at every byte before it;
// they run only on the short tail their matches can reach, and only when
// the word that must end the text is there.

var (
	seeWords   = []string{"see", "to", "read", "at", "check", "the"}
	placeWords = []string{"in", "under", "at", "within"}
)

// topicWords are the words one of which every match of afterTopic holds.
var topicWords = []string{"on", "about", "regarding", "which", "for"}

// hasWord reports whether s holds one of the words, as a whole word, in any
// case.
func hasWord(s string, words []string) bool {
	for i := 0; i < len(s); {
		for i < len(s) && !isLetter(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		for _, w := range words {
			if j-i == len(w) && strings.EqualFold(s[i:j], w) {
				return true
			}
		}
		i = j
	}
	return false
}

func isLetter(c byte) bool { return isLower(c) || isUpper(c) }

// endsWithWord reports whether s, less trailing white space, ends with one
// of the words (in any case).
func endsWithWord(s string, words []string) bool {
	t := strings.TrimRight(s, " \t\u00a0")
	for _, w := range words {
		if len(t) >= len(w) && strings.EqualFold(t[len(t)-len(w):], w) && (len(t) == len(w) || !pattern.IsWordByte(t[len(t)-len(w)-1])) {
			return true
		}
	}
	return false
}

// phraseBefore returns the words that end a text and name what a reference
// after them is about: back to the start of their clause (a stop, colon,
// semicolon, bracket or comma), at most eight words, and from the last
// determiner on ("contact the responsible person" -> "responsible person",
// "the processing of payment data" -> "processing of payment data"). A
// phrase with no determiner is a verb's ("Dailymotion may process Data
// listed under"), and one that ends in a pronoun ("those listed at") names
// nothing: neither is a topic, unless whole is set, when a phrase whose
// last words say nothing ("how long we keep your data") stays whole.
func phraseBefore(t string, whole bool) string {
	if i := strings.LastIndexAny(t, ".;:!?()[],\n"); i >= 0 {
		t = t[i+1:]
	}
	ws := strings.Fields(t)
	if len(ws) > 8 {
		ws = ws[len(ws)-8:]
	}
	if len(ws) == 0 || pronouns[strings.ToLower(ws[len(ws)-1])] {
		return ""
	}
	det := -1
	for i := len(ws) - 2; i >= 0; i-- {
		if determiners[strings.ToLower(ws[i])] {
			det = i
			break
		}
	}
	switch {
	case det >= 0 && content(ws[det+1:]):
		ws = ws[det+1:]
	case !whole:
		return ""
	}
	for len(ws) > 1 && leading[strings.ToLower(ws[0])] {
		ws = ws[1:] // "for payment data" -> "payment data"
	}
	return strings.Trim(strings.Join(ws, " "), `*_"'“”‘’`)
}

// nounPhrase keeps the noun phrase a participle follows, before any
// relative clause ("purposes we collected it for" -> "purposes"), of three
// words at most and ending in a noun that names something.
func nounPhrase(t string) string {
	ws := strings.Fields(t)
	for i, w := range ws {
		if relatives[strings.ToLower(w)] {
			ws = ws[:i]
			break
		}
	}
	// The last word is the phrase's head noun: "business purposes" is
	// about purposes, which names no section.
	if len(ws) == 0 || len(ws) > 3 || !content(ws[len(ws)-1:]) {
		return ""
	}
	return strings.Join(ws, " ")
}

var leading = map[string]bool{"for": true, "of": true, "on": true, "about": true, "with": true, "to": true, "in": true,
	"and": true, "or": true, "regarding": true}

var relatives = map[string]bool{"we": true, "you": true, "they": true, "that": true, "which": true, "who": true, "it": true,
	"i": true, "he": true, "she": true}

var pronouns = map[string]bool{"those": true, "these": true, "them": true, "it": true, "this": true, "that": true, "ones": true,
	"one": true, "above": true, "below": true, "here": true, "there": true, "us": true, "you": true, "we": true, "me": true}

var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "your": true, "our": true, "their": true, "its": true,
	"this": true, "these": true, "those": true, "any": true, "all": true}

// content reports whether words hold one that tells a topic apart: not
// only "data", "information" and the like.
func content(ws []string) bool {
	for _, w := range ws {
		switch strings.ToLower(strings.Trim(w, `*_"'“”‘’`)) {
		case "data", "information", "info", "details", "personal", "purpose", "purposes":
		default:
			return true
		}
	}
	return false
}

func cleanTopic(t string) string {
	if i := nextRef.FindStringIndex(t); i != nil {
		t = t[:i[0]] // "your rights, and see section 25 on ..." names two topics
	}
	if i := topicEnd.FindStringIndex(t); i != nil && i[0] > 0 {
		t = t[:i[0]]
	}
	t = strings.TrimSpace(t)
	t = topicTail.ReplaceAllString(t, "")
	return strings.Trim(t, " ,")
}
