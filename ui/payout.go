package ui

import (
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/payout"
	"example.com/returnsdesk/ui/printout"
)

// The payout slip of a refund paid at the till: a case refunded on its
// decision (cash in the till) has its refund paid by that save, and the
// customer signs a slip for the money as for every payment (the desk
// writes its own for the payments it records). It is written beside the
// act, once (ui/payout never writes over a slip).

// printer is how this terminal prints a file: Deps.Print, else the print
// command run.
func (m *Model) printer() func(command, file string) error {
	if m.d.Print != nil {
		return m.d.Print
	}
	return runPrint
}

// tillPayout is what writeActCmd needs to write the slip of a refund the
// case's save paid at the till; nil when the case is not refunded.
type tillPayout struct {
	keeper    printout.Keeper
	storeName string
	text      *lang.Printer // the customer's language: the store's
}

// tillPayoutOf is the slip to write with the act of c, or nil: a refund
// paid at the till, or the difference of a cheaper replacement.
func (m *Model) tillPayoutOf(c *flow.Case) *tillPayout {
	if c.Status != flow.StatusRefunded && !(c.Status == flow.StatusExchanged && c.Refunds()) {
		return nil // nothing paid at the till: no refund, or an exchange's difference owed
	}
	return &tillPayout{keeper: m.keeper(), storeName: m.settings.StoreName, text: m.customerText}
}

// write keeps the slip of the case's last payment (the one its save made)
// and prints it; inside a tea.Cmd.
func (t *tillPayout) write(caseID, by string, now time.Time) (payout.Written, error) {
	if t == nil {
		return payout.Written{}, nil
	}
	d, err := t.keeper.Store.Detail(caseID)
	if err != nil {
		return payout.Written{}, err
	}
	p, ok := d.Payout(len(d.Payments))
	if !ok {
		return payout.Written{}, flow.Errorf(flow.EConflict, "the case has no payment to write a slip for")
	}
	return payout.Write(t.keeper, t.text, t.storeName, p, by, now)
}

// slipWords is the act screen's lines about the payout slip, logging what
// went wrong; "" when there is none.
func (m *Model) slipWords(msg actWrittenMsg) string {
	w, tr := msg.slip, m.staffText
	switch {
	case msg.slipErr != nil:
		m.d.Log.Error("write the payout slip", "case", m.c.ID, "err", msg.slipErr)
		return "! " + tr.T("the payout slip was not written: %s", look.SayIn(tr, msg.slipErr, "write the payout slip"))
	case w.File == "":
		return ""
	}
	out := tr.T("Payout slip: %s", look.FitLeft(w.File, 67)) + "\n"
	switch {
	case w.Existed:
		return out + tr.T("It was written before: left as it was.")
	case w.PrintErr != nil:
		m.d.Log.Error("print the payout slip", "file", w.File, "err", w.PrintErr)
		return out + "! " + tr.T("printing failed: %s: print the file by hand.", look.SayIn(tr, w.PrintErr, "print the slip"))
	case w.Printed:
		return out + tr.T("Sent to the printer: the customer signs it for the money.")
	}
	return out + tr.T("Print it by hand: the customer signs it for the money.")
}
