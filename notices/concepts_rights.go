package notices

import (
	"strings"

	"github.com/noticelint/noticelint/pattern"
)

// The data-subject rights, as concepts: the ICO's eight, in its order.
// Each is its bit in a ConceptSet of Rights.
const (
	RightInformed = iota
	RightAccess
	RightRectification
	RightErasure
	RightRestriction
	RightPortability
	RightObject
	RightAutomated
	NumRights
)

// RightNames are the rights as messages name them, by index.
var RightNames = [NumRights]string{
	"the right to be informed",
	"the right of access",
	"the right to rectification",
	"the right to erasure",
	"the right to restrict processing",
	"the right to data portability",
	"the right to object",
	"rights related to automated decision-making including profiling",
}

// AllRights is the set of all eight rights.
const AllRights = ConceptSet(1<<NumRights - 1)

// personal is the object class most rights share: the reader's
// information, by any of its names, or a pronoun for it in the clause.
var personal = []string{"data", "information", "details", "record", "records", "info", "it", "them", "personal", "file", "we hold", "about you"}

// Rights is the table of the eight rights. Each row is one way of saying a
// right: its verbs meet its objects in a clause ("ask us to *correct* your
// *details*"), or a row without objects names the right alone
// ("portability"). Words are stemmed, so one form stands for all.
var Rights = NewConcepts([]ConceptRow{
	// The right to be informed (Arts 13 and 14): the notice itself.
	{ID: "informed", Verbs: []string{"right to be =informed", "right to =information", "right to know", "right of =information"}},
	// As an item of a list ("You can ask for: information about how we
	// use your data"), see RightsInItems.
	// "Information" is in every paragraph: only these forms of it are
	// the right's.
	// "Use" as written: "let us know if your child has been using the
	// Services" tells the reader nothing.
	{ID: "informed", Verbs: []string{"be =informed", "being =informed", "be told", "being told", "to know", "explain", "tell you", "tells you", "know"},
		Objects: []string{"how", "what we do", "why", "=use", "=uses", "=used", "process", "collect"}},

	// The right of access (Art 15).
	{ID: "access", Verbs: []string{"right of access", "right to access", "subject access", "access request", "SAR", "SARs", "DSAR"}},
	{ID: "access", Verbs: []string{"access", "accessing", "copy of", "copies of", "copy", "obtain", "view", "find out", "confirmation", "confirm", "see what", "see the"},
		Objects: append([]string{"we have", "we process", "we keep"}, personal...)},
	// "See" is everywhere ("see section 5 for more information"): it is
	// access only of what is the reader's.
	{ID: "access", Verbs: []string{"see", "look at", "read"},
		Objects: []string{"we hold", "we keep", "we have", "about you", "your data", "your information", "your records", "your details", "your personal", "your file"}},
	// A right cited by its article: "the right to information (Article
	// 15 of the GDPR)" is access, as a notice translated from German
	// names it ("Auskunftsrecht"), where "right to information" alone
	// would read as the right to be informed.
	// The article of the law, not a notice's own "Article 15. Cookies".
	{ID: "access", Verbs: phrases([]string{"article 15", "art 15", "art. 15"},
		[]string{"gdpr", "uk gdpr", "eu gdpr", "of the gdpr", "of gdpr", "of the uk gdpr", "of the eu gdpr", "dsgvo", "of the regulation", "of the general data", "of the general data protection"})},
	{ID: "access", Verbs: []string{"whether we hold", "whether we process", "whether or not we hold", "whether or not we process", "whether we are processing", "what data we hold", "what personal data we hold"}},

	// The right to rectification (Art 16).
	{ID: "rectification", Verbs: []string{"rectification", "rectify", "rectified", "inaccurate", "incorrect", "incomplete", "right to correction", "right of correction"}},
	{ID: "rectification", Verbs: []string{"correct", "correction", "amend", "amendment", "update", "edit", "change", "fix", "put right"},
		Objects: append([]string{"wrong", "error", "errors", "mistake", "mistakes", "out of date", "anything"}, personal...)},

	// The right to erasure (Art 17).
	{ID: "erasure", Verbs: []string{"erasure", "right to be forgotten", "be forgotten", "right to deletion", "right of deletion", "right to delete"}},
	{ID: "erasure", Verbs: []string{"erase", "delete", "deletion", "remove", "removal", "destroy", "get rid of", "wipe"},
		Objects: append([]string{"account"}, personal...)},

	// The right to restrict processing (Art 18).
	{ID: "restriction", Verbs: []string{"restriction of processing", "restrict processing", "restricting processing", "right to restrict", "right to restriction", "restriction"}},
	{ID: "restriction", Verbs: []string{"restrict", "limit", "suppress", "suppression", "pause", "put on hold", "freeze", "hold off"},
		Objects: append([]string{"process", "processing", "=use", "=uses", "=used", "what we do", "how we use"}, personal...)},
	{ID: "restriction", Verbs: []string{"stop using"}, Objects: []string{"while", "until"}},

	// The right to data portability (Art 20).
	{ID: "portability", Verbs: []string{"portability", "portable", "=transferability", "machine readable", "machine-readable", "structured commonly used", "structured, commonly used", "commonly used format"}},
	{ID: "portability", Verbs: []string{"transfer", "move", "port", "transmit", "send", "copy", "take"},
		Objects: []string{"another organisation", "another organization", "another provider", "another controller", "another company", "another service", "another supplier", "other organisation", "other organisations", "other provider", "other controller", "other company", "other service", "other services", "different provider", "different organisation", "different controller", "different company", "different service", "another IT system", "someone else"}},
	{ID: "portability", Verbs: []string{"take", "move"}, Objects: []string{"elsewhere"}},
	// "Export data outside the EEA" is an international transfer: only
	// the reader's own data exported is portability.
	// "You can access, correct, port and delete your information".
	{ID: "portability", Verbs: []string{"export", "download", "reuse", "port"}, Objects: []string{"your data", "your information", "your personal", "your records", "your details", "your content", "a copy", "personal data", "personal information", "about you", "we hold", "we keep"}},
	// "Port" as a verb is only ever the right, whatever the data are
	// called: "to access, delete, port or remove such information".
	{ID: "portability", Verbs: []string{"port"}, Objects: []string{"such information", "such data", "such personal", "this information", "this data", "that information", "that data", "the information", "the data", "it", "them"}},

	// The right to object (Art 21).
	// "Opposition" is the civil-law name ("droit d'opposition"): "a right
	// of access, rectification, restriction, opposition".
	{ID: "object", Verbs: []string{"right to object", "objection", "objections", "opposition", "right to oppose", "right of opposition"}},
	// The Data Protection Act 1998's words for the same right to object to
	// direct marketing: "prevent the processing of your data for direct
	// marketing purposes".
	{ID: "object", Verbs: []string{"prevent"}, Objects: []string{"direct marketing", "direct-marketing"}},
	{ID: "object", Verbs: []string{"object", "objecting", "stop", "opt out", "opt-out", "say no"},
		// "Use" as written, not "using": "stop using Snapchat", "opt out
		// by using the links below" are about the service, and "stop
		// using your data" has its object.
		Objects: append([]string{"process", "processing", "=use", "=uses", "=used", "market", "marketing", "profiling", "legitimate interest", "legitimate interests"}, personal...)},

	// Automated decision-making and profiling (UK GDPR Arts 22A-22D, EU
	// GDPR Art 22).
	{ID: "automated", Verbs: []string{"automated decision", "automated decisions", "automated decision-making", "automatic decision", "automated individual decision", "human intervention", "human review"}},
	// "Profile" stems as "profiling" does, and a profile page is no
	// right: profiling is matched as written.
	{ID: "automated", Verbs: []string{"=profiling"}},
	{ID: "automated", Verbs: []string{"decision", "decisions", "decide", "decided"},
		Objects: []string{"automated", "automatically", "automatic", "computer", "machine", "algorithm", "solely", "human", "a person", "real person", "robot", "robots"}},
})

// aboutProcessing are information or details about the processing itself,
// the words in which a notice gives the right to be informed when it says
// the reader may have them: "information relating to how it is processed",
// "details of the processing", "information on how we use it". Each is one
// phrase, the head of what the information is about included, as
// "information about you" (the data itself, the right of access) and
// "information on how to complain" are not the processing. They are the
// right only where what comes before makes them the reader's: a list of
// rights (RightsInItems) or an asking (RightsAsked).
var aboutProcessing = phrases(
	[]string{"=information", "=details"},
	[]string{"about", "on", "of", "regarding", "relating to"},
	[]string{"how we", "how our", "how your", "how their", "how it", "how they", "how these", "how the", "how personal", "the processing", "processing", "our processing", "its processing", "their processing", "the use", "our use", "what we do"})

// phrases are the phrases of a word from each list in turn: phrases({"a"},
// {"b", "c"}) is "a b", "a c".
func phrases(lists ...[]string) []string {
	out := []string{""}
	for _, l := range lists {
		var next []string
		for _, p := range out {
			for _, w := range l {
				next = append(next, strings.TrimSpace(p+" "+w))
			}
		}
		out = next
	}
	return out
}

// RightsInItems are rows that name a right only as an item of a list of
// rights, after an introduction that gives the verb ("You have the right to
// request: information about how we use your data"): in running text
// "information about" is everywhere. Rules ask it of list items beside
// Rights, and read its sets as Rights' with As.
var RightsInItems = NewConcepts(append([]ConceptRow{
	{ID: "informed", Verbs: []string{"=information about", "=information on", "=details of"},
		Objects: []string{"how", "what we do", "why", "=use", "=uses", "=used", "process", "collect"}},
	// "Access your data and information relating to how it is
	// processed": other words for the information, as one phrase.
	{ID: "informed", Verbs: aboutProcessing},
	{ID: "access", Verbs: []string{"what =information we hold", "what personal =information we hold", "what =information we have"}},
	// "You can know, access, correct, transfer and delete your data": in
	// a list of rights, transferring one's own data is portability; in
	// running text it is an international transfer.
	{ID: "portability", Verbs: []string{"transfer", "move", "port", "take"}, Objects: personal},
}, rightNouns...))

// rightNouns name a right by its bare noun, as a list of rights or a run
// of rights sub-headings does: "Right to correction or deletion", "4.2
// Deletion". Only the nouns as written: "data are deleted after a year" in
// a list item is no right.
var rightNouns = []ConceptRow{
	{ID: "erasure", Verbs: []string{"=deletion"}},
	{ID: "rectification", Verbs: []string{"=correction"}},
}

// RightsByNoun are the rows of RightsInItems that a sub-heading in a run of
// rights sub-headings reads too: its other rows ("transfer your data") are
// in the titles of many a section that is no right ("Transfer of data").
// Rules read its sets as Rights' with As.
var RightsByNoun = NewConcepts(rightNouns)

// RightsAsked are rows that name a right only in a clause that says what the
// reader may ask for or has a right to, after its asking (RightsAsking):
// "You have the right to be provided with details of the processing", "you
// may request access to your data, as well as information on how we process
// it", "You can ask us ... to provide certain information about the
// processing". Without the asking, information about the processing is a
// pointer ("For more information on how we process your data, see section
// 4"), in nearly every notice, and no right. A clause of rights speaks of
// processing everywhere ("and to object to processing"), so the
// information and what it is about are one phrase (aboutProcessing), not a
// verb and an object. Rules read its sets as Rights' with As.
//
// MatchAsked picks its clauses by RightsAsking: the table compiles no
// anchors of its own.
var RightsAsked = NewConceptsUnanchored([]ConceptRow{
	{ID: "informed", Verbs: aboutProcessing},
})

// RightsAsking opens what the reader may ask for or has a right to, with
// the reader as its subject: "you have the right to", "the right to be
// provided with", "you are entitled to", "you may request", "you can ask
// us", "to request". Asking alone is not enough: "we may ask for
// information about your income to process your claim" is the
// organisation's asking, and gives no right.
var RightsAsking = pattern.MustCompile(`(?i)\b(?:(?:have|has) (?:a |the )?(?:legal |statutory )?rights? to|rights? to (?:be (?:provided|given|told|informed)|receive|obtain|request|ask|get)|you are (?:also )?entitled to|you (?:can|may|could|might|are able to)(?: also)?(?: be able to)? (?:request|ask)|ask us|to request)\b`)

// MatchAsked returns the concepts of RightsAsked that t says and denies in
// the clauses an asking (RightsAsking) opens. Only what follows the asking
// is its object ("For more information about how we process your data, you
// can ask us" points to a contact, and names no right), but the whole clause
// is read for its negations and other parties ("we reserve the right to
// request details of the processing from our suppliers").
func MatchAsked(t *pattern.Text) (said, denied ConceptSet) {
	text := t.String()
	end := -1 // the clauses read so far end here
	for _, m := range RightsAsking.FindAllIndex(t, -1) {
		if m[0] < end {
			continue // a second asking in a clause read from the first
		}
		lo, hi := clauseAround(text, m[0], m[1])
		end = hi
		s, d := RightsAsked.Match(text[m[0]:hi])
		if s|d == 0 {
			continue
		}
		ws, wd := RightsAsked.Match(text[lo:hi])
		said |= ws & (s | d)
		denied |= wd & (s | d)
	}
	return said, denied
}
