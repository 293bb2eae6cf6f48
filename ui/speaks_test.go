package ui

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/flow/lang/langtest"
)

// A Ukrainian screen shows no English: every Latin word on it is one the
// Ukrainian message files hold (a key's name, "enter", "IMEI"), a clause's
// id (shown as it is, in small print) or one of the tests' own data (a
// model, a staff member's name, a receipt number), so a string the code
// prints without its message file fails the screen's golden test
// (langtest). Every golden test named ...UK runs this check on the screen
// it compares.

// fixtureWords are the tests' data that a screen shows as it is typed: the
// staff, the store, the models and receipts, the passport's name, the
// case's id, the print command and the files of its act (DATA/acts/ID-N.pdf);
// the names in a built-in policy's Ukrainian title, as its file writes them
// ("iCenter (продавець техніки Apple)"); the desk's seeded refund owed, its
// id and its payout slip's file, and the ids of its cash refund and its
// override.
var fixtureWords = strings.Fields(`Olena Petro Ivan Marta Test store Galaxy A55 S23 S24 256GB Pixel Xiaomi iPhone 128GB
	AirPods Pro Redmi Note MacBook Air Kindle Charger 20W CH-20-0042 Samsung R-1001 R-1901 R-1902 R-1903 R-2001 R-2002
	R-2003 R-2004 R-2005 R-2006 R-2007 SEQ HASH UAH citrus icenter iCenter Apple generic Phone X GB W
	T-1 T-2 lp var lib returnsdesk acts txt pdf T-1-payout-1 T-1-17 01M7VWMTA00M2GA1850M2GA185 01M7VWMTA00M2GA1850M2GA185-payout-1
	01M7VYY220144GJ289144GJ289 01M7VW2GC00G2081040G208104 30C1G6`)

// allowedWords are fixtureWords and the clauses' ids.
func allowedWords() []string {
	out := append([]string{}, fixtureWords...)
	for _, id := range flow.ClauseIDs {
		out = append(out, string(id))
	}
	return out
}

// requireUkrainian fails the test for each Latin word on the screen that
// neither the Ukrainian messages nor the tests' data hold.
func requireUkrainian(t *testing.T, view string) {
	t.Helper()
	found, err := langtest.Foreign(view, lang.UK, allowedWords())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("not in the Ukrainian messages: %s", f)
	}
}

// checkSpeaks runs requireUkrainian on a golden test's screen when the
// test is a Ukrainian one (named ...UK, or a subtest of one).
func checkSpeaks(t *testing.T, view string) {
	t.Helper()
	if top, _, _ := strings.Cut(t.Name(), "/"); strings.HasSuffix(top, "UK") {
		requireUkrainian(t, view)
	}
}
