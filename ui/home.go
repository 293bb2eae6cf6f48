package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// homeModel is the start of every return: a new one, an open case to
// resume, and the cashier's cases of the day.
type homeModel struct {
	st     *look.Styles
	km     *look.KeyMap  // the kiosk's keys
	tr     *lang.Printer // the staff member's language
	user   *store.StaffMember
	width  int
	height int
	open   []store.Summary // drafts, waiting for documents, escalated, at the service centre
	today  []store.Summary // this staff member's cases today
	cursor int             // in open
	filing flow.Date       // the day a new case is filed under; after today's close, a later one
	day    flow.Date       // today
	loaded bool
	errMsg string
}

// homeDataMsg: the lists of the home screen, and the day a new case is
// filed under.
type homeDataMsg struct {
	open, today []store.Summary
	filing      flow.Date
	err         error
}

// addStaffMsg: a shift lead asks for the staff list.
type addStaffMsg struct{}

// logoutMsg: the staff member leaves the till.
type logoutMsg struct{}

// newHomeModel is the home screen of user, its words in tr's language.
func newHomeModel(st *look.Styles, keys *look.KeyMap, tr *lang.Printer, user *store.StaffMember, day flow.Date,
	width, height int) homeModel {
	return homeModel{st: st, km: keys, tr: tr, user: user, day: day, width: width, height: height}
}

func (h homeModel) Init() tea.Cmd { return nil }

func (h homeModel) typing() bool { return false }
func (h homeModel) dirty() bool  { return false }

// keys is the key map of the home screen, for the footer and the help.
func (h homeModel) keys(k look.KeyMap) look.KeyMap {
	ks := []key.Binding{k.Home.New}
	if len(h.open) > 0 {
		ks = append(ks, k.Home.Resume)
	}
	if h.user != nil && h.user.Role == flow.RoleLead {
		if h.voidable() {
			ks = append(ks, k.Home.Void)
		}
		ks = append(ks, k.Home.Desk, k.Home.Staff)
	}
	return k.With(append(ks, k.Home.Reprint, k.Home.Logout)...)
}

func (h homeModel) Update(msg tea.Msg) (homeModel, tea.Cmd) {
	switch msg := msg.(type) {
	case homeDataMsg:
		h.loaded = true
		h.open, h.today, h.filing = msg.open, msg.today, msg.filing
		if msg.err != nil {
			h.errMsg = look.SayIn(h.tr, msg.err, "load the cases") // homeDataCmd logged it
		}
		h.cursor = min(h.cursor, max(len(h.open)-1, 0))
	case tea.KeyMsg:
		keys := h.km.Home
		switch {
		case key.Matches(msg, keys.New):
			return h, func() tea.Msg { return newCaseMsg{} }
		case key.Matches(msg, keys.Resume) && len(h.open) > 0:
			id := h.open[h.cursor].ID
			return h, func() tea.Msg { return resumeCaseMsg{id: id} }
		case key.Matches(msg, keys.Void) && h.voidable():
			sum := h.open[h.cursor]
			return h, func() tea.Msg { return voidCaseMsg{sum: sum} }
		case key.Matches(msg, keys.Staff) && h.user != nil && h.user.Role == flow.RoleLead:
			return h, func() tea.Msg { return addStaffMsg{} }
		case key.Matches(msg, keys.Desk): // the root refuses a cashier, in words
			return h, func() tea.Msg { return openDeskMsg{} }
		case key.Matches(msg, keys.Reprint):
			return h, func() tea.Msg { return openReprintMsg{} }
		case key.Matches(msg, keys.Logout):
			return h, func() tea.Msg { return logoutMsg{} }
		case key.Matches(msg, h.km.Up):
			h.cursor = max(h.cursor-1, 0)
		case key.Matches(msg, h.km.Down):
			h.cursor = min(h.cursor+1, max(len(h.open)-1, 0))
		}
	}
	return h, nil
}

func (h homeModel) View() string {
	var b strings.Builder
	tr, keys := h.tr, h.km.Home
	b.WriteString(h.st.Title.Render(tr.T("Home")) + "\n\n")
	b.WriteString(hint(keys.New, tr.T("start a new return")))
	if h.user != nil && h.user.Role == flow.RoleLead {
		b.WriteString(hint(keys.Desk, tr.T("the shift lead's desk: the day's returns, queues, day close")))
		b.WriteString(hint(keys.Staff, tr.T("the staff: add, reset a PIN, unlock, deactivate")))
	}
	b.WriteString(hint(keys.Reprint, tr.T("print an act again: find it by its number, receipt or serial")))
	b.WriteString(hint(keys.Logout, tr.T("log out")) + "\n")
	if late := h.lateNote(); late != "" {
		b.WriteString(h.st.Warning.Render(late) + "\n")
	}
	if h.errMsg != "" {
		b.WriteString(h.st.Error.Render("! "+h.errMsg) + "\n")
	}
	if !h.loaded {
		b.WriteString(h.st.Dim.Render(tr.T("loading cases…")) + "\n")
		return b.String()
	}
	h.writeLists(&b)
	return b.String()
}

// hint is a line of the home screen's menu: the key, as the help shows it
// (on the person's layout), and what it does.
func hint(k key.Binding, what string) string { return "  " + k.Help().Key + "  " + what + "\n" }

// writeLists writes the open cases, the one at the cursor marked, and this
// staff member's cases of the day.
func (h homeModel) writeLists(b *strings.Builder) {
	tr, keys := h.tr, h.km.Home
	rows := max((h.height-10)/2, 2)
	title := tr.T("Open cases (%d): %s resumes", len(h.open), keys.Resume.Help().Key)
	if h.voidable() {
		title = tr.T("Open cases (%d): %s resumes, %s voids a case without a decision", len(h.open),
			keys.Resume.Help().Key, keys.Void.Help().Key)
	}
	b.WriteString(h.st.Label.Render(title) + "\n")
	if len(h.open) == 0 {
		b.WriteString(h.st.Dim.Render("  "+tr.T("none")) + "\n")
	}
	start := 0
	if h.cursor >= rows {
		start = h.cursor - rows + 1
	}
	for i := start; i < len(h.open) && i < start+rows; i++ {
		line := summaryLine(tr, h.open[i])
		if i == h.cursor {
			b.WriteString(h.st.Selected.Render("> "+look.Fit(line, h.width-2)) + "\n")
		} else {
			b.WriteString("  " + look.Fit(line, h.width-2) + "\n")
		}
	}
	b.WriteString("\n" + h.st.Label.Render(tr.T("Your cases today (%d)", len(h.today))) + "\n")
	if len(h.today) == 0 {
		b.WriteString(h.st.Dim.Render("  "+tr.T("none")) + "\n")
	}
	for i := 0; i < len(h.today) && i < rows; i++ {
		b.WriteString("  " + look.Fit(summaryLine(tr, h.today[i]), h.width-2) + "\n")
	}
	if len(h.today) > rows {
		b.WriteString(h.st.Dim.Render("  "+tr.T("… and %d more", len(h.today)-rows)) + "\n")
	}
}

// lateNote says, once today is closed, where new returns go; "" before.
func (h homeModel) lateNote() string {
	if !h.loaded || h.filing.IsZero() || !h.filing.After(h.day) {
		return ""
	}
	return look.Fit(h.tr.T("%s is closed: returns taken now go to the report of %s.", h.day.In(h.tr),
		h.filing.In(h.tr)), h.width)
}

// voidable reports whether the open case at the cursor has no decision yet
// and the person at home may close it without one: a shift lead any such
// case, a cashier their own.
func (h homeModel) voidable() bool {
	if h.user == nil || h.cursor >= len(h.open) || !flow.CanVoid(h.open[h.cursor].Status) {
		return false
	}
	return flow.MayEnd(h.user.Role, h.user.Name, h.open[h.cursor].Staff)
}

// summaryLine is one case in a list, in tr's language: time, model,
// outcome, amount, status.
func summaryLine(tr *lang.Printer, s store.Summary) string {
	model := s.Model
	if model == "" {
		model = tr.T("(no model yet)")
	}
	out := "-"
	if s.Outcome != "" {
		out = s.Outcome.WordsIn(tr)
	}
	status := s.Status.WordsIn(tr)
	if s.Status == flow.StatusOpen {
		status = tr.T("draft at %s", s.Step.WordsIn(tr))
	}
	return fmt.Sprintf("%s  %s %s %s  %s", shortTime(tr, s.Time), look.PadRight(look.Fit(model, 16), 16),
		look.PadRight(look.Fit(out, 14), 14), look.PadLeft(tr.Money(s.Amount.Minor, ""), 10), status)
}

// shortTime is a time of this year, to the minute, as tr's language writes
// a day and a month: "11-20 10:00" in English, "20.11 10:00" in Ukrainian.
func shortTime(tr *lang.Printer, t time.Time) string {
	if tr.Lang() == lang.EN {
		return t.Format("01-02 15:04")
	}
	return t.Format("02.01 15:04")
}

// homeDataCmd loads the open cases and this staff member's cases of the
// day, at one moment.
func (m *Model) homeDataCmd() tea.Cmd {
	s, user, day, log := m.d.Store, m.user.Name, m.today(), m.d.Log
	return func() tea.Msg {
		s.Release() // home: no case is open at this till
		v, err := s.Home(user, day)
		if err != nil {
			log.Error("the home screen's cases", "staff", user, "err", err)
		}
		return homeDataMsg{open: v.Open, today: v.Today, filing: v.FilingDay, err: err}
	}
}
