package store

import (
	"sync"
	"testing"
	"time"
)

// TestAtNamesEachTerminal: two tills writing through their own handles of
// one store, at once, each name themselves on the events they write; the
// store's own handle keeps its terminal.
func TestAtNamesEachTerminal(t *testing.T) {
	s, _ := openTest(t)
	tills := map[string]*Store{"till1": s.At("till1"), "till2": s.At("till2")}
	ids := map[string]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, h := range tills {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newCase(t0.Add(time.Minute), "olena", "R-"+name, "")
			if err := h.SaveCase(c, Event{Staff: "olena"}); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			ids[name] = c.ID
			mu.Unlock()
		}()
	}
	wg.Wait()
	for name, id := range ids {
		evs, err := s.Trail(id)
		must(t, err)
		if len(evs) == 0 || evs[len(evs)-1].Terminal != name {
			t.Errorf("case saved at %s: its events name %+v", name, evs)
		}
	}
	c := newCase(t0.Add(2*time.Minute), "olena", "R-office", "")
	must(t, s.SaveCase(c, Event{Staff: "olena"}))
	evs, err := s.Trail(c.ID)
	must(t, err)
	if got := evs[len(evs)-1].Terminal; got != testOptions().Terminal {
		t.Errorf("the store's own handle wrote terminal %q, want %q", got, testOptions().Terminal)
	}
}

// errOf is the error of a call that also returns a payout.
func errOf(_ Payout, err error) error { return err }
