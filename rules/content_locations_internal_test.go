package rules

import "testing"

// Where the checklist points for a present element, by the classes of
// structure that decide it: each notice below is written for its case.
func TestChecklistLocations(t *testing.T) {
	tests := []struct {
		name, id, src string
		want          int // line
	}{
		{
			// The right to complain to the regulator said under a US
			// framework's dispute route comes after the notice's own
			// statement of it elsewhere.
			name: "complaint under a framework's dispute route", id: "complaint-right",
			src: "# Notice\n\nUnder UK GDPR we tell you this.\n\n" +
				"## Data Privacy Framework\n\n### Framework queries and complaints\n\n" +
				"Write to us first. You may also contact your supervisory authority in the UK.\n\n" +
				"## Contact us\n\nWrite to privacy@example.org with any question.\n\n" +
				"You can complain to the Information Commissioner's Office at any time.\n",
			want: 15,
		},
		{
			// With no section titled for it, a safeguard named in the
			// introduction before the first section comes after the one
			// named in a section, though the introduction names it twice.
			name: "introduction sums up the sections", id: "transfers",
			src: "# Notice\n\nUnder UK GDPR we follow the rules. We adhere to the Data Privacy Framework. " +
				"We certify our adherence to the Data Privacy Framework each year.\n\n" +
				"## Readers in the UK\n\nOur hosts are in the United States. " +
				"We rely on standard contractual clauses for these transfers.\n",
			want: 7,
		},
		{
			// A section titled for the recipients that lists processors
			// without a sharing verb states the element more than a
			// section that discloses to one authority.
			name: "processors listed under their title", id: "recipients",
			src: "# Notice\n\nUnder UK GDPR we tell you this.\n\n" +
				"## Data processors\n\nWe work with these processors.\n\n" +
				"*   Mailhouse Ltd, our email provider, in Ireland.\n*   Ledger Ltd, our payment provider, in the UK.\n" +
				"*   Helpdesk Ltd, our support provider, in the UK.\n\n" +
				"## Disclosure\n\nWe disclose data to the police only when a court orders it.\n",
			want: 7,
		},
		{
			// A section titled for the recipients whose opening names
			// nobody, its sub-sections each naming one: the first
			// sub-section's text.
			name: "sub-sections name the recipients", id: "recipients",
			src: "# Notice\n\nUnder UK GDPR we tell you this.\n\n" +
				"## Who we share your data with\n\nWe follow the Data Protection Regulation in this.\n\n" +
				"### Email\n\nMailhouse Ltd is our email provider.\n\n" +
				"### Hosting\n\nOur host is Rackroom Ltd, in London.\n",
			want: 11,
		},
		{
			// Two title-like lines name where data come from: the one led
			// by the source shows the sources, the one led by the data
			// what kinds they are.
			name: "source-led line for the sources", id: "data-source",
			src:  sourceLines,
			want: 11,
		},
		{
			name: "data-led line for the kinds of data", id: "data-categories",
			src:  sourceLines,
			want: 5,
		},
	}
	for _, tc := range tests {
		n := parse(t, tc.src)
		v := verdict(t, tc.src, tc.id)
		if got := n.Pos(v.At.Start).Line; v.Status != Present || got != tc.want {
			t.Errorf("%s: %s %v at line %d, want present at %d", tc.name, tc.id, v.Status, got, tc.want)
		}
	}
}

// sourceLines is a notice with bold title lines, no headings: one led by
// the data received, one led by the sources.
const sourceLines = "# Notice\n\nUnder UK GDPR we tell you this. We collect your name when you join.\n\n" +
	"**Information we receive from other organisations**\n\n" +
	"Your club may give us your name and membership number when it signs you up.\n\n" +
	"**Partners who pass information to us**\n\n" +
	"We receive your email address from ticket agencies after you book.\n"
