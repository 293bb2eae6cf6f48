package ui

import (
	"log/slog"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// view is the screen the root shows.
type view int

const (
	viewLoading view = iota
	viewSetup
	viewLogin
	viewHome
	viewStaff
	viewStaffList // a shift lead's list of the staff
	viewReprint   // an act printed again
	viewPIN       // a new PIN for a staff member
	viewStep      // a case step: sale, request, documents, inspection, service centre, decision
	viewApprove
	viewAct
	viewDesk    // the shift lead's desk: desk.go routes among its screens
	viewVoid    // a shift lead closes a case without a decision
	viewIntake  // the service centre's intake of a case decided for it
	viewPhone   // the customer's phone for a refund owed
	viewDamaged // a store that is neither new nor set up: refused
	viewTicket  // the service centre's ticket of an item at it, typed in later
)

// Deps is what the kiosk runs on: its store, its data directory, the clock
// and the log. main builds them; tests pass their own.
type Deps struct {
	Store    *store.Store
	DataDir  string
	Now      func() time.Time
	Log      *slog.Logger
	Idle     time.Duration // lock the screen after this long without a key; 0 takes the store's setting
	Terminal string
	// PrintCommand is this terminal's own print command (a till's printer,
	// as the server knows it); empty: the store's setting.
	PrintCommand string
	// Language is this terminal's own language for its staff's screens (a
	// till's, as the server knows it); "": the store's. A person's own
	// preference comes first; the customer's side follows the store.
	Language lang.Lang
	// Print sends an act file to the printer with the print command; nil
	// runs the command.
	Print func(command, file string) error
	// Renderer draws to the terminal the kiosk runs on (an SSH session has
	// its own); nil is the process's own terminal.
	Renderer *lipgloss.Renderer
}

// Model is the root of the kiosk: it routes between screens, holds the
// logged-in staff member and the case at hand, and runs every read and
// write as a tea.Cmd.
type Model struct {
	d      Deps
	keys   look.KeyMap
	st     look.Styles
	help   help.Model
	width  int
	height int

	view     view
	settings store.Settings
	policy   *flow.Policy
	loc      *time.Location
	user     *store.StaffMember
	lockedBy string // who was logged in when the screen locked: resumesAfterLock
	// The session's two printers (sessionLangs): customerText for the act
	// and whatever the customer sees (the store's language), staffText for
	// the logged-in person's own screens. Never nil.
	customerText, staffText *lang.Printer

	c *flow.Case // the case at hand, or nil
	// visit are the sales of the earlier items of the case's visit, when
	// the case is another item of a receipt (ui/visit.go)
	visit  []flow.Sale
	shown  flow.Step // the step whose screen is built and shown (the case may have moved on while it saves)
	notice string    // a line for the cashier in the header (repeat returns, a save error)
	status string    // the last thing that happened ("saved", "act printed")
	// printHintShown: this session was told once how to set a print command.
	printHintShown bool

	showHelp bool
	asks     prompts // questions over the screen: leave the kiosk? cash in the till? the item back?
	quitting bool
	lastKey  time.Time

	setup     setupModel
	login     loginModel
	home      homeModel
	staff     staffModel
	staffList staffListModel
	pin       pinModel
	step      screen        // the case step's screen at hand, sale to service centre
	decision  decisionModel // the decision's screen: the desk shows it too
	approve   approveModel
	act       actModel
	reprint   reprintModel
	phone     phoneModel
	damaged   error // why the store is refused (viewDamaged)
	// phoneAsked is the case whose phone was asked for its refund owed.
	phoneAsked string
	void       voidModel
	intake     intakeModel
	ticket     ticketModel
	desk       deskState
}

// NewModel is the kiosk at its first screen, before anything is loaded.
func NewModel(d Deps) *Model {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Renderer == nil {
		d.Renderer = lipgloss.DefaultRenderer()
	}
	m := &Model{d: d, keys: look.DefaultKeys(), st: look.NewStyles(d.Renderer), help: help.New(), width: 80, height: 24,
		loc: time.Local}
	m.lastKey = d.Now()
	m.takeLangs()
	return m
}

// Messages of the root's own commands.
type (
	// loadedMsg: the store's settings, with the time zone and the policy
	// they name; on a first run, the machine's time zone for the setup form.
	loadedMsg struct {
		initialized bool
		// damaged: the store is neither new nor set up (a record cannot
		// be read, its settings or its lead are gone): the kiosk refuses it
		// and offers no first setup over it.
		damaged      error
		settingsRead bool // with damaged: its settings could be read (their language is the refusal's)
		settings     store.Settings
		loc          *time.Location // nil when the settings' zone cannot be loaded
		policy       *flow.Policy
		policyErr    error
		localZone    string
		err          error
	}
	savedMsg struct {
		next func(*Model) (tea.Model, tea.Cmd) // what to do once the save is on disk
		err  error
		// on a refusal: the case as the store holds it (nil when it was
		// never saved), or why it could not be read
		stored    *flow.Case
		storedErr error
	}
	idleTickMsg time.Time
	errMsg      struct{ err error }
)

// CloseMsg ends the kiosk from outside, at once and without asking: the
// SSH server sends it when the server stops or the till opened another
// session. Nothing saved is lost (each step is saved as it is done); a form
// half typed is.
type CloseMsg struct{}

// Init loads the store's settings.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.loadCmd(), m.idleTick())
}

func (m *Model) loadCmd() tea.Cmd {
	s := m.d.Store
	return func() tea.Msg {
		if rej := s.Rejected(); rej != nil { // check failed: read-only, so no login (it writes) either
			msg := loadedMsg{damaged: rej}
			var err error
			msg.settings, err = s.Settings()
			msg.settingsRead = err == nil
			return msg
		}
		fresh, err := s.Fresh()
		if err == nil && fresh {
			return loadedMsg{initialized: false, localZone: localZone()}
		}
		ok, err2 := s.Initialized()
		var damaged error
		switch {
		case err != nil:
			damaged = err
		case err2 != nil:
			damaged = err2
		case !ok: // set up once, now with no settings or no lead: damage, never a new store
			damaged = store.ErrDamaged.Wrap(flow.Errorf(flow.ENotFound, "its settings or its shift lead are missing"))
		default:
			return storeSettings(s)
		}
		msg := loadedMsg{damaged: damaged}
		msg.settings, err = s.Settings() // the refusal in the store's language, where its settings still read
		msg.settingsRead = err == nil
		return msg
	}
}

// storeSettings reads the store's settings, with their time zone and policy
// loaded, as the kiosk takes them: at its start and at each login, so that
// a change made meanwhile (returnsdesk settings, run beside the kiosk or the
// server) holds from the next login on. It does I/O: call it in a tea.Cmd.
func storeSettings(s *store.Store) loadedMsg {
	st, err := s.Settings()
	msg := loadedMsg{initialized: true, settings: st, err: err}
	if loc, err := time.LoadLocation(st.TimeZone); err == nil {
		msg.loc = loc
	}
	msg.policy, msg.policyErr = st.Policy() // with the store's term for the service centre
	return msg
}

func (m *Model) idleTick() tea.Cmd {
	return tea.Tick(15*time.Second, func(t time.Time) tea.Msg { return idleTickMsg(t) })
}

// idleLimit is how long the kiosk waits for a key before it locks.
func (m *Model) idleLimit() time.Duration {
	if m.d.Idle > 0 {
		return m.d.Idle
	}
	if m.settings.IdleMinutes > 0 {
		return time.Duration(m.settings.IdleMinutes) * time.Minute
	}
	return flow.DefaultIdleMinutes * time.Minute
}

// today is the store's calendar day now.
func (m *Model) today() flow.Date { return flow.DateOf(m.d.Now().In(m.loc)) }

// ctx is the context a case screen is built with.
func (m *Model) ctx() screenCtx {
	currency := flow.DefaultCurrency
	if m.policy != nil && m.policy.Currency != "" {
		currency = m.policy.Currency
	}
	ctx := screenCtx{c: m.c, p: m.policy, today: m.today(), currency: currency, st: &m.st, keys: &m.keys,
		width: m.width, height: m.bodyHeight(), tr: m.staffText, tc: m.customerText, visit: m.visit}
	if m.isLead() {
		ctx.lead = m.user.Name
	}
	return ctx
}

// bodyHeight is the rows a screen may fill: all but the header and footer.
func (m *Model) bodyHeight() int { return bodyRows(m.height) }

// bodyRows is the rows a screen may fill on a terminal of height rows.
func bodyRows(height int) int { return max(height-3, 5) }

// Update routes a message: global keys first, then the root's own
// messages, then the screen at hand.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && (m.asks.top() != nil || !m.current().typing()) {
		msg = look.Latin(k) // a key, not text: it means the same on the Ukrainian layout
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		return m, m.current().update(msg)
	case tea.KeyMsg:
		m.lastKey = m.d.Now()
		if done, model, cmd := m.globalKey(msg); done {
			return model, cmd
		}
	case idleTickMsg:
		if m.user != nil && m.view != viewLogin && m.d.Now().Sub(m.lastKey) >= m.idleLimit() {
			mins := int(m.idleLimit().Minutes())
			return m, tea.Batch(m.lockScreen(func(tr *lang.Printer) string {
				return tr.N("locked after %d minutes without a key", mins, mins)
			}), m.idleTick())
		}
		return m, m.idleTick()
	case loadedMsg:
		return m.loaded(msg)
	case quitMsg, CloseMsg:
		m.quitting = true
		return m, tea.Quit
	case savedMsg:
		if msg.err != nil {
			return m.saveRefused(msg)
		}
		m.status = m.staffText.T("saved ✓")
		if msg.next != nil {
			return msg.next(m)
		}
		return m, nil
	case errMsg:
		m.d.Log.Error("error", "err", msg.err)
		m.notice = "! " + look.SayIn(m.staffText, msg.err, "read the store")
		return m, nil
	}
	if model, cmd, ok := m.ticketMsg(msg); ok {
		return model, cmd
	}
	if model, cmd, ok := m.phoneMsg(msg); ok {
		return model, cmd
	}
	if model, cmd, ok := m.intakeMsg(msg); ok {
		return model, cmd
	}
	if model, cmd, ok := m.voidMsg(msg); ok {
		return model, cmd
	}
	if model, cmd, ok := m.sessionMsg(msg); ok {
		return model, cmd
	}
	if model, cmd, ok := m.reprintRoot(msg); ok {
		return model, cmd
	}
	if model, cmd, ok := m.deskMsg(msg); ok {
		return model, cmd
	}
	if model, cmd, ok := m.caseMsg(msg); ok {
		return model, cmd
	}
	return m, m.current().update(msg)
}

// globalKey handles the keys that mean the same on every screen.
func (m *Model) globalKey(msg tea.KeyMsg) (bool, tea.Model, tea.Cmd) {
	if p := m.asks.top(); p != nil {
		if cmd, closes, ok := p.answer(msg); ok {
			if closes && m.asks.pop().leavesCase {
				cmd = tea.Batch(cmd, m.leaveCase())
			}
			return true, m, cmd
		}
	}
	if m.showHelp {
		m.showHelp = false
		return true, m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		if m.current().dirty() {
			m.asks = append(m.asks, quitPrompt(&m.st, &m.keys))
			return true, m, nil
		}
		m.quitting = true
		return true, m, tea.Quit
	case key.Matches(msg, m.keys.Help) && (msg.Type == tea.KeyF1 || !m.current().freeText()): // `?` is a character in free text
		m.showHelp = true
		return true, m, nil
	case key.Matches(msg, m.keys.Lock) && m.user != nil && m.view != viewLogin:
		return true, m, m.lockScreen(func(tr *lang.Printer) string { return tr.T("locked") })
	}
	return false, m, nil
}

// lockScreen goes back to the login, keeping the case at hand (the login
// shows only with a case after a lock): the same person resumes it after
// the login, anybody else finds it parked (resumesAfterLock).
func (m *Model) lockScreen(note func(*lang.Printer) string) tea.Cmd {
	var leave tea.Cmd
	for _, p := range m.asks {
		if p.leavesCase { // nothing was changed: the case stays at the service centre
			leave = m.leaveCase()
		}
	}
	m.lockedBy, m.user = m.user.Name, nil
	m.takeLangs()
	m.asks, m.showHelp = nil, false
	return tea.Batch(m.openLogin(note(m.staffText), m.lockedBy), leave)
}

// leaveCase puts the case at hand away: no case is open at this till any
// more, and another till may take it up.
func (m *Model) leaveCase() tea.Cmd {
	m.c = nil
	s := m.d.Store
	return func() tea.Msg { s.Release(); return nil }
}

func (m *Model) loaded(msg loadedMsg) (tea.Model, tea.Cmd) {
	if msg.damaged != nil {
		m.d.Log.Error("the store is damaged", "err", msg.damaged)
		m.damaged = msg.damaged
		if msg.settingsRead {
			m.settings = msg.settings
			m.takeLangs()
		}
		m.view = viewDamaged
		return m, nil
	}
	if msg.err != nil {
		m.d.Log.Error("load", "err", msg.err)
		m.notice = "! " + look.SayIn(m.staffText, msg.err, "open the store")
	}
	if !msg.initialized {
		m.setup = newSetupModel(&m.st, m.width, msg.localZone, m.d.Language)
		m.view = viewSetup
		return m, m.setup.Init()
	}
	m.takeSettings(msg)
	return m, m.openLogin("", "")
}

// takeSettings takes the store's settings as storeSettings read them, and
// the session's languages they, the till and the person logged in make.
func (m *Model) takeSettings(msg loadedMsg) {
	defer m.takeLangs() // a login changes them even when the settings held stay
	if msg.err != nil {
		return // the settings held stay
	}
	m.settings = msg.settings
	if msg.loc != nil {
		m.loc = msg.loc
	}
	if msg.policyErr != nil {
		m.d.Log.Error("the store's policy", "err", msg.policyErr)
		m.notice = "! " + m.staffText.T("the store's policy cannot be read: %s",
			look.SayIn(m.staffText, msg.policyErr, "read the store's policy"))
	} else {
		m.policy = msg.policy
	}
}

// View draws the header, the screen at hand (or the help, or the question
// before quitting) and the footer.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	if m.width > 0 && m.height > 0 && (m.width < MinWidth || m.height < MinHeight) {
		return m.tooSmall()
	}
	at := m.current()
	var body string
	switch {
	case m.asks.top() != nil:
		body = m.asks.top().text
	case m.showHelp:
		m.help.ShowAll = true
		body = m.st.Title.Render(m.staffText.T("Keys")) + "\n\n" + m.help.View(at.keys(m.keys)) + "\n\n" +
			m.st.Dim.Render(m.staffText.T("Any key closes this help."))
		m.help.ShowAll = false
	default:
		body = at.View()
	}
	head, foot := m.header(), m.footer()
	avail := max(m.height-lipgloss.Height(head)-lipgloss.Height(foot), 1)
	rows := strings.Split(body, "\n")
	if len(rows) > avail {
		rows = rows[:avail]
	}
	// the rows as the screen drew them, cut to the rows there are: not
	// measured again (a Cyrillic row's width costs its graphemes' lookups)
	return head + "\n" + strings.Join(rows, "\n") + strings.Repeat("\n", avail-len(rows)) + "\n" + foot
}

// The terminal the kiosk needs: a screen cut to fit a smaller one would hide
// lines (an inspection's "mechanical damage"), so it says so instead.
const (
	MinWidth  = 80
	MinHeight = 24
)

// tooSmall is the screen of a terminal smaller than the kiosk needs: what it
// needs, and that nothing is lost; the screen at hand comes back whole once
// the terminal is large enough.
func (m *Model) tooSmall() string {
	tr := m.screenText()
	text := tr.T("The kiosk needs a terminal of at least %d×%d; this one is %d×%d. Make the window larger: nothing typed is lost.",
		MinWidth, MinHeight, m.width, m.height)
	rows := look.Wrap(text, m.width, "")
	if len(rows) > m.height {
		rows = rows[:m.height]
	}
	return strings.Join(rows, "\n")
}

// header is the top line: the store, who is at the till, the case and its
// steps, and any notice.
func (m *Model) header() string {
	tr := m.screenText()
	left := tr.T("Returns Desk")
	if m.settings.StoreName != "" {
		left += " · " + m.settings.StoreName
	}
	if m.user != nil {
		left += " · " + m.user.Name + " (" + m.user.Role.WordsIn(tr) + ")"
	}
	right := m.status
	line := left
	if pad := m.width - lipgloss.Width(left) - lipgloss.Width(right) - 2; pad > 0 {
		line = left + strings.Repeat(" ", pad) + right
	}
	out := m.st.Header.Width(m.width).MaxWidth(m.width).Render(look.Fit(line, m.width-2))
	if (m.view == viewStep || m.view == viewIntake || m.view == viewPhone) && m.c != nil {
		out += "\n" + look.Fit(progress(tr, m.c, m.shown, m.width), m.width)
	}
	if m.notice != "" {
		out += "\n" + m.st.Warning.Render(strings.Join(look.Wrap(m.notice, m.width, "  "), "\n"))
	}
	return out
}

// progress is the case's steps: done ones ticked, the one shown in
// brackets; when the steps up to the one shown do not fit in width, the
// first ones give way to "…" so that the step shown stays on the line
// (the steps after it are cut, as the line is).
func progress(tr *lang.Printer, c *flow.Case, shown flow.Step, width int) string {
	var parts []string
	for _, s := range c.Steps() {
		if s == flow.StepAct {
			continue
		}
		name := s.TitleIn(tr)
		switch {
		case s == shown:
			name = "[" + name + "]"
		case c.Done.Has(s):
			name = "✓" + name
		}
		parts = append(parts, name)
	}
	head := tr.T("Case …%s", look.ShortID(c.ID)) + "  "
	upTo := len(parts) // the parts up to the step shown, which must stay on the line
	for i, p := range parts {
		if strings.HasPrefix(p, "[") {
			upTo = i + 1
		}
	}
	from, lead := 0, head
	for from < upTo-1 && lipgloss.Width(lead+strings.Join(parts[from:upTo], " › ")) > width {
		from++
		lead = head + "… "
	}
	return lead + strings.Join(parts[from:], " › ")
}

func (m *Model) footer() string {
	keys := m.keys
	if tr := m.screenText(); tr != m.staffText { // the first run's pages, in the language chosen
		keys = look.KeysIn(tr)
	}
	return m.st.Footer.Render(look.Fit(m.help.ShortHelpView(m.current().keys(keys).ShortHelp()), m.width))
}

// screenText is the language of the screen at hand: the staff member's,
// or on the first run's pages the language its first page chose.
func (m *Model) screenText() *lang.Printer {
	if m.view == viewSetup && m.setup.tr != nil {
		return m.setup.tr
	}
	return m.staffText
}
