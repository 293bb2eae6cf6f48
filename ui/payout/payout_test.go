package payout_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/payout"
	"example.com/returnsdesk/ui/printout"
)

var kyiv = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		panic(err)
	}
	return loc
}()

func uah(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }

// part is the first payment, 100.00 in cash, of a 4999.00 refund owed.
func part() store.Payout {
	c := &flow.Case{ID: "01JD3X0000000000000000000A", Status: flow.StatusRefundOwed,
		Sale: flow.Sale{Date: flow.Date{Year: 2026, Month: 11, Day: 15}, Receipt: "R-2002", Line: 2,
			Model: "iPhone 15 128GB", Serial: "490154203237518", Price: uah(499900), Tender: flow.TenderCash},
		Passport: flow.Passport{Type: "id_card", Last4: "6789", Key: strings.Repeat("ab", 32)},
		Decision: &flow.Decision{Outcome: flow.OutcomeRefund, RefundBy: flow.Date{Year: 2026, Month: 11, Day: 27}}}
	return store.Payout{Case: c, N: 1, Paid: uah(10000), Owed: uah(489900),
		Payment: flow.Payment{Amount: uah(10000), Tender: flow.TenderCash, By: "Olena",
			At: time.Date(2026, 11, 20, 10, 5, 0, 0, kyiv), Day: flow.Date{Year: 2026, Month: 11, Day: 20}}}
}

// TestRender: the slip names the store, the case, the receipt line, the
// model, the payment, what was paid so far and what is still owed, who paid
// it and when, and has a line for each signature.
func TestRender(t *testing.T) {
	text := render(nil, "Citrus Khreshchatyk", part())
	for _, want := range []string{"REFUND PAYOUT SLIP (payment 1) No.\u00a07", "Store Citrus Khreshchatyk",
		"Case 01JD3X0000000000000000000A", "Receipt R-2002, line 2 of 2026-11-15",
		"Model iPhone 15 128GB", "Serial/IMEI 490154203237518", "Passport id_card ****6789",
		"Refund due 4999.00 UAH", "Paid now 100.00 UAH, in cash", "Paid so far 100.00 UAH in 1 payment",
		"Still owed 4899.00 UAH, due by 2026-11-27", "Paid by Olena", "Paid at 2026-11-20 10:05",
		"Customer (received 100.00 UAH): ____", "Staff member (Olena): ____"} {
		if !strings.Contains(text, want) {
			t.Errorf("the slip lacks %q:\n%s", want, text)
		}
	}
	rest := part()
	rest.N, rest.Paid, rest.Owed = 2, uah(499900), uah(0)
	rest.Payment.Amount, rest.Payment.Tender = uah(489900), flow.TenderTransfer
	text = render(nil, "Citrus", rest)
	for _, want := range []string{"(payment 2)", "Paid now 4899.00 UAH, in bank transfer",
		"Paid so far 4999.00 UAH in 2 payments", "Still owed nothing: the refund is paid in full"} {
		if !strings.Contains(text, want) {
			t.Errorf("the slip of the rest lacks %q:\n%s", want, text)
		}
	}
}

// render is the slip as number 7, its text 48 columns wide, each run of
// blanks one space.
func render(tr *lang.Printer, storeName string, p store.Payout) string {
	text := payout.Doc(tr, storeName, p, 7).Text(48)
	return strings.Join(strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\n' }), " ")
}

// keeper is a store holding the case of part, and its keeper into dir.
func keeper(t *testing.T, dir, command string, print func(cmd, file string) error) printout.Keeper {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "returnsdesk.db"), store.Options{Terminal: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	c := *part().Case
	c.Status, c.Opened, c.OpenedBy, c.Decision = flow.StatusOpen, time.Date(2026, 11, 20, 10, 0, 0, 0, kyiv), "Olena", nil
	if err := s.SaveCase(&c, store.Event{Staff: "Olena", Step: "sale"}); err != nil {
		t.Fatal(err)
	}
	return printout.Keeper{Store: s, Dir: dir, Width: 48, Command: command, Print: print}
}

// TestWriteNeverOverwrites: a slip is written once, printed once; a second
// write of the same payment leaves the first as it was.
func TestWriteNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "acts")
	var printed []string
	print := func(cmd, file string) error { printed = append(printed, cmd+" "+file); return nil }
	k := keeper(t, dir, "lp -d till1", print)
	at := time.Date(2026, 11, 20, 10, 5, 0, 0, kyiv)
	w, err := payout.Write(k, nil, "Citrus", part(), "Olena", at)
	if err != nil {
		t.Fatal(err)
	}
	if w.File != filepath.Join(dir, "01JD3X0000000000000000000A-payout-1.txt") || w.Existed || !w.Printed ||
		len(printed) != 1 || printed[0] != "lp -d till1 "+w.File {
		t.Fatalf("written %+v, printed %q", w, printed)
	}
	if info, err := os.Stat(w.File); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the slip's file: %v, %v", info, err)
	}
	again := part()
	again.Payment.Amount = uah(1)
	w2, err := payout.Write(k, nil, "Citrus", again, "Olena", at)
	if err != nil || !w2.Existed || w2.Printed || len(printed) != 1 {
		t.Fatalf("a second write: %+v, %v, printed %q", w2, err, printed)
	}
	data, _ := os.ReadFile(w.File)
	if !strings.Contains(string(data), "Paid now") || !strings.Contains(string(data), "100.00 UAH, in cash") {
		t.Errorf("the slip was overwritten:\n%s", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %v: a temporary file is left", entries)
	}
	// a failed print leaves the file, and says so
	next := part()
	next.N = 2
	k.Print = func(string, string) error { return errors.New("no printer") }
	w3, err := payout.Write(k, nil, "Citrus", next, "Olena", at)
	if _, statErr := os.Stat(w3.File); err != nil || w3.Printed || w3.PrintErr == nil || statErr != nil {
		t.Errorf("a failed print: %+v, %v", w3, err)
	}
}

// TestLinksNoTerminal: the slip links no bubbletea, huh or lipgloss (only
// x/ansi, which measures a line's width for the layout).
func TestLinksNoTerminal(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "example.com/returnsdesk/ui/payout").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/charmbracelet/") && !strings.HasPrefix(dep, "github.com/charmbracelet/x/ansi") {
			t.Errorf("ui/payout links %s", dep)
		}
	}
}

// TestRenderInUkrainian: the slip in the store's language: its labels, the
// amounts as 4 899,00 грн, the days as dd.mm.yyyy.
func TestRenderInUkrainian(t *testing.T) {
	text := render(lang.For(lang.UK), "Citrus Khreshchatyk", part())
	for _, want := range []string{"(виплата № 1) №\u00a07", "R-2002, рядок 2 від 15.11.2026", "ID-картка ****6789",
		"4\u00a0999,00\u00a0грн (сплачена ціна)", "100,00\u00a0грн, спосіб повернення: готівка",
		"4\u00a0899,00\u00a0грн, до 27.11.2026", "20.11.2026 10:05", "Покупець (отримав 100,00\u00a0грн): ___"} {
		if !strings.Contains(text, want) {
			t.Errorf("the slip lacks %q:\n%s", want, text)
		}
	}
}
