package store

import (
	"errors"
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
