package store

import (
	"sync"

	"example.com/returnsdesk/flow"
)

// ErrBusy is a case that another terminal has open: one session works on
// a case at a time, so that no till overwrites another's answers.
var ErrBusy = flow.Errorf(flow.EConflict, "the case is open at another till")

// claims are the cases open at each terminal of the process that holds
// the store: at most one a terminal. They live in memory only: the process
// that holds the file is the only one that writes it.
type claims struct {
	mu         sync.Mutex
	byCase     map[string]string // case id -> terminal
	byTerminal map[string]string // terminal -> case id
}

// Claim marks the case as open at this handle's terminal, leaving the one
// it had open before. A case open at another terminal is ErrBusy, which
// names it; the same terminal may claim its case again.
func (s *Store) Claim(caseID string) error {
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if at, ok := c.byCase[caseID]; ok && at != s.terminal {
		return refine(ErrBusy, caseDetail(caseID), "the case is open at %s: leave it there first", at)
	}
	if c.byCase == nil {
		c.byCase, c.byTerminal = map[string]string{}, map[string]string{}
	}
	if old, ok := c.byTerminal[s.terminal]; ok {
		delete(c.byCase, old)
	}
	c.byCase[caseID], c.byTerminal[s.terminal] = s.terminal, caseID
	return nil
}

// Release leaves the case open at this handle's terminal, if any: the till
// went home, logged out or ended its session.
func (s *Store) Release() {
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if id, ok := c.byTerminal[s.terminal]; ok {
		delete(c.byCase, id)
		delete(c.byTerminal, s.terminal)
	}
}
