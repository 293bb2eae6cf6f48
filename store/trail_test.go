package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// TestEventWords: the events the store writes (a payment in part and the
// rest, a void, a sign-off, a day closed and reopened, a till added and
// removed, a PIN reset) keep their words beside their English Detail,
// which is as it always was; the words read back print in Ukrainian, and
// in English as the Detail. The file checks with them, and an event's hash
// covers its words: an edit of them breaks the chain.
func TestEventWords(t *testing.T) {
	s, path := deskStore(t)
	day := flow.DateOf(t0)
	uk, en := lang.For(lang.UK), lang.For(lang.EN)
	owed := owedCase(t, s, "R-9101", 499900, "TW000001")
	_, err := s.RecordRefund(owed.ID, uahOf(10000), flow.TenderCash, "Maria", t0.Add(time.Hour))
	must(t, err)
	_, err = s.RecordRefund(owed.ID, uahOf(489900), flow.TenderCard, "Maria", t0.Add(2*time.Hour))
	must(t, err)
	draft := newCase(t0, "olena", "R-9102", "")
	must(t, s.SaveCase(draft, Event{Staff: "olena"}))
	must(t, s.VoidCase(draft.ID, "покупець передумав", "Maria", t0.Add(time.Hour)))
	must(t, s.SignOff(owed.ID, "Maria", t0.Add(3*time.Hour)))
	closing, err := s.CloseDay(day, "Maria", t0.Add(4*time.Hour))
	must(t, err)
	must(t, s.ReopenDay(day, "забули повернення", "Maria", t0.Add(5*time.Hour)))
	must(t, s.AddTill(Till{Name: "till-9", PublicKey: pubFile(t, edKey(9).Public()), Printer: "lp -d till9",
		Language: lang.EN}, "Maria", t0))
	tills, err := s.Tills()
	must(t, err)
	fp := tills[0].Fingerprint
	must(t, s.RemoveTill("till-9", "Maria", t0.Add(6*time.Hour)))
	must(t, s.SetPIN("olena", "2468", "Maria"))

	head := closing.Anchor.String()
	want := []struct {
		kind   EventKind
		en, uk string
	}{
		{EventRefundPaid, "refund of 100.00 UAH paid in cash (payment 1); 4899.00 UAH still owed",
			"виплачено 100,00\u00a0грн (готівка), виплата 1; ще треба виплатити 4\u00a0899,00\u00a0грн"},
		{EventRefundPaid, "refund of 4899.00 UAH paid in card (payment 2): paid in full",
			"виплачено 4\u00a0899,00\u00a0грн (картка), виплата 2: кошти повернуто повністю"},
		{EventVoid, "voided: покупець передумав", "анульовано: покупець передумав"},
		{EventSignOff, "signed off: refund_paid,signed_off", "позначки: кошти виплачено"},
		{EventDayClose, "day 2024-03-15 closed: 2 cases, 2 refunds paid, 0 owed, 0 escalated, 0 flagged, 1 signed off; chain head " + head,
			"день 15.03.2024 закрито: справ — 2, виплачених повернень — 2, до виплати — 0, передано старшому зміни — 0, з позначками — 0, підписано — 1; голова ланцюга " + head},
		{EventDayReopen, "day 2024-03-15 reopened: забули повернення; its close by Maria at 2024-03-15 18:30 (chain head " + head + ") set aside",
			"день 15.03.2024 відкрито знову: забули повернення; його закриття (закрив(ла) Maria, 15.03.2024 18:30; голова ланцюга " + head + ") скасовано"},
		{EventTill, "added till till-9: ssh-ed25519 " + fp + `, printer "lp -d till9", language en`,
			"додано касу till-9: ssh-ed25519 " + fp + `, принтер "lp -d till9", мова: English`},
		{EventTill, "removed till till-9: ssh-ed25519 " + fp, "касу till-9 вилучено: ssh-ed25519 " + fp},
		{EventStaff, "new PIN for olena", "новий PIN-код для olena"},
	}
	evs, err := s.Events(0, 1000)
	must(t, err)
	var got []Event
	for _, ev := range evs {
		switch ev.Kind {
		case EventRefundPaid, EventVoid, EventSignOff, EventDayClose, EventDayReopen, EventTill:
			got = append(got, ev)
		case EventStaff:
			if strings.HasPrefix(ev.Detail, "new PIN") {
				got = append(got, ev)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		ev := got[i]
		if ev.Kind != w.kind || ev.Words == nil {
			t.Errorf("event %d: %s with words %v, want %s", i, ev.Kind, ev.Words, w.kind)
		}
		if ev.Detail != w.en || ev.DetailIn(en) != w.en || ev.Words.English() != w.en {
			t.Errorf("event %d's detail %q, in English %q, want %q", i, ev.Detail, ev.DetailIn(en), w.en)
		}
		if g := ev.DetailIn(uk); g != w.uk {
			t.Errorf("event %d in Ukrainian:\n got %q\nwant %q", i, g, w.uk)
		}
	}

	// an event without words (a note, one written before them) prints its
	// detail as it is, in any language
	note, err := s.Record(Event{Staff: "Maria", CaseID: owed.ID, Detail: "the customer took the box"})
	must(t, err)
	if note.Words != nil || note.DetailIn(uk) != "the customer took the box" {
		t.Errorf("a note's words %v, in Ukrainian %q", note.Words, note.DetailIn(uk))
	}
	must(t, s.Close())
	if _, err := CheckFile(path, CheckOptions{Anchors: []Anchor{closing.Anchor}}); err != nil {
		t.Fatalf("check of a file with words: %v", err)
	}

	// the hash covers the words: an edit of them alone breaks the chain
	forged := filepath.Join(t.TempDir(), "forged.db")
	raw, err := os.ReadFile(path)
	must(t, err)
	must(t, os.WriteFile(forged, raw, 0o600))
	editRaw(t, forged, func(tx *bolt.Tx) error {
		return editEvent(tx, got[0].Seq, func(m map[string]any) {
			m["words"].(map[string]any)["format"] = "refund of %s paid in %s"
		}, false)
	})
	if _, err := CheckFile(forged, CheckOptions{}); err == nil {
		t.Error("an event's words edited, and the check passed")
	}
}

// TestEventWordsRoundTrip: words of every kind read back from their JSON
// print as they were written.
func TestEventWordsRoundTrip(t *testing.T) {
	w := Joined("; ", Said("waiting for: %s", []flow.Document{flow.DocWarrantyCard}),
		SaidN("imported %d sales from %s", 3, 3, "sales.csv"),
		Said("%s %q -> %q", Said("language"), "uk", "en"),
		Said("added %s as %s", "Olena", flow.RoleLead),
		Said("day %s closed: %d cases, %d refunds paid, %d owed, %d escalated, %d flagged, %d signed off; chain head %s",
			flow.DateOf(t0), 1, 2, 3, 4, 5, 6, Anchor{Seq: 7, Hash: "ab"}))
	raw, err := json.Marshal(w)
	must(t, err)
	var back *EventWords
	must(t, json.Unmarshal(raw, &back))
	uk := lang.For(lang.UK)
	if back.English() != w.English() || back.In(uk) != w.In(uk) {
		t.Errorf("read back: %q / %q, written %q / %q", back.English(), back.In(uk), w.English(), w.In(uk))
	}
	if want := "waiting for: warranty card; imported 3 sales from sales.csv; language \"uk\" -> \"en\"; " +
		"added Olena as lead; day 2024-03-15 closed: 1 cases, 2 refunds paid, 3 owed, 4 escalated, 5 flagged, " +
		"6 signed off; chain head 7:ab"; w.English() != want {
		t.Errorf("in English %q, want %q", w.English(), want)
	}
	if got := w.In(uk); !strings.Contains(got, "чекає на документи: гарантійний талон; імпортовано 3 продажі з sales.csv") ||
		!strings.Contains(got, "голова ланцюга 7:ab") {
		t.Errorf("in Ukrainian %q", got)
	}

	// a sale's correction: its changes each in the language
	k := Said("the imported sale corrected by shift lead %s (%s): %s", "Petro", "чек передруковано",
		SaleChanges{"price 41999.00 UAH -> 45999.00 UAH", "tender cash -> card"})
	if want := "the imported sale corrected by shift lead Petro (чек передруковано): " +
		"price 41999.00 UAH -> 45999.00 UAH; tender cash -> card"; k.English() != want {
		t.Errorf("a correction in English %q, want %q", k.English(), want)
	}
	if got := k.In(uk); !strings.Contains(got, "Petro (чек передруковано)") || !strings.Contains(got, "45\u00a0999,00\u00a0грн") ||
		strings.Contains(got, "price") || strings.Contains(got, "cash") {
		t.Errorf("a correction in Ukrainian %q", got)
	}
}

// TestLoginWords: a login's wrong PINs and the lockout, in Ukrainian, the
// moment of the lock as a day and a time; the English as it was.
func TestLoginWords(t *testing.T) {
	s, _ := deskStore(t)
	for range flow.MaxWrongPINs {
		_, _ = s.Login("olena", "0000", t0)
	}
	evs, err := s.Events(0, 1000)
	must(t, err)
	var logins []Event
	for _, ev := range evs {
		if ev.Kind == EventLogin {
			logins = append(logins, ev)
		}
	}
	if len(logins) != flow.MaxWrongPINs {
		t.Fatalf("%d login events", len(logins))
	}
	uk := lang.For(lang.UK)
	first, last := logins[0], logins[len(logins)-1]
	if first.Detail != "wrong PIN (1 of 5)" || first.DetailIn(uk) != "неправильний PIN-код (1 з 5)" {
		t.Errorf("the first wrong PIN: %q, %q", first.Detail, first.DetailIn(uk))
	}
	if last.Detail != "wrong PIN 5 times: locked until 2024-03-15T14:35:00+02:00" ||
		last.DetailIn(uk) != "неправильних PIN-кодів: 5; заблоковано до 15.03.2024 14:35" {
		t.Errorf("the lockout: %q, %q", last.Detail, last.DetailIn(uk))
	}
}
