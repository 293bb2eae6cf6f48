package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// replacementKeys type a replacement into its form: its model, that it has
// a serial, the serial, the price, and the tender as offered (the sale's).
func replacementKeys(model, serial, price string) []tea.Msg {
	return join(replace(model), kEnter, replace(serial), replace(price), kEnter)
}

// exchangeCase is the found sale (19 999,00 in card, serial
// 490154203237518) decided as an exchange the customer asked for, in l.
func exchangeCase(t *testing.T, l lang.Lang) *flow.Case {
	t.Helper()
	c := decidedCaseIn(t, l, "generic", func(c *flow.Case) { c.Request.Wants = flow.WantExchange })
	if c.Outcome() != flow.OutcomeExchange {
		t.Fatalf("the exchange is a %s", c.Outcome())
	}
	return c
}

// replacementSent drives the form with keys and returns the replacement
// it sent, failing when it sent none.
func replacementSent(t *testing.T, m replacementModel, keys ...tea.Msg) (replacementModel, flow.Replacement) {
	t.Helper()
	m, sent := drive(t, started(t, m), keys...)
	for _, msg := range sent {
		if r, ok := msg.(replacementEnteredMsg); ok {
			return m, r.r
		}
	}
	t.Fatalf("the form sent %#v, no replacement; it shows:\n%s", sent, plain(m.View()))
	return m, flow.Replacement{}
}

// TestReplacementForm: a phone with its IMEI, cheaper, refunded in the
// sale's tender; an accessory without a serial; a serial typed for an
// accessory, the returned item's own serial and a price of nothing stay
// on the form beside their fields; esc goes back.
func TestReplacementForm(t *testing.T) {
	c := exchangeCase(t, lang.EN)
	t.Run("a cheaper phone", func(t *testing.T) {
		_, r := replacementSent(t, newReplacementModel(testScreen(t, "generic", c)),
			replacementKeys("Phone X 64GB", "356938035643809", "14 999,00")...)
		want := flow.Replacement{Model: "Phone X 64GB", Serial: "356938035643809",
			Price: flow.Money{Minor: 1499900, Currency: "UAH"}, Tender: flow.TenderCard}
		if r != want {
			t.Errorf("sent %+v, want %+v", r, want)
		}
	})
	t.Run("an accessory at the same price", func(t *testing.T) {
		_, r := replacementSent(t, newReplacementModel(testScreen(t, "generic", c)),
			join(replace("Case for Phone X"), kRight, kEnter, kEnter, replace("19999.00"), kEnter)...)
		if !r.NoSerial || r.Serial != "" || r.Tender != "" || r.Price.Minor != 1999900 {
			t.Errorf("sent %+v", r)
		}
	})
	for _, bad := range []struct {
		name string
		keys []tea.Msg
		want string
	}{
		{"a serial for an accessory", join(replace("Cable"), kRight, kEnter, replace("SN-1")), "the replacement has no serial number: leave it empty"},
		{"the returned item's serial", join(replace("Phone X"), kEnter, replace("490154203237518")),
			"this is the returned item's serial"},
		{"no serial for a phone", join(replace("Phone X"), kEnter, kEnter), "enter the serial number or IMEI"},
		{"a price of nothing", join(replace("Phone X"), kEnter, replace("356938035643809"), replace("0")),
			"the price must be more than zero"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			m, sent := drive(t, started(t, newReplacementModel(testScreen(t, "generic", c))), bad.keys...)
			if len(sent) != 0 || !strings.Contains(plain(m.View()), "! "+bad.want) {
				t.Fatalf("sent %#v; the screen:\n%s", sent, plain(m.View()))
			}
		})
	}
	t.Run("esc goes back", func(t *testing.T) {
		_, sent := drive(t, started(t, newReplacementModel(testScreen(t, "generic", c))), typed("Pho"), kEsc)
		if len(sent) != 1 || sent[0] != (goBackMsg{}) {
			t.Fatalf("sent %#v", sent)
		}
	})
	t.Run("the answers come back", func(t *testing.T) {
		again := *c
		again.Replacement = &flow.Replacement{Model: "Phone X 64GB", Serial: "356938035643809",
			Price: flow.Money{Minor: 1499900, Currency: "UAH"}, Tender: flow.TenderCash}
		_, r := replacementSent(t, newReplacementModel(testScreen(t, "generic", &again)),
			kEnter, kEnter, kEnter, kEnter, kEnter)
		if r != *again.Replacement {
			t.Errorf("sent %+v, want %+v", r, *again.Replacement)
		}
	})
}

// TestDifferenceWords: what the line above the form says at each price.
func TestDifferenceWords(t *testing.T) {
	c := exchangeCase(t, lang.EN)
	for typed, want := range map[string]string{
		"":          "The price difference shows once the price is typed.",
		"24 999,00": "The customer pays the difference of 5000.00 UAH at the till.",
		"14999.00":  "The store refunds the difference of 5000.00 UAH.",
		"19999":     "The same price: nothing to pay or refund.",
		"1,2,3":     "The price difference shows once the price is typed.",
	} {
		if got := differenceWords(lang.English(), c, typed); got != want {
			t.Errorf("%q: %q, want %q", typed, got, want)
		}
	}
}

func TestReplacementGolden(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		goldenView(t, newReplacementModel(testScreen(t, "generic", exchangeCase(t, lang.EN))), "Model of the item given")
	})
	t.Run("cheaper", func(t *testing.T) {
		m := started(t, newReplacementModel(testScreen(t, "generic", exchangeCase(t, lang.EN))))
		m, _ = drive(t, m, join(replace("Phone X 64GB"), kEnter, replace("356938035643809"), typed("14999,00"))...)
		goldenAfter(t, m, "refunds the difference")
	})
	t.Run("the returned item's serial", func(t *testing.T) {
		m := started(t, newReplacementModel(testScreen(t, "generic", exchangeCase(t, lang.EN))))
		m, _ = drive(t, m, join(replace("Phone X 64GB"), kEnter, replace("490154203237518"))...)
		goldenAfter(t, m, "returned item")
	})
}

func TestReplacementGoldenUK(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		goldenView(t, newReplacementModel(ukScreen(t, "generic", exchangeCase(t, lang.UK))), "Модель товару на заміну")
	})
	t.Run("dearer", func(t *testing.T) {
		m := started(t, newReplacementModel(ukScreen(t, "generic", exchangeCase(t, lang.UK))))
		m, _ = drive(t, m, join(replace("Phone X 256GB"), kEnter, replace("356938035643809"), typed("24 999,00"))...)
		goldenAfter(t, m, "доплачує різницю")
	})
	t.Run("an accessory with a serial", func(t *testing.T) {
		m := started(t, newReplacementModel(ukScreen(t, "generic", exchangeCase(t, lang.UK))))
		m, _ = drive(t, m, join(replace("Phone X"), kRight, kEnter, replace("356938035643809"))...)
		goldenAfter(t, m, "залиште поле порожнім")
	})
}
