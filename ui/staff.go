package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// staffModel is where a shift lead adds a cashier or another shift lead,
// in the lead's language; a field's error shows beside its title.
type staffModel struct {
	st     *look.Styles
	km     *look.KeyMap
	tr     *lang.Printer
	width  int
	form   *huh.Form
	notes  fieldNotes
	v      *staffValues
	errMsg string
	sent   bool // the answers went out: a later message must not send them again
}

type staffValues struct {
	name, pin, pin2 string
	role            flow.Role
	language        lang.Lang // "": the till's or the store's
}

// staffSubmitMsg: a new staff member to add.
type staffSubmitMsg struct {
	name, pin string
	role      flow.Role
	language  lang.Lang
}

// staffAddedMsg: the store's answer.
type staffAddedMsg struct {
	name string
	err  error
}

// newStaffModel is the form that adds a staff member, its words in tr's
// language.
func newStaffModel(st *look.Styles, keys *look.KeyMap, tr *lang.Printer, width int) staffModel {
	v := &staffValues{role: flow.RoleCashier}
	s := staffModel{st: st, km: keys, tr: tr, width: min(width, 60), v: v}
	n := &s.notes
	var roles []huh.Option[flow.Role]
	for _, r := range flow.Roles {
		roles = append(roles, huh.NewOption(r.WordsIn(tr), r))
	}
	s.form = huh.NewForm(huh.NewGroup(
		huh.NewNote().Title(tr.T("Add a staff member")),
		n.input(tr.T("Name"), "").Value(&v.name).Validate(look.CheckIn(tr, flow.CheckStaffName)),
		huh.NewSelect[flow.Role]().Title(tr.T("Role")).Options(roles...).Value(&v.role),
		huh.NewSelect[lang.Lang]().Title(tr.T("Language of your screens")).Options(staffLangs(tr)...).Value(&v.language),
		n.input(tr.T("PIN"), "").EchoMode(huh.EchoModePassword).Value(&v.pin).
			Validate(look.CheckIn(tr, func(pin string) error { return flow.CheckPINFor(v.role, pin) })),
		n.input(tr.T("PIN again"), "").EchoMode(huh.EchoModePassword).Value(&v.pin2).Validate(samePIN(tr, &v.pin)),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithShowErrors(false).
		WithWidth(s.width)
	return s
}

// langWords are each language's name in the words of the lead who chooses
// it, the language's own name beside where it differs.
var langWords = map[lang.Lang]string{lang.UK: lang.Key("Ukrainian (українська)"), lang.EN: lang.Key("English")}

// staffLangs are the choices of a staff member's own language: the store's
// (the till's, where it has its own), then each language.
func staffLangs(tr *lang.Printer) []huh.Option[lang.Lang] {
	opts := []huh.Option[lang.Lang]{huh.NewOption(tr.T("the store's"), lang.Lang(""))}
	for _, l := range lang.Langs {
		opts = append(opts, huh.NewOption(tr.T(langWords[l]), l))
	}
	return opts
}

func (s staffModel) Init() tea.Cmd { return s.form.Init() }

func (s staffModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (s staffModel) typing() bool                   { return true }
func (s staffModel) dirty() bool                    { return true }

func (s staffModel) Update(msg tea.Msg) (staffModel, tea.Cmd) {
	if s.sent {
		return s, nil
	}
	if isKey(msg, s.km.Back) {
		return s, sendCmd(addStaffMsg{})
	}
	switch out, cmd := updateForm(s.form, s.notes, s.st, s.width, msg); out {
	case formCompleted:
		sub := staffSubmitMsg{name: strings.TrimSpace(s.v.name), pin: s.v.pin, role: s.v.role, language: s.v.language}
		s.v.pin, s.v.pin2 = "", ""
		s.sent = true
		return s, func() tea.Msg { return sub }
	case formAborted:
		return s, sendCmd(addStaffMsg{})
	default:
		return s, cmd
	}
}

func (s staffModel) View() string {
	out := s.form.View()
	if s.errMsg != "" {
		out = s.st.Error.Render("! "+s.errMsg) + "\n" + out
	}
	return out
}

// addStaffCmd adds the staff member to the store.
func (m *Model) addStaffCmd(sub staffSubmitMsg) tea.Cmd {
	s, by := m.d.Store, m.user.Name
	return func() tea.Msg {
		m := store.StaffMember{Name: sub.name, Role: sub.role, Language: sub.language}
		return staffAddedMsg{name: sub.name, err: s.AddStaffMember(m, sub.pin, by)}
	}
}
