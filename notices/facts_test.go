package notices_test

import (
	"strings"
	"testing"

	"github.com/noticelint/noticelint/notices"
)

func facts(t *testing.T, src string) (*notices.Notice, *notices.Facts) {
	t.Helper()
	n, err := notices.Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return n, n.Facts
}

// quoted returns the words a piece of evidence points at.
func quoted(n *notices.Notice, e notices.Evidence) string {
	return string(n.Source[e.Span.Start:e.Span.End])
}

func TestScope(t *testing.T) {
	tests := []struct {
		name, src string
		want      notices.Scope
		uk, eu    string // the words of the evidence, when found
	}{
		{"UK GDPR is the UK's", "# Notice\n\nWe follow the UK GDPR.\n", notices.UKGDPR, "UK", ""},
		{"GDPR alone is the EU's", "# Notice\n\nWe follow the GDPR.\n", notices.EUGDPR, "", "GDPR"},
		{"United Kingdom General Data Protection Regulation", "# Notice\n\nUnder the United Kingdom General Data Protection Regulation (GDPR) you have rights.\n",
			notices.UKGDPR, "United Kingdom", ""},
		{"both", "# Notice\n\nFor users in the EEA and the UK.\n", notices.UKGDPR | notices.EUGDPR, "UK", "EEA"},
		{"a heading", "# Notice\n\n## Your rights under the GDPR\n\nYou can ask for a copy.\n", notices.EUGDPR, "", "GDPR"},
		{"never from links or addresses", "# Notice\n\nSee [our page](https://example.com/gdpr-uk) or email gdpr@example.co.uk. ![](/favicon.ico)\n", 0, "", ""},
		{"a domain is not the UK", "# Notice\n\nVisit shop.example.co.uk for details.\n", 0, "", ""},
		{"the Swiss commissioner is not the ICO", "# Notice\n\nComplain to the Federal Data Protection and Information Commissioner (FDPIC).\n", 0, "", ""},
		{"Australia's commissioner is not the ICO", "# Notice\n\nComplain to the Office of the Australian Information Commissioner.\n", 0, "", ""},
		{"the ICO", "# Notice\n\nComplain to the Information Commissioner's Office.\n", notices.UKGDPR, "Information Commissioner", ""},
		{"Swiss law alone", "# Notice\n\nWe follow the Swiss Federal Act on Data Protection.\n", 0, "", ""},
		{"US only", "# Notice\n\nCalifornia residents may ask us to delete their data.\n", 0, "", ""},
		{"a US framework's name is not the notice's scope", "# Notice\n\nExample Inc. complies with the EU-U.S. Data Privacy Framework and the UK Extension to it, for data received from the European Union and the United Kingdom.\n\n## EU-US and Swiss-US Privacy Shield\n\nCalifornia residents may ask us to delete their data.\n", 0, "", ""},
		{"a framework sentence counts in a notice written to the GDPR", "# Notice\n\nWe are the data controller. We are a member of the EU-U.S. Privacy Shield framework.\n\nYou have the right to erasure.\n", notices.EUGDPR, "", "EU"},
		{"a framework sentence beside another mention", "# Notice\n\nWe follow the EU-U.S. Data Privacy Framework. Visitors from the EEA may contact our representative.\n", notices.EUGDPR, "", "EEA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, f := facts(t, tt.src)
			if f.Scope != tt.want {
				t.Errorf("scope %v, want %v", f.Scope, tt.want)
			}
			if tt.uk != "" && quoted(n, f.UKLaw) != tt.uk {
				t.Errorf("UK evidence %q, want %q", quoted(n, f.UKLaw), tt.uk)
			}
			if tt.eu != "" && quoted(n, f.EULaw) != tt.eu {
				t.Errorf("EU evidence %q, want %q", quoted(n, f.EULaw), tt.eu)
			}
		})
	}
}

func TestControllersAndEstablishment(t *testing.T) {
	tests := []struct {
		name, src   string
		controllers []string
		uk          bool
		where       string // the words of the UK-established evidence
	}{
		{"a UK company with its address", "# Notice\n\nGuardian Example Media Limited, Kings Place, 90 York Way, London N1 9GU is the data controller.\n",
			[]string{"Guardian Example Media Limited"}, true, "N1 9GU"},
		{"a controller after is", "# Notice\n\nFor users in the UK, the controller of your personal data is Lanternfish Maps Ireland Limited, 2 Dock Road, Dublin 2, Ireland.\n",
			[]string{"Lanternfish Maps Ireland Limited"}, false, ""},
		{"a line", "# Notice\n\nData controller: The Example Newspaper Limited\n\nRegistered Office: 1 John Adam Street, London, WC2N 6HT, UK\n",
			[]string{"The Example Newspaper Limited"}, true, "WC2N 6HT"},
		{"a group", "# Notice\n\nExample Group UK Limited, 610 Chiswick High Road, W4 5RU London, is a joint data controller together with Example Group Sweden AB.\n",
			[]string{"Example Group UK Limited", "Example Group Sweden AB"}, true, "W4 5RU"},
		{"as controller", "# Notice\n\nThis policy explains how Chayn Example, as data controller, will process your data. Under the UK GDPR you have rights.\n",
			[]string{"Chayn Example"}, false, ""},
		{"other controllers are not ours", "# Notice\n\nOur payment providers are independent controllers of your data. On the part of the controller, a decision may be reviewed.\n",
			nil, false, ""},
		{"an Article 27 representative is not an establishment", "# Notice\n\nExample Inc., 1 Main St, Portland, OR 97201, USA, is the controller under the UK GDPR.\n\nOur UK representative under Article 27 is Rep Ltd, 9 Quay Street, Bristol, BS1 4DJ.\n\nYou can complain to the ICO.\n",
			[]string{"Example Inc."}, false, ""},
		{"an outsourced DPO's UK address is not an establishment", "# Notice\n\nWe are a US company; under the GDPR, you may contact our DPO at Ametros Example Ltd, Lakeside Offices, Hereford, HR2 6JT.\n",
			nil, false, ""},
		{"the ICO as the only regulator", "# Notice\n\nHarbourside Homes provides homes in Bristol. You can complain to the Information Commissioner's Office.\n",
			nil, true, "Information Commissioner"},
		{"the ICO named by a US company", "# Notice\n\nWe, Example Software, Inc., provide this service. UK users can complain to the Information Commissioner's Office.\n",
			nil, false, ""},
		{"a company number", "# Notice\n\nWe are registered in England and Wales under company number 01234567. We follow the UK GDPR.\n",
			nil, true, "registered in England"},
		{"a company number registered abroad", "# Notice\n\nExample Energy Limited, a company registered in Ireland with company number 306035, supplies your electricity. We follow the GDPR.\n",
			nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, f := facts(t, tt.src)
			var names []string
			for _, c := range f.Controllers {
				names = append(names, c.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.controllers, "|") {
				t.Errorf("controllers %q, want %q", names, tt.controllers)
			}
			if f.UKEstablished.Holds != tt.uk {
				t.Errorf("UK-established %v (%q), want %v", f.UKEstablished.Holds, quoted(n, f.UKEstablished.Evidence), tt.uk)
			}
			if tt.where != "" && !strings.Contains(quoted(n, f.UKEstablished.Evidence), tt.where) {
				t.Errorf("evidence %q, want %q", quoted(n, f.UKEstablished.Evidence), tt.where)
			}
			if f.UKEstablished.Holds && f.Scope&notices.UKGDPR == 0 {
				t.Errorf("a UK-established controller is under UK GDPR")
			}
		})
	}
}

func TestPublicAuthorityAndDPO(t *testing.T) {
	tests := []struct {
		name, src string
		public    bool
		status    notices.DPOStatus
		title     string
		required  bool
	}{
		{"a council", "# Notice\n\nCalder Vale Borough Council is the controller under the UK GDPR.\n", true, notices.DPOUnnamed, "", true},
		{"an acronym the notice defines", "# Notice\n\nDfE (Department for Education) processes your data.\n\nDfE is the data controller for your information under the UK GDPR.\n",
			true, notices.DPOUnnamed, "", true},
		{"run by an executive agency", "# Notice\n\nThis service is run by the Teaching Regulation Agency, an executive agency of the Department for Education. We follow the UK GDPR.\n",
			true, notices.DPOUnnamed, "", true},
		{"the public task alone", "# Notice\n\nUnder the UK GDPR our lawful basis is public task (Article 6(1)(e)).\n", true, notices.DPOUnnamed, "", true},
		{"the Freedom of Information Act", "# Notice\n\nWe are subject to the Freedom of Information Act 2000 and the UK GDPR.\n", true, notices.DPOUnnamed, "", true},
		{"a housing association sharing with the council", "# Notice\n\nWe may share your details with the Council and the NHS. We follow the UK GDPR and pay council tax.\n",
			false, notices.DPOUnnamed, "", false},
		{"another country's FOI law", "# Notice\n\nYou may request copies in compliance with the Freedom of Information Act.\n", false, notices.DPOUnnamed, "", false},
		{"a DPO named", "# Notice\n\nUnder the UK GDPR, our Data Protection Officer can be reached at dpo@example.org.\n", false, notices.DPODeclared, "Data Protection Officer", false},
		{"another title with the DPO's function", "# Notice\n\nUnder the UK GDPR, our Information Governance Manager answers questions about your rights.\n",
			false, notices.DPODeclared, "Information Governance Manager", false},
		{"another title without it", "# Notice\n\nOur Data Protection Lead was appointed in 2020.\n", false, notices.DPOUnnamed, "", false},
		{"not appointed", "# Notice\n\nWe have not appointed a Data Protection Officer. Email privacy@example.org.\n", false, notices.DPONotAppointed, "", false},
		{"a processor's DPO is not ours", "# Notice\n\nOur payroll processor's DPO can be reached at dpo@payroll.example.com.\n", false, notices.DPOUnnamed, "", false},
		// An officer named as an authority to appeal to, beside the
		// regulators, is the state's (a country's data protection
		// ombudsman in translation).
		{"an authority's officer is not ours", "# Notice\n\nYou may appeal to a supervisory authority, such as the national telecoms regulator for messages or to the Data Protection Officer for other personal data.\n", false, notices.DPOUnnamed, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := facts(t, tt.src)
			if f.PublicAuthority.Holds != tt.public {
				t.Errorf("public authority %v, want %v", f.PublicAuthority.Holds, tt.public)
			}
			if f.DPO.Status != tt.status || f.DPO.Title != tt.title {
				t.Errorf("DPO %v %q, want %v %q", f.DPO.Status, f.DPO.Title, tt.status, tt.title)
			}
			if f.DPO.Required.Holds != tt.required {
				t.Errorf("DPO required %v, want %v", f.DPO.Required.Holds, tt.required)
			}
		})
	}
}

func TestContactParties(t *testing.T) {
	src := `# Notice

## Our Data Protection Officer

Under the UK GDPR, our Data Protection Officer can be reached at dpo@example.org.

For account help, email our customer support team at help@example.org.

Our payroll processor's DPO is at dpo@payroll.example.com.

Our UK representative under Article 27 is at rep@reps.example.co.uk.

You can complain to the ICO at casework@ico.example.org.uk.

If you are outside the UK, contact the Example Studios Data Protection Officer at studios@example.com.

## California privacy rights

To make a request under the CCPA, email our DPO's office at requests@example.com.
`
	n, _ := facts(t, src)
	want := map[string]notices.Party{
		"dpo@example.org": notices.OurDPO, "help@example.org": notices.Team, "dpo@payroll.example.com": notices.Other,
		"rep@reps.example.co.uk": notices.Representative, "casework@ico.example.org.uk": notices.Regulator,
		"studios@example.com": notices.Other, "requests@example.com": notices.StateInbox,
	}
	for _, c := range n.Contacts {
		if w, ok := want[c.Value]; ok {
			if c.Party != w {
				t.Errorf("%s: party %v, want %v", c.Value, c.Party, w)
			}
			delete(want, c.Value)
		}
	}
	for v := range want {
		t.Errorf("%s: not found", v)
	}
}

func TestProcessingFacts(t *testing.T) {
	src := `# Notice

We ask for your consent before sending you marketing emails, and you can withdraw it at any time.

We do not rely on consent for anything else. We rely on our legitimate interests to improve the service, and on the performance of a contract to deliver your order.

Our servers are hosted in the United States.

We also receive information about you from credit reference agencies.
`
	n, f := facts(t, src)
	var bases []string
	for _, b := range f.Bases {
		bases = append(bases, b.Basis.String())
	}
	if got := strings.Join(bases, ","); got != "consent,contract,legitimate-interests" {
		t.Errorf("bases %s", got)
	}
	if !f.Consent.Holds || !strings.Contains(quoted(n, f.Consent.Evidence), "consent") || n.Pos(f.Consent.Evidence.Span.Start).Line != 3 {
		t.Errorf("consent %+v", f.Consent)
	}
	if !f.LegitimateInterests.Holds || f.PublicTaskOnly.Holds {
		t.Errorf("legitimate interests %v, public task only %v", f.LegitimateInterests.Holds, f.PublicTaskOnly.Holds)
	}
	if !f.Transfers().Holds || !strings.HasSuffix(quoted(n, f.Transfers().Evidence), "hosted in the United States") {
		t.Errorf("transfers %v %q", f.Transfers().Holds, quoted(n, f.Transfers().Evidence))
	}
	if !f.FromOthers().Holds || quoted(n, f.FromOthers().Evidence) != "from credit reference agencies" {
		t.Errorf("from others %v %q", f.FromOthers().Holds, quoted(n, f.FromOthers().Evidence))
	}

	// Sources named by kind, with words before the kind: a council by its
	// name, agencies by what they do.
	for _, c := range []struct{ text, want string }{
		{"Details of your application are passed to us by your landlord, and we receive information from Northshire County Council.", "from Northshire County Council"},
		{"We get referrals and case notes from housing support agencies.", "from housing support agencies"},
		{"We collect information from the contractors who repair your home.", "from the contractors"},
		// The source as the agent of a passive verb.
		{"Some details are supplied by our partners when you book through them.", "details are supplied by our partners"},
		{"Information about your bookings is collected by third parties who sell our holidays.", "Information about your bookings is collected by third parties"},
	} {
		n, f := facts(t, "# Notice\n\n"+c.text+"\n")
		if !f.FromOthers().Holds || quoted(n, f.FromOthers().Evidence) != c.want {
			t.Errorf("%q: from others %v %q", c.text, f.FromOthers().Holds, quoted(n, f.FromOthers().Evidence))
		}
	}
	for _, text := range []string{
		"We send reminders from our offices to local councils.",
		"We do not receive information from councils or agencies.",
		"Your data is not collected by third parties.",
		"The newsletter is provided by us.",
		"Parts of the service may be provided by third parties.",
	} {
		if _, f := facts(t, "# Notice\n\n"+text+"\n"); f.FromOthers().Holds {
			t.Errorf("%q taken for data from others", text)
		}
	}

	n, f = facts(t, "# Notice\n\nWe do not transfer your personal data outside the UK. If you live outside the UK, this notice still applies.\n")
	if f.Transfers().Holds || quoted(n, f.Transfers().Evidence) != "outside the UK" {
		t.Errorf("a denied transfer: %v %q", f.Transfers().Holds, quoted(n, f.Transfers().Evidence))
	}
	_, f = facts(t, "# Notice\n\nOur lawful basis is public task, and sometimes a legal obligation.\n")
	if !f.PublicTaskOnly.Holds || f.Consent.Holds {
		t.Errorf("public task only %v, consent %v", f.PublicTaskOnly.Holds, f.Consent.Holds)
	}
	_, f = facts(t, "# Notice\n\nWe may disclose data to comply with legal obligations.\n")
	if f.PublicTaskOnly.Holds {
		t.Error("a legal obligation alone is not the public task")
	}
}

func TestStatedFactsWin(t *testing.T) {
	_, f := facts(t, "# Notice\n\nHarbourside Homes Ltd, 1 Quay Street, Bristol, BS1 4DJ.\n")
	no, yes := false, true
	uk := notices.UKGDPR
	declared := notices.DPODeclared
	g := f.With(&notices.Stated{UKEstablished: &no, PublicAuthority: &yes, DPO: &declared, Scope: &uk,
		Bases: []notices.LawfulBasis{notices.PublicTaskBasis}, Transfers: &no})
	if g.UKEstablished.Holds || !g.UKEstablished.Evidence.Stated {
		t.Errorf("UK-established %+v", g.UKEstablished)
	}
	if !g.PublicAuthority.Holds || !g.DPO.Required.Holds || g.DPO.Status != notices.DPODeclared {
		t.Errorf("public authority %v, DPO required %v, status %v", g.PublicAuthority.Holds, g.DPO.Required.Holds, g.DPO.Status)
	}
	if !g.PublicTaskOnly.Holds || g.Consent.Holds || g.Transfers().Holds || g.Scope != notices.UKGDPR {
		t.Errorf("public task only %v, consent %v, transfers %v, scope %v", g.PublicTaskOnly.Holds, g.Consent.Holds, g.Transfers().Holds, g.Scope)
	}
	if !f.UKEstablished.Holds || f.PublicAuthority.Holds {
		t.Error("With changed the notice's own facts")
	}
	if f.With(&notices.Stated{}) != f || f.With(nil) != f {
		t.Error("stating nothing should change nothing")
	}
	// A stated UK establishment puts the notice under UK GDPR.
	_, f = facts(t, "# Notice\n\nHello.\n")
	if g := f.With(&notices.Stated{UKEstablished: &yes}); g.Scope != notices.UKGDPR || !g.UKLaw.Stated {
		t.Errorf("scope %v", g.Scope)
	}
	// A later statement wins.
	m := notices.Stated{UKEstablished: &yes}.Merge(notices.Stated{UKEstablished: &no, Transfers: &yes})
	if *m.UKEstablished || !*m.Transfers {
		t.Error("Merge: the later statement should win")
	}
}

func TestMailtoPairs(t *testing.T) {
	src := "# Notice\n\n[dpo@example.org](mailto:privacy@example.org) and <a href=\"mailto:%20help@example.org\">help@example.org</a>, " +
		"[press@exam](mailto:press@example.org)[ple.org](mailto:press@example.org) and _dpo\\_office&#64;example.org_.\n"
	n, _ := facts(t, src)
	got := map[string]string{}
	var plain []string
	for _, c := range n.Contacts {
		switch {
		case c.Target && c.Link != nil:
			got[c.Value] = c.Link.Value + " | " + c.Shows
		case !c.Target && c.Link == nil && c.Kind == notices.Email:
			plain = append(plain, c.Value)
		}
	}
	want := map[string]string{
		"privacy@example.org": "dpo@example.org | dpo@example.org",
		"help@example.org":    "help@example.org | help@example.org",
		"press@example.org":   "press@exam | press@example.org",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: paired with %q, want %q", k, got[k], v)
		}
	}
	if strings.Join(plain, ",") != "dpo_office@example.org" {
		t.Errorf("unpaired addresses %q, want the emphasised, escaped one", plain)
	}
}

// A cookie policy that sends the reader to the organisation's privacy
// notice is a layer of it; a privacy notice that covers cookies too, or a
// cookie policy that speaks of other sites' privacy policies, is not.
func TestSupplement(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      bool
	}{
		{"cookie policy beside the privacy notice", "# Cookie Policy\n\nUnder UK GDPR this cookie policy explains the cookies on the Harbour Cinema website. How we use your personal data is set out in our [Privacy Notice](https://example.org/privacy).\n", true},
		{"a title naming other technologies too", "# Ads, Cookies & Tracking Technologies Policy\n\nWe use cookies on our site. Read our Privacy Policy for how we use your data.\n", true},
		{"named in its opening", "This Cookies Notice explains the small files our booking site stores. The Harbour Cinema Privacy Policy tells you how we use your data.\n", true},
		{"the privacy notice named by a web domain", "# Harbour Cinema Cookie Notice\n\nThis notice supplements the HarbourCinema.example Privacy Policy and describes the cookies on our booking site.\n", true},
		{"a privacy and cookies policy", "# Privacy and Cookies Policy\n\nThis cookie policy section sits inside our privacy policy.\n", false},
		{"calls itself a privacy notice", "# Cookie Policy\n\nThis privacy notice covers our cookies. See our privacy policy for more.\n", false},
		{"other sites' policies", "# Cookie Policy\n\nThis cookie policy explains our cookies. Partners' cookies follow the respective privacy policy of each partner.\n", false},
		{"a privacy notice", "# Privacy notice\n\nUnder UK GDPR we explain how we use your data. Our cookie policy is on another page.\n", false},
	} {
		if _, f := facts(t, c.src); f.Supplement.Holds != c.want {
			t.Errorf("%s: supplement %v, want %v", c.name, f.Supplement.Holds, c.want)
		}
	}
}
