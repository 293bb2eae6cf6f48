package flow

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"example.com/returnsdesk/flow/lang"
)

// The service-centre loop: what the store hands over with an item it sends
// to the service centre (the intake), the ticket the service centre gives
// it, the day it is expected back, and its return with the conclusion, each
// with who and when. A repair longer than the law's 14 days can make the
// defect significant (docs/rules.md, "Settled questions"; UA art. 8).

// LawRepairDays is the longest a repair under warranty may take by the law
// (Consumer Protection Act No. 1023-XII, art. 8): a longer one can make the
// defect significant (art. 1(12)).
const LawRepairDays = 14

// The longest texts of an intake, in characters.
const (
	MaxFaultLen       = 500
	MaxAccessoriesLen = 300
	MaxConditionLen   = 300
	MaxTicketLen      = 40
)

// ServiceVisit is the item's stay at the service centre: the intake typed
// when it is sent, and its return.
type ServiceVisit struct {
	// Fault is the fault as the customer describes it.
	Fault string `json:"fault"`
	// Accessories are what was handed over with the item ("none" when
	// nothing was).
	Accessories string `json:"accessories,omitempty"`
	// Condition is the item's visible condition: scratches, dents...
	Condition string `json:"condition,omitempty"`
	// Ticket is the service centre's ticket number: often known only when
	// the courier takes the item, so it may be typed in later (TicketBy,
	// TicketAt).
	Ticket   string    `json:"ticket,omitempty"`
	TicketBy string    `json:"ticket_by,omitempty"`
	TicketAt time.Time `json:"ticket_at,omitzero"`

	// Due is the day the item is expected back (the decision's ServiceBy).
	Due Date `json:"due,omitzero"`
	// Sent is when the item was handed over for the service centre, by
	// whom, on which day of the store.
	SentAt  time.Time `json:"sent_at,omitzero"`
	SentBy  string    `json:"sent_by,omitempty"`
	SentDay Date      `json:"sent_day,omitzero"`

	// Back is when the item came back, who took it in, on which day.
	BackAt  time.Time `json:"back_at,omitzero"`
	BackBy  string    `json:"back_by,omitempty"`
	BackDay Date      `json:"back_day,omitzero"`
	// Repaired: the item came back repaired (or checked) and was handed to
	// the customer; else the service centre's conclusion is decided on.
	Repaired bool `json:"repaired,omitempty"`
	// Conclusion is what the service centre concluded, entered by
	// ConcludedBy at ConcludedAt.
	Conclusion  Conclusion `json:"conclusion,omitempty"`
	ConcludedBy string     `json:"concluded_by,omitempty"`
	ConcludedAt time.Time  `json:"concluded_at,omitzero"`
}

// Intake is what is typed when the item is handed over.
type Intake struct {
	Fault, Accessories, Condition, Ticket string
}

// Intake is the visit's intake as typed.
func (v *ServiceVisit) Intake() Intake {
	return Intake{Fault: v.Fault, Accessories: v.Accessories, Condition: v.Condition, Ticket: v.Ticket}
}

// Trimmed is the intake with the spaces around each text cut.
func (in Intake) Trimmed() Intake {
	return Intake{Fault: strings.TrimSpace(in.Fault), Accessories: strings.TrimSpace(in.Accessories),
		Condition: strings.TrimSpace(in.Condition), Ticket: strings.TrimSpace(in.Ticket)}
}

// Check says what is wrong, if anything, with an intake, naming the field:
// the fault is required; the accessories, the condition and the ticket may
// be left empty (a ticket is often given when the courier takes the item).
func (in Intake) Check() error {
	if err := CheckFault(in.Fault); err != nil {
		return err
	}
	if err := CheckAccessories(in.Accessories); err != nil {
		return err
	}
	if err := CheckItemCondition(in.Condition); err != nil {
		return err
	}
	return CheckTicket(in.Ticket)
}

// CheckFault checks the fault as the customer describes it: required, at
// most MaxFaultLen characters.
func CheckFault(s string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return fieldErr("fault", "describe the fault as the customer tells it")
	case utf8.RuneCountInString(s) > MaxFaultLen:
		return fieldErr("fault", "the fault is at most %d characters", MaxFaultLen)
	}
	return printable("fault", s)
}

// CheckAccessories checks the accessories handed over: may be empty.
func CheckAccessories(s string) error {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxAccessoriesLen {
		return fieldErr("accessories", "the accessories are at most %d characters", MaxAccessoriesLen)
	}
	return printable("accessories", s)
}

// CheckItemCondition checks the visible condition: may be empty.
func CheckItemCondition(s string) error {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxConditionLen {
		return fieldErr("condition", "the condition is at most %d characters", MaxConditionLen)
	}
	return printable("condition", s)
}

// CheckTicket checks the service centre's ticket number: may be empty at
// the intake; one word of letters, digits and - / . of at most
// MaxTicketLen characters.
func CheckTicket(s string) error {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxTicketLen {
		return fieldErr("ticket", "a ticket number is at most %d characters", MaxTicketLen)
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-/.#", r) {
			return fieldErr("ticket", "a ticket number has only letters, digits and - / . #")
		}
	}
	return nil
}

// CheckGivenTicket checks a ticket number typed in after the intake: as
// CheckTicket, and not empty.
func CheckGivenTicket(s string) error {
	if err := CheckTicket(s); err != nil {
		return err
	}
	if strings.TrimSpace(s) == "" {
		return fieldErr("ticket", "enter the service centre's ticket number")
	}
	return nil
}

// printable refuses a text with a control character (a new line, a tab).
func printable(field, s string) error {
	if strings.ContainsFunc(s, unicode.IsControl) {
		return fieldErr(field, "one line of text, please")
	}
	return nil
}

// SendToService records the intake of an item the case sends to the
// service centre, by whom and when, on day, expected back on the case's
// ServiceBy: the intake checked (an error names its field), its texts
// trimmed. A case whose item came back before starts a new visit.
func (c *Case) SendToService(in Intake, by string, at time.Time, day Date) error {
	in = in.Trimmed()
	if err := in.Check(); err != nil {
		return err
	}
	if c.Outcome() != OutcomeServiceCentre {
		return Errorf(EInvalid, "the case is decided %s: only an item for the service centre is sent there",
			c.Outcome())
	}
	c.Service = &ServiceVisit{Fault: in.Fault, Accessories: in.Accessories, Condition: in.Condition,
		Ticket: in.Ticket, Due: c.ServiceBy(), SentAt: at.UTC(), SentBy: by, SentDay: day}
	return nil
}

// AtService reports whether the case's item is at the service centre now:
// sent and not back.
func (c *Case) AtService() bool {
	return c.Service != nil && !c.Service.SentAt.IsZero() && c.Service.BackAt.IsZero()
}

// NeedsIntake reports whether a case decided for the service centre still
// needs its intake typed: no visit yet, or the last one came back.
func (c *Case) NeedsIntake() bool {
	return c.Service == nil || c.Service.SentAt.IsZero() || !c.Service.BackAt.IsZero()
}

// SetTicket records the service centre's ticket number of an item at the
// service centre, typed after the intake by by at at.
func (c *Case) SetTicket(ticket, by string, at time.Time) error {
	ticket = strings.TrimSpace(ticket)
	if err := CheckGivenTicket(ticket); err != nil {
		return err
	}
	if !c.AtService() {
		return Errorf(EInvalid, "the item is not at the service centre: no ticket to record")
	}
	c.Service.Ticket, c.Service.TicketBy, c.Service.TicketAt = ticket, by, at.UTC()
	return nil
}

// BackFromService records the item's return from the service centre, taken
// in by by at at, on day: repaired (or checked) and handed to the
// customer, or with a conclusion still to enter (Concluded).
func (c *Case) BackFromService(repaired bool, by string, at time.Time, day Date) error {
	if !c.AtService() {
		if c.Service == nil {
			c.Service = &ServiceVisit{} // sent before the intake was recorded
		} else if !c.Service.BackAt.IsZero() {
			return Errorf(EInvalid, "the item came back from the service centre already")
		}
	}
	v := c.Service
	v.BackAt, v.BackBy, v.BackDay, v.Repaired = at.UTC(), by, day, repaired
	return nil
}

// Concluded records the service centre's conclusion of the item back, as
// entered by by at at: the case's conclusion to decide on, kept with the
// visit. A case with no visit back keeps the conclusion alone.
func (c *Case) Concluded(con Conclusion, by string, at time.Time) {
	c.ServiceCentre = con
	if v := c.Service; v != nil && !v.BackAt.IsZero() {
		v.Conclusion, v.ConcludedBy, v.ConcludedAt = con, by, at.UTC()
	}
}

// Days is how many calendar days the item has been at the service centre:
// from the day it was sent to the day it came back, or to today while it
// is still there; 0 when the day it was sent is unknown.
func (v *ServiceVisit) Days(today Date) int {
	if v == nil || v.SentDay.IsZero() {
		return 0
	}
	end := v.BackDay
	if v.BackAt.IsZero() || end.IsZero() {
		end = today
	}
	return max(end.DaysSince(v.SentDay), 0)
}

// OverLawDays reports whether the item's stay, counted to today while it
// is still out, is longer than the law's LawRepairDays.
func (v *ServiceVisit) OverLawDays(today Date) bool { return v.Days(today) > LawRepairDays }

// DaysLate is how many days the item is late on today: past the day it was
// due back, still out; 0 when not late.
func (v *ServiceVisit) DaysLate(today Date) int {
	if v == nil || !v.BackAt.IsZero() || !Overdue(v.Due, today) {
		return 0
	}
	return today.DaysSince(v.Due)
}

// longRepair adds the flag of a repair longer than the law allows: once
// the item is back, judged on the days it was out.
func longRepair(c *Case, add func(flag Flag, format string, args ...any)) {
	v := c.Service
	if v == nil || v.BackAt.IsZero() {
		return
	}
	if n := v.Days(v.BackDay); n > LawRepairDays {
		add(FlagLongRepair, lang.Key("the repair took %s, over the %s the law allows (art. 8): the defect can count as significant"),
			counted{lang.Key("%d days"), n}, counted{lang.Key("%d days"), LawRepairDays})
	}
}
