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

// One case whole, for the shift lead: what was sold and asked, the decision
// with its clauses and its reasons, an override with its reason, the refund
// paid, the sign-off, every flag with why, and the trail: every event, who
// did it and when. It is one case decoded (store.Detail); what a lead does
// to it (sign off, mark paid, decide, add a note) goes to the root.

// deskCaseModel is the screen of one case.
type deskCaseModel struct {
	st     *look.Styles
	width  int
	height int
	today  flow.Date
	loc    *time.Location

	id      string
	loaded  bool
	errMsg  string
	d       store.CaseDetail
	closing *store.Closing // the close of the case's day, if closed
	lines   []string       // the whole screen's text, wrapped
	top     int
}

// Keys of the case screen.
var (
	keyCaseScroll = key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp("↑/↓ pgup/pgdn", "scroll"))
	keyCaseSign   = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sign off"))
	keyCasePaid   = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "mark the refund paid"))
	keyCaseDecide = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "decide the escalation"))
	keyCaseNote   = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "add a note (a correction)"))
)

// Messages of the case screen.
type (
	// deskCaseMsg: a case whole, and the close of its day if closed.
	deskCaseMsg struct {
		d       store.CaseDetail
		closing *store.Closing
		err     error
	}
	// deskBackMsg: leave the screen for the one before.
	deskBackMsg struct{}
	// deskPayMsg: the lead marks a refund owed paid.
	deskPayMsg struct{ sum store.Summary }
	// deskDecideMsg: the lead decides an escalated case.
	deskDecideMsg struct{ id string }
	// deskNoteMsg: the lead adds a note to a case.
	deskNoteMsg struct{ id string }
)

func newDeskCaseModel(st *look.Styles, id string, today flow.Date, loc *time.Location, width, height int) deskCaseModel {
	return deskCaseModel{st: st, id: id, today: today, loc: loc, width: width, height: height}
}

// Init has nothing to start: the root loads the case.
func (m deskCaseModel) Init() tea.Cmd { return nil }

// keys is the key map with the keys that apply to this case.
func (m deskCaseModel) keys(k look.KeyMap) look.KeyMap {
	ks := []key.Binding{keyCaseScroll}
	if m.loaded && m.closing == nil {
		st := m.d.Summary.Status
		if st != flow.StatusOpen && st != flow.StatusEscalated && m.d.SignOff == nil {
			ks = append(ks, keyCaseSign)
		}
		if st == flow.StatusRefundOwed {
			ks = append(ks, keyCasePaid)
		}
		if st == flow.StatusEscalated {
			ks = append(ks, keyCaseDecide)
		}
	}
	return k.With(append(ks, keyCaseNote)...)
}

// Update scrolls, and asks the root to act on the case.
func (m deskCaseModel) Update(msg tea.Msg) (deskCaseModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, screenRows(msg.Height)
		m.layout()
	case deskCaseMsg:
		m.loaded, m.d, m.closing, m.errMsg = msg.err == nil, msg.d, msg.closing, ""
		if msg.err != nil {
			m.errMsg = plainErr(msg.err)
		}
		m.layout()
	case tea.KeyMsg:
		switch k := msg.String(); {
		case k == "esc":
			return m, sendCmd(deskBackMsg{})
		case k == "up" || k == "k":
			m.top--
		case k == "down" || k == "j":
			m.top++
		case k == "pgup":
			m.top -= m.height - 2
		case k == "pgdown" || k == " ":
			m.top += m.height - 2
		case k == "home":
			m.top = 0
		case k == "end":
			m.top = len(m.lines)
		case !m.loaded:
		case key.Matches(msg, keyCaseSign):
			return m, sendCmd(deskSignOffMsg{id: m.id})
		case key.Matches(msg, keyCasePaid):
			return m, sendCmd(deskPayMsg{sum: m.d.Summary})
		case key.Matches(msg, keyCaseDecide):
			return m, sendCmd(deskDecideMsg{id: m.id})
		case key.Matches(msg, keyCaseNote):
			return m, sendCmd(deskNoteMsg{id: m.id})
		}
		m.top = max(min(m.top, len(m.lines)-(m.height-1)), 0)
	}
	return m, nil
}

// View draws the lines on screen and where they stand.
func (m deskCaseModel) View() string {
	st := m.st
	if m.errMsg != "" {
		return st.Error.Render(look.Fit("! cannot open the case: "+m.errMsg, m.width)) + "\n\n" +
			st.Dim.Render("esc  back")
	}
	if !m.loaded {
		return st.Dim.Render("loading case " + m.id + "…")
	}
	rows := m.height - 1
	end := min(m.top+rows, len(m.lines))
	out := strings.Join(m.lines[m.top:end], "\n")
	for i := end - m.top; i < rows; i++ {
		out += "\n"
	}
	foot := "esc back · n note"
	if more := len(m.lines) - rows; more > 0 {
		foot = fmt.Sprintf("↑/↓ scroll (%d-%d of %d lines) · ", m.top+1, end, len(m.lines)) + foot
	}
	for _, b := range m.keys(look.KeyMap{}).Extra() {
		if b.Help().Key == "s" || b.Help().Key == "p" || b.Help().Key == "d" {
			foot += " · " + b.Help().Key + " " + b.Help().Desc
		}
	}
	return out + "\n" + st.Dim.Render(look.Fit(foot, m.width))
}

// layout writes the case's lines at the screen's width.
func (m *deskCaseModel) layout() {
	if !m.loaded {
		m.lines = nil
		return
	}
	st, w := m.st, m.width
	d, c, sum := m.d, m.d.Case, m.d.Summary
	var out []string
	add := func(label, text string) {
		pad := fmt.Sprintf("%-10s", label)
		for i, l := range look.Wrap(text, w-len(pad), "") {
			if i == 0 {
				out = append(out, st.Label.Render(pad)+l)
			} else {
				out = append(out, strings.Repeat(" ", len(pad))+l)
			}
		}
	}
	item := func(mark, text string) {
		for i, l := range look.Wrap(text, w-4, "") {
			if i == 0 {
				out = append(out, "  "+mark+" "+l)
			} else {
				out = append(out, "    "+l)
			}
		}
	}

	head := "Case " + c.ID + " · " + sum.Status.Words()
	if sum.Overdue(m.today) {
		head += " · OVERDUE"
	}
	out = append(out, st.Title.Render(look.Fit(head, w)))
	if m.closing != nil {
		what := "read-only; corrections are notes"
		if flow.UnderWay(sum.Status) {
			what = "this case is still under way and goes on"
		}
		out = append(out, st.Warning.Render(look.Fit(fmt.Sprintf("! the day %s is closed (by %s): %s",
			sum.Day, m.closing.By, what), w)))
	}
	add("Opened", fmt.Sprintf("%s by %s, filed under %s · policy %s", c.Opened.In(m.loc).Format("2006-01-02 15:04"),
		c.OpenedBy, sum.Day, look.OrDash(c.Policy)))
	s := c.Sale
	line := ""
	if s.Line > 0 {
		line = fmt.Sprintf(" line %d", s.Line)
	}
	add("Sale", fmt.Sprintf("%s · receipt %s%s · %s · serial %s · %s by %s · %s · warranty %d months",
		s.Date, look.OrDash(s.Receipt), line, look.OrDash(s.Model), look.OrDash(s.Serial), s.Price, look.OrDash(string(s.Tender)),
		look.OrDash(string(s.Condition)), s.WarrantyMonths))
	req := fmt.Sprintf("%s, wants %s", look.OrDash(string(c.Request.Claim)), look.OrDash(string(c.Request.Wants)))
	if c.Request.Remote {
		req += ", sent by a delivery service"
	}
	add("Request", req)
	docs := look.OrDash(flow.DocumentWords(c.Documents))
	if c.Passport.Presented() {
		docs += " · passport " + c.Passport.Masked()
		if m := c.Passport.NameMatches; m != nil {
			docs += map[bool]string{true: " (name matches)", false: " (name does NOT match)"}[*m]
		}
	}
	add("Documents", docs)
	if dec := c.Decision; dec != nil {
		text := strings.ToUpper(dec.Outcome.Words())
		if !dec.RefundBy.IsZero() {
			text += " by " + dec.RefundBy.String()
		}
		if len(dec.Clauses) > 0 {
			text += " · clauses: " + flow.ClauseList(dec.Clauses)
		}
		if dec.Reason != "" {
			text += " · why a lead decides: " + dec.Reason
		}
		add("Decision", text)
		for _, e := range dec.Explain {
			item("-", e)
		}
		if len(dec.Warnings) > 0 {
			item("!", "told the customer: "+flow.ClauseList(dec.Warnings))
		}
		if !dec.ServiceBy.IsZero() {
			item("-", fmt.Sprintf("expected back from the service centre by %s (%s)", dec.ServiceBy,
				dueWords(dec.ServiceBy, m.today, true)))
		}
	} else {
		add("Decision", "not decided yet (at "+strings.ToLower(stepTitle(c.Step))+")")
	}
	if o := c.Override; o != nil {
		text := fmt.Sprintf("%s decided %s at %s: %q", o.By, strings.ToUpper(o.Outcome.Words()),
			o.At.In(m.loc).Format("2006-01-02 15:04"), o.Reason)
		if !o.RefundBy.IsZero() {
			text += " · refund by " + o.RefundBy.String()
		}
		add("Override", text)
	}
	if p := d.Refund; p != nil {
		add("Refund", fmt.Sprintf("%s paid in %s by %s at %s", p.Amount, p.Tender, p.By, d.RefundAt.Format("2006-01-02 15:04")))
	} else if sum.Status == flow.StatusRefundOwed {
		due := c.RefundBy()
		add("Refund", fmt.Sprintf("%s owed by %s: %s", s.Price, due, dueWords(due, m.today, false)))
	}
	if so := d.SignOff; so != nil {
		add("Signed", "off by "+so.By+" at "+so.At.In(m.loc).Format("2006-01-02 15:04"))
	} else {
		add("Signed", "not signed off")
	}

	out = append(out, st.Label.Render(fmt.Sprintf("Flags (%d)", len(d.Findings))))
	if len(d.Findings) == 0 {
		item(" ", "none")
	}
	for _, f := range d.Findings {
		mark := "·"
		if f.Flag.Fraud() {
			mark = "!"
		}
		item(mark, f.Flag.Words()+": "+f.Explain)
	}

	out = append(out, st.Label.Render("Trail ("+look.Plural(len(d.Trail), "event")+")"))
	for _, ev := range d.Trail {
		item(" ", eventLine(ev, m.loc))
	}
	m.lines = out
	m.top = max(min(m.top, len(m.lines)-(m.height-1)), 0)
}

// eventLine is one audit event in words: when, who, what.
func eventLine(ev store.Event, loc *time.Location) string {
	what := string(ev.Kind)
	switch ev.Kind {
	case store.EventStep:
		what = "saved " + look.OrDash(ev.Step)
	case store.EventDecision:
		what = "confirmed the decision: " + ev.Outcome
	case store.EventOverride:
		what = "decided as a shift lead: " + ev.Outcome
	case store.EventRefundPaid:
		what = "paid the refund"
	case store.EventNote:
		what = "note"
	case store.EventSignOff:
		what = "signed off"
	}
	if ev.Status != "" && ev.Kind != store.EventNote {
		what += " → " + ev.Status.Words()
	}
	if len(ev.Clauses) > 0 {
		what += " [" + strings.Join(ev.Clauses, ", ") + "]"
	}
	if ev.Detail != "" {
		what += ": " + ev.Detail
	}
	return fmt.Sprintf("%s %s #%d %s", ev.Time.In(loc).Format("01-02 15:04:05"), ev.Staff, ev.Seq, what)
}

// dueWords says when something is due: in words, OVERDUE when it is late.
// A refund counts calendar days (the law's 7), the service centre business
// days.
func dueWords(due, today flow.Date, business bool) string {
	switch {
	case due.IsZero():
		return "no date"
	case due == today:
		return "due today"
	case flow.Overdue(due, today) && business:
		if n := due.BusinessDaysUntil(today); n > 0 {
			return fmt.Sprintf("OVERDUE by %d business days", n)
		}
		return "OVERDUE since " + due.String()
	case flow.Overdue(due, today):
		return fmt.Sprintf("OVERDUE by %d days", today.DaysSince(due))
	case business:
		return fmt.Sprintf("%d business days left", today.BusinessDaysUntil(due))
	}
	return fmt.Sprintf("%d days left", due.DaysSince(today))
}
