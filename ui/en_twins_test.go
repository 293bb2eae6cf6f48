package ui

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// The English goldens of the screens whose Ukrainian goldens came first:
// every screen has both, at 80x24.

func TestDeskNoteGolden(t *testing.T) {
	r, _ := seededDesk(t)
	deskGolden(t, r, "Note on case", kDown, kEnter, typed("n"), typed("the customer took the box"))
}

func TestDeskExportGolden(t *testing.T) {
	r, _ := seededDesk(t)
	deskGolden(t, r, "Export 2026-11-20: c CSV · j JSON", typed("e"))
}

func TestDeskReopenGolden(t *testing.T) {
	r, _ := seededDesk(t)
	r.keys(typed("3"), typed("c"), typed("y"), typed("1")) // the close's news leaves the header
	deskGolden(t, r, "Reopen 2026-11-20?", typed("3"), typed("o"), typed("a return forgotten at 17:40"))
}

func TestDeskCaseTrailGolden(t *testing.T) {
	r, ids := seededDesk(t)
	must(t, r.st.SignOff(ids["cash"], "Olena", r.now))
	deskGolden(t, r, "Trail (4 events)", kEnter, kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown,
		kDown)
}

func TestDeskCasePartPaidGolden(t *testing.T) {
	r, ids := seededDesk(t)
	must(t, errOf(r.st.RecordRefund(ids["owed"], flow.Money{Minor: 10000, Currency: "UAH"}, flow.TenderCard, "Olena", r.now)))
	deskGolden(t, r, "Trail (2 events)", kDown, kEnter, kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown)
}

func TestPromptsGolden(t *testing.T) { promptGoldens(t, lang.EN) }

func TestSetupGolden(t *testing.T) {
	t.Run("language", func(t *testing.T) {
		rootGolden(t, newRoot(t, ""), "Мова / Language", "> українська")
	})
	setupGoldens(t, lang.EN)
}

func TestStaffGolden(t *testing.T) { staffGoldens(t, lang.EN) }

func TestVoidGolden(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEsc, kEsc, kEsc, kEsc, kEsc) // back past the sale: home, the draft kept
	r.requireView("Home", "Open cases (1)")
	r.keys(typed("l"))
	r.login("Olena", "123456")
	r.keys(typed("x"))
	r.requireView("Void case", "Reason (on the audit trail)")
	// the case's id differs from run to run
	viewGolden(t, strings.ReplaceAll(r.view(), r.m.void.sum.ID, strings.Repeat("0", len(r.m.void.sum.ID))))
}
