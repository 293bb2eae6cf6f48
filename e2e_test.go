package main

// End-to-end tests: the real binary in tmux, driven as a cashier types
// (send-keys) and read as a cashier sees it (capture-pane). Each test has its
// own data directory and its own tmux server, so they run in parallel.

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"example.com/returnsdesk/ui/printout/printouttest"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error

	sessions atomic.Int64 // tmux servers started, for a socket name of each

	// raceBinary builds the binary with the race detector: a data race in
	// the kiosk fails the test that ran into it. Off by default: it makes
	// the kiosk several times slower (RETURNSDESK_E2E_RACE=1 turns it on).
	raceBinary = os.Getenv("RETURNSDESK_E2E_RACE") == "1"
)

// binary builds returnsdesk once for all the end-to-end tests.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "returnsdesk-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "returnsdesk")
		args := []string{"build", "-o", binPath}
		if raceBinary {
			args = append(args, "-race")
		}
		out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// keyPace is the pause after each key: bubbletea handles a key in order, but
// huh moves between fields through a command, and a key sent in the same
// burst as enter can land on the field being left. The tests also wait for
// the next field's focus (waitFocus) where that matters.
const keyPace = 50 * time.Millisecond

// waitLimit is how long a screen may take to show what a test waits for.
const waitLimit = 10 * time.Second

// term is one tmux session running the binary.
type term struct {
	t       *testing.T
	socket  string
	name    string
	pidFile string // the binary's pid, written by the shell that execs it

	keys  int      // keys pressed (press), for counting a cashier's keystrokes
	mark  int      // keys at the last tally
	tally []string // "screen n": the keys pressed on each screen since countFrom
}

// needTmux skips where tmux is missing, except in CI, which installs it.
func needTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end tests do not run with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed: .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
}

// shellQuote quotes s for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// startTerm runs the binary with args in a new 80x24 tmux session. When the
// binary ends, the pane shows "EXITED <code>" and stays open.
func startTerm(t *testing.T, env []string, args ...string) *term {
	t.Helper()
	needTmux(t)
	return startProgram(t, env, binary(t), args...)
}

// startProgram runs prog with args in a new 80x24 tmux session, as
// startTerm runs the binary: ssh, for a till of a served store.
func startProgram(t *testing.T, env []string, bin string, args ...string) *term {
	t.Helper()
	needTmux(t)
	dir := t.TempDir()
	tm := &term{t: t, socket: fmt.Sprintf("rd-e2e-%d-%d", os.Getpid(), sessions.Add(1)), name: "kiosk",
		pidFile: filepath.Join(dir, "pid")}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = shellQuote(a)
	}
	// A race-detector build writes what it finds to files beside the pid,
	// checked once the session ends.
	races := filepath.Join(dir, "race")
	t.Cleanup(func() {
		files, _ := filepath.Glob(races + ".*")
		for _, f := range files {
			report, _ := os.ReadFile(f)
			t.Errorf("the race detector found a data race in the kiosk:\n%s", report)
		}
	})
	// The inner shell writes its pid and execs the binary, so the pid is the
	// binary's: a test can kill it as a power cut would.
	cmdline := "env TERM=xterm-256color GORACE=" + shellQuote("log_path="+races) +
		" RD_PIDFILE=" + shellQuote(tm.pidFile) + " " + strings.Join(env, " ") +
		` sh -c 'echo $$ > "$RD_PIDFILE"; exec "$0" "$@"' ` + shellQuote(bin) + " " + strings.Join(quoted, " ") +
		"; echo EXITED $?; sleep 600"
	tm.tmux("new-session", "-d", "-s", tm.name, "-x", "80", "-y", "24", cmdline)
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

// startKiosk opens the kiosk on the data directory data.
func startKiosk(t *testing.T, data string) *term {
	t.Helper()
	return startTerm(t, nil, "--data", data, "--terminal", "e2e")
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// press sends named keys (Enter, Escape, Tab, Down, C-c, ...), one by one.
// Each counts as a key the cashier pressed.
func (tm *term) press(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.tmux("send-keys", "-t", tm.name, k)
		tm.keys++
		time.Sleep(keyPace)
	}
}

// typeText types text literally, as a keyboard or a barcode scanner does.
// Typed text is data: it does not count as keys.
func (tm *term) typeText(s string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", tm.name, "-l", s)
	time.Sleep(keyPace)
}

// countFrom starts counting keys again.
func (tm *term) countFrom() { tm.keys, tm.mark, tm.tally = 0, 0, nil }

// tallied notes the keys pressed on screen since the last tally.
func (tm *term) tallied(screen string) {
	tm.tally = append(tm.tally, fmt.Sprintf("%s %d", screen, tm.keys-tm.mark))
	tm.mark = tm.keys
}

// screen is what the terminal shows now, a line wrapped at the pane's edge
// read whole (-J): the shell's long "Killed ... EXITED 137" line, or a
// message longer than 80 columns, is still found.
func (tm *term) screen() string {
	tm.t.Helper()
	return tm.tmux("capture-pane", "-p", "-J", "-t", tm.name)
}

// poll waits until ok holds for the screen, or fails after waitLimit saying
// what was awaited.
func (tm *term) poll(what string, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(waitLimit)
	var s string
	for {
		s = tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %s; it shows:\n%s", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor waits until the screen shows every one of want.
func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	return tm.poll(fmt.Sprintf("%q", want), func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
}

// waitFocus waits until the form's focused field (huh marks it with "┃") is
// the one titled title.
func (tm *term) waitFocus(title string) string {
	tm.t.Helper()
	return tm.poll(fmt.Sprintf("the focus on %q", title), func(s string) bool {
		return strings.Contains(s, "┃ "+title)
	})
}

// enterTo presses enter and waits for the focus on the next field.
func (tm *term) enterTo(next string) {
	tm.t.Helper()
	tm.press("Enter")
	tm.waitFocus(next)
}

// pid is the binary's process id.
func (tm *term) pid() int {
	tm.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		data, err := os.ReadFile(tm.pidFile)
		if pid, perr := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && perr == nil && pid > 0 {
			return pid
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("no pid in %s: %v", tm.pidFile, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// kill ends the binary with SIGKILL, as a power cut would: no deferred
// close, no last write.
func (tm *term) kill() {
	tm.t.Helper()
	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		tm.t.Fatalf("kill: %v", err)
	}
	tm.waitFor("EXITED 137")
}

// storeToday is the store's calendar day (Europe/Kyiv): the tests' sale
// dates count from it, so they pass on any day.
func storeToday(t *testing.T) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(loc)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
}

// daysAgo is the store's day n days before today, as the sale form takes it.
func daysAgo(t *testing.T, n int) string { return storeToday(t).AddDate(0, 0, -n).Format("2006-01-02") }

const (
	leadName = "Olena Koval"
	leadPIN  = "482193"
	imei     = "490154203237518" // 15 digits, Luhn check digit right
)

// firstRun creates the store (citrus, Europe/Kyiv) and its first shift
// lead on a kiosk that opened on an empty data directory.
func (tm *term) firstRun() {
	tm.t.Helper()
	tm.waitFocus("Мова / Language")
	tm.waitFor("> українська") // the default: the state language
	tm.enterTo("Назва магазину")
	tm.waitFor("Ласкаво просимо до «Каси повернень»")
	tm.typeText("Citrus Kyiv Ocean Plaza")
	tm.enterTo("Правила повернення")
	tm.press("Down", "Down") // generic, icenter, citrus
	tm.waitFor("> citrus")
	tm.enterTo("Часовий пояс")
	tm.press("C-u") // the machine's zone is filled in
	tm.typeText("Europe/Kyiv")
	tm.enterTo("Ім'я")
	tm.typeText(leadName)
	tm.enterTo("PIN-код")
	tm.typeText(leadPIN)
	tm.enterTo("PIN-код ще раз")
	tm.typeText(leadPIN)
	tm.press("Enter")
	tm.waitFor("Вхід", "Citrus Kyiv Ocean Plaza")
}

// login logs in with name and pin; it does not wait for the result.
func (tm *term) login(name, pin string) {
	tm.t.Helper()
	tm.waitFocus("Ім'я")
	tm.typeText(name)
	tm.enterTo("PIN-код")
	tm.typeText(pin)
	tm.waitFor("> " + strings.Repeat("*", len(pin)))
	tm.press("Enter")
}

// loginHome logs the shift lead in and waits for the home screen.
func (tm *term) loginHome() {
	tm.t.Helper()
	tm.login(leadName, leadPIN)
	tm.waitFor("Головна", "т  почати нове повернення", leadName+" (старший зміни)")
}

// sale is what the cashier types from a paper receipt.
type sale struct{ date, receipt, model, price, months string }

// typeSale starts a new case from home and types the sale from the paper
// receipt: the receipt number in the search (nothing is imported, so the
// form opens with it), then the form field by field; the selects keep cash,
// new and EU.
func (tm *term) typeSale(s sale) {
	tm.t.Helper()
	tm.press("n")
	tm.waitFor("Номер чека або серійний номер/IMEI", "[Продаж]")
	tm.tallied("home")
	tm.typeText(s.receipt)
	tm.press("Enter")
	tm.waitFor("За " + s.receipt + " продажу не знайдено")
	tm.waitFocus("Дата продажу")
	tm.typeText(s.date) // the field is empty: enter alone would take today
	tm.enterTo("Номер чека")
	tm.waitFor("> " + s.receipt)
	tm.enterTo("Модель")
	tm.typeText(s.model)
	tm.enterTo("Серійний номер або IMEI")
	tm.typeText(imei)
	tm.enterTo("Ціна, грн")
	tm.typeText(s.price)
	tm.enterTo("Спосіб оплати")
	tm.enterTo("Продано як")
	tm.enterTo("Гарантія, місяців")
	tm.typeText(s.months)
	tm.enterTo("Ринок, для якого виготовлено пристрій")
	tm.press("Enter")
	tm.waitFor("✓Продаж", "[Вимога]")
	tm.tallied("sale")
}

// request keeps the request's answers as they start: a return, for a
// refund, in person.
func (tm *term) request() {
	tm.t.Helper()
	tm.waitFocus("Що покупець каже про товар?")
	tm.waitFor("> повернення: працює")
	tm.enterTo("Чого хоче покупець?")
	tm.waitFor("> повернення коштів")
	tm.enterTo("Як повернули товар?")
	tm.waitFor("> особисто, на касі")
	tm.press("Enter")
	tm.waitFor("✓Вимога", "[Документи]")
	tm.tallied("request")
}

// documents ticks the warranty card beside the receipt, which is ticked
// already: the cashier typed it from the paper receipt.
func (tm *term) documents() {
	tm.t.Helper()
	tm.waitFor("Які документи пред'явив покупець?", "[•] чек")
	tm.press("Down", "Down", "x")
	tm.waitFor("[•] чек", "[•] гарантійний талон")
	tm.press("Enter")
	tm.waitFor("✓Документи", "[Огляд]", "Огляд: клавіша рядка перемикає")
	tm.tallied("documents")
}

func TestE2EHelpAndDecide(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, nil, "decide", "--help")
	tm.waitFor("Використання: returnsdesk decide")
	tm.waitFor("EXITED 0")
}

// cleanRefundKeys is the most keys a clean refund may take beyond the data
// typed, from "n" on the home screen back to the home screen. A change that
// adds a keystroke to the commonest return fails here: lower the number when
// a change saves one.
const cleanRefundKeys = 22

// TestE2ECleanRefund: first run, login, and a clean refund under citrus typed
// from the paper receipt, to the act.
func TestE2ECleanRefund(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	tm := startKiosk(t, data)
	start := time.Now()
	tm.firstRun()
	tm.loginHome()
	t.Logf("first run and login: %d keys beyond the data, %s", tm.keys, time.Since(start).Round(time.Millisecond))

	tm.countFrom()
	start = time.Now()
	saleDate := daysAgo(t, 4)
	tm.typeSale(sale{date: saleDate, receipt: "R-1001", model: "Samsung Galaxy A55", price: "19999.00", months: "12"})
	tm.request()
	tm.documents()

	tm.press("Enter") // a clean item: every answer as it starts
	s := tm.waitFor("П О В Е Р Н Е Н Н Я", "[Рішення]")
	tm.tallied("inspection")
	// the explanation, read aloud to the customer, in the store's language
	for _, want := range []string{"999,00", "грн: виплатити сьогодні", "день 4 із 14: у межах строку повернення",
		"слідів використання немає", "гарантійний талон надано", "Підстави: window, refund-payout"} {
		if !strings.Contains(s, want) {
			t.Errorf("the decision does not say %q:\n%s", want, s)
		}
	}
	tm.press("Enter")
	tm.waitFor("Виплатити 19\u00a0999,00\u00a0грн з каси зараз?")
	tm.tallied("decision")
	tm.press("y")
	s = tm.waitFor("складено", "ПОВЕРНЕННЯ КОШТІВ, закрито", "Акт виплати: ", "-payout-1.pdf")
	tm.tallied("cash question")
	id := regexp.MustCompile(`Справа (\w+): ПОВЕРНЕННЯ`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	tm.press("Enter")
	tm.waitFor("Головна", "Справа "+id[1]+": закрито", "Відкриті справи (0)", "Ваші справи сьогодні (1)", "Samsung")
	tm.tallied("act")
	t.Logf("clean refund: %d keys beyond the data (%s), %s", tm.keys, strings.Join(tm.tally, ", "),
		time.Since(start).Round(time.Millisecond))
	if tm.keys > cleanRefundKeys {
		t.Errorf("a clean refund took %d keys beyond the data; at most %d", tm.keys, cleanRefundKeys)
	}

	// the act the customer signs, in the store's language (Ukrainian)
	act := squeezed(readAct(t, data, id[1]))
	for _, want := range []string{"АКТ ПОВЕРНЕННЯ ТОВАРУ", "Магазин Citrus Kyiv Ocean Plaza", "Правила Цитрус",
		"Дата " + ukDate(t, saleDate), "Чек R-1001", "Модель Samsung Galaxy A55",
		"Серійний №/IMEI " + imei, "Ціна 19 999,00 грн, спосіб оплати: готівка", "Документи чек, гарантійний талон",
		"Рішення ПОВЕРНЕННЯ КОШТІВ", "1. день 4 із 14: у межах строку повернення",
		"Сума повернення 19 999,00 грн, спосіб повернення: готівка",
		"Повернути до " + storeToday(t).Format("02.01.2006"), "Касир (" + leadName + "):"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act does not say %q:\n%s", want, act)
		}
	}
	// the refund paid from the till has its payout slip for the customer to sign
	slip, err := os.ReadFile(filepath.Join(data, "acts", id[1]+"-payout-1.txt"))
	if err != nil || !strings.Contains(squeezed(string(slip)), "Виплачено зараз 19 999,00 грн, спосіб повернення: готівка") {
		t.Errorf("the till's payout slip: %v\n%s", err, slip)
	}
}

// squeezed is a document's text with every run of blanks, no-break spaces
// and line ends made one space: a label and its value read "Чек R-1001",
// and a value wrapped in its column reads whole.
func squeezed(text string) string { return strings.Join(strings.Fields(text), " ") }

// ukDate is a YYYY-MM-DD day as Ukrainian writes it, DD.MM.YYYY.
func ukDate(t *testing.T, iso string) string {
	t.Helper()
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		t.Fatal(err)
	}
	return d.Format("02.01.2006")
}

// readAct is the text of a case's last act (acts/CASE-N.txt, N its
// number in the store; its payout slips aside).
func readAct(t *testing.T, data, id string) string {
	t.Helper()
	return string(printouttest.LastAct(t, filepath.Join(data, "acts"), id))
}

// TestE2EWindowRejects: a return on day 15 of citrus's 14 is rejected, and
// the act says so.
func TestE2EWindowRejects(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	tm := startKiosk(t, data)
	tm.firstRun()
	tm.loginHome()
	tm.typeSale(sale{date: daysAgo(t, 15), receipt: "R-1502", model: "Apple iPhone 15", price: "41999.00"})
	tm.request()
	tm.documents()
	tm.press("Enter")
	s := tm.waitFor("В І Д М О В А", "день 15 із 14: строк повернення минув", "Підстави: window")
	if strings.Contains(s, "П О В Е Р Н Е Н Н Я") {
		t.Errorf("a rejection shows a refund:\n%s", s)
	}
	tm.press("Enter")
	s = tm.waitFor("складено", "ВІДМОВА, закрито")
	id := regexp.MustCompile(`Справа (\w+): ВІДМОВА`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	act := squeezed(readAct(t, data, id[1]))
	for _, want := range []string{"Рішення ВІДМОВА", "Пункти правил: window", "день 15 із 14: строк повернення минув"} {
		if !strings.Contains(act, want) {
			t.Errorf("the act does not say %q:\n%s", want, act)
		}
	}
	if strings.Contains(act, "Повернути до ") || strings.Contains(act, "Сума повернення ") {
		t.Errorf("a rejection's act names a refund:\n%s", act)
	}
	tm.press("Enter")
	tm.waitFor("Головна", "Відкриті справи (0)", "Ваші справи сьогодні (1)")
}

// resumedSale checks, from the decision (or inspection) screen of a resumed
// case, that going back with esc shows every earlier answer, down to the sale
// as it was typed.
func (tm *term) resumedSale(from string, s sale) {
	tm.t.Helper()
	if from == "decision" {
		tm.press("Escape")
		tm.waitFor("[Огляд]", "!так  Сліди використання")
	}
	tm.press("Escape")
	tm.waitFor("[Документи]", "[•] чек", "[ ] інший доказ оплати", "[•] гарантійний талон", "[ ] паспорт")
	tm.press("Escape")
	tm.waitFor("[Вимога]", "> повернення: працює", "> повернення коштів", "> особисто, на касі")
	tm.press("Escape")
	tm.waitFor("[Продаж]", "> "+ukDate(tm.t, s.date), "> "+s.receipt, "> "+s.model, "> "+imei, "> "+s.price)
}

// TestE2EKilledCaseResumes: a kiosk killed with SIGKILL loses nothing of a
// completed step: the case resumes from home at the step it stood at, with
// every answer.
func TestE2EKilledCaseResumes(t *testing.T) {
	t.Parallel()
	s := sale{date: daysAgo(t, 2), receipt: "R-2002", model: "Xiaomi Redmi Note 13", price: "8999.00", months: "24"}

	t.Run("at_the_decision", func(t *testing.T) {
		t.Parallel()
		data := t.TempDir()
		tm := startKiosk(t, data)
		tm.firstRun()
		tm.loginHome()
		tm.typeSale(s)
		tm.request()
		tm.documents()
		tm.press("1") // signs of use
		tm.waitFor("!так  Сліди використання")
		tm.press("Enter")
		before := tm.waitFor("В І Д М О В А", "Підстави: unused", "[Рішення]")
		tm.kill()

		tm = startKiosk(t, data)
		tm.loginHome()
		tm.waitFor("Відкриті справи (1)", "Xiaomi")
		tm.press("Enter")
		after := tm.waitFor("В І Д М О В А", "[Рішення]", "✓Продаж", "✓Вимога", "✓Документи", "✓Огляд")
		for _, want := range []string{"є сліди використання (подряпини, сколи, потертості)",
			"Підстави: unused", caseLine(before)} {
			if !strings.Contains(after, want) {
				t.Errorf("the resumed decision does not say %q:\n%s", want, after)
			}
		}
		tm.resumedSale("decision", s)
	})

	t.Run("at_the_inspection", func(t *testing.T) {
		t.Parallel()
		data := t.TempDir()
		tm := startKiosk(t, data)
		tm.firstRun()
		tm.loginHome()
		tm.typeSale(s)
		tm.request()
		tm.documents()
		tm.press("1") // switched on screen, not yet confirmed with enter
		before := tm.waitFor("!так  Сліди використання")
		tm.kill()

		tm = startKiosk(t, data)
		tm.loginHome()
		tm.waitFor("Відкриті справи (1)", "Xiaomi")
		tm.press("Enter")
		after := tm.waitFor("[Огляд]", "✓Продаж", "✓Вимога", "✓Документи", "Огляд: клавіша рядка перемикає",
			caseLine(before))
		// the inspection was never confirmed: it starts again as a clean item
		if !strings.Contains(after, "ні    Сліди використання") {
			t.Errorf("the unconfirmed inspection did not start again from a clean item:\n%s", after)
		}
		tm.resumedSale("inspection", s)
	})
}

// TestE2ELockedCaseParked: after ctrl+l the cashier logging in again (in
// any letter case) resumes the case at hand; the shift lead logging in
// instead lands on her home, told the cashier's case is parked as a draft,
// and the cashier resumes it from home at its last saved step.
func TestE2ELockedCaseParked(t *testing.T) {
	t.Parallel()
	s := sale{date: daysAgo(t, 2), receipt: "R-2003", model: "Xiaomi Redmi Note 13", price: "8999.00", months: "24"}
	tm := startKiosk(t, t.TempDir())
	tm.firstRun()
	tm.loginHome()
	tm.addCashier(cashierName, cashierPIN)
	tm.press("l")
	tm.login(cashierName, cashierPIN)
	tm.waitFor("Головна", cashierName+" (касир)")
	tm.typeSale(s)
	tm.request()
	tm.documents()
	tm.press("C-l")
	tm.waitFor("Вхід", "заблоковано")
	tm.login(strings.ToLower(cashierName), cashierPIN)
	tm.waitFor("[Огляд]", cashierName+" (касир)")

	tm.press("1") // switched on screen, not yet confirmed with enter
	before := tm.waitFor("!так  Сліди використання")
	tm.press("C-l")
	tm.waitFor("Вхід", "заблоковано")
	tm.login(leadName, leadPIN)
	short := strings.TrimPrefix(caseLine(before), "Справа …")
	tm.waitFor("Головна", leadName+" (старший зміни)", "Справу …"+short+" ("+cashierName+") відкладено як чернетку",
		"Відкриті справи (1)", "чернетка: огляд")

	tm.press("l")
	tm.login(cashierName, cashierPIN)
	tm.waitFor("Головна", "Відкриті справи (1)", "чернетка: огляд")
	tm.press("Enter")
	after := tm.waitFor("[Огляд]", "✓Документи", caseLine(before))
	if !strings.Contains(after, "ні    Сліди використання") { // never confirmed: not kept
		t.Errorf("the parked case kept an answer never saved:\n%s", after)
	}
}

// caseLine is the progress line of a case screen: "Справа …XXXXXX  ✓Продаж › ...",
// up to the case's short id.
func caseLine(screen string) string {
	m := regexp.MustCompile(`Справа …\w+`).FindString(screen)
	if m == "" {
		return "Справа …(no case line on screen)"
	}
	return m
}

// TestE2EWrongPINLocks: five wrong PINs lock the account for a while, and
// while it is locked the right PIN is refused too.
func TestE2EWrongPINLocks(t *testing.T) {
	t.Parallel()
	tm := startKiosk(t, t.TempDir())
	tm.firstRun()
	for i := 1; i <= 4; i++ {
		tm.login(leadName, "0000")
		tm.submitted("неправильне ім'я або PIN-код")
	}
	tm.login(leadName, "0000")
	s := tm.submitted("забагато неправильних PIN-кодів")
	until := lockedUntil(t, s)
	now := time.Now().In(storeToday(t).Location())
	if d := until.Sub(now); d < 4*time.Minute || d > 6*time.Minute {
		t.Errorf("locked until %s (store time), %s from now; want about 5 minutes", until.Format("15:04:05"), d)
	}

	tm.login(leadName, leadPIN)
	s = tm.submitted("забагато неправильних PIN-кодів")
	if strings.Contains(s, "Головна") {
		t.Fatalf("the right PIN opened a locked account:\n%s", s)
	}
	if again := lockedUntil(t, s); !again.Equal(until) {
		t.Errorf("a login while locked moved the lock from %s to %s", until.Format("15:04:05"), again.Format("15:04:05"))
	}
}

// submitted waits for the answer to a login: the form back, empty, with a
// message saying want.
func (tm *term) submitted(want string) string {
	tm.t.Helper()
	return tm.poll(fmt.Sprintf("a login refused with %q", want), func(s string) bool {
		return strings.Contains(s, "Вхід") && strings.Contains(s, want) && strings.Contains(s, "┃ Ім'я") &&
			!strings.Contains(s, "> *")
	})
}

// lockedUntil reads "locked until 15:04:05" on the screen as a time today in
// the store's time zone.
func lockedUntil(t *testing.T, screen string) time.Time {
	t.Helper()
	m := regexp.MustCompile(`заблоковано до (\d\d):(\d\d):(\d\d)`).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("the screen does not say until when the account is locked:\n%s", screen)
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	sec, _ := strconv.Atoi(m[3])
	until := storeToday(t).Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second)
	if until.Before(time.Now().Add(-time.Hour)) { // the lock ends after midnight
		until = until.AddDate(0, 0, 1)
	}
	return until
}

// TestE2ESecondKiosk: a second kiosk on a data directory in use says at
// once, plainly, that another process holds the store file.
func TestE2ESecondKiosk(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	tm := startKiosk(t, data)
	tm.waitFocus("Мова / Language") // the first holds the store

	start := time.Now()
	cmd := exec.Command(binary(t), "--data", data, "--terminal", "second")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("the second kiosk still runs after 5 s; stderr: %s", stderr.String())
	}
	took := time.Since(start)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() == 0 {
		t.Errorf("the second kiosk exited with %v; want a non-zero exit code", err)
	}
	if took > 2*time.Second {
		t.Errorf("the second kiosk took %s to give up; want at most 2 s", took.Round(time.Millisecond))
	}
	if !strings.Contains(stderr.String(), "файл сховища зайнятий іншим процесом") {
		t.Errorf("the second kiosk's message does not say that another process holds the store file: %q", stderr.String())
	}
	if stdout.Len() > 0 {
		t.Errorf("the second kiosk drew on the terminal: %q", stdout.String())
	}
	t.Logf("second kiosk: %v after %s: %s", err, took.Round(time.Millisecond), strings.TrimSpace(stderr.String()))

	// the first kiosk goes on as if nothing happened
	tm.enterTo("Назва магазину")
	tm.typeText("Still here")
	tm.waitFor("> Still here")
}

// TestInitThenCheck: the real binary provisions a store with init, the PIN
// piped in, and check passes on what it made.
func TestInitThenCheck(t *testing.T) {
	bin, dir := binary(t), filepath.Join(t.TempDir(), "kyiv1")
	cmd := exec.Command(bin, "init", "--data", dir, "--store-name", "Kyiv 1", "--policy", "citrus",
		"--time-zone", "Europe/Kyiv", "--lead", "Olena")
	cmd.Stdin = strings.NewReader("123456\n")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "returnsdesk --data "+dir) {
		t.Fatalf("init: %v\n%s", err, out)
	}
	out, err = exec.Command(bin, "check", "--data", dir).CombinedOutput()
	if err != nil || !strings.Contains(string(out), ": усе гаразд") || !strings.Contains(string(out), "1 обліковий запис") {
		t.Fatalf("check: %v\n%s", err, out)
	}
}
