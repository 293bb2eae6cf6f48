package store

import (
	"time"

	"example.com/returnsdesk/flow"
	bolt "go.etcd.io/bbolt"
)

// SetTicket records the service centre's ticket number of an item at the
// service centre, typed in after the intake by a member of staff (by) at
// now, in one transaction with its event (step service_ticket). A case
// whose item is not at the service centre, a bad ticket (the error names
// the field) and a case open at another till are refused.
func (s *Store) SetTicket(caseID, ticket, by string, now time.Time) error {
	unknown := func() error { return refine(ErrNotFound, nil, "there is no staff member called %s", by) }
	err := s.changeCase(caseID, by, unknown, func(_ *bolt.Tx, c *flow.Case, rec *staffRecord) (Event, error) {
		if err := c.SetTicket(ticket, rec.Name, now); err != nil {
			return Event{}, err
		}
		return Event{Time: now, Staff: rec.Name, Kind: EventStep, Step: "service_ticket",
			Words: Said("the service centre's ticket: %s", c.Service.Ticket)}, nil
	})
	if err == nil {
		s.log.Info("service centre ticket recorded", "case", caseID, "by", by)
	}
	return err
}
