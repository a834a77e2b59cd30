package notices

import (
	"net/mail"
	"regexp"
	"strings"
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
)

func (k ContactKind) String() string {
	return [...]string{"email", "phone", "postcode", "url", "web form"}[k]
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
}

var (
	// urlStart finds where a URL begins; it runs to the first of urlStop,
	// which holds regexp's \s and the brackets and quotes (see findContacts).
	urlStart   = pattern.MustCompile(`(?i)\b(?:https?://|www\.)`)
	phoneRe    = pattern.MustCompile(`(?:\+\d{1,3}[\t \x{00A0}-]?(?:\(0\)[\t \x{00A0}-]?)?\(?\d{1,4}\)?(?:[\t \x{00A0}-]?\d{2,4}){2,4}|\b0\d{2,4}[\t \x{00A0}-]?\d{3,4}[\t \x{00A0}-]?\d{3,4})\b`)
	postcodeRe = regexp.MustCompile(`\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[\t \x{00A0}]?\d[A-Z]{2}\b`)
	webFormRe  = pattern.MustCompile(`(?i)\b(?:online|web|contact|digital|request|enquiry|inquiry|privacy)[\t \x{00A0}-]{1,5}form\b`)
	urlStop    = "\t\n\f\r <>()[]\"'’”"
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
		if t[i] != '@' {
			continue
		}
		s, e := i, i+1
		for s > 0 && strings.IndexByte(emailLocal, t[s-1]) >= 0 {
			s--
		}
		for e < len(t) && strings.IndexByte(emailHost, t[e]) >= 0 {
			e++
		}
		for e > i+1 && strings.IndexByte(".-_@", t[e-1]) >= 0 {
			e--
		}
		for s < i && t[s] == '.' {
			s++
		}
		if s == i {
			i = e - 1 // a handle such as "@example", not an address
			continue
		}
		add(Email, s, e, validEmail(t[s:e]))
		i = e - 1
	}
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
	// A phone number has nine digits; a postcode has no literal to look
	// for, and a cheap check keeps its regexp off most paragraphs.
	nDigits := digits(t)
	if nDigits >= 9 {
		for _, m := range phoneRe.FindAllIndex(p.Scan, -1) {
			if digits(t[m[0]:m[1]]) >= 9 {
				add(Phone, m[0], m[1], true)
			}
		}
	}
	if nDigits >= 2 && capitalThenDigit(t) {
		for _, m := range postcodeRe.FindAllStringIndex(t, -1) {
			add(Postcode, m[0], m[1], true)
		}
	}
	for _, m := range webFormRe.FindAllIndex(p.Scan, -1) {
		add(WebForm, m[0], m[1], true)
	}
	return out
}

// capitalThenDigit is a cheap necessary condition for postcodeRe: every
// match is "GIR 0AA" or has a capital letter directly before a digit ("M1",
// "SW1A"). Most paragraphs have neither.
func capitalThenDigit(t string) bool {
	if strings.Contains(t, "GIR") {
		return true
	}
	for i := 0; i+1 < len(t); i++ {
		if t[i] >= 'A' && t[i] <= 'Z' && isDigit(t[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

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
