package desk

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// payModel is where a shift lead marks a refund owed paid: the tender
// and the amount paid; who paid it is the lead logged in. The store checks
// the amount against the price and the receipt line against refunds paid
// before (store.RecordRefund).
type payModel struct {
	st     *look.Styles
	k      *look.KeyMap
	sum    store.Summary
	today  flow.Date
	form   *huh.Form
	v      *payValues
	errMsg string
	sent   bool
}

type payValues struct {
	tender flow.Tender
	amount string
}

// paySubmitMsg: the refund paid, to record.
type paySubmitMsg struct {
	id     string
	amount flow.Money
	tender flow.Tender
}

// paidMsg: the store's answer.
type paidMsg struct {
	sub paySubmitMsg
	err error
}

func newPayModel(st *look.Styles, k *look.KeyMap, sum store.Summary, today flow.Date, width int) payModel {
	tender := flow.RefundTenderFor(sum.Tender)
	v := &payValues{tender: tender, amount: sum.Amount.Amount()}
	currency := sum.Amount.Currency
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[flow.Tender]().Title("Paid in").Options(look.TenderOptions()...).Value(&v.tender),
		huh.NewInput().Title("Amount paid, in "+look.OrDash(currency)).Value(&v.amount).Validate(func(s string) error {
			m, err := flow.ParseMoney(s, currency)
			if err == nil {
				err = flow.CheckRefundAmount(m, sum.Amount)
			}
			return look.FieldErr(err)
		}),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeys()).WithShowHelp(true).WithWidth(min(width, 60))
	return payModel{st: st, k: k, sum: sum, today: today, form: form, v: v}
}

// Init starts the form.
func (m payModel) Init() tea.Cmd { return m.form.Init() }

// Update runs the form; esc goes back without paying.
func (m payModel) Update(msg tea.Msg) (payModel, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	var state formState
	var cmd tea.Cmd
	m.form, state, cmd = runForm(m.form, m.k.Back, msg)
	switch state {
	case formDone:
		amount, err := flow.ParseMoney(m.v.amount, m.sum.Amount.Currency)
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

// View names the refund, then the form.
func (m payModel) View() string {
	st, s := m.st, m.sum
	var b strings.Builder
	b.WriteString(st.Title.Render("Mark a refund paid") + "\n")
	fmt.Fprintf(&b, "Case %s · %s · opened %s by %s\n", s.ID, look.OrDash(s.Model), s.Time.Format("2006-01-02 15:04"), s.Staff)
	fmt.Fprintf(&b, "Owed %s by %s: %s\n", s.Amount, s.Due, dueWords(s.Due, m.today, false))
	if m.errMsg != "" {
		b.WriteString(st.Error.Render("! "+m.errMsg) + "\n")
	}
	b.WriteString("\n" + m.form.View())
	return b.String()
}
