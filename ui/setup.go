package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// setupModel is the first run: the store's name, policy and time zone, and
// the first shift lead.
type setupModel struct {
	st     *look.Styles
	form   *huh.Form
	v      *setupValues
	errMsg string
	sent   bool // the answers went out: a later message must not send them again
}

type setupValues struct {
	storeName, policy, policyFile, zone string
	lead, pin, pin2                     string
}

// setupSubmitMsg: the first run's answers.
type setupSubmitMsg struct {
	settings  store.Settings
	lead, pin string
}

// setupDoneMsg: the store is set up (or could not be).
type setupDoneMsg struct{ err error }

const ownPolicy = "file"

// MinPINLength is the shortest PIN a staff member may choose.
const MinPINLength = 4

func newSetupModel(st *look.Styles, width int, now time.Time) setupModel {
	v := &setupValues{policy: "generic", zone: localZone()}
	var opts []huh.Option[string]
	for _, name := range flow.Builtins {
		p, err := flow.Builtin(name)
		if err == nil {
			opts = append(opts, huh.NewOption(fmt.Sprintf("%s: %s", name, p.Title), name))
		}
	}
	opts = append(opts, huh.NewOption("the store's own policy file", ownPolicy))
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewNote().Title("Welcome to Returns Desk").Description("First run: set up this store. Nothing else to configure."),
			huh.NewInput().Title("Store name").Value(&v.storeName).Validate(nonEmpty("the store's name")),
			huh.NewSelect[string]().Title("Return policy").Options(opts...).Value(&v.policy),
			huh.NewInput().Title("Time zone").Description("IANA name, such as Europe/Kyiv").Value(&v.zone).
				Validate(func(s string) error {
					if _, err := time.LoadLocation(strings.TrimSpace(s)); err != nil || strings.TrimSpace(s) == "" {
						return fmt.Errorf("%q is not a time zone such as Europe/Kyiv", s)
					}
					return nil
				}),
		),
		huh.NewGroup(
			huh.NewInput().Title("Policy file").Description("the path of the store's policy (see: returnsdesk policy show generic)").
				Value(&v.policyFile).Validate(func(s string) error {
				_, err := LoadPolicy(strings.TrimSpace(s))
				return err
			}),
		).WithHideFunc(func() bool { return v.policy != ownPolicy }),
		huh.NewGroup(
			huh.NewNote().Title("The first shift lead").Description("They add the other staff from the home screen."),
			huh.NewInput().Title("Name").Value(&v.lead).Validate(store.CheckStaffName),
			huh.NewInput().Title("PIN").EchoMode(huh.EchoModePassword).Value(&v.pin).Validate(store.CheckPIN),
			huh.NewInput().Title("PIN again").EchoMode(huh.EchoModePassword).Value(&v.pin2).Validate(func(s string) error {
				if s != v.pin {
					return errors.New("the two PINs differ")
				}
				return nil
			}),
		),
	).WithTheme(look.FormTheme()).WithShowHelp(true).WithWidth(min(width, 78))
	return setupModel{st: st, form: form, v: v}
}

// localZone is the machine's time zone name, or Europe/Kyiv when it has none.
func localZone() string {
	if tz := os.Getenv("TZ"); tz != "" {
		if _, err := time.LoadLocation(tz); err == nil {
			return tz
		}
	}
	if name := time.Local.String(); name != "" && name != "Local" && name != "UTC" {
		return name
	}
	if data, err := os.ReadFile("/etc/timezone"); err == nil {
		if tz := strings.TrimSpace(string(data)); tz != "" {
			return tz
		}
	}
	return "Europe/Kyiv"
}

func (s setupModel) Init() tea.Cmd { return s.form.Init() }

func (s setupModel) Update(msg tea.Msg) (setupModel, tea.Cmd) {
	if s.sent {
		return s, nil
	}
	f, cmd := s.form.Update(msg)
	s.form = f.(*huh.Form)
	switch s.form.State {
	case huh.StateCompleted:
		v := s.v
		set := store.Settings{StoreName: strings.TrimSpace(v.storeName), PolicyName: v.policy,
			TimeZone: strings.TrimSpace(v.zone), IdleMinutes: flow.DefaultIdleMinutes}
		if v.policy == ownPolicy {
			data, err := os.ReadFile(strings.TrimSpace(v.policyFile))
			p, perr := flow.ParsePolicy(data, v.policyFile)
			if err != nil || perr != nil {
				s.errMsg = "the policy file cannot be read"
				return s, nil
			}
			set.PolicyName, set.PolicyText = p.Name, string(data)
		} else if data, err := flow.BuiltinFile(v.policy); err == nil {
			set.PolicyText = string(data)
		}
		sub := setupSubmitMsg{settings: set, lead: strings.TrimSpace(v.lead), pin: v.pin}
		v.pin, v.pin2 = "", ""
		s.sent = true
		return s, func() tea.Msg { return sub }
	case huh.StateAborted:
		return s, tea.Quit
	}
	return s, cmd
}

func (s setupModel) View() string {
	out := s.form.View()
	if s.errMsg != "" {
		out = s.st.Error.Render("! "+s.errMsg) + "\n" + out
	}
	return out
}

// setupCmd saves the first run's settings and shift lead.
func (m *Model) setupCmd(sub setupSubmitMsg) tea.Cmd {
	s := m.d.Store
	return func() tea.Msg {
		if err := s.SaveSettings(sub.settings, sub.lead); err != nil {
			return setupDoneMsg{err: err}
		}
		return setupDoneMsg{err: s.AddStaff(sub.lead, store.RoleLead, sub.pin, sub.lead)}
	}
}
