package config

import (
	"fmt"
	"strings"

	"github.com/noticelint/noticelint/lint"
)

// starterIgnore is the ignore entry Starter writes.
const starterIgnore = "ignore: []\n"

// StarterIgnoring is Starter with names in ignore, each a file name that
// matches in every folder (a README.md beside the notices is no notice, and
// linting it would only give false findings); found says where they were
// seen, for the comment above them.
func StarterIgnoring(rules []*lint.Rule, names []string, found string) []byte {
	s := string(Starter(rules))
	if len(names) == 0 || !strings.Contains(s, starterIgnore) {
		return []byte(s)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ignore:\n  # Not notices: found beside them in %s. Remove a line to lint that file.\n", found)
	for _, n := range names {
		fmt.Fprintf(&b, "  - %q\n", n)
	}
	return []byte(strings.Replace(s, starterIgnore, b.String(), 1))
}
