package ui

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/oklog/ulid/v2"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
)

// The shift lead's desk on a real store: a day of cases seeded with fixed
// ids and times (so that the goldens hold), driven through the root as a
// lead types.

// deskDay is the seeded day: a Friday, the tests' today.
var deskDay = flow.Date{Year: 2026, Month: time.November, Day: 20}

// seedCase is one case as the desk tests file it.
type seedCase struct {
	n              byte // makes the id
	at             string
	staff          string
	receipt, model string
	price          int64
	tender         flow.Tender
	passport       bool // the repeat customer's passport
	d              *flow.Decision
	status         flow.Status
	override       *flow.Override
	serialBad      bool
}

// seed files a case straight into the store, as the kiosk would have left
// it, and returns its id.
func (r *rootT) seed(s seedCase) string {
	r.t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", s.at, kyiv)
	must(r.t, err)
	id := ulid.MustNew(ulid.Timestamp(at), bytes.NewReader(bytes.Repeat([]byte{s.n}, 10))).String()
	c := &flow.Case{ID: id, Policy: "citrus", Opened: at, OpenedBy: s.staff, Status: flow.StatusOpen,
		Step: flow.StepRequest, Done: flow.StepSet(0).With(flow.StepSale), TillHasCash: true,
		Sale: flow.Sale{Date: flow.DateOf(at).AddDays(-5), Receipt: s.receipt, Model: s.model, Serial: "490154203237518",
			Price: flow.Money{Minor: s.price, Currency: "UAH"}, Tender: s.tender, Condition: flow.ConditionNew,
			Market: flow.MarketEU, WarrantyMonths: 12},
		Request:   flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund},
		Documents: []flow.Document{flow.DocReceipt, flow.DocWarrantyCard},
		Inspection: flow.Inspection{CompleteSet: true, PackagingIntact: true, LabelsIntact: true, SealsIntact: true,
			SerialMatches: !s.serialBad},
	}
	if s.passport {
		c.Documents = append(c.Documents, flow.DocPassport)
		c.Passport = r.st.MaskPassport("id_card", "123456789", "Ivan Petrenko")
	}
	if s.d != nil {
		for _, st := range []flow.Step{flow.StepRequest, flow.StepDocuments, flow.StepInspection, flow.StepDecision} {
			c.Done = c.Done.With(st)
		}
		c.Step, c.Decision, c.Override = flow.StepAct, s.d, s.override
		c.Status = s.status
		c.TillHasCash = s.status != flow.StatusRefundOwed
		if s.status == flow.StatusWaitingDocuments {
			c.Step, c.Done = flow.StepDocuments, c.Done.Without(flow.StepDecision)
		}
		if s.status == flow.StatusEscalated {
			c.Step, c.Done = flow.StepDecision, c.Done.Without(flow.StepDecision)
		}
	}
	final := c.Status
	if final == flow.StatusClosed {
		c.Status = flow.StatusRefunded
	}
	must(r.t, r.st.SaveCase(c, store.Event{Staff: s.staff, Kind: store.EventDecision, Time: at}))
	if final == flow.StatusClosed {
		c.Status = flow.StatusClosed
		must(r.t, r.st.SaveCase(c, store.Event{Staff: s.staff, Step: "act", Time: at.Add(time.Minute)}))
	}
	return id
}

func refund(due flow.Date) *flow.Decision {
	return &flow.Decision{Outcome: flow.OutcomeRefund, RefundBy: due, Clauses: []flow.ClauseID{flow.ClauseWindow,
		flow.ClauseRefundPayout}, Explain: []string{"day 5 of 14: within the return window", "proof of purchase presented"}}
}

// refundIn is refund as the engine explains it in l, the store's language.
func refundIn(l lang.Lang, due flow.Date) *flow.Decision {
	d := refund(due)
	if l == lang.UK {
		d.Explain = []string{"день 5 із 14: у межах строку повернення", "документ про оплату надано"}
	}
	return d
}

// seededDesk is a store with a day of cases: a repeat customer's large
// cash refund, a refund owed, an escalation, an item at the service centre,
// a case waiting for documents, an override with a serial that does not
// match, a draft; and on earlier days the repeat customer's other returns,
// one of them a refund owed past its day. Olena (lead) is logged in at the
// desk.
func seededDesk(t *testing.T) (*rootT, map[string]string) {
	t.Helper()
	return seededDeskIn(t, lang.EN)
}

// seededDeskIn is seededDesk at a store speaking l.
func seededDeskIn(t *testing.T, l lang.Lang) (*rootT, map[string]string) {
	t.Helper()
	r := newRoot(t, "citrus")
	if l != lang.EN { // newRoot's: no settings event more, the goldens' seqs hold
		r.speaks(l)
	}
	must(t, r.st.AddStaff("Marta", flow.RoleCashier, "2222", "Olena"))
	ids := map[string]string{}
	ids["early_owed"] = r.seed(seedCase{n: 1, at: "2026-11-10 12:00", staff: "Ivan", receipt: "R-1901", model: "Galaxy A55",
		price: 1200000, tender: flow.TenderCash, passport: true, d: refundIn(l, deskDay.AddDays(-3)), status: flow.StatusRefundOwed})
	r.seed(seedCase{n: 2, at: "2026-11-05 12:00", staff: "Ivan", receipt: "R-1902", model: "Pixel 7", price: 900000,
		tender: flow.TenderCard, passport: true, d: &flow.Decision{Outcome: flow.OutcomeExchange}, status: flow.StatusExchanged})
	r.seed(seedCase{n: 3, at: "2026-11-15 12:00", staff: "Marta", receipt: "R-1903", model: "Xiaomi 14", price: 2100000,
		tender: flow.TenderCard, passport: true, d: &flow.Decision{Outcome: flow.OutcomeReject}, status: flow.StatusRejected})
	ids["cash"] = r.seed(seedCase{n: 4, at: "2026-11-20 09:00", staff: "Ivan", receipt: "R-2001", model: "Galaxy S24 256GB",
		price: 2500000, tender: flow.TenderCash, passport: true, d: refundIn(l, deskDay), status: flow.StatusClosed})
	ids["owed"] = r.seed(seedCase{n: 5, at: "2026-11-20 09:10", staff: "Ivan", receipt: "R-2002", model: "iPhone 15 128GB",
		price: 1999900, tender: flow.TenderCash, d: refundIn(l, deskDay.AddDays(7)), status: flow.StatusRefundOwed})
	ids["escalated"] = r.seed(seedCase{n: 6, at: "2026-11-20 09:20", staff: "Marta", receipt: "R-2003", model: "Pixel 8",
		price: 1599900, tender: flow.TenderCard, d: escalation(l), status: flow.StatusEscalated})
	ids["sc"] = r.seed(seedCase{n: 7, at: "2026-11-20 09:30", staff: "Ivan", receipt: "R-2004", model: "AirPods Pro 2",
		price: 999900, tender: flow.TenderCard, d: &flow.Decision{Outcome: flow.OutcomeServiceCentre,
			Clauses: []flow.ClauseID{flow.ClauseSCAct}, ServiceBy: deskDay.AddBusinessDays(21)}, status: flow.StatusServiceCentre})
	ids["docs"] = r.seed(seedCase{n: 8, at: "2026-11-20 09:40", staff: "Marta", receipt: "R-2005", model: "Redmi Note 13",
		price: 899900, tender: flow.TenderCash, d: &flow.Decision{Outcome: flow.OutcomeNeedDocuments,
			Missing: []flow.Document{flow.DocWarrantyCard}}, status: flow.StatusWaitingDocuments})
	ids["override"] = r.seed(seedCase{n: 9, at: "2026-11-20 09:50", staff: "Ivan", receipt: "R-2006", model: "MacBook Air 13",
		price: 5299900, tender: flow.TenderTransfer, d: &flow.Decision{Outcome: flow.OutcomeReject,
			Clauses: []flow.ClauseID{flow.ClauseUnused}}, status: flow.StatusExchanged, serialBad: true,
		override: &flow.Override{Outcome: flow.OutcomeExchange, Reason: overrideReason[l],
			By: "Petro", At: time.Date(2026, 11, 20, 9, 55, 0, 0, kyiv)}})
	ids["draft"] = r.seed(seedCase{n: 10, at: "2026-11-20 09:55", staff: "Ivan", receipt: "R-2007", model: "Kindle",
		price: 499900, tender: flow.TenderCash})
	r.login("Olena", "123456")
	r.keys(typed("d"))
	if l == lang.EN {
		r.requireView("Returns of Fri 2026-11-20 (today) · 7 cases · open")
	} else {
		r.requireView("Повернення пт 20.11.2026 (сьогодні) · 7 справ · відкрито")
	}
	return r, ids
}

// escalation is the seeded escalation, explained in the store's language as
// the kiosk explains it: its reason kept in English, its line in l.
func escalation(l lang.Lang) *flow.Decision {
	why := map[lang.Lang]string{lang.EN: "the store's window is silent on new goods",
		lang.UK: "правила магазину не визначають строку повернення нового товару"}
	return &flow.Decision{Outcome: flow.OutcomeEscalate, Reason: why[lang.EN],
		Explain: []string{lang.For(l).T("a shift lead decides: %s", why[l])}}
}

// overrideReason is the seeded lead's reason for the override, as the lead
// types it in the store's language.
var overrideReason = map[lang.Lang]string{lang.EN: "a scratch from the shop's own display",
	lang.UK: "подряпина з вітрини самого магазину"}

// anchorRE is a chain head on screen: its hash differs from run to run (the
// passport key is random), so goldens show it as SEQ:HASH.
var anchorRE = regexp.MustCompile(`\d+:[0-9a-f]{8,64}…?`)

// rootProgram runs the root, already at the desk, as a bubbletea program:
// its Init starts nothing, so the program shows the screen as it stands.
type rootProgram struct{ m *Model }

func (p rootProgram) Init() tea.Cmd { return nil }
func (p rootProgram) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := p.m.Update(msg)
	return p, cmd
}
func (p rootProgram) View() string { return p.m.View() }

// deskGolden sends keys to the root in a program at 80x24, waits for until,
// and compares the screen with the test's golden file.
func deskGolden(t *testing.T, r *rootT, until string, keys ...tea.Msg) {
	t.Helper()
	// the keys go through the root as the other tests send them, each
	// key's commands run to their end before the next: no timing; the
	// program then draws the screen they led to
	r.keys(keys...)
	r.requireView(until)
	tm := teatest.NewTestModel(t, rootProgram{r.m}, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(until)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	must(t, tm.Quit())
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(rootProgram)
	view := anchorRE.ReplaceAllString(plain(final.View()), "SEQ:HASH")
	for i, l := range strings.Split(view, "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("row %d is %d columns wide: %q", i+1, w, l)
		}
	}
	checkSpeaks(t, view)
	teatest.RequireEqualOutput(t, []byte(view))
}

func TestDeskRefusedToACashier(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	if strings.Contains(r.view(), "shift lead's desk") {
		t.Fatal("a cashier's home offers the desk")
	}
	r.keys(typed("d"))
	r.requireView("Home", "! the shift lead's desk is for shift leads only")
	if r.m.view == viewDesk {
		t.Fatal("a cashier opened the desk")
	}
	r.keys(typed("l"))
	r.login("Olena", "123456")
	r.requireView("d  the shift lead's desk")
	r.keys(typed("d"))
	r.requireView("Returns of Fri 2026-11-20 (today) · 0 cases · open", "no cases on this day")
}

// A Ukrainian store's cashier reads the desk's refusal in Ukrainian.
func TestDeskRefusedToACashierUK(t *testing.T) {
	r := ukRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("d"))
	r.requireView("Головна", "! пульт старшого зміни — лише для старших зміни: попросіть старшого зміни увійти")
	if r.m.view == viewDesk {
		t.Fatal("a cashier opened the desk")
	}
	checkSpeaks(t, r.view())
}

func TestDeskTable(t *testing.T) {
	r, _ := seededDesk(t)
	r.requireView("09:00 Ivan      Galaxy S24 2… refund     25000.00 cash     closed      RC",
		"09:10 Ivan      iPhone 15 12… refund     19999.00 cash     owed",
		"09:50 Ivan      MacBook Air … exchange   52999.00 transfer exchanged   OS",
		"09:55 Ivan      Kindle        -           4999.00 cash     draft", "1 of 7")
	// filters: outcome, status, cashier, flag; each says what it holds
	r.keys(typed("o"))
	r.requireView("o outcome: refund", "1 of 2 (filtered from 7)")
	r.keys(typed("x"), typed("c"), typed("c"))
	r.requireView("c cashier: Marta", "1 of 2 (filtered from 7)", "Pixel 8", "Redmi Note 13")
	r.keys(typed("x"), typed("f"))
	r.requireView("f flag: flagged", "1 of 2 (filtered from 7)")
	r.keys(typed("f"))
	r.requireView("f flag: repeat", "1 of 1 (filtered from 7)", "Galaxy S24")
	r.keys(typed("x"), typed("t"), typed("t"), typed("t"))
	r.requireView("t status: escalated", "1 of 1 (filtered from 7)", "Pixel 8")
	// search: receipt, serial or case id, as typed
	r.keys(typed("x"), typed("/"), typed("r-2005"))
	r.requireView("Search receipt, serial or case id: R-2005_", "1 of 1 (filtered from 7)", "Redmi Note 13")
	r.keys(kEnter)
	r.requireView("/R-2005", "Redmi Note 13")
	r.keys(kEsc) // esc leaves the desk's table for home; the search stays with the table
	r.requireView("Home")
	r.keys(typed("d"), typed("/"), typed("490154"))
	r.requireView("490154_", "1 of 7 ·")
	r.keys(kEsc)
	r.requireView("1 of 7 ·")
	// other days: the one before is empty, a typed one has its cases
	r.keys(kLeft)
	r.requireView("Returns of Thu 2026-11-19 · 0 cases · open")
	r.keys(typed("g"), typed("2026-11-10"), kEnter)
	r.requireView("Returns of Tue 2026-11-10 · 1 case · open", "Galaxy A55", "OVERDUE")
	r.keys(typed("g"), typed("2026-13-40"), kEnter)
	r.requireView(`! "2026-13-40" is not a date`)
}

func TestDeskTableGolden(t *testing.T) {
	r, _ := seededDesk(t)
	r.keys(kDown, kDown, kDown, kDown, kDown) // to the override, which the flag filter keeps
	deskGolden(t, r, "> 09:50 Ivan      MacBook Air", typed("f"), typed("x"))
}

func TestDeskCaseGolden(t *testing.T) {
	r, _ := seededDesk(t)
	deskGolden(t, r, "Flags (2)", kEnter, kDown, kDown, kDown, kDown, kDown, kDown, kDown, kDown)
}

// TestDeskCaseExplainsFlags: every flag of a case in words, the override
// with its reason, and the trail.
func TestDeskCaseExplainsFlags(t *testing.T) {
	r, ids := seededDesk(t)
	r.keys(kDown, kDown, kDown, kDown, kDown, kEnter)
	r.requireView("Case "+ids["override"]+" · exchanged", "Override")
	for range 20 {
		r.keys(kDown)
	}
	r.requireView(`! override: Petro decided exchange in place of the engine's reject: "a scratch`,
		`! serial does not match: the serial/IMEI "490154203237518" does not match the`,
		"Trail (1 event)", "confirmed the decision: exchange → exchanged")
	r.keys(kEsc, kUp, kUp, kUp, kUp, kUp, kEnter)
	for range 20 {
		r.keys(kDown)
	}
	r.requireView("! repeat returns: the passport id_card ****6789 is on 4 cases in 30 days, this",
		"one included; the policy flags more than 3", "! large cash refund: a cash refund of 25000.00 UAH, above",
		"Flags (2)", "Refund    25000.00 UAH paid in cash by Ivan at 2026-11-20")
	if strings.Contains(r.view(), "refund paid:") {
		t.Errorf("the refund paid is listed among the flags:\n%s", r.view())
	}
}

func TestDeskQueues(t *testing.T) {
	r, ids := seededDesk(t)
	r.keys(typed("2"))
	r.requireView("[Escalated (1)]", "Refunds owed (2)", "Waiting documents (1)", "At service centre (1)",
		"2026-11-20 (0 days)", "Pixel 8")
	r.keys(kTab)
	r.requireView("2026-11-17 OVERDUE by 3 days", "2026-11-27 7 days left")
	r.keys(kTab)
	r.requireView("2026-11-20 (0 days)", "Redmi Note…")
	r.keys(kTab)
	r.requireView("2026-12-21 21 business days left", "AirPods Pr…")
	// open one: esc comes back to the queue
	r.keys(kEnter)
	r.requireView("Case "+ids["sc"], "expected back from the service centre by 2026-12-21 (21 business days")
	r.keys(kEsc)
	r.requireView("[At service centre (1)]")
}

func TestDeskQueuesGolden(t *testing.T) {
	r, _ := seededDesk(t)
	deskGolden(t, r, "OVERDUE by 3 days", typed("2"), kTab)
}

// TestDeskMarkPaid: a refund owed marked paid leaves the queue, recorded
// with its tender, amount and who paid it.
func TestDeskMarkPaid(t *testing.T) {
	r, ids := seededDesk(t)
	r.keys(typed("2"), kTab, kDown) // the refund owed today, not the overdue one
	r.keys(typed("p"))
	r.requireView("Mark a refund paid", "Owed 19999.00 UAH by 2026-11-27: 7 days left", "> cash")
	r.keys(join(kDown, kEnter, replace("19999.50"))...)
	// refused beside the field by flow's rule, before the store is asked
	r.requireView("!  a refund cannot be more than was paid for the item")
	r.keys(join(kEnter, replace("19999.00"))...)
	r.requireView("Refund of 19999.00 UAH paid in card by Olena", "✓ Paid 19999.00 UAH in card by Olena (payment 1)",
		"The refund is paid in full: 19999.00 UAH", "Payout slip: acts/"+ids["owed"]+"-payout-1.pdf in the data folder",
		"No print command is set: print the file by hand.", "enter: back")
	r.keys(kEnter)
	r.requireView("Refunds owed (1)")
	d, err := r.st.Detail(ids["owed"])
	must(t, err)
	if len(d.Payments) != 1 || d.Payments[0].By != "Olena" || d.Payments[0].Tender != flow.TenderCard ||
		d.Summary.Status != flow.StatusRefunded {
		t.Fatalf("the refund %+v, status %s", d.Payments, d.Summary.Status)
	}
	// esc on the form pays nothing
	r.keys(typed("p"), kEsc)
	r.requireView("[Refunds owed (1)]")
}

// TestDeskDecideEscalatedUK: the news of a case a lead decided from the
// desk is in the lead's language.
func TestDeskDecideEscalatedUK(t *testing.T) {
	r, ids := seededDeskIn(t, lang.UK)
	r.keys(typed("2"), typed("d"))
	r.requireView("Рішення ухвалює старший зміни", "Чому: правила магазину не визначають строку повернення")
	r.keys(kEnter, typed("within 14 days, as the law gives"), kEnter) // exchange, the first answer
	r.requireView("Замість Pixel 8")
	r.keys(replacementKeys("Pixel 8", "356938035643809", "15999,00")...) // the same price
	r.requireView("Акт рішення старшого зміни")
	r.keys(kEnter)
	r.requireView("Справа " + ids["escalated"] + ": закрито")
}

// TestDeskDecideEscalated: a lead decides an escalated case from the queue
// with a reason, as themself; the case's opener may not.
func TestDeskDecideEscalated(t *testing.T) {
	r, ids := seededDesk(t)
	r.keys(typed("2"), typed("d"))
	r.requireView("A shift lead decides", "Why: the store's window is silent on new goods", "Decision", "Reason")
	if strings.Contains(r.view(), "PIN") {
		t.Fatal("the lead logged in is asked for a PIN again")
	}
	r.keys(kEnter, typed("within 14 days, as the law gives"), kEnter) // exchange, the first answer
	r.requireView("In exchange for Pixel 8")
	r.keys(replacementKeys("Pixel 8", "356938035643809", "15999.00")...) // the same price
	r.requireView("act No. ", "EXCHANGE")
	r.keys(kEnter)
	r.requireView("[Escalated (0)]", "Case "+ids["escalated"]+": closed")
	c, err := r.st.Case(ids["escalated"])
	must(t, err)
	if c.Override == nil || c.Override.By != "Olena" || c.Override.Reason != "within 14 days, as the law gives" {
		t.Fatalf("override %+v", c.Override)
	}
	trail, _ := r.st.Trail(ids["escalated"])
	if k := trail[1].Kind; k != store.EventLeadDecision || trail[1].Staff != "Olena" ||
		trail[1].Detail != "shift lead's reason: within 14 days, as the law gives; exchanged for Pixel 8 "+
			"(356938035643809) at the same price" { // the lead's reason, then what the exchange gave
		t.Errorf("the decision's event %+v", trail[1])
	}

	// Marta opened it: Marta is no lead; a case Olena opened, Olena may not decide
	r2, _ := seededDesk(t)
	c2 := &flow.Case{ID: r2.st.NewCaseID(r2.now), Policy: "citrus", Opened: r2.now, OpenedBy: "Olena",
		Status: flow.StatusEscalated, Step: flow.StepDecision, Decision: &flow.Decision{Outcome: flow.OutcomeEscalate, Reason: "x"},
		Sale: flow.Sale{Date: deskDay, Receipt: "R-9", Price: flow.Money{Minor: 100, Currency: "UAH"}}}
	must(t, r2.st.SaveCase(c2, store.Event{Staff: "Olena"}))
	r2.keys(typed("2"), kDown, typed("d"))
	r2.requireView("! Olena opened this case: another shift lead decides it")
}

// TestDeskSignOffAndClose: sign-offs, the close with its summary and chain
// head, and the day read-only after: a sign-off refused, a note taken.
func TestDeskSignOffAndClose(t *testing.T) {
	r, ids := seededDesk(t)
	r.keys(typed("s"))
	r.requireView("Case "+ids["cash"]+" signed off by Olena", "closed      RC✓")
	// the store's refusals, whole, as the lead reads them
	r.keys(typed("s"))
	r.requireView("! signed off already by Olena at 10:00")
	r.keys(tea.KeyMsg{Type: tea.KeyEnd}, typed("s"))
	r.requireView("! the case is open: not decided yet: nothing to sign off")

	r.keys(typed("3"))
	r.requireView("Day close · Fri 2026-11-20 · OPEN: the report as it stands",
		"7 cases · 1 draft · signed off 1 of 7", "refund             2 ████", "not decided        1 ██",
		"Refunds paid by tender (1)",
		"cash          1     25000.00 UAH", "Still owed: 1 refund, 19999.00 UAH",
		"Escalated: 1 (1 still waiting for a lead) · overrides: 1", "Flagged: 2 cases · R repeat 1")
	r.keys(typed("c"))
	r.requireView("! 2026-11-20: It is 10:00, before the store's closing time (21:00). Returns",
		"taken after the close go to the report of 2026-11-21. Close 2026-11-20? What",
		"its 7 cases settled becomes read-only", "1 refund owed, 1 escalation waiting, 1 draft.", "y  close the day")
	r.keys(typed("n"))
	r.requireView("not closed")
	if c, _ := r.st.DayClosing(deskDay); c != nil {
		t.Fatal("closed without a yes")
	}
	seq, hash, err := r.st.Head()
	must(t, err)
	r.keys(typed("c"), typed("y"))
	r.requireView("Day close · Fri 2026-11-20 · CLOSED by Olena at 10:00", "Audit chain head at the close",
		store.Anchor{Seq: seq, Hash: hash}.String())

	// read-only: the table says so, a sign-off is refused, a note is taken
	r.keys(typed("1"))
	r.requireView("7 cases · CLOSED by Olena: read-only")
	r.keys(tea.KeyMsg{Type: tea.KeyHome}, kDown, typed("s"))
	r.requireView("! 2026-11-20: the day is closed: what it settled is read-only; a shift lead can")
	r.keys(kEnter, typed("n"))
	r.requireView("Note on case " + ids["owed"])
	r.keys(typed("refund paid in cash on the 21st"), kEnter)
	r.requireView("Note recorded on case "+ids["owed"], "the day 2026-11-20 is closed (by Olena)")
	trail, _ := r.st.Trail(ids["owed"])
	if last := trail[len(trail)-1]; last.Kind != store.EventNote || last.Detail != "refund paid in cash on the 21st" {
		t.Errorf("the note %+v", last)
	}

	// the refund the closed day owes is still paid, the next day: the
	// queue keeps its promise
	r.now = r.now.AddDate(0, 0, 1)
	r.keys(kEsc, typed("2"), kTab, kDown, typed("p"))
	r.requireView("Mark a refund paid", "Owed 19999.00 UAH by 2026-11-27")
	r.keys(kEnter, kEnter)
	r.requireView("Refund of 19999.00 UAH paid in cash by Olena")
	if d, err := r.st.Detail(ids["owed"]); err != nil || d.Summary.Status != flow.StatusRefunded {
		t.Fatalf("the refund owed by a closed day: %+v, %v", d, err)
	}
}

func TestDeskCloseGolden(t *testing.T) {
	r, _ := seededDesk(t)
	deskGolden(t, r, "Audit chain head at the close", typed("3"), typed("c"), typed("y"))
}

// TestDeskExport: the day's cases from the screen, as CSV with a header row
// (in the uk dialect, the store's language's: a byte order mark, ";" between
// cells, a decimal comma) and as JSON, passports masked; and the summary.
func TestDeskExport(t *testing.T) {
	r, ids := seededDeskIn(t, lang.UK)
	r.keys(typed("e"))
	r.requireView("Експорт 20.11.2026: с CSV · о JSON")
	r.keys(typed("c"))
	r.requireView("✓ експортовано 7 справ в")
	data, err := os.ReadFile(filepath.Join(r.dir, "exports", "returns-2026-11-20.csv"))
	must(t, err)
	if !bytes.HasPrefix(data, []byte("\ufeffcase_id;")) {
		t.Fatalf("not the uk dialect:\n%s", data)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	must(t, err)
	if len(rows) != 8 || !slices.Equal(rows[0], export.Columns) {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	col := func(name string) int { return slices.Index(export.Columns, name) }
	cash := rows[1]
	for name, want := range map[string]string{"case_id": ids["cash"], "day": "2026-11-20",
		"opened": "2026-11-20T09:00:00+02:00", "cashier": "Ivan", "receipt": "R-2001", "price": "25000,00",
		"currency": "UAH", "refund_amount": "25000,00", "refund_tender": "cash", "status": "closed",
		"passport": "id_card ****6789", "flags": "repeat;cash_refund;refund_paid", "outcome": "refund"} {
		if got := cash[col(name)]; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if bytes.Contains(data, []byte("123456789")) || bytes.Contains(data, []byte("Petrenko")) {
		t.Error("the export holds a passport's number or name")
	}
	r.keys(typed("e"), typed("j"))
	data, err = os.ReadFile(filepath.Join(r.dir, "exports", "returns-2026-11-20.json"))
	must(t, err)
	var objs []map[string]any
	must(t, json.Unmarshal(data, &objs))
	if len(objs) != 7 || objs[5]["override_reason"] != overrideReason[lang.UK] || objs[0]["line"] != 0.0 {
		t.Errorf("json: %d objects, %v", len(objs), objs[5])
	}

	r.keys(typed("3"), typed("e"), typed("c"))
	r.requireView("✓ підсумок експортовано в")
	data, err = os.ReadFile(filepath.Join(r.dir, "exports", "day-2026-11-20-summary.csv"))
	must(t, err)
	for _, want := range []string{"\ufeffsection;name;count;amount;currency", "closed;no;;;", "cases;all;7;;",
		"refunds_paid;cash;1;25000,00;UAH", "owed;refunds;1;19999,00;UAH", "flag;repeat;1;;"} {
		if !strings.Contains(string(data), want+"\n") {
			t.Errorf("the summary lacks %q:\n%s", want, data)
		}
	}
}

// TestDeskHelp: ? shows the desk's keys, in the search too (no receipt,
// serial or case id has one); typed into a note, free text, it is a
// character.
func TestDeskHelp(t *testing.T) {
	r, _ := seededDesk(t)
	r.keys(typed("?"))
	r.requireView("Keys", "search receipt, serial, case id", "outcome filter", "cashier filter", "sign off",
		"export the day", "queues", "day close")
	r.keys(typed("x"), typed("/"), typed("R-2"), typed("?"))
	r.requireView("Keys", "Any key closes this help.")
	r.keys(typed("x"))
	r.requireView("Search receipt, serial or case id: R-2_")
	r.keys(kEsc, kDown, kEnter, typed("n"), typed("why?"))
	r.requireView("> why?")
}

// TestDeskIsLive: a case another till saves while the lead's desk shows
// the day, and a refund owed there, show on the desk without a key; a desk
// the lead left waits no more.
func TestDeskIsLive(t *testing.T) {
	r, _ := seededDesk(t)
	r.requireView("1 of 7")
	wait := func(cmd tea.Cmd) tea.Msg {
		t.Helper()
		got := make(chan tea.Msg, 1)
		go func() { got <- cmd() }()
		select {
		case msg := <-got:
			return msg
		case <-time.After(10 * time.Second):
			t.Fatal("the desk's wait never ended")
			return nil
		}
	}
	watch := r.m.desk.m.Watch()
	// another till files a case: a draft at its request step
	id := r.seed(seedCase{n: 9, at: "2026-11-20 10:30", staff: "Marta", receipt: "R-7777", model: "Nothing Phone 2",
		price: 1599900, tender: flow.TenderCard})
	r.deliver(wait(watch))
	r.requireView("10:30 Marta     Nothing Phon… -          15999.00 card     draft", "1 of 8")

	// the lead leaves the desk: a change then is read by nobody
	r.keys(kEsc)
	r.requireView("Home")
	watch = r.m.desk.m.Watch()
	_, err := r.st.At("till2").Record(store.Event{Staff: "Marta", CaseID: id, Kind: store.EventNote,
		Detail: "customer called"})
	must(t, err)
	msg := wait(watch)
	if _, cmd := r.m.Update(msg); cmd != nil {
		t.Errorf("a desk the lead left reads the store again")
	}
}

// TestDeskLeavesNoClaimAndNoNotice: a case the lead opened to decide from
// the desk and left undecided is free for the tills again, and once the
// lead is home a change at another till leaves home's header alone.
func TestDeskLeavesNoClaimAndNoNotice(t *testing.T) {
	r, ids := seededDesk(t)
	r.startOn(r.st.At("office"))
	r.login("Olena", "123456")
	r.keys(typed("d"), typed("2"))
	r.requireView("Escalated (1)")
	r.keys(typed("d"))
	r.requireView("A shift lead decides")
	r.keys(kEsc) // back without deciding
	r.requireView("Queues")
	if err := r.st.At("till2").Claim(ids["escalated"]); err != nil {
		t.Fatalf("the case the lead left is still busy: %v", err)
	}
	watch := r.m.desk.m.Watch()
	r.keys(kEsc, kEsc)
	r.requireView("Home")
	r.m.notice = "the line home shows"
	_, err := r.st.At("till2").Record(store.Event{Staff: "Marta", CaseID: ids["escalated"], Kind: store.EventNote,
		Detail: "customer called"})
	must(t, err)
	got := make(chan tea.Msg, 1)
	go func() { got <- watch() }()
	select {
	case msg := <-got:
		r.deliver(msg)
	case <-time.After(10 * time.Second):
		t.Fatal("the desk's wait never ended")
	}
	if r.m.notice != "the line home shows" {
		t.Errorf("a change at another till rewrote home's header: %q", r.m.notice)
	}
}
