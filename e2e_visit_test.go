package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"example.com/returnsdesk/store"
)

// TestE2EVisitPhoneAndItsCase: a customer returns a phone and its case,
// bought on one receipt (imported, the case without a serial), in one
// visit. The phone's sale, request, documents and passport are given once;
// from the phone's act, a takes the case: its line is found among the
// receipt's others, it asks no serial and goes to its own inspection; the
// phone is refunded, the case (used) rejected; each has its act, and the
// store lists the two as one visit.
func TestE2EVisitPhoneAndItsCase(t *testing.T) {
	t.Parallel()
	needTmux(t)
	dir := moneyStore(t, "Visit store")
	date := daysAgo(t, 4)
	file := filepath.Join(t.TempDir(), "pos.csv")
	must(t, os.WriteFile(file, []byte("receipt,line,date,model,serial,price,currency,tender,condition,warranty_months,market\n"+
		"R-5001,1,"+date+",Samsung Galaxy S24,"+imei+",25999.00,UAH,card,new,12,eu\n"+
		"R-5001,2,"+date+",Чохол Galaxy S24,,499.00,UAH,card,new,,eu\n"), 0o600))
	if out := backOffice(t, "sales", "import", "--data", dir, file); !strings.Contains(out, "імпортовано 2 продажі") {
		t.Fatalf("sales import: %s", out)
	}
	tm := startKiosk(t, dir)
	tm.waitFor("Каса повернень · Visit store", "Вхід")
	tm.loginAs(cashierName, cashierPIN)

	// the phone: looked up, its line picked of the two
	tm.press("n")
	tm.waitFor("Номер чека або серійний номер/IMEI", "[Продаж]")
	tm.typeText("R-5001")
	tm.press("Enter")
	tm.waitFor("За R-5001 продано 2 товари", "Samsung Galaxy S24", "Чохол Galaxy S24")
	tm.press("Enter")
	tm.waitFor("Продаж знайдено в імпорті продажів", imei)
	tm.press("Enter")
	tm.request()
	tm.documents()
	tm.press("Enter") // a clean phone
	tm.waitFor("П О В Е Р Н Е Н Н Я", "[Рішення]")
	tm.press("Enter")
	s := tm.waitFor("складено", "ПОВЕРНЕННЯ КОШТІВ, закрито", "ф: ще товар за чеком R-5001")
	phone := regexp.MustCompile(`Справа (\w+): ПОВЕРНЕННЯ`).FindStringSubmatch(s)
	if phone == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}

	// the case: the receipt's other line, no serial asked, straight to its inspection
	tm.press("ф") // a, on the Ukrainian layout
	tm.waitFor("Товар 2 за чеком R-5001", "Продаж за R-5001 знайдено", "чек R-5001 рядок 2")
	tm.waitFocus("Модель")
	tm.enterTo("Серійний номер або IMEI (скануйте або введіть; порожньо, якщо його немає)")
	tm.enterTo("Продано як")
	tm.enterTo("Гарантія, місяців")
	tm.enterTo("Ринок, для якого виготовлено пристрій")
	tm.press("Enter")
	s = tm.waitFor("✓Продаж", "✓Вимога", "✓Документи", "[Огляд]", "У товару немає серійного номера/IMEI")
	if strings.Contains(s, "Серійний номер/IMEI збігається") {
		t.Errorf("the case's inspection asks its serial:\n%s", s)
	}
	tm.press("1", "Enter") // signs of use
	tm.waitFor("В І Д М О В А", "[Рішення]")
	tm.press("Enter")
	s = tm.waitFor("складено", "ВІДМОВА, закрито")
	item := regexp.MustCompile(`Справа (\w+): ВІДМОВА`).FindStringSubmatch(s)
	if item == nil {
		t.Fatalf("no case id on the act screen:\n%s", s)
	}
	tm.press("Enter")
	tm.waitFor("Головна", "Ваші справи сьогодні (2)")

	act := squeezed(readAct(t, dir, item[1]))
	// the act of the visit's last item lists both items, each with its decision
	for _, want := range []string{"Модель Чохол Galaxy S24", "Серійний №/IMEI немає: товар без серійного номера",
		"Рішення ВІДМОВА", "ТОВАР 1 З 2: Samsung Galaxy S24", "Серійний №/IMEI " + imei, "Рішення ПОВЕРНЕННЯ КОШТІВ",
		"ТОВАР 2 З 2: Чохол Galaxy S24", "! Рішення ВІДМОВА"} {
		if !strings.Contains(act, want) {
			t.Errorf("the case's act does not say %q:\n%s", want, act)
		}
	}
	if strings.Contains(act, "збігається з чеком") {
		t.Errorf("the case's act lists a serial check:\n%s", act)
	}
	if act := squeezed(readAct(t, dir, phone[1])); !strings.Contains(act, "Серійний №/IMEI "+imei) ||
		strings.Contains(act, "ТОВАР 1 З") {
		t.Errorf("the phone's act:\n%s", act)
	}

	// the store: one visit of two cases, each decided on its own
	tm.kill()
	backOffice(t, "check", "--data", dir) // exits 0: the file is sound
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	must(t, err)
	defer st.Close()
	cases, err := st.VisitCases(item[1])
	must(t, err)
	if len(cases) != 2 || cases[0].ID != phone[1] || cases[1].ID != item[1] || cases[1].Visit != phone[1] ||
		cases[0].Outcome() != "refund" || cases[1].Outcome() != "reject" || cases[1].Sale.Serial != "" {
		t.Fatalf("the visit: %+v", cases)
	}
}
