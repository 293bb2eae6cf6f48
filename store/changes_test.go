package store

import (
	"path/filepath"
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

// TestChangedEndsAtClose: a wait ends when the store closes, and a wait
// asked for after Close ends at once.
func TestChangedEndsAtClose(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), FileName), testOptions())
	must(t, err)
	before := s.Changed()
	must(t, s.Close())
	for _, ch := range []<-chan struct{}{before, s.Changed()} {
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			t.Fatal("a wait did not end at Close")
		}
	}
}
