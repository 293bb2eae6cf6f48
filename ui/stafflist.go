package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// staffListModel is a shift lead's list of the staff: each one's role,
// language and state, and what the lead does with the one at the cursor:
// reset the PIN, unlock, deactivate (asked first), reactivate; or add
// another (staffModel).
type staffListModel struct {
	st     *look.Styles
	km     *look.KeyMap
	tr     *lang.Printer // the lead's language
	loc    *time.Location
	width  int
	height int
	list   []store.StaffMember
	now    time.Time // when the list was read: a lock ends at a time
	cursor int
	loaded bool
	asking bool // deactivate the one at the cursor? yes or no
	errMsg string
}

// staffAct is what a shift lead does to a staff account from the list.
type staffAct int

const (
	actUnlock staffAct = iota
	actPIN
	actDeactivate
	actReactivate
)

// staffActWords are what each act is doing (for an error) and its news
// (of the account it names).
var staffActWords = map[staffAct]struct{ doing, done string }{
	actUnlock:     {lang.Key("unlock the account"), lang.Key("%s is unlocked")},
	actPIN:        {lang.Key("reset the PIN"), lang.Key("%s has a new PIN")},
	actDeactivate: {lang.Key("deactivate the account"), lang.Key("%s is deactivated: their cases and history stay")},
	actReactivate: {lang.Key("reactivate the account"), lang.Key("%s can log in again")},
}

// staffListMsg: the staff as the store lists them, at now.
type staffListMsg struct {
	list []store.StaffMember
	now  time.Time
	err  error
}

// staffActMsg: the lead does act to name's account (a new PIN for actPIN).
type staffActMsg struct {
	act       staffAct
	name, pin string
}

// staffDoneMsg: the store's answer to a staffActMsg.
type staffDoneMsg struct {
	act  staffAct
	name string
	err  error
}

// addStaffFormMsg: the lead asks for the form that adds a staff member.
type addStaffFormMsg struct{}

// pinFormMsg: the lead asks for the form of a new PIN for m.
type pinFormMsg struct{ m store.StaffMember }

func newStaffListModel(st *look.Styles, keys *look.KeyMap, tr *lang.Printer, loc *time.Location,
	width, height int) staffListModel {
	return staffListModel{st: st, km: keys, tr: tr, loc: loc, width: width, height: height}
}

func (s staffListModel) Init() tea.Cmd { return nil }
func (s staffListModel) typing() bool  { return false }
func (s staffListModel) dirty() bool   { return false }

// keys are the list's keys: those the account at the cursor allows.
func (s staffListModel) keys(k look.KeyMap) look.KeyMap {
	if s.asking {
		return k.With(k.Yes, k.No)
	}
	return k.With(s.actKeys()...)
}

// actKeys are the keys of the acts the account at the cursor allows.
func (s staffListModel) actKeys() []key.Binding {
	k := s.km.Staff
	ks := []key.Binding{s.km.Up, s.km.Down, k.Add}
	m, ok := s.at()
	if !ok {
		return ks
	}
	if !m.Active() {
		return append(ks, k.Reactivate)
	}
	ks = append(ks, k.PIN)
	if s.locked(m) {
		ks = append(ks, k.Unlock)
	}
	return append(ks, k.Deactivate)
}

// at is the account at the cursor.
func (s staffListModel) at() (store.StaffMember, bool) {
	if s.cursor >= len(s.list) {
		return store.StaffMember{}, false
	}
	return s.list[s.cursor], true
}

func (s staffListModel) locked(m store.StaffMember) bool {
	return m.LockedForLead || m.LockedUntil.After(s.now)
}

func (s staffListModel) Update(msg tea.Msg) (staffListModel, tea.Cmd) {
	switch msg := msg.(type) {
	case staffListMsg:
		s.loaded, s.list, s.now = true, msg.list, msg.now
		if msg.err != nil {
			s.errMsg = look.SayIn(s.tr, msg.err, "load the staff")
		}
		s.cursor = min(s.cursor, max(len(s.list)-1, 0))
	case tea.KeyMsg:
		if s.asking {
			return s.answer(msg)
		}
		return s.onKey(msg)
	}
	return s, nil
}

// answer is the lead's answer to "deactivate?".
func (s staffListModel) answer(msg tea.KeyMsg) (staffListModel, tea.Cmd) {
	switch {
	case key.Matches(msg, s.km.Yes):
		s.asking = false
		m, _ := s.at()
		return s, sendCmd(staffActMsg{act: actDeactivate, name: m.Name})
	case key.Matches(msg, s.km.No), key.Matches(msg, s.km.Back):
		s.asking = false
	}
	return s, nil
}

func (s staffListModel) onKey(msg tea.KeyMsg) (staffListModel, tea.Cmd) {
	k := s.km.Staff
	m, ok := s.at()
	allowed := func(b key.Binding) bool {
		for _, a := range s.actKeys() {
			if a.Help() == b.Help() {
				return key.Matches(msg, b)
			}
		}
		return false
	}
	switch {
	case key.Matches(msg, s.km.Back):
		return s, sendCmd(goHomeMsg{})
	case key.Matches(msg, s.km.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, s.km.Down):
		s.cursor = min(s.cursor+1, max(len(s.list)-1, 0))
	case key.Matches(msg, k.Add):
		return s, sendCmd(addStaffFormMsg{})
	case !ok:
	case allowed(k.PIN):
		return s, sendCmd(pinFormMsg{m: m})
	case allowed(k.Unlock):
		return s, sendCmd(staffActMsg{act: actUnlock, name: m.Name})
	case allowed(k.Deactivate):
		s.asking = true
	case allowed(k.Reactivate):
		return s, sendCmd(staffActMsg{act: actReactivate, name: m.Name})
	}
	return s, nil
}

func (s staffListModel) View() string {
	var b strings.Builder
	tr := s.tr
	b.WriteString(s.st.Title.Render(tr.T("Staff")) + "\n\n")
	var hints []string
	for _, k := range s.actKeys()[2:] {
		hints = append(hints, k.Help().Key+" "+k.Help().Desc)
	}
	b.WriteString(s.st.Dim.Render(look.Fit(strings.Join(hints, " · "), s.width)) + "\n\n")
	if s.errMsg != "" {
		b.WriteString(s.st.Error.Render("! "+s.errMsg) + "\n")
	}
	if !s.loaded {
		b.WriteString(s.st.Dim.Render(tr.T("loading the staff…")) + "\n")
		return b.String()
	}
	b.WriteString(s.st.Label.Render("  "+s.row(tr.T("Name"), tr.T("Role"), tr.T("Language"), tr.T("State"))) + "\n")
	rows := max(s.height-9, 3) // the title, the keys, the header, a question
	start := max(s.cursor-rows+1, 0)
	for i := start; i < len(s.list) && i < start+rows; i++ {
		m := s.list[i]
		line := s.row(m.Name, m.Role.WordsIn(tr), s.langOf(m), s.state(m))
		if i == s.cursor {
			b.WriteString(s.st.Selected.Render("> "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	if more := len(s.list) - start - rows; more > 0 {
		b.WriteString(s.st.Dim.Render("  "+tr.T("… and %d more", more)) + "\n")
	}
	if m, ok := s.at(); ok && s.asking {
		b.WriteString("\n" + s.st.Warning.Render(look.Fit(tr.T("Deactivate %s? Their cases and history stay.",
			m.Name), s.width)) + "\n")
		b.WriteString("  " + s.km.Yes.Help().Key + "  " + s.km.Yes.Help().Desc + "    " + s.km.No.Help().Key + "  " +
			s.km.No.Help().Desc + "\n")
	}
	return b.String()
}

// row is a line of the list: its columns, fitted to the width.
func (s staffListModel) row(name, role, language, state string) string {
	line := look.PadRight(look.Fit(name, 12), 12) + " " + look.PadRight(look.Fit(role, 14), 14) + " " +
		look.PadRight(look.Fit(language, 22), 22) + " " + state
	return look.Fit(line, s.width-2)
}

// langOf is the language of m's screens, in the lead's words.
func (s staffListModel) langOf(m store.StaffMember) string {
	if w, ok := langWords[m.Language]; ok {
		return s.tr.T(w)
	}
	return s.tr.T("the store's")
}

// state is m's state in the lead's words.
func (s staffListModel) state(m store.StaffMember) string {
	switch {
	case !m.Active():
		return s.tr.T("deactivated")
	case m.LockedForLead:
		return s.tr.T("locked until a lead unlocks")
	case m.LockedUntil.After(s.now):
		return s.tr.T("locked until %s", m.LockedUntil.In(s.loc).Format("15:04"))
	}
	return s.tr.T("active")
}

// pinModel is the form of a new PIN for a staff member: twice, by the
// rule of their role.
type pinModel struct {
	st    *look.Styles
	km    *look.KeyMap
	width int
	form  *huh.Form
	notes fieldNotes
	name  string
	pin   *string
	sent  bool
}

func newPINModel(st *look.Styles, keys *look.KeyMap, tr *lang.Printer, m store.StaffMember, width int) pinModel {
	var pin, pin2 string
	p := pinModel{st: st, km: keys, width: min(width, 60), name: m.Name, pin: &pin}
	n := &p.notes
	p.form = huh.NewForm(huh.NewGroup(
		huh.NewNote().Title(tr.T("A new PIN for %s", m.Name)),
		n.input(tr.T("PIN"), "").EchoMode(huh.EchoModePassword).Value(&pin).
			Validate(look.CheckIn(tr, func(pin string) error { return flow.CheckPINFor(m.Role, pin) })),
		n.input(tr.T("PIN again"), "").EchoMode(huh.EchoModePassword).Value(&pin2).Validate(samePIN(tr, &pin)),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithShowErrors(false).
		WithWidth(p.width)
	return p
}

func (p pinModel) Init() tea.Cmd                  { return p.form.Init() }
func (p pinModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (p pinModel) typing() bool                   { return true }
func (p pinModel) dirty() bool                    { return true }
func (p pinModel) View() string                   { return p.form.View() }

func (p pinModel) Update(msg tea.Msg) (pinModel, tea.Cmd) {
	if p.sent {
		return p, nil
	}
	if isKey(msg, p.km.Back) {
		return p, sendCmd(addStaffMsg{})
	}
	switch out, cmd := updateForm(p.form, p.notes, p.st, p.width, msg); out {
	case formCompleted:
		p.sent = true
		act := staffActMsg{act: actPIN, name: p.name, pin: *p.pin}
		*p.pin = ""
		return p, sendCmd(act)
	case formAborted:
		return p, sendCmd(addStaffMsg{})
	default:
		return p, cmd
	}
}

// staffMsg handles the messages of the staff list and its forms; ok is
// false for any other message.
func (m *Model) staffMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case addStaffMsg:
		return m, m.openStaff(""), true
	case addStaffFormMsg:
		m.staff = newStaffModel(&m.st, &m.keys, m.staffText, m.width)
		m.view = viewStaff
		return m, m.staff.Init(), true
	case pinFormMsg:
		m.pin = newPINModel(&m.st, &m.keys, m.staffText, msg.m, m.width)
		m.view = viewPIN
		return m, m.pin.Init(), true
	case staffListMsg:
		var cmd tea.Cmd
		m.staffList, cmd = m.staffList.Update(msg)
		return m, cmd, true
	case staffActMsg:
		return m, m.staffActCmd(msg), true
	case staffDoneMsg:
		w := staffActWords[msg.act]
		if msg.err != nil {
			m.d.Log.Warn("staff", "name", msg.name, "act", w.doing, "err", msg.err)
			return m, m.openStaff("! " + look.SayIn(m.staffText, msg.err, w.doing)), true
		}
		return m, m.openStaff(m.staffText.T(w.done, msg.name)), true
	}
	return m, nil, false
}

// openStaff shows the staff list, news under it, and loads it.
func (m *Model) openStaff(news string) tea.Cmd {
	m.staffList = newStaffListModel(&m.st, &m.keys, m.staffText, m.loc, m.width,
		m.bodyHeight())
	m.view, m.notice = viewStaffList, news
	s, now := m.d.Store, m.d.Now()
	return func() tea.Msg {
		list, err := s.ListStaff()
		return staffListMsg{list: list, now: now, err: err}
	}
}

// staffActCmd does what the lead asked to a staff account.
func (m *Model) staffActCmd(a staffActMsg) tea.Cmd {
	s, by := m.d.Store, m.user.Name
	return func() tea.Msg {
		var err error
		switch a.act {
		case actUnlock:
			err = s.Unlock(a.name, by)
		case actPIN:
			err = s.SetPIN(a.name, a.pin, by)
		case actDeactivate:
			err = s.Deactivate(a.name, by)
		case actReactivate:
			err = s.Reactivate(a.name, by)
		}
		return staffDoneMsg{act: a.act, name: a.name, err: err}
	}
}
