package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The shift lead's queues: the promises the store still has to keep, of
// every day, from the statuses index (store.ByStatus). Escalated cases wait
// for a lead's decision; refunds owed wait to be paid by their day, the
// overdue ones marked OVERDUE; cases wait for the customer's documents;
// items wait at the service centre until the day they are expected back.

// deskQueue is one of the queues.
type deskQueue int

const (
	queueEscalated deskQueue = iota
	queueOwed
	queueDocuments
	queueService
	queueCount
)

// queueStatuses are the statuses of the queues, in their order.
var queueStatuses = [queueCount]flow.Status{flow.StatusEscalated, flow.StatusRefundOwed, flow.StatusWaitingDocuments,
	flow.StatusServiceCentre}

func (q deskQueue) String() string {
	switch q {
	case queueEscalated:
		return "Escalated"
	case queueOwed:
		return "Refunds owed"
	case queueDocuments:
		return "Waiting documents"
	case queueService:
		return "At service centre"
	}
	return "deskQueue(?)"
}

// deskQueuesModel is the screen of the queues.
type deskQueuesModel struct {
	st     *look.Styles
	width  int
	height int
	today  flow.Date

	loaded bool
	errMsg string
	tab    deskQueue
	lists  [queueCount][]store.Summary
	cursor [queueCount]int
}

// Keys of the queues.
var (
	keyQueueTab    = key.NewBinding(key.WithKeys("tab", "right", "left", "shift+tab"), key.WithHelp("tab/←/→", "next queue"))
	keyQueueOpen   = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the case"))
	keyQueuePaid   = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "mark paid"))
	keyQueueDecide = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "decide"))
)

// deskQueuesMsg: the queues, each in its index's order (refunds owed and
// the service centre by their day, earliest first).
type deskQueuesMsg struct {
	lists [queueCount][]store.Summary
	err   error
}

func newDeskQueuesModel(st *look.Styles, today flow.Date, width, height int) deskQueuesModel {
	return deskQueuesModel{st: st, today: today, width: width, height: height}
}

// Init has nothing to start: the root loads the queues.
func (m deskQueuesModel) Init() tea.Cmd { return nil }

// keys is the key map with the keys of the queue at hand.
func (m deskQueuesModel) keys(k look.KeyMap) look.KeyMap {
	ks := []key.Binding{keyQueueTab, keyQueueOpen}
	switch m.tab {
	case queueOwed:
		ks = append(ks, keyQueuePaid)
	case queueEscalated:
		ks = append(ks, keyQueueDecide)
	}
	return k.With(append(ks, keyDeskDayTable, keyDeskClose)...)
}

// Update switches queues, moves, and asks the root to act.
func (m deskQueuesModel) Update(msg tea.Msg) (deskQueuesModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, screenRows(msg.Height)
	case deskQueuesMsg:
		m.loaded, m.lists, m.errMsg = true, msg.lists, ""
		if msg.err != nil {
			m.errMsg = plainErr(msg.err)
		}
		for q := range m.cursor {
			m.cursor[q] = min(m.cursor[q], max(len(m.lists[q])-1, 0))
		}
	case tea.KeyMsg:
		cur := &m.cursor[m.tab]
		list := m.lists[m.tab]
		switch k := msg.String(); {
		case k == "esc":
			return m, sendCmd(deskBackMsg{})
		case k == "tab" || k == "right":
			m.tab = (m.tab + 1) % queueCount
		case k == "shift+tab" || k == "left":
			m.tab = (m.tab + queueCount - 1) % queueCount
		case k == "up" || k == "k":
			*cur = max(*cur-1, 0)
		case k == "down" || k == "j":
			*cur = min(*cur+1, max(len(list)-1, 0))
		case len(list) == 0:
		case key.Matches(msg, keyQueueOpen):
			return m, sendCmd(deskOpenCaseMsg{id: list[*cur].ID})
		case key.Matches(msg, keyQueuePaid) && m.tab == queueOwed:
			return m, sendCmd(deskPayMsg{sum: list[*cur]})
		case key.Matches(msg, keyQueueDecide) && m.tab == queueEscalated:
			return m, sendCmd(deskDecideMsg{id: list[*cur].ID})
		}
	}
	return m, nil
}

// View draws the tabs, the queue at hand and its keys.
func (m deskQueuesModel) View() string {
	st := m.st
	var b strings.Builder
	b.WriteString(st.Title.Render("Queues: what the store still owes its customers") + "\n")
	var tabs []string
	for q := range queueCount {
		t := fmt.Sprintf("%s (%d)", q, len(m.lists[q]))
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
		b.WriteString(st.Dim.Render("loading the queues…"))
		return b.String()
	}
	list := m.lists[m.tab]
	rows := max(m.height-5, 3)
	b.WriteString(st.Label.Render(look.Fit(m.head(), m.width)) + "\n")
	if len(list) == 0 {
		b.WriteString(st.Dim.Render("  nothing waits here") + "\n")
		rows--
	}
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
	foot := "tab next queue · enter opens"
	switch m.tab {
	case queueOwed:
		foot += " · p marks paid"
	case queueEscalated:
		foot += " · d decides"
	}
	b.WriteString(st.Dim.Render(look.Fit(foot+" · 1 day's table · 3 day close · esc back", m.width)))
	return b.String()
}

// head is the column heads of the queue at hand.
func (m deskQueuesModel) head() string {
	first := "WAITING SINCE"
	switch m.tab {
	case queueOwed:
		first = "DUE"
	case queueService:
		first = "EXPECTED BACK"
	}
	return fmt.Sprintf("  %-33s %-11s %-9s %-11s %9s", first, "OPENED", "CASHIER", "MODEL", "AMOUNT")
}

// row is one case of the queue at hand: first what is due, in words.
func (m deskQueuesModel) row(s store.Summary) string {
	var first string
	switch m.tab {
	case queueOwed:
		first = s.Due.String() + " " + dueWords(s.Due, m.today, false)
	case queueService:
		if s.Due.IsZero() {
			first = "the service centre sets it"
		} else {
			first = s.Due.String() + " " + dueWords(s.Due, m.today, true)
		}
	default:
		days := m.today.DaysSince(s.Day)
		first = fmt.Sprintf("%s (%d days)", s.Day, days)
		if days == 1 {
			first = fmt.Sprintf("%s (1 day)", s.Day)
		}
	}
	return fmt.Sprintf("%-33s %-11s %-9s %-11s %9s", look.Fit(first, 33), s.Time.Format("01-02 15:04"), look.Fit(s.Staff, 9),
		look.Fit(look.OrDash(s.Model), 11), s.Amount.Amount())
}
