package ui

import (
	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// screenCtx is what every case screen is built with: the case it edits (on
// the heap, owned by the root), the store's policy, the day, and the look.
type screenCtx struct {
	c        *flow.Case
	p        *flow.Policy
	today    flow.Date
	currency string
	st       *look.Styles
	keys     *look.KeyMap
	width    int
	height   int
}

// Messages a case screen sends to the root. Only the root navigates and does
// I/O; a screen says what happened.
type (
	// stepDoneMsg: the screen has written its answers into the case.
	stepDoneMsg struct{ step flow.Step }
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
	// passportEnteredMsg: the documents screen has the passport's type, number
	// and name. The root keeps only what Privacy allows (type, last 4, keyed
	// hash) and looks up repeat returns; the number goes no further.
	passportEnteredMsg struct{ ptype, number, name string }
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

// formTheme is the huh theme of every form: the 16 ANSI colours (no
// adaptive colour, so no query of the terminal's background), and an error
// that reads as one without colour: "! message" beside the field.
