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

	"example.com/returnsdesk/store"
	"example.com/returnsdesk/store/atomicfile"
)

// FileName is the name of the slip of payment n (from 1) of a case.
func FileName(caseID string, n int) string { return fmt.Sprintf("%s-payout-%d.txt", caseID, n) }

// Render is the slip of one payment: the store, the case, what was sold,
// the payment, what was paid so far and what is still owed, who paid it and
// when, and the lines the customer and the staff member sign.
func Render(storeName string, p store.Payout) string {
	c, pay := p.Case, p.Payment
	var b strings.Builder
	line := strings.Repeat("-", 72)
	fmt.Fprintf(&b, "REFUND PAYOUT SLIP (payment %d)\n%s\n", p.N, line)
	fmt.Fprintf(&b, "Store:        %s\n", storeName)
	fmt.Fprintf(&b, "Case:         %s\n", c.ID)
	receipt := orDash(c.Sale.Receipt)
	if c.Sale.Line > 0 {
		receipt += fmt.Sprintf(", line %d", c.Sale.Line)
	}
	fmt.Fprintf(&b, "Receipt:      %s of %s\n", receipt, c.Sale.Date)
	fmt.Fprintf(&b, "Model:        %s\n", orDash(c.Sale.Model))
	fmt.Fprintf(&b, "Serial/IMEI:  %s\n", orDash(c.Sale.Serial))
	if c.Passport.Presented() {
		fmt.Fprintf(&b, "Passport:     %s\n", c.Passport.Masked())
	}
	fmt.Fprintf(&b, "%s\nPAYMENT\n", line)
	fmt.Fprintf(&b, "Refund due:   %s (the price paid)\n", c.RefundDue())
	fmt.Fprintf(&b, "Paid now:     %s, in %s\n", pay.Amount, pay.Tender.Words())
	fmt.Fprintf(&b, "Paid so far:  %s in %s\n", p.Paid, plural(p.N, "payment"))
	if p.Owed.Minor > 0 {
		owed := p.Owed.String()
		if by := c.RefundBy(); !by.IsZero() {
			owed += ", due by " + by.String()
		}
		fmt.Fprintf(&b, "Still owed:   %s\n", owed)
	} else {
		fmt.Fprintf(&b, "Still owed:   nothing: the refund is paid in full\n")
	}
	fmt.Fprintf(&b, "Paid by:      %s\n", pay.By)
	fmt.Fprintf(&b, "Paid at:      %s\n", pay.At.Format("2006-01-02 15:04"))
	fmt.Fprintf(&b, "%s\n\n", line)
	fmt.Fprintf(&b, "Customer (received %s): ______________________\n\n", pay.Amount)
	fmt.Fprintf(&b, "Staff member (%s): ______________________\n", pay.By)
	return b.String()
}

// Written is where a slip went.
type Written struct {
	File     string // the slip's file
	Existed  bool   // the slip was written before: it is left as it is, and not printed again
	Printed  bool   // sent to the printer
	PrintErr error  // the print command failed: the file is there to print by hand
}

// Write writes the slip of p into dir (the data folder's acts/) whole, and
// never over a slip written before (which it leaves as it is); then prints
// it with print(printCmd, file) where printCmd is set.
func Write(dir, storeName string, p store.Payout, printCmd string, print func(command, file string) error) (Written, error) {
	out := Written{File: filepath.Join(dir, FileName(p.Case.ID, p.N))}
	tmp, err := atomicfile.Temp(out.File, func(f *os.File) error {
		_, err := f.WriteString(Render(storeName, p))
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

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
