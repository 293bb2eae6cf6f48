package ui

import (
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// An accessory (a case, a cable) has no serial: its sale line leaves the
// serial empty, typed or imported, and its inspection does not ask whether
// the serial matches.

// accessorySale is the second line of foundSale's receipt: a case for the
// phone, imported without a serial.
var accessorySale = flow.Sale{
	Date: foundSale.Date, Receipt: "R-1001", Line: 2, Model: "Case for Phone X", Price: flow.Money{Minor: 49900, Currency: "UAH"},
	Tender: flow.TenderCard, Condition: flow.ConditionNew, Market: flow.MarketEU,
}

// TestSaleWithoutASerial: the sale form takes an empty serial (the item has
// none) and keeps checking a serial typed; an imported line without one asks
// for it, and takes none.
func TestSaleWithoutASerial(t *testing.T) {
	upToSerial := func(serial string) []any {
		return []any{kTab, replace("2026-11-05"), replace("R-2002"), replace("Case for Phone Y"), kClear, typed(serial), kEnter}
	}
	typedSale := func(serial string) []any {
		return append(upToSerial(serial), replace("499"), kEnter, kEnter, kEnter, kEnter)
	}
	t.Run("typed with the serial left empty", func(t *testing.T) {
		m, c := newTestSale(t, nil)
		_, sent := drive(t, m, join(typedSale("")...)...)
		requireAnswered(t, c, sent, flow.StepSale)
		want := flow.Sale{Date: flow.Date{Year: 2026, Month: time.November, Day: 5}, Receipt: "R-2002",
			Model: "Case for Phone Y", Price: flow.Money{Minor: 49900, Currency: "UAH"}, Tender: flow.TenderCash,
			Condition: flow.ConditionNew, Market: flow.MarketEU}
		if c.Sale != want || c.Sale.HasSerial() {
			t.Fatalf("sale %+v, want %+v", c.Sale, want)
		}
	})
	for _, tt := range []struct{ name, serial, msg string }{
		{"a serial typed is still checked", "ab", "! a serial number has 3 to 40 characters"},
		{"an IMEI typed is still checked", "490154203237517", "! 490154203237517 is not a valid IMEI"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, c := newTestSale(t, nil)
			m, sent := drive(t, m, join(upToSerial(tt.serial)...)...)
			requireSent(t, sent)
			if v := plain(m.View()); !strings.Contains(v, tt.msg) || c.Done.Has(flow.StepSale) {
				t.Fatalf("want %q; view:\n%s", tt.msg, v)
			}
		})
	}
	t.Run("an imported line without a serial asks it, and takes none", func(t *testing.T) {
		m, c := searched(t, "R-1001", []flow.Sale{accessorySale})
		v := plain(m.View())
		if m.phase != saleForm || !strings.Contains(v, "empty when the item has none") || strings.Contains(v, "Price in") {
			t.Fatalf("phase %s\n%s", m.phase, v)
		}
		_, sent := drive(t, m, keysOf(kEnter, 5)...)
		requireAnswered(t, c, sent, flow.StepSale)
		if c.Sale != accessorySale || c.Imported == nil || *c.Imported != accessorySale {
			t.Fatalf("sale %+v, imported %+v", c.Sale, c.Imported)
		}
	})
	t.Run("an imported line without a serial takes the one typed from the box", func(t *testing.T) {
		m, c := searched(t, "R-1001", []flow.Sale{accessorySale})
		_, sent := drive(t, m, join(kEnter, typed("CS-1001-77"), kEnter, keysOf(kEnter, 3))...)
		requireAnswered(t, c, sent, flow.StepSale)
		if c.Sale.Serial != "CS-1001-77" {
			t.Fatalf("sale %+v", c.Sale)
		}
	})
}

// accessoryCase is a case whose sale is accessorySale.
func accessoryCase(policy string) *flow.Case {
	return &flow.Case{ID: "T-2", Policy: policy, TillHasCash: true, Sale: accessorySale}
}

// TestInspectWithoutASerial: the checklist of an item without a serial
// does not ask whether it matches, says so, and a clean accessory takes one
// key still.
func TestInspectWithoutASerial(t *testing.T) {
	for _, policy := range []string{"generic", "icenter", "citrus"} {
		t.Run(policy, func(t *testing.T) {
			m, c := newTestInspect(t, policy, accessoryCase(policy))
			v := plain(m.View())
			if strings.Contains(v, "Serial/IMEI matches") || !strings.Contains(v, "The item has no serial/IMEI") {
				t.Fatalf("view:\n%s", v)
			}
			requireFits(t, m.View())
			phone, _ := newTestInspect(t, policy, nil)
			if got, want := len(m.lines), len(phone.lines)-1; got != want {
				t.Fatalf("%d lines, want %d: one fewer than a phone's", got, want)
			}
			_, sent := drive(t, m, kEnter)
			requireAnswered(t, c, sent, flow.StepInspection)
			if c.Inspection != cleanItem {
				t.Fatalf("inspection %+v, want %+v", c.Inspection, cleanItem)
			}
		})
	}
}

func TestInspectWithoutASerialGolden(t *testing.T) {
	goldenView(t, newInspectModel(testScreen(t, "generic", accessoryCase("generic"))), "not asked", typed("1"))
}

func TestInspectWithoutASerialGoldenUK(t *testing.T) {
	goldenView(t, newInspectModel(ukScreen(t, "generic", accessoryCase("generic"))), "не перевіряється", typed("1"))
}

// TestActWithoutASerial: the act of an accessory says it has no serial and
// lists no serial check.
func TestActWithoutASerial(t *testing.T) {
	p, err := flow.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	c := accessoryCase("generic")
	c.Opened = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	c.Inspection = cleanItem
	for _, tt := range []struct {
		tr         string
		none, asks string
	}{{"en", "none: the item has no serial", "Serial/IMEI matches"}, {"uk", "немає: товар без серійного номера", "Серійний номер/IMEI збігається"}} {
		ctx := testScreen(t, "generic", c)
		if tt.tr == "uk" {
			ctx = ukScreen(t, "generic", c)
		}
		act := actDoc(ctx.tc, store.Settings{StoreName: "Test store"}, c, p, c.Opened, flow.ActDecision, 1).Text(72)
		if !strings.Contains(act, tt.none) || strings.Contains(act, tt.asks) {
			t.Errorf("%s act:\n%s", tt.tr, act)
		}
	}
}
