package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/printout/printouttest"
)

// The service-centre loop: the intake's form, the desk's queue with an
// item late at the service centre and its case, and the whole loop through
// the kiosk: decided for the service centre, the intake, the act, back,
// decided again.

// intakeDue is the day the intake's item is expected back.
var intakeDue = flow.Date{Year: 2026, Month: time.December, Day: 4}

func TestIntakeGolden(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		goldenView(t, newIntakeModel(testScreen(t, "citrus", nil), flow.Intake{}, intakeDue), "Fault, as the customer")
	})
	t.Run("no fault", func(t *testing.T) {
		m := started(t, newIntakeModel(testScreen(t, "citrus", nil), flow.Intake{}, intakeDue))
		m, _ = drive(t, m, kEnter)
		goldenAfter(t, m, "describe the fault")
	})
	t.Run("typed, a bad ticket", func(t *testing.T) {
		m := started(t, newIntakeModel(testScreen(t, "citrus", nil), flow.Intake{}, intakeDue))
		m, _ = drive(t, m, typed("не заряджається"), kEnter, typed("кабель"), kEnter, typed("подряпина"), kEnter,
			typed("2024 117"), kEnter)
		goldenAfter(t, m, "only letters")
	})
}

func TestIntakeGoldenUK(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		goldenView(t, newIntakeModel(ukScreen(t, "citrus", nil), flow.Intake{}, intakeDue), "Несправність зі слів")
	})
	t.Run("no fault", func(t *testing.T) {
		m := started(t, newIntakeModel(ukScreen(t, "citrus", nil), flow.Intake{}, intakeDue))
		m, _ = drive(t, m, kEnter)
		goldenAfter(t, m, "опишіть несправність")
	})
	t.Run("typed, a bad ticket", func(t *testing.T) {
		m := started(t, newIntakeModel(ukScreen(t, "citrus", nil), flow.Intake{}, intakeDue))
		m, _ = drive(t, m, typed("не заряджається"), kEnter, typed("кабель"), kEnter, typed("подряпина"), kEnter,
			typed("2024 117"), kEnter)
		goldenAfter(t, m, "лише літери")
	})
}

// TestIntakeSendsTheTrimmedIntake: the form sends what was typed, each
// text trimmed; esc sends what was typed back, to be kept.
func TestIntakeSendsTheTrimmedIntake(t *testing.T) {
	m := started(t, newIntakeModel(testScreen(t, "citrus", nil), flow.Intake{Accessories: "кабель"}, intakeDue))
	_, sent := drive(t, m, typed(" не заряджається "), kEnter, kEnter, typed("подряпина"), kEnter, kEnter,
		typed("067 123 45 67"), kEnter)
	requireSent(t, sent, intakeDoneMsg{in: flow.Intake{Fault: "не заряджається", Accessories: "кабель",
		Condition: "подряпина"}, phone: "067 123 45 67"})
	m = started(t, newIntakeModel(testScreen(t, "citrus", nil), flow.Intake{}, intakeDue))
	_, sent = drive(t, m, typed("dead"), kEsc)
	requireSent(t, sent, intakeBackMsg{in: flow.Intake{Fault: "dead"}})
}

// seedLateService files, beside the seeded desk's day, an item sent to
// the service centre on 1 November, due back on the 15th: 5 days late and
// 19 days out on the desk's day.
func seedLateService(r *rootT) string {
	r.t.Helper()
	id := r.seed(seedCase{n: 11, at: "2026-11-01 10:00", staff: "Ivan", receipt: "R-2008", model: "Pixel 7",
		price: 1499900, tender: flow.TenderCard, d: &flow.Decision{Outcome: flow.OutcomeServiceCentre,
			Clauses: []flow.ClauseID{flow.ClauseWarrantyRepair}, ServiceBy: deskDay.AddDays(-5)},
		status: flow.StatusServiceCentre})
	c, err := r.st.Case(id)
	must(r.t, err)
	sent := time.Date(2026, 11, 1, 10, 5, 0, 0, kyiv)
	c.Service = &flow.ServiceVisit{Fault: "не заряджається", Accessories: "кабель", Condition: "подряпина на екрані",
		Due: deskDay.AddDays(-5), SentAt: sent, SentBy: "Ivan", SentDay: flow.DateOf(sent)}
	must(r.t, r.st.SaveCase(c, store.Event{Staff: "Ivan", Step: "service_intake", Time: sent}))
	return id
}

func TestDeskServiceQueueGolden(t *testing.T) {
	r, _ := seededDesk(t)
	seedLateService(r)
	deskGolden(t, r, "5 days late", typed("2"), kTab, kTab, kTab)
}

func TestDeskServiceQueueGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	seedLateService(r)
	deskGolden(t, r, "запізнюється на 5 днів", typed("2"), kTab, kTab, kTab)
}

func TestDeskServiceCaseGolden(t *testing.T) {
	r, _ := seededDesk(t)
	seedLateService(r)
	deskGolden(t, r, "over the law's 14 days", typed("2"), kTab, kTab, kTab, kEnter)
}

func TestDeskServiceCaseGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	seedLateService(r)
	deskGolden(t, r, "понад 14 днів", typed("2"), kTab, kTab, kTab, kEnter)
}

// TestDeskTypesTheTicketIn: t on an item at the service centre types its
// ticket in; a bad one is refused beside the field; it is on the case and
// its trail, by the lead.
func TestDeskTypesTheTicketIn(t *testing.T) {
	r, _ := seededDesk(t)
	id := seedLateService(r)
	r.keys(typed("2"), kTab, kTab, kTab, kEnter)
	r.requireView("no ticket number yet: t types it in", "t the service centre's ticket number")
	r.keys(typed("t"))
	r.requireView("The service centre's ticket number of case " + id)
	r.keys(typed("SC 1"), kEnter)
	r.requireView("only letters")
	r.keys(kClear, typed("SC-2026/117"), kEnter)
	r.requireView("Ticket recorded on case "+id, "ticket SC-2026/117, typed in by Olena")
	r.keys(kEsc)
	r.requireView("[At service centre (2)]") // the queue the case was opened from
	c, err := r.st.Case(id)
	must(t, err)
	if v := c.Service; v.Ticket != "SC-2026/117" || v.TicketBy != "Olena" || v.Fault != "не заряджається" {
		t.Fatalf("visit %+v", v)
	}
}

// TestServiceLoop: the whole loop through the kiosk. A defect decided for
// the service centre asks the intake first (esc back to the decision keeps
// what was typed); the act carries it; back 20 days later the conclusion is
// entered and the engine decides again; the visit keeps who and when, the
// trail says it, and the repair over the law's 14 days is flagged.
func TestServiceLoop(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	toIntake(r)
	r.keys(typed("не заряджається"), kEnter, typed("кабель"), kEsc)
	r.requireView("S E R V I C E   C E N T R E")
	r.keys(kEnter)
	r.requireView("its intake", "не заряджається")
	r.keys(kEnter, kEnter, typed("подряпина"), kEnter, kEnter, kEnter) // the fault and accessories kept; no ticket, no phone yet
	r.requireView("act No. ", "at the service centre")
	at, err := r.st.ByStatus(flow.StatusServiceCentre)
	must(t, err)
	if len(at) != 1 {
		t.Fatalf("at the service centre: %+v", at)
	}
	id := at[0].ID
	act := flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), id))
	for _, want := range []string{"SERVICE CENTRE INTAKE ACT", "SERVICE CENTRE INTAKE", "Fault не заряджається",
		"Accessories кабель", "Visible condition подряпина",
		"Ticket to be given by the service centre", "by Ivan", "Expected back by "} {
		if !strings.Contains(act, want) {
			t.Errorf("the act lacks %q:\n%s", want, act)
		}
	}
	c, err := r.st.Case(id)
	must(t, err)
	if v := c.Service; v == nil || v.Fault != "не заряджається" || v.Accessories != "кабель" || v.SentBy != "Ivan" ||
		v.Due != c.ServiceBy() || v.Due.IsZero() {
		t.Fatalf("visit %+v", c.Service)
	}
	r.keys(kEnter) // home

	r.now = r.now.AddDate(0, 0, 20)
	r.keys(kEnter, typed("c"))
	r.requireView("[Service centre]")
	r.keys(kDown, kDown, kDown, kDown, kEnter) // defect confirmed: operating conditions were not violated
	r.requireView("R E F U N D")
	c, err = r.st.Case(id)
	must(t, err)
	v := c.Service
	if v.BackBy != "Ivan" || v.Days(v.BackDay) != 20 || v.Conclusion != flow.ConclusionConditionsNotViolated ||
		v.ConcludedBy != "Ivan" || v.ConcludedAt.IsZero() {
		t.Fatalf("back %+v", v)
	}
	trail, err := r.st.Trail(id)
	must(t, err)
	for _, want := range []string{"handed over for the service centre (no ticket yet)",
		"back from the service centre after 20 days with its conclusion"} {
		if !slices.ContainsFunc(trail, func(e store.Event) bool { return strings.Contains(e.Detail, want) }) {
			t.Errorf("the trail lacks %q", want)
		}
	}
	r.keys(kEnter) // the refund: is there cash in the till?
	r.keys(typed("y"))
	r.requireView("act No. ", "REFUND")
	d, err := r.st.Detail(id)
	must(t, err)
	if !slices.ContainsFunc(d.Findings, func(f flow.Finding) bool { return f.Flag == flow.FlagLongRepair }) ||
		!d.Summary.Flags.Has(store.FlagLongRepair) {
		t.Errorf("a repair of 20 days is not flagged: %+v %s", d.Findings, d.Summary.Flags)
	}
	act = flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), id))
	if !strings.Contains(act, "RETURN ACT") || !strings.Contains(act, "after 20 days") ||
		!strings.Contains(act, "Service centre conclusion defect confirmed: operating conditions were not violated") {
		t.Errorf("the act of the decision after the return lacks the return:\n%s", act)
	}
}

// TestHomeTypesTheTicketIn: an item at the service centre opened from
// home offers its ticket (t); a bad one is refused beside the field, a good
// one goes on the case and its trail by the cashier, and home says so.
func TestHomeTypesTheTicketIn(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	id := sendToServiceCentre(r)
	r.keys(kEnter)
	r.requireView("not back yet: type in the service centre's ticket number")
	r.keys(typed("t"))
	r.requireView("The service centre's ticket number of case")
	r.keys(typed("SC 1"), kEnter)
	r.requireView("only letters")
	r.keys(kClear, typed("SC-1"), kEnter)
	r.requireView("Ticket recorded on case", "Open cases (1)")
	c, err := r.st.Case(id)
	must(t, err)
	if v := c.Service; v.Ticket != "SC-1" || v.TicketBy != "Ivan" || c.Status != flow.StatusServiceCentre {
		t.Fatalf("visit %+v, status %s", v, c.Status)
	}
	r.keys(kEnter) // the prompt again; esc: not now
	r.requireView("not back yet")
	r.keys(kEsc)
	r.requireView("Open cases (1)")
}

// seedBackLate is seedLateService's item back on the desk's day, 19 days
// after it was sent, with the service centre's conclusion, and decided
// again: a refund owed.
func seedBackLate(r *rootT) string {
	r.t.Helper()
	id := seedLateService(r)
	c, err := r.st.Case(id)
	must(r.t, err)
	back := time.Date(2026, 11, 20, 11, 0, 0, 0, kyiv)
	must(r.t, c.BackFromService(false, "Marta", back, flow.DateOf(back)))
	c.Concluded(flow.ConclusionSignificantDefect, "Marta", back.Add(2*time.Minute))
	c.Status = flow.StatusOpen
	c.Decision = refundIn(lang.EN, deskDay.AddDays(7))
	c.Decision.Clauses, c.Decision.Explain = []flow.ClauseID{flow.ClauseSignificantDefect}, nil
	must(r.t, r.st.SaveCase(c, store.Event{Staff: "Marta", Step: "service_centre", Time: back}))
	c.Status, c.TillHasCash = flow.StatusDecided, false
	must(r.t, r.st.SaveCase(c, store.Event{Staff: "Marta", Kind: store.EventDecision, Time: back}))
	c.Status = flow.StatusRefundOwed
	must(r.t, r.st.SaveCase(c, store.Event{Staff: "Marta", Kind: store.EventDecision, Time: back}))
	return id
}

// The case of an item back after 19 days: its return with who and when, the
// conclusion, and the flag of a repair over the law's 14 days.
func TestDeskServiceBackGolden(t *testing.T) {
	r, _ := seededDesk(t)
	seedBackLate(r)
	deskGolden(t, r, "the repair took 19 days", typed("2"), kTab, kDown, kEnter, tea.KeyMsg{Type: tea.KeyPgDown})
}

func TestDeskServiceBackGoldenUK(t *testing.T) {
	r, _ := seededDeskIn(t, lang.UK)
	seedBackLate(r)
	deskGolden(t, r, "ремонт тривав 19 днів", typed("2"), kTab, kDown, kEnter, tea.KeyMsg{Type: tea.KeyPgDown})
}
