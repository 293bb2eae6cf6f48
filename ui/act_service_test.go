package ui

import (
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/paper"
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
	if err := c.SendToService(flow.Intake{Fault: "не заряджається", Accessories: "кабель USB-C"}, "Ivan", sent,
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
			"Fault (as the customer says) = не заряджається\n" +
			"Accessories handed over = кабель USB-C\n" +
			"Visible condition = not described\n" +
			"Service centre ticket = to be given by the service centre\n" +
			"Sent = 2024-03-02 10:15 by Ivan\n" +
			"Expected back by = 2024-03-16\n"},
		{"uk, sent", lang.UK, false, "ПРИЙМАННЯ ДО СЕРВІСНОГО ЦЕНТРУ\n" +
			"Несправність (зі слів покупця) = не заряджається\n" +
			"Передана комплектація = кабель USB-C\n" +
			"Зовнішній стан = не описано\n" +
			"Квитанція сервісного центру = видасть сервісний центр\n" +
			"Передано = 02.03.2024 10:15, працівник: Ivan\n" +
			"Повернеться до = 16.03.2024\n"},
		{"en, back after 21 days with a conclusion", lang.EN, true, "Service centre ticket = SC-77\n" +
			"Sent = 2024-03-02 10:15 by Ivan\n" +
			"Expected back by = 2024-03-16\n" +
			"Back = 2024-03-23 16:40 by Olena, after 21 days\n" +
			"Service centre conclusion = defect confirmed: it can be repaired\n"},
		{"uk, back after 21 days with a conclusion", lang.UK, true, "Квитанція сервісного центру = SC-77\n" +
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
