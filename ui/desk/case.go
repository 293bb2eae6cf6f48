package desk

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
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
	tr     *lang.Printer
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

func newCaseModel(tr *lang.Printer, st *look.Styles, k *look.KeyMap, id string, today flow.Date, loc *time.Location,
	width, height int) caseModel {
	return caseModel{tr: staffText(tr), st: st, k: k, id: id, today: today, loc: loc, width: width, height: height}
}

// Init has nothing to start: the root loads the case.
func (m caseModel) Init() tea.Cmd { return nil }

// keys is the key map with the keys that apply to this case.
func (m caseModel) keys() look.KeyMap {
	return m.k.With(append(m.acts(), m.k.Case.Note, m.k.Case.Acts)...)
}

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
	if m.loaded && m.d.Case != nil && m.d.Case.AtService() {
		ks = append(ks, c.Ticket)
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
		m.errMsg = look.SayIn(m.tr, msg.err, "read the case")
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
	case key.Matches(k, c.Ticket) && m.d.Case != nil && m.d.Case.AtService():
		return send(ticketMsg{id: m.id})
	case key.Matches(k, c.Acts):
		id := m.id
		return func() tea.Msg { return ReprintMsg{CaseID: id} }
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
	st, tr := m.st, m.tr
	if m.errMsg != "" {
		return st.Error.Render(look.Fit("! "+tr.T("cannot open the case: %s", m.errMsg), m.width)) + "\n\n" +
			st.Dim.Render(tr.T("esc  back"))
	}
	if !m.loaded {
		return st.Dim.Render(tr.T("loading case %s…", m.id))
	}
	rows := m.height - 1
	end := min(m.top+rows, len(m.lines))
	out := strings.Join(m.lines[m.top:end], "\n")
	for i := end - m.top; i < rows; i++ {
		out += "\n"
	}
	foot := tr.T("esc back · %s note · %s acts", keyOf(m.k.Case.Note), keyOf(m.k.Case.Acts))
	if more := len(m.lines) - rows; more > 0 {
		foot = tr.T("↑/↓ scroll (%d-%d of %d lines)", m.top+1, end, len(m.lines)) + " · " + foot
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
	m.service(w)
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

// labelWidth is the cells of a field's label and the space after it.
const labelWidth = 10

// add adds a labelled field; the text's later lines line up under its first.
func (w *caseWriter) add(label, text string) {
	pad := look.PadRight(label, labelWidth)
	if lipgloss.Width(label) >= labelWidth {
		pad = label + " "
	}
	cells := lipgloss.Width(pad)
	for i, l := range look.Wrap(text, w.width-cells, "") {
		if i == 0 {
			w.line(w.st.Label.Render(pad) + l)
		} else {
			w.line(strings.Repeat(" ", cells) + l)
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
	c, sum, tr := m.d.Case, m.d.Summary, m.tr
	head := tr.T("Case %s · %s", c.ID, sum.Status.WordsIn(tr))
	if sum.Overdue(m.today) {
		head += " · " + tr.T("OVERDUE")
	}
	w.line(m.st.Title.Render(look.Fit(head, w.width)))
	if m.closing != nil {
		what := tr.T("read-only; corrections are notes")
		if flow.UnderWay(sum.Status) {
			what = tr.T("this case is still under way and goes on")
		}
		w.line(m.st.Warning.Render(look.Fit("! "+tr.T("the day %s is closed (by %s): %s",
			sum.Day.In(tr), m.closing.By, what), w.width)))
	}
}

// facts are what was sold and asked, and the documents shown.
func (m caseModel) facts(w *caseWriter) {
	c, sum, tr := m.d.Case, m.d.Summary, m.tr
	w.add(tr.T("Opened"), tr.T("%s by %s, filed under %s · policy %s", timeIn(tr, c.Opened.In(m.loc)),
		c.OpenedBy, sum.Day.In(tr), look.OrDash(c.Policy)))
	s := c.Sale
	line := ""
	if s.Line > 0 {
		line = " " + tr.T("line %d", s.Line)
	}
	w.add(tr.T("Sale"), tr.N("%s · receipt %s%s · %s · serial %s · %s by %s · %s · warranty %d months", s.WarrantyMonths,
		s.Date.In(tr), look.OrDash(s.Receipt), line, look.OrDash(s.Model), look.OrDash(s.Serial), s.Price.In(tr),
		look.OrDash(s.Tender.WordsIn(tr)), look.OrDash(s.Condition.WordsIn(tr)), s.WarrantyMonths))
	req := tr.T("%s, wants %s", look.OrDash(c.Request.Claim.WordsIn(tr)), look.OrDash(c.Request.Wants.WordsIn(tr)))
	if c.Request.Remote {
		req += ", " + tr.T("sent by a delivery service")
	}
	w.add(tr.T("Request"), req)
	docs := look.OrDash(flow.DocumentWordsIn(tr, c.Documents))
	if c.Passport.Presented() {
		docs += " · " + tr.T("passport %s", c.Passport.MaskedIn(tr))
		if m := c.Passport.NameMatches; m != nil {
			if *m {
				docs += " " + tr.T("(name matches)")
			} else {
				docs += " " + tr.T("(name does NOT match)")
			}
		}
	}
	w.add(tr.T("Documents"), docs)
}

// decision is the engine's decision with its clauses and reasons, or the
// step the case waits at.
func (m caseModel) decision(w *caseWriter) {
	c, tr := m.d.Case, m.tr
	dec := c.Decision
	if dec == nil {
		w.add(tr.T("Decision"), tr.T("not decided yet (at %s)", c.Step.WordsIn(tr)))
		return
	}
	text := strings.ToUpper(dec.Outcome.WordsIn(tr))
	if !dec.RefundBy.IsZero() {
		text += " " + tr.T("by %s", dec.RefundBy.In(tr))
	}
	if len(dec.Clauses) > 0 {
		text += " · " + tr.T("clauses: %s", flow.ClauseList(dec.Clauses))
	}
	if dec.Reason != "" {
		text += " · " + tr.T("why a lead decides: %s", dec.ReasonIn(tr))
	}
	w.add(tr.T("Decision"), text)
	for _, e := range dec.Explain {
		w.item("-", e)
	}
	if len(dec.Warnings) > 0 {
		w.item("!", tr.T("told the customer: %s", flow.ClauseList(dec.Warnings)))
	}
	if !dec.ServiceBy.IsZero() {
		w.item("-", tr.T("expected back from the service centre by %s (%s)", dec.ServiceBy.In(tr),
			dueWords(tr, dec.ServiceBy, m.today, true)))
	}
}

// settled is a lead's decision (of an escalated case) or override, the
// refund paid or owed, and the sign-off.
func (m caseModel) settled(w *caseWriter) {
	d, c, tr := m.d, m.d.Case, m.tr
	if o := c.Override; o != nil {
		text := tr.T("%s decided %s at %s: %q", o.By, strings.ToUpper(o.Outcome.WordsIn(tr)),
			timeIn(tr, o.At.In(m.loc)), o.Reason)
		if !o.RefundBy.IsZero() {
			text += " · " + tr.T("refund by %s", o.RefundBy.In(tr))
		}
		if !o.ServiceBy.IsZero() {
			text += " · " + tr.T("back from the service centre by %s (%s)", o.ServiceBy.In(tr),
				dueWords(tr, o.ServiceBy, m.today, true))
		}
		label := tr.T("Lead")
		if c.Overridden() {
			label = tr.T("Override")
		}
		w.add(label, text)
	}
	m.replacement(w)
	m.refund(w)
	if so := d.SignOff; so != nil {
		w.add(tr.T("Signed"), tr.T("off by %s at %s", so.By, timeIn(tr, so.At.In(m.loc))))
	} else {
		w.add(tr.T("Signed"), tr.T("not signed off"))
	}
}

// replacement is the item an exchange gave, and what its price
// difference came to (a difference refunded shows as the refund, below).
func (m caseModel) replacement(w *caseWriter) {
	c, tr := m.d.Case, m.tr
	r := c.Replacement
	if r == nil || !c.Outcome().Exchanges() {
		return
	}
	serial := r.Serial
	if r.NoSerial || serial == "" {
		serial = tr.T("no serial (an accessory)")
	}
	text := tr.T("%s (%s), %s, given by %s at %s", r.Model, serial, r.Price.In(tr), r.By, timeIn(tr, r.Given.In(m.loc)))
	switch d := c.Difference(); {
	case d.Minor > 0:
		text += " · " + tr.T("the customer paid the difference of %s in %s", d.In(tr), r.Tender.WordsIn(tr))
	case d.Minor < 0:
		text += " · " + tr.T("the difference of %s is refunded", c.RefundDue().In(tr))
	}
	w.add(tr.T("Given"), text)
}

// refund is the refund's payments and what is still owed: one payment in
// a line, several each on its own, and what a refund owed still owes by
// its day.
func (m caseModel) refund(w *caseWriter) {
	d, c, tr := m.d, m.d.Case, m.tr
	ps := d.Payments
	label := tr.T("Refund")
	owed := d.Summary.Status == flow.StatusRefundOwed
	switch {
	case owed && len(ps) == 0:
		due := c.RefundBy()
		w.add(label, tr.T("%s owed by %s: %s", d.Owed.In(tr), due.In(tr), dueWords(tr, due, m.today, false)))
		return
	case owed:
		due := c.RefundBy()
		w.add(label, tr.T("%s still owed by %s: %s · %s paid of %s", d.Owed.In(tr), due.In(tr),
			dueWords(tr, due, m.today, false), d.Paid().In(tr), c.RefundDue().In(tr)))
	case len(ps) == 1:
		p := ps[0]
		text := tr.T("%s paid in %s by %s at %s", p.Amount.In(tr), p.Tender.WordsIn(tr), p.By, timeIn(tr, p.At))
		if due := c.RefundDue(); p.Amount.Minor < due.Minor {
			text += " " + tr.T("(of %s due)", due.In(tr))
		}
		w.add(label, text)
		return
	case len(ps) > 1:
		w.add(label, tr.N("%s paid in full in %d payments", len(ps), d.Paid().In(tr), len(ps)))
	default:
		return
	}
	for i, p := range ps {
		w.item(fmt.Sprintf("%d.", i+1), tr.T("%s in %s by %s at %s", p.Amount.In(tr), p.Tender.WordsIn(tr), p.By,
			timeIn(tr, p.At)))
	}
}

// findings are every flag with why (the refund paid is shown with the
// refund, not among them), then the trail.
func (m caseModel) findings(w *caseWriter) {
	d, tr := m.d, m.tr
	var listed []flow.Finding
	for _, f := range d.Findings {
		if f.Flag.Listed() {
			listed = append(listed, f)
		}
	}
	w.line(m.st.Label.Render(tr.T("Flags (%d)", len(listed))))
	if len(listed) == 0 {
		w.item(" ", tr.T("none"))
	}
	for _, f := range listed {
		mark := "·"
		if f.Flag.Fraud() {
			mark = "!"
		}
		w.item(mark, flagWordsIn(tr, f.Flag)+": "+f.In(tr))
	}
	w.line(m.st.Label.Render(tr.N("Trail (%d events)", len(d.Trail), len(d.Trail))))
	for _, ev := range d.Trail {
		w.item(" ", eventLine(tr, ev, m.loc))
	}
}

// flagWords are the flags as a lead's screen names them (flow.Flag.Words).
var flagWords = map[flow.Flag]string{flow.FlagRepeat: lang.Key("repeat returns"),
	flow.FlagNoReceipt: lang.Key("refund without a receipt"), flow.FlagOverride: lang.Key("override"),
	flow.FlagCashRefund: lang.Key("large cash refund"), flow.FlagSerialMismatch: lang.Key("serial does not match"),
	flow.FlagSamePerson: lang.Key("opened and decided by one person"), flow.FlagSaleCorrected: lang.Key("imported sale corrected"),
	flow.FlagEscalated: lang.Key("escalated"), flow.FlagNameMismatch: lang.Key("name does not match"),
	flow.FlagRemote: lang.Key("sent by delivery"), flow.FlagUsed: lang.Key("used equipment"),
	flow.FlagWarnings: lang.Key("warnings"), flow.FlagRefundPaid: lang.Key("refund paid"),
	flow.FlagPaidLate: lang.Key("refund paid late"), flow.FlagVoided: lang.Key("voided"),
	flow.FlagLongRepair: lang.Key("repair over 14 days")}

// flagWordsIn is a flag in tr's words.
func flagWordsIn(tr *lang.Printer, f flow.Flag) string {
	if w, ok := flagWords[f]; ok {
		return tr.T(w)
	}
	return f.Words()
}

// eventWords are the audit events a case's trail holds, in words.
var eventWords = map[store.EventKind]string{store.EventRefundPaid: lang.Key("paid the refund"),
	store.EventNote: lang.Key("note"), store.EventSignOff: lang.Key("signed off"), store.EventVoid: lang.Key("void")}

// eventLine is one audit event in words: when, who, what.
func eventLine(tr *lang.Printer, ev store.Event, loc *time.Location) string {
	what := string(ev.Kind)
	outcome := ev.Outcome
	if outcome != "" {
		outcome = flow.Outcome(outcome).WordsIn(tr)
	}
	switch ev.Kind {
	case store.EventStep:
		step := look.OrDash(ev.Step)
		if s, err := flow.ParseStep(ev.Step); err == nil {
			step = s.WordsIn(tr)
		}
		what = tr.T("saved %s", step)
		if ev.Step == "service_intake" {
			what = tr.T("recorded the service centre's intake")
		}
	case store.EventDecision:
		what = tr.T("confirmed the decision: %s", outcome)
	case store.EventLeadDecision:
		what = tr.T("decided as a shift lead: %s", outcome)
	case store.EventOverride: // also a lead's decision of an escalated case, recorded before lead_decision
		what = tr.T("decided in place of the engine: %s", outcome)
	default:
		if w, ok := eventWords[ev.Kind]; ok {
			what = tr.T(w)
		}
	}
	if ev.Status != "" && ev.Kind != store.EventNote {
		what += " → " + ev.Status.WordsIn(tr)
	}
	if len(ev.Clauses) > 0 {
		what += " [" + strings.Join(ev.Clauses, ", ") + "]"
	}
	if d := ev.DetailIn(tr); d != "" {
		what += ": " + d
	}
	return fmt.Sprintf("%s %s #%d %s", shortTimeIn(tr, ev.Time.In(loc), true), ev.Staff, ev.Seq, what)
}

// dueWords says when something is due: in words, OVERDUE when it is late.
// A refund counts calendar days (the law's 7), the service centre business
// days.
func dueWords(tr *lang.Printer, due, today flow.Date, business bool) string {
	switch {
	case due.IsZero():
		return tr.T("no date")
	case due == today:
		return tr.T("due today")
	case flow.Overdue(due, today) && business:
		if n := due.BusinessDaysUntil(today); n > 0 {
			return tr.N("OVERDUE by %d business days", n, n)
		}
		return tr.T("OVERDUE since %s", due.In(tr))
	case flow.Overdue(due, today):
		n := today.DaysSince(due)
		return tr.N("OVERDUE by %d days", n, n)
	case business:
		n := today.BusinessDaysUntil(due)
		return tr.N("%d business days left", n, n)
	}
	n := due.DaysSince(today)
	return tr.N("%d days left", n, n)
}
