package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// deskPayModel is where a shift lead marks a refund owed paid: the tender
// and the amount paid; who paid it is the lead logged in. The store checks
// the amount against the price and the receipt line against refunds paid
// before (store.RecordRefund).
type deskPayModel struct {
	st     *look.Styles
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

// deskPaySubmitMsg: the refund paid, to record.
type deskPaySubmitMsg struct {
	id     string
	amount flow.Money
	tender flow.Tender
}

// deskPaidMsg: the store's answer.
type deskPaidMsg struct {
	sub deskPaySubmitMsg
	err error
}

func newDeskPayModel(st *look.Styles, sum store.Summary, today flow.Date, width int) deskPayModel {
	tender := sum.Tender
	if tender == "" {
		tender = flow.TenderCash
	}
	v := &payValues{tender: tender, amount: sum.Amount.Amount()}
	currency := sum.Amount.Currency
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[flow.Tender]().Title("Paid in").Options(wordOptions(flow.Tenders, tenderWords)...).Value(&v.tender),
		huh.NewInput().Title("Amount paid, in "+look.OrDash(currency)).Value(&v.amount).Validate(func(s string) error {
			m, err := flow.ParseMoney(s, currency)
			if err == nil && m.Minor <= 0 {
				err = fmt.Errorf("a refund is more than zero")
			}
			return err
		}),
	)).WithTheme(look.FormTheme()).WithKeyMap(look.FormKeys()).WithShowHelp(true).WithWidth(min(width, 60))
	return deskPayModel{st: st, sum: sum, today: today, form: form, v: v}
}

// Init starts the form.
func (m deskPayModel) Init() tea.Cmd { return m.form.Init() }

// Update runs the form; esc goes back without paying.
func (m deskPayModel) Update(msg tea.Msg) (deskPayModel, tea.Cmd) {
	if m.sent {
		return m, nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "esc" {
		return m, sendCmd(deskBackMsg{})
	}
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	switch m.form.State {
	case huh.StateCompleted:
		amount, err := flow.ParseMoney(m.v.amount, m.sum.Amount.Currency)
		if err != nil { // the field's own check passed: this does not happen
			m.errMsg = err.Error()
			return m, nil
		}
		m.sent = true
		return m, sendCmd(deskPaySubmitMsg{id: m.sum.ID, amount: amount, tender: m.v.tender})
	case huh.StateAborted:
		return m, sendCmd(deskBackMsg{})
	}
	return m, cmd
}

// View names the refund, then the form.
func (m deskPayModel) View() string {
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
