package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
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

func TestPromptsGolden(t *testing.T) {
	st, k := look.DefaultStyles(), look.KeysIn(lang.For(lang.EN))
	price := flow.Money{Minor: 1999900, Currency: "UAH"}
	for name, p := range map[string]prompt{
		"leave": quitPrompt(&st, &k),
		"cash":  cashPrompt(&st, &k, price, 7),
		"back":  backPrompt(&st, &k, "01KAB3D7Q0R8VD4W6X20123456"),
	} {
		t.Run(name, func(t *testing.T) {
			teatest.RequireEqualOutput(t, []byte(plain(p.text)))
		})
	}
}

func TestSetupGolden(t *testing.T) {
	t.Setenv("TZ", "Europe/Kyiv") // the machine's zone, filled in
	english := func(t *testing.T) *rootT {
		r := newRoot(t, "")
		r.keys(kDown, kEnter) // English
		return r
	}
	t.Run("language", func(t *testing.T) {
		rootGolden(t, newRoot(t, ""), "Мова / Language", "> українська")
	})
	t.Run("store", func(t *testing.T) {
		rootGolden(t, english(t), "Store name", "> Europe/Kyiv")
	})
	t.Run("policy file", func(t *testing.T) {
		r := english(t)
		r.keys(typed("Kyiv Central"), kEnter, kDown, kDown, kDown, kEnter, kEnter)
		rootGolden(t, r, "Policy file")
	})
	t.Run("first shift lead", func(t *testing.T) {
		r := english(t)
		r.keys(typed("Kyiv Central"), kEnter, kEnter, kEnter)
		rootGolden(t, r, "The first shift lead")
	})
	t.Run("two PINs", func(t *testing.T) {
		r := english(t)
		r.keys(typed("Kyiv Central"), kEnter, kEnter, kEnter)
		r.keys(typed("Olena"), kEnter, typed("1234"), kEnter, typed("4321"), kEnter)
		rootGolden(t, r, "the two PINs differ")
	})
}

func TestStaffGolden(t *testing.T) {
	open := func(t *testing.T) *rootT {
		r := newRoot(t, "citrus")
		r.login("Olena", "1234")
		r.keys(typed("s"))
		return r
	}
	t.Run("form", func(t *testing.T) {
		rootGolden(t, open(t), "Add a staff member", "> the store's")
	})
	t.Run("two PINs", func(t *testing.T) {
		r := open(t)
		r.keys(typed("Marta"), kEnter, kEnter, kEnter, typed("4321"), kEnter, typed("4322"), kEnter)
		rootGolden(t, r, "the two PINs differ")
	})
	t.Run("short PIN", func(t *testing.T) {
		r := open(t)
		r.keys(typed("Marta"), kEnter, kEnter, kEnter, typed("12"), kEnter)
		rootGolden(t, r, "! "+flow.Message(flow.ErrPIN))
	})
}

func TestVoidGolden(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEsc, kEsc, kEsc, kEsc, kEsc) // back past the sale: home, the draft kept
	r.requireView("Home", "Open cases (1)")
	r.keys(typed("l"))
	r.login("Olena", "1234")
	r.keys(typed("x"))
	r.requireView("Void case", "Reason (on the audit trail)")
	// the case's id differs from run to run
	viewGolden(t, strings.ReplaceAll(r.view(), r.m.void.sum.ID, strings.Repeat("0", len(r.m.void.sum.ID))))
}
