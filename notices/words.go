package notices

import (
	"sort"
	"strings"
)

// numberWords maps the number words notices use in references ("see section
// three") to their values.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"twenty-one": 21, "twenty-two": 22, "twenty-three": 23, "twenty-four": 24, "twenty-five": 25,
	"twenty-six": 26, "twenty-seven": 27, "twenty-eight": 28, "twenty-nine": 29, "thirty": 30,
}

// numberWordsAlt is a regexp alternation of the number words, longest first
// so "twenty-one" wins over "twenty".
var numberWordsAlt = func() string {
	ws := make([]string, 0, len(numberWords))
	for w := range numberWords {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool {
		if len(ws[i]) != len(ws[j]) {
			return len(ws[i]) > len(ws[j])
		}
		return ws[i] < ws[j]
	})
	return `(?:` + strings.Join(ws, "|") + `)\b`
}()

// NumberWord returns the value of a number word such as "three", or 0.
func NumberWord(s string) int { return numberWords[strings.ToLower(s)] }
