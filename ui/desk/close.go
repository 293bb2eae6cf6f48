package desk

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The day close: what the day came to (store.DayReport) with a small bar
// chart, then the close itself, after which the day's cases are read-only,
// and the audit chain's head at the close, to be written down off the
// machine (returnsdesk check --anchor SEQ:HASH proves the history up to it).

// closeModel is the day close screen.
type closeModel struct {
	tr     *lang.Printer
	st     *look.Styles
	k      *look.KeyMap
	width  int
	height int
	loc    *time.Location

	day     flow.Date
	loaded  bool
	errMsg  string
	report  store.DayReport
	closing *store.Closing
	asking  inputKind // inputNone, or inputExport while the export's format is asked
	confirm bool      // "close the day?" is asked
	news    string

	now         func() time.Time // the clock, for a close before closing time
	closingTime string           // the store's closing time, HH:MM ("": the default)
	reopening   bool             // the reason to reopen the closed day is asked
	reason      textinput.Model
	reasonErr   string
}

// Messages of the day close.
type (
	// reportMsg: a day's report as it stands, and its close if closed.
	reportMsg struct {
		day     flow.Date
		report  store.DayReport
		closing *store.Closing
		err     error
	}
	// closeDayMsg: the lead closes the day.
	closeDayMsg struct{ day flow.Date }
	// dayClosedMsg: the store's answer.
	dayClosedMsg struct {
		closing store.Closing
		err     error
	}
	// reopenDayMsg: the lead reopens the closed day, with a reason.
	reopenDayMsg struct {
		day    flow.Date
		reason string
	}
	// dayReopenedMsg: the store's answer.
	dayReopenedMsg struct {
		day flow.Date
		err error
	}
)

func newCloseModel(tr *lang.Printer, st *look.Styles, k *look.KeyMap, day flow.Date, loc *time.Location,
	width, height int) closeModel {
	return closeModel{tr: staffText(tr), st: st, k: k, day: day, loc: loc, width: width, height: height}
}

// Init has nothing to start: the root loads the report.
func (m closeModel) Init() tea.Cmd { return nil }

// keys is the key map with the keys of the day close.
func (m closeModel) keys() look.KeyMap {
	ks := []key.Binding{m.k.Close.Export, m.k.Desk.Table, m.k.Desk.Queues}
	switch {
	case m.reopening:
		return m.k.With(m.k.Confirm)
	case m.loaded && m.closing == nil:
		ks = append([]key.Binding{m.k.Close.CloseDay}, ks...)
	case m.closing != nil:
		ks = append([]key.Binding{m.k.Close.Reopen}, ks...)
	}
	return m.k.With(ks...)
}

// setSize is the close drawn in width by height cells.
func (m closeModel) setSize(width, height int) closeModel {
	m.width, m.height = width, height
	return m
}

// Update asks before closing, and asks the desk to close or export.
func (m closeModel) Update(msg tea.Msg) (closeModel, tea.Cmd) {
	switch msg := msg.(type) {
	case reportMsg:
		m.day, m.loaded, m.report, m.closing = msg.day, msg.err == nil, msg.report, msg.closing
		m.errMsg = look.SayIn(m.tr, msg.err, "read the day's report")
		if msg.closing != nil {
			m.report = msg.closing.Report // as it stood at the close
		}
	case dayClosedMsg:
		if msg.err != nil {
			m.news = "! " + m.tr.T("the day was not closed: %s", look.SayIn(m.tr, msg.err, "close the day"))
			return m, nil
		}
		m.closing, m.report = &msg.closing, msg.closing.Report
		m.news = m.tr.T("✓ closed: write the chain head down and keep it off this machine")
	case dayReopenedMsg:
		if msg.err != nil {
			m.news = "! " + m.tr.T("the day was not reopened: %s", look.SayIn(m.tr, msg.err, "reopen the day"))
			return m, nil
		}
		m.closing, m.loaded = nil, false
		m.news = m.tr.T("✓ reopened: its cases may change; close it again when it is right")
	case exportedMsg:
		m.news = exportNews(m.tr, msg, m.width)
	case tea.KeyMsg:
		if m.reopening {
			return m.reopenKey(msg)
		}
		return m.key(msg)
	}
	return m, nil
}

// reopenKey types the reason to reopen the day: enter sends it, esc gives
// up.
func (m closeModel) reopenKey(k tea.KeyMsg) (closeModel, tea.Cmd) {
	switch {
	case key.Matches(k, m.k.Back):
		m.reopening, m.reasonErr, m.news = false, "", m.tr.T("not reopened")
		return m, nil
	case key.Matches(k, m.k.Confirm):
		if err := flow.CheckReason(m.reason.Value()); err != nil {
			m.reasonErr = look.SayIn(m.tr, err, "read the reason")
			return m, nil
		}
		m.reopening, m.reasonErr = false, ""
		return m, send(reopenDayMsg{day: m.day, reason: strings.TrimSpace(m.reason.Value())})
	}
	var cmd tea.Cmd
	m.reason, cmd = m.reason.Update(k)
	m.reasonErr = ""
	return m, cmd
}

// key answers the question asked, or asks one.
func (m closeModel) key(k tea.KeyMsg) (closeModel, tea.Cmd) {
	if m.confirm {
		m.confirm = false
		if key.Matches(k, m.k.Yes) {
			return m, send(closeDayMsg{day: m.day})
		}
		m.news = m.tr.T("not closed")
		return m, nil
	}
	if m.asking == inputExport {
		m.asking, m.news = inputNone, ""
		return m, exportKey(m.k, k, m.day, true)
	}
	m.news = ""
	switch {
	case key.Matches(k, m.k.Back):
		return m, send(backMsg{})
	case !m.loaded:
	case key.Matches(k, m.k.Close.CloseDay) && m.closing == nil:
		m.confirm = true
	case key.Matches(k, m.k.Close.Reopen) && m.closing != nil:
		m.reopening = true
		m.reason = textinput.New()
		m.reason.CharLimit = flow.MaxReasonLen
		m.reason.Width = max(m.width-4, 10)
		m.reason.Placeholder = m.tr.T("why the day is reopened (on the audit trail)")
		return m, m.reason.Focus()
	case key.Matches(k, m.k.Close.Export):
		m.asking = inputExport
	}
	return m, nil
}

// View draws the report, its bars and the close.
func (m closeModel) View() string {
	tr := m.tr
	out := []string{m.st.Title.Render(look.Fit(m.title(), m.width))}
	if m.errMsg != "" {
		out = append(out, m.st.Error.Render(look.Fit("! "+m.errMsg, m.width)))
	}
	if !m.loaded {
		return strings.Join(append(out, m.st.Dim.Render(tr.T("loading the day…"))), "\n")
	}
	r := m.report
	out = append(out, look.Fit(tr.N("%d cases", r.Cases, r.Cases)+" · "+tr.N("%d drafts", r.Drafts, r.Drafts)+" · "+
		tr.T("signed off %d of %d", r.SignedOff, r.Cases), m.width))
	out = append(out, m.outcomes()...)
	out = append(out, m.refunds()...)
	out = append(out, m.promises()...)
	if c := m.closing; c != nil {
		out = append(out, m.st.Label.Render(tr.T("Audit chain head at the close (write it down; check --anchor):")),
			"  "+c.Anchor.String())
	}
	return strings.Join(append(out, m.foot()...), "\n")
}

// title names the day and whether it is closed.
func (m closeModel) title() string {
	tr := m.tr
	title := tr.T("Day close · %s", dayIn(tr, m.day))
	switch {
	case m.closing != nil:
		title += " · " + tr.T("CLOSED by %s at %s", m.closing.By, m.closing.At.In(m.loc).Format("15:04"))
	case m.loaded:
		title += " · " + tr.T("OPEN: the report as it stands")
	}
	return title
}

// outcomes are the day's cases by outcome, with bars.
func (m closeModel) outcomes() []string {
	r := m.report
	out := []string{m.st.Label.Render(m.tr.T("Outcomes"))}
	most := 0
	for _, c := range r.ByOutcome {
		most = max(most, c.N)
	}
	for _, c := range r.ByOutcome {
		if c.N > 0 {
			label := outcomeShort(m.tr, flow.Outcome(c.Name))
			if c.Name == "" {
				label = flow.Outcome("").WordsIn(m.tr)
			}
			out = append(out, look.Fit(fmt.Sprintf("  %s %4d %s", pad(label, 15), c.N, bar(c.N, most, 30)), m.width))
		}
	}
	if r.Cases == 0 {
		out = append(out, m.st.Dim.Render("  "+m.tr.T("no cases")))
	}
	return out
}

// refunds are the payments of refunds made on the day, by tender, with
// bars (store.DayReport: whichever day their case is filed under).
func (m closeModel) refunds() []string {
	r := m.report
	out := []string{m.st.Label.Render(m.tr.T("Refunds paid by tender (%d)", r.RefundsPaid))}
	var top int64
	for _, t := range r.Refunds {
		top = max(top, t.Amount.Minor)
	}
	for _, t := range r.Refunds {
		out = append(out, look.Fit(fmt.Sprintf("  %s %4d %s %s", pad(look.OrDash(t.Tender.WordsIn(m.tr)), 10), t.N,
			look.PadLeft(t.Amount.In(m.tr), 16), bar64(t.Amount.Minor, top, 30)), m.width))
	}
	if len(r.Refunds) == 0 {
		out = append(out, m.st.Dim.Render("  "+m.tr.T("none")))
	}
	return out
}

// promises are what the day still owes, its escalations and its flags.
func (m closeModel) promises() []string {
	r, w, tr := m.report, m.width, m.tr
	owed := tr.N("Still owed: %d refunds", r.Owed, r.Owed)
	if r.Owed > 0 {
		owed += ", " + r.OwedAmount.In(tr)
	}
	if r.OwedPaid.Minor > 0 {
		owed += " " + tr.T("(%s of them paid so far)", r.OwedPaid.In(tr))
	}
	if r.Overdue > 0 {
		owed += ", " + tr.T("%d OVERDUE", r.Overdue)
	}
	out := []string{look.Fit(owed, w), look.Fit(tr.T("Escalated: %d (%d still waiting for a lead) · overrides: %d",
		r.Escalated, r.Waiting, r.Overrides), w)}
	if r.Ended > 0 {
		out = append(out, look.Fit(tr.N("Closed without a decision: %d cases (withdrawn, abandoned, set aside)", r.Ended, r.Ended), w))
	}
	if r.TakenN > 0 { // a cheaper replacement's difference is a refund, above
		taken := tr.N("Price differences taken in exchanges: %d", r.TakenN, r.TakenN)
		for _, t := range r.Taken {
			taken += fmt.Sprintf(" · %s %s", look.OrDash(t.Tender.WordsIn(tr)), t.Amount.In(tr))
		}
		out = append(out, look.Fit(taken, w))
	}
	flags := tr.N("Flagged: %d cases", r.Flagged, r.Flagged)
	for _, c := range r.Flags {
		flags += fmt.Sprintf(" · %s %s %d", flagLetters[flow.Flag(c.Name)], flagFilterIn(tr, c.Name), c.N)
	}
	return append(out, look.Wrap(flags, w, "  ")...)
}

// foot is the question asked, or the news and the keys.
func (m closeModel) foot() []string {
	st, w, tr := m.st, m.width, m.tr
	switch {
	case m.confirm:
		out := []string{""}
		for _, l := range look.Wrap(m.closeQuestion(), w, "  ") {
			out = append(out, st.Warning.Render(l))
		}
		return append(out, "  "+tr.T("%s  close the day · any other key  not now", keyOf(m.k.Yes)))
	case m.asking == inputExport:
		return []string{"", look.Fit(tr.T("Export the summary of %s: %s CSV · %s JSON · any other key cancels", m.day.In(tr),
			keyOf(m.k.Export.CSV), keyOf(m.k.Export.JSON)), w)}
	case m.reopening:
		out := []string{""}
		for _, l := range look.Wrap(tr.T("Reopen %s? Its cases may change again, and it is closed again later.",
			m.day.In(tr)), w, "  ") {
			out = append(out, st.Warning.Render(l))
		}
		out = append(out, m.reason.View())
		if m.reasonErr != "" {
			out = append(out, st.Error.Render(look.Fit("! "+m.reasonErr, w)))
		}
		return append(out, st.Dim.Render(look.Fit(tr.T("enter reopen the day · esc not now"), w)))
	}
	var out []string
	if m.news != "" {
		style := st.OK
		if strings.HasPrefix(m.news, "!") {
			style = st.Error
		}
		out = append(out, style.Render(look.Fit(m.news, w)))
	}
	c, d := m.k.Close, m.k.Desk
	keys := tr.T("%s export the summary · %s day's table · %s queues · esc back", keyOf(c.Export), keyOf(d.Table),
		keyOf(d.Queues))
	if m.closing == nil {
		keys = tr.T("%s close the day", keyOf(c.CloseDay)) + " · " + keys
	} else {
		keys = tr.T("%s reopen", keyOf(c.Reopen)) + " · " + keys
	}
	return append(out, st.Dim.Render(look.Fit(keys, w)))
}

// closeQuestion asks before the close, saying what can no longer change.
func (m closeModel) closeQuestion() string {
	r, tr := m.report, m.tr
	day := m.day.In(tr)
	q := "! " + tr.N("Close %s? What its %d cases settled becomes read-only; corrections become notes.", r.Cases,
		day, r.Cases)
	if m.now != nil {
		now := m.now().In(m.loc)
		if early := flow.EarlyClose(now, m.closingTime); early != "" && flow.DateOf(now) == m.day {
			q = "! " + tr.T("%s: %s. Returns taken after the close go to the report of %s.",
				day, strings.ToUpper(early[:1])+early[1:], m.day.AddDays(1).In(tr)) + strings.TrimPrefix(q, "!")
		}
	}
	var open []string
	if r.Owed > 0 {
		open = append(open, tr.N("%d refunds owed", r.Owed, r.Owed))
	}
	if r.Waiting > 0 {
		open = append(open, tr.N("%d escalations waiting", r.Waiting, r.Waiting))
	}
	if r.Drafts > 0 {
		open = append(open, tr.N("%d drafts", r.Drafts, r.Drafts))
	}
	if len(open) > 0 {
		q += " " + tr.T("Still open, and they go on after the close: %s.", strings.Join(open, ", "))
	}
	return q
}

// bar is n of most as a bar at most width cells long; any n above zero
// shows at least one cell. The count beside it says the same in digits.
func bar(n, most, width int) string { return bar64(int64(n), int64(most), width) }

func bar64(n, most int64, width int) string {
	if n <= 0 || most <= 0 {
		return ""
	}
	cells := max(int(n*int64(width)/most), 1)
	return strings.Repeat("█", cells)
}
