package rules

// contentRows are the concept rows of the Art 13/14 elements: for each, the
// section titles that name it and the rows that state it. A row's verbs and
// objects are words or phrases compared by their stems ("share" covers
// "shared" and "sharing"; "retain" and "retention" are two words); titles,
// also and not are word starts. The IDs are the elements' (and rules') IDs;
// the helper concepts (a partial statement, a sign that an element is
// called for) are named after the element they serve.
var contentRows = map[string]concept{
	"controller-identity": {
		titles: class{"who we are", "about us", "who is responsible", "data controller", "the controller", "our details",
			"who are we", "identity", "contact us", "contact details", "how to contact", "contacting us"},
		rows: []row{
			{verbs: class{"controller", "responsible for"}, objects: class{"we are", "we're", "is the", "are the", "act as", "acts as", "is a", "are a", "is responsible", "are responsible", "will be"},
				not: class{"not responsible", "you are responsible", "not the controller", "not a controller"}},
			{verbs: class{"registered office", "registered in", "company number", "registered number", "registered address", "company registration"}},
			// The legal name as the subject the notice describes: "This
			// notice describes how npm, Inc. collects and uses data about you".
			{verbs: class{"notice describes how", "policy describes how", "notice explains how", "policy explains how", "statement describes how", "statement explains how"},
				objects: class{"ltd", "plc", "llp", "inc", "corporation", "llc", "gmbh", "bv", "pbc"}, near: 60},
			// "Operated by Example AG", "Example Stiftung ... is the operator
			// of the websites".
			{verbs: class{"operated by", "is the operator", "are the operator", "run by", "owned by"},
				objects: class{"ltd", "limited", "plc", "llp", "inc", "corporation", "llc", "gmbh", "ag", "sa", "bv", "pbc", "foundation", "stiftung", "company", "charity", "trust", "council", "university", "group"}},
			// A legal name over a postal address: "Example Corporation,
			// P.O. Box 1, Bellevue".
			{verbs: class{"ltd", "limited", "plc", "llp", "inc", "corporation", "llc", "gmbh", "pbc"},
				also: []class{{"p.o. box", "po box", "street", "road", "avenue", "located at", "domiciled", "suite", "floor"}}, alsoInPara: true},
		},
	},
	// More ways of naming the controller, which say where the checklist
	// shows it but not, alone, that the notice names it.
	"controller-identity-place": {
		rows: []row{
			// "The data controller for this website is Example Holdings plc."
			{verbs: class{"data controller", "the controller"}, also: []class{{"ltd", "limited", "plc", "llp", "inc", "corporation", "llc", "gmbh", "pbc"}},
				not: class{"not the controller", "not a controller", "not the data controller"}},
			// A trading name and the legal entity behind it: "Example is
			// the trading name of Example Holdings".
			{verbs: class{"doing business as", "trading name", "trading as", "trades as", "legal entity", "corporate entity"}},
		},
	},
	"purposes": {
		titles: class{"how we use", "how do we use", "how will we use", "why we", "why do we", "purpose", "use of your",
			"what we do with", "what do we do with", "using your", "how we process", "how your information is used", "how your data is used", "what we use",
			// "The Way We Use Information", "Ways in which we use your data".
			"way we use", "ways we use", "ways in which we use"},
		// The organisation's name for "we", a verb after another: "How
		// can the library use my data?", "Why Example Ltd collects and
		// processes data".
		places: class{"how * use", "how * used", "why * collect", "why * collects", "why * process", "why * processes", "why * use", "why * uses"},
		rows: []row{
			{verbs: class{"purpose", "purposes"}, objects: class{"process", "use", "collect", "data", "information"}},
			{verbs: class{"keep", "hold", "collect", "ask for", "record", "gather", "need"}, objects: class{"so that", "in order to", "to enable", "to allow", "to help us", "to make sure"}},
			{verbs: class{"use", "used", "process", "collect", "need", "hold"}, objects: class{"to", "for", "so that", "in order"},
				// "I use" too: a sole trader's or a blogger's notice speaks
				// in the first person singular.
				also: []class{{"we use", "we may use", "we will use", "we'll use", "we process", "we collect", "is used", "are used", "will be used", "may be used", "we need", "we hold",
					"i use", "i may use", "i will use", "i process", "i collect", "i need", "i hold", "i keep"}}},
		},
	},
	"lawful-basis": {
		titles: class{"lawful basis", "legal basis", "lawful bases", "legal bases", "legal ground", "lawful ground", "basis for"},
		rows: []row{
			{verbs: class{"lawful basis", "legal basis", "lawful bases", "legal bases", "legal ground", "legal grounds", "lawful ground", "lawful grounds",
				"basis for processing", "bases for processing", "basis of processing", "recognised legitimate interest", "recognised legitimate interests",
				"recognized legitimate interests"}, deniedToo: true},
		},
	},
	"legitimate-interests": {
		rows: []row{
			// Every mention of the basis: the judge reads each for the
			// interest said with it (interestSaid).
			{verbs: class{"legitimate interest", "legitimate interests", "legitimate business interest", "legitimate business interests"}},
		},
	},
	// Legitimate interests in substance, in the ICO's plain words: use
	// people would reasonably expect, without asking their permission.
	"legitimate-interests-substance": {
		rows: []row{
			{verbs: class{"reasonably expect", "would expect us", "you'd expect us", "you would expect us", "you might expect us", "you'd reasonably", "you would reasonably"},
				objects: class{"use", "process", "without asking", "ask"}, deniedToo: true},
		},
	},
	"recipients": {
		titles: class{"shar", "disclos", "recipient", "third part", "who we give", "who has access", "who can see", "who sees",
			"passing", "who we pass", "who else",
			// The processors a notice lists ("Data processors", "Our
			// service providers") are recipients.
			"processor", "subprocessor", "service provider"},
		weak: class{"third part"},
		rows: []row{
			// ("provide" stems as "provider" does, an object: it is left
			// out of the verbs.)
			{verbs: class{"share", "disclose", "disclosure", "pass", "transfer", "give access", "access to", "make available", "made available",
				"sell", "sold", "send", "sent", "recipient", "recipients", "given to"},
				objects: class{"third party", "third parties", "partner", "supplier", "service provider", "provider", "processor", "contractor", "agency", "agencies",
					"authority", "authorities", "regulator", "police", "court", "company", "companies", "organisation", "organization", "group", "affiliate",
					"subsidiary", "subsidiaries", "advertiser", "vendor", "recipient", "other people", "anyone", "anybody", "bank", "board", "bodies", "body",
					"institution", "landlord", "solicitor", "accountant", "lawyer", "family", "carrier", "courier", "delivery", "insurer", "auditor", "adviser",
					"advisor", "law enforcement", "government", "hmrc", "department", "employer", "school", "platform", "developer", "analytics", "host",
					"professional", "council", "nhs", "charity", "charities", "funder", "trustee", "member", "staff", "team", "outside", "external",
					"no one", "nobody", "venue"},
				deniedToo: true},
		},
	},
	"transfers": {
		places: class{"international transfer", "international data transfer", "transfers of", "transfers outside", "transfer of your", "transferring",
			"outside the uk", "outside the eea", "outside the european", "overseas", "abroad", "international"},
		rows: []row{
			// A named mechanism.
			{verbs: class{"standard contractual clause", "standard contractual clauses", "model clause", "model clauses", "standard data protection clauses",
				"model contract", "contractual clauses", "adequacy", "adequate level", "adequate protection", "adequate safeguards", "deemed adequate", "idta",
				"international data transfer agreement", "international data transfer addendum", "transfer addendum", "uk addendum", "binding corporate rules",
				"data privacy framework", "privacy framework", "uk extension", "data bridge",
				"sccs", "scc", "derogation", "derogations"}, deniedToo: true},
			// Safeguards and how to see them.
			// ("protection" alone would be the Data Protection Officer's.)
			{verbs: class{"safeguard", "safeguards"}, objects: class{"copy", "copies", "request", "contact us", "more information", "further information", "details of"}},
		},
	},
	"transfers-partial": {
		rows: []row{
			{verbs: class{"safeguard", "protect", "protected", "secure", "security", "privacy shield", "same standard", "equivalent", "comparable", "appropriate"},
				objects: class{"transfer", "outside", "abroad", "overseas", "country", "countries", "international"},
				// The Data Protection Officer, regulator or law protects
				// nothing in transit.
				not: class{"data protection officer", "data protection regulator", "data protection authorit", "data protection law", "complain"}},
		},
	},
	"retention": {
		titles:    class{"retention", "retain", "how long", "keep", "keeping", "kept", "storage period", "storage limitation", "deletion", "data storage"},
		notTitles: class{"secur", "safe", "protect", "updated", "up to date", "informed"},
		rows: []row{
			{verbs: class{"retain", "retention", "keep", "kept", "store", "storage", "hold", "held", "delete", "deletion", "erase", "erasure",
				"destroy", "dispose", "disposal", "anonymise", "anonymize", "anonymised", "anonymisation", "remove", "purge"},
				objects: class{"how long", "as long as", "period", "year", "month", "week", "day", "hour", "until", "no longer than", "longer than", "criteria",
					"duration", "for the time", "for as long", "indefinitely", "permanently", "after which", "retention schedule", "retention policy", "time limit", "no longer need",
					"no longer required", "no longer necessary", "no longer", "for the life", "for the lifetime", "while you", "whilst you", "for so long",
					"expire", "expiry", "lifespan", "session", "after you", "after the end", "at the end", "close your account", "closure", "termination",
					"no later than", "within",
					// The criterion as the need: "we retain personal information
					// where we have an ongoing legitimate business need to do so".
					"business need", "ongoing need"},
				not: class{"securely", "secure", "security", "safe", "confidential"}, deniedToo: true},
			// The period given on the use itself, tied to the account: "we
			// use your data for these purposes until your account is
			// deactivated or inactive for five years".
			{verbs: class{"use", "process", "processing"},
				objects: class{"until your account", "until you close your account", "until you delete your account",
					"account is deactivated", "account is closed", "account is deleted", "deactivated or inactive", "closed or inactive",
					"for as long as your account", "as long as your account", "for as long as you have an account"}},
		},
	},
	"withdraw-consent": {
		rows: []row{
			{verbs: class{"withdraw", "withdrawal", "withdrawn", "revoke", "revocation", "retract", "change your mind", "take back", "remove your consent",
				"cancel your consent", "no longer consent", "no longer wish"},
				objects: class{"consent", "permission", "agreement", "agree", "opt-in", "opted in"}},
			// In plain words, as a right: "to change your mind, and ask
			// us to stop using your information".
			{verbs: class{"change your mind", "changed your mind"}, objects: class{"stop using", "stop processing", "stop us using", "no longer use"}},
		},
	},
	"withdraw-consent-partial": {
		rows: []row{
			{verbs: class{"unsubscribe", "opt out", "opt-out", "opting out", "turn off", "switch off", "disable", "reject", "decline",
				"manage your preferences", "change your preferences", "update your preferences", "cookie settings", "privacy settings", "preferences"}, deniedToo: true},
		},
	},
	"complaint-right": {
		places: class{"complain", "complaint", "supervisory authority", "regulator", "information commissioner"},
		// A US framework's dispute route ("Data Privacy Framework
		// complaint mechanism", "Privacy Shield disputes") is no place
		// for the right to complain to the regulator.
		notTitles: class{"privacy framework", "privacy shield", "dpf", "dispute"},
		rows: []row{
			// The regulator is the verb class here: it is the rarer word.
			{objects: class{"complain", "complaint", "lodge", "concern", "concerns", "escalate", "refer", "take it up", "take the matter", "contact", "get in touch", "tell", "report"},
				verbs: class{"ico", "information commissioner", "supervisory authority", "supervisory authorities", "data protection authority",
					// ("regulator" stems as "Regulations" does: "the General Data
					// Protection Regulations ... contacts" is no complaint route.)
					"data protection authorities", "commissioner", "data protection commission", "cnil", "garante",
					"datatilsynet", "aepd", "edpb", "privacy authority", "competent authority", "competent authorities",
					// The authority by its function: "lodge a request with the
					// national authority responsible for data protection".
					"authority responsible for data protection", "authorities responsible for data protection"},
				not: class{"privacy shield", "jams", "arbitrat", "panel"}},
		},
	},
	"complaint-right-partial": {
		rows: []row{
			{verbs: class{"ico", "information commissioner", "supervisory authority", "supervisory authorities", "data protection authority", "data protection authorities"}, deniedToo: true},
		},
	},
	"statutory-requirement": {
		titles: class{"if you fail to provide", "if you do not provide", "if you don't provide", "if you do not want to provide", "if you choose not to",
			"failure to provide", "do you have to", "do i have to", "must you", "obligation to provide", "required information", "mandatory information",
			"what happens if you", "which we need", "information we need", "data we need", "is providing", "whether you have to"},
		rows: []row{
			// Whether the person must give the data: "you must provide",
			// "providing this is optional", "it is not necessary to
			// provide", "the provision of this information is necessary".
			{verbs: class{"you must", "you are required to", "you're required to", "you do not have to", "you don't have to", "you do not need to", "you don't need to", "you need not",
				"you will be required to", "you may be required to", "you are obliged", "you are not obliged", "you are under no obligation", "you are not required", "is required", "are required", "is mandatory", "are mandatory", "is optional", "are optional",
				"is voluntary", "are voluntary", "voluntarily", "is necessary", "are necessary", "is needed", "are needed", "not necessary", "mandatory",
				"obligatory", "compulsory", "optional", "you can choose whether", "you may choose whether", "statutory or contractual",
				"contractual requirement", "statutory requirement", "legal requirement"},
				objects: class{"provide", "provision", "providing", "give us", "giving us", "give your", "supply", "supplying", "submit", "set up an account", "establishing a", "establishing an", "establishing your", "registration form", "for registration",
					"create an account", "open an account", "register", "sign up", "fill in", "complete the form"},
				near: 50, deniedToo: true,
				not: class{"cookie", "we provide", "provide you with", "we may share", "we share", "we disclose", "we will need to use", "we need to use",
					"we need to share", "we need to process", "processing is necessary", "is necessary for the performance", "necessary for us", "necessary for our",
					"required by law to disclose", "we are required", "we may be required to disclose", "we may be required to share", "third part", "supply chain",
					"again", "retain", "as long as", "kept", "stored", "legal claims"}},
			// "We require the following information", "the information
			// we need to provide the service".
			{verbs: class{"we require the following", "we require your", "information we need", "information that we need", "details we need",
				"data we need", "information we require", "data we require", "information required", "data required", "details required",
				"information that is required", "required information", "required details", "required data", "we need the following", "we need your"},
				objects: class{"provide", "register", "account", "service", "contact", "order", "following", "name", "email", "e-mail", "to use", "in order to"},
				// "We only collect the information we need" is data
				// minimisation, not whether the person must give it.
				near: 80, not: class{"cookie", "third part", "only collect", "only the information", "only ask", "only hold", "only process", "only use", "no more than", "minimum"}},
			// The consequence of not giving them: what cannot happen
			// (the verbs, the rarer words) if the data are not given.
			{objects: class{"if you do not provide", "if you don't provide", "if you choose not to", "if you decline", "if you refuse", "if you fail to",
				"you fail to provide", "if you prefer not to", "if you do not give", "if you don't give", "if you do not want to provide", "if you do not wish to provide",
				"without this information", "without that information", "without these details", "without this data", "without your personal",
				"without the information", "without such information", "without them", "without it", "failure to provide", "not providing", "refuse to provide",
				"decline to provide", "if you do not supply", "if you do not share", "if you don't share", "if you do not wish", "if you don't wish",
				"if you do not want", "if you don't want"},
				verbs: class{"cannot", "unable", "not be able", "won't be able", "will not be able", "may not be able", "not possible", "impossible",
					"prevent", "should not use", "not use the service", "not use our service", "not be possible", "not able", "have to cancel"},
				not: class{"cookie", "marketing", "newsletter"}, deniedToo: true},
			{verbs: class{"required field", "required fields", "mandatory field", "mandatory fields", "marked with an asterisk", "marked as required", "fields marked",
				"marked as mandatory", "marked as optional"}},
		},
	},
	"statutory-requirement-sign": {
		rows: []row{
			{verbs: class{"contract", "account", "register", "sign up", "subscribe", "subscription", "order", "purchase", "apply", "application", "employment"}, deniedToo: true},
		},
	},
	"automated-decisions": {
		titles:    class{"automated decision", "automated individual decision", "automatic decision", "profiling", "automated processing"},
		notTitles: class{"right"},
		rows: []row{
			// A statement that such decisions are, or are not, made.
			{verbs: class{"automated", "automatic", "automatically", "algorithm", "algorithms", "machine learning", "artificial intelligence", "by machine", "by computer", "solely by"},
				objects: class{"decision", "decide", "block", "refuse", "refusal", "reject", "suspend", "terminate", "score", "scoring", "approve",
					"approval", "decline", "eligible", "eligibility", "legal effect", "legal effects", "significant"},
				not: class{"right", "object", "cookie", "collect"}, deniedToo: true},
			// "We do not carry out profiling", "we don't profile you".
			// ("profile" stems as "profiling" does: also asks for the word.)
			{verbs: class{"profiling"}, objects: class{"not", "never", "no", "don't", "won't"}, also: []class{{"profiling"}}, near: 40,
				not: class{"right"}, deniedToo: true},
			// "Decisions are made by people, not machines."
			// ("person" stems as "personal" does: it is left out.)
			{verbs: class{"robot", "robots", "machine", "machines", "computer", "computers", "algorithm", "algorithms", "automated"}, objects: class{"decision", "decisions", "decide"},
				also: []class{{"human", "people", "staff", "member of our team", "manual"}}, deniedToo: true},
		},
	},
	"automated-decisions-partial": {
		rows: []row{
			{verbs: class{"automated", "automatic", "profiling"}, objects: class{"decision", "profiling", "processing"}, also: []class{{"right", "object"}}, deniedToo: true},
		},
	},
	"automated-decisions-sign": {
		rows: []row{
			{verbs: class{"profiling", "profile", "automated", "automatically", "algorithm", "machine learning", "artificial intelligence", "credit score",
				"credit scoring", "fraud detection", "fraud check", "fraud checks", "fraud prevention", "credit check", "risk score", "segment", "segmentation"}, deniedToo: true,
				// Collecting data automatically (server logs, cookies)
				// is no sign of decisions made by machine.
				not: class{"collect", "cookie", "log"}},
		},
	},
	"data-categories": {
		titles: class{"what personal", "what data", "what information", "information we collect", "data we collect", "information we hold", "data we hold",
			"information we receive", "data we receive", "information we process", "data we process", "categor", "types of", "kinds of", "what we collect",
			"information you give", "information you provide", "information about you", "data about you", "personal data we", "personal information we", "we collect"},
		places: class{"collection of", "collection and"},
		rows: []row{
			{verbs: class{"category", "categories", "types of", "type of", "kinds of", "kind of"}, objects: class{"data", "information", "details"}},
			{verbs: class{"collect", "receive", "obtain", "hold", "process", "gather", "record", "get", "use", "include", "including", "such as"},
				objects: class{"name", "email", "e-mail", "address", "date of birth", "phone", "telephone", "contact details", "payment", "bank", "ip address", "location",
					"identifier", "device", "usage", "age", "gender", "photo", "image", "account", "qualification", "record", "health", "employment", "financial", "transaction"}},
		},
	},
	"data-source": {
		titles: class{"source", "where we get", "where do we get", "where we obtain", "where does", "where your information comes", "where your data comes",
			"from third part", "from other", "from others", "information we receive", "information we obtain", "data we receive", "data we obtain", "obtain",
			// A title led by the source: "Third parties who pass
			// information to us".
			"pass information to us", "pass your information to us", "pass data to us", "passed to us"},
		rows: []row{
			{objects: class{"from", "provided by", "supplied by", "given by", "collected by", "obtained by", "gathered by", "source", "sources", "shared with us by", "passed to us by", "via"},
				verbs: class{"third party", "third parties", "partner", "provider", "agency", "agencies", "employer", "school", "authority", "authorities", "public",
					"social media", "social network", "platform", "company", "companies", "organisation", "organization", "referral", "referrer", "credit",
					"bank", "advertiser", "advertising", "network", "other users", "other sources", "someone else", "family", "friend", "publicly", "records",
					"register", "government", "department", "council", "gp", "doctor", "hospital", "nhs", "vendor", "supplier", "affiliate", "app", "developer",
					"service", "university", "college", "training provider", "colleague", "parent", "guardian", "carrier", "data broker", "awarding body"},
				// A demand an authority makes ("a binding request coming
				// from the competent authorities", "orders from a court") is
				// why data are disclosed, not where they come from; nor is
				// where a service runs ("companies run their services from
				// outside the UK").
				not: class{"request from", "requests from", "request coming from", "requests coming from", "order from", "orders from", "demand from", "demands from",
					"from outside", "from within", "from abroad"}},
			// What people post about the organisation: "if you've
			// mentioned us in a Twitter post, we'll collect your handle".
			{verbs: class{"mention us", "mentioned us", "mentions us", "tag us", "tagged us", "tags us", "talk about us"},
				objects: class{"post", "posts", "tweet", "tweets", "social media", "comment", "comments"}},
		},
	},
	// No titles: a "How to complain" section often sends the reader only to
	// the ICO, and only a sentence shows a route to the controller.
	"complaints-procedure": {
		rows: []row{
			{verbs: class{"complain", "complaint", "concern", "concerns", "dissatisfied", "unhappy", "not happy", "not satisfied"},
				objects: class{"to us", "contact us", "our complaints", "with us", "email", "e-mail", "write to", "let us know", "tell us", "get in touch",
					"data protection officer", "dpo", "contact our", "our team", "reach us", "our privacy", "first", "directly"},
				// About the use of personal data, not a landlord's noise
				// complaints: its paragraph speaks of data or privacy.
				also: []class{{"data", "information", "privacy", "handl", "process"}}, alsoInPara: true,
				not: class{"privacy shield", "jams", "complainant"}},
		},
	},
}

// contentOrder fixes the order of the table's rows.
var contentOrder = []string{"controller-identity", "controller-identity-place", "purposes", "lawful-basis", "legitimate-interests", "legitimate-interests-substance",
	"recipients", "transfers", "transfers-partial", "retention", "withdraw-consent", "withdraw-consent-partial", "complaint-right",
	"complaint-right-partial", "statutory-requirement", "statutory-requirement-sign", "automated-decisions", "automated-decisions-partial",
	"automated-decisions-sign", "data-categories", "data-source", "complaints-procedure"}

// table is contentRows built, when the program starts and before any
// notice is read (pattern.Default indexes paras for every pattern compiled
// by then).
var table = buildTable(contentRows, contentOrder)
