package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// TestErrorsInUkrainian: the store's refusals print in Ukrainian, a role,
// a day and a nested flow message among them in Ukrainian words, while
// flow.Message stays the English the code writes.
func TestErrorsInUkrainian(t *testing.T) {
	s, _ := deskStore(t)
	day := flow.Date{Year: 2026, Month: 11, Day: 21}
	tests := []struct {
		name   string
		err    func() error
		en, uk string
	}{
		{"a sentinel", func() error { _, err := s.Login("nobody", "0000", time.Now()); return err },
			"wrong name or PIN", "неправильне ім'я або PIN-код"},
		{"a role", func() error { return s.view(func(tx *bolt.Tx) error { return leadTx(tx, "olena") }) },
			"olena is a cashier: only a shift lead may do this", "olena — касир: це може зробити лише старший зміни"},
		{"a day and a moment", func() error {
			now := time.Date(2026, 11, 22, 10, 0, 0, 0, s.Location())
			if _, err := s.CloseDay(day, "Maria", now); err != nil {
				return err
			}
			_, err := s.CloseDay(day, "Maria", now)
			return err
		},
			"2026-11-21 was closed by Maria at 2026-11-22 10:00", "день 21.11.2026 уже закрито (Maria, 22.11.2026 10:00)"},
		{"a nested message", func() error {
			return s.SaveSettings(Settings{StoreName: "x", TimeZone: "Europe/Kyiv",
				PolicyName: "generic", IdleMinutes: 100000}, "Maria")
		},
			"idle minutes: 100000 is not a number of minutes from 1 to 480",
			"хвилини бездіяльності: 100000 — не кількість хвилин від 1 до 480"},
		{"a failure with its detail", func() error { return failed("cannot write the backup", errors.New("disk full")) },
			"cannot write the backup", "не вдається записати резервну копію"},
	}
	uk := lang.For(lang.UK)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if got := flow.Message(err); got != tt.en {
				t.Errorf("Message:\n got %q\nwant %q", got, tt.en)
			}
			if got := flow.MessageIn(uk, err); got != tt.uk {
				t.Errorf("in Ukrainian:\n got %q\nwant %q", got, tt.uk)
			}
		})
	}
}

// TestSalesErrorInUkrainian: a bad row of a sales file names its line and
// column and says what is wrong in Ukrainian, a flow check's error too (a
// date as Ukrainian writes it); its English stays as it was.
func TestSalesErrorInUkrainian(t *testing.T) {
	today := flow.Date{Year: 2026, Month: 11, Day: 21}
	tests := []struct{ csv, en, uk string }{
		{"receipt,date,model,price\nR-1,2026-11-30,Phone X,100.00\n",
			"line 2: date: the sale date 2026-11-30 is after today (2026-11-21)",
			"рядок 2: date: дата продажу 30.11.2026 пізніше за сьогодні (21.11.2026)"},
		{"receipt,date,model,price,warranty_contract\nR-1,2026-11-20,Phone X,100.00,maybe\n",
			`line 2: warranty_contract: "maybe" is not yes or no`,
			`рядок 2: warranty_contract: "maybe" — не «так» і не «ні»: пишіть 1 або 0`},
		{"receipt,date,model\n", "line 1: price: the header lacks this column",
			"рядок 1: price: у заголовку немає цього стовпця"},
	}
	uk := lang.For(lang.UK)
	for _, tt := range tests {
		_, err := ParseSalesCSV(strings.NewReader(tt.csv), today)
		var se *SalesError
		if !errors.As(err, &se) {
			t.Fatalf("%q: %v, not a SalesError", tt.csv, err)
		}
		if got := se.Error(); got != tt.en {
			t.Errorf("Error:\n got %q\nwant %q", got, tt.en)
		}
		if got := se.In(uk); got != tt.uk {
			t.Errorf("in Ukrainian:\n got %q\nwant %q", got, tt.uk)
		}
	}
}
