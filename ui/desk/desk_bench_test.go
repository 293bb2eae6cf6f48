package desk

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/crypto/bcrypt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The desk's benchmarks: opening a day to the first drawn table, and a key
// on the day's table. The large store is the store package's (1,000 cases a
// day); build it once and keep it with
//
//	go test ./store -run '^$' -bench 'BenchmarkDay$' -large -large-dir DIR -benchtime 1x
//
// then open its middle day here with
//
//	go test ./ui/desk -run '^$' -bench Desk -desk-store DIR
var (
	deskStore = flag.String("desk-store", "", "a data folder (or store file) for BenchmarkDeskOpenDay: the store benchmarks' -large-dir")
	deskDayF  = flag.String("desk-day", "2023-05-18", "the day BenchmarkDeskOpenDay opens in -desk-store (the large store's middle day)")
)

// BenchmarkDeskOpenDay is a shift lead opening a day: the key that opens the
// desk, the day read from the day index (and its close), the table built
// and drawn whole. With -desk-store it is a day of the large
// store; without, a day of 1,000 cases in a store of that day alone.
func BenchmarkDeskOpenDay(b *testing.B) {
	var st *store.Store
	var day flow.Date
	name := "1000_cases_small_store"
	if *deskStore != "" {
		path := *deskStore
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			path = filepath.Join(path, store.FileName)
		}
		var err error
		if st, err = store.Open(path, store.Options{ReadOnly: true}); err != nil {
			b.Fatal(err)
		}
		if day, err = flow.ParseDate(*deskDayF); err != nil {
			b.Fatal(err)
		}
		name = "1000_cases_of_large_store"
	} else {
		st, day = dayStore(b, 1000)
	}
	defer st.Close()
	now := day.Time().Add(12 * time.Hour)
	// the day is not read before the first run: with -benchtime 1x after the
	// page cache is dropped, the run is a cold one
	b.Run(name, func(b *testing.B) {
		rows := 0
		for b.Loop() {
			m := New(benchDeps(st, now), 80, 21)
			m, _ = m.Update(m.Init()())
			if m.View() == "" || !m.table.loaded || m.table.errMsg != "" {
				b.Fatalf("no table drawn: %s", m.table.errMsg)
			}
			rows = len(m.table.rows)
		}
		if rows == 0 {
			b.Fatalf("no cases on %s", day)
		}
		b.ReportMetric(float64(rows), "cases")
	})
}

// dayStore is a store with n cases filed on one day.
func dayStore(tb testing.TB, n int) (*store.Store, flow.Date) {
	st, err := store.Open(filepath.Join(tb.TempDir(), store.FileName), store.Options{PINCost: bcrypt.MinCost, NoSync: true})
	if err != nil {
		tb.Fatal(err)
	}
	must := func(tb testing.TB, err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(tb, st.SaveSettings(store.Settings{StoreName: "Bench", PolicyName: "citrus", TimeZone: "UTC"}, "setup"))
	day := flow.Date{Year: 2026, Month: time.November, Day: 20}
	for i := range n {
		at := day.Time().Add(9*time.Hour + time.Duration(i)*30*time.Second)
		c := &flow.Case{ID: st.NewCaseID(at), Policy: "citrus", Opened: at, OpenedBy: fmt.Sprintf("cashier-%02d", i%12),
			Status: flow.StatusOpen, Step: flow.StepRequest, Done: flow.StepSet(0).With(flow.StepSale),
			Sale: flow.Sale{Date: day.AddDays(-3), Receipt: fmt.Sprintf("R-%06d", i), Model: "Phone X",
				Serial: fmt.Sprintf("35%013d", i), Price: flow.Money{Minor: 1999900, Currency: "UAH"}}}
		must(tb, st.SaveCase(c, store.Event{Staff: c.OpenedBy, Time: at}))
	}
	return st, day
}

// syntheticDay is n summaries of a day: every outcome, status, a dozen
// cashiers, some flagged, as the day index would list them.
func syntheticDay(day flow.Date, n int) []store.Summary {
	out := make([]store.Summary, n)
	flags := []store.Flags{0, 0, 0, store.FlagRefundPaid, store.FlagOverride, store.FlagRepeat | store.FlagCashRefund,
		store.FlagSignedOff, store.FlagNoReceipt}
	for i := range out {
		out[i] = store.Summary{ID: store.NewCaseID(day.Time().Add(time.Duration(i) * time.Second)),
			Time: day.Time().Add(9*time.Hour + time.Duration(i)*3*time.Second), Day: day,
			Staff: fmt.Sprintf("cashier-%02d", i%12), Model: fmt.Sprintf("Phone %d", i%40),
			Receipt: fmt.Sprintf("R-%07d", i), Serial: fmt.Sprintf("35%013d", i*7919),
			Outcome: flow.Outcomes[i%len(flow.Outcomes)], Amount: flow.Money{Minor: int64(100000 + i*37), Currency: "UAH"},
			Tender: flow.Tenders[i%len(flow.Tenders)], Status: flow.Statuses[i%len(flow.Statuses)],
			Flags: flags[i%len(flags)], Due: day.AddDays(i%9 - 3)}
	}
	return out
}

// BenchmarkDeskKeypress is one key on the day's table: the desk's Update
// and its whole View, as bubbletea runs them per key. Scrolling
// moves the cursor down and back; filtering cycles the outcome filter
// (every row is tested again); searching types a character and takes it
// back; the flag filter shows every flagged row.
// go test ./ui/desk -run '^$' -bench DeskKeypress -benchmem
func BenchmarkDeskKeypress(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, k := range []struct {
			name string
			keys []tea.Msg
		}{
			{"scroll", []tea.Msg{tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}}},
			{"page", []tea.Msg{tea.KeyMsg{Type: tea.KeyPgDown}, tea.KeyMsg{Type: tea.KeyPgUp}}},
			{"outcome_filter", []tea.Msg{typed("o")}},
			{"flag_filter", []tea.Msg{typed("f")}},
			{"search_typing", []tea.Msg{typed("7"), tea.KeyMsg{Type: tea.KeyBackspace}}},
		} {
			b.Run(fmt.Sprintf("%d_rows/%s", n, k.name), func(b *testing.B) {
				m := New(benchDeps(nil, benchDay.Time().Add(12*time.Hour)), 80, 21)
				m, _ = m.Update(Msg{dayMsg{day: benchDay, rows: syntheticDay(benchDay, n)}})
				if k.name == "search_typing" {
					m, _ = m.Update(typed("/"))
					m, _ = m.Update(typed("R-00"))
				}
				i := 0
				for b.Loop() {
					m, _ = m.Update(k.keys[i%len(k.keys)])
					_ = m.View()
					i++
				}
			})
		}
	}
}

// benchDay is the benchmarks' day, a Friday.
var benchDay = flow.Date{Year: 2026, Month: time.November, Day: 20}

// benchDeps is the desk of Olena, a shift lead, on st at now, in UTC.
func benchDeps(st *store.Store, now time.Time) Deps {
	styles, keys := look.DefaultStyles(), look.DefaultKeys()
	return Deps{Store: st, Now: func() time.Time { return now }, Loc: time.UTC, Lead: "Olena", Styles: &styles, Keys: &keys}
}

func typed(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
