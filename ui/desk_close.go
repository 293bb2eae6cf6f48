package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The day close: what the day came to (store.DayReport) with a small bar
// chart, then the close itself, after which the day's cases are read-only,
// and the audit chain's head at the close, to be written down off the
// machine (returnsdesk check --anchor SEQ:HASH proves the history up to it).

// deskCloseModel is the day close screen.
type deskCloseModel struct {
	st     *look.Styles
	width  int
	height int
	loc    *time.Location

	day     flow.Date
	loaded  bool
	errMsg  string
	report  store.DayReport
	closing *store.Closing
	asking  deskInput // inputNone, or inputExport while the export's format is asked
	confirm bool      // "close the day?" is asked
	news    string
}

// Keys of the day close.
var (
	keyCloseDay    = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "close the day"))
	keyCloseExport = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export the summary"))
)

// Messages of the day close.
type (
	// deskReportMsg: a day's report as it stands, and its close if closed.
	deskReportMsg struct {
		day     flow.Date
		report  store.DayReport
		closing *store.Closing
		err     error
	}
	// deskCloseDayMsg: the lead closes the day.
	deskCloseDayMsg struct{ day flow.Date }
	// deskDayClosedMsg: the store's answer.
	deskDayClosedMsg struct {
		closing store.Closing
		err     error
	}
)

func newDeskCloseModel(st *look.Styles, day flow.Date, loc *time.Location, width, height int) deskCloseModel {
	return deskCloseModel{st: st, day: day, loc: loc, width: width, height: height}
}

// Init has nothing to start: the root loads the report.
func (m deskCloseModel) Init() tea.Cmd { return nil }

// keys is the key map with the keys of the day close.
func (m deskCloseModel) keys(k look.KeyMap) look.KeyMap {
	ks := []key.Binding{keyCloseExport, keyDeskDayTable, keyDeskQueues}
	if m.loaded && m.closing == nil {
		ks = append([]key.Binding{keyCloseDay}, ks...)
	}
	return k.With(ks...)
}

// Update asks before closing, and asks the root to close or export.
func (m deskCloseModel) Update(msg tea.Msg) (deskCloseModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, screenRows(msg.Height)
	case deskReportMsg:
		m.day, m.loaded, m.report, m.closing, m.errMsg = msg.day, msg.err == nil, msg.report, msg.closing, ""
		if msg.err != nil {
			m.errMsg = plainErr(msg.err)
		}
		if msg.closing != nil {
			m.report = msg.closing.Report // as it stood at the close
		}
	case deskDayClosedMsg:
		if msg.err != nil {
			m.news = "! the day was not closed: " + plainErr(msg.err)
			return m, nil
		}
		m.closing, m.report = &msg.closing, msg.closing.Report
		m.news = "✓ closed: write the chain head down and keep it off this machine"
	case deskExportedMsg:
		m.news = exportNews(msg, m.width)
	case tea.KeyMsg:
		k := msg.String()
		if m.confirm {
			m.confirm = false
			if k == "y" || k == "Y" {
				return m, sendCmd(deskCloseDayMsg{day: m.day})
			}
			m.news = "not closed"
			return m, nil
		}
		if m.asking == inputExport {
			m.asking, m.news = inputNone, ""
			switch k {
			case "c":
				return m, sendCmd(deskExportMsg{day: m.day, format: "csv", summary: true})
			case "j":
				return m, sendCmd(deskExportMsg{day: m.day, format: "json", summary: true})
			}
			return m, nil
		}
		m.news = ""
		switch {
		case k == "esc":
			return m, sendCmd(deskBackMsg{})
		case !m.loaded:
		case key.Matches(msg, keyCloseDay) && m.closing == nil:
			m.confirm = true
		case key.Matches(msg, keyCloseExport):
			m.asking = inputExport
		}
	}
	return m, nil
}

// View draws the report, its bars and the close.
func (m deskCloseModel) View() string {
	st, w := m.st, m.width
	var out []string
	title := "Day close · " + m.day.Weekday().String()[:3] + " " + m.day.String()
	switch {
	case m.closing != nil:
		title += fmt.Sprintf(" · CLOSED by %s at %s", m.closing.By, m.closing.At.In(m.loc).Format("15:04"))
	case m.loaded:
		title += " · OPEN: the report as it stands"
	}
	out = append(out, st.Title.Render(look.Fit(title, w)))
	if m.errMsg != "" {
		out = append(out, st.Error.Render(look.Fit("! "+m.errMsg, w)))
	}
	if !m.loaded {
		return strings.Join(append(out, st.Dim.Render("loading the day…")), "\n")
	}
	r := m.report
	out = append(out, look.Fit(fmt.Sprintf("%s · %s · signed off %d of %d", look.Plural(r.Cases, "case"),
		look.Plural(r.Drafts, "draft"), r.SignedOff, r.Cases), w))

	out = append(out, st.Label.Render("Outcomes"))
	most := 0
	for _, c := range r.ByOutcome {
		most = max(most, c.N)
	}
	for _, c := range r.ByOutcome {
		if c.N > 0 {
			label := outcomeShort(flow.Outcome(c.Name))
			if c.Name == "" {
				label = "not decided"
			}
			out = append(out, look.Fit(fmt.Sprintf("  %-15s %4d %s", label, c.N, bar(c.N, most, 30)), w))
		}
	}
	if r.Cases == 0 {
		out = append(out, st.Dim.Render("  no cases"))
	}

	out = append(out, st.Label.Render(fmt.Sprintf("Refunds paid by tender (%d)", r.RefundsPaid)))
	var top int64
	for _, t := range r.Refunds {
		top = max(top, t.Amount.Minor)
	}
	for _, t := range r.Refunds {
		out = append(out, look.Fit(fmt.Sprintf("  %-10s %4d %16s %s", look.OrDash(string(t.Tender)), t.N, t.Amount,
			bar64(t.Amount.Minor, top, 30)), w))
	}
	if len(r.Refunds) == 0 {
		out = append(out, st.Dim.Render("  none"))
	}

	owed := "Still owed: " + look.Plural(r.Owed, "refund")
	if r.Owed > 0 {
		owed += ", " + r.OwedAmount.String()
	}
	if r.Overdue > 0 {
		owed += fmt.Sprintf(", %d OVERDUE", r.Overdue)
	}
	out = append(out, look.Fit(owed, w))
	out = append(out, look.Fit(fmt.Sprintf("Escalated: %d (%d still waiting for a lead) · overrides: %d", r.Escalated,
		r.Waiting, r.Overrides), w))
	flags := "Flagged: " + look.Plural(r.Flagged, "case")
	for _, c := range r.Flags {
		flags += fmt.Sprintf(" · %s %s %d", flagLetters[flow.Flag(c.Name)], strings.ReplaceAll(c.Name, "_", " "), c.N)
	}
	out = append(out, look.Wrap(flags, w, "  ")...)

	if c := m.closing; c != nil {
		out = append(out, st.Label.Render("Audit chain head at the close (write it down; check --anchor):"),
			"  "+c.Anchor.String())
	}
	switch {
	case m.confirm:
		out = append(out, "")
		for _, l := range look.Wrap(m.closeQuestion(), w, "  ") {
			out = append(out, st.Warning.Render(l))
		}
		out = append(out, "  y  close the day · any other key  not now")
	case m.asking == inputExport:
		out = append(out, "", look.Fit("Export the summary of "+m.day.String()+": c CSV · j JSON · any other key cancels", w))
	default:
		if m.news != "" {
			style := st.OK
			if strings.HasPrefix(m.news, "!") {
				style = st.Error
			}
			out = append(out, style.Render(look.Fit(m.news, w)))
		}
		keys := "e export the summary · 1 day's table · 2 queues · esc back"
		if m.closing == nil {
			keys = "c close the day · " + keys
		}
		out = append(out, st.Dim.Render(look.Fit(keys, w)))
	}
	return strings.Join(out, "\n")
}

// closeQuestion asks before the close, saying what can no longer change.
func (m deskCloseModel) closeQuestion() string {
	r := m.report
	q := fmt.Sprintf("! Close %s? What its %s settled becomes read-only; corrections become notes.", m.day,
		look.Plural(r.Cases, "case"))
	var open []string
	if r.Owed > 0 {
		open = append(open, look.Plural(r.Owed, "refund")+" owed")
	}
	if r.Waiting > 0 {
		open = append(open, look.Plural(r.Waiting, "escalation")+" waiting")
	}
	if r.Drafts > 0 {
		open = append(open, look.Plural(r.Drafts, "draft"))
	}
	if len(open) > 0 {
		q += " Still open, and they go on after the close: " + strings.Join(open, ", ") + "."
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
