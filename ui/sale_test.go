package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
)

// foundSale is a sale the POS recorded whole.
var foundSale = flow.Sale{
	Date: flow.Date{Year: 2026, Month: time.November, Day: 5}, Receipt: "R-1001", Line: 1, Model: "Phone X 128GB",
	Serial: "490154203237518", Price: flow.Money{Minor: 1999900, Currency: "UAH"}, Tender: flow.TenderCard,
	Condition: flow.ConditionNew, Market: flow.MarketEU, WarrantyMonths: 12,
}

// saleFormKeys are the enters that pass the sale form's nine fields.
var saleFormKeys = keysOf(kEnter, 9)

func newTestSale(t *testing.T, c *flow.Case) (saleModel, *flow.Case) {
	t.Helper()
	ctx := testScreen(t, "generic", c)
	return started(t, newSaleModel(ctx)), ctx.c
}

// searched is the sale screen after a scan of code and the root's answer.
func searched(t *testing.T, code string, sales []flow.Sale) (saleModel, *flow.Case) {
	t.Helper()
	m, c := newTestSale(t, nil)
	m, sent := drive(t, m, typed(code), kEnter)
	requireSent(t, sent, receiptLookupMsg{query: code})
	m, sent = drive(t, m, salesFoundMsg{query: code, sales: sales})
	requireSent(t, sent)
	return m, c
}

func TestSaleSearch(t *testing.T) {
	t.Run("a scan asks the root for the sale", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, sent := drive(t, m, typed("R-1001"), kEnter)
		requireSent(t, sent, receiptLookupMsg{query: "R-1001"})
		if m.phase != saleWaiting || !strings.Contains(plain(m.View()), "looking up R-1001") {
			t.Fatalf("phase %s, view:\n%s", m.phase, plain(m.View()))
		}
	})
	t.Run("an empty search stays with a message", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, sent := drive(t, m, kEnter)
		requireSent(t, sent)
		if v := plain(m.View()); m.phase != saleSearch || !strings.Contains(v, "! scan or type the receipt number") {
			t.Fatalf("phase %s, view:\n%s", m.phase, v)
		}
	})
	t.Run("a code no receipt or serial can be stays as typed", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, sent := drive(t, m, typed("R 1001!"), kEnter)
		requireSent(t, sent)
		v := plain(m.View())
		if !strings.Contains(v, "! a receipt number has only letters") || m.search.Value() != "R 1001!" {
			t.Fatalf("search %q, view:\n%s", m.search.Value(), v)
		}
	})
	t.Run("esc goes back", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		_, sent := drive(t, m, kEsc)
		requireSent(t, sent, goBackMsg{})
	})
	t.Run("tab types the sale, with the code typed so far as the receipt", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, sent := drive(t, m, typed("R-77"), kTab)
		requireSent(t, sent)
		if m.phase != saleForm || m.v.receipt != "R-77" || m.v.date != "" {
			t.Fatalf("phase %s, values %+v", m.phase, *m.v)
		}
	})
	t.Run("ctrl+t types the sale too", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, _ = drive(t, m, kCtrlT)
		if m.phase != saleForm {
			t.Fatalf("phase %s", m.phase)
		}
	})
}

func TestSaleLookupAnswer(t *testing.T) {
	t.Run("one complete sale takes one key", func(t *testing.T) {
		m, c := searched(t, "R-1001", []flow.Sale{foundSale})
		if m.phase != saleConfirm {
			t.Fatalf("phase %s", m.phase)
		}
		v := plain(m.View())
		for _, want := range []string{"Sale found", "Phone X 128GB", "490154203237518", "19999.00 UAH", "card", "12 months"} {
			if !strings.Contains(v, want) {
				t.Errorf("the confirmation does not show %q:\n%s", want, v)
			}
		}
		_, sent := drive(t, m, kEnter)
		requireAnswered(t, c, sent, flow.StepSale)
		if c.Sale != foundSale {
			t.Fatalf("sale %+v, want %+v", c.Sale, foundSale)
		}
	})
	t.Run("e has a shift lead correct the sale found", func(t *testing.T) {
		m, c := searched(t, "R-1001", []flow.Sale{foundSale})
		m, _ = drive(t, m, typed("e"))
		if m.phase != saleLead {
			t.Fatalf("phase %s", m.phase)
		}
		m, sent := drive(t, m, join(typed("Olena"), kEnter, typed("123456"), kEnter, typed("the POS rang it wrong"), kEnter)...)
		requireSent(t, sent, saleLeadMsg{name: "Olena", pin: "123456", reason: "the POS rang it wrong"})
		m, _ = drive(t, m, saleLeadResultMsg{err: flow.Errorf(flow.EForbidden, "wrong PIN")})
		if m.phase != saleLead || !strings.Contains(plain(m.View()), "wrong PIN") {
			t.Fatalf("a lead refused: phase %s\n%s", m.phase, plain(m.View()))
		}
		m, _ = drive(t, m, saleLeadResultMsg{lead: "Olena", reason: "the POS rang it wrong"})
		if m.phase != saleForm || !strings.Contains(plain(m.View()), "Shift lead Olena corrects the imported sale") {
			t.Fatalf("phase %s\n%s", m.phase, plain(m.View()))
		}
		m, sent = drive(t, m, join(keysOf(kEnter, 2), replace("Phone X 256GB"), kEnter, replace("21999.00"),
			keysOf(kEnter, 5))...)
		a := requireAnswered(t, c, sent, flow.StepSale)
		want := foundSale
		want.Model, want.Price.Minor = "Phone X 256GB", 2199900
		k := a.(saleEnteredMsg).correction
		if c.Sale != want || k == nil || k.By != "Olena" || strings.Join(k.Changes, ";") != "price 19999.00 UAH -> 21999.00 UAH" {
			t.Fatalf("sale %+v, want %+v; correction %+v", c.Sale, want, k)
		}
		if *c.Imported != foundSale {
			t.Fatalf("the import kept as %+v", c.Imported)
		}
	})
	t.Run("an incomplete import asks only what it does not say", func(t *testing.T) {
		part := foundSale
		part.Condition, part.Market = "", ""
		m, c := searched(t, "R-1001", []flow.Sale{part})
		v := plain(m.View())
		if m.phase != saleForm || strings.Contains(v, "Price in") || strings.Contains(v, "Receipt number") ||
			!strings.Contains(v, "From the sales import: 2026-11-05 · receipt R-1001 line 1 · 19999.00 UAH") {
			t.Fatalf("phase %s\n%s", m.phase, v)
		}
		m, sent := drive(t, m, keysOf(kEnter, 4)...)
		requireAnswered(t, c, sent, flow.StepSale)
		if c.Sale.Price != foundSale.Price || c.Sale.Condition != flow.ConditionNew || c.SaleCorrection != nil {
			t.Fatalf("sale %+v", c.Sale)
		}
	})
	t.Run("no sale: the form with the receipt typed", func(t *testing.T) {
		m, _ := searched(t, "R-404", nil)
		v := plain(m.View())
		if m.phase != saleForm || m.v.receipt != "R-404" || !strings.Contains(v, "No sale found under R-404") {
			t.Fatalf("phase %s, values %+v, view:\n%s", m.phase, *m.v, v)
		}
		requireFits(t, v)
	})
	t.Run("no sale for an IMEI: the form with the serial typed", func(t *testing.T) {
		m, _ := searched(t, "490154203237518", nil)
		if m.v.serial != "490154203237518" || m.v.receipt != "" {
			t.Fatalf("values %+v", *m.v)
		}
	})
	t.Run("several lines: pick one", func(t *testing.T) {
		second := foundSale
		second.Line, second.Model, second.Serial = 2, "Charger 20W", "CH-20-0042"
		second.Price = flow.Money{Minor: 99900, Currency: "UAH"}
		m, c := searched(t, "R-1001", []flow.Sale{foundSale, second})
		v := plain(m.View())
		if m.phase != salePick || !strings.Contains(v, "Charger 20W") || !strings.Contains(v, "none of these") {
			t.Fatalf("phase %s, view:\n%s", m.phase, v)
		}
		m, sent := drive(t, m, kDown, kEnter)
		requireSent(t, sent)
		if m.phase != saleConfirm {
			t.Fatalf("phase %s", m.phase)
		}
		_, sent = drive(t, m, kEnter)
		requireAnswered(t, c, sent, flow.StepSale)
		if c.Sale != second {
			t.Fatalf("sale %+v, want %+v", c.Sale, second)
		}
	})
	t.Run("several lines, none of them: the form with the receipt", func(t *testing.T) {
		m, _ := searched(t, "R-1001", []flow.Sale{foundSale, foundSale})
		m, _ = drive(t, m, kDown, kDown, kEnter)
		if m.phase != saleForm || m.v.receipt != "R-1001" || m.v.serial != "" {
			t.Fatalf("phase %s, values %+v", m.phase, *m.v)
		}
	})
	t.Run("a sale that lacks answers opens the form", func(t *testing.T) {
		partial := foundSale
		partial.Tender, partial.Market = "", ""
		m, c := searched(t, "R-1001", []flow.Sale{partial})
		if m.phase != saleForm || !strings.Contains(plain(m.View()), "fill in what it does not say") {
			t.Fatalf("phase %s, view:\n%s", m.phase, plain(m.View()))
		}
		_, sent := drive(t, m, saleFormKeys...)
		requireAnswered(t, c, sent, flow.StepSale)
		want := foundSale
		want.Tender, want.Market = flow.TenderCash, flow.MarketEU // the form's defaults
		if c.Sale != want {
			t.Fatalf("sale %+v, want %+v", c.Sale, want)
		}
	})
	t.Run("a failed lookup stays on the search", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, _ = drive(t, m, typed("R-1001"), kEnter, salesFoundMsg{query: "R-1001", err: errors.New("store closed")})
		if v := plain(m.View()); m.phase != saleSearch || !strings.Contains(v, "! could not look the sales up; see the log (tab: type the sale instead)") {
			t.Fatalf("phase %s, view:\n%s", m.phase, v)
		}
	})
	t.Run("an answer to a search given up is ignored", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, _ = drive(t, m, typed("R-1001"), kEnter, kEsc)
		if m.phase != saleSearch {
			t.Fatalf("phase %s", m.phase)
		}
		m, _ = drive(t, m, salesFoundMsg{query: "R-1001", sales: []flow.Sale{foundSale}})
		if m.phase != saleSearch {
			t.Fatalf("a late answer moved the screen to %s", m.phase)
		}
	})
}

func TestSaleTypedFromTheReceipt(t *testing.T) {
	m, c := newTestSale(t, nil)
	keys := join(kTab,
		replace("2026-11-05"),
		replace("R-2002"),
		replace("Phone Y"),
		replace("352099001761481"),
		replace("15999,5"),
		kRight, kEnter, // paid by card
		kEnter, // sold new
		replace("24"),
		kRight, kEnter, // US market
	)
	_, sent := drive(t, m, keys...)
	requireAnswered(t, c, sent, flow.StepSale)
	want := flow.Sale{Date: flow.Date{Year: 2026, Month: time.November, Day: 5}, Receipt: "R-2002", Model: "Phone Y",
		Serial: "352099001761481", Price: flow.Money{Minor: 1599950, Currency: "UAH"}, Tender: flow.TenderCard,
		Condition: flow.ConditionNew, Market: flow.MarketUS, WarrantyMonths: 24}
	if c.Sale != want {
		t.Fatalf("sale %+v, want %+v", c.Sale, want)
	}
}

// TestSaleTypedTheUkrainianWay: the sale form takes a date typed as
// 5.11.2026 and a price as 19 999,00 (a no-break space too).
func TestSaleTypedTheUkrainianWay(t *testing.T) {
	for _, tc := range []struct{ name, date, price string }{
		{"points_and_comma", "05.11.2026", "19 999,00"},
		{"one_digit_day_and_month", "5.11.2026", "19\u00a0999,00"},
		{"iso_and_point", "2026-11-05", "19999.00"},
		{"grouped_whole", "05.11.2026", "19 999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, c := newTestSale(t, nil)
			keys := join(kTab, replace(tc.date), replace("R-2002"), replace("Phone Y"), replace("352099001761481"),
				replace(tc.price), kEnter, kEnter, replace("24"), kEnter)
			_, sent := drive(t, m, keys...)
			requireAnswered(t, c, sent, flow.StepSale)
			if want := (flow.Date{Year: 2026, Month: time.November, Day: 5}); c.Sale.Date != want {
				t.Errorf("%q: sale date %s, want %s", tc.date, c.Sale.Date, want)
			}
			if want := (flow.Money{Minor: 1999900, Currency: "UAH"}); c.Sale.Price != want {
				t.Errorf("%q: price %s, want %s", tc.price, c.Sale.Price, want)
			}
		})
	}
}

func TestSaleUsedItemAsksForTheContract(t *testing.T) {
	c := &flow.Case{ID: "T-1", Sale: foundSale}
	m, _ := newTestSale(t, c)
	m, sent := drive(t, m, join(keysOf(kEnter, 6), kRight, kEnter, kEnter, kEnter)...) // sold used
	requireSent(t, sent)
	if v := plain(m.View()); !strings.Contains(v, "contractual warranty obligation") {
		t.Fatalf("no question of the contract:\n%s", v)
	}
	_, sent = drive(t, m, kRight, kEnter) // yes
	requireAnswered(t, c, sent, flow.StepSale)
	if c.Sale.Condition != flow.ConditionUsed || !c.Sale.WarrantyContract {
		t.Fatalf("sale %+v", c.Sale)
	}
}

// TestSaleBadInput types a bad value in each field of the sale form: the
// message shows on the field's title line, the form stays on the field, and
// what was typed stays, as do the other answers.
func TestSaleBadInput(t *testing.T) {
	tests := []struct {
		name  string
		field int // the field's place in the form, from 0
		bad   string
		msg   string
		value func(*saleValues) string
	}{
		{"sale date not a date", 0, "2026-13-40", `! "2026-13-40" is not a date: month 13 does not exist`, func(v *saleValues) string { return v.date }},
		{"sale date before 1990", 0, "0000-01-01", "! the sale date 0000-01-01 is before 1990", func(v *saleValues) string { return v.date }},
		{"sale date after today", 0, "2026-12-01", "! the sale date 2026-12-01 is after today (2026-11-20)", func(v *saleValues) string { return v.date }},
		{"receipt empty", 1, "", "! enter the receipt number", func(v *saleValues) string { return v.receipt }},
		{"receipt with a space", 1, "R 1001", "! a receipt number has only letters, digits, -, / and .", func(v *saleValues) string { return v.receipt }},
		{"model empty", 2, "", "! enter the model, as the receipt names it", func(v *saleValues) string { return v.model }},
		{"IMEI check digit wrong", 3, "490154203237517", "! 490154203237517 is not a valid IMEI: its check digit is wrong", func(v *saleValues) string { return v.serial }},
		{"serial too short", 3, "ab", "! a serial number has 3 to 40 characters", func(v *saleValues) string { return v.serial }},
		{"price not an amount", 4, "19999.999", `! "19999.999": at most 2 digits after the point or comma (19 999,00)`, func(v *saleValues) string { return v.price }},
		{"price zero", 4, "0", "! the price must be more than zero", func(v *saleValues) string { return v.price }},
		{"warranty out of range", 7, "200", `! "200" is not a number of months from 0 to 120`, func(v *saleValues) string { return v.months }},
	}
	titles := []string{"Sale date", "Receipt", "Model", "Serial", "Price", "", "", "Warranty"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &flow.Case{ID: "T-1", Sale: foundSale}
			m, _ := newTestSale(t, c)
			m, sent := drive(t, m, join(keysOf(kEnter, tt.field), replace(tt.bad))...)
			requireSent(t, sent)
			view := plain(m.View())
			line := ""
			for _, l := range strings.Split(view, "\n") {
				if strings.Contains(l, "! ") {
					line = l
				}
			}
			if !strings.Contains(line, tt.msg) || !strings.Contains(line, titles[tt.field]) {
				t.Fatalf("want %q beside %q; view:\n%s", tt.msg, titles[tt.field], view)
			}
			if got := tt.value(m.v); got != tt.bad {
				t.Errorf("the field holds %q, want %q as typed", got, tt.bad)
			}
			if m.v.model != foundSale.Model && tt.field != 2 || c.Sale != foundSale {
				t.Errorf("other answers changed: %+v, case sale %+v", *m.v, c.Sale)
			}
			requireFits(t, view)
			// the cashier fixes the field and the form goes on
			fix := map[int]string{0: "2026-11-05", 1: "R-1001", 2: "Phone X 128GB", 3: "490154203237518", 4: "19999.00", 7: "12"}
			m, sent = drive(t, m, replace(fix[tt.field])...)
			requireSent(t, sent)
			if strings.Contains(plain(m.View()), "! ") {
				t.Fatalf("the message stays after the fix:\n%s", plain(m.View()))
			}
			if tt.field == 3 { // once: the fixed form completes with every answer
				_, sent = drive(t, m, keysOf(kEnter, 8-tt.field)...)
				requireAnswered(t, c, sent, flow.StepSale)
				if c.Sale != foundSale {
					t.Fatalf("sale %+v, want %+v", c.Sale, foundSale)
				}
			}
		})
	}
}

func TestSaleGoingBackShowsTheEarlierAnswers(t *testing.T) {
	c := &flow.Case{ID: "T-1", Sale: foundSale, Done: flow.StepSet(0).With(flow.StepSale)}
	m, _ := newTestSale(t, c)
	v := plain(m.View())
	if m.phase != saleForm {
		t.Fatalf("phase %s", m.phase)
	}
	for _, want := range []string{"2026-11-05", "R-1001", "Phone X 128GB", "490154203237518", "19999.00", "card", "12"} {
		if !strings.Contains(v, want) {
			t.Errorf("the form does not show %q:\n%s", want, v)
		}
	}
	requireFits(t, v)
	_, sent := drive(t, m, saleFormKeys...)
	requireAnswered(t, c, sent, flow.StepSale)
	if c.Sale != foundSale {
		t.Fatalf("sale %+v, want %+v", c.Sale, foundSale)
	}
}

func TestSaleEsc(t *testing.T) {
	t.Run("the form of a case's sale goes back a step", func(t *testing.T) {
		m, _ := newTestSale(t, &flow.Case{ID: "T-1", Sale: foundSale})
		_, sent := drive(t, m, kEnter, kEsc)
		requireSent(t, sent, goBackMsg{})
	})
	t.Run("huh's abort goes back too", func(t *testing.T) {
		m, _ := newTestSale(t, &flow.Case{ID: "T-1", Sale: foundSale})
		_, sent := drive(t, m, kCtrlC)
		requireSent(t, sent, goBackMsg{})
	})
	t.Run("the form opened from the search goes back to it, keeping the search", func(t *testing.T) {
		m, _ := searched(t, "R-404", nil)
		m, sent := drive(t, m, kEsc)
		requireSent(t, sent)
		if m.phase != saleSearch || m.search.Value() != "R-404" {
			t.Fatalf("phase %s, search %q", m.phase, m.search.Value())
		}
	})
	t.Run("the sale found goes back to the search", func(t *testing.T) {
		m, _ := searched(t, "R-1001", []flow.Sale{foundSale})
		m, sent := drive(t, m, kEsc)
		requireSent(t, sent)
		if m.phase != saleSearch {
			t.Fatalf("phase %s", m.phase)
		}
	})
}

func TestSaleGolden(t *testing.T) {
	t.Run("search", func(t *testing.T) {
		goldenView(t, newSaleModel(testScreen(t, "generic", nil)), "tab  type the sale")
	})
	t.Run("found", func(t *testing.T) {
		goldenView(t, newSaleModel(testScreen(t, "generic", nil)), "use this sale",
			typed("R-1001"), kEnter, salesFoundMsg{query: "R-1001", sales: []flow.Sale{foundSale}})
	})
	t.Run("typed with a bad IMEI", func(t *testing.T) {
		m, _ := newTestSale(t, nil)
		m, _ = drive(t, m, join(kTab, replace("2026-11-05"), replace("R-2002"), replace("Phone Y"),
			replace("490154203237517"))...)
		goldenAfter(t, m, "check digit is wrong")
	})
	t.Run("picked from a receipt of two lines", func(t *testing.T) {
		second := foundSale
		second.Line, second.Model, second.Serial = 2, "Charger 20W", "CH-20-0042"
		m, _ := searched(t, "R-1001", []flow.Sale{foundSale, second})
		goldenAfter(t, m, "none of these")
	})
}

var _ tea.Model = harness[saleModel]{}

func TestSaleEmptyDateIsToday(t *testing.T) {
	m, c := newTestSale(t, nil)
	_, sent := drive(t, m, join(kTab, kEnter, replace("R-3"), replace("Phone Z"), replace("490154203237518"),
		replace("999.00"), keysOf(kEnter, 2), replace(""), kEnter)...)
	requireAnswered(t, c, sent, flow.StepSale)
	if c.Sale.Date != testToday {
		t.Fatalf("sale date %s, want today %s", c.Sale.Date, testToday)
	}
}

func TestDocumentsTickTheReceiptOfTheSale(t *testing.T) {
	c := &flow.Case{ID: "T-1", Sale: flow.Sale{Receipt: "R-1"}, Done: flow.StepSet(0).With(flow.StepSale)}
	m, _ := newTestDocuments(t, c)
	if v := plain(m.View()); !strings.Contains(v, "[•] receipt") {
		t.Fatalf("the receipt typed on the sale is not ticked:\n%s", v)
	}
}
