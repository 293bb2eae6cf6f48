package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// BenchmarkKeypress is one key on each of the kiosk's screens: the root's
// Update, the screen's, and the whole View, as bubbletea runs them per key.
// go test ./ui -run '^$' -bench Keypress -benchmem
func BenchmarkKeypress(b *testing.B) {
	screens := []struct {
		name  string
		setUp func(r *rootT)
		keys  []tea.Msg // pressed in turn, each leaving the screen where it was
	}{
		{"login_40_staff", func(r *rootT) { // typed letters filter the list, arrows move in it
			r.withStaff(manyStaff...)
		}, []tea.Msg{typed("к"), kDown, kUp, kBack}},
		{"home_1000_open_cases", func(r *rootT) {
			fillOpenCases(b, r.st, 1000)
			r.login("Ivan", "1111")
		}, []tea.Msg{kDown, kUp}},
		{"sale_form", func(r *rootT) {
			r.login("Ivan", "1111")
			r.keys(typed("n"), typed("R-1001"), kEnter)
		}, []tea.Msg{typed("7"), kBack}},
		{"inspection", func(r *rootT) {
			r.login("Ivan", "1111")
			walkToDecision(r, "2026-11-10")
		}, []tea.Msg{typed("1"), typed("1")}},
		{"service_intake", func(r *rootT) {
			r.login("Ivan", "1111")
			toIntake(r)
		}, []tea.Msg{typed("x"), kBack}},
		{"service_ticket", func(r *rootT) {
			r.login("Ivan", "1111")
			toIntake(r)
			typeIntake(r, "dead", "", "", "")
			r.keys(kEnter)             // the act: home
			r.keys(kEnter, typed("t")) // the item at the service centre: its ticket
			if r.m.view != viewTicket {
				b.Fatalf("not at the ticket's form:\n%s", r.view())
			}
		}, []tea.Msg{typed("7"), kBack}},
		{"reprint_list", func(r *rootT) { // the acts of a receipt, the cursor moving among them
			r.login("Ivan", "1111")
			walkToDecision(r, "2026-11-10")
			r.keys(kEnter, kEnter, typed("y"), kEnter, typed("p"), typed("R-1001"), kEnter)
		}, []tea.Msg{kDown, kUp}},
		{"phone_form", func(r *rootT) { // a refund owed: the customer's phone typed
			r.login("Ivan", "1111")
			walkToDecision(r, "2026-11-10")
			r.keys(kEnter, kEnter, typed("n"))
		}, []tea.Msg{typed("7"), kBack}},
		{"decision", func(r *rootT) {
			r.login("Ivan", "1111")
			walkToDecision(r, "2026-11-10")
			r.keys(kEnter)
		}, []tea.Msg{kDown, kUp}},
		{"replacement", func(r *rootT) {
			r.login("Ivan", "1111")
			walkToExchange(r, "2026-11-10")
			r.keys(kEnter, typed("Phone X Lite"), kEnter, kEnter, typed("356938035643809"), kEnter)
		}, []tea.Msg{typed("7"), kBack}}, // the price, and the difference said as it is typed
		{"act_another_item", func(r *rootT) {
			r.login("Ivan", "1111")
			walkToDecision(r, "2026-11-10")
			r.keys(kEnter, kEnter, typed("y"))
		}, []tea.Msg{kDown, kUp}},
		{"visit_next_item_sale", func(r *rootT) {
			r.login("Ivan", "1111")
			walkToDecision(r, "2026-11-10")
			r.keys(kEnter, kEnter, typed("y"), typed("a"))
		}, []tea.Msg{typed("7"), kBack}},
	}
	for _, l := range lang.Langs { // Ukrainian: every word looked up in the message files
		for _, sc := range screens {
			b.Run(string(l)+"/"+sc.name, func(b *testing.B) {
				r := newRoot(b, "citrus")
				defer r.st.Close()
				if l != lang.EN {
					r.speaks(l)
				}
				sc.setUp(r)
				i := 0
				for b.Loop() {
					r.m.Update(sc.keys[i%len(sc.keys)])
					_ = r.m.View()
					i++
				}
			})
		}
	}
}

// fillOpenCases saves n drafts, as a store whose cashiers left cases open.
func fillOpenCases(tb testing.TB, st *store.Store, n int) {
	for i := 0; i < n; i++ {
		now := testToday.Time().Add(-24 * 3600 * 1e9).Add(0)
		c := &flow.Case{ID: st.NewCaseID(now), Policy: "citrus", Opened: now, OpenedBy: "Ivan",
			Status: flow.StatusOpen, Step: flow.StepRequest, Done: flow.StepSet(0).With(flow.StepSale),
			Sale: flow.Sale{Date: testToday.AddDays(-3), Receipt: fmt.Sprintf("R-%d", i), Model: "Phone X",
				Price: flow.Money{Minor: 1999900, Currency: "UAH"}}}
		if err := st.SaveCase(c, store.Event{Staff: "Ivan", Kind: store.EventStep, Step: "sale"}); err != nil {
			tb.Fatal(err)
		}
	}
}
