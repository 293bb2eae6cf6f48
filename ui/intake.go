package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The service centre's intake: once a case is decided for the service
// centre, before its act is written, what the store hands over with the
// item: the fault as the customer describes it, the accessories, the
// visible condition and the service centre's ticket number (often given
// only when the courier takes the item: it may be left empty and typed in
// later). It is saved with its own event before the decision is settled.

// intakeModel is the intake's form.
type intakeModel struct {
	ctx   screenCtx
	form  *huh.Form
	notes fieldNotes
	in    *flow.Intake
	phone *string // the customer's phone, to call when the item is back: optional
	due   flow.Date
	sent  bool
}

// Messages of the intake.
type (
	// intakeDoneMsg: the intake is typed, every field valid, with the
	// customer's phone if one was given.
	intakeDoneMsg struct {
		in    flow.Intake
		phone string
	}
	// intakeBackMsg: the cashier went back to the decision; what was
	// typed is kept on the case at hand to fill the form again.
	intakeBackMsg struct{ in flow.Intake }
)

// newIntakeModel is the intake's form, filled with what was typed before
// (in), for an item expected back on due.
func newIntakeModel(ctx screenCtx, in flow.Intake, due flow.Date) intakeModel {
	m := intakeModel{ctx: ctx, in: new(flow.Intake), phone: new(string), due: due}
	*m.in = in
	*m.phone = ctx.c.Phone
	tr := ctx.tr
	fault := m.notes.input(tr.T("Fault, as the customer describes it"), tr.T("Fault")).Key(freeTextKey).
		Value(&m.in.Fault).CharLimit(flow.MaxFaultLen).Validate(look.CheckIn(tr, flow.CheckFault))
	acc := m.notes.input(tr.T(`Accessories handed over (or "none")`), tr.T("Accessories")).Key(freeTextKey).
		Value(&m.in.Accessories).CharLimit(flow.MaxAccessoriesLen).Validate(look.CheckIn(tr, flow.CheckAccessories))
	cond := m.notes.input(tr.T("Visible condition: scratches, dents, cracks"), tr.T("Visible condition")).Key(freeTextKey).
		Value(&m.in.Condition).CharLimit(flow.MaxConditionLen).Validate(look.CheckIn(tr, flow.CheckItemCondition))
	ticket := m.notes.input(tr.T("Service centre's ticket number (empty: typed in later)"), tr.T("Ticket")).
		Value(&m.in.Ticket).CharLimit(flow.MaxTicketLen).Validate(look.CheckIn(tr, flow.CheckTicket))
	phone := m.notes.input(tr.T("Customer's phone, to call when the item is back (optional)"), tr.T("Phone")).
		Value(m.phone).CharLimit(20).Validate(look.CheckIn(tr, flow.CheckPhone))
	m.form = newStepForm(ctx, m.formRows(), huh.NewGroup(fault, acc, cond, ticket, phone))
	return m
}

// formRows is the rows the form has below the intake's heading.
func (m intakeModel) formRows() int { return max(m.ctx.height-3, 5) }

// Init starts the form.
func (m intakeModel) Init() tea.Cmd { return m.form.Init() }

// keys is the key map with the screen's keys.
func (m intakeModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm, k.Up, k.Down) }

// typing: every field takes text.
func (m intakeModel) typing() bool { return formTyping(m.form) }

// freeText: the fault, the accessories and the condition are free text.
func (m intakeModel) freeText() bool { return formFreeText(m.form) }

// dirty: the intake is not saved until it is done.
func (m intakeModel) dirty() bool { return true }

// Update passes a key to the form; esc goes back to the decision, keeping
// what was typed.
func (m intakeModel) Update(msg tea.Msg) (intakeModel, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.ctx.width, m.ctx.height = ws.Width, screenRows(ws.Height)
		sizeStepForm(m.form, m.ctx.width, m.formRows())
		return m, nil
	}
	if isKey(msg, m.ctx.keys.Back) {
		return m, sendCmd(intakeBackMsg{in: *m.in})
	}
	out, cmd := updateForm(m.form, m.notes, m.ctx.st, m.ctx.width, msg)
	switch out {
	case formAborted:
		return m, sendCmd(intakeBackMsg{in: *m.in})
	case formCompleted:
		m.sent = true
		return m, sendCmd(intakeDoneMsg{in: m.in.Trimmed(), phone: *m.phone})
	}
	return m, cmd
}

// View draws the heading and the form, or a line once it is sent.
func (m intakeModel) View() string {
	st, tr := m.ctx.st, m.ctx.tr
	if m.sent {
		return st.OK.Render(tr.T("✓ Intake recorded."))
	}
	head := st.Title.Render(tr.T("The item goes to the service centre: its intake")) + "\n"
	if !m.due.IsZero() {
		head += st.Dim.Render(look.Fit(tr.T("expected back by %s; the intake goes on the act", m.due.In(tr)),
			m.ctx.width)) + "\n"
	} else {
		head += "\n"
	}
	return head + "\n" + m.form.View()
}

// openIntake shows the intake's form for the case at hand, filled with
// what was typed before.
func (m *Model) openIntake() (tea.Model, tea.Cmd) {
	var in flow.Intake
	if v := m.c.Service; v != nil && v.SentAt.IsZero() {
		in = v.Intake()
	}
	m.view = viewIntake
	m.intake = newIntakeModel(m.ctx(), in, m.c.ServiceBy())
	return m, m.intake.Init()
}

// intakeMsg handles the messages of the intake; ok is false for any other
// message.
func (m *Model) intakeMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case intakeBackMsg:
		in := msg.in
		m.c.Service = &flow.ServiceVisit{Fault: in.Fault, Accessories: in.Accessories, Condition: in.Condition,
			Ticket: in.Ticket} // not sent: kept to fill the form again
		m.view = viewStep
		model, cmd := m.openStep()
		return model, cmd, true
	case intakeDoneMsg:
		if p, err := flow.ParsePhone(msg.phone); err == nil {
			m.c.Phone = p
		}
		model, cmd := m.intakeDone(msg.in)
		return model, cmd, true
	}
	return m, nil, false
}

// intakeDone records the intake, saves it with its event, and settles
// the decision.
func (m *Model) intakeDone(in flow.Intake) (tea.Model, tea.Cmd) {
	if err := m.c.SendToService(in, m.user.Name, m.d.Now(), m.today()); err != nil {
		m.intake = newIntakeModel(m.ctx(), in, m.c.ServiceBy())
		m.notice = "! " + look.SayIn(m.staffText, err, "record the intake")
		return m, m.intake.Init()
	}
	ticket := store.Said("no ticket yet")
	if in.Ticket != "" {
		ticket = store.Said("ticket %s", in.Ticket)
	}
	ev := store.Event{Kind: store.EventStep, Step: "service_intake", Staff: m.user.Name,
		Words: store.Said("handed over for the service centre (%s), expected back by %s: %s", ticket,
			m.c.Service.Due, in.Fault)}
	return m, m.saveCmd(ev, func(m *Model) (tea.Model, tea.Cmd) {
		m.view = viewStep
		return m.settle()
	})
}
