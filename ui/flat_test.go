package ui

import (
	"regexp"
	"strings"
)

// flat is a document's text with each line's runs of spaces made one, and
// its lines joined by one: a label and its value read "Store Test store",
// at any width.
func flat(b []byte) string {
	return strings.TrimSpace(spaces.ReplaceAllString(string(b), " "))
}

// spaces are ASCII blanks: a no-break space is part of an amount.
var spaces = regexp.MustCompile(`[ \t\r\n]+`)
