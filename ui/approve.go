package ui

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// approveModel is where a shift lead decides an escalated case on this
// terminal, with their own name, PIN and a reason.
type approveModel struct {
	st     *look.Styles
	km     *look.KeyMap
	tr     *lang.Printer // the staff member's words
	c      *flow.Case
	form   *huh.Form
	v      *approveValues
	errMsg string
	sent   bool // the answers went out: a later message must not send them again
	atDesk bool // the lead logged in decides: no name or PIN asked
}

type approveValues struct {
	name, pin, reason string
	outcome           flow.Outcome
}

// approveSubmitMsg: the lead's answers, to check against the store.
type approveSubmitMsg struct {
	name, pin, reason string
	outcome           flow.Outcome
	// atDesk: the lead logged in at the desk decides, as themself; they
	// gave their PIN at the login.
	atDesk bool
}

// approvedMsg: the store's answer to the lead's name and PIN.
type approvedMsg struct {
	lead store.StaffMember
	sub  approveSubmitMsg
	err  error
}

// leadOutcomes are what a shift lead may decide.
var leadOutcomes = []flow.Outcome{flow.OutcomeRefund, flow.OutcomeExchange, flow.OutcomeReject,
	flow.OutcomeServiceCentre, flow.OutcomeReplaceSimilar}

func newApproveModel(st *look.Styles, keys *look.KeyMap, c *flow.Case, width int) approveModel {
	return buildApproveModel(st, keys, c, width, "")
}

// newDeskApproveModel is the form for the shift lead logged in at the desk:
// the decision and its reason only.
func newDeskApproveModel(st *look.Styles, keys *look.KeyMap, c *flow.Case, width int, lead string) approveModel {
	return buildApproveModel(st, keys, c, width, lead)
}

// buildApproveModel asks the lead's name and PIN first, unless lead names
// the lead logged in. Its words are in the key map's language: the staff
// member's at this terminal (look.KeysIn).
func buildApproveModel(st *look.Styles, keys *look.KeyMap, c *flow.Case, width int, lead string) approveModel {
	tr := keys.Printer()
	v := &approveValues{outcome: flow.OutcomeExchange, name: lead}
	var opts []huh.Option[flow.Outcome]
	for _, o := range leadOutcomes {
		opts = append(opts, huh.NewOption(o.WordsIn(tr), o))
	}
	var fields []huh.Field
	if lead == "" {
		fields = append(fields,
			huh.NewInput().Title(tr.T("Shift lead")).Value(&v.name).Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New(tr.T("enter the shift lead's name"))
				}
				return look.FieldErrIn(tr, c.CheckDecider(s))
			}),
			huh.NewInput().Title(tr.T("PIN")).EchoMode(huh.EchoModePassword).Value(&v.pin).
				Validate(required(tr.T("enter the PIN"))))
	}
	fields = append(fields,
		huh.NewSelect[flow.Outcome]().Title(tr.T("Decision")).Options(opts...).Value(&v.outcome),
		huh.NewInput().Key(freeTextKey).Title(tr.T("Reason (recorded on the case)")).Value(&v.reason).Validate(func(s string) error {
			if len(strings.TrimSpace(s)) < 5 {
				return errors.New(tr.T("say why, in a few words: it is recorded on the case"))
			}
			return nil
		}))
	form := huh.NewForm(huh.NewGroup(fields...)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).
		WithShowHelp(true).WithWidth(min(width, 78))
	return approveModel{st: st, km: keys, tr: tr, c: c, form: form, v: v, atDesk: lead != ""}
}

func (a approveModel) Init() tea.Cmd { return a.form.Init() }

func (a approveModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (a approveModel) typing() bool                   { return formTyping(a.form) }
func (a approveModel) freeText() bool                 { return formFreeText(a.form) }
func (a approveModel) dirty() bool                    { return true }

func (a approveModel) Update(msg tea.Msg) (approveModel, tea.Cmd) {
	if a.sent {
		return a, nil
	}
	if isKey(msg, a.km.Back) {
		return a, a.waits()
	}
	f, cmd := a.form.Update(msg)
	a.form = f.(*huh.Form)
	switch a.form.State {
	case huh.StateCompleted:
		sub := approveSubmitMsg{name: strings.TrimSpace(a.v.name), pin: a.v.pin, reason: strings.TrimSpace(a.v.reason),
			outcome: a.v.outcome, atDesk: a.atDesk}
		a.sent = true
		return a, func() tea.Msg { return sub }
	case huh.StateAborted:
		return a, a.waits()
	}
	return a, cmd
}

// waits goes home, saying that the case waits for a shift lead.
func (a approveModel) waits() tea.Cmd {
	news := a.tr.T("Case %s waits for a shift lead", a.c.ID)
	return func() tea.Msg { return goHomeMsg{news: news} }
}

func (a approveModel) View() string {
	var b strings.Builder
	b.WriteString(a.st.Title.Render(a.tr.T("A shift lead decides")) + "\n")
	if d := a.c.Decision; d != nil && d.Reason != "" {
		b.WriteString(look.Fit(a.tr.T("Why: %s", d.ReasonIn(a.tr)), 78) + "\n")
	}
	if a.errMsg != "" {
		b.WriteString(a.st.Error.Render("! "+a.errMsg) + "\n")
	}
	b.WriteString("\n" + a.form.View())
	return b.String()
}

// openApprove shows the shift lead's decision form for the escalated case.
func (m *Model) openApprove() (tea.Model, tea.Cmd) {
	m.approve = m.approveForm()
	m.view = viewApprove
	return m, m.approve.Init()
}

// approveForm is the decision form: at the desk, for the lead logged in;
// at the till, for whichever lead comes with their PIN.
func (m *Model) approveForm() approveModel {
	if m.desk.decidingID != "" && m.c != nil && m.c.ID == m.desk.decidingID && m.isLead() {
		return newDeskApproveModel(&m.st, &m.keys, m.c, m.width, m.user.Name)
	}
	return newApproveModel(&m.st, &m.keys, m.c, m.width)
}

// approveCmd checks the lead's name and PIN (counting wrong PINs like a
// login) and that they are a shift lead; at the desk, that the lead logged
// in is one.
func (m *Model) approveCmd(sub approveSubmitMsg) tea.Cmd {
	s, now := m.d.Store, m.d.Now()
	if sub.atDesk {
		if !m.isLead() || !flow.SamePerson(m.user.Name, sub.name) {
			return sendCmd(approvedMsg{sub: sub, err: flow.Errorf(flow.EForbidden, "only the shift lead logged in decides at the desk")})
		}
		lead := *m.user
		return sendCmd(approvedMsg{lead: lead, sub: sub})
	}
	return func() tea.Msg {
		lead, err := s.Login(sub.name, sub.pin, now)
		if err == nil && lead.Role != flow.RoleLead {
			err = flow.Errorf(flow.EForbidden, lang.Key("%s is not a shift lead"), lead.Name)
		}
		return approvedMsg{lead: lead, sub: sub, err: err}
	}
}

// approved records the lead's decision and settles the case.
func (m *Model) approved(msg approvedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.approve = m.approveForm()
		m.d.Log.Warn("shift lead refused", "case", m.c.ID, "err", msg.err)
		m.approve.errMsg = look.SayIn(m.staffText, msg.err, "check the shift lead")
		return m, m.approve.Init()
	}
	if err := m.c.CheckDecider(msg.lead.Name); err != nil {
		m.approve = m.approveForm()
		m.approve.errMsg = look.SayIn(m.staffText, err, "check the shift lead")
		return m, m.approve.Init()
	}
	m.c.Override = &flow.Override{Outcome: msg.sub.outcome, Reason: msg.sub.reason, By: msg.lead.Name, At: m.d.Now()}
	switch msg.sub.outcome {
	case flow.OutcomeRefund:
		m.c.Override.RefundBy = m.policy.RefundDueFor(m.c, m.d.Now().In(m.loc))
	case flow.OutcomeServiceCentre: // expected back on the store's term
		m.c.Override.ServiceBy = m.policy.ServiceDue(m.today())
	}
	if msg.sub.outcome == flow.OutcomeRefund && m.c.RefundFromTill() {
		m.view = viewStep
		m.asks = append(m.asks, cashPrompt(&m.st, &m.keys, m.c.Sale.Price, m.policy.PayoutDays()))
		return m, nil
	}
	return m.settle()
}
