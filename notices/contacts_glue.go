package notices

import "strings"

// Text flattened onto one line loses the break after an address, and the
// next word is glued to it: "dpo@example.comBy mail to ...". A top-level
// domain is written in one case, so a last label that turns from lower to
// upper case ("comBy") ends at the turn when what comes before it is a
// top-level domain in use; "example.eDreams" or "x.coM" stay whole.
var gluedTLDs = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "int": true, "info": true, "biz": true,
	"io": true, "co": true, "uk": true, "eu": true, "fr": true, "de": true, "es": true, "it": true, "nl": true,
	"be": true, "ie": true, "lu": true, "ch": true, "at": true, "se": true, "dk": true, "no": true, "fi": true,
	"pl": true, "pt": true, "cz": true, "us": true, "ca": true, "au": true, "jp": true, "app": true, "tv": true,
}

// gluedEnd returns where the address whose domain starts at host in t and
// runs to e ends once a word glued to its last label is cut off.
func gluedEnd(t string, host, e int) int {
	dot := strings.LastIndexByte(t[host:e], '.')
	if dot < 0 {
		return e
	}
	label := t[host+dot+1 : e]
	k := 0
	for k < len(label) && label[k] >= 'a' && label[k] <= 'z' {
		k++
	}
	if k == 0 || k == len(label) || !isUpper(label[k]) || !gluedTLDs[label[:k]] {
		return e
	}
	for _, c := range []byte(label[k+1:]) {
		if c < 'a' || c > 'z' {
			return e // "comBy" is a word; "comB2" or "comAB" is not
		}
	}
	return host + dot + 1 + k
}
