// Package rules holds noticelint's checks, one file per rule. Each rule is a
// documented lint.Rule value; All lists them in a stable order.
package rules
