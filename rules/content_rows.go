package rules

// contentRows are the concept rows of the Art 13/14 elements: for each, the
// section titles that name it and the classes of words that, meeting in one
// sentence, list item or table row, state it. Each class is a set of word
// starts ("retain" covers "retained" and "retention"); a row's not class
// rules the sentence out. The IDs are the elements' (and rules') IDs, and
// the rows' helper concepts (what counts as a sign, a partial statement)
// are named after the element they serve.
var contentRows = map[string]concept{
	"controller-identity": {
		titles: class{"who we are", "about us", "who is responsible", "data controller", "the controller", "our details",
			"who are we", "identity", "contact us", "contact details", "how to contact", "contacting us"},
		rows: []row{
			{all: []class{{"controller", "responsible for"}, {"we are", "we're", "is the", "are the", "act as", "acts as", "is a", "are a", "is responsible", "are responsible", "will be"}},
				not: class{"not responsible", "you are responsible", "not the controller", "not a controller"}},
			{all: []class{{"registered office", "registered in", "company number", "registered number", "registered address", "company registration"}}},
			// A defined name for the organisation: 'Example AG (the
			// "Company", "we", "us")', "operated by Example Ltd".
			{all: []class{{"“we”", "\"we\"", "‘we’", "'we'", "(“we", "(\"we", "“us”", "\"us\"", "operated by", "is the operator", "are the operator", "provided by", "run by", "owned by"},
				{"ltd", "limited", "plc", "llp", "inc", "corporation", "llc", "gmbh", "ag", "s.a", "b.v", "pbc", "foundation", "stiftung", "company", "charity", "trust", "council", "university", "group"}}},
			// A legal name over a postal address: "Example Corporation,
			// P.O. Box 1, Bellevue".
			{all: []class{{"ltd", "limited", "plc", "llp", "inc.", "corporation", "llc", "gmbh", "pbc"}, {"p.o. box", "po box", "street", "road", "avenue", "located at", "domiciled", "suite", "floor"}}},
		},
	},
	"purposes": {
		titles: class{"how we use", "how do we use", "how will we use", "why we", "why do we", "purpose", "use of your",
			"what we do with", "what do we do with", "using your", "how we process", "how your information is used", "how your data is used", "what we use"},
		rows: []row{
			{all: []class{{"purpose"}, {"process", "use", "collect", "data", "information"}}},
			{all: []class{{"keep", "hold", "collect", "ask for", "record", "gather", "need"}, {"so that", "in order to", "to enable", "to allow", "to help us", "to make sure"}}, near: 120},
			{all: []class{{"we use", "we may use", "we will use", "we'll use", "we process", "we collect", "is used", "are used", "will be used", "may be used", "we need", "we hold"}, {"to ", "for ", "so that", "in order"}}},
		},
	},
	"lawful-basis": {
		titles: class{"lawful basis", "legal basis", "lawful bases", "legal bases", "legal ground", "lawful ground", "basis for"},
		rows: []row{
			{all: []class{{"lawful basis", "legal basis", "lawful bases", "legal bases", "legal ground", "lawful ground", "basis for process",
				"bases for process", "basis of process", "recognised legitimate interest", "recognized legitimate interest", "article 6"}}},
		},
	},
	"legitimate-interests": {
		rows: []row{
			// The interests said: "our legitimate interests in keeping
			// the service secure", "it is in our legitimate interest to",
			// "legitimate interests, such as", "legitimate interests:".
			{all: []class{{"legitimate interest", "legitimate business interest"}}},
		},
	},
	// Legitimate interests in substance, in the ICO's plain words: use
	// people would reasonably expect, without asking their permission.
	"legitimate-interests-substance": {
		rows: []row{
			{all: []class{{"reasonably expect", "would expect us", "you'd expect us", "you would expect us", "you might expect us", "you'd reasonably", "you would reasonably"},
				{"use", "process", "without asking", "don't ask", "do not ask"}}},
		},
	},
	"recipients": {
		titles: class{"shar", "disclos", "recipient", "third part", "who we give", "who has access", "who can see", "who sees",
			"passing", "who we pass", "who else"},
		rows: []row{
			{all: []class{{"share", "shared", "sharing", "disclose", "disclosing", "disclosure", "pass", "passed", "passing", "transfer", "provide", "provided",
				"give access", "access to", "make available", "made available", "sell", "sold", "send", "sent", "recipient", "given to"},
				{"third part", "partner", "supplier", "service provider", "providers", "processor", "contractor", "agenc", "authorit", "regulator",
					"police", "court", "compan", "organisation", "organization", "group", "affiliate", "subsidiar", "advertiser", "vendor", "recipient",
					"other people", "anyone", "anybody", "bank", "board", "bodies", "body", "institution", "landlord", "solicitor", "accountant", "lawyer",
					"family", "carrier", "courier", "delivery", "insurer", "auditor", "adviser", "advisor", "law enforcement", "government", "hmrc",
					"department", "employer", "school", "platform", "developer", "analytics", "payment processor", "host", "professional", "council",
					"nhs", "charit", "funder", "trustee", "member", "staff", "team", "contractor", "outside", "external", "no one", "nobody"}}},
		},
	},
	"transfers": {
		rows: []row{
			// Row 0: a named mechanism.
			{all: []class{{"standard contractual clause", "model clause", "standard data protection clause", "model contract", "contractual clause",
				"adequacy", "adequate level", "adequate protection", "adequate safeguard", "deemed adequate", "idta", "international data transfer agreement",
				"international data transfer addendum", "transfer addendum", "uk addendum", "binding corporate rule", "data privacy framework", "privacy framework",
				"uk extension", "data bridge", "approved contract", "approved by the european commission", "approved by the uk", "sccs", "article 46", "article 49",
				"derogation", "explicit consent to the transfer"}}},
			// Row 1: safeguards and how to see them.
			{all: []class{{"safeguard", "protection"}, {"copy", "copies", "request", "contact us", "more information", "further information", "details of"}}},
		},
	},
	"transfers-partial": {
		rows: []row{
			{all: []class{{"safeguard", "protect", "secur", "privacy shield", "same standard", "equivalent", "comparable", "appropriate"}, {"transfer", "outside", "abroad", "overseas", "countr", "international"}}},
		},
	},
	"retention": {
		titles:    class{"retention", "retain", "how long", "keep", "keeping", "kept", "storage period", "storage limitation", "deletion", "data storage"},
		notTitles: class{"secur", "safe", "protect", "updated", "up to date", "informed"},
		rows: []row{
			{all: []class{{"retain", "retention", "keep", "kept", "store", "stored", "storing", "hold", "held", "delete", "deleted", "deletion", "erase", "erased",
				"destroy", "destroyed", "dispose", "disposed", "anonymi", "remove", "removed", "purge"},
				{"how long", "as long as", "period", "year", "month", "week", "day", "hour", "until", "no longer than", "longer than", "criteria", "duration",
					"for the time", "for as long", "indefinite", "permanent", "after which", "schedule", "time limit", "no longer need", "no longer required",
					"no longer necessary", "when it is no longer", "once it is no longer", "for the life", "for the lifetime", "while you", "whilst you", "for so long",
					"expire", "expiry", "lifespan", "session", "after you", "after the end", "at the end", "close your account", "closure", "termination", "no later than", "within"}},
				not: class{"securely", "secure", "security", "safe", "confidential"}},
		},
	},
	"withdraw-consent": {
		rows: []row{
			{all: []class{{"withdraw", "revoke", "revocation", "retract", "change your mind", "take back", "remove your consent", "cancel your consent",
				"no longer consent", "no longer wish", "stop at any time", "at any time"}, {"consent", "permission", "agreement", "agree", "opt-in", "opted in"}},
				not: class{"cannot withdraw", "can't withdraw"}},
		},
	},
	"withdraw-consent-partial": {
		rows: []row{
			{all: []class{{"unsubscrib", "opt out", "opt-out", "opting out", "turn off", "switch off", "disable", "reject", "decline",
				"manage your preferences", "change your preferences", "update your preferences", "cookie settings", "privacy settings", "preferences"}}},
		},
	},
	"complaint-right": {
		rows: []row{
			{all: []class{{"complain", "complaint", "lodge", "concern", "report a concern", "report your concern",
				"raise a query", "escalate", "refer", "take it up", "take the matter", "contact", "get in touch", "tell", "report"},
				{"ico", "information commissioner", "supervisory authorit", "data protection authorit", "data protection regulator", "regulator", "commissioner",
					"data protection commission", "cnil", "garante", "datatilsynet", "aepd", "edpb", "privacy authorit", "competent authorit", "local authority for data protection"}},
				not: class{"privacy shield", "jams", "arbitrat", "panel"}},
		},
	},
	"complaint-right-partial": {
		rows: []row{
			{all: []class{{"ico", "information commissioner", "supervisory authorit", "data protection authorit", "ico.org.uk"}}},
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
			{all: []class{{"you must", "you will need to", "you'll need to", "you need to", "you have to", "you are required to", "you're required to",
				"you will be required to", "you may be required to", "you are obliged", "you are not obliged", "you are under no obligation", "you do not have to",
				"you don't have to", "you are not required", "is required", "are required", "is mandatory", "are mandatory", "is optional", "are optional",
				"is voluntary", "are voluntary", "voluntarily", "is necessary", "are necessary", "is needed", "are needed", "not necessary", "mandatory",
				"obligatory", "compulsory", "optional", "up to you", "you can choose whether", "you may choose whether", "statutory or contractual",
				"contractual requirement", "statutory requirement", "legal requirement"},
				{"provide", "provision", "providing", "give us", "giving us", "give your", "supply", "supplying", "submit", "set up an account", "create an account",
					"open an account", "register", "sign up", "fill in", "complete the form"}},
				near: 50,
				not: class{"cookie", "we provide", "provide you with", "we may share", "we share", "we disclose", "we will need to use", "we need to use",
					"we need to share", "we need to process", "processing is necessary", "is necessary for the performance", "necessary for us", "necessary for our",
					"required by law to disclose", "we are required", "we may be required to disclose", "we may be required to share", "third part", "supply chain",
					"again", "retain", "as long as", "kept", "stored"}},
			// "We require the following information", "the information
			// we need to provide the service".
			{all: []class{{"we require the following", "we require your", "information we need", "information that we need", "details we need",
				"data we need", "information we require", "data we require", "information required", "data required", "details required",
				"information that is required", "required information", "required details", "required data", "we need the following", "we need your"},
				{"provide", "register", "account", "service", "contact", "order", "following", "name", "email", "e-mail", "to use", "in order to"}},
				near: 80, not: class{"cookie", "third part"}},
			// The consequence of not giving them.
			{all: []class{{"if you do not provide", "if you don't provide", "if you choose not to", "if you decline", "if you refuse", "if you fail to",
				"you fail to provide", "if you prefer not to", "if you do not give", "if you don't give", "if you do not want to provide", "if you do not wish to provide",
				"without this information", "without that information", "without these details", "without this data", "without your personal",
				"without the information", "without such information", "failure to provide", "not providing", "refuse to provide", "decline to provide",
				"if you do not supply", "if you do not share", "if you don't share", "if you do not wish", "if you don't wish", "if you do not want", "if you don't want"},
				{"cannot", "can't", "unable", "not be able", "won't be able", "will not be able", "may not be able", "not possible", "impossible",
					"prevent", "should not use", "not use the service", "not use our service", "not be possible", "not able", "have to cancel", "may not receive"}},
				not: class{"cookie", "marketing", "newsletter"}},
			{all: []class{{"required field", "mandatory field", "marked with an asterisk", "marked as required", "fields marked", "marked as mandatory", "marked as optional"}}},
		},
	},
	"statutory-requirement-sign": {
		rows: []row{
			{all: []class{{"contract", "account", "register", "sign up", "subscri", "order", "purchase", "apply", "application", "employ", "booking"}}},
		},
	},
	"automated-decisions": {
		titles:    class{"automated decision", "automated individual decision", "automatic decision", "profiling", "automated processing"},
		notTitles: class{"right"},
		rows: []row{
			// A statement that such decisions are, or are not, made.
			{all: []class{{"automated", "automatic", "automatically", "algorithm", "machine learning", "artificial intelligence", "by machine", "by computer", "solely by"},
				{"decision", "decide", "profiling", "block", "refus", "reject", "suspend", "terminat", "scor", "approv", "declin", "eligib", "legal effect", "significant"}},
				not: class{"right", "object", "cookie", "collect"}},
			// "We do not carry out profiling", "we don't profile you".
			{all: []class{{"profiling", "profile you"}, {"we do not", "we don't", "we never", "we will not", "we won't", "does not", "do not use", "no profiling", "not subject"}},
				not: class{"right"}},
			// "Decisions are made by people, not machines."
			{all: []class{{"human", "people", "a person", "staff", "member of our team", "manual"}, {"decision", "decide"}, {"robot", "machine", "computer", "automat", "algorithm"}}},
		},
	},
	"automated-decisions-partial": {
		rows: []row{
			{all: []class{{"automated", "automatic", "profiling"}, {"decision", "profiling", "processing"}, {"right", "object"}}},
		},
	},
	"automated-decisions-sign": {
		rows: []row{
			{all: []class{{"profil", "automated", "automatically", "algorithm", "machine learning", "artificial intelligence", "credit scor", "fraud detection", "fraud check", "fraud prevention", "credit check", "risk scor", "segment"}}},
		},
	},
	"data-categories": {
		titles: class{"what personal", "what data", "what information", "information we collect", "data we collect", "information we hold", "data we hold",
			"information we receive", "data we receive", "information we process", "data we process", "categor", "types of", "kinds of", "what we collect",
			"information you give", "information you provide", "information about you", "data about you", "personal data we", "personal information we", "we collect"},
		rows: []row{
			{all: []class{{"categor", "types of", "type of", "kinds of", "kind of"}, {"data", "information", "details"}}},
			{all: []class{{"collect", "receive", "obtain", "hold", "process", "gather", "record", "get", "use", "include", "such as", "includ"},
				{"name", "email", "e-mail", "address", "date of birth", "phone", "telephone", "contact details", "payment", "bank", "ip address", "location",
					"identifier", "device", "usage", "age", "gender", "photo", "image", "account", "qualification", "record", "health", "employment", "financial", "transaction"}}},
		},
	},
	"data-source": {
		titles: class{"source", "where we get", "where do we get", "where we obtain", "where does", "where your information comes", "where your data comes",
			"from third part", "from other", "from others", "information we receive", "information we obtain", "data we receive", "data we obtain", "obtain"},
		rows: []row{
			{all: []class{{"from", "provided by", "supplied by", "given by", "source", "shared with us by", "passed to us by", "via"},
				{"third part", "partner", "provider", "agenc", "employer", "school", "authorit", "public", "social media", "social network", "platform", "compan",
					"organisation", "organization", "referr", "credit", "bank", "advertis", "network", "other users", "other sources", "someone else", "family",
					"friend", "publicly", "records", "register", "government", "department", "council", "gp", "doctor", "hospital", "nhs", "vendor", "supplier",
					"affiliate", "app", "developer", "service", "university", "college", "training provider", "colleague", "parent", "guardian", "carrier", "data broker"}}},
		},
	},
	"complaints-procedure": {
		titles: class{"complaint", "complain", "concerns", "unhappy", "not happy"},
		rows: []row{
			{all: []class{{"complain", "complaint", "concern", "dissatisfied", "unhappy", "not happy", "not satisfied"},
				{"to us", "contact us", "our complaints", "with us", "email", "e-mail", "write to", "let us know", "tell us", "get in touch",
					"data protection officer", "dpo", "contact our", "our team", "reach us", "our privacy", "contact the", "first", "directly"}},
				not: class{"privacy shield", "jams"}},
		},
	},
}

// compiledConcepts are contentRows ready to match, built when the program
// starts, before any notice is read (pattern.Default indexes paras for
// every pattern compiled by then).
var compiledConcepts = func() map[string]*compiled {
	out := map[string]*compiled{}
	for id, c := range contentRows {
		out[id] = compile(c)
	}
	return out
}()
