package desk

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The shift lead's queues: the promises the store still has to keep, of
// every day, from the statuses index (store.ByStatus). Escalated cases wait
// for a lead's decision; refunds owed wait to be paid by their day, the
// overdue ones marked OVERDUE; cases wait for the customer's documents;
// items wait at the service centre until the day they are expected back.

// queue is one of the queues.
type queue int

const (
	queueEscalated queue = iota
	queueOwed
	queueDocuments
	queueService
	queueCount
)

// queueStatuses are the statuses of the queues, in their order (the
// store's, which reads them at one moment).
var queueStatuses = [queueCount]flow.Status(store.DeskQueueStatuses)

func (q queue) String() string { return q.wordsIn(lang.English()) }

// wordsIn is the queue's name on its tab, in tr's words.
func (q queue) wordsIn(tr *lang.Printer) string {
	switch q {
	case queueEscalated:
		return tr.T("Escalated")
	case queueOwed:
		return tr.T("Refunds owed")
	case queueDocuments:
		return tr.T("Waiting documents")
	case queueService:
		return tr.T("At service centre")
	}
	return "queue(?)"
}

// queuesModel is the screen of the queues.
type queuesModel struct {
	tr     *lang.Printer
	st     *look.Styles
	k      *look.KeyMap
	width  int
	height int
	today  flow.Date

	loaded bool
	errMsg string
	tab    queue
	lists  [queueCount][]store.Summary
	cursor [queueCount]int
	// owed is what the refunds owed still owe, all together, and paid what
	// was paid of them so far.
	owed, paid flow.Money
}

// queuesMsg: the queues, each in its index's order (refunds owed and
// the service centre by their day, earliest first), and what the refunds
// owed still owe.
type queuesMsg struct {
	lists      [queueCount][]store.Summary
	owed, paid flow.Money
	err        error
}

func newQueuesModel(tr *lang.Printer, st *look.Styles, k *look.KeyMap, today flow.Date, width, height int) queuesModel {
	return queuesModel{tr: staffText(tr), st: st, k: k, today: today, width: width, height: height}
}

// Init has nothing to start: the root loads the queues.
func (m queuesModel) Init() tea.Cmd { return nil }

// keys is the key map with the keys of the queue at hand.
func (m queuesModel) keys() look.KeyMap {
	q := m.k.Queue
	ks := []key.Binding{q.Tab, q.Open}
	switch m.tab {
	case queueOwed:
		ks = append(ks, q.Paid)
	case queueEscalated:
		ks = append(ks, q.Decide)
	}
	return m.k.With(append(ks, m.k.Desk.Table, m.k.Desk.Close)...)
}

// setSize is the queues drawn in width by height cells.
func (m queuesModel) setSize(width, height int) queuesModel {
	m.width, m.height = width, height
	return m
}

// Update switches queues, moves, and asks the desk to act.
func (m queuesModel) Update(msg tea.Msg) (queuesModel, tea.Cmd) {
	switch msg := msg.(type) {
	case queuesMsg:
		m.loaded, m.lists, m.errMsg = true, msg.lists, look.SayIn(m.tr, msg.err, "read the queues")
		m.owed, m.paid = msg.owed, msg.paid
		for q := range m.cursor {
			m.cursor[q] = min(m.cursor[q], max(len(m.lists[q])-1, 0))
		}
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m queuesModel) key(k tea.KeyMsg) (queuesModel, tea.Cmd) {
	q := m.k.Queue
	cur := &m.cursor[m.tab]
	list := m.lists[m.tab]
	switch {
	case key.Matches(k, m.k.Back):
		return m, send(backMsg{})
	case key.Matches(k, q.Prev):
		m.tab = (m.tab + queueCount - 1) % queueCount
	case key.Matches(k, q.Tab):
		m.tab = (m.tab + 1) % queueCount
	case key.Matches(k, m.k.Up):
		*cur = max(*cur-1, 0)
	case key.Matches(k, m.k.Down):
		*cur = min(*cur+1, max(len(list)-1, 0))
	case len(list) == 0:
	case key.Matches(k, q.Open):
		return m, send(openCaseMsg{id: list[*cur].ID})
	case key.Matches(k, q.Paid) && m.tab == queueOwed:
		return m, send(payMsg{sum: list[*cur]})
	case key.Matches(k, q.Decide) && m.tab == queueEscalated:
		return m, send(decideMsg{id: list[*cur].ID})
	}
	return m, nil
}

// View draws the tabs, the queue at hand and its keys.
func (m queuesModel) View() string {
	st, tr := m.st, m.tr
	var b strings.Builder
	b.WriteString(st.Title.Render(tr.T("Queues: what the store still owes its customers")) + "\n")
	var tabs []string
	for q := range queueCount {
		t := fmt.Sprintf("%s (%d)", q.wordsIn(tr), len(m.lists[q]))
		if q == m.tab {
			t = st.Selected.Render("[" + t + "]")
		} else {
			t = " " + t + " "
		}
		tabs = append(tabs, t)
	}
	b.WriteString(look.Fit(strings.Join(tabs, ""), m.width) + "\n")
	if m.errMsg != "" {
		b.WriteString(st.Error.Render(look.Fit("! "+m.errMsg, m.width)) + "\n")
	}
	if !m.loaded {
		b.WriteString(st.Dim.Render(tr.T("loading the queues…")))
		return b.String()
	}
	list := m.lists[m.tab]
	rows := max(m.height-5, 3)
	if m.tab == queueOwed && len(list) > 0 {
		b.WriteString(look.Fit(m.owedWords(), m.width) + "\n")
		rows--
	}
	b.WriteString(st.Label.Render(look.Fit(m.head(), m.width)) + "\n")
	if len(list) == 0 {
		b.WriteString(st.Dim.Render("  "+tr.T("nothing waits here")) + "\n")
		rows--
	}
	m.rows(&b, list, rows)
	b.WriteString(st.Dim.Render(look.Fit(m.foot(), m.width)))
	return b.String()
}

// rows draws the rows of the list on screen, the cursor's kept in view,
// and pads them to rows lines.
func (m queuesModel) rows(b *strings.Builder, list []store.Summary, rows int) {
	st := m.st
	cur := m.cursor[m.tab]
	top := max(min(cur-rows+1, len(list)-rows), 0)
	if cur < top {
		top = cur
	}
	end := min(top+rows, len(list))
	for i := top; i < end; i++ {
		line := m.row(list[i])
		switch {
		case i == cur:
			b.WriteString(st.Selected.Render(look.Fit("> "+line, m.width)) + "\n")
		case list[i].Overdue(m.today): // the row says OVERDUE; the colour repeats it
			b.WriteString(st.Warning.Render(look.Fit("  "+line, m.width)) + "\n")
		default:
			b.WriteString(look.Fit("  "+line, m.width) + "\n")
		}
	}
	for i := end - top; i < rows; i++ {
		b.WriteString("\n")
	}
}

// foot is the keys of the queue at hand, each as the lead's layout labels
// it.
func (m queuesModel) foot() string {
	tr, q, d := m.tr, m.k.Queue, m.k.Desk
	foot := tr.T("tab next queue · enter opens")
	switch m.tab {
	case queueOwed:
		foot += " · " + tr.T("%s marks paid", keyOf(q.Paid))
	case queueEscalated:
		foot += " · " + tr.T("%s decides", keyOf(q.Decide))
	}
	return foot + " · " + tr.T("%s day's table · %s day close · esc back", keyOf(d.Table), keyOf(d.Close))
}

// owedWords is what the refunds owed still owe, all together.
func (m queuesModel) owedWords() string {
	tr := m.tr
	n := len(m.lists[queueOwed])
	text := tr.N("Still owed: %s in %d refunds", n, m.owed.In(tr), n)
	if m.paid.Minor > 0 {
		text += " " + tr.T("(%s of them paid so far)", m.paid.In(tr))
	}
	return text
}

// head is the column heads of the queue at hand. A refund owed shows what
// was paid of it and what is still owed in place of its cashier and price.
func (m queuesModel) head() string {
	tr := m.tr
	first := tr.T("WAITING SINCE")
	switch m.tab {
	case queueOwed:
		return fmt.Sprintf("  %-33s %-11s %-11s %9s %9s", tr.T("DUE"), tr.T("OPENED"), tr.T("MODEL"), tr.T("PAID"),
			tr.T("OWED"))
	case queueService:
		first = tr.T("EXPECTED BACK")
	}
	return fmt.Sprintf("  %-33s %-11s %-9s %-11s %9s", first, tr.T("OPENED"), tr.T("CASHIER"), tr.T("MODEL"),
		tr.T("AMOUNT"))
}

// row is one case of the queue at hand: first what is due, in words.
func (m queuesModel) row(s store.Summary) string {
	tr := m.tr
	var first string
	opened := shortTimeIn(tr, s.Time, false)
	switch m.tab {
	case queueOwed:
		first = s.Due.In(tr) + " " + dueWords(tr, s.Due, m.today, false)
		paid := "-"
		if s.Paid.Minor > 0 {
			paid = amountIn(tr, s.Paid)
		}
		return fmt.Sprintf("%-33s %-11s %-11s %9s %9s", look.Fit(first, 33), opened,
			look.Fit(look.OrDash(s.Model), 11), paid, amountIn(tr, s.Owed()))
	case queueService:
		switch {
		case s.Due.IsZero():
			first = tr.T("the service centre sets it")
		case flow.Overdue(s.Due, m.today): // late by calendar days, as the law counts a repair's
			n := m.today.DaysSince(s.Due)
			first = s.Due.In(tr) + " " + tr.N("%d days late", n, n)
		default:
			first = s.Due.In(tr) + " " + dueWords(tr, s.Due, m.today, true)
		}
	default:
		days := m.today.DaysSince(s.Day)
		first = tr.N("%s (%d days)", days, s.Day.In(tr), days)
	}
	return fmt.Sprintf("%-33s %-11s %-9s %-11s %9s", look.Fit(first, 33), opened, look.Fit(s.Staff, 9),
		look.Fit(look.OrDash(s.Model), 11), amountIn(tr, s.Amount))
}
