package export

import (
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// Request is one export: a day, its cases or its summary, in a format.
type Request struct {
	Day     flow.Date
	Format  string // "csv" or "json"
	Summary bool
	// Dialect is the CSV's (DialectFor the store's language); "" is
	// RFC 4180. JSON has none.
	Dialect Dialect
}

// Result is an export's bytes and how many cases they hold (1 for a
// summary).
type Result struct {
	Data []byte
	N    int
}

// Day reads what the request exports from the store and encodes it. A
// closed day's summary is its report as it stood at the close, with the
// close's chain head; an open day's is its report now (today decides what
// is overdue).
func Day(s *store.Store, req Request, today flow.Date, loc *time.Location) (Result, error) {
	if !req.Summary {
		details, err := s.DayDetails(req.Day)
		if err != nil {
			return Result{}, err
		}
		data, err := CasesOf(details, req.Format, req.Dialect, loc)
		return Result{Data: data, N: len(details)}, err
	}
	v, err := s.DeskDay(req.Day, today)
	if err != nil {
		return Result{}, err
	}
	r, closing := v.Report, v.Closing
	if closing != nil {
		r = closing.Report
	}
	data, err := SummaryOf(r, closing, req.Format, req.Dialect, loc)
	return Result{Data: data, N: 1}, err
}
