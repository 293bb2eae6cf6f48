package store

import (
	"errors"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestClaim: a case open at one till is busy for another until the first
// leaves it, opens another case, or releases; the same till may open it
// again.
func TestClaim(t *testing.T) {
	s, _ := openTest(t)
	till1, till2 := s.At("till1"), s.At("till2")
	must(t, till1.Claim("A"))
	must(t, till1.Claim("A"))
	err := till2.Claim("A")
	if !errors.Is(err, ErrBusy) || !strings.Contains(flow.Message(err), "open at till1") {
		t.Fatalf("till2 claims till1's case: %v (%q)", err, flow.Message(err))
	}
	must(t, till1.Claim("B")) // till1 leaves A for B
	must(t, till2.Claim("A"))
	if err := till1.Claim("A"); !errors.Is(err, ErrBusy) {
		t.Fatalf("till1 claims till2's case: %v", err)
	}
	till2.Release()
	must(t, till1.Claim("A"))
	till2.Release() // nothing open: nothing happens
	if err := till2.Claim("A"); !errors.Is(err, ErrBusy) {
		t.Fatalf("a release by till2 freed till1's case: %v", err)
	}
}
