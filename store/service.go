package store

import (
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SetTicket records the service centre's ticket number of an item at the
// service centre, typed in after the intake by a member of staff (by) at
// now, in one transaction with its event (step service_ticket). A case
// whose item is not at the service centre, a bad ticket (the error names
// the field) and a case open at another till are refused.
func (s *Store) SetTicket(caseID, ticket, by string, now time.Time) error {
	id, err := caseKey(caseID)
	if err != nil {
		return err
	}
	if err := s.Claim(caseID); err != nil { // open at another till
		return err
	}
	defer s.Release()
	err = s.update(func(tx *bolt.Tx) error {
		_, rec, err := getStaff(tx, normStaff(by))
		if errors.Is(err, ErrNotFound) {
			return refine(ErrNotFound, nil, "there is no staff member called %s", by)
		}
		if err != nil {
			return err
		}
		bs, _, doc, err := caseInTx(tx, id)
		if err != nil {
			return err
		}
		c := doc.Case
		if err := c.SetTicket(ticket, rec.Name, now); err != nil {
			return err
		}
		_, err = s.saveCaseTx(tx, bs, id, c, Event{Time: now, Staff: rec.Name, Kind: EventStep, Step: "service_ticket",
			Words: Said("the service centre's ticket: %s", c.Service.Ticket)}, nil)
		return err
	})
	if err == nil {
		s.log.Info("service centre ticket recorded", "case", caseID, "by", by)
	}
	return err
}
