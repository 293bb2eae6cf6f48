package desk

import (
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
	"example.com/returnsdesk/ui/payout"
)

// The desk's reads and writes of the store, each a tea.Cmd whose answer
// comes back to Update as a Msg.

// Messages of the store's answers to the desk's writes.
type (
	// signedMsg: the store's answer to a sign-off.
	signedMsg struct {
		id  string
		err error
	}
	// decideCaseMsg: the escalated case to decide, read whole.
	decideCaseMsg struct {
		id  string
		c   *flow.Case
		err error
	}
)

// loadDayCmd reads a day's cases from the day index, and its close, at
// one moment.
func (m Model) loadDayCmd(day flow.Date) tea.Cmd {
	s, today := m.d.Store, m.today()
	return func() tea.Msg {
		v, err := s.DeskDay(day, today)
		return Msg{dayMsg{day: day, rows: v.Cases, closing: v.Closing, err: err}}
	}
}

// loadCaseCmd reads one case whole, and the close of its day, at one
// moment.
func (m Model) loadCaseCmd(id string) tea.Cmd {
	s := m.d.Store
	return func() tea.Msg {
		v, err := s.DeskCase(id)
		return Msg{caseMsg{d: v.Detail, closing: v.Closing, err: err}}
	}
}

// readCaseCmd reads a case to decide.
func (m Model) readCaseCmd(id string) tea.Cmd {
	s := m.d.Store
	lead := m.d.Lead
	return func() tea.Msg {
		c, err := s.Case(id)
		// only a case this lead will decide is opened here: open at a till,
		// the lead decides it there, or after
		if err == nil && c.AwaitsLead() && c.CheckDecider(lead) == nil {
			err = s.Claim(id)
		}
		return Msg{decideCaseMsg{id: id, c: c, err: err}}
	}
}

// loadQueuesCmd reads every queue from the statuses index at one moment.
func (m Model) loadQueuesCmd() tea.Cmd {
	s, today := m.d.Store, m.today()
	return func() tea.Msg {
		v, err := s.DeskQueues(today)
		msg := queuesMsg{owed: v.Owed, paid: v.Paid, err: err}
		for q, st := range queueStatuses {
			msg.lists[q] = v.Queue(st)
		}
		return Msg{msg}
	}
}

// loadReportCmd reads a day's report as it stands, and its close, at one
// moment.
func (m Model) loadReportCmd(day flow.Date) tea.Cmd {
	s, today := m.d.Store, m.today()
	return func() tea.Msg {
		v, err := s.DeskDay(day, today)
		return Msg{reportMsg{day: day, report: v.Report, closing: v.Closing, err: err}}
	}
}

func (m Model) signOffCmd(id string) tea.Cmd {
	s, by, now := m.d.Store, m.d.Lead, m.d.Now()
	return func() tea.Msg { return Msg{signedMsg{id: id, err: s.SignOff(id, by, now)}} }
}

// payCmd records a payment, then writes its payout slip to the data
// folder's acts/ and prints it where a print command is set.
func (m Model) payCmd(sub paySubmitMsg) tea.Cmd {
	s, by, now := m.d.Store, m.d.Lead, m.d.Now()
	k, name, text := m.d.keeper(), m.d.StoreName, m.d.CustomerText
	noFolder := m.d.DataDir == ""
	return func() tea.Msg {
		p, err := s.RecordRefund(sub.id, sub.amount, sub.tender, by, now)
		if err != nil {
			return Msg{paidMsg{sub: sub, err: err}}
		}
		msg := paidMsg{sub: sub, payout: p}
		if !noFolder {
			msg.slip, msg.slipErr = payout.Write(k, text, name, p, by, now)
		}
		return Msg{msg}
	}
}

func (m Model) noteCmd(sub noteSubmitMsg) tea.Cmd {
	s, by, now := m.d.Store, m.d.Lead, m.d.Now()
	return func() tea.Msg {
		_, err := s.Record(store.Event{Time: now, Staff: by, CaseID: sub.id, Kind: store.EventNote, Detail: sub.text})
		return Msg{notedMsg{id: sub.id, err: err}}
	}
}

func (m Model) closeDayCmd(day flow.Date) tea.Cmd {
	s, by, now := m.d.Store, m.d.Lead, m.d.Now()
	return func() tea.Msg {
		c, err := s.CloseDay(day, by, now)
		return Msg{dayClosedMsg{closing: c, err: err}}
	}
}

func (m Model) reopenDayCmd(msg reopenDayMsg) tea.Cmd {
	s, by, now := m.d.Store, m.d.Lead, m.d.Now()
	return func() tea.Msg {
		return Msg{dayReopenedMsg{day: msg.day, err: s.ReopenDay(msg.day, msg.reason, by, now)}}
	}
}

// exportCmd writes a day's cases or summary to the data folder's exports/.
func (m Model) exportCmd(x exportMsg) tea.Cmd {
	s, loc, today := m.d.Store, m.d.Loc, m.today()
	path := filepath.Join(m.d.DataDir, "exports", export.FileName(x.day, x.format, x.summary))
	req := export.Request{Day: x.day, Format: x.format, Summary: x.summary, Dialect: m.d.CSVDialect}
	return func() tea.Msg {
		res, err := export.Day(s, req, today, loc)
		if err == nil {
			err = export.WriteFile(path, res.Data)
		}
		if err != nil {
			return Msg{exportedMsg{err: err}}
		}
		return Msg{exportedMsg{path: path, n: res.N, summary: x.summary}}
	}
}
