package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/paper"
	"github.com/charmbracelet/x/exp/teatest"
)

// serviceCase is a case sent to the service centre on 2 March 2024 at
// 10:15 Kyiv time, expected back on the 16th.
func serviceCase(t *testing.T) (*flow.Case, *time.Location) {
	t.Helper()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	c := &flow.Case{ID: "C1", Decision: &flow.Decision{Outcome: flow.OutcomeServiceCentre,
		ServiceBy: flow.Date{Year: 2024, Month: 3, Day: 16}}}
	sent := time.Date(2024, 3, 2, 10, 15, 0, 0, kyiv)
	if err := c.SendToService(flow.Intake{Fault: "не заряджається", Accessories: "кабель, зарядний пристрій"}, "Ivan", sent,
		flow.DateOf(sent)); err != nil {
		t.Fatal(err)
	}
	return c, kyiv
}

func sectionText(sec paper.Section) string {
	var b strings.Builder
	b.WriteString(sec.Title + "\n")
	for _, it := range sec.Items {
		b.WriteString(it.Label + " = " + it.Value + "\n")
	}
	return b.String()
}

func TestServiceSectionInBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		name string
		l    lang.Lang
		back bool
		want string
	}{
		{"en, sent", lang.EN, false, "SERVICE CENTRE INTAKE\n" +
			" = The fault as the customer describes it; the service centre checks it.\n" +
			"Fault = не заряджається\n" +
			"Accessories = кабель, зарядний пристрій\n" +
			"Visible condition = not described\n" +
			"Ticket = to be given by the service centre\n" +
			"Sent = 2024-03-02 10:15 by Ivan\n" +
			"Expected back by = 2024-03-16\n"},
		{"uk, sent", lang.UK, false, "ПРИЙМАННЯ ДО СЕРВІСНОГО ЦЕНТРУ\n" +
			" = Несправність зі слів покупця; її перевіряє сервісний центр.\n" +
			"Несправність = не заряджається\n" +
			"Комплектація = кабель, зарядний пристрій\n" +
			"Зовнішній стан = не описано\n" +
			"Квитанція = видасть сервісний центр\n" +
			"Передано = 02.03.2024 10:15, працівник: Ivan\n" +
			"Повернеться до = 16.03.2024\n"},
		{"en, back after 21 days with a conclusion", lang.EN, true, "Ticket = SC-77\n" +
			"Sent = 2024-03-02 10:15 by Ivan\n" +
			"Expected back by = 2024-03-16\n" +
			"Back = 2024-03-23 16:40 by Olena, after 21 days\n" +
			"Service centre conclusion = defect confirmed: it can be repaired\n"},
		{"uk, back after 21 days with a conclusion", lang.UK, true, "Квитанція = SC-77\n" +
			"Передано = 02.03.2024 10:15, працівник: Ivan\n" +
			"Повернеться до = 16.03.2024\n" +
			"Повернуто = 23.03.2024 16:40, працівник: Olena, через 21 день\n" +
			"Висновок сервісного центру = недолік підтверджено: його можна усунути\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, kyiv := serviceCase(t)
			if tc.back {
				must(t, c.SetTicket("SC-77", "Olena", time.Date(2024, 3, 3, 9, 0, 0, 0, kyiv)))
				back := time.Date(2024, 3, 23, 16, 40, 0, 0, kyiv)
				must(t, c.BackFromService(false, "Olena", back, flow.DateOf(back)))
				c.Concluded(flow.ConclusionRepairable, "Olena", back)
			}
			sec, ok := serviceSection(lang.For(tc.l), c, kyiv)
			if got := sectionText(sec); !ok || !strings.Contains(got, tc.want) {
				t.Fatalf("got (%v)\n%s\nwant within it\n%s", ok, got, tc.want)
			}
		})
	}
	if _, ok := serviceSection(lang.English(), &flow.Case{}, time.UTC); ok {
		t.Error("a case never sent has an intake section")
	}
}

// intakeActCase is a citrus defect sent to the service centre with its
// intake, as the kiosk keeps it, in l's words.
func intakeActCase(t *testing.T, l lang.Lang) (*flow.Case, *flow.Policy, time.Time) {
	t.Helper()
	c, kyiv := serviceCase(t)
	p, err := flow.Builtin("citrus")
	must(t, err)
	opened := time.Date(2026, 11, 20, 10, 0, 0, 0, kyiv)
	c.ID, c.Policy, c.Opened, c.OpenedBy, c.Status = "T-1", "citrus", opened, "Ivan", flow.StatusServiceCentre
	c.Sale = flow.Sale{Date: flow.Date{Year: 2026, Month: 11, Day: 10}, Receipt: "R-1001", Model: "Phone X",
		Serial: "490154203237518", Price: flow.Money{Minor: 999900, Currency: "UAH"}, Tender: flow.TenderCard,
		Condition: flow.ConditionNew, WarrantyMonths: 12}
	c.Request = flow.Request{Claim: flow.ClaimDefect, Wants: flow.WantRefund}
	c.Documents = []flow.Document{flow.DocReceipt, flow.DocWarrantyCard}
	c.Inspection = flow.Inspection{CompleteSet: true, PackagingIntact: true, LabelsIntact: true, SealsIntact: true,
		SerialMatches: true}
	d, err := flow.DecideIn(lang.For(l), c, p, opened)
	must(t, err)
	c.Decision = &d
	c.Service.Due, c.Service.SentAt, c.Service.SentDay = d.ServiceBy, opened, flow.DateOf(opened)
	return c, p, opened
}

// TestIntakeActGolden: the service centre's intake act as a receipt
// printer prints it, 42 and 48 columns wide, with the intake's section.
func TestIntakeActGolden(t *testing.T) { intakeActGoldens(t, lang.EN) }

func TestIntakeActGoldenUK(t *testing.T) { intakeActGoldens(t, lang.UK) }

func intakeActGoldens(t *testing.T, l lang.Lang) {
	c, p, now := intakeActCase(t, l)
	if flow.ActFor(c) != flow.ActIntake {
		t.Fatalf("a case at the service centre gets the %s", flow.ActFor(c))
	}
	doc := actDoc(lang.For(l), store.Settings{StoreName: "Test store"}, c, p, now, flow.ActIntake, 17)
	for _, width := range []int{42, 48} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			text := doc.Text(width)
			if l == lang.UK {
				checkSpeaks(t, text)
			}
			teatest.RequireEqualOutput(t, []byte(text))
		})
	}
}
