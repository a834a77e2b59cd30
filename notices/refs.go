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
	// Text is the reference as a reader would quote it: "section 15".
	Text string
	// Kind is the word used: "section", "clause", "paragraph", "appendix",
	// "annex" or "schedule".
	Kind string
	// Number is the number as written ("15", "three", "12.2", "A").
	Number string
	// Key is the section key the reference names ("15", "3", "appendix-1").
	Key string
	// Topic is what the reference says the target is about: a quoted title
	// ("'How we use your personal information'") or a phrase ("on how to make
	// a complaint"). TopicQuoted says which.
	Topic       string
	TopicQuoted bool
	Span        Span
	Para        *Para
	// Target is the section the reference resolves to, or nil.
	Target *Section
}

// numberTok is one section number.
var numberTok = `(?:\d{1,3}(?:\.\d{1,3}){0,4}|[IVX]{1,4}\b|[A-Z]\b|` + numberWordsAlt + `)`

// refSep is the white space inside a reference: a few spaces or tabs,
// never a line break.
const refSep = `[\t \x{00A0}]`

var (
	// A reference is a keyword and a number (refHead), then up to 12 more
	// numbers, each after a comma, "and", "or", "to", "&" or a dash
	// (refMore): "sections 3, 4 and 7". As one regexp the list made every
	// match long, and so every search around a keyword slow; the list is
	// read on from the end of the head instead.
	refHead = pattern.MustCompile(`(?i)\b(sections?|clauses?|paragraphs?|paras?\.|appendix|appendices|annex(?:es)?|schedules?)` + refSep + `{1,8}(` + numberTok + `)`)
	refMore = regexp.MustCompile(`(?i)^(?:` + refSep + `{0,8},` + refSep + `{0,8}|` + refSep + `{1,8}(?:and|or|to)` + refSep + `{1,8}|` + refSep + `{0,8}[&–-]` + refSep + `{0,8})` + numberTok)
	refNum  = regexp.MustCompile(`(?i)\b` + numberTok)

	// A reference followed by "of the Data Protection Act 2018", "of the UK
	// GDPR", "of Schedule 1", "DPA 2018" names legislation, not the notice.
	legislationAfter = regexp.MustCompile(`^(?:\(\w{1,4}\))*[\t ,\x{00A0}]*(?:(?:of|to|under|in)\b[^.;:!?\n]{0,60}?\b(?:Act|Acts|Regulations?|Directive|Order|Code|Convention|Rules|Charter|Bill|Treaty|Ordinance|Statute|GDPR|DPA|PECR|CCPA|CPRA|FOIA|U\.?S\.?C)\b|(?:(?:UK|EU)[\t \x{00A0}]+)?(?:GDPR|DPA|PECR|CCPA|CPRA|U\.?S\.?C)\b)`)
	// A reference "of your tenancy agreement" points into another document.
	otherDocument = regexp.MustCompile(`(?i)^(?:\(\w{1,4}\))*[\t ,\x{00A0}]*(?:of|in|under)[\t \x{00A0}]+(?:your|the|our|their|a|any)[\t \x{00A0}]+(?:[\w-]+[\t \x{00A0}]+){0,3}?(?:agreement|contract|lease|tenancy|terms|conditions|licen[cs]e|policy|handbook|guidance)\b`)
	// "of this notice" keeps a reference inside the notice whatever follows.
	thisNotice        = regexp.MustCompile(`(?i)^[\t ,\x{00A0}]*(?:of|in)[\t \x{00A0}]+this[\t \x{00A0}]+(?:notice|policy|statement|document)`)
	legislationBefore = regexp.MustCompile(`(?:Act|Regulations?|Code|GDPR|DPA|Directive|Law|Rules|Article[\t \x{00A0}]+\d+[\w()]*|Schedule[\t \x{00A0}]+\d+)[\t ,\x{00A0}]*(?:\d{4}[\t ,\x{00A0}]*)?$`)

	quotedTopic = regexp.MustCompile(`^[\t \x{00A0}]*[,:(]?[\t \x{00A0}]*(?:(?:headed|titled|entitled|called|named)[\t \x{00A0}]+)?['‘"“]([^'’"”\n]{3,120})['’"”]`)
	afterTopic  = regexp.MustCompile(`(?i)^[\t \x{00A0}]*(?:\((?:[^)]*)\)[\t \x{00A0}]*)?(?:below|above|of this (?:notice|policy|statement))?[\t \x{00A0}]*,?[\t \x{00A0}]*(?:on|about|regarding|which (?:explains|sets out|describes|covers)|for(?:[\t \x{00A0}]+(?:more|further))?(?:[\t \x{00A0}]+(?:information|details|info))?[\t \x{00A0}]+(?:on|about|regarding|of))[\t \x{00A0}]+([^.;:!?\n]{3,}?)[\t \x{00A0}]*(?:[.;:!?\n]|$)`)
	beforeTopic = regexp.MustCompile(`(?i)(?:for|to find out|to learn|to read)[\t \x{00A0}]+(?:more[\t \x{00A0}]+|further[\t \x{00A0}]+)?(?:(?:information|details|info)[\t \x{00A0}]+)?(?:about|on|regarding|of)[\t \x{00A0}]+([^.;:!?\n]{3,}?)[\t \x{00A0}]*,?[\t \x{00A0}]*(?:please[\t \x{00A0}]+)?(?:see|refer to|read|go to|look at|check)[\t \x{00A0}]+(?:the[\t \x{00A0}]+)?$`)
	// commaTitle: "See section 6, How we use your information for more
	// details" names the title without quotes.
	commaTitle = regexp.MustCompile(`^[\t \x{00A0}]*,[\t \x{00A0}]*([A-Z][^.;:!?\n]{3,80}?)[\t \x{00A0}]+for[\t \x{00A0}]+(?:more|further)\b`)
	nextRef    = regexp.MustCompile(`(?i)[\t ,\x{00A0}]+(?:and[\t \x{00A0}]+)?(?:see|refer to)\b`)
	topicTail  = regexp.MustCompile(`(?i)[\t \x{00A0}]+(?:below|above|in this (?:notice|policy|statement)|of this (?:notice|policy|statement))$`)
)

// findRefs extracts the references of one para.
func findRefs(p *Para) []*Ref {
	var out []*Ref
	for _, m := range refMatches(p.Scan) {
		// Only the words near a reference say what it is; bounding the
		// windows keeps a huge paragraph with many references linear.
		after := p.Text[m[1]:min(len(p.Text), m[1]+240)]
		before := p.Text[max(0, m[0]-240):m[0]]
		external := legislationAfter.MatchString(after) || otherDocument.MatchString(after) ||
			mayNameLegislation(before) && legislationBefore.MatchString(before)
		if external && !thisNotice.MatchString(after) {
			continue
		}
		written := p.Text[m[2]:m[3]]
		kind := singular(strings.ToLower(strings.TrimSuffix(written, ".")))
		if strings.HasSuffix(strings.ToLower(written), "s") && kind != strings.ToLower(written) {
			written = written[:len(written)-1] // "sections 3 and 4" -> "section 3", "section 4"
		}
		topic, quoted := refTopic(before, after)
		for _, nm := range refNum.FindAllStringIndex(p.Text[m[4]:m[5]], -1) {
			s, e := m[4]+nm[0], m[4]+nm[1]
			num := p.Text[s:e]
			k, ok := refKey(kind, num)
			if !ok {
				continue
			}
			start := s
			if len(out) == 0 || out[len(out)-1].Span.End < m[0]+p.Start {
				start = m[0] // the first number's reference includes its keyword
			}
			out = append(out, &Ref{Text: written + " " + num, Kind: kind, Number: num, Key: k,
				Topic: topic, TopicQuoted: quoted, Span: Span{p.Start + start, p.Start + e}, Para: p})
		}
	}
	return out
}

// legislationWords are the words one of which every match of
// legislationBefore holds.
var legislationWords = []string{"Act", "Regulation", "Code", "GDPR", "DPA", "Directive", "Law", "Rules", "Article", "Schedule"}

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

// refMatches finds the references of a text as the regexp refHead followed
// by (refMore){0,12} would: the keyword is m[2:4], the list of numbers
// m[4:6].
func refMatches(t *pattern.Text) [][]int {
	text := t.String()
	var out [][]int
	end := 0
	for _, m := range refHead.FindAllSubmatchIndex(t, -1) {
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

func singular(kind string) string {
	switch kind {
	case "sections":
		return "section"
	case "clauses":
		return "clause"
	case "paragraphs", "paras", "para":
		return "paragraph"
	case "appendices":
		return "appendix"
	case "annexes":
		return "annex"
	case "schedules":
		return "schedule"
	}
	return kind
}

// refKey turns a reference's number into a section key; letters and Roman
// numerals are only numbers after "Appendix", "Annex" and "Schedule".
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
	}
	switch kind {
	case "appendix", "annex", "schedule":
		return kind + "-" + strings.ToLower(num), true
	}
	return num, true
}

func refTopic(before, after string) (string, bool) {
	if m := quotedTopic.FindStringSubmatch(after); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	if m := commaTitle.FindStringSubmatch(after); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	if m := afterTopic.FindStringSubmatch(after); m != nil {
		return cleanTopic(m[1]), false
	}
	if m := beforeTopic.FindStringSubmatch(before); m != nil {
		return cleanTopic(m[1]), false
	}
	return "", false
}

func cleanTopic(t string) string {
	if i := nextRef.FindStringIndex(t); i != nil {
		t = t[:i[0]] // "your rights, and see section 25 on ..." names two topics
	}
	t = strings.TrimSpace(t)
	t = topicTail.ReplaceAllString(t, "")
	return strings.Trim(t, " ,")
}
