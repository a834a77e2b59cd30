package lint

import "github.com/noticelint/noticelint/notices"

// Organisation holds facts about the organisation whose notices are linted,
// which a rule cannot learn from the notice itself: a DPO address that is
// well-formed but out of date, or a registration number one digit off, only
// shows against the real one.
type Organisation struct {
	Name             string
	DPOEmails        []string
	ICORegistrations []string
}

// RuleSetting is what a configuration says about one rule.
type RuleSetting struct {
	// Off turns the rule off.
	Off bool
	// Severity, when set, replaces the rule's default severity.
	Severity *Severity
	// Options are values for the rule's declared options, by name.
	Options map[string]any
}

// Settings is the configuration that applies to one file. The zero value is
// the defaults: every rule on at its own severity, no organisation facts.
type Settings struct {
	Rules map[string]RuleSetting
	Org   Organisation
	// RequireReason makes a suppression without "-- reason" an error: a DPO's
	// sign-off on a known gap needs an audit trail.
	RequireReason bool
	// Facts are what the configuration states about the notice; a stated
	// fact wins over what the text shows.
	Facts notices.Stated
}

// active reports whether rule r runs under s.
func (s *Settings) active(r *Rule) bool {
	return s == nil || !s.Rules[r.ID].Off
}

// severity returns the severity r's findings carry under s.
func (s *Settings) severity(r *Rule) Severity {
	if s != nil {
		if sev := s.Rules[r.ID].Severity; sev != nil {
			return *sev
		}
	}
	return r.Severity
}

func (s *Settings) options(r *Rule) map[string]any {
	if s == nil {
		return nil
	}
	return s.Rules[r.ID].Options
}

func (s *Settings) facts() *notices.Stated {
	if s == nil {
		return nil
	}
	return &s.Facts
}

func (s *Settings) org() Organisation {
	if s == nil {
		return Organisation{}
	}
	return s.Org
}
