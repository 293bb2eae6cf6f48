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
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// setupModel is the first run: the store's language, name, policy and time
// zone, and the first shift lead.
type setupModel struct {
	st     *look.Styles
	width  int
	form   *huh.Form
	v      *setupValues
	errMsg string
	sent   bool // the answers went out: a later message must not send them again
}

type setupValues struct {
	language                            lang.Lang
	storeName, policy, policyFile, zone string
	lead, pin, pin2                     string

	// A time zone or policy file the root's check refused, and why: the
	// field shows the error until it holds another value.
	badZone, badFile string
	zoneErr, fileErr error
	// refusedOnce: the root refused an answer; the form comes back at the
	// store's fields, the language chosen kept.
	refusedOnce bool
}

// setupSubmitMsg: the first run's answers. The root checks the time zone
// and reads the policy file (policyFile, when the store has its own) in a
// command before it saves them.
type setupSubmitMsg struct {
	settings   store.Settings
	policyFile string
	lead, pin  string
}

// setupDoneMsg: the store is set up (or could not be). field names the
// answer that was refused: "zone" or "policy file"; empty for any other
// error.
type setupDoneMsg struct {
	field string
	err   error
}

const ownPolicy = "file"

// MinPINLength is the shortest PIN a staff member may choose.
const MinPINLength = 4

// newSetupModel is the first run's form, its time zone at zone (the
// machine's: localZone, read by the root's load command).
func newSetupModel(st *look.Styles, width int, zone string) setupModel {
	return setupModel{st: st, v: &setupValues{language: lang.Default, policy: "generic", zone: zone},
		width: width}.withForm()
}

// withForm is the setup screen with a new form on its values.
func (s setupModel) withForm() setupModel {
	v := s.v
	var opts []huh.Option[string]
	for _, name := range flow.Builtins {
		p, err := flow.Builtin(name)
		if err == nil {
			opts = append(opts, huh.NewOption(fmt.Sprintf("%s: %s", name, p.Title), name))
		}
	}
	opts = append(opts, huh.NewOption("the store's own policy file", ownPolicy))
	var langs []huh.Option[lang.Lang]
	for _, l := range lang.Langs { // Ukrainian first, the default
		langs = append(langs, huh.NewOption(l.Name(), l))
	}
	form := huh.NewForm(
		// the language first, on a page of its own, in both: the screens
		// are not yet in the language chosen, the store's acts will be
		huh.NewGroup(
			huh.NewSelect[lang.Lang]().Title("Мова / Language").
				Description("Акти й екрани магазину / The store's acts and screens").
				Options(langs...).Value(&v.language),
		).WithHideFunc(func() bool { return v.refusedOnce }),
		huh.NewGroup(
			huh.NewNote().Title("Welcome to Returns Desk").Description("First run: set up this store. Nothing else to configure."),
			huh.NewInput().Title("Store name").Value(&v.storeName).Validate(flow.CheckStoreName),
			huh.NewSelect[string]().Title("Return policy").Options(opts...).Value(&v.policy),
			huh.NewInput().Title("Time zone").Description("IANA name, such as Europe/Kyiv").Value(&v.zone).
				Validate(refused(&v.badZone, &v.zoneErr, "the time zone, such as Europe/Kyiv")),
		),
		huh.NewGroup(
			huh.NewInput().Title("Policy file").Description("the path of the store's policy (see: returnsdesk policy show generic)").
				Value(&v.policyFile).Validate(refused(&v.badFile, &v.fileErr, "the policy file's path")),
		).WithHideFunc(func() bool { return v.policy != ownPolicy }),
		huh.NewGroup(
			huh.NewNote().Title("The first shift lead").Description("They add the other staff from the home screen."),
			huh.NewInput().Title("Name").Value(&v.lead).Validate(flow.CheckStaffName),
			huh.NewInput().Title("PIN").EchoMode(huh.EchoModePassword).Value(&v.pin).Validate(flow.CheckPIN),
			huh.NewInput().Title("PIN again").EchoMode(huh.EchoModePassword).Value(&v.pin2).Validate(func(s string) error {
				if s != v.pin {
					return errors.New("the two PINs differ")
				}
				return nil
			}),
		),
	).WithTheme(s.st.FormTheme()).WithShowHelp(true).WithWidth(min(s.width, 78))
	s.form, s.sent = form, false
	return s
}

// refused is a field's validation: the root's refusal while the field holds
// the value it refused, else an answer is asked for.
func refused(bad *string, why *error, what string) func(string) error {
	return func(s string) error {
		if *why != nil && strings.TrimSpace(s) == *bad {
			return *why
		}
		return nonEmpty(what)(s)
	}
}

// refusedAnswer is the setup screen again after the root refused an answer:
// the same values (the language's page passed), the field refused showing
// why, the error above the form.
func (s setupModel) refusedAnswer(msg setupDoneMsg) setupModel {
	s.v.refusedOnce = true
	switch msg.field {
	case "zone":
		s.v.badZone, s.v.zoneErr = strings.TrimSpace(s.v.zone), msg.err
	case "policy file":
		s.v.badFile, s.v.fileErr = strings.TrimSpace(s.v.policyFile), msg.err
	}
	s = s.withForm()
	s.errMsg = look.Say(msg.err, "set the store up")
	return s
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

func (s setupModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (s setupModel) typing() bool                   { return true }
func (s setupModel) dirty() bool                    { return true }

func (s setupModel) Update(msg tea.Msg) (setupModel, tea.Cmd) {
	if s.sent {
		return s, nil
	}
	f, cmd := s.form.Update(msg)
	s.form = f.(*huh.Form)
	switch s.form.State {
	case huh.StateCompleted:
		v := s.v
		set := store.NewSettings(v.storeName, v.policy, "", v.zone)
		set.Language = v.language
		sub := setupSubmitMsg{settings: set, lead: strings.TrimSpace(v.lead), pin: v.pin}
		if v.policy == ownPolicy {
			sub.policyFile = strings.TrimSpace(v.policyFile) // the root's command reads it
		} else if data, err := flow.BuiltinFile(v.policy); err == nil {
			sub.settings.PolicyText = string(data)
		}
		v.pin, v.pin2 = "", "" // a refused answer asks for the PIN again
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

// setupCmd checks the first run's time zone, reads the store's own policy
// file, and saves the settings and the first shift lead.
func (m *Model) setupCmd(sub setupSubmitMsg) tea.Cmd {
	s := m.d.Store
	return func() tea.Msg {
		if _, err := time.LoadLocation(sub.settings.TimeZone); err != nil {
			return setupDoneMsg{field: "zone", err: flow.Errorf(flow.EInvalid, "%q is not a time zone such as Europe/Kyiv", sub.settings.TimeZone)}
		}
		if sub.policyFile != "" {
			data, err := ReadPolicyFile(sub.policyFile, sub.policyFile)
			if err != nil && flow.Message(err) == "" {
				err = flow.Errorf(flow.EInvalid, "the policy file %s cannot be read", sub.policyFile).Wrap(err)
			}
			if err != nil {
				return setupDoneMsg{field: "policy file", err: err}
			}
			p, err := flow.StorePolicy(sub.policyFile, string(data))
			if err != nil {
				return setupDoneMsg{field: "policy file", err: err}
			}
			sub.settings.PolicyName, sub.settings.PolicyText = p.Name, string(data)
		}
		if err := s.SaveSettings(sub.settings, sub.lead); err != nil {
			return setupDoneMsg{err: err}
		}
		return setupDoneMsg{err: s.AddStaff(sub.lead, flow.RoleLead, sub.pin, sub.lead)}
	}
}
