// Package payout writes the payout slip: the paper a customer signs each
// time money of a refund leaves the till, at the shift lead's desk (a part
// or the rest of a refund owed) and at the till (a refund paid on its
// decision). It is written like the return act, as a text file in the data
// folder's acts/ (CASE-payout-N.txt, N the payment's number in the case),
// never over a slip written before, and printed with the print command
// where one is set. It links no terminal package: the kiosk and the desk
// both use it.
package payout

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/store/atomicfile"
)

// FileName is the name of the slip of payment n (from 1) of a case.
func FileName(caseID string, n int) string { return fmt.Sprintf("%s-payout-%d.txt", caseID, n) }

// Render is the slip of one payment, in tr's language (the customer's: the
// store's; nil is English): the store, the case, what was sold, the
// payment, what was paid so far and what is still owed, who paid it and
// when, and the lines the customer and the staff member sign.
func Render(tr *lang.Printer, storeName string, p store.Payout) string {
	if tr == nil {
		tr = lang.English()
	}
	c, pay := p.Case, p.Payment
	w := newSlip(tr)
	w.b.WriteString(tr.T("REFUND PAYOUT SLIP (payment %d)", p.N) + "\n" + rule + "\n")
	w.row("Store", storeName)
	w.row("Case", c.ID)
	receipt := orDash(c.Sale.Receipt)
	if c.Sale.Line > 0 {
		receipt += tr.T(", line %d", c.Sale.Line)
	}
	w.row("Receipt", tr.T("%s of %s", receipt, c.Sale.Date.In(tr)))
	w.row("Model", orDash(c.Sale.Model))
	w.row("Serial/IMEI", orDash(c.Sale.Serial))
	if c.Passport.Presented() {
		w.row("Passport", c.Passport.MaskedIn(tr))
	}
	w.b.WriteString(rule + "\n" + tr.T("PAYMENT") + "\n")
	due := tr.T("%s (the price paid)", w.money(c.RefundDue()))
	if c.Outcome().Exchanges() { // a cheaper replacement's difference
		due = tr.T("%s (the price difference of the exchange)", w.money(c.RefundDue()))
	}
	w.row("Refund due", due)
	w.row("Paid now", tr.T("%s, in %s", w.money(pay.Amount), pay.Tender.WordsIn(tr)))
	w.row("Paid so far", tr.N("%s in %d payments", p.N, w.money(p.Paid), p.N))
	if p.Owed.Minor > 0 {
		owed := w.money(p.Owed)
		if by := c.RefundBy(); !by.IsZero() {
			owed = tr.T("%s, due by %s", owed, by.In(tr))
		}
		w.row("Still owed", owed)
	} else {
		w.row("Still owed", tr.T("nothing: the refund is paid in full"))
	}
	w.row("Paid by", pay.By)
	w.row("Paid at", tr.Date(pay.At.Year(), pay.At.Month(), pay.At.Day())+" "+pay.At.Format("15:04"))
	w.b.WriteString(rule + "\n\n")
	w.b.WriteString(tr.T("Customer (received %s): ______________________", w.money(pay.Amount)) + "\n\n")
	w.b.WriteString(tr.T("Staff member (%s): ______________________", pay.By) + "\n")
	return w.b.String()
}

var rule = strings.Repeat("-", 72)

// slip writes a slip's lines in one language: a label and its value in a
// column as wide as the language's longest label needs.
type slip struct {
	b     strings.Builder
	tr    *lang.Printer
	width int
}

func newSlip(tr *lang.Printer) *slip {
	w := &slip{tr: tr}
	for _, l := range []string{tr.T("Store"), tr.T("Case"), tr.T("Receipt"), tr.T("Model"), tr.T("Serial/IMEI"),
		tr.T("Passport"), tr.T("Refund due"), tr.T("Paid now"), tr.T("Paid so far"), tr.T("Still owed"),
		tr.T("Paid by"), tr.T("Paid at")} {
		w.width = max(w.width, utf8.RuneCountInString(l)+3) // "Label:" and two spaces at least
	}
	return w
}

// row writes a label (one of newSlip's) and its value.
func (w *slip) row(label, value string) {
	fmt.Fprintf(&w.b, "%-*s%s\n", w.width, w.tr.T(label)+":", value)
}

func (w *slip) money(m flow.Money) string { return m.In(w.tr) }

// Written is where a slip went.
type Written struct {
	File     string // the slip's file
	Existed  bool   // the slip was written before: it is left as it is, and not printed again
	Printed  bool   // sent to the printer
	PrintErr error  // the print command failed: the file is there to print by hand
}

// Write writes the slip of p into dir (the data folder's acts/) whole, and
// never over a slip written before (which it leaves as it is); then prints
// it with print(printCmd, file) where printCmd is set. The slip is in tr's
// language (Render).
func Write(dir string, tr *lang.Printer, storeName string, p store.Payout, printCmd string,
	print func(command, file string) error) (Written, error) {
	out := Written{File: filepath.Join(dir, FileName(p.Case.ID, p.N))}
	tmp, err := atomicfile.Temp(out.File, func(f *os.File) error {
		_, err := f.WriteString(Render(tr, storeName, p))
		return err
	})
	if err != nil {
		return out, err
	}
	defer os.Remove(tmp)
	if err := atomicfile.Create(tmp, out.File); err != nil {
		if errors.Is(err, os.ErrExist) {
			out.Existed = true
			return out, nil
		}
		return out, err
	}
	if printCmd != "" && print != nil {
		out.PrintErr = print(printCmd, out.File)
		out.Printed = out.PrintErr == nil
	}
	return out, nil
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
