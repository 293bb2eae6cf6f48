package flow_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// scCase is a defect decided for the service centre, expected back on
// 2024-03-15.
func scCase() flow.Case {
	c := cleanDefect()
	c.Decision = &flow.Decision{Outcome: flow.OutcomeServiceCentre, ServiceBy: day("2024-03-15")}
	return c
}

func TestIntakeCheckNamesTheField(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	for _, tc := range []struct {
		name  string
		in    flow.Intake
		field string // "" when the intake is good
		want  string
	}{
		{"all", flow.Intake{Fault: "не вмикається", Accessories: "зарядка, кабель", Condition: "подряпина на кришці",
			Ticket: "SC-2024/117"}, "", ""},
		{"fault only: no ticket yet", flow.Intake{Fault: "screen flickers"}, "", ""},
		{"accessories none", flow.Intake{Fault: "dead", Accessories: "none"}, "", ""},
		{"no fault", flow.Intake{Accessories: "charger"}, "fault", "describe the fault"},
		{"blank fault", flow.Intake{Fault: "   "}, "fault", "describe the fault"},
		{"fault too long", flow.Intake{Fault: long(flow.MaxFaultLen + 1)}, "fault", "at most 500"},
		{"fault of the longest", flow.Intake{Fault: long(flow.MaxFaultLen)}, "", ""},
		{"fault on two lines", flow.Intake{Fault: "dead\nreally"}, "fault", "one line"},
		{"accessories too long", flow.Intake{Fault: "dead", Accessories: long(flow.MaxAccessoriesLen + 1)},
			"accessories", "at most 300"},
		{"condition with a tab", flow.Intake{Fault: "dead", Condition: "dent\tscratch"}, "condition", "one line"},
		{"condition too long", flow.Intake{Fault: "dead", Condition: long(flow.MaxConditionLen + 1)},
			"condition", "at most 300"},
		{"ticket with a space", flow.Intake{Fault: "dead", Ticket: "SC 117"}, "ticket", "only letters"},
		{"ticket too long", flow.Intake{Fault: "dead", Ticket: long(flow.MaxTicketLen + 1)}, "ticket", "at most 40"},
		{"ticket in Cyrillic", flow.Intake{Fault: "dead", Ticket: "СЦ-117"}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.in.Trimmed().Check()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fe *flow.FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field || !strings.Contains(fe.Msg, tc.want) {
				t.Fatalf("got %v, want %s: ...%s...", err, tc.field, tc.want)
			}
			if uk := fe.In(lang.For(lang.UK)); uk == fe.Msg {
				t.Errorf("the message is not in Ukrainian: %q", uk)
			}
		})
	}
}

func TestSendToServiceRecordsTheIntake(t *testing.T) {
	sent := at("2024-03-01")
	for _, tc := range []struct {
		name    string
		set     func(c *flow.Case)
		in      flow.Intake
		wantErr string
	}{
		{"sent", func(*flow.Case) {}, flow.Intake{Fault: " dead ", Ticket: " T-1 "}, ""},
		{"by a lead's decision", func(c *flow.Case) {
			c.Override = &flow.Override{Outcome: flow.OutcomeServiceCentre, ServiceBy: day("2024-03-15")}
		}, flow.Intake{Fault: "dead"}, ""},
		{"a refund is not sent", func(c *flow.Case) { c.Decision.Outcome = flow.OutcomeRefund },
			flow.Intake{Fault: "dead"}, "only an item for the service centre"},
		{"no fault", func(*flow.Case) {}, flow.Intake{}, "fault"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := scCase()
			tc.set(&c)
			err := c.SendToService(tc.in, "Ivan", sent, day("2024-03-01"))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || c.Service != nil {
					t.Fatalf("got %v, service %+v; want %q", err, c.Service, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			v := c.Service
			if v.Fault != strings.TrimSpace(tc.in.Fault) || v.Ticket != strings.TrimSpace(tc.in.Ticket) ||
				v.SentBy != "Ivan" || !v.SentAt.Equal(sent) || v.SentDay != day("2024-03-01") ||
				v.Due != day("2024-03-15") {
				t.Fatalf("recorded %+v", v)
			}
			if !c.AtService() || c.NeedsIntake() {
				t.Fatalf("at service %v, needs intake %v", c.AtService(), c.NeedsIntake())
			}
		})
	}
}

func TestTicketAndReturnWithWhoAndWhen(t *testing.T) {
	c := scCase()
	if !c.NeedsIntake() {
		t.Fatal("a case not sent needs its intake")
	}
	if err := c.SetTicket("T-9", "Olena", at("2024-03-02")); err == nil {
		t.Fatal("a ticket for an item not sent was taken")
	}
	if err := c.SendToService(flow.Intake{Fault: "dead"}, "Ivan", at("2024-03-01"), day("2024-03-01")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ ticket, field string }{{"", "ticket"}, {"a b", "ticket"}} {
		var fe *flow.FieldError
		if err := c.SetTicket(tc.ticket, "Olena", at("2024-03-02")); !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("ticket %q: %v", tc.ticket, err)
		}
	}
	if err := c.SetTicket(" T-9 ", "Olena", at("2024-03-02")); err != nil {
		t.Fatal(err)
	}
	if v := c.Service; v.Ticket != "T-9" || v.TicketBy != "Olena" || !v.TicketAt.Equal(at("2024-03-02")) {
		t.Fatalf("ticket %+v", v)
	}
	if err := c.BackFromService(false, "Petro", at("2024-03-20"), day("2024-03-20")); err != nil {
		t.Fatal(err)
	}
	c.Concluded(flow.ConclusionRepairable, "Petro", at("2024-03-20").Add(time.Minute))
	v := c.Service
	if v.BackBy != "Petro" || v.BackDay != day("2024-03-20") || v.Repaired || v.Conclusion != flow.ConclusionRepairable ||
		v.ConcludedBy != "Petro" || c.ServiceCentre != flow.ConclusionRepairable {
		t.Fatalf("back %+v, case's conclusion %q", v, c.ServiceCentre)
	}
	if c.AtService() || !c.NeedsIntake() {
		t.Fatalf("back: at service %v, needs intake %v", c.AtService(), c.NeedsIntake())
	}
	if err := c.BackFromService(true, "Petro", at("2024-03-21"), day("2024-03-21")); err == nil {
		t.Fatal("an item back already came back again")
	}
}

func TestServiceDaysAndLateness(t *testing.T) {
	sent := func(on, due, back string) *flow.ServiceVisit {
		v := &flow.ServiceVisit{SentAt: at(on), SentDay: day(on), Due: day(due)}
		if back != "" {
			v.BackAt, v.BackDay = at(back), day(back)
		}
		return v
	}
	for _, tc := range []struct {
		name      string
		v         *flow.ServiceVisit
		today     string
		days      int
		over      bool
		late      int
		flagged   bool
		flagWords string
	}{
		{"out, on time", sent("2024-03-01", "2024-03-15", ""), "2024-03-10", 9, false, 0, false, ""},
		{"out, due today", sent("2024-03-01", "2024-03-15", ""), "2024-03-15", 14, false, 0, false, ""},
		{"out, a day late: 15 days", sent("2024-03-01", "2024-03-15", ""), "2024-03-16", 15, true, 1, false, ""},
		{"out, 21 days late", sent("2024-03-01", "2024-03-15", ""), "2024-04-05", 35, true, 21, false, ""},
		{"back on day 14", sent("2024-03-01", "2024-03-15", "2024-03-15"), "2024-04-05", 14, false, 0, false, ""},
		{"back on day 15", sent("2024-03-01", "2024-03-15", "2024-03-16"), "2024-04-05", 15, true, 0, true,
			"the repair took 15 days, over the 14 days the law allows (art. 8): the defect can count as significant"},
		{"back after 31 days", sent("2024-03-01", "2024-03-15", "2024-04-01"), "2024-04-05", 31, true, 0, true,
			"the repair took 31 days"},
		{"no day sent", &flow.ServiceVisit{}, "2024-04-05", 0, false, 0, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			today := day(tc.today)
			if got := tc.v.Days(today); got != tc.days {
				t.Errorf("days %d, want %d", got, tc.days)
			}
			if got := tc.v.OverLawDays(today); got != tc.over {
				t.Errorf("over the law's days %v, want %v", got, tc.over)
			}
			if got := tc.v.DaysLate(today); got != tc.late {
				t.Errorf("late %d, want %d", got, tc.late)
			}
			c := scCase()
			c.Service = tc.v
			var found *flow.Finding
			for _, f := range flow.Review(&c, flow.FraudRules{}, flow.Facts{}) {
				if f.Flag == flow.FlagLongRepair {
					found = &f
				}
			}
			if (found != nil) != tc.flagged {
				t.Fatalf("flagged %v, want %v", found != nil, tc.flagged)
			}
			if found != nil {
				if !strings.Contains(found.Explain, tc.flagWords) {
					t.Errorf("explained %q, want %q", found.Explain, tc.flagWords)
				}
				if uk := found.In(lang.For(lang.UK)); !strings.Contains(uk, "днів") || !strings.Contains(uk, "істотним") {
					t.Errorf("in Ukrainian %q", uk)
				}
			}
		})
	}
}
