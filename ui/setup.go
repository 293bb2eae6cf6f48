package ui

import (
	"errors"
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

// setupModel is the first run: the store's language, on a page of its own,
// then its name, policy and time zone, and the first shift lead, on pages in
// the language chosen (the till's, where it has its own: sessionLangs).
type setupModel struct {
	st     *look.Styles
	width  int
	till   lang.Lang     // the terminal's own language; "" for none
	tr     *lang.Printer // the store's pages' language; nil on the language's page
	form   *huh.Form     // the language's page, then the store's pages
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

// newSetupModel is the first run's language page, the time zone to come at
// zone (the machine's: localZone, read by the root's load command), till the
// terminal's own language ("" for none).
func newSetupModel(st *look.Styles, width int, zone string, till lang.Lang) setupModel {
	v := &setupValues{language: lang.Default, policy: "generic", zone: zone}
	var langs []huh.Option[lang.Lang]
	for _, l := range lang.Langs { // Ukrainian first, the default
		langs = append(langs, huh.NewOption(l.Name(), l))
	}
	// in both languages: the language is not chosen yet; the store's acts
	// will be in it, and the pages after it; the keys' help in the till's
	// language, else the default
	uk, en := lang.For(lang.UK), lang.For(lang.EN)
	_, keys := sessionLangs(store.Settings{Language: lang.Default}, till, nil)
	form := huh.NewForm(huh.NewGroup(
		huh.NewSelect[lang.Lang]().Title(uk.T("Language") + " / " + en.T("Language")).
			Description(uk.T("The store's acts and screens") + " / " + en.T("The store's acts and screens")).
			Options(langs...).Value(&v.language),
	)).WithTheme(st.FormTheme()).WithKeyMap(look.FormKeysIn(lang.For(keys))).WithShowHelp(true).
		WithWidth(min(width, 78))
	return setupModel{st: st, width: width, till: till, form: form, v: v}
}

// withForm is the setup screen at the store's pages, a new form on its
// values, in the language chosen (or the till's).
func (s setupModel) withForm() setupModel {
	if s.tr == nil {
		_, staff := sessionLangs(store.Settings{Language: s.v.language}, s.till, nil)
		s.tr = lang.For(staff)
	}
	v, tr := s.v, s.tr
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewNote().Title(tr.T("Welcome to Returns Desk")).
				Description(tr.T("First run: set up this store. Nothing else to configure.")),
			huh.NewInput().Title(tr.T("Store name")).Value(&v.storeName).Validate(look.CheckIn(tr, flow.CheckStoreName)),
			huh.NewSelect[string]().Title(tr.T("Return policy")).Options(s.policyOptions()...).Value(&v.policy),
			huh.NewInput().Title(tr.T("Time zone")).Description(tr.T("IANA name, such as Europe/Kyiv")).Value(&v.zone).
				Validate(refused(tr, &v.badZone, &v.zoneErr, tr.T("enter the time zone, such as Europe/Kyiv"))),
		),
		huh.NewGroup(
			huh.NewInput().Title(tr.T("Policy file")).
				Description(tr.T("the path of the store's policy (see: returnsdesk policy show generic)")).
				Value(&v.policyFile).Validate(refused(tr, &v.badFile, &v.fileErr, tr.T("enter the policy file's path"))),
		).WithHideFunc(func() bool { return v.policy != ownPolicy }),
		huh.NewGroup(
			huh.NewNote().Title(tr.T("The first shift lead")).
				Description(tr.T("They add the other staff from the home screen.")),
			huh.NewInput().Title(tr.T("Name")).Value(&v.lead).Validate(look.CheckIn(tr, flow.CheckStaffName)),
			huh.NewInput().Title(tr.T("PIN")).EchoMode(huh.EchoModePassword).Value(&v.pin).
				Validate(look.CheckIn(tr, func(pin string) error { return flow.CheckPINFor(flow.RoleLead, pin) })),
			huh.NewInput().Title(tr.T("PIN again")).EchoMode(huh.EchoModePassword).Value(&v.pin2).
				Validate(samePIN(tr, &v.pin)),
		),
	).WithTheme(s.st.FormTheme()).WithKeyMap(look.FormKeysIn(tr)).WithShowHelp(true).WithWidth(min(s.width, 78))
	s.form, s.sent = form, false
	return s
}

// policyOptions are the built-in policies, each by its name and its title
// in the screen's language, then the store's own file.
func (s setupModel) policyOptions() []huh.Option[string] {
	var opts []huh.Option[string]
	for _, name := range flow.Builtins {
		p, err := flow.Builtin(name)
		if err == nil {
			opts = append(opts, huh.NewOption(name+": "+p.TitleIn(s.tr.Lang()), name))
		}
	}
	return append(opts, huh.NewOption(s.tr.T("the store's own policy file"), ownPolicy))
}

// samePIN is the check of a PIN typed again: it is the PIN typed first.
func samePIN(tr *lang.Printer, first *string) func(string) error {
	return func(s string) error {
		if s != *first {
			return errors.New(tr.T("the two PINs differ"))
		}
		return nil
	}
}

// refused is a field's validation: the root's refusal while the field holds
// the value it refused, in tr's language, else empty asks for an answer.
func refused(tr *lang.Printer, bad *string, why *error, empty string) func(string) error {
	return func(s string) error {
		if *why != nil && strings.TrimSpace(s) == *bad {
			return look.FieldErrIn(tr, *why)
		}
		return required(empty)(s)
	}
}

// refusedAnswer is the setup screen again after the root refused an answer:
// the same values (the language's page passed), the field refused showing
// why, the error above the form.
func (s setupModel) refusedAnswer(msg setupDoneMsg) setupModel {
	switch msg.field {
	case "zone":
		s.v.badZone, s.v.zoneErr = strings.TrimSpace(s.v.zone), msg.err
	case "policy file":
		s.v.badFile, s.v.fileErr = strings.TrimSpace(s.v.policyFile), msg.err
	}
	s = s.withForm()
	s.errMsg = look.SayIn(s.tr, msg.err, "set the store up")
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
		if s.tr == nil { // the language chosen: the store's pages, in it
			s = s.withForm()
			return s, s.form.Init()
		}
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
		return setupDoneMsg{err: s.SetUp(sub.settings, sub.lead, sub.pin)} // both, or neither; only on a new store
	}
}
