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

// loginModel asks a staff member's name and PIN, in the till's language
// (else the store's): nobody is logged in yet (sessionLangs).
type loginModel struct {
	st     *look.Styles
	tr     *lang.Printer
	form   *huh.Form
	width  int
	v      *loginValues
	note   string // why the login shows (locked after idle time)
	errMsg string
	sent   bool // the answers went out: a later message (a cursor blink) must not send them again
}

type loginValues struct{ name, pin string }

// loginSubmitMsg: a name and PIN to check.
type loginSubmitMsg struct{ name, pin string }

// loginResultMsg: the store's answer.
type loginResultMsg struct {
	member   store.StaffMember
	settings loadedMsg // the store's settings as they are now
	err      error
}

// newLoginModel is the login form, its words in tr's language.
func newLoginModel(st *look.Styles, tr *lang.Printer, width int) loginModel {
	v := &loginValues{}
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title(tr.T("Name")).Value(&v.name).Validate(required(tr.T("enter your name"))),
		huh.NewInput().Title(tr.T("PIN")).EchoMode(huh.EchoModePassword).Value(&v.pin).
			Validate(required(tr.T("enter your PIN"))),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithWidth(min(width, 60))
	return loginModel{st: st, tr: tr, form: form, width: width, v: v}
}

func (l loginModel) Init() tea.Cmd { return l.form.Init() }

func (l loginModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (l loginModel) typing() bool                   { return true }
func (l loginModel) dirty() bool                    { return false }

func (l loginModel) Update(msg tea.Msg) (loginModel, tea.Cmd) {
	if l.sent {
		return l, nil
	}
	f, cmd := l.form.Update(msg)
	l.form = f.(*huh.Form)
	switch l.form.State {
	case huh.StateCompleted:
		sub := loginSubmitMsg{name: strings.TrimSpace(l.v.name), pin: l.v.pin}
		l.sent = true
		return l, func() tea.Msg { return sub }
	case huh.StateAborted:
		return l, tea.Quit
	}
	return l, cmd
}

func (l loginModel) View() string {
	var b strings.Builder
	b.WriteString(l.st.Title.Render(l.tr.T("Log in")) + "\n")
	if l.note != "" {
		b.WriteString(l.st.Dim.Render(l.note) + "\n")
	}
	if l.errMsg != "" {
		b.WriteString(l.st.Error.Width(max(l.width, 40)).Render("! "+l.errMsg) + "\n") // a long name wraps
	}
	b.WriteString("\n" + l.form.View())
	return b.String()
}

// nonEmpty is a huh validation that asks for what is missing.
func nonEmpty(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("enter " + what)
		}
		return nil
	}
}

// loginCmd checks a name and PIN against the store.
func (m *Model) loginCmd(sub loginSubmitMsg) tea.Cmd {
	s, now := m.d.Store, m.d.Now()
	return func() tea.Msg {
		member, err := s.Login(sub.name, sub.pin, now)
		res := loginResultMsg{member: member, err: err}
		if err == nil {
			res.settings = storeSettings(s)
		}
		return res
	}
}

// loggedIn opens the home screen, or the case the lock fell on when the
// same person logs in again (resumesAfterLock): anybody else finds it parked.
func (m *Model) loggedIn(msg loginResultMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		note := m.login.note
		m.login = newLoginModel(&m.st, m.staffText, m.width)
		m.login.note = note
		m.d.Log.Warn("login refused", "err", msg.err)
		m.login.errMsg = look.SayIn(m.staffText, msg.err, "log in")
		return m, m.login.Init()
	}
	member := msg.member
	m.user = &member
	m.takeSettings(msg.settings)
	m.d.Log.Info("login", "staff", member.Name)
	if m.c != nil && resumesAfterLock(m.lockedBy, member.Name) { // the lock fell on this person's case at hand
		m.notice = ""
		return m.openStep()
	}
	if m.c != nil {
		return m, m.parkCase()
	}
	return m.goHome("")
}

// resumesAfterLock is the rule of a login after the lock fell on a case at
// hand: the person who had it (lockedBy) goes on with it; anybody else does
// not take it over silently: it is parked as its opener's draft, as it was
// last saved (each step is saved as it is done; a form half typed is lost,
// as when the step is left unsaved). Names match as flow.SamePerson does.
func resumesAfterLock(lockedBy, member string) bool {
	return lockedBy != "" && flow.SamePerson(lockedBy, member)
}

// parkCase leaves the case the lock fell on as the store holds it, for the
// person now logged in, and goes to their home saying whose case it is and
// where it stays.
func (m *Model) parkCase() tea.Cmd {
	c, s, tr, log, by := m.c, m.d.Store, m.staffText, m.d.Log, m.user.Name
	m.c = nil // this person never works on it unless they resume it from home
	return func() tea.Msg {
		stored, err := s.Case(c.ID)
		log.Info("a case parked at the lock", "case", c.ID, "opener", c.OpenedBy, "staff", by, "err", err)
		return goHomeMsg{news: parkedNews(tr, c, stored, err)}
	}
}

// parkedNews is the home screen's line about a case parked at the lock:
// stored is the case as the store holds it, or err why it is not there.
func parkedNews(tr *lang.Printer, c, stored *flow.Case, err error) string {
	id := look.ShortID(c.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return tr.T("Case …%s (%s) was left before its first step was saved: nothing of it is kept", id, c.OpenedBy)
	case err != nil || stored.Status == flow.StatusOpen:
		return tr.T("Case …%s (%s) parked as a draft", id, c.OpenedBy)
	}
	return tr.T("Case …%s (%s) left as it was saved: %s", id, stored.OpenedBy, stored.Status.WordsIn(tr))
}
