package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// The replacement step, for an exchange once its decision is confirmed:
// the item the customer takes in place of the one returned (its model, its
// serial or IMEI, or none for an accessory, its price) and how the price
// difference is paid. The line above the form says what the difference
// comes to as the price is typed: the customer pays it at the till, or the
// store refunds it.

// replacementValues are the form's answers, on the heap for huh to bind.
type replacementValues struct {
	model, serial, price string
	noSerial             bool
	tender               flow.Tender
}

// replacementModel is the replacement step's screen.
type replacementModel struct {
	ctx   screenCtx
	v     *replacementValues
	form  *huh.Form
	notes fieldNotes
	note  string // why the answers were refused, shown above the form
	sent  bool
}

// replacementEnteredMsg: the replacement given, checked by
// flow.CheckReplacement.
type replacementEnteredMsg struct{ r flow.Replacement }

// newReplacementModel is the replacement form with the case's answers, if
// it has them; the difference is paid in the sale's tender by default.
func newReplacementModel(ctx screenCtx) replacementModel {
	v := &replacementValues{tender: ctx.c.RefundTender()}
	if r := ctx.c.Replacement; r != nil {
		v.model, v.serial, v.noSerial = r.Model, r.Serial, r.NoSerial
		if !r.Price.IsZero() {
			v.price = r.Price.Amount()
		}
		if r.Tender != "" {
			v.tender = r.Tender
		}
	}
	m := replacementModel{ctx: ctx, v: v}
	m.openForm()
	return m
}

// openForm builds the form from the values held.
func (m *replacementModel) openForm() {
	v, tr, c := m.v, m.ctx.tr, m.ctx.c
	cur := c.Sale.Price.Currency
	m.notes = nil
	n := &m.notes
	m.form = newStepForm(m.ctx, m.formRows(), huh.NewGroup(
		n.input(tr.T("Model of the item given"), tr.T("Model")).Value(&v.model).CharLimit(80).
			Validate(look.CheckIn(tr, flow.CheckModel)),
		// a select, not huh's Confirm: its two buttons differ by colour only
		huh.NewSelect[bool]().Title(tr.T("Does it have a serial number or IMEI?")).Inline(true).
			Options(huh.NewOption(tr.T("yes"), false), huh.NewOption(tr.T("no: an accessory (a case, a cable)"), true)).
			Value(&v.noSerial),
		n.input(tr.T("Its serial number or IMEI (scan or type; empty for an accessory)"), tr.T("Serial/IMEI")).
			Value(&v.serial).CharLimit(40).
			Validate(func(s string) error {
				return look.FieldErrIn(tr, flow.CheckReplacementSerial(s, v.noSerial, c.Sale.Serial))
			}),
		n.input(tr.T("Its price in %s (such as 19 999,00)", tr.Currency(cur)), tr.T("Price")).
			Value(&v.price).CharLimit(16).
			Validate(func(s string) error { _, err := flow.CheckPrice(s, cur); return look.FieldErrIn(tr, err) }),
		huh.NewSelect[flow.Tender]().Title(tr.T("The difference is paid in")).Inline(true).
			Options(tenderOptions(tr)...).Value(&v.tender),
	))
}

// formRows is what the form may fill: the screen less the lines above it.
func (m replacementModel) formRows() int { return m.ctx.height - strings.Count(m.head(), "\n") }

// Init starts the form.
func (m replacementModel) Init() tea.Cmd { return m.form.Init() }

// keys is the key map with the screen's keys.
func (m replacementModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }

// typing reports whether the screen takes text.
func (m replacementModel) typing() bool { return formTyping(m.form) }

// dirty: answers on a step's screen are not saved until it is done.
func (m replacementModel) dirty() bool { return true }

// Update passes a key to the form; esc goes back to the decision.
func (m replacementModel) Update(msg tea.Msg) (replacementModel, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.ctx.width, m.ctx.height = ws.Width, screenRows(ws.Height)
		sizeStepForm(m.form, m.ctx.width, m.formRows())
		return m, nil
	}
	if isKey(msg, m.ctx.keys.Back) {
		return m, sendCmd(goBackMsg{})
	}
	out, cmd := updateForm(m.form, m.notes, m.ctx.st, m.ctx.width, msg)
	switch out {
	case formAborted:
		return m, sendCmd(goBackMsg{})
	case formCompleted:
		return m.finish()
	}
	return m, cmd
}

// finish sends the replacement to the root, or shows why it cannot go.
func (m replacementModel) finish() (replacementModel, tea.Cmd) {
	r := m.replacement()
	if err := flow.CheckReplacement(m.ctx.c, r); err != nil { // the fields were checked; this is a last guard
		m.note = "! " + look.SayIn(m.ctx.tr, err, "record the replacement")
		m.openForm()
		return m, m.form.Init()
	}
	m.sent = true
	return m, sendCmd(replacementEnteredMsg{r: r})
}

// replacement reads the answers (a price that does not read is none).
func (m replacementModel) replacement() flow.Replacement {
	v := m.v
	r := flow.Replacement{Model: strings.TrimSpace(v.model), NoSerial: v.noSerial, Tender: v.tender}
	if !v.noSerial {
		r.Serial = strings.TrimSpace(v.serial)
	}
	r.Price, _ = flow.CheckPrice(v.price, m.ctx.c.Sale.Price.Currency)
	if r.Price.Minor == m.ctx.c.Sale.Price.Minor {
		r.Tender = "" // nothing to pay either way
	}
	return r
}

// head is the lines above the form: the item returned, what the
// difference comes to at the price typed, and a refusal.
func (m replacementModel) head() string {
	st, tr, c := m.ctx.st, m.ctx.tr, m.ctx.c
	lines := []string{st.Label.Render(look.Fit(tr.T("In exchange for %s (%s), the customer takes:",
		look.OrDash(c.Sale.Model), c.Sale.Price.In(tr)), m.ctx.width))}
	lines = append(lines, st.Dim.Render(look.Fit(differenceWords(tr, c, m.v.price), m.ctx.width)))
	if m.note != "" {
		for _, l := range look.Wrap(m.note, m.ctx.width, "  ") {
			lines = append(lines, st.Error.Render(l))
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// differenceWords say what the difference comes to at the price typed.
func differenceWords(tr *lang.Printer, c *flow.Case, typed string) string {
	price, err := flow.CheckPrice(typed, c.Sale.Price.Currency)
	if err != nil {
		return tr.T("The price difference shows once the price is typed.")
	}
	d := price.Minor - c.Sale.Price.Minor
	amount := flow.Money{Minor: max(d, -d), Currency: c.Sale.Price.Currency}
	switch {
	case d > 0:
		return tr.T("The customer pays the difference of %s at the till.", amount.In(tr))
	case d < 0:
		return tr.T("The store refunds the difference of %s.", amount.In(tr))
	}
	return tr.T("The same price: nothing to pay or refund.")
}

// View draws the lines above the form and the form, or a line once sent.
func (m replacementModel) View() string {
	if m.sent {
		return m.ctx.st.OK.Render(m.ctx.tr.T("✓ Replacement recorded."))
	}
	return m.head() + m.form.View()
}
