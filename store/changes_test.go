package store

import (
	"testing"
	"time"
)

// TestChangedWakesOnAWriteFromAnyHandle: a write through another till's
// handle closes the channel a reader waits on; a read does not.
func TestChangedWakesOnAWriteFromAnyHandle(t *testing.T) {
	s, _ := openTest(t)
	ch := s.Changed()
	if _, err := s.Settings(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ch:
		t.Fatal("a read woke the waiter")
	default:
	}
	must(t, s.At("till2").SaveCase(newCase(t0, "olena", "R-1", ""), Event{Staff: "olena"}))
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatal("a write at another till did not wake the waiter")
	}
	if next := s.Changed(); next == ch {
		t.Fatal("the next wait is the same, closed channel")
	}
}
