package rules

import (
	"fmt"
	"strings"

	"github.com/noticelint/noticelint/lint"
	"github.com/noticelint/noticelint/notices"
)

// MailtoMismatch checks that a mailto: link sends mail to the address it
// shows.
var MailtoMismatch = &lint.Rule{
	ID:       "mailto-mismatch",
	Summary:  "A mailto: link sends mail to the address its text shows",
	Severity: lint.Warning,
	Since:    "0.2.0",
	Doc: `Why: a reader who copies the address they see and one who clicks the link should
reach the same inbox. When a notice is edited, the visible address is often updated
and the link's target left behind (or the reverse), so the DPO's new address is shown
and the old one still receives the mail, or a request goes to nobody.

The rule reads every email address in the notice, whoever it belongs to, written as a
Markdown link or inline HTML.

Fails:
  [dpo@example.org](mailto:privacy@example.org)
  <a href="mailto:dpo@old.example.org">dpo@example.org</a>

Passes:
  [dpo@example.org](mailto:dpo@example.org)
  [DPO@Example.org](mailto:dpo@example.org)   (addresses differ only in case)
  [email our DPO](mailto:dpo@example.org)     (the text shows no address)
  [dpo@example. org](mailto:dpo@example.org)  (a space inside the shown address)

Fix: make the link's text and its mailto: target the same address.`,
	Check: checkMailtoMismatch,
}

func checkMailtoMismatch(pass *lint.Pass) {
	for _, c := range pass.Notice.Contacts {
		if c.Kind != notices.Email || !c.Target || c.Link == nil || strings.EqualFold(c.Value, c.Link.Value) {
			continue
		}
		shown := c.Link
		// The text may show more of the address than noticelint reads as
		// one ("fv‐datenschutz@..." with a Unicode hyphen), or split it
		// over several links.
		// A space inside the shown address ("casework@ico. org.uk") is a
		// converter's line wrap or a typing slip: the reader who types it
		// drops the space, so only a different address is a mismatch.
		if strings.Contains(strings.ToLower(strings.Join(strings.Fields(c.Shows), "")), strings.ToLower(c.Value)) {
			continue
		}
		pass.Report(shown.Span, shown.Para.Section,
			fmt.Sprintf("This link shows %s but sends mail to %s.", shown.Value, c.Value),
			fmt.Sprintf("Make the link's text and its mailto: target the same address: %s or %s, whichever is current.", shown.Value, c.Value))
	}
}
