package desk

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
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

func newPayModel(st *look.Styles, k *look.KeyMap, sum store.Summary, today flow.Date, width int) payModel {
	tender := flow.RefundTenderFor(sum.Tender)
	v := &payValues{tender: tender, amount: sum.Owed().Amount()}
	currency := sum.Amount.Currency
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[flow.Tender]().Title("Paid in").Options(look.TenderOptions()...).Value(&v.tender),
		huh.NewInput().Title("Amount paid, in "+look.OrDash(currency)).Value(&v.amount).Validate(func(s string) error {
			m, err := flow.ParseTypedMoney(s, currency)
			if err == nil {
				err = flow.CheckPaymentAmount(m, sum.Amount, sum.Paid)
			}
			return look.FieldErr(err)
		}),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeys()).WithShowHelp(true).WithWidth(min(width, 60))
	return payModel{st: st, k: k, width: width, sum: sum, today: today, form: form, v: v}
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
			m.errMsg = look.Say(err, "read the amount")
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
	st, s := m.st, m.sum
	var b strings.Builder
	b.WriteString(st.Title.Render("Mark a refund paid") + "\n")
	b.WriteString(look.Fit(fmt.Sprintf("Case %s · %s · opened %s by %s", s.ID, look.OrDash(s.Model),
		s.Time.Format("2006-01-02 15:04"), s.Staff), m.width) + "\n")
	if m.paid != nil { // what it owed before is history: the payment says what is left
		return b.String() + "\n" + m.paidView()
	}
	owed := fmt.Sprintf("Owed %s by %s: %s", s.Owed(), s.Due, dueWords(s.Due, m.today, false))
	if s.Paid.Minor > 0 {
		owed += fmt.Sprintf(" · %s paid of %s", s.Paid, s.Amount)
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
		return "This pays the refund in full."
	}
	return fmt.Sprintf("This leaves %s still owed.", left)
}

// paidView is the payment recorded: what it was, what is left, where its
// slip went.
func (m payModel) paidView() string {
	st, p := m.st, m.paid.payout
	var b strings.Builder
	b.WriteString(st.OK.Render(fmt.Sprintf("✓ Paid %s in %s by %s (payment %d)", p.Payment.Amount,
		p.Payment.Tender.Words(), p.Payment.By, p.N)) + "\n")
	if p.Owed.Minor > 0 {
		fmt.Fprintf(&b, "Still owed: %s of %s (%s paid so far)\n", p.Owed, p.Case.RefundDue(), p.Paid)
	} else {
		fmt.Fprintf(&b, "The refund is paid in full: %s\n", p.Paid)
	}
	if err := m.paid.slipErr; err != nil {
		b.WriteString(st.Error.Render("! the payout slip was not written: "+look.Say(err, "write the slip")+
			" (the payment is recorded)") + "\n")
	} else if w := m.paid.slip; w.File != "" {
		b.WriteString("Payout slip: " + look.FitLeft(filepath.Join("acts", filepath.Base(w.File)), 50) +
			" in the data folder\n")
		switch {
		case w.Existed:
			b.WriteString("It was written before: left as it was.\n")
		case w.PrintErr != nil:
			b.WriteString(st.Error.Render("! printing failed: "+look.Say(w.PrintErr, "print the slip")+
				": print the file by hand.") + "\n")
		case w.Printed:
			b.WriteString("Sent to the printer.\n")
		default:
			b.WriteString("No print command is set: print the file by hand.\n")
		}
		b.WriteString("\nThe customer and you sign the printed slip.\n")
	}
	b.WriteString("\n" + st.Dim.Render("enter: back"))
	return b.String()
}
