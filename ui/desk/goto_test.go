package desk

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
)

// TestGoToTypedDay: the day to go to is typed as at the till, 21.11.2026
// or 2026-11-21; a day that does not exist says which part is wrong.
func TestGoToTypedDay(t *testing.T) {
	for _, tc := range []struct {
		name, typed string
		want        flow.Date
		says        string
	}{
		{"ukrainian", "21.11.2026", flow.Date{Year: 2026, Month: time.November, Day: 21}, ""},
		{"one_digit_day_and_month", "1.2.2026", flow.Date{Year: 2026, Month: time.February, Day: 1}, ""},
		{"iso", "2026-11-19", flow.Date{Year: 2026, Month: time.November, Day: 19}, ""},
		{"no_such_day", "30.02.2026", flow.Date{}, "February 2026 has 28 days"},
		{"not_a_date", "21/11/2026", flow.Date{}, "not a date written as 21.11.2026"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := New(benchDeps(nil, benchDay.Time()), 80, 21)
			m, _ = m.Update(Msg{dayMsg{day: benchDay}})
			m, _ = m.Update(typed("g"))
			for _, r := range tc.typed {
				m, _ = m.Update(typed(string(r)))
			}
			m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
			if tc.says != "" {
				if cmd != nil {
					if msg, ok := cmd().(Msg); ok {
						if _, ok := msg.msg.(showDayMsg); ok {
							t.Fatalf("%q went to a day", tc.typed)
						}
					}
				}
				if v := m.View(); !strings.Contains(v, tc.says) {
					t.Errorf("%q: the screen does not say %q:\n%s", tc.typed, tc.says, v)
				}
				return
			}
			if cmd == nil {
				t.Fatalf("%q: nothing sent", tc.typed)
			}
			msg, ok := cmd().(Msg)
			if !ok {
				t.Fatalf("%q sent %T", tc.typed, cmd())
			}
			if got, ok := msg.msg.(showDayMsg); !ok || got.day != tc.want {
				t.Errorf("%q sent %#v, want the day %s", tc.typed, msg.msg, tc.want)
			}
		})
	}
}
