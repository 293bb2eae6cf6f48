package ui

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
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

// The queues at the refunds owed: one of them past its day.
func TestDeskQueuesGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	deskGolden(t, r, "ПРОСТРОЧЕНО на 3 дні", typed("2"), kTab)
}

// A refund owed shown whole: the sale, the decision, what is owed by when,
// the trail.
func TestDeskCaseGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	deskGolden(t, r, "Журнал (1 подія)", kDown, kEnter)
}

// The form for the rest of a refund paid in part, with a part typed the
// Ukrainian way.
func TestDeskPayGoldenUK(t *testing.T) {
	r, ids := seededDeskIn(t, lang.UK)
	must(t, errOf(r.st.RecordRefund(ids["owed"], flow.Money{Minor: 10000, Currency: "UAH"}, flow.TenderCard, "Olena", r.now)))
	deskGolden(t, r, "Після цього ще треба виплатити", typed("2"), kTab, kDown, typed("p"), kEnter, kClear,
		typed("5000,00"))
}

// A part paid: what it left owed and its slip, and the header's news.
func TestDeskPaidGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	deskGolden(t, r, "enter: назад", typed("2"), kTab, kDown, typed("p"), kEnter, kClear, typed("100,00"), kEnter)
}

// A lead's note on a case, being typed.
func TestDeskNoteGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	deskGolden(t, r, "Примітка до справи", kDown, kEnter, typed("n"), typed("покупець забрав коробку"))
}

// The day's export asks its format, each key as the Ukrainian layout
// labels it.
func TestDeskExportGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	deskGolden(t, r, "Експорт 20.11.2026: с CSV · о JSON", typed("e"))
}

// A closed day about to be reopened: the question and the reason typed.
func TestDeskReopenGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	r.keys(typed("3"), typed("c"), typed("y"), typed("1")) // the close's news leaves the header
	deskGolden(t, r, "Відкрити 20.11.2026 знову?", typed("3"), typed("o"),
		typed("забули повернення о 17:40"))
}

// The refund to the repeat customer, in cash above the threshold: its
// flags, each with why, in Ukrainian.
func TestDeskCaseFlagsGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	deskGolden(t, r, "Позначки (2)", kEnter)
}

// The override of a rejection, the serial not matching: who decided what in
// place of the system, and why.
func TestDeskOverrideFlagsGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	r.keys(kDown, kDown, kDown, kDown, kDown, kEnter)
	deskGolden(t, r, "Позначки (2)", kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown)
}

// TestDeskEscalationReasonUK: why a lead decides reads in the lead's
// language, in the case and in its flag, as the kiosk explained it.
func TestDeskEscalationReasonUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	r.keys(kDown, kDown, kEnter) // 09:20, the escalation
	r.requireView("чому вирішує старший зміни: правила магазину", "передала справу старшому зміни: правила")
	if strings.Contains(r.view(), "window is silent") {
		t.Errorf("the reason in English:\n%s", r.view())
	}
}

// The refund paid in cash, signed off, with its trail in the lead's
// language: the payment's and the sign-off's details in Ukrainian.
func TestDeskCaseTrailGoldenUK(t *testing.T) {
	r, ids := seededDeskIn(t, lang.UK)
	must(t, r.st.SignOff(ids["cash"], "Olena", r.now))
	deskGolden(t, r, "Журнал (4 події)", kEnter, kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown,
		kDown)
}

// A refund owed, paid in part: the payment's detail on the trail says what
// is still owed, in Ukrainian.
func TestDeskCasePartPaidGoldenUK(t *testing.T) {
	r, ids := seededDeskIn(t, lang.UK)
	must(t, errOf(r.st.RecordRefund(ids["owed"], flow.Money{Minor: 10000, Currency: "UAH"}, flow.TenderCard, "Olena", r.now)))
	deskGolden(t, r, "Журнал (2 події)", kDown, kEnter, kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown)
}

// TestDeskCloseCountsEnded: the day close counts the cases closed without a
// decision, in the lead's language.
func TestDeskCloseCountsEnded(t *testing.T) {
	for l, want := range map[lang.Lang]string{lang.EN: "Closed without a decision: 1 case",
		lang.UK: "Закрито без рішення: 1 справа"} {
		r, ids := seededDeskIn(t, l)
		must(t, r.st.EndCase(ids["draft"], flow.EndAbandoned, "never came back", "Olena", r.now.AddDate(0, 0, 14)))
		r.keys(typed("3"))
		r.requireView(want)
	}
}
