package desk

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

// caseModel is the screen of one case.
type caseModel struct {
	st     *look.Styles
	k      *look.KeyMap
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

// Messages of the case screen.
type (
	// caseMsg: a case whole, and the close of its day if closed.
	caseMsg struct {
		d       store.CaseDetail
		closing *store.Closing
		err     error
	}
	// backMsg: leave the screen for the one before.
	backMsg struct{}
	// payMsg: the lead marks a refund owed paid.
	payMsg struct{ sum store.Summary }
	// decideMsg: the lead decides an escalated case.
	decideMsg struct{ id string }
	// noteMsg: the lead adds a note to a case.
	noteMsg struct{ id string }
)

func newCaseModel(st *look.Styles, k *look.KeyMap, id string, today flow.Date, loc *time.Location, width, height int) caseModel {
	return caseModel{st: st, k: k, id: id, today: today, loc: loc, width: width, height: height}
}

// Init has nothing to start: the root loads the case.
func (m caseModel) Init() tea.Cmd { return nil }

// keys is the key map with the keys that apply to this case.
func (m caseModel) keys() look.KeyMap { return m.k.With(append(m.acts(), m.k.Case.Note)...) }

// acts are the keys of what may be done to this case: scroll, and sign
// off, mark paid or decide where the case's status allows it.
func (m caseModel) acts() []key.Binding {
	c := m.k.Case
	ks := []key.Binding{c.Scroll}
	if m.loaded && m.closing == nil {
		st := m.d.Summary.Status
		if flow.CanSignOff(st) && m.d.SignOff == nil {
			ks = append(ks, c.Sign)
		}
		if st.Owed() {
			ks = append(ks, c.Paid)
		}
		if st == flow.StatusEscalated {
			ks = append(ks, c.Decide)
		}
	}
	return ks
}

// setSize is the case drawn in width by height cells.
func (m caseModel) setSize(width, height int) caseModel {
	m.width, m.height = width, height
	m.layout()
	return m
}

// Update scrolls, and asks the desk to act on the case.
func (m caseModel) Update(msg tea.Msg) (caseModel, tea.Cmd) {
	switch msg := msg.(type) {
	case caseMsg:
		m.loaded, m.d, m.closing = msg.err == nil, msg.d, msg.closing
		m.errMsg = look.Say(msg.err, "read the case")
		m.layout()
	case tea.KeyMsg:
		if cmd := m.act(msg); cmd != nil {
			return m, cmd
		}
		m.scrollKey(msg)
		m.top = max(min(m.top, len(m.lines)-(m.height-1)), 0)
	}
	return m, nil
}

// act is what a key asks the desk to do: go back, or sign off, pay, decide
// or note the case once it is read.
func (m caseModel) act(k tea.KeyMsg) tea.Cmd {
	c := m.k.Case
	switch {
	case key.Matches(k, m.k.Back):
		return send(backMsg{})
	case !m.loaded:
	case key.Matches(k, c.Sign):
		return send(signOffMsg{id: m.id})
	case key.Matches(k, c.Paid):
		return send(payMsg{sum: m.d.Summary})
	case key.Matches(k, c.Decide):
		return send(decideMsg{id: m.id})
	case key.Matches(k, c.Note):
		return send(noteMsg{id: m.id})
	}
	return nil
}

// scrollKey moves the lines on screen; space pages down, as in a pager.
func (m *caseModel) scrollKey(k tea.KeyMsg) {
	switch {
	case key.Matches(k, m.k.Up):
		m.top--
	case key.Matches(k, m.k.Down):
		m.top++
	case key.Matches(k, m.k.PageUp):
		m.top -= m.height - 2
	case key.Matches(k, m.k.PageDown, m.k.Toggle):
		m.top += m.height - 2
	case key.Matches(k, m.k.First):
		m.top = 0
	case key.Matches(k, m.k.Last):
		m.top = len(m.lines)
	}
}

// View draws the lines on screen and where they stand.
func (m caseModel) View() string {
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
	for _, b := range m.acts()[1:] { // what may be done, after the scroll
		foot += " · " + b.Help().Key + " " + b.Help().Desc
	}
	return out + "\n" + st.Dim.Render(look.Fit(foot, m.width))
}

// layout writes the case's lines at the screen's width.
func (m *caseModel) layout() {
	if !m.loaded {
		m.lines = nil
		return
	}
	w := &caseWriter{st: m.st, width: m.width}
	m.head(w)
	m.facts(w)
	m.decision(w)
	m.settled(w)
	m.findings(w)
	m.lines = w.out
	m.top = max(min(m.top, len(m.lines)-(m.height-1)), 0)
}

// caseWriter gathers a case's lines, wrapped to the screen's width.
type caseWriter struct {
	st    *look.Styles
	width int
	out   []string
}

// line adds a line as it is.
func (w *caseWriter) line(l string) { w.out = append(w.out, l) }

// add adds a labelled field; the text's later lines line up under its first.
func (w *caseWriter) add(label, text string) {
	pad := fmt.Sprintf("%-10s", label)
	for i, l := range look.Wrap(text, w.width-len(pad), "") {
		if i == 0 {
			w.line(w.st.Label.Render(pad) + l)
		} else {
			w.line(strings.Repeat(" ", len(pad)) + l)
		}
	}
}

// item adds an indented item with a mark before it.
func (w *caseWriter) item(mark, text string) {
	for i, l := range look.Wrap(text, w.width-4, "") {
		if i == 0 {
			w.line("  " + mark + " " + l)
		} else {
			w.line("    " + l)
		}
	}
}

// head is the case's title, and whether its day is closed.
func (m caseModel) head(w *caseWriter) {
	c, sum := m.d.Case, m.d.Summary
	head := "Case " + c.ID + " · " + sum.Status.Words()
	if sum.Overdue(m.today) {
		head += " · OVERDUE"
	}
	w.line(m.st.Title.Render(look.Fit(head, w.width)))
	if m.closing != nil {
		what := "read-only; corrections are notes"
		if flow.UnderWay(sum.Status) {
			what = "this case is still under way and goes on"
		}
		w.line(m.st.Warning.Render(look.Fit(fmt.Sprintf("! the day %s is closed (by %s): %s",
			sum.Day, m.closing.By, what), w.width)))
	}
}

// facts are what was sold and asked, and the documents shown.
func (m caseModel) facts(w *caseWriter) {
	c, sum := m.d.Case, m.d.Summary
	w.add("Opened", fmt.Sprintf("%s by %s, filed under %s · policy %s", c.Opened.In(m.loc).Format("2006-01-02 15:04"),
		c.OpenedBy, sum.Day, look.OrDash(c.Policy)))
	s := c.Sale
	line := ""
	if s.Line > 0 {
		line = fmt.Sprintf(" line %d", s.Line)
	}
	w.add("Sale", fmt.Sprintf("%s · receipt %s%s · %s · serial %s · %s by %s · %s · warranty %d months",
		s.Date, look.OrDash(s.Receipt), line, look.OrDash(s.Model), look.OrDash(s.Serial), s.Price, look.OrDash(s.Tender.Words()),
		look.OrDash(string(s.Condition)), s.WarrantyMonths))
	req := fmt.Sprintf("%s, wants %s", look.OrDash(string(c.Request.Claim)), look.OrDash(string(c.Request.Wants)))
	if c.Request.Remote {
		req += ", sent by a delivery service"
	}
	w.add("Request", req)
	docs := look.OrDash(flow.DocumentWords(c.Documents))
	if c.Passport.Presented() {
		docs += " · passport " + c.Passport.Masked()
		if m := c.Passport.NameMatches; m != nil {
			docs += map[bool]string{true: " (name matches)", false: " (name does NOT match)"}[*m]
		}
	}
	w.add("Documents", docs)
}

// decision is the engine's decision with its clauses and reasons, or the
// step the case waits at.
func (m caseModel) decision(w *caseWriter) {
	c := m.d.Case
	dec := c.Decision
	if dec == nil {
		w.add("Decision", "not decided yet (at "+strings.ReplaceAll(c.Step.String(), "_", " ")+")")
		return
	}
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
	w.add("Decision", text)
	for _, e := range dec.Explain {
		w.item("-", e)
	}
	if len(dec.Warnings) > 0 {
		w.item("!", "told the customer: "+flow.ClauseList(dec.Warnings))
	}
	if !dec.ServiceBy.IsZero() {
		w.item("-", fmt.Sprintf("expected back from the service centre by %s (%s)", dec.ServiceBy,
			dueWords(dec.ServiceBy, m.today, true)))
	}
}

// settled is a lead's decision (of an escalated case) or override, the
// refund paid or owed, and the sign-off.
func (m caseModel) settled(w *caseWriter) {
	d, c := m.d, m.d.Case
	if o := c.Override; o != nil {
		text := fmt.Sprintf("%s decided %s at %s: %q", o.By, strings.ToUpper(o.Outcome.Words()),
			o.At.In(m.loc).Format("2006-01-02 15:04"), o.Reason)
		if !o.RefundBy.IsZero() {
			text += " · refund by " + o.RefundBy.String()
		}
		if !o.ServiceBy.IsZero() {
			text += fmt.Sprintf(" · back from the service centre by %s (%s)", o.ServiceBy,
				dueWords(o.ServiceBy, m.today, true))
		}
		label := "Lead"
		if c.Overridden() {
			label = "Override"
		}
		w.add(label, text)
	}
	m.refund(w)
	if so := d.SignOff; so != nil {
		w.add("Signed", "off by "+so.By+" at "+so.At.In(m.loc).Format("2006-01-02 15:04"))
	} else {
		w.add("Signed", "not signed off")
	}
}

// refund is the refund's payments and what is still owed: one payment in
// a line, several each on its own, and what a refund owed still owes by
// its day.
func (m caseModel) refund(w *caseWriter) {
	d, c := m.d, m.d.Case
	ps := d.Payments
	when := func(p flow.Payment) string { return p.At.Format("2006-01-02 15:04") }
	owed := d.Summary.Status == flow.StatusRefundOwed
	switch {
	case owed && len(ps) == 0:
		due := c.RefundBy()
		w.add("Refund", fmt.Sprintf("%s owed by %s: %s", d.Owed, due, dueWords(due, m.today, false)))
		return
	case owed:
		due := c.RefundBy()
		w.add("Refund", fmt.Sprintf("%s still owed by %s: %s · %s paid of %s", d.Owed, due,
			dueWords(due, m.today, false), d.Paid(), c.RefundDue()))
	case len(ps) == 1:
		p := ps[0]
		text := fmt.Sprintf("%s paid in %s by %s at %s", p.Amount, p.Tender, p.By, when(p))
		if due := c.RefundDue(); p.Amount.Minor < due.Minor {
			text += fmt.Sprintf(" (of %s due)", due)
		}
		w.add("Refund", text)
		return
	case len(ps) > 1:
		w.add("Refund", fmt.Sprintf("%s paid in full in %d payments", d.Paid(), len(ps)))
	default:
		return
	}
	for i, p := range ps {
		w.item(fmt.Sprintf("%d.", i+1), fmt.Sprintf("%s in %s by %s at %s", p.Amount, p.Tender, p.By, when(p)))
	}
}

// findings are every flag with why (the refund paid is shown with the
// refund, not among them), then the trail.
func (m caseModel) findings(w *caseWriter) {
	d := m.d
	var listed []flow.Finding
	for _, f := range d.Findings {
		if f.Flag.Listed() {
			listed = append(listed, f)
		}
	}
	w.line(m.st.Label.Render(fmt.Sprintf("Flags (%d)", len(listed))))
	if len(listed) == 0 {
		w.item(" ", "none")
	}
	for _, f := range listed {
		mark := "·"
		if f.Flag.Fraud() {
			mark = "!"
		}
		w.item(mark, f.Flag.Words()+": "+f.Explain)
	}
	w.line(m.st.Label.Render("Trail (" + look.Plural(len(d.Trail), "event") + ")"))
	for _, ev := range d.Trail {
		w.item(" ", eventLine(ev, m.loc))
	}
}

// eventLine is one audit event in words: when, who, what.
func eventLine(ev store.Event, loc *time.Location) string {
	what := string(ev.Kind)
	switch ev.Kind {
	case store.EventStep:
		what = "saved " + look.OrDash(ev.Step)
	case store.EventDecision:
		what = "confirmed the decision: " + ev.Outcome
	case store.EventLeadDecision:
		what = "decided as a shift lead: " + ev.Outcome
	case store.EventOverride: // also a lead's decision of an escalated case, recorded before lead_decision
		what = "decided in place of the engine: " + ev.Outcome
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
