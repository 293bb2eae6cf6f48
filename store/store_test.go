package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
)

// kyiv is the test stores' time zone.
var kyiv = mustZone("Europe/Kyiv")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// testOptions are fast options for tests: a cheap PIN hash.
func testOptions() Options {
	return Options{PINCost: bcrypt.MinCost, Terminal: "till-1"}
}

// openTest opens a new store in t.TempDir() with its settings saved. On
// cleanup it closes the store and checks the file: bbolt's consistency
// check, the schema, the chain and the indexes.
func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "returnsdesk.db")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	closeAndCheck(t, s)
	if err := s.SaveSettings(Settings{StoreName: "Test store", PolicyName: "generic", TimeZone: "Europe/Kyiv"},
		"setup"); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// closeAndCheck closes s and checks its file when the test ends.
func closeAndCheck(t testing.TB, s *Store) {
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		if _, err := CheckFile(s.Path(), CheckOptions{}); err != nil {
			t.Errorf("check on cleanup: %v", err)
		}
	})
}

// t0 is the tests' clock: a Friday afternoon in Kyiv.
var t0 = time.Date(2024, 3, 15, 14, 30, 0, 0, kyiv)

// newCase is a case opened at now by staff, with the sale step filled in.
func newCase(now time.Time, staff, receipt, serial string) *flow.Case {
	return &flow.Case{
		ID: NewCaseID(now), Policy: "generic", Opened: now, OpenedBy: staff, Status: flow.StatusOpen,
		Step: flow.StepRequest, Done: flow.StepSet(0).With(flow.StepSale),
		Sale: flow.Sale{Date: flow.DateOf(now).AddDays(-5), Receipt: receipt, Line: 1, Model: "Phone X 128GB",
			Serial: serial, Price: flow.Money{Minor: 1999900, Currency: "UAH"}, Tender: flow.TenderCash,
			Condition: flow.ConditionNew, Market: flow.MarketEU, WarrantyMonths: 12},
		TillHasCash: true,
	}
}

// walkToDecision completes the steps of c up to the decision, with a
// passport, and decides it with the generic policy.
func walkToDecision(t testing.TB, s *Store, c *flow.Case, now time.Time, passport string) {
	t.Helper()
	c.Request = flow.Request{Claim: flow.ClaimReturn, Wants: flow.WantRefund}
	must(t, c.Complete(flow.StepRequest))
	must(t, s.SaveCase(c, Event{Staff: c.OpenedBy, Step: "request", Time: now}))
	c.Documents = []flow.Document{flow.DocReceipt, flow.DocPassport}
	c.Passport = s.MaskPassport("id_card", passport, "Ivan Petrenko")
	must(t, c.Complete(flow.StepDocuments))
	must(t, s.SaveCase(c, Event{Staff: c.OpenedBy, Step: "documents", Time: now}))
	c.Inspection = flow.Inspection{CallSeconds: 60, CompleteSet: true, PackagingIntact: true, LabelsIntact: true,
		SealsIntact: true, SerialMatches: true}
	must(t, c.Complete(flow.StepInspection))
	must(t, s.SaveCase(c, Event{Staff: c.OpenedBy, Step: "inspection", Time: now}))
	p, err := flow.Builtin("generic")
	must(t, err)
	d, err := flow.Decide(c, p, now)
	must(t, err)
	c.Decision = &d
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpen_createsStoreAndKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data", "returnsdesk.db")
	s, err := Open(path, testOptions())
	must(t, err)
	closeAndCheck(t, s)
	info, err := os.Stat(filepath.Join(dir, "data", "passport.key"))
	must(t, err)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("the key file's mode is %v, want 0600", info.Mode().Perm())
	}
	if ok, err := s.Initialized(); err != nil || ok {
		t.Errorf("a new store is initialized: %v %v", ok, err)
	}
	if _, err := s.Settings(); !errors.Is(err, ErrNotFound) {
		t.Errorf("settings of a new store: %v, want ErrNotFound", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "data"))
	if len(entries) != 3 {
		t.Errorf("the data folder holds %d files, want the store and its two keys: %v", len(entries), entries)
	}
	info, err = os.Stat(filepath.Join(dir, "data", "audit.key"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the audit key file: %v, %v", info, err)
	}
}

func TestOpen_keyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "returnsdesk.db")
	s, err := Open(path, testOptions())
	must(t, err)
	p1 := s.MaskPassport("id_card", "AB123456", "")
	must(t, s.Close())

	t.Run("same_key_same_hash", func(t *testing.T) {
		s, err := Open(path, testOptions())
		must(t, err)
		defer s.Close()
		if p2 := s.MaskPassport("id_card", "ab 1234-56", ""); p2.Key != p1.Key || p2.Last4 != "3456" {
			t.Errorf("the same passport masks differently: %+v vs %+v", p2, p1)
		}
	})
	t.Run("missing_key_refuses", func(t *testing.T) {
		must(t, os.Rename(filepath.Join(dir, "passport.key"), filepath.Join(dir, "kept-apart.key")))
		defer os.Rename(filepath.Join(dir, "kept-apart.key"), filepath.Join(dir, "passport.key"))
		_, err := Open(path, testOptions())
		if !errors.Is(err, ErrKeyMissing) {
			t.Fatalf("open without the key: %v, want ErrKeyMissing", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "passport.key")); !errors.Is(err, os.ErrNotExist) {
			t.Error("a refused open made a new key file")
		}
	})
	t.Run("other_key_refuses", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "other.key")
		_, err := loadOrCreateKey(other, true)
		must(t, err)
		opts := testOptions()
		opts.KeyFile = other
		if _, err := Open(path, opts); !errors.Is(err, ErrKeyMismatch) {
			t.Fatalf("open with another store's key: %v, want ErrKeyMismatch", err)
		}
	})
	t.Run("read_only_needs_no_key", func(t *testing.T) {
		opts := testOptions()
		opts.ReadOnly, opts.KeyFile = true, filepath.Join(t.TempDir(), "none.key")
		s, err := Open(path, opts)
		must(t, err)
		defer s.Close()
		if p := s.MaskPassport("id_card", "AB123456", ""); p.Key != "" {
			t.Error("a store without its key hashed a passport")
		}
	})
	t.Run("replace_lost_key", func(t *testing.T) {
		must(t, os.Rename(filepath.Join(dir, "passport.key"), filepath.Join(dir, "lost.key")))
		opts := testOptions()
		opts.ReplaceLostKey = true
		s, err := Open(path, opts)
		must(t, err)
		closeAndCheck(t, s)
		if p := s.MaskPassport("id_card", "AB123456", ""); p.Key == p1.Key || p.Key == "" {
			t.Error("the new key hashes as the old one")
		}
		evs, err := s.Events(0, 100)
		must(t, err)
		if last := evs[len(evs)-1]; !strings.Contains(last.Detail, "passport key replaced") {
			t.Errorf("the replacement is not in the trail: %+v", last)
		}
	})
}

func TestSaveCase_stepsIndexesAndTrail(t *testing.T) {
	s, _ := openTest(t)
	c := newCase(t0, "olena", "R-1001", "356938035643809")
	must(t, s.SaveCase(c, Event{Staff: "olena", Step: "sale", Time: t0}))
	walkToDecision(t, s, c, t0, "AB123456")

	day := flow.Date{Year: 2024, Month: 3, Day: 15}
	sums, err := s.Day(day)
	must(t, err)
	if len(sums) != 1 || sums[0].ID != c.ID || sums[0].Model != "Phone X 128GB" || sums[0].Staff != "olena" ||
		sums[0].Amount.Minor != 1999900 || sums[0].Status != flow.StatusOpen || sums[0].Step != flow.StepDecision {
		t.Fatalf("day summaries: %+v", sums)
	}
	if !sums[0].Time.Equal(t0) || sums[0].Time.Location() != s.Location() {
		t.Errorf("summary time %v, want %v in the store's zone", sums[0].Time, t0)
	}
	for name, list := range map[string]func() ([]Summary, error){
		"receipt":        func() ([]Summary, error) { return s.ByReceipt(" r-1001 ") },
		"serial":         func() ([]Summary, error) { return s.BySerial("35693 8035 643809") },
		"staff":          func() ([]Summary, error) { return s.ByStaff("olena", day) },
		"status":         func() ([]Summary, error) { return s.ByStatus(flow.StatusOpen) },
		"passport":       func() ([]Summary, error) { return s.RepeatReturns(c.Passport.Key, day) },
		"passport_since": func() ([]Summary, error) { return s.RepeatReturns(c.Passport.Key, day.AddDays(-30)) },
	} {
		got, err := list()
		if err != nil || len(got) != 1 || got[0].ID != c.ID {
			t.Errorf("by %s: %v %+v", name, err, got)
		}
	}
	if got, _ := s.RepeatReturns(c.Passport.Key, day.AddDays(1)); len(got) != 0 {
		t.Errorf("repeat returns since tomorrow: %+v", got)
	}

	// a corrected receipt number moves the index entry
	c.Sale.Receipt = "R-1002"
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventStep, Step: "sale", Detail: "receipt corrected"}))
	if got, _ := s.ByReceipt("R-1001"); len(got) != 0 {
		t.Errorf("the old receipt still finds the case: %+v", got)
	}
	if got, _ := s.ByReceipt("R-1002"); len(got) != 1 {
		t.Errorf("the new receipt does not find the case: %+v", got)
	}

	// the decision moves it out of the open list and into the owed list
	c.TillHasCash = false
	c.Decision.RefundBy = day.AddDays(7)
	must(t, c.Complete(flow.StepDecision))
	must(t, c.Move(flow.StatusDecided))
	must(t, c.Move(flow.StatusRefundOwed))
	must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision}))
	if got, _ := s.ByStatus(flow.StatusOpen); len(got) != 0 {
		t.Errorf("a decided case is still open: %+v", got)
	}
	owed, _ := s.ByStatus(flow.StatusRefundOwed)
	if len(owed) != 1 || owed[0].Due != day.AddDays(7) || !owed[0].Overdue(day.AddDays(8)) || owed[0].Overdue(day.AddDays(7)) {
		t.Errorf("refunds owed: %+v", owed)
	}

	got, err := s.Case(c.ID)
	must(t, err)
	if got.Passport.Key != c.Passport.Key || got.Sale.Receipt != "R-1002" || got.Decision == nil {
		t.Errorf("the case read back differs: %+v", got)
	}
	trail, err := s.Trail(c.ID)
	must(t, err)
	var kinds []string
	for _, ev := range trail {
		kinds = append(kinds, string(ev.Kind)+":"+ev.Step)
		if ev.CaseID != c.ID || ev.Terminal != "till-1" || ev.Hash == "" || ev.RecordHash == "" {
			t.Errorf("event %+v", ev)
		}
	}
	want := "step:sale step:request step:documents step:inspection step:sale decision:"
	if strings.Join(kinds, " ") != want {
		t.Errorf("trail kinds %q, want %q", strings.Join(kinds, " "), want)
	}
	if last := trail[len(trail)-1]; last.Outcome != "refund" || len(last.Clauses) == 0 || last.Status != flow.StatusRefundOwed {
		t.Errorf("the decision event lacks the decision: %+v", last)
	}
	if _, err := s.Case(NewCaseID(t0)); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing case: %v", err)
	}
	if _, err := s.Case("not-an-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a malformed id: %v", err)
	}
}

func TestSaveCase_dayIsStoreTimeZone(t *testing.T) {
	s, _ := openTest(t)
	// 23:30 UTC on the 14th is 01:30 on the 15th in Kyiv
	opened := time.Date(2024, 3, 14, 23, 30, 0, 0, time.UTC)
	c := newCase(opened, "olena", "R-1", "")
	must(t, s.SaveCase(c, Event{Staff: "olena"}))
	if got, _ := s.Day(flow.Date{Year: 2024, Month: 3, Day: 15}); len(got) != 1 {
		t.Errorf("the case is not filed under the Kyiv day: %+v", got)
	}
	// a later change of zone leaves it where it was filed
	must(t, s.SaveSettings(Settings{StoreName: "Test store", PolicyName: "generic", TimeZone: "UTC"}, "lead"))
	must(t, s.SaveCase(c, Event{Staff: "olena"}))
	if got, _ := s.Day(flow.Date{Year: 2024, Month: 3, Day: 15}); len(got) != 1 {
		t.Errorf("the case moved days: %+v", got)
	}
}

func TestSaveCase_statusRules(t *testing.T) {
	s, _ := openTest(t)
	t.Run("closed_case_is_not_changed", func(t *testing.T) {
		c := newCase(t0, "olena", "R-2001", "")
		walkToDecision(t, s, c, t0, "CC000001")
		c.Request.Wants = flow.WantExchange
		d := *c.Decision
		d.Outcome, d.RefundBy = flow.OutcomeExchange, flow.Date{}
		c.Decision = &d
		must(t, c.Complete(flow.StepDecision))
		must(t, c.Move(flow.StatusDecided))
		must(t, c.Move(flow.StatusExchanged))
		must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision}))
		must(t, c.Move(flow.StatusClosed))
		must(t, s.SaveCase(c, Event{Staff: "olena", Kind: "closed"}))
		c.Sale.Model = "edited"
		if err := s.SaveCase(c, Event{Staff: "olena"}); !errors.Is(err, ErrCaseClosed) {
			t.Errorf("editing a closed case: %v, want ErrCaseClosed", err)
		}
		if _, err := s.Record(Event{Staff: "lead", CaseID: c.ID, Detail: "model was Phone Y"}); err != nil {
			t.Errorf("a note on a closed case: %v", err)
		}
	})
	t.Run("no_move_back", func(t *testing.T) {
		c := newCase(t0, "olena", "R-2002", "")
		walkToDecision(t, s, c, t0, "CC000002")
		c.Status = flow.StatusRefundOwed
		must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision}))
		c.Status = flow.StatusOpen
		if err := s.SaveCase(c, Event{Staff: "olena"}); err == nil {
			t.Error("a refund owed went back to open: it would be forgotten")
		}
		c.Status = flow.StatusClosed
		if err := s.SaveCase(c, Event{Staff: "olena"}); err == nil {
			t.Error("a refund owed was closed without being paid")
		}
	})
}

func TestRefunds(t *testing.T) {
	s, _ := openTest(t)
	decided := func(receipt string, line int, passport string) *flow.Case {
		c := newCase(t0, "olena", receipt, "")
		c.Sale.Line = line
		walkToDecision(t, s, c, t0, passport)
		must(t, c.Complete(flow.StepDecision))
		must(t, c.Move(flow.StatusDecided))
		must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision}))
		return c
	}
	uah := func(minor int64) flow.Money { return flow.Money{Minor: minor, Currency: "UAH"} }

	t.Run("more_than_paid", func(t *testing.T) {
		c := decided("R-3001", 1, "DD000001")
		_, err := s.RecordRefund(c.ID, uah(1999901), flow.TenderCash, "olena", t0)
		if !errors.Is(err, ErrRefundTooLarge) {
			t.Errorf("refund above the price: %v", err)
		}
		if _, err := s.RecordRefund(c.ID, flow.Money{Minor: 100, Currency: "USD"}, flow.TenderCash, "olena", t0); err == nil {
			t.Error("a refund in another currency was taken")
		}
		must(t, errOf(s.RecordRefund(c.ID, uah(1999900), flow.TenderCash, "olena", t0)))
		sums, _ := s.ByReceipt("R-3001")
		if len(sums) != 1 || sums[0].Status != flow.StatusRefunded || !sums[0].Flags.Has(FlagRefundPaid) ||
			sums[0].Amount != uah(1999900) {
			t.Errorf("the refunded case's summary: %+v", sums)
		}
	})
	t.Run("same_line_twice", func(t *testing.T) {
		a := decided("R-3002", 2, "DD000002")
		b := decided("r-3002", 2, "DD000003") // the same line typed again in another case
		other := decided("R-3002", 3, "DD000004")
		must(t, errOf(s.RecordRefund(a.ID, uah(500000), flow.TenderCard, "olena", t0)))
		if _, err := s.RecordRefund(b.ID, uah(100), flow.TenderCash, "olena", t0); !errors.Is(err, ErrAlreadyRefunded) {
			t.Errorf("a second refund of the line: %v, want ErrAlreadyRefunded", err)
		}
		must(t, errOf(s.RecordRefund(a.ID, uah(1499900), flow.TenderCash, "olena", t0))) // the rest
		if _, err := s.RecordRefund(a.ID, uah(100), flow.TenderCash, "olena", t0); !errors.Is(err, ErrAlreadyRefunded) {
			t.Errorf("a payment of a case paid in full: %v, want ErrAlreadyRefunded", err)
		}
		must(t, errOf(s.RecordRefund(other.ID, uah(1999900), flow.TenderCash, "olena", t0)))
	})
	t.Run("two_terminals_at_once", func(t *testing.T) {
		var cases []*flow.Case
		for i := range 8 {
			cases = append(cases, decided("R-3003", 1, fmt.Sprintf("EE00000%d", i)))
		}
		errs := make(chan error, len(cases))
		for _, c := range cases {
			go func() { errs <- errOf(s.RecordRefund(c.ID, uah(1999900), flow.TenderCash, "olena", t0)) }()
		}
		paid := 0
		for range cases {
			if err := <-errs; err == nil {
				paid++
			} else if !errors.Is(err, ErrAlreadyRefunded) {
				t.Error(err)
			}
		}
		if paid != 1 {
			t.Errorf("the same receipt line was refunded %d times", paid)
		}
	})
	t.Run("saved_as_refunded_pays_the_price", func(t *testing.T) {
		c := decided("R-3004", 1, "DD000005")
		must(t, c.Move(flow.StatusRefunded))
		must(t, s.SaveCase(c, Event{Staff: "olena", Kind: EventDecision}))
		trail, _ := s.Trail(c.ID)
		last := trail[len(trail)-1]
		if last.Kind != EventRefundPaid || !strings.Contains(last.Detail, "19999.00 UAH") {
			t.Errorf("the refund is not in the trail: %+v", last)
		}
		twin := decided("R-3004", 1, "DD000006")
		must(t, twin.Move(flow.StatusRefunded))
		if err := s.SaveCase(twin, Event{Staff: "olena"}); !errors.Is(err, ErrAlreadyRefunded) {
			t.Errorf("a second case saved as refunded for the same line: %v", err)
		}
	})
	t.Run("owed_then_paid_late", func(t *testing.T) {
		c := decided("R-3005", 1, "DD000007")
		c.Decision.RefundBy = flow.DateOf(t0).AddDays(7)
		must(t, c.Move(flow.StatusRefundOwed))
		must(t, s.SaveCase(c, Event{Staff: "olena"}))
		must(t, errOf(s.RecordRefund(c.ID, uah(1999900), flow.TenderCash, "lead", t0.AddDate(0, 0, 9))))
		sums, _ := s.ByReceipt("R-3005")
		if len(sums) != 1 || !sums[0].Flags.Has(FlagPaidLate) {
			t.Errorf("a late refund is not flagged: %+v", sums)
		}
		if owed, _ := s.ByStatus(flow.StatusRefundOwed); len(owed) != 0 {
			t.Errorf("a paid refund is still owed: %+v", owed)
		}
	})
}

// TestRepeatReturnsFlag: generic flags a passport on more than 3 cases in
// 30 days. The fourth case within the 30 days is flagged, the third is not,
// and a case 30 days before the fourth's does not count.
func TestRepeatReturnsFlag(t *testing.T) {
	s, _ := openTest(t)
	var sums []Summary
	for i, at := range []time.Time{t0.AddDate(0, 0, -30), t0.AddDate(0, 0, -29), t0.AddDate(0, 0, -10), t0, t0.Add(time.Hour)} {
		c := newCase(at, "olena", fmt.Sprintf("R-40%02d", i), "")
		must(t, s.SaveCase(c, Event{Staff: "olena", Time: at}))
		walkToDecision(t, s, c, at, "ff 123456")
		got, err := s.ByReceipt(c.Sale.Receipt)
		must(t, err)
		sums = append(sums, got...)
	}
	// in the 30 days up to t0: -29, -10 and t0 itself make 3; t0+1h makes 4
	for i, want := range []bool{false, false, false, false, true} {
		if got := sums[i].Flags.Has(FlagRepeat); got != want {
			t.Errorf("case %d (%s): repeat %v, want %v", i, sums[i].Day, got, want)
		}
	}
	d, err := s.Detail(sums[4].ID)
	must(t, err)
	if len(d.Findings) == 0 || d.Findings[0].Flag != flow.FlagRepeat ||
		!strings.Contains(d.Findings[0].Explain, "is on 4 cases in 30 days, this one included; the policy flags more than 3") {
		t.Errorf("the flag's words: %+v", d.Findings)
	}
}

func TestSettingsAndStaff(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "returnsdesk.db")
	s, err := Open(path, testOptions())
	must(t, err)
	if err := s.SaveSettings(Settings{StoreName: "Citrus 12", PolicyName: "citrus", TimeZone: "Mars/Olympus"}, "setup"); err == nil {
		t.Error("an unknown time zone was saved")
	}
	text, err := flow.BuiltinFile("citrus")
	must(t, err)
	must(t, s.SaveSettings(Settings{StoreName: "Citrus 12", PolicyText: string(text), TimeZone: "Europe/Kyiv",
		IdleMinutes: 10}, "setup"))
	if ok, _ := s.Initialized(); ok {
		t.Error("initialized without a shift lead")
	}
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("olena", flow.RoleCashier, "5678", "Maria"))
	if err := s.AddStaff("olena", flow.RoleCashier, "5678", "Maria"); err == nil {
		t.Error("the same name was added twice")
	}
	if err := s.AddStaff("petro", flow.RoleCashier, "12a4", "Maria"); err == nil {
		t.Error("a PIN with a letter was taken")
	}
	if ok, _ := s.Initialized(); !ok {
		t.Error("not initialized with settings and a lead")
	}
	set, err := s.Settings()
	must(t, err)
	if set.PolicyName != "citrus" || set.IdleMinutes != 10 || s.Location().String() != "Europe/Kyiv" {
		t.Errorf("settings read back: %+v", set)
	}
	if m, err := s.Login("olena", "5678", t0); err != nil || m.Role != flow.RoleCashier {
		t.Errorf("login: %+v %v", m, err)
	}
	if _, err := s.Login("nobody", "5678", t0); !errors.Is(err, ErrBadLogin) {
		t.Errorf("an unknown name: %v", err)
	}
	for i := 1; i < flow.MaxWrongPINs; i++ {
		if _, err := s.Login("olena", "0000", t0); !errors.Is(err, ErrBadLogin) {
			t.Fatalf("wrong PIN %d: %v", i, err)
		}
	}
	must(t, s.Close())

	// the count survives a restart: the fifth wrong PIN locks the account
	s, err = Open(path, testOptions())
	must(t, err)
	closeAndCheck(t, s)
	_, err = s.Login("olena", "0000", t0)
	var locked *LockedError
	if !errors.As(err, &locked) || !locked.Until.Equal(t0.Add(flow.LockoutFor)) {
		t.Fatalf("the fifth wrong PIN: %v", err)
	}
	if _, err := s.Login("olena", "5678", t0.Add(4*time.Minute)); !errors.As(err, &locked) {
		t.Errorf("the right PIN while locked: %v", err)
	}
	if _, err := s.Login("olena", "5678", t0.Add(5*time.Minute)); err != nil {
		t.Errorf("the right PIN after the lock: %v", err)
	}
	// a right PIN resets the count
	for range flow.MaxWrongPINs - 1 {
		_, _ = s.Login("olena", "0000", t0.Add(6*time.Minute))
	}
	must2(s.Login("olena", "5678", t0.Add(6*time.Minute)))
	if _, err := s.Login("olena", "0000", t0.Add(6*time.Minute)); !errors.Is(err, ErrBadLogin) {
		t.Errorf("the count was not reset by the right PIN: %v", err)
	}
	must(t, s.SetPIN("olena", "2468", "Maria"))
	if _, err := s.Login("olena", "2468", t0.Add(7*time.Minute)); err != nil {
		t.Errorf("login with the new PIN: %v", err)
	}
	staff, err := s.ListStaff()
	must(t, err)
	if len(staff) != 2 || staff[0].Name != "Maria" || staff[1].Name != "olena" {
		t.Errorf("staff: %+v", staff)
	}
	evs, _ := s.Events(0, 1000)
	logins := 0
	for _, ev := range evs {
		if ev.Kind == EventLogin {
			logins++
		}
	}
	if logins < 12 {
		t.Errorf("%d login events recorded", logins)
	}
}

func must2[T any](_ T, err error) {
	if err != nil {
		panic(err)
	}
}

func TestOpen_newerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "returnsdesk.db")
	s, err := Open(path, testOptions())
	must(t, err)
	must(t, s.Close())
	db, err := bolt.Open(path, 0o600, nil)
	must(t, err)
	must(t, db.Update(func(tx *bolt.Tx) error { return putVersion(tx, schemaVersion+1) }))
	must(t, db.Close())
	if _, err := Open(path, testOptions()); !errors.Is(err, ErrNewer) {
		t.Errorf("a newer schema: %v, want ErrNewer", err)
	}
}

func TestBackup(t *testing.T) {
	s, _ := openTest(t)
	for i := range 20 {
		c := newCase(t0.Add(time.Duration(i)*time.Minute), "olena", fmt.Sprintf("R-%d", i), "")
		must(t, s.SaveCase(c, Event{Staff: "olena"}))
	}
	dir := t.TempDir()
	rep, err := s.Backup(dir)
	must(t, err)
	if rep.Cases != 20 || rep.Events != 22 || filepath.Dir(rep.Path) != dir {
		t.Errorf("backup report: %+v", rep)
	}
	b, err := Open(rep.Path, Options{ReadOnly: true})
	must(t, err)
	defer b.Close()
	if sums, _ := b.Day(flow.DateOf(t0)); len(sums) != 20 {
		t.Errorf("the backup lists %d cases", len(sums))
	}
	if _, err := s.Backup(s.Path()); err == nil {
		t.Error("a backup over the store itself was taken")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the backup folder holds %v", entries)
	}
	head, hash, _ := s.Head()
	if head != rep.HeadSeq || hash != rep.HeadHash {
		t.Errorf("the backup's head %d %s is not the store's %d %s", rep.HeadSeq, rep.HeadHash, head, hash)
	}
	if bytes.Contains([]byte(rep.Path), []byte("partial")) {
		t.Error(rep.Path)
	}
}

func TestOpen_migrations(t *testing.T) {
	s, path := openTest(t)
	for i := range 3 {
		c := newCase(t0.Add(time.Duration(i)*time.Minute), "olena", fmt.Sprintf("R-%d", i), "")
		must(t, s.SaveCase(c, Event{Staff: "olena"}))
		must(t, s.SaveCase(c, Event{Staff: "olena", Step: "again"}))
	}
	must(t, s.Close())
	// make it a version 1 store: cases without their events, which the trail
	// bucket lists, and no sales buckets
	unkeyChain(t, path)
	db, err := bolt.Open(path, 0o600, nil)
	must(t, err)
	must(t, db.Update(func(tx *bolt.Tx) error {
		trail, err := tx.CreateBucket(bucketTrail)
		must(t, err)
		cases := tx.Bucket(bucketCases)
		must(t, cases.ForEach(func(k, v []byte) error {
			rec, err := decodeCaseRecord(v)
			must(t, err)
			doc, err := rec.decode(caseID(k))
			must(t, err)
			for _, seq := range doc.Events {
				must(t, trail.Put(trailKey(k, seq), nil))
			}
			doc.Events = nil
			raw, _ := json.Marshal(doc)
			return cases.Put(k, encodeCase(rec.day, raw))
		}))
		must(t, tx.DeleteBucket(bucketSales))
		must(t, tx.DeleteBucket(bucketSaleSerials))
		must(t, tx.DeleteBucket(bucketClosedDays))
		must(t, tx.DeleteBucket(bucketTills))
		// summaries as version 1 wrote them: no serial, the old flags
		days := tx.Bucket(bucketDays)
		old := map[string][]byte{}
		must(t, days.ForEach(func(k, v []byte) error {
			sum, err := decodeSummary(caseID(k[dayLen:]), flow.DateOf(t0), v)
			must(t, err)
			sum.Flags |= FlagNoReceipt // version 1's rule: no receipt presented, refund or not
			b := sum.encode()
			old[string(k)] = append([]byte{1}, b[1:len(b)-1]...) // the serial is empty: one byte of length
			return nil
		}))
		for k, v := range old {
			must(t, days.Put([]byte(k), v))
		}
		return putVersion(tx, 1)
	}))
	must(t, db.Close())
	if _, err := CheckFile(path, CheckOptions{}); err == nil {
		t.Error("a version 1 store passed the check of the current version")
	}
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Error("a read-only open read an old schema")
	}
	s, err = Open(path, testOptions())
	must(t, err)
	defer s.Close()
	var v uint64
	must(t, s.view(func(tx *bolt.Tx) error {
		v, err = readVersion(tx)
		if tx.Bucket(bucketTrail) != nil {
			t.Error("the trail bucket is still there")
		}
		return err
	}))
	if v != schemaVersion || schemaVersion != 10 {
		t.Errorf("version %d after the migrations, want %d", v, schemaVersion)
	}
	sums, _ := s.Day(flow.DateOf(t0))
	for _, sum := range sums {
		if sum.Flags.Has(FlagNoReceipt) {
			t.Errorf("the summary of %s was not written again: %s", sum.ID, sum.Flags)
		}
		trail, err := s.Trail(sum.ID)
		must(t, err)
		if len(trail) != 3 || trail[2].Kind != EventNote {
			t.Errorf("the migrated trail of %s: %+v", sum.ID, trail)
		}
	}
	if _, err := s.Check(CheckOptions{}); err != nil {
		t.Errorf("check after the migrations: %v", err)
	}
}
