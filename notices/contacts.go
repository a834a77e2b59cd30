package notices

import (
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/noticelint/noticelint/pattern"
)

// ContactKind says what a contact fact is.
type ContactKind int

const (
	Email ContactKind = iota
	Phone
	Postcode
	URL
	WebForm
	// Address is a postal address outside the UK, which has no postcode
	// to find: a post office box, or a US city, state and ZIP code.
	Address
)

func (k ContactKind) String() string {
	return [...]string{"email", "phone", "postcode", "url", "web form", "address"}[k]
}

// Contact is a contact detail found in the text.
type Contact struct {
	Kind  ContactKind
	Value string
	Span  Span
	// Valid is false for an email address that is not syntactically valid
	// ("dpo@example", "dpo@@example.org").
	Valid bool
	Para  *Para
	// Target says the address is a mailto: link's target, which a mail
	// client uses and the reader does not see. Link pairs a target with
	// the address its link's text shows, both ways; it is nil when the
	// link's text shows no address ("[email our DPO](mailto:...)").
	Target bool
	Link   *Contact
	// Shows is, for a target, the text its link shows the reader, with
	// the link syntax taken out.
	Shows string
	// Party is whose contact detail it is, as the words around it say. It
	// is read for postal addresses, and for every contact where the DPO's
	// details belong (the DPO's section, a sentence naming the DPO, the
	// block after "contact our DPO at:"); elsewhere it is left as Ours.
	// Of names the organisation whose DPO it is when the sentence names one
	// with the title ("Avios" in "the Avios Data Protection Officer"), for
	// a notice of several controllers.
	Party Party
	Of    string
}

// Party says whose contact detail a contact is: the party its sentence (or
// table row) names, or failing that the part of the notice it stands in.
type Party int

const (
	// Ours: nothing names another party, so the controller's own.
	Ours Party = iota
	// OurDPO: the controller's Data Protection Officer.
	OurDPO
	// Team: a general privacy, support or customer inbox ("our privacy
	// team", "customer services"), not the DPO.
	Team
	// Representative: a representative under Article 27.
	Representative
	// Regulator: the ICO or another supervisory authority.
	Regulator
	// StateInbox: a request inbox for a US state's privacy law (the
	// California Consumer Privacy Act).
	StateInbox
	// Other: another organisation, or its DPO: a processor, a group
	// company, a partner.
	Other
)

func (p Party) String() string {
	return [...]string{"ours", "our DPO", "team", "representative", "regulator", "US state request inbox", "another organisation"}[p]
}

var (
	// urlStart finds where a URL begins; it runs to the first of urlStop,
	// which holds regexp's \s and the brackets and quotes (see findContacts).
	urlStart = pattern.MustCompile(`(?i)\b(?:https?://|www\.)`)
	// phoneRe is run only on the stretches findPhones cuts out, so it is
	// a plain regexp, compiled on first use.
	phoneRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:\+\d{1,3}[\t \x{00A0}-]?(?:\(0\)[\t \x{00A0}-]?)?\(?\d{1,4}\)?(?:[\t \x{00A0}-]?\d{2,4}){2,4}|\b0\d{2,4}[\t \x{00A0}-]?\d{3,4}[\t \x{00A0}-]?\d{3,4})\b`)
	})
	webFormRe = pattern.MustCompile(`(?i)\b(?:online|web|contact(?:[\t \x{00A0}-]us)?|digital|request|enquiry|inquiry|privacy)(?:\*\*|__)?[\t \x{00A0}-]form\b`)
	// poBoxRe and usCityRe find the line of a postal address that says it
	// is one: "P.O. Box 1688", "Postfach 10 01 23", "Bellevue, WA 98009".
	// They are two patterns so that each has literals to look for first.
	poBoxRe  = pattern.MustCompile(`\b(?:P\.?[\t \x{00A0}]?O\.?[\t \x{00A0}]?Box|Post Office Box|Postfach)[\t \x{00A0}]\d[\d ]{0,8}\d\b`)
	usCityRe = pattern.MustCompile(`\b[A-Z][a-z]{1,20}(?:[ -][A-Z][a-z]{1,20}){0,3}, (?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY) \d{5}(?:-\d{4})?\b`)
	urlStop  = "\t\n\f\r <>()[]\"'’”"
	// urlStopASCII has the ASCII bytes of urlStop, the common case.
	urlStopASCII = func() (set [utf8.RuneSelf]bool) {
		for _, c := range []byte(urlStop) {
			if c < utf8.RuneSelf {
				set[c] = true
			}
		}
		return set
	}()
	emailLocal = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+'-"
	emailHost  = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-@_"
	tldRe      = regexp.MustCompile(`\.[A-Za-z]{2,}$`)
)

func findContacts(p *Para) []*Contact {
	var out []*Contact
	add := func(kind ContactKind, s, e int, valid bool) {
		out = append(out, &Contact{Kind: kind, Value: p.Text[s:e], Span: Span{p.Start + s, p.Start + e}, Valid: valid, Para: p})
	}
	t := p.Text
	for i := 0; i < len(t); i++ {
		k, at := nextAt(t[i:])
		if k < 0 {
			break
		}
		i += k
		s, e := i, i+at
		for s > 0 {
			switch {
			case strings.IndexByte(emailLocal, t[s-1]) >= 0:
				s--
				continue
			case t[s-1] == '\\' && s < i && t[s] == '_':
				s-- // "DPO\_office@": a converter's escaped underscore
				continue
			}
			break
		}
		for e < len(t) {
			if strings.IndexByte(emailHost, t[e]) >= 0 {
				e++
			} else if t[e] == '\\' && e+1 < len(t) && t[e+1] == '_' {
				e += 2
			} else {
				break
			}
		}
		e = gluedEnd(t, i+at, e)
		for e > i+at && strings.IndexByte(".-_@\\", t[e-1]) >= 0 {
			e--
		}
		for s < i && (t[s] == '.' || t[s] == '_') {
			s++ // "_privacy@example.org_" is emphasis
		}
		if s == i {
			i = e - 1 // a handle such as "@example", not an address
			continue
		}
		value := t[s:i] + "@" + t[i+at:e]
		if strings.Contains(value, `\_`) {
			value = strings.ReplaceAll(value, `\_`, "_")
		}
		out = append(out, &Contact{Kind: Email, Value: value, Span: Span{p.Start + s, p.Start + e}, Valid: validEmail(value), Para: p})
		i = e - 1
	}
	pairMailto(t, p.Start, out)
	// A URL runs from its start to the first space, quote or bracket: the
	// regexp `(?i)\b(?:https?://|www\.)[^\s<>()\[\]"'’”]+`, with its
	// unbounded tail written as a loop so that the start can be looked for
	// only where "http" or "www." occurs.
	end := 0
	for _, m := range urlStart.FindAllIndex(p.Scan, -1) {
		if m[0] < end {
			continue // inside the previous URL ("https://www.example.org")
		}
		e := m[1]
		for e < len(t) {
			if c := t[e]; c < utf8.RuneSelf {
				if urlStopASCII[c] {
					break
				}
				e++
				continue
			}
			r, size := utf8.DecodeRuneInString(t[e:])
			if strings.ContainsRune(urlStop, r) {
				break
			}
			e += size
		}
		if e == m[1] {
			continue
		}
		end = e
		for e > m[0] && strings.IndexByte(".,;:!?", t[e-1]) >= 0 {
			e--
		}
		add(URL, m[0], e, true)
	}
	for _, m := range findPhones(t) {
		add(Phone, m[0], m[1], true)
	}
	for _, m := range findPostcodes(t) {
		add(Postcode, m[0], m[1], true)
	}
	for _, m := range webFormRe.FindAllIndex(p.Scan, -1) {
		add(WebForm, m[0], m[1], true)
	}
	for _, m := range poBoxRe.FindAllIndex(p.Scan, -1) {
		add(Address, m[0], m[1], true)
	}
	// The state codes usCityRe looks for first are common words once
	// folded (", or ", ", in "); a ZIP code needs five digits.
	if usCityRe.MayMatch(p.Scan) && hasZip(t) {
		for _, m := range usCityRe.FindAllIndex(p.Scan, -1) {
			add(Address, m[0], m[1], true)
		}
	}
	return out
}

// findPostcodes finds UK postcodes ("SW1A 1AA", "M1 1AE", "GIR 0AA"): the
// spans the regexp
//
//	\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[\t \x{00A0}]?\d[A-Z]{2}\b
//
// finds, trying the same choices in the same order. It has no literal for
// the pattern package to look for, and run as a regexp over every paragraph
// it cost a tenth of the parse; written out, it looks only at capitals that
// start a word. source_test checks it against the regexp.
func findPostcodes(t string) [][2]int {
	var out [][2]int
	next := -1 // the first digit at or after i, once looked for
	for i := 0; i < len(t); i++ {
		// Every postcode has a digit at most five bytes from its start
		// (outward "A9", or "GIR" and a no-break space before "0AA"):
		// jump to five bytes before the next digit.
		if next < i {
			if next = indexDigit(t, i); next < 0 {
				break
			}
		}
		if i < next-5 {
			i = next - 5
		}
		if !isUpper(t[i]) || i > 0 && pattern.IsWordByte(t[i-1]) {
			continue
		}
		if e := postcodeAt(t, i); e > 0 {
			out = append(out, [2]int{i, e})
			i = e - 1
		}
	}
	return out
}

// postcodeAt returns the end of the postcode starting at i, or 0.
func postcodeAt(t string, i int) int {
	// The outward code: one or two letters, a digit, then a letter or
	// digit if there is one, longest first as the regexp's greedy
	// repetitions try them; or "GIR".
	for letters := 2; letters >= 1; letters-- {
		d := i + letters
		if d >= len(t) || !isDigit(t[d]) || letters == 2 && !isUpper(t[i+1]) {
			continue
		}
		if d+1 < len(t) && (isUpper(t[d+1]) || isDigit(t[d+1])) {
			if e := inwardAt(t, d+2); e > 0 {
				return e
			}
		}
		if e := inwardAt(t, d+1); e > 0 {
			return e
		}
	}
	if strings.HasPrefix(t[i:], "GIR") {
		return inwardAt(t, i+3)
	}
	return 0
}

// inwardAt returns the end of an inward code ("1AA") at j, after an
// optional tab, space or no-break space, and a word boundary; or 0.
func inwardAt(t string, j int) int {
	sp := 0
	switch {
	case j < len(t) && (t[j] == ' ' || t[j] == '\t'):
		sp = 1
	case strings.HasPrefix(t[j:], "\u00a0"):
		sp = len("\u00a0")
	}
	for _, k := range []int{j + sp, j} {
		if k+3 <= len(t) && isDigit(t[k]) && isUpper(t[k+1]) && isUpper(t[k+2]) && (k+3 == len(t) || !pattern.IsWordByte(t[k+3])) {
			return k + 3
		}
		if sp == 0 {
			break
		}
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// validEmail checks an address as a mail client would: RFC 5322 syntax (via
// net/mail), one "@", and a domain with a top-level part.
func validEmail(a string) bool {
	if strings.Count(a, "@") != 1 || strings.Contains(a, "..") {
		return false
	}
	addr, err := mail.ParseAddress(a)
	if err != nil || addr.Address != a {
		return false
	}
	host := a[strings.IndexByte(a, '@')+1:]
	return tldRe.MatchString(host) && !strings.HasPrefix(host, ".") && !strings.HasPrefix(host, "-")
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// atEntities are the ways HTML writes "@" that converters leave in text.
var atEntities = []string{"&#64;", "&#x40;", "&#X40;", "&commat;"}

// nextAt returns where the next "@" (or an HTML entity for it) starts in t,
// and its length; -1 when there is none.
func nextAt(t string) (int, int) {
	k, size := strings.IndexByte(t, '@'), 1
	head := t
	if k >= 0 {
		head = t[:k]
	}
	if !strings.Contains(head, "&") {
		return k, size
	}
	for _, ent := range atEntities {
		if j := strings.Index(head, ent); j >= 0 {
			k, size, head = j, len(ent), head[:j]
		}
	}
	return k, size
}

// pairMailto marks the addresses of text (a para's, starting at off in the
// source) that are mailto: targets, and pairs each with the address its
// link's text shows: "[dpo@example.org](mailto:dpo@example.org)" in
// Markdown, "<a href="mailto:dpo@example.org">dpo@example.org</a>" in HTML.
func pairMailto(t string, off int, emails []*Contact) {
	for _, c := range emails {
		s := c.Span.Start - off
		if s < len("mailto:") || !strings.EqualFold(t[s-len("mailto:"):s], "mailto:") {
			continue
		}
		c.Target = true
		// A target is a URL: "mailto:%20privacy@example.org" is
		// privacy@example.org to a mail client.
		if strings.Contains(c.Value, "%") {
			if v, err := url.PathUnescape(c.Value); err == nil {
				c.Value = strings.TrimSpace(v)
				c.Valid = validEmail(c.Value)
			}
		}
		before := t[:s-len("mailto:")]
		var lo, hi int // the link text's bounds in t
		switch {
		case strings.HasSuffix(before, "]("):
			hi = len(before) - 2
			lo = strings.LastIndexByte(before[:hi], '[')
			if lo < 0 {
				continue
			}
		case strings.HasSuffix(before, `href="`) || strings.HasSuffix(before, `href='`):
			gt := strings.IndexByte(t[c.Span.End-off:], '>')
			if gt < 0 {
				continue
			}
			lo = c.Span.End - off + gt + 1
			end := strings.Index(strings.ToLower(t[lo:]), "</a")
			if end < 0 {
				continue
			}
			hi = lo + end
		default:
			continue
		}
		for _, d := range emails {
			if d != c && !d.Target && d.Span.Start-off >= lo && d.Span.End-off <= hi {
				c.Link, d.Link = d, c
				c.Shows = shownText(t, lo, hi)
				break
			}
		}
	}
}

// shownText returns what a reader sees of the link whose text is t[lo:hi]:
// that text, joined to the text of links written right beside it and to
// the letters that run on after it. Converters split one address over
// several links ("[privacy@zil](mailto:...)[low.com](mailto:...)") or leave
// its last letter outside ("[dpo@example.co](mailto:...)m").
func shownText(t string, lo, hi int) string {
	if lo > 0 && t[lo-1] == '[' { // Markdown: t[lo-1:] is "[text](target)"
		lo--
	}
	start, end := lo, hi
	// Links just before: "...)" ends where this link's "[" starts.
	for start > 0 && t[start-1] == ')' {
		open := strings.LastIndex(t[:start], "](")
		b := strings.LastIndexByte(t[:max(open, 0)], '[')
		if open < 0 || b < 0 || strings.ContainsAny(t[open:start], " \n") {
			break
		}
		start = b
	}
	// Links just after, and letters run on.
	for end < len(t) {
		close := strings.IndexByte(t[end:], ')')
		if close < 0 || strings.ContainsAny(t[end:end+close], " \n") {
			break
		}
		end += close + 1
		if end < len(t) && t[end] == '[' {
			if k := strings.Index(t[end:], "]("); k > 0 {
				end += k
				continue
			}
		}
		break
	}
	for end < len(t) && strings.IndexByte(emailHost, t[end]) >= 0 {
		end++
	}
	for start > 0 && strings.IndexByte(emailLocal, t[start-1]) >= 0 {
		start--
	}
	return linkSyntax.ReplaceAllString(t[start:end], "")
}

// linkSyntax is what a Markdown or HTML link adds to the text it shows.
var linkSyntax = regexp.MustCompile(`\]\([^)\s]*\)|\[|\]|<[^>]*>`)

// indexDigit returns the index of the first ASCII digit in t at or after
// from, or -1.
func indexDigit(t string, from int) int {
	for i := from; i < len(t); i++ {
		if isDigit(t[i]) {
			return i
		}
	}
	return -1
}

// phoneChar returns the length of the character at t[i] when it is one a
// match of phoneRe can hold (a digit, "+", "(", ")", "-", tab, space or
// no-break space), or 0.
func phoneChar(t string, i int) int {
	switch c := t[i]; {
	case isDigit(c), c == '+', c == '(', c == ')', c == '-', c == ' ', c == '\t':
		return 1
	case c == 0xC2 && i+1 < len(t) && t[i+1] == 0xA0:
		return 2
	}
	return 0
}

// findPhones returns the matches of phoneRe in t with nine digits or more.
// A match holds only phoneChar characters, so it lies inside one maximal
// run of them, and the matches in different runs do not interact: phoneRe
// runs only on the runs with nine digits, each with the rune on either side
// so that its \b reads as in the whole text. Most paragraphs have fewer
// than nine digits in all, and in prose such runs are rare.
func findPhones(t string) [][2]int {
	if digits(t) < 9 {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(t); {
		d := indexDigit(t, i)
		if d < 0 {
			break
		}
		// The run holding the digit: back over the phone characters before
		// it (the run before ended at a character that is not one), then on.
		start := d
		for start > 0 {
			if c := t[start-1]; c != 0xA0 && phoneChar(t, start-1) == 1 {
				start--
			} else if c == 0xA0 && start >= 2 && t[start-2] == 0xC2 {
				start -= 2
			} else {
				break
			}
		}
		i = d
		n := 0
		for i < len(t) {
			w := phoneChar(t, i)
			if w == 0 {
				break
			}
			if isDigit(t[i]) {
				n++
			}
			i += w
		}
		if n < 9 {
			continue
		}
		lo, hi := start, i
		if lo > 0 {
			_, w := utf8.DecodeLastRuneInString(t[:lo])
			lo -= w
		}
		if hi < len(t) {
			_, w := utf8.DecodeRuneInString(t[hi:])
			hi += w
		}
		for _, m := range phoneRe().FindAllStringIndex(t[lo:hi], -1) {
			if digits(t[lo+m[0]:lo+m[1]]) >= 9 {
				out = append(out, [2]int{lo + m[0], lo + m[1]})
			}
		}
	}
	return out
}

// hasZip reports whether t holds ", " and a two-letter state code, a space
// and five digits, which every match of usCityRe does.
func hasZip(t string) bool {
	for i := 0; ; {
		k := strings.Index(t[i:], ", ")
		if k < 0 {
			return false
		}
		i += k + 2
		if i+7 < len(t) && isUpper(t[i]) && isUpper(t[i+1]) && t[i+2] == ' ' &&
			isDigit(t[i+3]) && isDigit(t[i+4]) && isDigit(t[i+5]) && isDigit(t[i+6]) && isDigit(t[i+7]) {
			return true
		}
	}
}
