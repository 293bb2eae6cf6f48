package store

import "sync"

// changes tells whoever waits that the store has changed: each wait gets
// the channel of the moment, closed by the next committed write (through
// any handle of the file) or by Close. A screen of the store waits, reads
// again, and waits again: a case saved at one till shows on a lead's desk
// at another without a key.
type changes struct {
	mu     sync.Mutex
	ch     chan struct{}
	closed bool // the store is closed: every wait ends at once
}

// wait is the channel the next change closes.
func (c *changes) wait() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ch == nil {
		c.ch = make(chan struct{})
		if c.closed {
			close(c.ch)
		}
	}
	return c.ch
}

// signal closes the channel of the moment: every waiter wakes.
func (c *changes) signal() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ch != nil {
		close(c.ch)
		c.ch = nil
	}
}

// close ends every wait, now and after: the store is closed.
func (c *changes) close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.signal()
}

// Changed is a channel closed by the next write committed to the store,
// through any handle of it (At), or by Close (after which it is closed at
// once). Ask again after each one.
func (s *Store) Changed() <-chan struct{} { return s.changes.wait() }
