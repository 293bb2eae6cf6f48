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

// staffModel is where a shift lead adds a cashier or another shift lead.
type staffModel struct {
	st     *look.Styles
	km     *look.KeyMap
	form   *huh.Form
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

func newStaffModel(st *look.Styles, keys *look.KeyMap, width int) staffModel {
	v := &staffValues{role: flow.RoleCashier}
	form := huh.NewForm(huh.NewGroup(
		huh.NewNote().Title("Add a staff member"),
		huh.NewInput().Title("Name").Value(&v.name).Validate(flow.CheckStaffName),
		huh.NewSelect[flow.Role]().Title("Role").Options(
			huh.NewOption("cashier", flow.RoleCashier), huh.NewOption("shift lead", flow.RoleLead)).Value(&v.role),
		huh.NewSelect[lang.Lang]().Title("Language of your screens").Options(staffLangs()...).Value(&v.language),
		huh.NewInput().Title("PIN").EchoMode(huh.EchoModePassword).Value(&v.pin).Validate(flow.CheckPIN),
		huh.NewInput().Title("PIN again").EchoMode(huh.EchoModePassword).Value(&v.pin2).Validate(func(s string) error {
			if s != v.pin {
				return errors.New("the two PINs differ")
			}
			return nil
		}),
	)).WithTheme(st.FormTheme()).WithShowHelp(true).WithWidth(min(width, 60))
	return staffModel{st: st, km: keys, form: form, v: v}
}

// staffLangs are the choices of a staff member's own language: the store's
// (the till's, where it has its own), then each language by its own name.
func staffLangs() []huh.Option[lang.Lang] {
	opts := []huh.Option[lang.Lang]{huh.NewOption("the store's", lang.Lang(""))}
	for _, l := range lang.Langs {
		opts = append(opts, huh.NewOption(l.Name(), l))
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
		return s, func() tea.Msg { return goHomeMsg{} }
	}
	f, cmd := s.form.Update(msg)
	s.form = f.(*huh.Form)
	switch s.form.State {
	case huh.StateCompleted:
		sub := staffSubmitMsg{name: strings.TrimSpace(s.v.name), pin: s.v.pin, role: s.v.role, language: s.v.language}
		s.v.pin, s.v.pin2 = "", ""
		s.sent = true
		return s, func() tea.Msg { return sub }
	case huh.StateAborted:
		return s, func() tea.Msg { return goHomeMsg{} }
	}
	return s, cmd
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
