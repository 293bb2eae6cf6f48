package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/printout/printouttest"
)

// The root's tests: the kiosk as one model on a real store file, its
// commands run as bubbletea would run them, at a clock the test sets.

// rootT is a kiosk under test.
type rootT struct {
	t       testing.TB
	m       *Model
	st      *store.Store
	dir     string
	now     time.Time
	quit    bool
	printed []string
}

// kyiv is the store's time zone in these tests.
var kyiv = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		panic(err)
	}
	return loc
}()

// newRoot opens a kiosk on a new store. With a policy, the store is set up
// with it and has a shift lead (Olena, 1234), a second lead (Petro, 5678)
// and a cashier (Ivan, 1111); without one, it is a first run.
func newRoot(t testing.TB, policy string) *rootT {
	t.Helper()
	asciiOnce.Do(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{PINCost: bcrypt.MinCost, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &rootT{t: t, st: st, dir: dir, now: time.Date(2026, 11, 20, 10, 0, 0, 0, kyiv)}
	if policy != "" {
		text, _ := flow.BuiltinFile(policy)
		must(t, st.SaveSettings(store.Settings{StoreName: "Test store", PolicyName: policy, PolicyText: string(text),
			TimeZone: "Europe/Kyiv", IdleMinutes: 15, Language: lang.EN}, "Olena"))
		must(t, st.AddStaff("Olena", flow.RoleLead, "123456", "Olena"))
		must(t, st.AddStaff("Petro", flow.RoleLead, "567890", "Olena"))
		must(t, st.AddStaff("Ivan", flow.RoleCashier, "1111", "Olena"))
	}
	r.start()
	return r
}

// speaks sets the store's language (newRoot's is English) and starts the
// kiosk again, which takes it.
func (r *rootT) speaks(l lang.Lang) {
	r.t.Helper()
	set, err := r.st.Settings()
	must(r.t, err)
	set.Language = l
	must(r.t, r.st.SaveSettings(set, "Olena"))
	r.start()
}

// start runs a new kiosk on the store, as a restarted process would.
func (r *rootT) start() { r.startOn(r.st) }

// startOn runs a new kiosk on a handle of the store: At(till) is another
// till of the same store, as the SSH server serves it.
func (r *rootT) startOn(st *store.Store) {
	r.m = NewModel(Deps{Store: st, DataDir: r.dir, Now: func() time.Time { return r.now }, Terminal: "till-1",
		Print: func(command, file string) error { r.printed = append(r.printed, command+" "+file); return nil }})
	r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	r.run(r.m.Init())
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// send gives the kiosk messages and runs what they start, to the end.
func (r *rootT) send(msgs ...tea.Msg) {
	r.t.Helper()
	for _, msg := range msgs {
		r.deliver(msg)
	}
}

func (r *rootT) deliver(msg tea.Msg) {
	if _, ok := msg.(tea.QuitMsg); ok {
		r.quit = true
		return
	}
	_, cmd := r.m.Update(msg)
	r.run(cmd)
}

func (r *rootT) run(cmd tea.Cmd) {
	for _, out := range runCmd(cmd) {
		r.deliver(out)
	}
}

// keys sends keys and typed text.
func (r *rootT) keys(ks ...tea.Msg) { r.t.Helper(); r.send(ks...) }

// view is the whole screen as plain text.
func (r *rootT) view() string { return plain(r.m.View()) }

// requireView fails unless the screen shows every one of want.
func (r *rootT) requireView(want ...string) {
	r.t.Helper()
	v := r.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			r.t.Fatalf("the screen does not show %q:\n%s", w, v)
		}
	}
}

func (r *rootT) login(name, pin string) {
	r.t.Helper()
	r.keys(join(typed(name), kEnter, typed(pin), kEnter)...)
}

// saleKeys type a sale from the paper receipt.
func saleKeys(date, receipt, model, serial, price string) []tea.Msg {
	return join(typed(receipt), kEnter, // nothing found: the form, with the receipt filled in
		replace(date), kEnter, replace(model), replace(serial), replace(price),
		kEnter, kEnter, // cash, new
		replace("12"),
		kEnter) // EU
}

func TestFirstRun(t *testing.T) {
	r := newRoot(t, "")
	r.requireView("Мова / Language", "> українська", "English")
	r.keys(kEnter) // Ukrainian, the default: the pages after it are in Ukrainian
	r.requireView("Ласкаво просимо до «Каси повернень»", "Назва магазину", "Правила повернення", "Часовий пояс")
	r.keys(typed("Kyiv Central"), kEnter, kDown, kDown, kEnter, kClear, typed("Europe/Kyiv"), kEnter)
	r.requireView("Перший старший зміни")
	r.keys(typed("Olena"), kEnter, typed("12"), kEnter)
	r.requireView("Olena") // a PIN too short stays on the form
	if ok, _ := r.st.Initialized(); ok {
		t.Fatal("the store was set up with a bad PIN")
	}
	r.keys(kClear, typed("123456"), kEnter, typed("123456"), kEnter)
	r.requireView("Вхід", "Kyiv Central")
	set, err := r.st.Settings()
	if err != nil || set.PolicyName != "citrus" || set.TimeZone != "Europe/Kyiv" || !strings.Contains(set.PolicyText, "days = 14") ||
		set.Language != "uk" {
		t.Fatalf("settings %+v, %v", set, err)
	}
	r.login("Olena", "123456")
	r.requireView("Olena (старший зміни)", "т  почати нове повернення", "і  працівники: додати")
}

func TestLoginLocksAfterFiveWrongPINs(t *testing.T) {
	r := newRoot(t, "citrus")
	for i := 1; i <= 4; i++ {
		r.login("Ivan", "9999")
		r.requireView("Log in", "!")
	}
	r.login("Ivan", "9999")
	r.requireView("locked")
	r.login("Ivan", "1111")
	r.requireView("Log in", "locked")
	r.now = r.now.Add(5*time.Minute + time.Second)
	r.login("Ivan", "1111")
	r.requireView("Ivan (cashier)")
}

// lockOut types five wrong PINs for name at the login screen.
func lockOut(r *rootT, name string) {
	r.t.Helper()
	for range 5 {
		r.login(name, "9999")
	}
}

func TestLoginLockoutsGrowUntilALeadUnlocks(t *testing.T) {
	r := newRoot(t, "citrus")
	lockOut(r, "Ivan")
	r.requireView("Ivan is locked until 10:05:00 (5 minutes)")
	r.now = r.now.Add(5 * time.Minute)
	lockOut(r, "Ivan")
	r.requireView("Ivan is locked until 10:20:00 (15 minutes)")
	r.now = r.now.Add(15 * time.Minute)
	lockOut(r, "Ivan")
	r.requireView("Ivan is locked until a shift lead unlocks the account")
	r.now = r.now.Add(48 * time.Hour)
	r.login("Ivan", "1111")
	r.requireView("Log in", "Ivan is locked until a shift lead unlocks the account")

	must(t, r.st.Unlock("Ivan", "Olena"))
	r.login("Ivan", "1111")
	r.requireView("Ivan (cashier)")
}

// TestLoginLockedGolden is the login screen of an account locked until a
// shift lead unlocks it.
func TestLoginLockedGolden(t *testing.T) { loginLockedGolden(t, lang.EN) }

// TestLoginLockedGoldenUK is TestLoginLockedGolden at a Ukrainian store.
func TestLoginLockedGoldenUK(t *testing.T) { loginLockedGolden(t, lang.UK) }

func loginLockedGolden(t *testing.T, l lang.Lang) {
	r := newRoot(t, "citrus")
	if l != lang.EN {
		r.speaks(l)
	}
	for i := range 3 {
		r.now = r.now.Add(time.Duration(i) * time.Hour)
		lockOut(r, "Ivan")
	}
	rootGolden(t, r, "Ivan")
}

// walkToDecision takes a citrus return to the decision screen.
func walkToDecision(r *rootT, saleDate string) {
	r.t.Helper()
	r.keys(typed("n"))
	r.keys(saleKeys(saleDate, "R-1001", "Phone X", "490154203237518", "19999.00")...)
	r.requireView(r.at(flow.StepRequest))
	r.keys(kEnter, kEnter, kEnter) // return, refund, in person
	r.requireView(r.at(flow.StepDocuments))
	r.keys(kDown, kDown, typed("x"), kEnter) // the receipt is ticked already; the warranty card
	r.requireView(r.at(flow.StepInspection))
}

// at is the progress line's mark of the step shown ("[Request]"), in the
// staff member's language.
func (r *rootT) at(s flow.Step) string { return "[" + s.TitleIn(r.m.staffText) + "]" }

// TestRemoteRefundIsOwed: a return sent by a delivery service is not paid
// at the till: no question about the till's cash, the refund owed within the
// payout days.
func TestRemoteRefundIsOwed(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-1001", "Phone X", "490154203237518", "19999.00")...)
	r.requireView("[Request]")
	r.keys(kEnter, kEnter, kDown, kEnter) // return, refund, by a delivery service
	r.requireView("[Documents]")
	r.keys(kDown, kDown, typed("x"), kEnter)
	r.requireView("[Inspection]")
	r.keys(kEnter)
	r.requireView("R E F U N D", "19999.00 UAH: pay it by 2026-11-27 (sent by delivery, not at the till)",
		"refund 19999.00 UAH by 2026-11-27 (within 7 days), not at the till")
	r.keys(kEnter)
	r.requireView("The refund is owed: the customer's phone")
	r.keys(kEnter) // none given
	r.requireView("act No. ", "refund owed")
	owed, err := r.st.ByStatus(flow.StatusRefundOwed)
	if err != nil || len(owed) != 1 || owed[0].Due != (flow.Date{Year: 2026, Month: 11, Day: 27}) {
		t.Fatalf("refunds owed: %+v, %v", owed, err)
	}
}

func TestCaseToTheActWithTheTillShortOfCash(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter)
	r.requireView("R E F U N D", "day 10 of 14: within the return window")
	r.keys(kEnter)
	r.requireView("Pay the refund of 19999.00 UAH from the till now?")
	r.keys(typed("n"), kEnter) // no phone
	r.requireView("act No. ", "refund owed")
	acts, _ := filepath.Glob(filepath.Join(r.dir, "acts", "*"))
	if len(acts) != 2 { // the PDF and its text
		t.Fatalf("acts: %v", acts)
	}
	act := flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), r.m.c.ID))
	for _, want := range []string{"Store Test store", "Outcome REFUND", "Refund by 2026-11-27",
		"Clauses: window, refund-payout", "Cashier (Ivan): ___"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act lacks %q:\n%s", want, act)
		}
	}
	owed, err := r.st.ByStatus(flow.StatusRefundOwed)
	if err != nil || len(owed) != 1 || owed[0].Due != (flow.Date{Year: 2026, Month: 11, Day: 27}) {
		t.Fatalf("refunds owed: %+v, %v", owed, err)
	}
	r.keys(kEnter)
	r.requireView("Home", "refund owed")
}

func TestPaidRefundClosesTheCase(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y"))
	r.requireView("act No. ", "REFUND, closed")
	sums, _ := r.st.Day(flow.Date{Year: 2026, Month: 11, Day: 20})
	if len(sums) != 1 || sums[0].Status != flow.StatusClosed || sums[0].Outcome != flow.OutcomeRefund {
		t.Fatalf("day: %+v", sums)
	}
	trail, _ := r.st.Trail(sums[0].ID)
	var kinds []string
	for _, ev := range trail {
		kinds = append(kinds, string(ev.Kind)+":"+ev.Step)
	}
	if got := strings.Join(kinds, " "); !strings.Contains(got, "step:sale step:request step:documents step:inspection decision:decision") {
		t.Errorf("trail %s", got)
	}
}

func TestResumeAfterRestart(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.start() // the process died on the inspection screen
	r.login("Ivan", "1111")
	r.requireView("Open cases (1)", "Phone X")
	r.keys(kEnter)
	r.requireView("[Inspection]", "✓Documents")
	r.keys(kEsc, kEsc, kEsc) // back to the sale: every answer is there
	r.requireView("[Sale]")
	if c := r.m.c; c.Sale.Model != "Phone X" || c.Sale.Serial != "490154203237518" || len(c.Documents) != 2 {
		t.Fatalf("the case lost answers: %+v", c)
	}
}

func TestIdleLockKeepsTheCase(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.now = r.now.Add(16 * time.Minute)
	r.send(idleTickMsg(r.now))
	r.requireView("Log in", "locked after 15 minutes without a key")
	r.login("Ivan", "1111")
	r.requireView("[Inspection]")
}

// TestIdleLockParksTheCaseForAnotherPerson: after the idle lock, the
// person who had the case at hand resumes it; anybody else lands on their
// home, told whose case was parked, and the case stays its opener's draft,
// as it was last saved, for the opener to resume from home.
func TestIdleLockParksTheCaseForAnotherPerson(t *testing.T) { idleLockParks(t, lang.EN) }

func TestIdleLockParksTheCaseForAnotherPersonUK(t *testing.T) { idleLockParks(t, lang.UK) }

func idleLockParks(t *testing.T, l lang.Lang) {
	r := newRoot(t, "citrus")
	r.speaks(l)
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	id := r.m.c.ID
	idle := func() {
		r.now = r.now.Add(16 * time.Minute)
		r.send(idleTickMsg(r.now))
		r.requireView(r.m.staffText.N("locked after %d minutes without a key", 15, 15))
	}
	idle()
	r.login("Ivan", "1111") // the same person: the case resumes
	r.requireView(r.at(flow.StepInspection))
	checkSpeaks(t, strings.ReplaceAll(r.view(), look.ShortID(id), "")) // the case's number is data

	idle()
	r.login("Olena", "123456")
	tr := r.m.staffText
	r.requireView(tr.T("Home"), "Olena", tr.T("Case …%s (%s) parked as a draft", look.ShortID(id), "Ivan"),
		tr.T("Open cases (%d): %s resumes", 1, r.m.keys.Home.Resume.Help().Key),
		tr.T("draft at %s", flow.StepInspection.WordsIn(tr)))
	checkSpeaks(t, strings.ReplaceAll(r.view(), look.ShortID(id), "")) // the case's number is data
	if r.m.c != nil {
		t.Fatalf("Olena holds the case at hand: %+v", r.m.c)
	}
	c, err := r.st.Case(id)
	must(t, err)
	if c.OpenedBy != "Ivan" || c.Status != flow.StatusOpen || c.Step != flow.StepInspection || c.Done.Has(flow.StepInspection) {
		t.Fatalf("the parked case: opened by %q, %s at %s", c.OpenedBy, c.Status, c.Step)
	}
	must(t, r.st.At("till-2").Claim(id)) // no longer open at this till: another may take it up
	r.st.At("till-2").Release()

	r.keys(typed("l")) // Olena logs out; Ivan finds his draft on his home
	r.login("Ivan", "1111")
	r.requireView(tr.T("Home"), tr.T("draft at %s", flow.StepInspection.WordsIn(tr)))
	r.keys(kEnter)
	r.requireView(r.at(flow.StepInspection), "✓"+flow.StepDocuments.TitleIn(r.m.staffText))
	checkSpeaks(t, strings.ReplaceAll(r.view(), look.ShortID(id), "")) // the case's number is data
}

// TestLockOnANewCaseNeverSaved: a case whose sale was never saved is not
// in the store: the next person is told nothing of it is kept.
func TestLockOnANewCaseNeverSaved(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("n"))
	r.requireView(r.at(flow.StepSale))
	id := r.m.c.ID
	r.keys(tea.KeyMsg{Type: tea.KeyCtrlL})
	r.login("Petro", "567890")
	r.requireView("Home", "Case …"+look.ShortID(id)+" (Ivan) was left before its first step was saved", "Open cases (0)")
}

// TestParkedNews: what the next person's home says of the case parked at
// the lock, as the store holds it.
func TestParkedNews(t *testing.T) {
	c := &flow.Case{ID: "20261120-ABC123", OpenedBy: "Ivan", Status: flow.StatusOpen}
	escalated := *c
	escalated.Status = flow.StatusEscalated
	for _, tc := range []struct {
		stored *flow.Case
		err    error
		l      lang.Lang
		want   string
	}{
		{c, nil, lang.EN, "Case …ABC123 (Ivan) parked as a draft"},
		{c, nil, lang.UK, "Справу …ABC123 (Ivan) відкладено як чернетку"},
		{&escalated, nil, lang.EN, "Case …ABC123 (Ivan) left as it was saved: escalated"},
		{nil, store.ErrNotFound, lang.EN, "Case …ABC123 (Ivan) was left before its first step was saved: nothing of it is kept"},
		{nil, os.ErrPermission, lang.EN, "Case …ABC123 (Ivan) parked as a draft"}, // each step was saved as it was done
	} {
		if got := parkedNews(lang.For(tc.l), c, tc.stored, tc.err); got != tc.want {
			t.Errorf("stored %+v, %v: %q, want %q", tc.stored, tc.err, got, tc.want)
		}
	}
}

// TestResumesAfterLock: the rule of a login after the lock fell on a case.
func TestResumesAfterLock(t *testing.T) {
	for _, tc := range []struct {
		lockedBy, member string
		want             bool
	}{
		{"Ivan", "Ivan", true},
		{"Ivan", "ivan", true}, // names match whatever their letters' case
		{"Іван", "ІВАН", true},
		{"Ivan", " Ivan ", true},
		{"Ivan", "Olena", false},
		{"Olena", "Ivan", false},
		{"", "Ivan", false}, // no lock fell on anybody
		{"Ivan", "", false},
	} {
		if got := resumesAfterLock(tc.lockedBy, tc.member); got != tc.want {
			t.Errorf("locked by %q, %q logs in: resumes %v, want %v", tc.lockedBy, tc.member, got, tc.want)
		}
	}
}

func TestQuitAsksOnAForm(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("n"), kCtrlC)
	r.requireView("Leave the kiosk?")
	r.keys(typed("n"))
	r.requireView("[Sale]")
	if r.quit {
		t.Fatal("quit without asking")
	}
	r.keys(kCtrlC, typed("y"))
	if !r.quit {
		t.Fatal("did not quit after y")
	}
}

func TestHelpShowsTheKeys(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Olena", "123456")
	r.keys(typed("?"))
	r.requireView("Keys", "new return", "s staff", "log out", "quit")
	r.keys(typed("x"))
	r.requireView("Home")
}

func TestEscalatedCaseDecidedByAnotherLead(t *testing.T) {
	r := newRoot(t, "icenter") // a return of new goods: the text is silent
	r.login("Olena", "123456")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-7", "iPhone 15", "490154203237518", "41999.00")...)
	r.keys(kEnter, kEnter, kEnter) // return, refund, in person
	r.keys(kEnter)                 // the receipt is ticked already
	r.keys(kEnter)                 // inspection
	r.requireView("a shift lead decides")
	r.keys(kEnter)
	r.requireView("A shift lead decides", "Shift lead")
	r.keys(typed("Olena"), kEnter)
	r.requireView("Olena opened this case")
	r.keys(kClear, typed("Petro"), kEnter, typed("567890"), kEnter, kEnter, typed("art. 9 gives 14 days"), kEnter)
	r.keys(replacementKeys("iPhone 15", "356938035643809", "41999.00")...) // the same price
	r.requireView("act No. ", "EXCHANGE")
	sums, _ := r.st.Day(flow.Date{Year: 2026, Month: 11, Day: 20})
	// a lead's decision of the case the engine escalated: no override
	if len(sums) != 1 || sums[0].Flags.Has(store.FlagOverride) || !sums[0].Flags.Has(store.FlagEscalated) ||
		sums[0].Outcome != flow.OutcomeExchange {
		t.Fatalf("day: %+v", sums)
	}
	trail, _ := r.st.Trail(sums[0].ID)
	if !slices.ContainsFunc(trail, func(e store.Event) bool { return e.Kind == store.EventLeadDecision && e.Staff == "Petro" }) ||
		slices.ContainsFunc(trail, func(e store.Event) bool { return e.Kind == store.EventOverride }) {
		t.Errorf("no lead's decision event by Petro, or an override, in %+v", trail)
	}
	c, _ := r.st.Case(sums[0].ID)
	if c.Override == nil || c.Override.By != "Petro" || c.Override.Reason != "art. 9 gives 14 days" {
		t.Fatalf("override %+v", c.Override)
	}
}

// TestServiceCentreTermIsTheStore's: an item at the service centre is
// expected back on the store's own term (its setting) where the policy gives
// none, whether the engine or a shift lead sent it.
func TestServiceCentreTermIsTheStores(t *testing.T) {
	r := newRoot(t, "citrus")
	set, _ := r.st.Settings()
	set.ServiceDays = 21
	must(t, r.st.SaveSettings(set, "Olena"))
	r.start()
	r.login("Ivan", "1111")
	sendToServiceCentre(r)
	at, _ := r.st.ByStatus(flow.StatusServiceCentre)
	if len(at) != 1 || at[0].Due != (flow.Date{Year: 2026, Month: 12, Day: 11}) {
		t.Fatalf("at the service centre: %+v", at)
	}

	r = newRoot(t, "icenter") // a return of new goods: escalated
	set, _ = r.st.Settings()
	set.ServiceDays = 21
	must(t, r.st.SaveSettings(set, "Olena"))
	r.start()
	r.login("Ivan", "1111")
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-7", "iPhone 15", "490154203237518", "41999.00")...)
	r.keys(kEnter, kEnter, kEnter, kEnter, kEnter) // return, refund, in person; the receipt; inspection
	r.requireView("a shift lead decides")
	r.keys(kEnter, typed("Petro"), kEnter, typed("567890"), kEnter)
	r.keys(kDown, kDown, kEnter, typed("the lead sends it for a check"), kEnter) // exchange -> reject -> service centre
	typeIntake(r, "customer says it is faulty", "none", "", "SC-1")
	r.requireView("act No. ", "SERVICE CENTRE, at the service centre")
	at, _ = r.st.ByStatus(flow.StatusServiceCentre)
	if len(at) != 1 || at[0].Due != (flow.Date{Year: 2026, Month: 12, Day: 11}) {
		t.Fatalf("a lead's service centre: %+v", at)
	}
	act := flat(printouttest.LastAct(t, filepath.Join(r.dir, "acts"), at[0].ID))
	if !strings.Contains(act, "Back from the service centre by 2026-12-11") {
		t.Errorf("the act does not say when the item is back:\n%s", act)
	}
}

func TestCashierAddsNoStaff(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	r.keys(typed("s"))
	r.requireView("Home")
	if strings.Contains(r.view(), "the staff:") {
		t.Fatal("a cashier is offered to add staff")
	}
}

func TestLeadAddsACashier(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Olena", "123456")
	r.keys(typed("s"), typed("a"))
	r.requireView("Add a staff member")
	r.keys(typed("Marta"), kEnter, kEnter, kEnter, typed("4321"), kEnter, typed("4321"), kEnter) // the store's language
	r.requireView("Marta can now log in", "Marta        cashier")
	r.keys(kEsc, typed("l"))
	r.login("Marta", "4321")
	r.requireView("Marta (cashier)")
}

// TestLoginGolden is the login screen at 80x24, as a program draws it.
func TestLoginGolden(t *testing.T) {
	r := newRoot(t, "citrus")
	// the login as r.start left it, its staff listed: a program that started
	// it again would race its own load of the list
	tm := teatest.NewTestModel(t, rootProgram{r.m}, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "Petro") },
		teatest.WithDuration(5*time.Second))
	must(t, tm.Quit())
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(rootProgram).m
	teatest.RequireEqualOutput(t, []byte(plain(final.View())))
}

// TestHomeGolden is a cashier's home screen with an open case.
func TestHomeGolden(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEsc, kEsc, kEsc, kEsc) // back past the first step: home
	r.requireView("Home")
	teatest.RequireEqualOutput(t, []byte(r.view()))
}

func TestActIsPrintedWithThePrintCommand(t *testing.T) {
	r := newRoot(t, "citrus")
	set, _ := r.st.Settings()
	set.PrintCommand = "lp -d till1"
	must(t, r.st.SaveSettings(set, "Olena"))
	r.start()
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("y"))
	r.requireView("Sent to the printer (lp -d till1)", "Payout slip: ", "-payout-1.pdf",
		"Sent to the printer: the customer signs it for the money.")
	if len(r.printed) != 2 || !strings.HasPrefix(r.printed[0], "lp -d till1 "+filepath.Join(r.dir, "acts")) {
		t.Fatalf("printed %q", r.printed)
	}
	// the refund paid at the till has its payout slip, printed after the act
	id := r.m.c.ID
	slip := filepath.Join(r.dir, "acts", id+"-payout-1")
	if r.printed[1] != "lp -d till1 "+slip+".pdf" { // an A4 printer: the PDF
		t.Errorf("the slip printed as %q, want %q", r.printed[1], slip+".pdf")
	}
	raw, err := os.ReadFile(slip + ".txt")
	must(t, err)
	data := flat(raw)
	for _, want := range []string{"REFUND PAYOUT SLIP (payment 1)", "Case " + id, "Paid now 19999.00 UAH, in cash",
		"Still owed nothing: the refund is paid in full", "Paid by Ivan", "Customer (received 19999.00 UAH)"} {
		if !strings.Contains(data, want) {
			t.Errorf("the till's slip lacks %q:\n%s", want, data)
		}
	}
}

// TestNoSlipForARefundOwed: a refund the till has no cash for is owed: no
// money leaves the till, so no payout slip is written.
func TestNoSlipForARefundOwed(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter, typed("n"), kEsc) // esc: no phone
	r.requireView("act No. ", "refund owed")
	if strings.Contains(r.view(), "Payout slip") {
		t.Errorf("a refund owed has a payout slip:\n%s", r.view())
	}
	if slips, _ := filepath.Glob(filepath.Join(r.dir, "acts", "*-payout-*")); len(slips) != 0 {
		t.Errorf("slips written: %v", slips)
	}
}

// sendToServiceCentre takes a citrus defect within the window, with no act,
// to the service centre, and returns its id.
func sendToServiceCentre(r *rootT) string {
	r.t.Helper()
	toIntake(r)
	typeIntake(r, "does not charge", "charger, cable", "a scratch on the back", "")
	r.requireView("act No. ", "at the service centre")
	r.keys(kEnter)
	owed, _ := r.st.ByStatus(flow.StatusServiceCentre)
	if len(owed) != 1 {
		r.t.Fatalf("at the service centre: %+v", owed)
	}
	return owed[0].ID
}

// toIntake takes a citrus defect within the window, with no act, to the
// service centre's intake.
func toIntake(r *rootT) {
	r.t.Helper()
	r.keys(typed("n"))
	r.keys(saleKeys("2026-11-10", "R-5", "Phone S", "490154203237518", "9999.00")...)
	r.keys(kDown, kEnter, kEnter, kEnter) // defect, refund, in person
	r.keys(kDown, kDown, typed("x"), kEnter)
	r.keys(kEnter) // inspection
	if r.m.c == nil || r.m.c.Step != flow.StepServiceCentre {
		r.t.Fatalf("not at the service centre's step:\n%s", r.view())
	}
	r.keys(kEnter) // none brought
	r.keys(kEnter) // the decision: the service centre
}

// typeIntake types the service centre's intake: the fault, the
// accessories, the condition and the ticket, each with enter, and no phone.
func typeIntake(r *rootT, fault, accessories, condition, ticket string) {
	r.t.Helper()
	if r.m.view != viewIntake {
		r.t.Fatalf("not at the intake:\n%s", r.view())
	}
	for _, s := range []string{fault, accessories, condition, ticket, ""} {
		if s != "" {
			r.keys(typed(s))
		}
		r.keys(kEnter)
	}
}

func TestBackFromTheServiceCentre(t *testing.T) {
	t.Run("repaired and handed back", func(t *testing.T) {
		r := newRoot(t, "citrus")
		r.login("Ivan", "1111")
		id := sendToServiceCentre(r)
		r.requireView("Open cases (1)", "at the service centre")
		r.keys(kEnter)
		r.requireView("the item is at the service centre. Is it back?", "r  repaired")
		r.keys(typed("r"))
		r.requireView("closed: the item is back with the customer")
		if c, _ := r.st.Case(id); c.Status != flow.StatusClosed {
			t.Fatalf("status %s", c.Status)
		}
	})
	t.Run("a conclusion: decided again", func(t *testing.T) {
		r := newRoot(t, "citrus")
		r.login("Ivan", "1111")
		id := sendToServiceCentre(r)
		r.keys(kEnter, typed("c"))
		r.requireView("[Service centre]")
		r.keys(kDown, kDown, kDown, kDown, kEnter) // defect confirmed: operating conditions were not violated
		r.requireView("R E F U N D", "sc-act")
		if c, _ := r.st.Case(id); c.Status != flow.StatusOpen || c.ServiceCentre != flow.ConclusionConditionsNotViolated {
			t.Fatalf("case %+v", c)
		}
	})
	// Claimed on day 10, back on day 29: the claim's day decides, so the
	// defect is still one within the window, not sent to the SC again.
	t.Run("a conclusion weeks later: decided on the claim's day", func(t *testing.T) {
		r := newRoot(t, "citrus")
		r.login("Ivan", "1111")
		sendToServiceCentre(r)
		r.now = r.now.AddDate(0, 0, 19)
		r.keys(kEnter, typed("c"))
		r.requireView("[Service centre]")
		r.keys(kDown, kDown, kDown, kDown, kEnter) // operating conditions were not violated
		r.requireView("R E F U N D", "sc-act", "day 10 of 14: a defect within the return window")
	})
}

// TestFirstRunRefusesABadStoreName: the store's name follows flow's rule on
// the first-run screen as on the command line.
func TestFirstRunRefusesABadStoreName(t *testing.T) {
	r := newRoot(t, "")
	r.keys(kDown, kEnter, typed(strings.Repeat("x", 61)), kEnter) // English
	r.requireView("a store's name has at most 60 characters")
	if ok, _ := r.st.Initialized(); ok {
		t.Fatal("the store was set up")
	}
}

// TestFirstRunRefusesAPolicyThatIsNoFile: the store's own policy file is
// read only when it is a regular file of at most 1 MiB.
func TestFirstRunRefusesAPolicyThatIsNoFile(t *testing.T) {
	r := newRoot(t, "")
	dir := t.TempDir()
	r.keys(kDown, kEnter, typed("Kyiv Central"), kEnter, kDown, kDown, kDown, kEnter, kEnter) // English; the store's own policy file
	r.requireView("Policy file")
	r.keys(typed(dir), kEnter)
	r.requireView("The first shift lead")
	r.keys(typed("Olena"), kEnter, typed("123456"), kEnter, typed("123456"), kEnter)
	r.requireView(dir + " is not a regular file")
	if ok, _ := r.st.Initialized(); ok {
		t.Fatal("the store was set up with a folder for a policy")
	}
}

// TestFirstRunRefusesAnUnknownTimeZone: the zone is checked by the root's
// command, not by the form; the form comes back with the answers kept and
// the zone refused until it is another.
func TestFirstRunRefusesAnUnknownTimeZone(t *testing.T) {
	r := newRoot(t, "")
	r.keys(kDown, kEnter, typed("Kyiv Central"), kEnter, kEnter, kClear, typed("Mars/Olympus"), kEnter) // English
	r.requireView("The first shift lead")
	r.keys(typed("Olena"), kEnter, typed("123456"), kEnter, typed("123456"), kEnter)
	r.requireView(`! "Mars/Olympus" is not a time zone such as Europe/Kyiv`, "Store name")
	if ok, _ := r.st.Initialized(); ok {
		t.Fatal("the store was set up with an unknown time zone")
	}
	// the name, the policy: the language chosen is kept, its page passed
	r.keys(kEnter, kEnter, kEnter)
	r.requireView("Time zone", "is not a time zone") // still refused beside the field
	r.keys(kClear, typed("Europe/Kyiv"), kEnter, kEnter, typed("123456"), kEnter, typed("123456"), kEnter)
	r.requireView("Log in", "Kyiv Central")
	if set, err := r.st.Settings(); err != nil || set.TimeZone != "Europe/Kyiv" || set.PolicyName != "generic" {
		t.Fatalf("settings %+v, %v", set, err)
	}
}

// TestCashQuestionBackToTheDecision: esc on "pay the refund from the till
// now?" shows the decision again, and it takes keys: enter asks again.
func TestCashQuestionBackToTheDecision(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter)
	r.requireView("Pay the refund of 19999.00 UAH from the till now?")
	r.keys(kEsc)
	r.requireView("R E F U N D", "enter  confirm")
	r.keys(kEnter)
	r.requireView("Pay the refund of 19999.00 UAH from the till now?")
	r.keys(typed("y"))
	r.requireView("act No. ")
}

// TestACaseIsWorkedAtOneTillAtATime: a draft open at one till is busy at
// another, said in words, until the first till leaves it; then the other
// resumes it with every answer.
func TestACaseIsWorkedAtOneTillAtATime(t *testing.T) {
	r := newRoot(t, "citrus")
	r.startOn(r.st.At("till1"))
	r.login("Ivan", "1111")
	walkToDecision(r, "2026-11-10")
	r.requireView("[Inspection]")

	other := &rootT{t: t, st: r.st, dir: r.dir, now: r.now}
	other.startOn(r.st.At("till2"))
	other.login("Petro", "567890")
	other.requireView("Open cases (1)", "Phone X")
	other.keys(kEnter)
	other.requireView("! cannot open the case: the case is open at till1: leave it there first",
		"Home")

	r.keys(tea.KeyMsg{Type: tea.KeyCtrlL}) // till1 locks its screen: the case stays its own
	other.keys(kEnter)
	other.requireView("the case is open at till1")
	r.login("Ivan", "1111")
	r.requireView("[Inspection]")
	r.keys(kEsc, kEsc, kEsc, kEsc, kEsc) // back to the sale, then home: till1 leaves the case
	r.requireView("Home")
	other.keys(kEnter)
	other.requireView("[Inspection]", "✓Documents")
}

// TestTwoTillsRefundOneLineOnce: two tills take a return of the same
// receipt line; the second is sent to the first one's case at its sale
// step, and once the first has paid, told that the line was refunded. No
// refund is offered to it, and the store holds one refund.
func TestTwoTillsRefundOneLineOnce(t *testing.T) {
	r := newRoot(t, "citrus")
	r.startOn(r.st.At("till1"))
	other := &rootT{t: t, st: r.st, dir: r.dir, now: r.now}
	other.startOn(r.st.At("till2"))
	r.login("Ivan", "1111")
	other.login("Petro", "567890")
	walkToDecision(r, "2026-11-10")
	r.keys(kEnter, kEnter)
	r.requireView("Pay the refund of 19999.00 UAH from the till now?")
	other.keys(typed("n"))
	other.keys(saleKeys("2026-11-10", "R-1001", "Phone X", "490154203237518", "19999.00")...)
	other.requireView("is in case", r.m.c.ID, "resume that case from home")
	r.keys(typed("y"))
	r.requireView("act No. ")
	other.keys(kEnter, kEnter, kEnter, kEnter, kEnter, kEnter, kEnter, kEnter, kEnter) // the sale again
	other.requireView("was refunded in case", r.m.c.ID)
	if v := other.view(); strings.Contains(v, "R E F U N D") || strings.Contains(v, "[Request]") {
		t.Fatalf("the second till went on:\n%s", v)
	}
	sums, err := r.st.ByReceipt("R-1001")
	must(t, err)
	if len(sums) != 1 || sums[0].Status != flow.StatusClosed {
		t.Fatalf("cases of R-1001: %+v", sums)
	}
}

func TestCloseMsgEndsTheKioskThroughTheQuitFilter(t *testing.T) {
	r := newRoot(t, "citrus")
	r.login("Olena", "123456")
	r.requireView("Home")
	if quitFilter(r.m, tea.QuitMsg{}) != nil {
		t.Fatal("a stray quit passes the filter at home")
	}
	r.send(CloseMsg{})
	if !r.quit {
		t.Fatal("CloseMsg did not quit the kiosk")
	}
	if quitFilter(r.m, tea.QuitMsg{}) == nil {
		t.Fatal("the quit after CloseMsg is held by the filter")
	}
}

// TestATillPrintsWithItsOwnPrinter: a till's own print command (the
// server's, from tills add --printer) prints its acts, also where the store
// has none; the store's prints where the till has none.
func TestATillPrintsWithItsOwnPrinter(t *testing.T) {
	for _, tt := range []struct{ name, store, till, want string }{
		{"the till's own", "", "lp -d till1", "lp -d till1"},
		{"the till's over the store's", "lp", "lp -d till1", "lp -d till1"},
		{"the store's", "lp", "", "lp"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRoot(t, "citrus")
			set, err := r.st.Settings()
			must(t, err)
			set.PrintCommand = tt.store
			must(t, r.st.SaveSettings(set, "Olena"))
			r.m = NewModel(Deps{Store: r.st, DataDir: r.dir, Now: func() time.Time { return r.now }, PrintCommand: tt.till,
				Print: func(command, file string) error { r.printed = append(r.printed, command); return nil }})
			r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			r.run(r.m.Init())
			r.login("Ivan", "1111")
			walkToDecision(r, "2026-11-10")
			r.keys(kEnter, kEnter, typed("y"))
			r.requireView("act No. ", "Sent to the printer ("+tt.want+")")
			if len(r.printed) != 2 || r.printed[0] != tt.want || r.printed[1] != tt.want { // the act, the payout slip
				t.Fatalf("printed with %q, want %q", r.printed, tt.want)
			}
		})
	}
}

// TestSettingsChangedMeanwhileHoldFromTheNextLogin: the back office changes
// the store's settings while the kiosk runs (returnsdesk settings, through
// the admin socket); the next login takes them.
func TestSettingsChangedMeanwhileHoldFromTheNextLogin(t *testing.T) {
	r := newRoot(t, "citrus")
	set, err := r.st.Settings()
	must(t, err)
	set.StoreName, set.PrintCommand = "Renamed store", "lp -d front"
	must(t, r.st.SaveSettings(set, "settings command"))
	r.requireView("Returns Desk · Test store")
	r.login("Ivan", "1111")
	r.requireView("Returns Desk · Renamed store · Ivan (cashier)")
	if got := r.m.printCommand(); got != "lp -d front" {
		t.Errorf("the print command after the login: %q", got)
	}
}
