package ui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// loginModel asks a staff member's name and PIN, in the till's language
// (else the store's): nobody is logged in yet (sessionLangs). The name is
// taken from the active staff, listed under its field: what is typed
// filters the list in any letter case (matchNames: a name starting with
// it first, then one with a word starting with it), ↑/↓ move in it, and enter takes the name at the cursor, or
// the name as typed when none matches (the store answers for it: a name
// added at another till meanwhile, or a deactivated account). Then the
// PIN; esc goes back to the name.
type loginModel struct {
	st     *look.Styles
	tr     *lang.Printer
	theme  *huh.Theme
	km     loginKeys
	width  int
	height int // the rows the screen may fill
	v      *loginValues
	name   *huh.Form // the name's field
	pin    *huh.Form // the PIN's, once a name is taken; nil before
	// the active staff by name, as loaded (loginStaffMsg): nil before
	staff   []loginName
	loaded  bool
	listErr string
	shown   []int     // the staff matching what is typed, best first
	typed   string    // what shown was filtered by
	cursor  int       // in shown
	top     int       // the first of shown on the screen
	prefer  string    // the name the cursor starts on while nothing is typed
	picked  string    // the name taken, at the PIN
	nameErr string    // nothing typed and nobody to take
	hints   [2]string // the keys' line of the name's step and of the PIN's, drawn once
	note    string    // why the login shows (locked after idle time)
	errMsg  string
	sent    bool // the answers went out: a later message (a cursor blink) must not send them again
}

type loginValues struct{ name, pin string }

// loginName is a name of the login's list, and as it is matched.
type loginName struct{ name, folded string }

// loginKeys are the login's own keys. Only arrows move in the list: a
// letter is text in the name (j and k too, and о and л on the Ukrainian
// layout).
type loginKeys struct{ pick, up, down, pageUp, pageDown, take, clear, back, logIn key.Binding }

func newLoginKeys(tr *lang.Printer) loginKeys {
	bind := func(help, what string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, what))
	}
	return loginKeys{
		pick:     bind("↑/↓", tr.T("choose a name"), "up", "down"), // shown, never matched
		up:       bind("↑", tr.T("choose a name"), "up", "ctrl+p"),
		down:     bind("↓", tr.T("choose a name"), "down", "ctrl+n"),
		pageUp:   bind("pgup", tr.T("page up"), "pgup"),
		pageDown: bind("pgdn", tr.T("page down"), "pgdown"),
		take:     bind("enter", tr.T("next"), "enter", "tab"),
		clear:    bind("esc", tr.T("clear"), "esc"),
		back:     bind("esc", tr.T("another name"), "esc", "shift+tab"),
		logIn:    bind("enter", tr.T("log in"), "enter"),
	}
}

// loginSubmitMsg: a name and PIN to check.
type loginSubmitMsg struct{ name, pin string }

// loginResultMsg: the store's answer.
type loginResultMsg struct {
	member   store.StaffMember
	settings loadedMsg // the store's settings as they are now
	err      error
}

// loginStaffMsg: the names of the active staff, for the login's list.
type loginStaffMsg struct {
	names []string
	err   error
}

// newLoginModel is the login, its words in tr's language, on a screen of
// width and height rows. Its list comes in a loginStaffMsg.
func newLoginModel(st *look.Styles, tr *lang.Printer, width, height int) loginModel {
	l := loginModel{st: st, tr: tr, theme: st.FormTheme(), km: newLoginKeys(tr), width: width, height: height,
		v: &loginValues{}}
	h := help.New()
	h.Styles = l.theme.Help
	l.hints = [2]string{h.ShortHelpView([]key.Binding{l.km.pick, l.km.take}),
		h.ShortHelpView([]key.Binding{l.km.logIn, l.km.back})}
	l.name = l.nameForm()
	return l
}

// nameForm is the name's field, holding what is typed so far.
func (l loginModel) nameForm() *huh.Form {
	return huh.NewForm(huh.NewGroup(huh.NewInput().Title(l.tr.T("Name")).Value(&l.v.name))).
		WithTheme(l.theme).WithKeyMap(look.FormKeysIn(l.tr)).WithShowHelp(false).WithWidth(min(l.width, 60))
}

// pinForm is the PIN's field.
func (l loginModel) pinForm() *huh.Form {
	return huh.NewForm(huh.NewGroup(huh.NewInput().Title(l.tr.T("PIN")).EchoMode(huh.EchoModePassword).
		Value(&l.v.pin).Validate(required(l.tr.T("enter your PIN"))))).
		WithTheme(l.theme).WithKeyMap(look.FormKeysIn(l.tr)).WithShowHelp(false).WithWidth(min(l.width, 60))
}

func (l loginModel) Init() tea.Cmd { return l.name.Init() }

func (l loginModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (l loginModel) typing() bool                   { return true }
func (l loginModel) dirty() bool                    { return false }

func (l loginModel) Update(msg tea.Msg) (loginModel, tea.Cmd) {
	if l.sent {
		return l, nil
	}
	switch msg := msg.(type) {
	case loginStaffMsg:
		return l.takeStaff(msg), nil
	case tea.WindowSizeMsg:
		l.width, l.height = msg.Width, bodyRows(msg.Height)
		l.top = l.scrolled()
	case tea.KeyMsg:
		l.nameErr = ""
		if l.pin == nil {
			if next, cmd, ok := l.nameKey(msg); ok {
				return next, cmd
			}
		} else if key.Matches(msg, l.km.back) {
			l.pin, l.picked, l.v.pin = nil, "", ""
			l.name = l.nameForm() // what was typed stays
			return l, l.name.Init()
		}
	}
	if l.pin != nil {
		return l.updatePIN(msg)
	}
	f, cmd := l.name.Update(msg)
	l.name = f.(*huh.Form)
	if l.v.name != l.typed {
		l.filter()
	}
	return l, cmd
}

// takeStaff takes the list of names loaded.
func (l loginModel) takeStaff(msg loginStaffMsg) loginModel {
	l.loaded, l.staff = true, nil
	if msg.err != nil {
		l.listErr = look.SayIn(l.tr, msg.err, "load the staff")
	}
	for _, n := range msg.names {
		l.staff = append(l.staff, loginName{name: n, folded: foldName(n)})
	}
	l.filter()
	return l
}

// nameKey handles a key of the list; ok is false for a key of the field.
func (l loginModel) nameKey(msg tea.KeyMsg) (loginModel, tea.Cmd, bool) {
	page := l.listRows()
	switch {
	case key.Matches(msg, l.km.up):
		l.cursor--
	case key.Matches(msg, l.km.down):
		l.cursor++
	case key.Matches(msg, l.km.pageUp):
		l.cursor -= page
	case key.Matches(msg, l.km.pageDown):
		l.cursor += page
	case key.Matches(msg, l.km.take):
		next, cmd := l.take()
		return next, cmd, true
	case key.Matches(msg, l.km.clear):
		l.v.name = ""
		l.name = l.nameForm()
		l.filter()
		return l, l.name.Init(), true
	default:
		return l, nil, false
	}
	l.cursor = max(min(l.cursor, len(l.shown)-1), 0)
	l.top = l.scrolled()
	return l, nil, true
}

// take takes the name at the cursor, or the name as typed when none
// matches, and asks the PIN.
func (l loginModel) take() (loginModel, tea.Cmd) {
	name := flow.StaffName(l.v.name)
	if n, ok := l.at(); ok {
		name = n
	}
	if name == "" {
		l.nameErr = l.tr.T("enter your name")
		return l, nil
	}
	l.picked = name
	l.pin = l.pinForm()
	return l, l.pin.Init()
}

// at is the name at the cursor.
func (l loginModel) at() (string, bool) {
	if l.cursor < len(l.shown) {
		return l.staff[l.shown[l.cursor]].name, true
	}
	return "", false
}

func (l loginModel) updatePIN(msg tea.Msg) (loginModel, tea.Cmd) {
	f, cmd := l.pin.Update(msg)
	l.pin = f.(*huh.Form)
	switch l.pin.State {
	case huh.StateCompleted:
		sub := loginSubmitMsg{name: l.picked, pin: l.v.pin}
		l.sent = true
		return l, func() tea.Msg { return sub }
	case huh.StateAborted:
		return l, tea.Quit
	}
	return l, cmd
}

// filter lists the names matching what is typed, the cursor on the best;
// with nothing typed, every name, the cursor on the one preferred.
func (l *loginModel) filter() {
	l.typed = l.v.name
	l.shown = matchNames(l.staff, l.typed)
	l.cursor, l.top = 0, 0
	if flow.StaffName(l.typed) != "" || l.prefer == "" {
		return
	}
	for i, s := range l.shown {
		if flow.SamePerson(l.staff[s].name, l.prefer) {
			l.cursor = i
		}
	}
	l.top = l.scrolled()
}

// foldName is a name as the login matches it: in lower case, its spaces
// single, its apostrophes one sign (Мар’яна typed as Мар'яна).
func foldName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.NewReplacer("’", "'", "ʼ", "'", "`", "'").Replace(s)
}

// matchNames are the indexes of the names matching typed, best first: the
// name itself, a name starting with it, a word of a name starting with it,
// a name holding it; each kind in the names' order.
func matchNames(names []loginName, typed string) []int {
	q := foldName(typed)
	var kinds [4][]int
	for i, n := range names {
		switch {
		case n.folded == q:
			kinds[0] = append(kinds[0], i)
		case strings.HasPrefix(n.folded, q):
			kinds[1] = append(kinds[1], i)
		case strings.Contains(n.folded, " "+q) || strings.Contains(n.folded, "-"+q):
			kinds[2] = append(kinds[2], i)
		case strings.Contains(n.folded, q):
			kinds[3] = append(kinds[3], i)
		}
	}
	return append(append(append(kinds[0], kinds[1]...), kinds[2]...), kinds[3]...)
}

func (l loginModel) View() string {
	var b strings.Builder
	b.WriteString(l.head())
	if l.pin != nil {
		th := l.theme.Blurred
		b.WriteString(th.Base.Render(th.Title.Render(l.tr.T("Name"))+"\n"+th.TextInput.Prompt.Render("> ")+
			th.TextInput.Text.Render(look.Fit(l.picked, min(l.width, 60)-6))) + "\n\n")
		b.WriteString(l.pin.View() + "\n\n" + l.hints[1])
		return b.String()
	}
	b.WriteString(l.name.View() + "\n")
	if l.nameErr != "" {
		b.WriteString(l.st.Error.Render("! "+l.nameErr) + "\n")
	}
	b.WriteString("\n" + l.list() + "\n" + l.hints[0])
	return b.String()
}

// head is the title, the note and the store's last answer.
func (l loginModel) head() string {
	s := l.st.Title.Render(l.tr.T("Log in")) + "\n"
	if l.note != "" {
		s += l.st.Dim.Render(l.note) + "\n"
	}
	if l.errMsg != "" {
		s += l.st.Error.Width(max(l.width, 40)).Render("! "+l.errMsg) + "\n" // a long name wraps
	}
	return s + "\n"
}

// list is the names matching what is typed, as many as fit, the cursor's
// marked; or why there are none.
func (l loginModel) list() string {
	var b strings.Builder
	switch {
	case l.listErr != "":
		b.WriteString(l.st.Error.Render(look.Fit("! "+l.listErr, l.width)) + "\n")
	case !l.loaded:
		b.WriteString(l.st.Dim.Render(l.tr.T("loading the staff…")) + "\n")
	case len(l.shown) == 0 && len(l.staff) > 0:
		b.WriteString(l.st.Dim.Render(look.Fit("  "+l.tr.T("no name on the list matches: %s goes on with the name as typed", l.km.take.Help().Key),
			l.width)) + "\n")
	}
	rows := l.listRows()
	for i := l.top; i < len(l.shown) && i < l.top+rows; i++ {
		name := look.Fit(l.staff[l.shown[i]].name, l.width-4)
		if i == l.cursor {
			b.WriteString("  " + l.st.Selected.Render("> "+name) + "\n")
		} else {
			b.WriteString("    " + name + "\n")
		}
	}
	if more := len(l.shown) - l.top - rows; more > 0 {
		b.WriteString(l.st.Dim.Render("    "+l.tr.T("… and %d more", more)) + "\n")
	}
	return b.String()
}

// listRows is how many names the list shows: the rows the title, the
// field and the keys leave, one kept for "… and 3 more".
func (l loginModel) listRows() int {
	used := strings.Count(l.head(), "\n") + 2 + 1 + 1 + 1 + 1 // the field, a blank, a blank, the keys, more
	if l.nameErr != "" {
		used++
	}
	return max(l.height-used, 3)
}

// scrolled is the first row of the list shown, so that the cursor's row
// is on the screen and the list moves no more than it must.
func (l loginModel) scrolled() int {
	rows := l.listRows()
	top := min(l.top, l.cursor)
	if l.cursor >= top+rows {
		top = l.cursor - rows + 1
	}
	return max(min(top, len(l.shown)-rows), 0)
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

// openLogin opens the login, saying note, its cursor on the name prefer
// (the person the screen locked on, or whose login was just refused), and
// loads its list of names.
func (m *Model) openLogin(note, prefer string) tea.Cmd {
	m.login = newLoginModel(&m.st, m.staffText, m.width, m.bodyHeight())
	m.login.note, m.login.prefer = note, prefer
	m.view = viewLogin
	s := m.d.Store
	return tea.Batch(m.login.Init(), func() tea.Msg {
		list, err := s.ListStaff()
		msg := loginStaffMsg{err: err}
		for _, member := range list {
			if member.Active() {
				msg.names = append(msg.names, member.Name)
			}
		}
		// in the order of the alphabet (Є after Е, І after И), not of the
		// letters' codes
		collate.New(language.Ukrainian).SortStrings(msg.names)
		return msg
	})
}

// loggedIn opens the home screen, or the case the lock fell on when the
// same person logs in again (resumesAfterLock): anybody else finds it parked.
func (m *Model) loggedIn(msg loginResultMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		cmd := m.openLogin(m.login.note, m.login.picked)
		m.d.Log.Warn("login refused", "err", msg.err)
		m.login.errMsg = look.SayIn(m.staffText, msg.err, "log in")
		return m, cmd
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
