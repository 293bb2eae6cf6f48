package ui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// voidModel is where a shift lead closes a case without a decision (a
// draft that cannot go on, a customer who withdrew), with a reason: the
// way out of a case the store refuses to take further.
type voidModel struct {
	st     *look.Styles
	km     *look.KeyMap
	tr     *lang.Printer
	sum    store.Summary
	form   *huh.Form
	kind   *flow.EndKind
	reason *string
	errMsg string
	sent   bool // the reason went out: a later message must not send it again
}

// Messages of voiding a case.
type (
	voidCaseMsg   struct{ sum store.Summary } // home: a lead, or the case's opener, asks to close this case
	voidSubmitMsg struct {
		id, reason string
		kind       flow.EndKind
	}
	voidedMsg struct {
		id  string
		err error
	}
)

// newVoidModel is the form that closes the case of sum without a decision,
// its words in tr's language: how it ended (the ends role may give:
// flow.EndsFor) and why.
func newVoidModel(st *look.Styles, keys *look.KeyMap, tr *lang.Printer, sum store.Summary, role flow.Role, width int) voidModel {
	reason, kind := new(string), new(flow.EndKind)
	*kind = flow.EndWithdrawn
	var ends []huh.Option[flow.EndKind]
	for _, k := range flow.EndsFor(role) {
		ends = append(ends, huh.NewOption(k.WordsIn(tr), k))
	}
	form := huh.NewForm(huh.NewGroup(
		huh.NewNote().Title(tr.T("Void case %s", sum.ID)).
			Description(look.Fit(summaryLine(tr, sum), min(width, 76))+"\n"+
				tr.T("The case is closed without a decision; its answers and its trail stay.")),
		huh.NewSelect[flow.EndKind]().Title(tr.T("How did it end?")).Options(ends...).Value(kind).Height(len(ends)+1),
		huh.NewInput().Key(freeTextKey).Title(tr.T("Reason (on the audit trail)")).Value(reason).CharLimit(flow.MaxReasonLen).
			Validate(look.CheckIn(tr, flow.CheckReason)),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithWidth(min(width, 76))
	return voidModel{st: st, km: keys, tr: tr, sum: sum, form: form, kind: kind, reason: reason}
}

func (v voidModel) Init() tea.Cmd { return v.form.Init() }

func (v voidModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (v voidModel) typing() bool                   { return true }
func (v voidModel) dirty() bool                    { return false }
func (v voidModel) freeText() bool                 { return formFreeText(v.form) }

// Update runs the form; esc goes home without voiding.
func (v voidModel) Update(msg tea.Msg) (voidModel, tea.Cmd) {
	if v.sent {
		return v, nil
	}
	if isKey(msg, v.km.Back) {
		return v, sendCmd(goHomeMsg{})
	}
	f, cmd := v.form.Update(msg)
	v.form = f.(*huh.Form)
	switch v.form.State {
	case huh.StateCompleted:
		v.sent = true
		return v, sendCmd(voidSubmitMsg{id: v.sum.ID, kind: *v.kind, reason: strings.TrimSpace(*v.reason)})
	case huh.StateAborted:
		return v, sendCmd(goHomeMsg{})
	}
	return v, cmd
}

func (v voidModel) View() string {
	out := v.form.View()
	if v.errMsg != "" {
		out = v.st.Error.Render("! "+v.errMsg) + "\n" + out
	}
	return out
}

// voidMsg handles the messages of voiding a case; ok is false for any
// other message.
func (m *Model) voidMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case voidCaseMsg:
		if m.user == nil || !flow.MayEnd(m.user.Role, m.user.Name, msg.sum.Staff) {
			m.notice = "! " + m.staffText.T("only a shift lead or the one who opened the case closes it without a decision")
			return m, nil, true
		}
		m.void = newVoidModel(&m.st, &m.keys, m.staffText, msg.sum, m.user.Role, m.width)
		m.view = viewVoid
		return m, m.void.Init(), true
	case voidSubmitMsg:
		s, by, now := m.d.Store, m.user.Name, m.d.Now()
		return m, func() tea.Msg { return voidedMsg{id: msg.id, err: s.EndCase(msg.id, msg.kind, msg.reason, by, now)} }, true
	case voidedMsg:
		if msg.err != nil {
			m.d.Log.Warn("void a case", "case", msg.id, "err", msg.err)
			m.void = newVoidModel(&m.st, &m.keys, m.staffText, m.void.sum, m.user.Role, m.width)
			m.void.errMsg = look.SayIn(m.staffText, msg.err, "void the case")
			return m, m.void.Init(), true
		}
		model, cmd := m.goHome(m.staffText.T("Case %s voided at %s", look.ShortID(msg.id),
			m.d.Now().In(m.loc).Format(time.TimeOnly[:5])))
		return model, cmd, true
	}
	return m, nil, false
}
