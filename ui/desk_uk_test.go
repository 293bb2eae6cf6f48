package ui

import (
	"testing"

	"example.com/returnsdesk/flow/lang"
)

// The desk in Ukrainian, the lead's language at a store that speaks it: the
// day's table and the day close at 80x24.

func TestDeskTableGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	r.keys(kDown, kDown, kDown, kDown, kDown)
	deskGolden(t, r, "> 09:50 Ivan      MacBook Air", typed("f"), typed("x"))
}

func TestDeskCloseGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	deskGolden(t, r, "Голова ланцюга аудиту на закритті", typed("3"), typed("c"), typed("y"))
}
