package ui

import (
	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// screenCtx is what every case screen is built with: the case at hand, the
// store's policy, the day, and the look. The case is the root's and is read
// only here: a screen sends its answers in its done message (answersMsg),
// and only the root writes them into the case.
type screenCtx struct {
	c        *flow.Case // read only
	p        *flow.Policy
	today    flow.Date
	currency string
	st       *look.Styles
	keys     *look.KeyMap
	width    int
	height   int
	lead     string // the shift lead logged in at the till, or ""
	// visit are the sales of the items of the case's visit so far, for
	// another item of its receipt (flow.Case.NextItem): the lines taken
	visit []flow.Sale
	// tr prints the screen's words in the staff member's language (tc the
	// customer's: what is read out or shown to the customer)
	tr, tc *lang.Printer
}

// Messages a case screen sends to the root. Only the root navigates and does
// I/O; a screen says what happened.
type (
	// goBackMsg: the cashier asked for the step before.
	goBackMsg struct{}
	// receiptLookupMsg: the sale screen asks for the sales recorded under a
	// receipt number (or a serial/IMEI); the root answers with salesFoundMsg.
	receiptLookupMsg struct{ query string }
	// salesFoundMsg answers receiptLookupMsg.
	salesFoundMsg struct {
		query string
		sales []flow.Sale
		err   error
	}
	// repeatReturnsMsg tells the cashier of the same passport's recent
	// returns: how many and when, never the number.
	repeatReturnsMsg struct {
		count int
		dates []flow.Date
	}
	// decisionConfirmedMsg: the cashier confirmed the decision on screen.
	decisionConfirmedMsg struct{}
	// leadNeededMsg: the case is escalated; a shift lead decides here.
	leadNeededMsg struct{}
)

// answersMsg is the message a case step's screen sends when it is done:
// the answers of its step, which the root writes into the case (apply) and
// saves before it moves on.
type answersMsg interface {
	step() flow.Step
	apply(c *flow.Case)
}

// The done messages of the case steps, one a step.
type (
	// saleEnteredMsg: the sale the item was bought in.
	// saleEnteredMsg: the sale, with the sales import's record of it when
	// the cashier found it there, and a shift lead's correction of it.
	saleEnteredMsg struct {
		sale       flow.Sale
		imported   *flow.Sale
		correction *flow.SaleCorrection
	}
	// requestEnteredMsg: what the customer says and wants.
	requestEnteredMsg struct{ request flow.Request }
	// documentsEnteredMsg: the documents presented and, with the passport,
	// its type, name and whether the name matches the purchase. number is
	// the passport's number when one was typed: the root keeps only what
	// docs/rules.md, "Privacy", allows (type, last 4, keyed hash), looks up
	// repeat returns, and the number goes no further; empty keeps the
	// passport on file.
	documentsEnteredMsg struct {
		docs                []flow.Document
		passport            bool
		ptype, number, name string
		nameMatches         *bool
	}
	// inspectedMsg: the inspection's answers.
	inspectedMsg struct{ inspection flow.Inspection }
	// conclusionEnteredMsg: what the service centre's act concludes.
	conclusionEnteredMsg struct{ conclusion flow.Conclusion }
)

func (saleEnteredMsg) step() flow.Step       { return flow.StepSale }
func (requestEnteredMsg) step() flow.Step    { return flow.StepRequest }
func (documentsEnteredMsg) step() flow.Step  { return flow.StepDocuments }
func (inspectedMsg) step() flow.Step         { return flow.StepInspection }
func (conclusionEnteredMsg) step() flow.Step { return flow.StepServiceCentre }

func (a saleEnteredMsg) apply(c *flow.Case) {
	c.Sale, c.Imported, c.SaleCorrection = a.sale, a.imported, a.correction
}
func (a requestEnteredMsg) apply(c *flow.Case)    { c.Request = a.request }
func (a inspectedMsg) apply(c *flow.Case)         { c.Inspection = a.inspection }
func (a conclusionEnteredMsg) apply(c *flow.Case) { c.ServiceCentre = a.conclusion }

// apply writes the documents and the passport's name into the case; a
// passport not presented leaves the case. The root has replaced the
// passport with its masked form first when a number was typed.
func (a documentsEnteredMsg) apply(c *flow.Case) {
	c.Documents = a.docs
	if !a.passport {
		c.Passport = flow.Passport{}
		return
	}
	c.Passport.Name, c.Passport.NameMatches = a.name, a.nameMatches
}
