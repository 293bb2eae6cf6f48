// Package payout writes the payout slip: the paper a customer signs each
// time money of a refund leaves the till, at the shift lead's desk (a part
// or the rest of a refund owed) and at the till (a refund paid on its
// decision). It is kept like the return act (ui/printout): numbered among
// the store's documents, its files in the data folder's acts/
// (CASE-payout-N, N the payment's number in the case), never over a slip
// kept before, and printed with the print command where one is set. It
// links no terminal package: the kiosk and the desk both use it.
package payout

import (
	"path/filepath"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/paper"
	"example.com/returnsdesk/ui/printout"
)

// Doc is the slip of one payment, in tr's language (the customer's: the
// store's; nil is English): the store, the case, what was sold, the
// payment, what was paid so far and what is still owed, who paid it and
// when, and the lines the customer and the staff member sign. n is its
// number among the store's documents.
func Doc(tr *lang.Printer, storeName string, p store.Payout, n uint64) paper.Doc {
	if tr == nil {
		tr = lang.English()
	}
	c, pay := p.Case, p.Payment
	money := func(m flow.Money) string { return m.In(tr) }
	d := paper.Doc{Title: tr.T("REFUND PAYOUT SLIP (payment %d)", p.N), Number: tr.T("No. %d", n)}
	receipt := orDash(c.Sale.Receipt)
	if c.Sale.Line > 0 {
		receipt += tr.T(", line %d", c.Sale.Line)
	}
	d.Add("", paper.Row(tr.T("Store"), storeName), paper.Row(tr.T("Case"), c.ID),
		paper.Row(tr.T("Receipt"), tr.T("%s of %s", receipt, c.Sale.Date.In(tr))),
		paper.Row(tr.T("Model"), orDash(c.Sale.Model)), paper.Row(tr.T("Serial/IMEI"), orDash(c.Sale.Serial)))
	if c.Passport.Presented() {
		d.Add("", paper.Row(tr.T("Passport"), c.Passport.MaskedIn(tr)))
	}
	sec := tr.T("PAYMENT")
	due := tr.T("%s (the price paid)", money(c.RefundDue()))
	if c.Outcome().Exchanges() { // a cheaper replacement's difference
		due = tr.T("%s (the price difference of the exchange)", money(c.RefundDue()))
	}
	d.Add(sec, paper.Row(tr.T("Refund due"), due),
		paper.Row(tr.T("Paid now"), tr.T("%s, in %s", money(pay.Amount), pay.Tender.WordsIn(tr))),
		paper.Row(tr.T("Paid so far"), tr.N("%s in %d payments", p.N, money(p.Paid), p.N)))
	if p.Owed.Minor > 0 {
		owed := money(p.Owed)
		if by := c.RefundBy(); !by.IsZero() {
			owed = tr.T("%s, due by %s", owed, by.In(tr))
		}
		d.Add(sec, paper.Row(tr.T("Still owed"), owed))
	} else {
		d.Add(sec, paper.Row(tr.T("Still owed"), tr.T("nothing: the refund is paid in full")))
	}
	d.Add(sec, paper.Row(tr.T("Paid by"), pay.By),
		paper.Row(tr.T("Paid at"), tr.Date(pay.At.Year(), pay.At.Month(), pay.At.Day())+" "+pay.At.Format("15:04")))
	d.Signatures = []string{tr.T("Customer (received %s)", money(pay.Amount)), tr.T("Staff member (%s)", pay.By)}
	return d
}

// Written is where a slip went.
type Written struct {
	N        uint64 // its number among the store's documents
	File     string // the slip's file (the printed one)
	Existed  bool   // the slip was written before: it is left as it is, and not printed again
	Printed  bool   // sent to the printer
	PrintErr error  // the print command failed: the file is there to print by hand
}

// Write keeps the slip of p through k (numbered, its files written whole,
// on the trail) and prints it, once: a slip kept before for the same
// payment is left as it is. by is who paid it.
func Write(k printout.Keeper, tr *lang.Printer, storeName string, p store.Payout, by string, now time.Time) (Written, error) {
	acts, err := k.Store.Acts(p.Case.ID)
	if err != nil {
		return Written{}, err
	}
	for _, a := range acts {
		if a.Kind == flow.ActPayout && a.Payment == p.N {
			return Written{N: a.N, File: filepath.Join(k.Dir, a.Files[0].Name), Existed: true}, nil
		}
	}
	kept, err := k.Keep(p.Case.ID, flow.ActPayout, p.N, by, now, func(n uint64) paper.Doc {
		return Doc(tr, storeName, p, n)
	})
	if err != nil {
		return Written{}, err
	}
	return Written{N: kept.Act.N, File: kept.File(), Printed: kept.Printed, PrintErr: kept.PrintErr}, nil
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
