package desk

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/payout"
)

// payModel is where a shift lead pays a refund owed, in full or in part:
// the tender and the amount, the rest still owed offered; who paid it is
// the lead logged in. The form says what will be left; the store checks
// the amount against what is still owed and the receipt line against other
// cases' refunds (store.RecordRefund). Once paid, the screen says what is
// left and where the payout slip for the customer to sign went.
type payModel struct {
	tr     *lang.Printer
	st     *look.Styles
	k      *look.KeyMap
	width  int
	sum    store.Summary
	today  flow.Date
	form   *huh.Form
	v      *payValues
	errMsg string
	sent   bool
	paid   *paidMsg // the payment recorded: the form is done
}

type payValues struct {
	tender flow.Tender
	amount string
}

// paySubmitMsg: the payment, to record.
type paySubmitMsg struct {
	id     string
	amount flow.Money
	tender flow.Tender
}

// paidMsg: the store's answer, and where the payout slip went.
type paidMsg struct {
	sub     paySubmitMsg
	err     error
	payout  store.Payout
	slip    payout.Written
	slipErr error
}

func newPayModel(tr *lang.Printer, st *look.Styles, k *look.KeyMap, sum store.Summary, today flow.Date,
	width int) payModel {
	tr = staffText(tr)
	tender := flow.RefundTenderFor(sum.Tender)
	v := &payValues{tender: tender, amount: amountIn(tr, sum.Owed())} // as the lead types it
	currency := sum.Amount.Currency
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[flow.Tender]().Title(tr.T("Paid out in")).Options(tenderOptions(tr)...).Value(&v.tender),
		huh.NewInput().Title(tr.T("Amount paid, in %s", currencyIn(tr, currency))).Value(&v.amount).Validate(func(s string) error {
			m, err := flow.ParseTypedMoney(s, currency)
			if err == nil {
				err = flow.CheckPaymentAmount(m, sum.Amount, sum.Paid)
			}
			return look.FieldErrIn(tr, err)
		}),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithWidth(min(width, 60))
	return payModel{tr: tr, st: st, k: k, width: width, sum: sum, today: today, form: form, v: v}
}

// Init starts the form.
func (m payModel) Init() tea.Cmd { return m.form.Init() }

// typing reports whether the form takes text: not once the payment is
// recorded.
func (m payModel) typing() bool { return m.paid == nil }

// Update runs the form; esc goes back without paying. Once the payment is
// recorded, enter or esc goes back.
func (m payModel) Update(msg tea.Msg) (payModel, tea.Cmd) {
	if m.paid != nil {
		if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.k.Confirm, m.k.Back) {
			return m, send(backMsg{})
		}
		return m, nil
	}
	if m.sent {
		return m, nil
	}
	var state formState
	var cmd tea.Cmd
	m.form, state, cmd = runForm(m.form, m.k.Back, msg)
	switch state {
	case formDone:
		amount, err := flow.ParseTypedMoney(m.v.amount, m.sum.Amount.Currency)
		if err != nil { // the field's own check passed: this does not happen
			m.errMsg = look.SayIn(m.tr, err, "read the amount")
			return m, nil
		}
		m.sent = true
		return m, send(paySubmitMsg{id: m.sum.ID, amount: amount, tender: m.v.tender})
	case formLeft:
		return m, send(backMsg{})
	}
	return m, cmd
}

// View names the refund and what is owed of it, then the form and what
// the amount typed would leave owed; once paid, what was paid and the slip.
func (m payModel) View() string {
	st, s, tr := m.st, m.sum, m.tr
	var b strings.Builder
	b.WriteString(st.Title.Render(tr.T("Mark a refund paid")) + "\n")
	b.WriteString(look.Fit(tr.T("Case %s · %s · opened %s by %s", s.ID, look.OrDash(s.Model), timeIn(tr, s.Time),
		s.Staff), m.width) + "\n")
	if m.paid != nil { // what it owed before is history: the payment says what is left
		return b.String() + "\n" + m.paidView()
	}
	owed := tr.T("Owed %s by %s: %s", s.Owed().In(tr), s.Due.In(tr), dueWords(tr, s.Due, m.today, false))
	if s.Paid.Minor > 0 {
		owed += " · " + tr.T("%s paid of %s", s.Paid.In(tr), s.Amount.In(tr))
	}
	b.WriteString(look.Fit(owed, m.width) + "\n")
	if m.errMsg != "" {
		b.WriteString(st.Error.Render("! "+m.errMsg) + "\n")
	}
	b.WriteString("\n" + m.form.View())
	if left := m.leftWords(); left != "" {
		b.WriteString("\n" + st.Label.Render(left))
	}
	return b.String()
}

// leftWords says what the amount typed would leave owed, if it is an
// amount the refund may take.
func (m payModel) leftWords() string {
	s := m.sum
	amount, err := flow.ParseTypedMoney(m.v.amount, s.Amount.Currency)
	if err != nil || flow.CheckPaymentAmount(amount, s.Amount, s.Paid) != nil {
		return ""
	}
	left := flow.Owed(s.Owed(), amount)
	if left.Minor == 0 {
		return m.tr.T("This pays the refund in full.")
	}
	return m.tr.T("This leaves %s still owed.", left.In(m.tr))
}

// paidView is the payment recorded: what it was, what is left, where its
// slip went.
func (m payModel) paidView() string {
	st, p, tr := m.st, m.paid.payout, m.tr
	var b strings.Builder
	b.WriteString(st.OK.Render(tr.T("✓ Paid %s in %s by %s (payment %d)", p.Payment.Amount.In(tr),
		p.Payment.Tender.WordsIn(tr), p.Payment.By, p.N)) + "\n")
	if p.Owed.Minor > 0 {
		b.WriteString(tr.T("Still owed: %s of %s (%s paid so far)", p.Owed.In(tr), p.Case.RefundDue().In(tr),
			p.Paid.In(tr)) + "\n")
	} else {
		b.WriteString(tr.T("The refund is paid in full: %s", p.Paid.In(tr)) + "\n")
	}
	if err := m.paid.slipErr; err != nil {
		b.WriteString(st.Error.Render("! "+tr.T("the payout slip was not written: %s (the payment is recorded)",
			look.SayIn(tr, err, "write the slip"))) + "\n")
	} else if w := m.paid.slip; w.File != "" {
		b.WriteString(m.slipWords(w))
	}
	b.WriteString("\n" + st.Dim.Render(tr.T("enter: back")))
	return b.String()
}

// slipWords say where the payout slip went: its file, and the printer.
func (m payModel) slipWords(w payout.Written) string {
	st, tr := m.st, m.tr
	out := tr.T("Payout slip: acts/%s in the data folder", look.FitLeft(filepath.Base(w.File), 45)) +
		"\n"
	switch {
	case w.Existed:
		out += tr.T("It was written before: left as it was.") + "\n"
	case w.PrintErr != nil:
		out += st.Error.Render("! "+tr.T("printing failed: %s: print the file by hand.",
			look.SayIn(tr, w.PrintErr, "print the slip"))) + "\n"
	case w.Printed:
		out += tr.T("Sent to the printer.") + "\n"
	default:
		out += tr.T("No print command is set: print the file by hand.") + "\n"
	}
	return out + "\n" + tr.T("The customer and you sign the printed slip.") + "\n"
}
