package store

import (
	"slices"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// What one screen shows (a screen of the shift lead's desk, or the kiosk's
// home), read in one transaction each, so that a screen never mixes two
// moments (a day's table from before a save beside its report from after
// it).

// DeskDayView is a day as the desk shows it at once: its cases from the day
// index, its close (nil while it is open) and its report as it stands.
type DeskDayView struct {
	Day     flow.Date
	Cases   []Summary // in the order they were opened
	Closing *Closing  // nil while the day is open
	Report  DayReport // as it stands; once closed, Closing.Report is what the close kept
}

// DeskDay reads a day's table, close and report in one transaction: what
// Day, DayClosing and DayReport read one transaction each. today says which
// refunds owed are overdue.
func (s *Store) DeskDay(day, today flow.Date) (DeskDayView, error) {
	out := DeskDayView{Day: day}
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if out.Cases, out.Report, err = dayReportTx(tx, day, today, loc); err != nil {
			return err
		}
		out.Closing, err = closingTx(tx, day)
		return err
	})
	if err != nil {
		return DeskDayView{}, err
	}
	return out, nil
}

// DeskQueueStatuses are the statuses of the desk's queues, in the order the
// desk shows them: what waits for a shift lead, refunds owed, cases waiting
// for documents, items at the service centre.
var DeskQueueStatuses = []flow.Status{flow.StatusEscalated, flow.StatusRefundOwed, flow.StatusWaitingDocuments,
	flow.StatusServiceCentre}

// DeskQueuesView is the desk's queues at one moment: the cases of each of
// DeskQueueStatuses, as ByStatus lists them (refunds owed by due date,
// service centre by expected return).
type DeskQueuesView struct {
	Today   flow.Date
	Queues  map[flow.Status][]Summary
	Overdue int // refunds owed and items at the service centre past their day on Today
	// Owed is what the refunds owed still owe, all together (the refunds
	// due less what was paid), and Paid what was paid of them so far.
	Owed, Paid flow.Money
}

// Queue is the cases of one queue's status.
func (v DeskQueuesView) Queue(st flow.Status) []Summary { return v.Queues[st] }

// DeskQueues reads every queue of the desk in one transaction: what ByStatus
// reads once per status. today says which are overdue.
func (s *Store) DeskQueues(today flow.Date) (DeskQueuesView, error) {
	out := DeskQueuesView{Today: today, Queues: map[flow.Status][]Summary{}}
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		for _, st := range DeskQueueStatuses {
			list, err := fromIndexTx(tx, bucketStatuses, textPrefix(string(st)), nil, loc)
			if err != nil {
				return err
			}
			out.Queues[st] = list
		}
		return nil
	})
	if err != nil {
		return DeskQueuesView{}, err
	}
	for _, list := range out.Queues {
		for _, sum := range list {
			if sum.Overdue(today) {
				out.Overdue++
			}
		}
	}
	for _, sum := range out.Queues[flow.StatusRefundOwed] {
		out.Owed.Minor += sum.Owed().Minor
		out.Paid.Minor += sum.Paid.Minor
		out.Owed.Currency, out.Paid.Currency = sum.Amount.Currency, sum.Amount.Currency
	}
	return out, nil
}

// DeskCaseView is one case whole as the desk shows it: the case with its
// trail (Detail), and the close of the day it is filed under (nil while
// that day is open).
type DeskCaseView struct {
	Detail  CaseDetail
	Closing *Closing
}

// DeskCase reads one case whole and the close of its day in one
// transaction: what Detail and DayClosing read one transaction each.
func (s *Store) DeskCase(caseID string) (DeskCaseView, error) {
	id, err := caseKey(caseID)
	if err != nil {
		return DeskCaseView{}, err
	}
	var out DeskCaseView
	loc := s.Location()
	err = s.view(func(tx *bolt.Tx) error {
		d, day, err := detailTx(tx, id, loc)
		if err != nil {
			return err
		}
		out.Detail = d
		out.Closing, err = closingTx(tx, day)
		return err
	})
	if err != nil {
		return DeskCaseView{}, err
	}
	return out, nil
}

// HomeView is what the kiosk's home screen shows at once: the cases a
// cashier may take up again (flow.Resumable, in that order), and one staff
// member's cases of a day.
type HomeView struct {
	Open  []Summary
	Today []Summary
	// FilingDay is the day a case opened now is filed under: day, or once
	// day is closed, the first day after it that is not.
	FilingDay flow.Date
}

// Home reads the home screen's lists in one transaction: the resumable
// cases from the statuses index, and staff's cases of day from theirs (with
// those filed under the next day when day is closed).
func (s *Store) Home(staff string, day flow.Date) (HomeView, error) {
	var out HomeView
	loc := s.Location()
	err := s.view(func(tx *bolt.Tx) error {
		for _, st := range flow.Resumable {
			list, err := fromIndexTx(tx, bucketStatuses, textPrefix(string(st)), nil, loc)
			if err != nil {
				return err
			}
			out.Open = append(out.Open, list...)
		}
		bs, err := openBuckets(tx)
		if err != nil {
			return err
		}
		out.FilingDay = filingDay(bs, day)
		n := normStaff(staff)
		for d := day; n != "" && !d.After(out.FilingDay); d = d.AddDays(1) {
			list, err := fromIndexTx(tx, bucketByStaff, appendDay(textPrefix(n), d), nil, loc)
			if err != nil {
				return err
			}
			out.Today = append(out.Today, list...)
		}
		pending, err := actsPending(bs, out.Today)
		out.Open = append(out.Open, pending...)
		return err
	})
	if err != nil {
		return HomeView{}, err
	}
	return out, nil
}

// actsPending are the cases of sums settled with their act not kept
// (flow.Case.ActPending): the staff member's own, to write it again.
func actsPending(bs *buckets, sums []Summary) ([]Summary, error) {
	var out []Summary
	for _, sum := range sums {
		if slices.Contains(flow.Resumable, sum.Status) || sum.Status == flow.StatusClosed {
			continue // listed as open already, or its act is kept
		}
		id, err := caseKey(sum.ID)
		if err != nil {
			return nil, err
		}
		_, doc, err := existingCase(bs, id)
		if err != nil {
			return nil, err
		}
		if doc.Case.ActPending {
			out = append(out, sum)
		}
	}
	return out, nil
}
