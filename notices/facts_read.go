package notices

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/noticelint/noticelint/pattern"
)

// readFacts reads a parsed notice's facts from its text. The order matters:
// whose a contact detail is depends on where the DPO is named, and whether
// the controller is established in the UK on whose the addresses are.
func readFacts(n *Notice) *Facts {
	r := newFactReader(n, &Facts{})
	r.f.flows = &flows{n: n}
	r.scope()
	r.controllers()
	r.dpo()
	r.parties()
	r.f.DPO.Reach = r.reach()
	r.processing()
	r.publicAuthority()
	r.establishment()
	r.dpoRequired()
	r.supplement()
	// A controller established in the UK is under UK GDPR (Art 3(1)).
	if r.f.UKEstablished.Holds && r.f.Scope&UKGDPR == 0 {
		r.f.Scope |= UKGDPR
		r.f.UKLaw = r.f.UKEstablished.Evidence
	}
	return r.f
}

func newFactReader(n *Notice, f *Facts) *factReader {
	r := &factReader{n: n, f: f, contacts: map[*Para][]*Contact{}, sents: map[*Para][]Span{}, cues: map[*Para][][]int{},
		state: map[*Para]bool{}, stateTitle: map[*Section]bool{}}
	for _, c := range n.Contacts {
		r.contacts[c.Para] = append(r.contacts[c.Para], c)
	}
	return r
}

type factReader struct {
	n        *Notice
	f        *Facts
	contacts map[*Para][]*Contact
	// own are the words of the notice's own names (its title and its
	// controllers'), lower-cased: "the BBC Studios DPO" names another
	// organisation's officer, "the Jagex DPO" the notice's own.
	own map[string]bool
	// Caches: a para's sentences, where it names a party, whether it is
	// about a US state's law, and whether a section's title is.
	sents      map[*Para][]Span
	cues       map[*Para][][]int
	state      map[*Para]bool
	stateTitle map[*Section]bool
}

// inLink reports whether the para-relative span [s, e) of p lies in a URL or
// an email address: scope and the other facts are read from what the text
// says, never from where it links.
func (r *factReader) inLink(p *Para, s, e int) bool {
	for _, c := range r.contacts[p] {
		if (c.Kind == URL || c.Kind == Email) && c.Span.Start-p.Start < e && s < c.Span.End-p.Start {
			return true
		}
	}
	return false
}

// mailProvider: domains of mail services, which name nobody's organisation.
var mailProvider = map[string]bool{"gmail": true, "googlemail": true, "outlook": true, "hotmail": true, "yahoo": true,
	"icloud": true, "aol": true, "protonmail": true, "proton": true, "gmx": true, "btinternet": true, "live": true}

// sentenceAt returns the sentence of p holding the para-relative offset off,
// as a para-relative span. In a table the row is the sentence. A para's
// sentences are split once.
func (r *factReader) sentenceAt(p *Para, off int) Span {
	sents, ok := r.sents[p]
	if !ok {
		sents = p.Sentences()
		r.sents[p] = sents
	}
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if i < len(sents) && off >= sents[i].Start {
		return sents[i]
	}
	return Span{0, len(p.Text)}
}

// each calls fn for every match of re in the paras that may hold one, in
// document order, until fn returns true. Matches inside links are skipped.
func (r *factReader) each(re *pattern.Pattern, fn func(p *Para, m []int) bool) {
	for _, p := range r.n.ParasFor(re) {
		// Most callers stop at the first match: look for one before
		// looking for all.
		first := re.FindAllSubmatchIndex(p.Scan, 1)
		if len(first) == 0 {
			continue
		}
		if !r.inLink(p, first[0][0], first[0][1]) && fn(p, first[0]) {
			return
		}
		for _, m := range re.FindAllSubmatchIndex(p.Scan, -1)[1:] {
			if r.inLink(p, m[0], m[1]) {
				continue
			}
			if fn(p, m) {
				return
			}
		}
	}
}

func (p *Para) span(m []int) Span { return Span{p.Start + m[0], p.Start + m[1]} }

// titleSpan returns where the notice's own title stands in the source.
func (r *factReader) titleSpan() Span {
	if r.n.Title == "" {
		return Span{}
	}
	if i := bytes.Index(r.n.Source, []byte(r.n.Title)); i >= 0 {
		return Span{i, i + len(r.n.Title)}
	}
	return Span{}
}

// --- Scope -----------------------------------------------------------------

var (
	// ukLaw: the UK's data protection law, its regulator and its
	// territory. Abbreviations are matched in capitals only, so that a
	// domain ("example.co.uk") or a file ("favicon.ico") is not the UK.
	ukLaw = pattern.MustCompile(`\bUK\b|\bU\.K\.|(?i:\bUnited Kingdom\b|\bGreat Britain\b|\bBritain\b|\bEngland (?:and|&) Wales\b|\bScotland\b|\bNorthern Ireland\b|\bData Protection Act,? 2018\b|Information Commissioner|Privacy and Electronic Communications Regulations)|\bDPA,? 2018\b|\bICO\b|\bPECR\b`)
	// euLaw: the EU's data protection law, its authorities and territory.
	euLaw = pattern.MustCompile(`\bGDPR\b|\bEEA\b|\bEU\b|\bE\.U\.|(?i:General Data Protection Regulation|2016/679|European Economic Area|European Union|\bEurope(?:an)?\b|\bmember states?\b|supervisory authorit)`)
	// ukQualifier before "GDPR" makes it the UK's.
	// ("United Kingdom General Data Protection Regulation (GDPR)").
	ukQualifier = regexp.MustCompile(`(?i)(?:\bUK|United Kingdom)[\s-]{1,3}(?:General Data Protection Regulation\s{0,3}\(\s{0,3})?$`)
	// otherCommissioner: the Swiss FDPIC, Australia's OAIC and the like
	// are not the UK's Information Commissioner.
	otherCommissioner      = regexp.MustCompile(`(?i)(?:federal|swiss|australian|canad\w*|irish|new zealand|hong kong|ontario|alberta|british columbia|jersey|guernsey|isle of man)\b[^.;]{0,40}$`)
	otherCommissionerAfter = regexp.MustCompile(`(?i)^['’]?s?\s{0,3}(?:\(FDPIC\)|\(OAIC\)|(?:of|for) (?:Canada|Australia|Ireland|Jersey|Guernsey|the Isle of Man|Switzerland|Bermuda))`)
)

func (r *factReader) scope() {
	f := r.f
	titled := false // a title names the law or the place
	if ts := r.titleSpan(); ts.Len() > 0 {
		if m := ukLaw.Regexp().FindStringIndex(r.n.Title); m != nil {
			f.UKLaw, titled = Evidence{Span: Span{ts.Start + m[0], ts.Start + m[1]}}, true
		}
		if m := euLaw.Regexp().FindStringIndex(r.n.Title); m != nil && !ukQualifier.MatchString(r.n.Title[:m[0]]) {
			f.EULaw, titled = Evidence{Span: Span{ts.Start + m[0], ts.Start + m[1]}}, true
		}
	}
	// A mention in a sentence naming a US transfer framework is kept aside,
	// as evidence only for a notice that speaks the GDPR's language.
	var ukFramework, euFramework Evidence
	if !f.UKLaw.Found() {
		r.lawMention(ukLaw, func(p *Para, m []int) bool { return !isUKCommissioner(p.Text, m) }, &f.UKLaw, &ukFramework)
	}
	if !f.EULaw.Found() {
		r.lawMention(euLaw, func(p *Para, m []int) bool {
			w := strings.ToLower(p.Text[m[0]:m[1]])
			// "UK GDPR" is the UK's law.
			return (w == "gdpr" || w == "general data protection regulation") && ukQualifier.MatchString(p.Text[max(0, m[0]-80):m[0]])
		}, &f.EULaw, &euFramework)
	}
	// Headings count too ("Your rights under the GDPR").
	r.n.Walk(func(s *Section) {
		if s.TitleSpan.Len() == 0 {
			return
		}
		at := func(m []int) Evidence {
			if i := bytes.Index(r.n.Source[s.TitleSpan.Start:s.TitleSpan.End], []byte(s.Title[m[0]:m[1]])); i >= 0 {
				return Evidence{Span: Span{s.TitleSpan.Start + i, s.TitleSpan.Start + i + m[1] - m[0]}}
			}
			return Evidence{Span: s.TitleSpan}
		}
		// Only a title that may name a law is read further.
		uk := !f.UKLaw.Found() && ukLaw.MayMatch(s.TitleScan)
		eu := !f.EULaw.Found() && euLaw.MayMatch(s.TitleScan)
		if !uk && !eu || transferFramework.Match(s.TitleScan) { // "EU and Swiss Safe Harbor"
			return
		}
		if m := ukLaw.FindAllIndex(s.TitleScan, 1); uk && m != nil && isUKCommissioner(s.Title, m[0]) {
			f.UKLaw, titled = at(m[0]), true
		}
		if m := euLaw.FindAllIndex(s.TitleScan, 1); eu && m != nil && !ukQualifier.MatchString(s.Title[:m[0][0]]) {
			f.EULaw, titled = at(m[0]), true
		}
	})
	if (!f.UKLaw.Found() && ukFramework.Found() || !f.EULaw.Found() && euFramework.Found()) && r.anyMatch(gdprTerms) {
		if !f.UKLaw.Found() {
			f.UKLaw = ukFramework
		}
		if !f.EULaw.Found() {
			f.EULaw = euFramework
		}
	}
	// A place named in passing ("our European servers", "China - India -
	// UK - Australia" in a site's footer, "if you are in Europe, visit
	// youronlinechoices.com") is no sign that the GDPR applies. Unless a
	// title names the place ("UK Privacy Notice"), a notice that never
	// names the law, its authorities or its terms (gdprLaw, gdprTerms)
	// is not in its scope for the places alone.
	if (f.UKLaw.Found() || f.EULaw.Found()) && !titled && !r.strongEvidence(f.UKLaw) && !r.strongEvidence(f.EULaw) &&
		!r.anyMatch(gdprTerms) && !r.anyMatch(gdprLaw) && !r.anyMatch(placePeople) {
		f.UKLaw, f.EULaw = Evidence{}, Evidence{}
	}
	if f.UKLaw.Found() {
		f.Scope |= UKGDPR
	}
	if f.EULaw.Found() {
		f.Scope |= EUGDPR
	}
}

// gdprLaw names the UK's or the EU's data protection law or its
// authorities ("the GDPR", "the ICO", "European data protection law", the
// 1995 Directive), and placePeople addresses the people of the place ("EU
// users", "if you are located in the UK"): ukLaw and euLaw also take a
// place named in passing.
var (
	gdprLaw     = pattern.MustCompile(`\bGDPR\b|\bEEA\b|\bDPA\b|\bICO\b|\bPECR\b|(?i:General Data Protection Regulation|2016/679|95/46|Data Protection Directive|European Economic Area|\bmember states?\b|supervisory authorit|Data Protection Act|Information Commissioner|Privacy and Electronic Communications|data protection (?:laws?|legislation|rights|authorit)|\b(?:EU|European|UK|British) (?:data protection |privacy )?(?:laws?|legislation)\b)`)
	placePeople = pattern.MustCompile(`(?i:\b(?:EU|EEA|UK|European|British) (?:users?|residents?|citizens?|individuals|visitors?|customers?|members|consumers?|data subjects?|persons|people)\b` +
		`|\b(?:users?|residents?|citizens?|individuals|visitors?|customers?|clients|subscribers|applicants|candidates|employees|students|patients|passengers|travell?ers|people|persons|anyone|those|members) (?:who are |who live )?(?:(?:located|based|resident|residing|living) )?(?:in|of|from) (?:the )?(?:EU|EEA|UK|European Union|United Kingdom|Europe|Great Britain)\b` +
		`|\bif you (?:are|live|reside)(?: located| based| resident)? (?:in|a resident of|from) (?:the )?(?:EU|EEA|UK|European Union|United Kingdom|Europe|Great Britain)\b)`)
)

// strongEvidence reports whether the scope's evidence is itself the name
// of the law or an authority (gdprLaw), not a place: then nothing more
// need be read.
func (r *factReader) strongEvidence(e Evidence) bool {
	if !e.Found() || e.Span.End > len(r.n.Source) {
		return false
	}
	return gdprLaw.Regexp().Match(r.n.Source[e.Span.Start:e.Span.End])
}

// transferFramework names the US transfer frameworks, whose names hold "EU",
// "UK" and "Swiss" ("the EU-U.S. Privacy Shield", "the U.S.-EU Safe Harbor
// program developed by the U.S. Department of Commerce and the European
// Union").
var transferFramework = pattern.MustCompile(`(?i)safe[\s\x{00A0}-]{1,20}harbou?r|Privacy Shield|Data Privacy Framework|\bDPF\b`)

// gdprTerms are words only a notice written to the GDPR uses: with them, a
// framework sentence's "EU" or "UK" is the notice's scope after all ("We are
// the data controller … we are a member of the EU-U.S. Privacy Shield").
var gdprTerms = pattern.MustCompile(`(?i)\bdata controllers?\b|\b(?:the )?controller of your\b|\blawful bas[ie]s\b|\blegal bas[ie]s for (?:the |our )?processing\b|\bdata subjects?\b|\bright to (?:erasure|data portability|restrict(?:ion)?|rectification)\b|\bright to be forgotten\b`)

// lawMention sets found to the first match of law in the paras that is not
// skipped, and aside to the first one in a sentence naming a US transfer
// framework (inFrameworkSentence), which is passed over.
func (r *factReader) lawMention(law *pattern.Pattern, skip func(*Para, []int) bool, found, aside *Evidence) {
	r.each(law, func(p *Para, m []int) bool {
		if skip(p, m) {
			return false
		}
		if r.inFrameworkSentence(p, m) {
			if !aside.Found() {
				*aside = Evidence{Span: p.span(m)}
			}
			return false
		}
		*found = Evidence{Span: p.span(m)}
		return true
	})
}

// inFrameworkSentence reports whether the scope mention m in p is in a
// sentence that names a US transfer framework. A US company's certification
// names Europe and the UK for the data it may import, which says nothing of
// whom the notice is for: a notice for people in the UK or the EU says so
// elsewhere too.
func (r *factReader) inFrameworkSentence(p *Para, m []int) bool {
	if !transferFramework.MayMatch(p.Scan) {
		return false // most paras name no framework
	}
	sent := r.sentenceAt(p, m[0])
	return transferFramework.Regexp().MatchString(p.Text[sent.Start:sent.End])
}

// isUKCommissioner reports whether the ukLaw match m in text is not another
// country's Information Commissioner.
func isUKCommissioner(text string, m []int) bool {
	if !strings.EqualFold(text[m[0]:m[1]], "Information Commissioner") {
		return true
	}
	return !otherCommissioner.MatchString(text[max(0, m[0]-60):m[0]]) && !otherCommissionerAfter.MatchString(text[m[1]:min(len(text), m[1]+40)])
}

// --- Controllers -----------------------------------------------------------

var (
	controllerWord = pattern.MustCompile(`(?i)\bcontrollers?\b`)
	// controllerIs: "X is the data controller", "X acts as the controller".
	controllerIs = regexp.MustCompile(`(?i)^(.{1,240}?)\s+(?:is|are|will be|shall be|acts? as|remains?|becomes?)\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:joint\s+|sole\s+|primary\s+|main\s+)?['‘"“*]{0,2}(?:data\s+)?controllers?\b`)
	// controllerOf: "the controller of your data is X", "Data controller: X".
	controllerOf = regexp.MustCompile(`(?i)\b(?:data\s+)?controllers?['’"”*]{0,2}(?:\s+(?:of|for|in respect of|responsible for)\s+[^.;:]{1,100}?)?(?:\s+(?:is|are|will be)\s+|\s*:\s*)(.{2,240})`)
	// controllerAs: "Chayn, as data controller, will process ...".
	controllerAs = regexp.MustCompile(`(?i)^(.{1,160}?),\s+as\s+(?:the\s+|a\s+)?(?:data\s+)?controllers?\b`)
	// notOurController: statements about other controllers, or about
	// controllers in general.
	notOurController = regexp.MustCompile(`(?i)\b(?:independent|separate|another|other|third[- ]party|each|any|every)\s+(?:data\s+)?controllers?\b|\bjoint(?:ly)?\s+(?:data\s+)?controllers?\s+with\s+(?:us|the\s+\w+|these|those|them)\b|on the part of the controller|\bA\s+(?:data\s+)?controller\s+(?:is|determines|decides|means)`)
	// weAlias: "Acme Ltd ("Acme", "we", "us")" names who "we" are.
	weAlias = regexp.MustCompile(`([A-Z][\w&.,'’ -]{1,80}?)\s*\((?:[^)]{0,60}?)["“‘'*]{1,3}(?:we|us|our)["”’'*]{1,3}`)
	// weQuoted: a quoted "we" or "us", which only an alias holds.
	weQuoted = pattern.MustCompile(`(?i)["“‘'*](?:we|us|our)["”’'*]`)
	// acronymDef: "Department for Education (DfE)".
	acronymDef = regexp.MustCompile(`\b([A-Z][\w&'’]*(?:\s+(?:for|of|and|the|&|[A-Z][\w&'’]*)){1,8})\s+\(([A-Z][A-Za-z]{1,7})\)`)
	// nameStop ends a name written after "is": an address, a clause.
	nameStop = regexp.MustCompile(`(?i)[,;(:]|\s[-–—]\s|\s(?:and its|which|who|whose|with (?:its|a|an|the)|located|registered|having|whose|for the|in respect|that|at|of the|of your|trading|t/a|together)\b|\.\s|\.$`)
	pronoun  = regexp.MustCompile(`(?i)^(?:we|us|it|they|this|that|which|who|you|he|she|each|any|every|such|all|both|either|neither|one|these|those)$`)
	ukPlace  = pattern.MustCompile(`(?i)\bregistered\b[^.]{0,60}\bin (?:England|Wales|Scotland|Northern Ireland)|\b(?:company|companies house) (?:registration )?(?:number|no\.?|reg(?:istration)?\.? no\.?)\s{0,3}:?\s{0,3}(?:SC|NI|OC)?\d{6,8}\b|Companies House|registered charity|charity (?:number|no\.?)\s{0,3}:?\s{0,3}\d`)
	// foreignForm: a legal form no UK company has.
	foreignForm = pattern.MustCompile(`\b(?:Inc\.?|LLC|L\.L\.C\.|Corp\.?|Corporation|GmbH|AG|B\.V\.|N\.V\.|S\.A\.S?\.?|SARL|S\.à r\.l\.|S\.p\.A\.|SpA|AB|A/S|ApS|Oy|ASA|Pty|K\.K\.|SAS|PBC)(?:\s|,|\.|$)`)
	// countryInName: "Thomson Reuters Canada Limited", "Example Ireland
	// Limited": a company named for a country other than the UK.
	countryInName = regexp.MustCompile(`\b(?:Ireland|Canada|Australia|Germany|France|Netherlands|Sweden|Luxembourg|Switzerland|Singapore|Japan|India|Spain|Italy|Belgium|Denmark|Norway|Finland|Austria|Poland|Israel|China|USA|America)\b`)
	// abroadPlace: a country other than the UK where an address ends.
	abroadPlace = regexp.MustCompile(`(?i),\s*(?:Ireland|Republic of Ireland|USA|U\.S\.A\.?|United States(?: of America)?|Germany|France|the Netherlands|Netherlands|Sweden|Luxembourg|Switzerland|Canada|Australia|Singapore|Japan|India|Spain|Italy|Belgium|Denmark|Norway|Finland|Austria|Poland|Israel|China|Hong Kong|Estonia|Cyprus|Malta|Portugal|Czech Republic)\b|\bDublin\b|\bD\d{2}\s?[A-Z0-9]{4}\b`)
)

func (r *factReader) controllers() {
	f := r.f
	var alias string
	for _, p := range r.n.ParasFor(weQuoted) {
		q := weQuoted.FindAllIndex(p.Scan, 1)
		if q == nil {
			continue
		}
		// The name stands at most 150 bytes before the quoted "we".
		lo := max(0, q[0][0]-150)
		for lo > 0 && !utf8.RuneStart(p.Text[lo]) {
			lo--
		}
		if m := weAlias.FindStringSubmatch(p.Text[lo:min(len(p.Text), q[0][1]+4)]); m != nil {
			alias = cleanName(m[1])
			break
		}
	}
	seen := map[string]bool{}
	add := func(p *Para, sent Span, name string) {
		name = cleanName(name)
		if pronoun.MatchString(name) || strings.EqualFold(name, "we") {
			name = ""
		}
		if name == "" && alias != "" {
			name = alias
		}
		key := strings.ToLower(name)
		if seen[key] {
			return
		}
		seen[key] = true
		c := Controller{Name: name, Span: Span{p.Start + sent.Start, p.Start + sent.End}}
		r.place(&c, p)
		f.Controllers = append(f.Controllers, c)
	}
	for _, p := range r.n.ParasFor(controllerWord) {
		if !controllerWord.Match(p.Scan) {
			continue
		}
		last := -1
		for _, cm := range controllerWord.FindAllIndex(p.Scan, -1) {
			s := r.sentenceAt(p, cm[0])
			if s.Start <= last {
				continue // a sentence naming "controller" twice
			}
			last = s.Start
			sent := p.Text[s.Start:s.End]
			at := cm[0] - s.Start
			// The name stands at most 240 bytes before "controller".
			head := sent[:min(len(sent), at+len("controllers")+4)]
			var names []string
			if m := controllerIs.FindStringSubmatch(head); m != nil {
				names = append(names, subjectName(m[1]))
				if t := strings.Index(strings.ToLower(sent), "together with "); t >= 0 {
					names = append(names, objectName(sent[t+len("together with "):])...)
				}
			} else if m := controllerAs.FindStringSubmatch(head); m != nil {
				names = append(names, subjectName(m[1]))
			} else if m := controllerOf.FindStringSubmatch(sent[max(0, at-12):min(len(sent), at+360)]); m != nil {
				names = append(names, objectName(m[1])...)
			}
			if len(names) == 0 || notOurController.MatchString(sent[max(0, at-80):min(len(sent), at+80)]) {
				continue
			}
			for _, name := range names {
				if name != "-" {
					add(p, s, name)
				}
			}
		}
	}
	r.own = map[string]bool{}
	words := func(s string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isNameRune(r) }) {
			r.own[w] = true
		}
	}
	words(r.n.Title)
	// The notice's own email domains name it too ("dpo@bbc.co.uk").
	for _, c := range r.n.Contacts {
		if c.Kind == Email {
			if host := c.Value[strings.IndexByte(c.Value, '@')+1:]; host != "" {
				labels := strings.Split(strings.ToLower(host), ".")
				k := len(labels) - 2 // "bbc" in bbc.com, bbc.co.uk
				if k > 0 && len(labels[k]) <= 3 && (labels[k] == "co" || labels[k] == "com" || labels[k] == "org" || labels[k] == "ac" || labels[k] == "gov" || labels[k] == "net") {
					k--
				}
				if k >= 0 && !mailProvider[labels[k]] {
					r.own[labels[k]] = true
				}
			}
		}
	}
	for i := range f.Controllers {
		words(f.Controllers[i].Name)
		if long := r.expand(f.Controllers[i].Name); long != "" {
			words(long)
		}
	}
}

// Sentences splits the para into sentences (para-relative spans), and a
// table into its rows: a row says one thing about one party.
func (p *Para) Sentences() []Span {
	if p.Block != nil && p.Block.Kind == Table {
		var out []Span
		start := 0
		for start < len(p.Text) {
			end := strings.IndexByte(p.Text[start:], '\n')
			if end < 0 {
				end = len(p.Text) - start
			}
			out = append(out, Span{start, start + end})
			start += end + 1
		}
		return out
	}
	return Sentences(p.Text)
}

func isNameRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r > 127
}

// subjectName takes the name from the words before "is the controller":
// the last clause ("For the purpose of data protection legislation, DfE"),
// or the first when an address follows it ("Guardian News & Media Limited,
// Kings Place, 90 York Way, London N1 9GU").
func subjectName(s string) string {
	parts := strings.Split(strings.TrimRight(s, ", \t"), ",")
	name := parts[len(parts)-1]
	for _, part := range parts[1:] {
		if strings.ContainsAny(part, "0123456789") {
			name = parts[0] // the name, then its address
			break
		}
	}
	name = strings.TrimSpace(name)
	// "This website is operated by X" and "the company X": the name is last.
	for _, lead := range []string{" by ", " company ", " organisation ", " organization "} {
		if i := strings.LastIndex(name, lead); i >= 0 {
			name = name[i+len(lead):]
		}
	}
	if words := strings.Fields(name); len(words) > 4 {
		// "This Privacy Policy explains how Chayn": the name is the run of
		// capitalised words (and their connectives) at the end.
		k := len(words)
		for k > 0 && (startsUpper(words[k-1]) || nameConnective[strings.ToLower(words[k-1])] && k < len(words)) {
			k--
		}
		for k < len(words) && nameConnective[strings.ToLower(words[k])] && !startsUpper(words[k]) {
			k++
		}
		if k == len(words) || len(words)-k > 10 {
			return "-"
		}
		name = strings.Join(words[k:], " ")
	}
	return name
}

var nameConnective = map[string]bool{"of": true, "and": true, "&": true, "for": true, "the": true, "de": true, "in": true}

func startsUpper(w string) bool {
	w = strings.TrimLeft(w, "*_\"“‘'([")
	return w != "" && (w[0] >= 'A' && w[0] <= 'Z' || w[0] >= '0' && w[0] <= '9')
}

// objectName takes the names written after "the controller is": up to an
// address or a clause, split at "and" for a group.
func objectName(s string) []string {
	if m := nameStop.FindStringIndex(s); m != nil {
		s = s[:m[0]]
	}
	var out []string
	for _, part := range nameAnd.Split(s, -1) {
		if len(strings.Fields(part)) > 10 || strings.TrimSpace(part) == "" {
			continue
		}
		out = append(out, part)
	}
	// "Guardian News & Media Limited" is one name.
	if len(out) > 1 && !organisationEnd.MatchString(out[0]) {
		return []string{strings.TrimSpace(s)}
	}
	return out
}

var (
	nameAnd = regexp.MustCompile(`\s+(?:and|&)\s+`)
	// organisationEnd: a name that ends as an organisation's does, so that
	// "A Ltd and B Ltd" is two names and "Guardian News & Media" one.
	organisationEnd = regexp.MustCompile(`(?i)\b(?:Ltd|Limited|plc|LLP|Inc|LLC|GmbH|AB|B\.V\.|Council|Trust|University)\W*$`)
)

var nameTrim = regexp.MustCompile(`^(?:\s|[*_"“”'‘’\[\]])+|(?:\s|[*_"“”'‘’\[\]])+$`)

func cleanName(s string) string {
	s = nameTrim.ReplaceAllString(s, "")
	s = strings.TrimPrefix(s, "The following ")
	for _, lead := range []string{"the ", "The "} {
		if strings.HasPrefix(s, lead) && len(strings.Fields(s)) == 2 && strings.ToLower(strings.Fields(s)[1]) == "controller" {
			return ""
		}
	}
	if strings.HasPrefix(strings.ToLower(s), "a ") || strings.HasPrefix(strings.ToLower(s), "an ") {
		return ""
	}
	return strings.Join(strings.Fields(s), " ")
}

// expand returns the long form of an acronym the notice defines ("DfE" ->
// "Department for Education"), or "".
func (r *factReader) expand(name string) string {
	if len(name) > 8 || strings.ContainsRune(name, ' ') || name == "" {
		return ""
	}
	for _, p := range r.n.Paras() {
		if strings.Contains(p.Text, "("+name+")") {
			for _, m := range acronymDef.FindAllStringSubmatch(p.Text, -1) {
				if m[2] == name {
					return m[1]
				}
			}
		}
		// "DfE (Department for Education)"
		if i := strings.Index(p.Text, name+" ("); i >= 0 {
			rest := p.Text[i+len(name)+2:]
			if j := strings.IndexByte(rest, ')'); j > 3 && j < 80 && startsUpper(rest) {
				return rest[:j]
			}
		}
	}
	return ""
}

// place reads where a controller is established: a legal form in its name
// that no UK company has places it abroad; otherwise the statement's para
// decides, or the next two paras of its section when that para is a short
// line ("Data controller: X", then its registered office). A UK postcode or
// registration there places it in the UK; a foreign country or US address,
// abroad.
func (r *factReader) place(c *Controller, p *Para) {
	if foreignForm.MatchString(c.Name) || countryInName.MatchString(c.Name) {
		c.Abroad, c.Where = true, c.Span
		return
	}
	paras := []*Para{p}
	if len(p.Text) < 200 {
		all := r.n.Paras()
		i := sort.Search(len(all), func(i int) bool { return all[i].Start >= p.Start })
		for j := i + 1; j < len(all) && j <= i+2 && all[j].Section == p.Section; j++ {
			if controllerWord.Match(all[j].Scan) || representative.Match(all[j].Scan) {
				break
			}
			paras = append(paras, all[j])
		}
	}
	// The statement's sentence and what follows it, up to 500 bytes a
	// para: an address follows its name.
	window := func(k int, q *Para) (int, string) {
		lo := 0
		if k == 0 {
			lo = r.sentenceAt(q, c.Span.Start-q.Start).Start
		}
		return lo, q.Text[lo:min(len(q.Text), lo+500)]
	}
	for k, q := range paras {
		lo, text := window(k, q)
		for _, m := range ukPlace.FindAllIndex(q.Scan, -1) {
			if m[0] < lo || m[1] > lo+len(text) {
				continue
			}
			// "registered in Ireland with company number 306035"
			if sent := r.sentenceAt(q, m[0]); !registeredAbroad(q.Text[sent.Start:sent.End]) {
				c.UK, c.Where = true, q.span(m)
				return
			}
		}
		for _, ct := range r.contacts[q] {
			if ct.Kind == Postcode && ct.Span.Start-q.Start >= lo && ct.Span.End-q.Start <= lo+len(text) {
				c.UK, c.Where = true, ct.Span
				return
			}
		}
	}
	for k, q := range paras {
		lo, text := window(k, q)
		if m := abroadPlace.FindStringIndex(text); m != nil {
			c.Abroad, c.Where = true, Span{q.Start + lo + m[0], q.Start + lo + m[1]}
			return
		}
		for _, ct := range r.contacts[q] {
			if ct.Kind == Address && ct.Span.Start-q.Start >= lo && ct.Span.End-q.Start <= lo+len(text) {
				c.Abroad, c.Where = true, ct.Span
				return
			}
		}
	}
}

// --- The DPO -----------------------------------------------------------------

var (
	// dpoName: the DPO by its own title, in any of the forms notices use.
	dpoName = pattern.MustCompile(`(?i:\bdata[\s\x{00A0}]{1,5}(?:protection|privacy)[\s\x{00A0}]{1,5}officer)|\bM?DPOs?\b`)
	// dpoOtherTitle: roles that are the DPO when the notice gives them the
	// DPO's function (the contact for data protection questions and rights
	// requests).
	dpoOtherTitle = pattern.MustCompile(`(?i)\bdata protection (?:lead|manager|co-?ordinator)\b|\binformation governance (?:manager|lead|officer)\b|\bhead of information governance\b`)
	dpoFunction   = regexp.MustCompile(`(?i)\b(?:contact\w*|e-?mail\w*|writ\w+|questions?|quer(?:y|ies)|concerns?|complain\w*|requests?|exercis\w+|rights?|responsible|oversee\w*|oversight|advi[cs]e\w*|monitor\w*)\b`)
	// noDPO: the notice says there is no DPO. ("n't" has no word boundary
	// before it: "don't", "haven’t"; it must govern the verb, within two
	// words: "don't hesitate ... if you have questions for our DPO" is a
	// DPO.)
	noDPO = pattern.MustCompile(`(?i)(?:\b(?:not|never|no need to)\b[^.;]{0,40}|n['’]t\b(?:[\s\x{00A0}]{1,3}[\w-]{1,20}){0,2}[\s\x{00A0}]{1,3})\b(?:appoint|designat|have|need)\w{0,20}\s(?:[^.;]{0,30}\s)?(?:a\s{1,20})?(?:formal\s{1,20}|statutory\s{1,20}|designated\s{1,20})?(?:data protection officer|DPO)\b|\b(?:have|has|is|there is) no (?:formal |statutory |designated )?(?:data protection officer|DPO)\b|\b(?:data protection officer|DPO)\b[^.;]{0,40}\b(?:not (?:been )?(?:appointed|required|needed|mandatory))`)
	// otherOrg names an organisation other than the controller, whose DPO
	// or address a sentence may give.
	otherOrg = regexp.MustCompile(`(?i)\b(?:processors?|sub-?processors?|parent compan(?:y|ies)|group compan(?:y|ies)|subsidiar(?:y|ies)|affiliates?|sister compan(?:y|ies)|partners?|suppliers?|vendors?|service providers?|another organi[sz]ation|other organi[sz]ations|third[- ]part(?:y|ies)|recipients?|the school|your (?:school|employer|council|GP|bank)|the client|clients?|the customer)\b[^.;]{0,40}$`)
	// genericTitleWord: words that may stand before "Data Protection
	// Officer" in the notice's own DPO's title.
	genericTitleWord = map[string]bool{"group": true, "company": true, "departmental": true, "mandatory": true, "external": true,
		"designated": true, "statutory": true, "deputy": true, "named": true, "appointed": true, "independent": true,
		"outsourced": true, "interim": true, "acting": true, "chief": true, "global": true, "european": true, "uk": true,
		"eu": true, "our": true, "the": true, "a": true, "an": true, "its": true, "your": true, "my": true, "this": true,
		"corporate": true, "senior": true, "lead": true, "trust": true, "council": true, "school": true, "university": true,
		"college": true, "academy": true, "charity": true, "association": true, "organisation": true, "organization": true,
		"practice": true, "firm": true, "office": true, "hq": true, "headquarters": true, "contact": true, "team": true, "email": true, "address": true, "name": true, "details": true, "society": true, "club": true, "foundation": true, "federation": true, "board": true}
)

func (r *factReader) dpo() {
	d := &r.f.DPO
	d.Sections, d.After, d.mentioned = map[*Section]bool{}, map[*Para]bool{}, map[*Para]bool{}
	r.n.Walk(func(s *Section) {
		if dpoName.Match(s.TitleScan) || dpoOtherTitle.Match(s.TitleScan) {
			d.Sections[s] = true
		}
	})
	var notAppointed Span
	mentionIn := func(p *Para) (Span, string, bool) {
		for _, re := range []*pattern.Pattern{dpoName, dpoOtherTitle} {
			if !re.MayMatch(p.Scan) {
				continue
			}
			for _, m := range re.FindAllIndex(p.Scan, -1) {
				if r.inLink(p, m[0], m[1]) {
					continue
				}
				sent := r.sentenceAt(p, m[0])
				if noDPO.MatchString(p.Text[sent.Start:sent.End]) {
					if notAppointed.Len() == 0 {
						notAppointed = p.span(m)
					}
					continue
				}
				if re == dpoOtherTitle && !dpoFunction.MatchString(p.Text) {
					continue
				}
				if r.othersOfficer(p, sent, m) {
					continue
				}
				return p.span(m), p.Text[m[0]:m[1]], true
			}
		}
		return Span{}, "", false
	}
	paras := r.n.Paras()
	i := 0 // p's place in paras: both lists are in document order
	for _, p := range r.n.Paras() {
		if !dpoName.MayMatch(p.Scan) && !dpoOtherTitle.MayMatch(p.Scan) {
			i++
			continue
		}
		sp, title, ok := mentionIn(p)
		if ok {
			d.Mentions = append(d.Mentions, Mention{Para: p, Span: sp})
			d.mentioned[p] = true
			if d.Title == "" {
				d.Title = title
				d.Status, d.Evidence = DPODeclared, Evidence{Span: sp}
			}
			if p.Section != nil && p.Section.Kind == Clause {
				d.Sections[p.Section] = true
			}
			if i+1 < len(paras) && strings.HasSuffix(strings.TrimRight(p.Text, "*_ \t\n"), ":") {
				next := paras[i+1]
				for j := i + 1; j < len(paras) && (paras[j] == next || (next.Item != nil && paras[j].Block == next.Block)); j++ {
					d.After[paras[j]] = true
				}
			}
		}
		i++
	}
	// A list that a para naming the DPO introduces, colon or not ("speak
	// to our DPO." then "* by email", "* by post"), gives the DPO's details.
	for _, p := range paras {
		if p.Item != nil && p.Block.Intro != nil && d.mentioned[p.Block.Intro] {
			d.After[p] = true
		}
	}
	if d.Status == DPOUnnamed && notAppointed.Len() > 0 {
		d.Status, d.Evidence = DPONotAppointed, Evidence{Span: notAppointed}
	}
}

// othersOfficer reports whether the DPO title at m (para-relative, in
// sentence sent of p) is another organisation's officer: a processor's, a
// partner's ("the DPO of our parent company"), or one named for an
// organisation the notice does not name as its own ("the BBC Studios Data
// Protection Officer").
func (r *factReader) othersOfficer(p *Para, sent Span, m []int) bool {
	before := p.Text[sent.Start:m[0]]
	if theirTitle.MatchString(tail(before, 40)) {
		return true // "contact ADYEN directly ... their data protection officer"
	}
	// otherOrg ends at the title: only its last 60 bytes can match, and a
	// regexp anchored at the end still reads from the start.
	if otherOrg.MatchString(tail(before, 60)) {
		return true
	}
	// "appeal to a supervisory authority, such as the telecoms regulator,
	// or to the Data Protection Officer": an authority, offered beside the
	// regulators.
	if authorityBefore.MatchString(before) {
		return true
	}
	after := p.Text[m[1]:sent.End]
	if om := officerOf.FindStringIndex(after); om != nil && otherOrgAfter.MatchString(after[om[1]:]) {
		return true
	}
	// A proper name just before the title: every word must be the
	// notice's own or a word any DPO's title may carry.
	if len(r.own) == 0 {
		return false
	}
	for _, w := range nameBefore(before) {
		if !r.ownWord(w) {
			return true
		}
	}
	return false
}

// ownWord reports whether w is a word of the notice's own names, or one
// typing slip from one ("AuityAds" for AcuityAds).
func (r *factReader) ownWord(w string) bool {
	if r.own[w] {
		return true
	}
	if len(w) < 5 {
		return false
	}
	for o := range r.own {
		if len(o) >= 5 && oneEdit(w, o) {
			return true
		}
	}
	return false
}

// oneEdit reports whether a and b differ by one byte changed, added or
// dropped.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i < len(a) && a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

// nameBefore returns the words of the proper name that ends before (up to
// two capitalised words, lower-cased, possessives dropped), leaving out
// the words any DPO's title may carry: "Avios" in "Avios Data Protection
// Officer", nothing in "The Group's DPO".
func nameBefore(before string) []string {
	words := strings.Fields(before)
	var name []string
	for k := len(words) - 1; k >= 0 && len(words)-k <= 2; k-- {
		w := strings.Trim(words[k], "*_\"“”‘()[]")
		if w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ContainsAny(w, ",;:.") {
			break
		}
		lw := strings.ToLower(w)
		for _, suffix := range []string{"'s", "’s", "s'", "s’", "'", "’"} {
			lw = strings.TrimSuffix(lw, suffix)
		}
		if !genericTitleWord[lw] && !genericTitleWord[strings.TrimSuffix(lw, "s")] {
			name = append(name, lw)
		}
	}
	return name
}

var (
	authorityBefore = regexp.MustCompile(`(?i)\b(?:supervis\w*|regulatory|data protection|competent)\s+authorit(?:y|ies)\b[^.;]{0,120}\bor (?:to )?(?:the )?$`)
	theirTitle      = regexp.MustCompile(`(?i)\btheir\s+(?:own\s+|appointed\s+|designated\s+)?$`)
	officerOf       = regexp.MustCompile(`(?i)^\s*(?:of|for|at)\s+(?:the\s+|our\s+|its\s+|their\s+|each\s+|any\s+|a\s+|an\s+)?`)
	otherOrgAfter   = regexp.MustCompile(`(?i)^(?:processors?|sub-?processors?|partners?|suppliers?|vendors?|service providers?|parent|subsidiar|affiliate|recipients?|group compan|sister compan|another organi[sz]ation)`)
)

// --- Whose contact details -----------------------------------------------------

var (
	// stateLaw: a US state's privacy law, or a state's residents.
	stateLaw   = pattern.MustCompile(`(?i)\bCalifornia\b|\bCCPA\b|\bCPRA\b|\bNevada\b|\bVirginia\b|\bColorado\b|\bConnecticut\b|\bUtah\b|\bOregon\b|\bTexas\b|\bMontana\b|\bU\.?S\.? state\b|\bstate privacy laws?\b|\bShine the Light\b`)
	stateInbox = regexp.MustCompile(`(?i)ccpa|cpra|california`)
	// representative: a representative under Article 27, not "your legal
	// representative" or "representatives of our customer base".
	representative = pattern.MustCompile(`(?i)\b(?:UK|EU|EEA|European|Swiss|data protection|GDPR|privacy|appointed|designated|our|its) representatives?\b|\brepresentatives? (?:in|for|within) (?:the )?(?:UK|EU|EEA|European Union|United Kingdom|Union)\b|\brepresentatives? under\b|\brepresentatives? (?:have|has) been (?:appointed|designated)|\b(?:appoint|designate)(?:d|s)? (?:a |an |the |its |our )?(?:legal |EU |UK |EEA )?representatives?\b|\bRepresentative Information\b|Art(?:icle|\.)? ?27\b`)
	regulatorName  = regexp.MustCompile(`(?i)\bICO\b|Information Commissioner|supervisory authorit|data protection (?:authority|commission)|\bCNIL\b|\bFDPIC\b|Ombudsman|Commissioner`)
	teamName       = regexp.MustCompile(`(?i)\b(?:customer (?:services?|care|team|support|service team)|(?:complaints?|privacy|support|legal|data protection|compliance|information governance|help ?desk|security|membership|HR|people) (?:team|office|department|unit|desk)|helpdesk|help desk|support centre)`)
	// partyCue names a party; its groups say which: the DPO, a
	// representative, a regulator, a team, another organisation.
	partyCue = pattern.MustCompile(`(?i)((?:\bdata[\s\x{00A0}]{1,5}(?:protection|privacy)[\s\x{00A0}]{1,5}officer|\bM?DPOs?\b))|(\b(?:UK|EU|EEA|European|Swiss|data protection|GDPR|privacy|appointed|designated|our|its) representatives?\b|\brepresentatives? (?:in|for|within) (?:the )?(?:UK|EU|EEA|European Union|United Kingdom|Union)\b|\brepresentatives? under\b|Art(?:icle|\.)? ?27\b)|(\bICO\b|Information Commissioner|supervisory authorit|data protection (?:authority|commission)|\bCNIL\b|Ombudsman)|(\bcustomer (?:services?|care|team|support)|\b(?:complaints?|privacy|support|legal|data protection|compliance|help ?desk|security) (?:team|office|department|unit|desk))|(\b(?:processors?|parent compan(?:y|ies)|group compan(?:y|ies)|subsidiar(?:y|ies)|affiliates?|partners?|suppliers?|vendors?|service providers?|recipients?)\b)`)
	dpoInCue = regexp.MustCompile(`(?i)\bdata[\s\x{00A0}]{1,5}(?:protection|privacy)[\s\x{00A0}]{1,5}officer|\bM?DPOs?\b`)
)

// parties decides whose each contact detail is. The nearest party the
// contact's sentence (or table row) names before it decides; failing that,
// a US state's law named in its para, its list's introduction or its
// section's title makes it that state's request inbox; failing that, a
// contact where everything speaks for the DPO is the DPO's.
func (r *factReader) parties() {
	d := &r.f.DPO
	for _, c := range r.n.Contacts {
		// Whose a contact is decides something where the DPO's details
		// belong, and for the postal addresses that place the controller;
		// elsewhere it is left as ours.
		if c.Kind != Postcode && c.Kind != Address && !d.Covers(c.Para) {
			continue
		}
		c.Party = r.party(c, d)
		if c.Party == OurDPO {
			c.Of = r.officersName(c)
		}
	}
}

// officersName returns whose DPO a contact is when the sentence names the
// organisation with the title ("Avios Data Protection Officer" in a notice
// with two controllers), or "".
func (r *factReader) officersName(c *Contact) string {
	p := c.Para
	sent := r.sentenceAt(p, c.Span.Start-p.Start)
	ms := dpoInCue.FindAllStringIndex(p.Text[sent.Start:c.Span.Start-p.Start], -1)
	if len(ms) == 0 {
		return ""
	}
	words := nameBefore(p.Text[sent.Start : sent.Start+ms[len(ms)-1][0]])
	slices.Reverse(words)
	return strings.Join(words, " ")
}

func (r *factReader) party(c *Contact, d *DPO) Party {
	p := c.Para
	off := c.Span.Start - p.Start
	sent := r.sentenceAt(p, off)
	if c.Kind == Email && stateInbox.MatchString(c.Value[:strings.IndexByte(c.Value+"@", '@')]) {
		return StateInbox
	}
	if m := r.lastCue(p, sent.Start, off); m != nil {
		return r.cueParty(p, sent, m)
	}
	// An address block's later lines ("Tel: 0303 123 1113") belong to
	// whom its first lines or its introduction name; a paragraph of prose
	// under a title line ("Data Protection Authority") is not such a line.
	if prev := r.blockBefore(p); prev != nil && (len(p.Text) < 200 || strings.HasSuffix(strings.TrimRight(prev.Text, "*_ \t\n"), ":")) {
		if m := r.lastCue(prev, 0, len(prev.Text)); m != nil {
			return r.cueParty(prev, r.sentenceAt(prev, m[0]), m)
		}
	}
	if r.stateContext(p) {
		return StateInbox
	}
	whole := p.Text[sent.Start:sent.End]
	others := strings.Count(whole, "@") - 1
	if c.Link != nil {
		others-- // "[dpo@x](mailto:dpo@x)" gives one address
	}
	if others > 0 {
		return Ours
	}
	if d.mentioned[p] && dpoInCue.MatchString(whole) {
		return OurDPO
	}
	if d.SpeaksFor(p) {
		switch {
		case representative.MatchString(whole) || (p.Block != nil && p.Block.Intro != nil && representative.Match(p.Block.Intro.Scan)):
			return Representative
		case regulatorName.MatchString(whole):
			return Regulator
		case teamName.MatchString(whole):
			return Team
		}
		return OurDPO
	}
	if p.Section != nil && representative.Match(p.Section.TitleScan) {
		return Representative
	}
	return Ours
}

// cueParty says whose a contact is that follows the party cue at m (a
// para-relative span in sentence sent of p).
func (r *factReader) cueParty(p *Para, sent Span, cue []int) Party {
	m := Span{cue[0], cue[1]}
	switch cueKind(cue) {
	case 0:
		switch {
		case r.stateContext(p):
			return StateInbox
		case noDPO.MatchString(p.Text[sent.Start:sent.End]):
			return Ours // "we have not appointed a DPO; email privacy@..."
		case r.othersOfficer(p, sent, []int{m.Start, m.End}):
			return Other
		}
		return OurDPO
	case 1:
		return Representative
	case 2:
		return Regulator
	case 4:
		return Other
	}
	return Team
}

// cueKind says which of partyCue's groups the cue m (as lastCue returns
// it) matched.
func cueKind(m []int) int {
	for g := 1; 2*g+1 < len(m); g++ {
		if m[2*g] >= 0 {
			return g - 1
		}
	}
	return 3
}

// blockBefore returns the para before p in its section when p continues an
// address block: that para ends with a colon ("write to them at:") or is a
// short run of lines with no full stop (the block's first lines).
func (r *factReader) blockBefore(p *Para) *Para {
	paras := r.n.Paras()
	i := sort.Search(len(paras), func(i int) bool { return paras[i].Start >= p.Start })
	if i == 0 || i >= len(paras) || paras[i-1].Section != p.Section {
		return nil
	}
	prev := paras[i-1]
	t := strings.TrimRight(prev.Text, "*_ \t\n")
	if strings.HasSuffix(t, ":") || len(t) < 200 && !strings.Contains(t, ". ") && !strings.HasSuffix(t, ".") {
		return prev
	}
	return nil
}

// lastCue returns the last party cue of p in [lo, hi), looking back at
// most 300 bytes from hi, with partyCue's groups (para-relative), or nil.
// A short para's cues are found once; in a long one only the stretch
// before the contact is read.
func (r *factReader) lastCue(p *Para, lo, hi int) []int {
	var ms [][]int
	from := 0
	if len(p.Text) <= 1000 {
		var ok bool
		if ms, ok = r.cues[p]; !ok {
			ms = partyCue.FindAllSubmatchIndex(p.Scan, -1)
			r.cues[p] = ms
		}
	} else {
		from = max(lo, hi-300)
		for from > lo && !utf8.RuneStart(p.Text[from]) {
			from++
		}
		ms = partyCue.FindAllSubmatchIndex(pattern.Index(p.Text[from:hi]), -1)
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m[0]+from >= lo && m[1]+from <= hi {
			out := make([]int, len(m))
			for i, v := range m {
				out[i] = v
				if v >= 0 {
					out[i] = v + from
				}
			}
			return out
		}
	}
	return nil
}

// stateContext reports whether p is about a US state's privacy law: it says
// so, its list's introduction does, or its section's title does.
func (r *factReader) stateContext(p *Para) bool {
	v, ok := r.state[p]
	if ok {
		return v
	}
	v = stateLaw.Match(p.Scan) || p.Block != nil && p.Block.Intro != nil && stateLaw.Match(p.Block.Intro.Scan)
	for s := p.Section; s != nil && !v; s = s.Parent {
		t, ok := r.stateTitle[s]
		if !ok {
			t = stateLaw.Match(s.TitleScan)
			r.stateTitle[s] = t
		}
		v = t
	}
	r.state[p] = v
	return v
}

// --- Establishment -------------------------------------------------------------

var (
	ukRegistered = pattern.MustCompile(`(?i)registered\b[^.]{0,60}\bin (?:England|Wales|Scotland|Northern Ireland)|(?:company|companies house) (?:registration )?(?:number|no\.?|reg(?:istration)?\.? no\.?)\s{0,3}:?\s{0,3}(?:SC|NI|OC)?\d{6,8}\b|Companies House|registered charity|charity (?:number|no\.?)\s{0,3}:?\s{0,3}\d|Information Commissioner'?s Office.{0,40}(?:fee|register)|registered (?:with|as a data controller with) the (?:ICO|Information Commissioner)|Charity Commission`)
	// icoNumberGiven: an ICO registration number, evidence of a controller
	// on the UK's register where the words before it say so (see
	// registeredBefore).
	icoNumberGiven   = pattern.MustCompile(`\bZ[A-Z]?\d{5,8}\b`)
	registeredBefore = regexp.MustCompile(`(?i)\b(?:ICO|Information Commissioner|registration|registered|notification)\b`)
	frameworkPanel   = regexp.MustCompile(`(?i)\bDPF\b|Data Privacy Framework|Privacy Shield|\bpanel\b`)
	// ukBody names an organisation's legal form, or a kind of UK public
	// body; beside a UK postcode it places the organisation in the UK.
	ukBody = regexp.MustCompile(`\b(?:Limited|Ltd\.?|LTD|PLC|plc|LLP|CIC|Council|NHS|Trust|University|College|Academy|School|Association|Society|Charity|Partnership)\b`)
	// icoName and foreignAuthority: a notice whose only regulator is the
	// ICO is a UK organisation's; one that also sends readers to an EU
	// authority is usually a foreign controller's, covering the UK too.
	icoName          = pattern.MustCompile(`Information Commissioner|\bICO\b`)
	foreignAuthority = pattern.MustCompile(`(?i)Data Protection Commission|\bCNIL\b|lead supervisory authority|supervisory authorit(?:y|ies) (?:in|of) (?:your|the) (?:country|member state|EU|EEA|European)|member state|\bBfDI\b|Datenschutz|AEPD|Garante|\bFDPIC\b|Federal Data Protection and Information Commissioner|European Data Protection (?:Authorities|Board)|\bEDPB\b|EU data protection authorities|\bDPAs\b`)
)

// registeredIn finds where a sentence says a company is registered:
// "registered in Ireland with company number 306035", "incorporated under
// the laws of the Netherlands". Country names are capitalised, so the
// place is read case-sensitively.
var registeredIn = regexp.MustCompile(`\b(?:[Rr]egistered|[Ii]ncorporated)\b[^.]{0,40}?\b(?:in|under the laws of) (?:the )?(UK|[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)?)`)

// registeredAbroad reports whether a sentence registers its company
// somewhere other than the UK, so that a company number in it is not a
// UK company's: Ireland, Jersey and many others number their companies too.
func registeredAbroad(sentence string) bool {
	abroad := false
	for _, m := range registeredIn.FindAllStringSubmatch(sentence, -1) {
		switch m[1] {
		case "England", "Wales", "Scotland", "Northern Ireland", "England and Wales", "United Kingdom", "UK", "Great Britain", "Britain":
			return false
		default:
			abroad = true
		}
	}
	return abroad
}

// establishment decides whether the controller is established in the UK:
// a controller statement that places it here; a sentence only a UK
// organisation writes of itself (registered in England and Wales, a company
// or charity number, on the ICO's register); a legal form beside a UK
// postcode that is not a representative's, a DPO's, the ICO's or another
// organisation's; a UK public authority; or, for the public bodies and small
// firms that say none of these, the ICO as the only regulator named, when no
// controller is placed abroad and no representative is mentioned.
func (r *factReader) establishment() {
	f := r.f
	abroad := false
	for _, c := range f.Controllers {
		if c.UK {
			f.UKEstablished = yes(c.Where)
			return
		}
		abroad = abroad || c.Abroad
	}
	for _, p := range r.n.ParasFor(ukRegistered) {
		for _, m := range ukRegistered.FindAllIndex(p.Scan, -1) {
			sent := r.sentenceAt(p, m[0])
			text := p.Text[sent.Start:sent.End]
			if representative.MatchString(text) || r.othersText(p, text) || registeredAbroad(text) {
				continue
			}
			f.UKEstablished = yes(p.span(m))
			return
		}
	}
	var given Span
	r.each(icoNumberGiven, func(p *Para, m []int) bool {
		if registeredBefore.MatchString(p.Text[max(0, m[0]-100):m[0]]) {
			given = p.span(m)
			return true
		}
		return false
	})
	if given.Len() > 0 {
		f.UKEstablished = yes(given)
		return
	}
	for _, c := range r.n.Contacts {
		if c.Kind != Postcode || c.Party != Ours {
			continue
		}
		p := c.Para
		if representative.Match(p.Scan) || icoName.Match(p.Scan) || r.f.DPO.mentioned[p] ||
			(p.Section != nil && representative.Match(p.Section.TitleScan)) || r.introducedAsOthers(p) || r.representsOthers(p) {
			continue
		}
		off := c.Span.Start - p.Start
		before := p.Text[max(0, off-160):off]
		if prev := r.blockBefore(p); prev != nil && off < 160 && !representative.Match(prev.Scan) && !r.f.DPO.mentioned[prev] {
			before = prev.Text[max(0, len(prev.Text)-160):] + "\n" + before // the block's first line names whose it is
		}
		if ukBody.MatchString(before) {
			f.UKEstablished = yes(c.Span)
			return
		}
	}
	if f.PublicAuthority.Holds && f.Scope&UKGDPR != 0 && !abroad {
		f.UKEstablished = f.PublicAuthority
		return
	}
	var at Span
	r.each(icoName, func(p *Para, m []int) bool {
		// The ICO as the Data Privacy Framework's panel is a US company's
		// commitment, not a UK controller's regulator.
		sent := r.sentenceAt(p, m[0])
		if isUKCommissioner(p.Text, m) && !frameworkPanel.MatchString(p.Text[sent.Start:sent.End]) {
			at = p.span(m)
			return true
		}
		return false
	})
	if at.Len() == 0 || abroad || r.abroadSigns() || r.represented() || r.anyMatch(foreignAuthority) {
		return
	}
	f.UKEstablished = yes(at)
}

// abroadSigns reports whether the notice places its own organisation
// outside the UK: its own postal addresses are foreign (a US city, state and
// ZIP, a post office box) and none is a UK postcode, or it names itself with
// a legal form no UK company has ("GitHub, Inc.", "Acme LLC") in its title
// or first paragraphs.
func (r *factReader) abroadSigns() bool {
	if foreignForm.MatchString(r.n.Title) {
		return true
	}
	foreign, uk := false, false
	for _, c := range r.n.Contacts {
		if c.Party != Ours {
			continue
		}
		foreign = foreign || c.Kind == Address
		uk = uk || c.Kind == Postcode
	}
	if foreign && !uk {
		return true
	}
	for i, p := range r.n.Paras() {
		if i >= 5 {
			break
		}
		for _, m := range foreignForm.FindAllIndex(p.Scan, -1) {
			s := r.sentenceAt(p, m[0])
			if firstPer.MatchString(p.Text[s.Start:s.End]) && startsUpper(lastWord(p.Text[s.Start:m[0]])) {
				return true
			}
		}
	}
	return false
}

// tail returns at most the last n bytes of s, from a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// lastWord returns the last word of s, punctuation after it dropped.
func lastWord(s string) string {
	f := strings.Fields(strings.TrimRight(s, ", "))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// othersText reports whether a sentence of p is about another
// organisation: a processor, a partner, the DPO's firm.
func (r *factReader) othersText(p *Para, text string) bool {
	return r.f.DPO.mentioned[p] && dpoInCue.MatchString(text) || othersSentence.MatchString(text)
}

var othersSentence = regexp.MustCompile(`(?i)\b(?:processors?|our partners?|suppliers?|service providers?|dpo service|outsourced)\b`)

// introducedAsOthers reports whether p is an address block introduced as a
// representative's or the DPO's: the para before it (or before its name
// line) ends "... our representative is:" or "contact our DPO at:".
func (r *factReader) introducedAsOthers(p *Para) bool {
	paras := r.n.Paras()
	i := sort.Search(len(paras), func(i int) bool { return paras[i].Start >= p.Start })
	if i == 0 || i >= len(paras) {
		return false
	}
	prev := paras[i-1]
	if r.f.DPO.After[p] {
		return true
	}
	intro := func(q *Para) bool {
		return strings.HasSuffix(strings.TrimRight(q.Text, "*_ \t\n"), ":") && (representative.Match(q.Scan) || r.f.DPO.mentioned[q])
	}
	// The block may start with a name line ("**Example UK Ltd**") after
	// its introduction.
	return intro(prev) || i >= 2 && len(prev.Text) < 100 && intro(paras[i-2])
}

// anyMatch reports whether the text, links aside, holds a match of re.
func (r *factReader) anyMatch(re *pattern.Pattern) bool {
	found := false
	r.each(re, func(*Para, []int) bool {
		found = true
		return true
	})
	return found
}

var (
	// cookieName is a cookie policy's name for itself, in its title or
	// first heading ("Cookie Policy", "Cookies Notice") or in its text
	// ("This Cookie Policy explains ...").
	// A title may name other technologies too ("Ads, Cookies & Tracking
	// Technologies Policy").
	// A title may also name only the technologies, when it opens with
	// them ("Use of Cookies and Trackers", "Cookies and similar
	// technologies"), and the text may call the policy a document ("this
	// Use of Cookies document").
	cookieName     = regexp.MustCompile(`(?i)\bcook(?:ie|ies)\b[^.\n]{0,40}\b(?:policy|notice|statement)\b|^\W*(?:(?:the )?use of |how we use |about )?cookies?\b(?:[\s,]{1,3}(?:and|&)?[\s]{0,3}(?:other |similar )?(?:[\w-]{1,20} )?(?:trackers|tracking technolog(?:y|ies)|technolog(?:y|ies)))?\W*$`)
	thisCookieName = pattern.MustCompile(`(?i)\bthis (?:use of )?cook(?:ie|ies)[\s-]{1,20}(?:policy|notice|statement|document)\b`)
	// privacyElsewhere names the organisation's privacy notice as another
	// document ("our Privacy Policy", "the Acme Privacy Statement");
	// privacySelf names the notice itself one.
	// "The Privacy Policy" is the organisation's when it has capitals:
	// "the respective privacy policy" is a third party's. The name may be
	// a web domain ("the Example.com Privacy Policy"), and "Data Policy"
	// is a privacy notice's name too ("the Data Policy will apply").
	privacyElsewhere = pattern.MustCompile(`(?i:\bour[\s\x{00A0}]{1,20}[\[*_]{0,6}(?:[\w-]{1,40}[\s\x{00A0}]{1,20}){0,2}privacy[\s\x{00A0}*_]{1,20}(?:policy|notice|statement))\b|\b(?:[Tt]he|[Ii]ts)[\s\x{00A0}]{1,20}[\[*_]{0,6}(?:[A-Z][\w.-]{0,40}[\s\x{00A0}]{1,20}){0,2}(?:Privacy|PRIVACY|Data|DATA)[\s\x{00A0}*_]{1,20}(?:Policy|Notice|Statement|POLICY|NOTICE|STATEMENT)\b`)
	privacySelf      = pattern.MustCompile(`(?i)\bthis\s{1,20}(?:privacy|data protection)\s{1,20}(?:policy|notice|statement)\b`)
)

// openingParas is how many paras open a notice, where it says what it is.
const openingParas = 3

// supplement reads whether the notice is a cookie policy beside a privacy
// notice: it names itself a cookie policy, names the privacy notice as
// another document, and never names itself one.
//
// The name must be the notice's own: its title or first heading (not a
// "Privacy and Cookies Policy"), or its opening paragraphs; a page of
// several policies names a cookie policy further down.
func (r *factReader) supplement() {
	titles := []string{r.n.Title}
	if len(r.n.Sections) > 0 {
		titles = append(titles, r.n.Sections[0].Title)
	}
	named := false
	for _, t := range titles {
		if strings.Contains(strings.ToLower(t), "privacy") {
			return // a privacy notice, cookies and all
		}
		named = named || cookieName.MatchString(t)
	}
	for i, p := range r.n.Paras() {
		if named || i >= openingParas {
			break
		}
		named = thisCookieName.Match(p.Scan)
	}
	if !named || r.anyMatch(privacySelf) {
		return
	}
	// The reference is as often a link as not ("see our [Privacy
	// Policy](...)"): links are read too.
	for _, p := range r.n.ParasFor(privacyElsewhere) {
		if m := privacyElsewhere.FindIndex(p.Scan); m != nil {
			r.f.Supplement = yes(p.span(m))
			return
		}
	}
}

// represented reports whether the notice speaks of a representative, in a
// para or in the title of a section that has paras.
func (r *factReader) represented() bool {
	if r.anyMatch(representative) {
		return true
	}
	var last *Section
	for _, p := range r.n.Paras() {
		if p.Section != nil && p.Section != last {
			last = p.Section
			if representative.Match(last.TitleScan) {
				return true
			}
		}
	}
	return false
}

// --- Public authority --------------------------------------------------------

var (
	// publicBodyName: words in an organisation's name that make it a UK
	// public body.
	publicBodyName = regexp.MustCompile(`\b(?:Council|NHS|Clinical Commissioning Group|Integrated Care Board|Health Board|Academy Trust|Academies Trust|Learning Trust|School|Academy|University|College|Department (?:for|of)|Ministry of|HM (?:Revenue|Treasury|Courts|Land Registry|Prison|Passport)|Home Office|Cabinet Office|Executive Agency|Police|Constabulary|Fire and Rescue|Local Authority|Public Health|Government|Ofsted|Ofcom|Ofgem|Ofwat|Regulation Agency|Borough|County Council|City Council)\b`)
	companyForm    = regexp.MustCompile(`(?i)\b(?:Ltd|Limited|plc|LLP|Inc|LLC|GmbH|CIC|Corp|Corporation|Pty|B\.V\.|AB)\b`)
	// publicSelf: the notice says the controller is a public body.
	publicSelf = pattern.MustCompile(`(?i)\b(?:we are|we're|as) (?:a |an |the )?(?:[\w-]{1,40} ){0,3}?(?:public (?:authority|body|sector (?:body|organisation|organization))|local (?:authority|council)|government department|executive agency|non-departmental public body|NHS (?:trust|body|organisation|foundation trust)|academy trust|maintained school|(?:primary|secondary|state) school)\b`)
	// runBy: "This service is run by the Teaching Regulation Agency, an
	// executive agency of the Department for Education".
	runBy        = pattern.MustCompile(`(?i)\b(?:run|operated|provided|managed|delivered) by\b`)
	runBySubj    = regexp.MustCompile(`(?i)\b(?:we are|service|website|site|app|portal|scheme|notice|this)\b[^.;]{0,60}$`)
	runByWhom    = regexp.MustCompile(`^[^.;]{0,40}?\b(?:an executive agency|a government department|a public body|non-departmental public body|Department (?:for|of)|(?:Borough|County|City|District|Parish|Town) Council|Council\b(?: (?:for|to))?[ ,.]|NHS)`)
	councilOrNHS = regexp.MustCompile(`\b(?:Council|NHS)\b`)
	audience     = regexp.MustCompile(`(?i)\b(?:schools|pupils?|students?|patients?|parents|teachers)\b`)
	foiAct       = pattern.MustCompile(`(?i)Freedom of Information (?:\(Scotland\) )?Act|\bFOIA\b|Environmental Information Regulations`)
	firstPer     = regexp.MustCompile(`(?i)\b(?:we|us|our)\b`)
	othersPA     = regexp.MustCompile(`(?i)\b(?:other|those|these|some|many) (?:public )?(?:bodies|authorities|organisations|organizations)\b|\bif (?:the|a) (?:recipient|organisation)`)
)

func (r *factReader) publicAuthority() {
	f := r.f
	if f.PublicTaskOnly.Holds {
		f.PublicAuthority = f.PublicTaskOnly
		return
	}
	for _, c := range f.Controllers {
		name := c.Name
		if long := r.expand(name); long != "" {
			name = long
		}
		if name != "" && publicBodyName.MatchString(name) && !companyForm.MatchString(name) {
			f.PublicAuthority = yes(c.Span)
			return
		}
	}
	// A title names the body ("Privacy notice – Calderdale Council"), but
	// a school's or a hospital's name in it may be a service's audience.
	if t := r.n.Title; t != "" && !companyForm.MatchString(t) && (councilOrNHS.MatchString(t) || publicBodyName.MatchString(t) && !audience.MatchString(t)) {
		f.PublicAuthority = yes(r.titleSpan())
		return
	}
	var at Span
	r.each(publicSelf, func(p *Para, m []int) bool {
		at = p.span(m)
		return true
	})
	if at.Len() == 0 {
		r.each(runBy, func(p *Para, m []int) bool {
			if !runBySubj.MatchString(tail(p.Text[:m[0]], 80)) {
				return false
			}
			rest := p.Text[m[1]:min(len(p.Text), m[1]+160)]
			if w := runByWhom.FindStringIndex(rest); w != nil {
				at = Span{p.Start + m[0], p.Start + m[1] + w[1]}
				return true
			}
			return false
		})
	}
	if at.Len() == 0 {
		r.each(foiAct, func(p *Para, m []int) bool {
			sent := r.sentenceAt(p, m[0])
			text := p.Text[sent.Start:sent.End]
			if f.Scope&UKGDPR != 0 && firstPer.MatchString(text) && !othersPA.MatchString(text) {
				at = p.span(m)
				return true
			}
			return false
		})
	}
	if at.Len() > 0 {
		f.PublicAuthority = yes(at)
	}
}

// dpoRequired: a public authority under GDPR must appoint a DPO (Article
// 37(1)(a)).
func (r *factReader) dpoRequired() {
	if r.f.PublicAuthority.Holds && r.f.Scope.GDPR() {
		r.f.DPO.Required = r.f.PublicAuthority
	}
}

// --- Processing ----------------------------------------------------------------

var (
	basisPatterns = [...]*pattern.Pattern{
		// Consent in plain words too: "we might ask your permission".
		ConsentBasis: pattern.MustCompile(`(?i)\bconsent\b|\bopt(?:ed|s)?[- ]in\b|Art(?:icle|\.)?\s?6\s?\(1\)\s?\(a\)` +
			`|\b(?:ask|asks|asking|asked|seek|seeks|seeking|get|gets|getting|obtain|obtains|obtaining|with|given|give) (?:for )?your (?:explicit |express |prior )?permission\b`),
		ContractBasis:            pattern.MustCompile(`(?i)\b(?:perform(?:ance)? (?:of )?|fulfil\w{0,3} |enter(?:ing)? into |(?:necessary|needed|required) (?:for|to perform) (?:the performance of )?)(?:a |the |our |your |any |this )?contract|\bcontractual (?:necessity|obligations?|basis|relationship)|Art(?:icle|\.)?\s?6\s?\(1\)\s?\(b\)`),
		LegalObligationBasis:     pattern.MustCompile(`(?i)\blegal (?:obligations?|requirements?|duty|duties)\b|\bstatutory (?:obligations?|duty|duties)\b|\bcomply with (?:a |our |the |any )?(?:legal|statutory|regulatory)\b|Art(?:icle|\.)?\s?6\s?\(1\)\s?\(c\)`),
		VitalInterestsBasis:      pattern.MustCompile(`(?i)\bvital interests?\b|Art(?:icle|\.)?\s?6\s?\(1\)\s?\(d\)`),
		PublicTaskBasis:          pattern.MustCompile(`(?i)\bpublic task\b|\btask (?:carried out )?in the public interest\b|\bofficial authority\b|Art(?:icle|\.)?\s?6\s?\(1\)\s?\(e\)`),
		LegitimateInterestsBasis: pattern.MustCompile(`(?i)\blegitimate interests?\b|Art(?:icle|\.)?\s?6\s?\(1\)\s?\(f\)`),
	}
	// negatedBefore: a negation just before a basis ("we do not rely on
	// consent", "without your consent") means the basis is not relied on.
	// ("n't" has no word boundary before it: "don't", "don’t".)
	negatedBefore = regexp.MustCompile(`(?i)(?:\b(?:not|never|no|without|other than|instead of|rather than)\b|n['’]t\b)[^.;,]{0,30}$`)
	// consentSought: where the notice asks for consent, the evidence the
	// withdraw-consent check points at.
	consentSought = regexp.MustCompile(`(?i)\b(?:ask|seek|obtain|request|get|give|given|gave|rely|relying|relies|based on|basis of|with|tick|opt|withdraw)\w*\b[^.;]{0,40}$`)

	transferSignal = pattern.MustCompile(`(?i)\b(?:outside|out of|beyond) (?:of )?(?:the )?(?:UK|United Kingdom|EEA|European Economic Area|EU|European Union|Europe)\b|\binternational (?:data )?transfers?\b|\bthird countr(?:y|ies)\b|\bstandard contractual clauses\b|\bSCCs\b|\badequacy (?:decisions?|regulations?)\b|\bPrivacy Shield\b|\bData Privacy Framework\b|\bIDTA\b|\bInternational Data Transfer\b|\bto the (?:US|USA|U\.S\.|United States)\b`)
	// inTheUS: "hosted in the United States" and the like, a hosting word
	// at most six words before (see hostedBefore).
	inTheUS      = pattern.MustCompile(`\bin the (?:US|USA|U\.S\.|United States)\b`)
	hostedBefore = regexp.MustCompile(`(?i)\b(?:hosted|stored|processed|located|held|servers?)\b(?:[\s,-]+[\w-]+){0,6}?[\s,-]*$`)
	// usProvider: a named US provider whose service sends data to the US.
	usProvider   = pattern.MustCompile(`\b(?:Google Analytics|Google Cloud|Amazon Web Services|AWS|Microsoft Azure|Mailchimp|MailChimp|Salesforce|HubSpot|Zendesk|Stripe|Twilio|Cloudflare|Intercom|Hotjar|Dropbox|SurveyMonkey)\b`)
	transferVerb = regexp.MustCompile(`(?i)\b(?:transfer|send|sent|stor|process|host|mov|shar|locat|server|recipient|held|hold|access)\w*`)
	negatedAny   = regexp.MustCompile(`(?i)\b(?:not|never|no)\b|n['’]t\b`)

	fromOthers = pattern.MustCompile(`(?i)\bfrom (?:a |an |the )?(?:third[- ]part(?:y|ies)|other (?:organi[sz]ations|sources|companies|people|agencies|bodies|parties|services|users)|(?:our |trusted |business |advertising |marketing |selected )?partners|publicly (?:available|accessible) sources|public sources|credit reference agencies|(?:your|the) (?:employer|school|GP|doctor|local authority|council|referrer|landlord|solicitor|bank|social worker)|someone else|government (?:departments|agencies|bodies)|social (?:media|networks?)|data brokers|service providers|other sources)\b|\bfrom (?:\w{1,30} ){0,2}(?:councils?|agencies|contractors|authorities|charities|insurers|referrers|landlords|employers|schools|hospitals)\b|\bsources of (?:your )?(?:personal )?(?:data|information)\b` +
		// What people post about the organisation: "if you've mentioned
		// us in a Twitter post, we'll collect your Twitter handle".
		`|\b(?:mention(?:ed|s|ing)?|tag(?:ged|s|ging)?) us (?:in|on) (?:a |an |your )?(?:[\w-]{1,30} )?(?:posts?|tweets?|social media|comments?)\b` +
		// The source as the agent of a passive verb whose subject is the
		// data: "details are supplied by our partners" ("the service is
		// provided by third parties" is no source of data).
		`|\b(?:data|information|details|records)\b[^.;]{0,60}?\b(?:collected|obtained|gathered|provided|supplied|passed to us|given to us|shared with us|sent to us) by (?:our |trusted |selected |business |advertising )?(?:partners|third[- ]part(?:y|ies)|other (?:organi[sz]ations|companies|parties)|service providers|advertisers|data brokers|social (?:media|networks?)|credit reference agencies)\b`)
	// introFrom is a list's introduction that ends on where data come
	// from, the sources being its items (listedSources).
	introFrom = pattern.MustCompile(`(?i)\b(?:data|information|details)\b[^.;:]{0,60}?\b(?:collected|obtained|gathered|provided|supplied|received|originates?|comes?)(?: [\w-]{1,40}){0,4}? (?:by|from)(?: the following(?: sources| parties| third parties)?)?:`)
	// listedSource is an item of such a list that names another party.
	listedSource = pattern.MustCompile(`(?i)\b(?:(?:our |trusted |business |advertising |marketing |selected )?partners|third[- ]part(?:y|ies)|social (?:media|networks?)|service providers|data brokers|credit reference agencies|publicly (?:available|accessible) sources|public (?:sources|records|registers)|advertisers|other (?:organi[sz]ations|companies|users|people))\b`)
	obtainVerb   = regexp.MustCompile(`(?i)\b(?:receiv|obtain|collect|get|gets|got|gather|sourc|provid|suppl|pass|given|giv|shar|acquir|come|comes|came)\w*`)
)

func (r *factReader) processing() {
	f := r.f
	for b, re := range basisPatterns {
		var at Span
		var sought Span
		seen := 0
		r.each(re, func(p *Para, m []int) bool {
			// Where consent is sought is looked for among the first
			// mentions only: a long notice names consent hundreds of times.
			if seen++; seen > 30 && at.Len() > 0 {
				return true
			}
			sent := r.sentenceAt(p, m[0])
			before := p.Text[sent.Start:m[0]]
			before = tail(before, 60) // the patterns are anchored at its end
			if negatedBefore.MatchString(before) {
				return false
			}
			if at.Len() == 0 {
				at = p.span(m)
			}
			if LawfulBasis(b) != ConsentBasis || consentSought.MatchString(before) || strings.HasSuffix(strings.ToLower(p.Text[m[0]:m[1]]), "permission") {
				sought = p.span(m)
				return true
			}
			return false
		})
		if sought.Len() > 0 {
			at = sought
		}
		if at.Len() > 0 {
			f.Bases = append(f.Bases, Basis{Basis: LawfulBasis(b), Evidence: Evidence{Span: at}})
		}
	}
	for _, b := range f.Bases {
		switch b.Basis {
		case ConsentBasis:
			f.Consent = Fact{Holds: true, Evidence: b.Evidence}
		case LegitimateInterestsBasis:
			f.LegitimateInterests = Fact{Holds: true, Evidence: b.Evidence}
		}
	}
	if publicTaskOnly(f.Bases) && f.HasBasis(PublicTaskBasis) {
		for _, b := range f.Bases {
			if b.Basis == PublicTaskBasis {
				f.PublicTaskOnly = Fact{Holds: true, Evidence: b.Evidence}
			}
		}
	}

}

// readFlows reads where the notice's data go (a transfer outside the UK or
// the EEA signalled, or denied) and whether they come from others.
func readFlows(n *Notice) (transfers, from Fact, listed Span) {
	r := newFactReader(n, n.Facts)
	var denied Span
	for _, re := range []*pattern.Pattern{transferSignal, inTheUS, usProvider} {
		r.each(re, func(p *Para, m []int) bool {
			if re == inTheUS {
				hosted := hostedBefore.FindStringIndex(p.Text[max(0, m[0]-80):m[0]])
				if hosted == nil {
					return false
				}
				m = []int{max(0, m[0]-80) + hosted[0], m[1]}
			}
			sent := r.sentenceAt(p, m[0])
			text := p.Text[sent.Start:sent.End]
			if re == transferSignal && strings.HasPrefix(strings.ToLower(p.Text[m[0]:m[1]]), "out") && !transferVerb.MatchString(text) {
				return false // "if you live outside the UK"
			}
			if negatedAny.MatchString(p.Text[sent.Start:m[0]]) && re == transferSignal {
				if denied.Len() == 0 {
					denied = p.span(m)
				}
				return false
			}
			transfers = yes(p.span(m))
			return true
		})
		if transfers.Holds {
			break
		}
	}
	if !transfers.Holds && denied.Len() > 0 {
		transfers = Fact{Evidence: Evidence{Span: denied}}
	}
	r.each(fromOthers, func(p *Para, m []int) bool {
		sent := r.sentenceAt(p, m[0])
		text := p.Text[sent.Start:sent.End]
		if strings.HasPrefix(strings.ToLower(p.Text[m[0]:m[1]]), "sources") || obtainVerb.MatchString(text) {
			if negatedAny.MatchString(p.Text[sent.Start:m[1]]) { // before the source, or inside it ("data is not collected by")
				return false
			}
			from = yes(p.span(m))
			return true
		}
		return false
	})
	if !from.Holds {
		if listed = r.listedSources(); listed.Len() > 0 {
			from = yes(listed)
		}
	}
	if !from.Holds {
		r.n.Walk(func(s *Section) {
			if !from.Holds && s.TitleSpan.Len() > 0 && fromOthers.Match(s.TitleScan) {
				from = yes(s.TitleSpan)
			}
		})
	}
	return transfers, from, listed
}

// listedSources finds data from others named as the items of a list whose
// introduction ends on the source's preposition: "Some of this data is
// collected by:" over "Our partners: website hosts and social media
// sites", "We receive information from the following sources:" over
// "credit reference agencies". The source is the first item that names
// another party; the introduction must not deny ("It does not apply to
// information collected by:").
func (r *factReader) listedSources() Span {
	paras := r.n.Paras()
	for i, p := range paras {
		t := strings.TrimRight(p.Text, " \t\n")
		if !strings.HasSuffix(t, ":") || p.Item != nil || !introFrom.MayMatch(p.Scan) {
			continue
		}
		sent := r.sentenceAt(p, len(t)-1)
		m := introFrom.FindIndex(p.Scan)
		if m == nil || m[1] < len(t) || m[0] < sent.Start || negatedAny.MatchString(p.Text[sent.Start:m[1]]) {
			continue
		}
		for _, q := range paras[i+1 : min(len(paras), i+13)] {
			if q.Item == nil {
				break
			}
			if m := listedSource.FindIndex(q.Scan); m != nil {
				return q.span(m)
			}
		}
	}
	return Span{}
}
