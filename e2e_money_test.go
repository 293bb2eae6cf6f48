package main

// End-to-end: where the money is, with the real binary in tmux. A receipt
// line is refunded once: a second till is refused at its sale step, while
// the first case is under way and after it paid, and its keys go on
// working. A sale from the sales import is the truth: a cashier cannot type
// over it, a shift lead corrects it with a PIN and a reason, and the case is
// flagged. A day closed early does not shut the kiosk: returns go to the
// next day's report until a lead reopens the day.

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

const (
	moneyCashier = "Ivan Bondar"
	moneyPIN     = "2468"
)

// moneyStore makes a citrus store in a new data directory, with the shift
// lead (leadName), and the cashiers cashierName and moneyCashier.
func moneyStore(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{PINCost: bcrypt.MinCost})
	must(t, err)
	text, _ := flow.BuiltinFile("citrus")
	must(t, st.SaveSettings(store.Settings{StoreName: name, PolicyName: "citrus", PolicyText: string(text),
		TimeZone: "Europe/Kyiv", IdleMinutes: 15}, leadName))
	must(t, st.AddStaff(leadName, flow.RoleLead, leadPIN, leadName))
	must(t, st.AddStaff(cashierName, flow.RoleCashier, cashierPIN, leadName))
	must(t, st.AddStaff(moneyCashier, flow.RoleCashier, moneyPIN, leadName))
	must(t, st.Close())
	return dir
}

// backOffice runs a returnsdesk command, as the back office does beside a
// kiosk or a server holding the store (it runs inside, through the admin
// socket), and returns what it printed.
func backOffice(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command(binary(t), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("returnsdesk %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// exported is the CSV export of day: one map of column to cell per case.
func exported(t *testing.T, data, day string) []map[string]string {
	t.Helper()
	out := backOffice(t, "export", "--data", data, "--day", day, "--format", "csv", "--csv-dialect", "rfc4180")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("the export of %s: %v\n%s", day, err, out)
	}
	var cases []map[string]string
	for _, r := range rows[1:] {
		row := map[string]string{}
		for i, name := range rows[0] {
			row[name] = r[i]
		}
		cases = append(cases, row)
	}
	return cases
}

// ofReceipt are the exported cases of a receipt.
func ofReceipt(rows []map[string]string, receipt string) []map[string]string {
	var out []map[string]string
	for _, r := range rows {
		if r["receipt"] == receipt {
			out = append(out, r)
		}
	}
	return out
}

// flat is text with every run of spaces and line breaks as one space: a
// sentence the kiosk wrapped reads whole.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// waitSaid waits until the screen says every one of want, a sentence the
// kiosk may have wrapped across lines.
func (tm *term) waitSaid(want ...string) string {
	tm.t.Helper()
	return tm.poll(fmt.Sprintf("%q, wrapped or not", want), func(s string) bool {
		s = flat(s)
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
}

// typeSaleOnly types a sale from the paper receipt as typeSale does, from
// home to the sale form's last field, and sends it without waiting for the
// next step: for a sale the store may refuse.
func (tm *term) typeSaleOnly(s sale) {
	tm.t.Helper()
	tm.press("n")
	tm.waitFor("Номер чека або серійний номер/IMEI", "[Продаж]")
	tm.typeText(s.receipt)
	tm.press("Enter")
	tm.waitFor("За " + s.receipt + " продажу не знайдено")
	tm.waitFocus("Дата продажу")
	tm.typeText(s.date)
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
}

// loginAs logs a staff member in and waits for their home screen.
func (tm *term) loginAs(name, pin string) string {
	tm.t.Helper()
	tm.login(name, pin)
	return tm.waitFor("Головна", "т  почати нове повернення", name+" (")
}

// TestE2EMoneyOneRefundPerLine: two tills of a served store. Till A walks
// a return of receipt R-1001 to the cash question; till B's return of the
// same line is refused at its sale step, naming A's case, and B's keys go
// on working; once A paid, B's next try is told the line was refunded in
// A's case, before any refund is offered, and nothing of B's is saved.
func TestE2EMoneyOneRefundPerLine(t *testing.T) {
	t.Parallel()
	needTmux(t)
	sshPath := needSSH(t)
	bin := binary(t)
	dir := moneyStore(t, "Two tills")
	keys := t.TempDir()
	privs := map[string]string{}
	for _, name := range []string{"tillA", "tillB"} {
		priv, pub := tillKey(t, keys, name)
		privs[name] = priv
		backOffice(t, "tills", "add", name, "--key", pub, "--data", dir)
	}
	addr := startServe(t, bin, dir).addr
	host, port, _ := strings.Cut(addr, ":")
	till := func(name string) *term {
		return startProgram(t, nil, sshPath, "-tt", "-p", port, "-i", privs[name], "-o", "IdentitiesOnly=yes",
			"-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
			"-o", "LogLevel=ERROR", name+"@"+host)
	}
	a, b := till("tillA"), till("tillB")
	a.waitFor("Каса повернень · Two tills", "Вхід")
	b.waitFor("Каса повернень · Two tills", "Вхід")
	a.loginAs(moneyCashier, moneyPIN)
	b.loginAs(cashierName, cashierPIN)

	today := storeToday(t).Format("2006-01-02")
	s := sale{date: daysAgo(t, 4), receipt: "R-1001", model: "Samsung Galaxy A55", price: "19999.00", months: "12"}
	a.typeSale(s)
	a.request()
	a.documents()
	a.press("Enter")
	a.waitFor("П О В Е Р Н Е Н Н Я", "[Рішення]")
	a.press("Enter")
	a.waitFor("Виплатити 19\u00a0999,00\u00a0грн з каси зараз?")

	// A's case, as the back office sees it while both tills are connected
	rows := ofReceipt(exported(t, dir, today), "R-1001")
	if len(rows) != 1 || rows[0]["cashier"] != moneyCashier || rows[0]["status"] != "open" {
		t.Fatalf("the cases of R-1001 while A is at the cash question: %v", rows)
	}
	idA := rows[0]["case_id"]

	// B: the same line, while A's case is under way
	b.typeSaleOnly(s)
	got := b.waitSaid("! не збережено: чек R-1001 уже в справі "+idA+" від "+ukDate(t, today),
		"продовжте ту справу з головного екрана")
	if strings.Contains(got, "зберігаємо…") {
		t.Errorf("the header still says saving after the refusal:\n%s", got)
	}
	if strings.Contains(got, "[Вимога]") || strings.Contains(got, "✓Продаж") {
		t.Errorf("B's case went past the sale:\n%s", got)
	}
	// the answers typed stay on the form, and the keys work: esc goes home
	b.waitFor("не збережено", "[Продаж]", "> R-1001", "> Samsung Galaxy A55")
	b.press("Escape")
	b.waitFor("Головна", cashierName+" (касир)", "Ваші справи сьогодні (0)")

	// A: paid from the till
	a.press("y")
	got = a.waitFor("складено", "ПОВЕРНЕННЯ КОШТІВ, закрито")
	if m := regexp.MustCompile(`Справа (\w+): ПОВЕРНЕННЯ`).FindStringSubmatch(got); m == nil || m[1] != idA {
		t.Fatalf("the act is not of case %s:\n%s", idA, got)
	}
	a.press("Enter")
	a.waitFor("Головна", "Справа "+idA+": закрито")

	// B again: the line was refunded, said at the sale step
	b.typeSaleOnly(s)
	got = b.waitSaid("чек R-1001: кошти вже повернуто у справі "+idA+" від "+ukDate(t, today),
		"повторно повернути не можна")
	for _, never := range []string{"зберігаємо…", "[Вимога]", "Виплатити", "П О В Е Р Н Е Н Н Я"} {
		if strings.Contains(got, never) {
			t.Errorf("B's screen shows %q after the refusal:\n%s", never, got)
		}
	}
	b.waitFor("[Продаж]", "┃ ") // the form, its keys working
	b.press("Escape")
	b.waitFor("Головна", "Ваші справи сьогодні (0)")

	rows = ofReceipt(exported(t, dir, today), "R-1001")
	if len(rows) != 1 || rows[0]["case_id"] != idA || rows[0]["refund_amount"] != "19999.00" {
		t.Errorf("the cases of R-1001 at the end: %v", rows)
	}
	for _, r := range exported(t, dir, today) {
		if r["cashier"] == cashierName {
			t.Errorf("B's refused return was saved: %v", r)
		}
	}
}

// TestE2EMoneyImportedSale: a sale from the sales import, imported while
// the kiosk runs, is shown, not typed over: typed from the paper receipt
// at another price it is refused; looked up, a cashier's own name and PIN
// do not correct it; a shift lead's do, with a reason, and the case is
// exported flagged sale_corrected, at the corrected price.
func TestE2EMoneyImportedSale(t *testing.T) {
	t.Parallel()
	needTmux(t)
	dir := moneyStore(t, "Import store")
	tm := startKiosk(t, dir)
	tm.waitFor("Каса повернень · Import store", "Вхід")

	date := daysAgo(t, 5)
	file := filepath.Join(t.TempDir(), "pos.csv")
	must(t, os.WriteFile(file, []byte("receipt,line,date,model,serial,price,currency,tender,condition,warranty_months,market\n"+
		"R-4001,1,"+date+",Apple iPhone 15,"+imei+",41999.00,UAH,card,new,12,eu\n"), 0o600))
	if out := backOffice(t, "sales", "import", "--data", dir, file); !strings.Contains(out, "імпортовано 1 продаж") {
		t.Fatalf("sales import: %s", out)
	}

	tm.loginAs(cashierName, cashierPIN)

	// typed from the paper receipt, at another price: refused
	tm.press("n")
	tm.waitFor("Номер чека або серійний номер/IMEI", "[Продаж]")
	tm.typeText("R-4001")
	tm.press("Tab")
	tm.waitFocus("Дата продажу")
	tm.typeText(date)
	tm.enterTo("Номер чека")
	tm.waitFor("> R-4001")
	tm.enterTo("Модель")
	tm.typeText("Apple iPhone 15")
	tm.enterTo("Серійний номер або IMEI")
	tm.typeText(imei)
	tm.enterTo("Ціна, грн")
	tm.typeText("45999.00")
	tm.enterTo("Спосіб оплати")
	tm.enterTo("Продано як")
	tm.enterTo("Гарантія, місяців")
	tm.typeText("12")
	tm.enterTo("Ринок, для якого виготовлено пристрій")
	tm.press("Enter")
	got := tm.waitSaid("! не збережено: продаж відрізняється від імпорту продажів",
		"ціна 41 999,00 грн -> 45 999,00 грн", "попросіть старшого зміни виправити")
	if strings.Contains(got, "зберігаємо…") || strings.Contains(got, "[Вимога]") {
		t.Errorf("the refused sale went on:\n%s", got)
	}
	tm.press("Escape")
	tm.waitFor("Головна", "Відкриті справи (0)")

	// looked up: shown as imported; e asks for a shift lead
	tm.press("n")
	tm.waitFor("Номер чека або серійний номер/IMEI", "[Продаж]")
	tm.typeText("R-4001")
	tm.press("Enter")
	got = tm.waitFor("Продаж знайдено в імпорті продажів", "41\u00a0999,00\u00a0грн", "Apple iPhone 15", "e  виправляє старший зміни")
	if strings.Contains(got, "┃") {
		t.Errorf("the imported sale is offered as a form to type over:\n%s", got)
	}
	tm.press("e")
	tm.waitFor("Старший зміни виправляє імпортований продаж")
	corrector := func(name, pin string) {
		tm.waitFocus("Старший зміни")
		tm.press("C-u")
		tm.typeText(name)
		tm.enterTo("PIN-код")
		tm.typeText(pin)
		tm.enterTo("Причина виправлення")
		tm.typeText("the POS rang the wrong price")
		tm.press("Enter")
	}
	corrector(cashierName, cashierPIN) // the cashier's own: refused
	tm.waitFor("Старший зміни виправляє імпортований продаж", "! "+cashierName+" — не старший зміни")
	corrector(leadName, leadPIN)
	tm.waitFor("виправляє імпортований продаж (записано в журнал)")
	tm.waitFocus("Дата продажу")
	tm.waitFor("> " + ukDate(t, date)) // as a Ukrainian cashier types it
	tm.enterTo("Номер чека")
	tm.enterTo("Модель")
	tm.enterTo("Серійний номер або IMEI")
	tm.enterTo("Ціна, грн")
	tm.waitFor("> 41999.00")
	tm.press("C-u")
	tm.typeText("45999.00")
	tm.waitFor("> 45999.00")
	tm.enterTo("Спосіб оплати")
	tm.enterTo("Продано як")
	tm.enterTo("Гарантія, місяців")
	tm.enterTo("Ринок, для якого виготовлено пристрій")
	tm.press("Enter")
	got = tm.waitFor("✓Продаж", "[Вимога]")
	if strings.Contains(got, "не збережено") {
		t.Errorf("the lead's correction was not saved:\n%s", got)
	}

	// the back office's export: the case at the corrected price, flagged
	rows := ofReceipt(exported(t, dir, storeToday(t).Format("2006-01-02")), "R-4001")
	if len(rows) != 1 {
		t.Fatalf("the cases of R-4001: %v", rows)
	}
	r := rows[0]
	if r["price"] != "45999.00" || r["line"] != "1" || r["sale_tender"] != "card" || r["cashier"] != cashierName ||
		!strings.Contains(";"+r["flags"]+";", ";sale_corrected;") {
		t.Errorf("the corrected case is exported as %v", r)
	}
	backOffice(t, "check", "--data", dir)
}

// TestE2EMoneyDayCloseGoesOn: the lead closes the day before the store's
// closing time and is warned; the kiosk goes on: the cashier's home says
// returns go to the next day's report, a return is taken to its act and
// filed there; the lead reopens the day with a reason.
func TestE2EMoneyDayCloseGoesOn(t *testing.T) {
	t.Parallel()
	needTmux(t)
	now := time.Now().In(storeToday(t).Location())
	if mins := now.Hour()*60 + now.Minute(); mins >= 23*60+45 {
		t.Skipf("it is %s in the store: too near midnight for a close before the closing time", now.Format("15:04"))
	}
	closing := now.Add(time.Hour)
	if closing.Day() != now.Day() {
		closing = time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, now.Location())
	}
	at := closing.Format("15:04")
	dir := moneyStore(t, "Late store")
	tm := startKiosk(t, dir)
	tm.waitFor("Каса повернень · Late store", "Вхід")
	// changed while the kiosk runs: it holds from the next login
	if out := backOffice(t, "settings", "--data", dir, "--closing-time", at, "--by", leadName); !strings.Contains(out, "час закриття:    "+at) {
		t.Fatalf("settings --closing-time %s: %s", at, out)
	}

	day := storeToday(t)
	today, next := day.Format("2006-01-02"), day.AddDate(0, 0, 1).Format("2006-01-02")
	tm.loginAs(leadName, leadPIN)
	tm.press("d")
	tm.waitFor("Повернення ", ukDate(t, today)+" (сьогодні)")
	tm.press("3")
	tm.waitFor("Закриття дня", "ВІДКРИТО: звіт на цю хвилину")
	tm.press("c")
	tm.waitSaid("before the store's closing time ("+at+")", "підуть у звіт за "+ukDate(t, next), "н закрити день")
	tm.press("y")
	tm.waitFor("ЗАКРИТО: "+leadName, "Голова ланцюга аудиту на закритті")
	tm.press("Escape", "Escape")
	tm.waitFor("Головна", ukDate(t, today)+" закрито: повернення, прийняті зараз, підуть у звіт за "+ukDate(t, next)+".")
	tm.press("l")

	tm.loginAs(moneyCashier, moneyPIN)
	tm.waitFor(ukDate(t, today) + " закрито: повернення, прийняті зараз, підуть у звіт за " + ukDate(t, next) + ".")
	tm.typeSale(sale{date: daysAgo(t, 2), receipt: "R-6001", model: "Xiaomi Redmi Note 13", price: "8999.00", months: "24"})
	tm.request()
	tm.documents()
	tm.press("Enter")
	tm.waitFor("П О В Е Р Н Е Н Н Я", "[Рішення]")
	tm.press("Enter")
	tm.waitFor("Виплатити 8\u00a0999,00\u00a0грн з каси зараз?")
	tm.press("y")
	got := tm.waitFor("складено", "ПОВЕРНЕННЯ КОШТІВ, закрито")
	id := regexp.MustCompile(`Справа (\w+): ПОВЕРНЕННЯ`).FindStringSubmatch(got)
	if id == nil {
		t.Fatalf("no case id on the act screen:\n%s", got)
	}
	tm.press("Enter")
	tm.waitFor("Головна", "Справа "+id[1]+": закрито", "Ваші справи сьогодні (1)")
	// filed under the next day, not the closed one
	if rows := ofReceipt(exported(t, dir, next), "R-6001"); len(rows) != 1 || rows[0]["case_id"] != id[1] ||
		rows[0]["day"] != next || rows[0]["status"] != "closed" {
		t.Errorf("the late return in the export of %s: %v", next, rows)
	}
	if rows := ofReceipt(exported(t, dir, today), "R-6001"); len(rows) != 0 {
		t.Errorf("the late return is in the closed day's export: %v", rows)
	}
	tm.press("l")

	tm.loginAs(leadName, leadPIN)
	tm.press("d")
	tm.waitFor("Повернення ")
	tm.press("3")
	tm.waitFor("ЗАКРИТО: "+leadName, "щ відкрити знову")
	tm.press("o")
	tm.waitFor("Відкрити "+ukDate(t, today)+" знову?", "enter відкрити день знову")
	tm.press("Enter")
	tm.waitFor("укажіть причину")
	tm.typeText("closed by mistake before the evening")
	tm.press("Enter")
	tm.waitFor("відкрито знову", "ВІДКРИТО: звіт на цю хвилину")
	tm.waitSaid("День " + ukDate(t, today) + " знову відкрив(ла) " + leadName)
	backOffice(t, "check", "--data", dir)
}
