package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
)

// TestKeepAct: every act is numbered across the store, kept on its case with
// its files' hashes and on the trail; a failed write keeps nothing and takes
// no number; a reprint is on the trail; check passes on the file after.
func TestKeepAct(t *testing.T) {
	s, _ := openTest(t)
	a := newCase(t0, "olena", "R-1", "SN-1")
	b := newCase(t0, "olena", "R-2", "SN-2")
	must(t, s.SaveCase(a, Event{Staff: "olena"}))
	must(t, s.SaveCase(b, Event{Staff: "olena"}))

	file := func(name, text string) ActWriter {
		return func(n uint64) ([]ActFile, error) { return []ActFile{FileOf(name, []byte(text))}, nil }
	}
	first, err := s.KeepAct(a.ID, flow.ActIntake, 0, "olena", t0, file("a-1.txt", "intake"))
	must(t, err)
	if _, err := s.KeepAct(b.ID, flow.ActDecision, 0, "olena", t0, func(n uint64) ([]ActFile, error) {
		return nil, errors.New("disk full")
	}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("a failed write kept an act: %v", err)
	}
	second, err := s.KeepAct(b.ID, flow.ActDecision, 0, "olena", t0, file("b-2.txt", "decision"))
	must(t, err)
	third, err := s.KeepAct(a.ID, flow.ActPayout, 1, "Maria", t0, file("a-3.txt", "paid"))
	must(t, err)
	if first.N != 1 || second.N != 2 || third.N != 3 {
		t.Fatalf("numbers %d %d %d, want 1 2 3 (the failed write takes none)", first.N, second.N, third.N)
	}
	acts, err := s.Acts(a.ID)
	must(t, err)
	if len(acts) != 2 || acts[0].Kind != flow.ActIntake || acts[1].Payment != 1 || acts[1].By != "Maria" {
		t.Fatalf("case a keeps %+v", acts)
	}
	if !acts[0].Files[0].Matches([]byte("intake")) || acts[0].Files[0].Matches([]byte("intake!")) {
		t.Error("a file's hash does not tell its bytes")
	}
	if _, err := s.KeepAct(a.ID, "receipt", 0, "olena", t0, file("x", "x")); flow.ErrorCode(err) != flow.EInvalid {
		t.Errorf("kept an act of no kind: %v", err)
	}

	a.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
	must(t, s.SaveCase(a, Event{Staff: "olena", Step: "request"}))
	if acts, _ := s.Acts(a.ID); len(acts) != 2 {
		t.Fatalf("a save of the case lost its acts: %+v", acts)
	}
	must(t, s.Reprinted(a.ID, 1, "olena", t0))
	if err := s.Reprinted(a.ID, 2, "olena", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("reprinted another case's act: %v", err)
	}
	trail, err := s.Trail(a.ID)
	must(t, err)
	var said []string
	for _, ev := range trail {
		if ev.Kind == EventAct {
			said = append(said, ev.Detail)
		}
	}
	want := []string{"service centre intake act No. 1 kept: a-1.txt (sha256 " + acts[0].Files[0].SHA256 + ")",
		"payout slip No. 3 kept: a-3.txt (sha256 " + acts[1].Files[0].SHA256 + ")",
		"service centre intake act No. 1 printed again"}
	if strings.Join(said, "\n") != strings.Join(want, "\n") {
		t.Errorf("the trail says\n%s\nwant\n%s", strings.Join(said, "\n"), strings.Join(want, "\n"))
	}
}

// TestActsTampered: an act moved to another case in the index, or an act
// removed from a case, fails the check.
func TestActsTampered(t *testing.T) {
	for name, edit := range map[string]func(tx *bolt.Tx, a, b []byte) error{
		"index names another case": func(tx *bolt.Tx, a, b []byte) error {
			return tx.Bucket(bucketActs).Put(seqKey(1), b)
		},
		"index entry deleted": func(tx *bolt.Tx, a, b []byte) error {
			return tx.Bucket(bucketActs).Delete(seqKey(1))
		},
		"extra index entry": func(tx *bolt.Tx, a, b []byte) error {
			return tx.Bucket(bucketActs).Put(seqKey(9), a)
		},
	} {
		t.Run(name, func(t *testing.T) {
			s, path := openTest(t)
			a := newCase(t0, "olena", "R-1", "SN-1")
			b := newCase(t0, "olena", "R-2", "SN-2")
			must(t, s.SaveCase(a, Event{Staff: "olena"}))
			must(t, s.SaveCase(b, Event{Staff: "olena"}))
			_, err := s.KeepAct(a.ID, flow.ActDecision, 0, "olena", t0, func(n uint64) ([]ActFile, error) {
				return []ActFile{FileOf("a.txt", []byte("act"))}, nil
			})
			must(t, err)
			must(t, s.Close())
			ka, _ := caseKey(a.ID)
			kb, _ := caseKey(b.ID)
			edited := copyFile(t, path)
			editRaw(t, edited, func(tx *bolt.Tx) error { return edit(tx, ka, kb) })
			if _, err := CheckFile(edited, CheckOptions{}); err == nil || !strings.Contains(err.Error(), "act") {
				t.Errorf("check passed an edited acts index: %v", err)
			}
		})
	}
}

// TestFindActs: a case's acts are found by an act's number, the case's id,
// its receipt or its serial, the newest first; nothing named finds nothing.
func TestFindActs(t *testing.T) {
	s, _ := openTest(t)
	a := newCase(t0, "olena", "R-77", "SN-A")
	b := newCase(t0, "olena", "R-88", "SN-B")
	must(t, s.SaveCase(a, Event{Staff: "olena"}))
	must(t, s.SaveCase(b, Event{Staff: "olena"}))
	for _, id := range []string{a.ID, b.ID, a.ID} {
		_, err := s.KeepAct(id, flow.ActDecision, 0, "olena", t0, func(n uint64) ([]ActFile, error) {
			return []ActFile{FileOf("x.txt", []byte("x"))}, nil
		})
		must(t, err)
	}
	for _, tc := range []struct {
		q    string
		want []uint64
	}{
		{"R-77", []uint64{3, 1}}, {"r-77", []uint64{3, 1}}, {"SN-B", []uint64{2}}, {a.ID, []uint64{3, 1}},
		{"2", []uint64{2}}, {"№ 3", []uint64{3, 1}}, {"No. 1", []uint64{3, 1}}, {"9", nil}, {"  ", nil},
	} {
		got, err := s.FindActs(tc.q)
		must(t, err)
		var ns []uint64
		for _, g := range got {
			ns = append(ns, g.N)
			if g.Model != "Phone X 128GB" {
				t.Errorf("%q: act %d names %+v", tc.q, g.N, g)
			}
		}
		if fmt.Sprint(ns) != fmt.Sprint(tc.want) {
			t.Errorf("FindActs(%q) = %v, want %v", tc.q, ns, tc.want)
		}
	}
}

// TestKeepActClearsActPending: keeping a case's act clears its act
// pending, a payout slip does not; home lists the staff member's settled
// case whose act is pending.
func TestKeepActClearsActPending(t *testing.T) {
	s, _ := openTest(t)
	c := newCase(t0, "olena", "R-1", "SN-1")
	walkToDecision(t, s, c, t0, "PP000001")
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(flow.StatusRefunded))
	c.ActPending = true
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision, Time: t0}))
	home, err := s.Home("olena", flow.DateOf(t0))
	must(t, err)
	if len(home.Open) != 1 || home.Open[0].ID != c.ID {
		t.Fatalf("home lists %+v", home.Open)
	}
	keep := func(kind flow.ActKind, payment int) {
		_, err := s.KeepAct(c.ID, kind, payment, "olena", t0, func(n uint64) ([]ActFile, error) {
			return []ActFile{FileOf("x", []byte("x"))}, nil
		})
		must(t, err)
	}
	keep(flow.ActPayout, 1)
	if got, _ := s.Case(c.ID); !got.ActPending {
		t.Error("a payout slip cleared the act pending")
	}
	keep(flow.ActDecision, 0)
	if got, _ := s.Case(c.ID); got.ActPending {
		t.Error("the act kept left it pending")
	}
	if home, _ := s.Home("olena", flow.DateOf(t0)); len(home.Open) != 0 {
		t.Errorf("home still lists %+v", home.Open)
	}
}
