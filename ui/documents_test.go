package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

func newTestDocuments(t *testing.T, c *flow.Case) (documentsModel, *flow.Case) {
	t.Helper()
	ctx := testScreen(t, "generic", c)
	return started(t, newDocumentsModel(ctx)), ctx.c
}

// tickPassport is the keys that tick the passport (the fourth document) and
// leave the list.
var tickPassport = []tea.Msg{kDown, kDown, kDown, typed("x"), kEnter}

func TestDocumentsWithoutPassport(t *testing.T) {
	m, c := newTestDocuments(t, &flow.Case{ID: "T-1", Passport: flow.Passport{Type: "id_card", Last4: "6789", Key: "k"}})
	m, sent := drive(t, m, typed("x"), kDown, kDown, kSpace, kEnter)
	requireAnswered(t, c, sent, flow.StepDocuments)
	want := []flow.Document{flow.DocReceipt, flow.DocWarrantyCard}
	if !equalDocs(c.Documents, want) {
		t.Fatalf("documents %v, want %v", c.Documents, want)
	}
	if c.Passport != (flow.Passport{}) {
		t.Fatalf("a passport not presented stays on the case: %+v", c.Passport)
	}
	if v := plain(m.View()); !strings.Contains(v, "Documents recorded: receipt, warranty card") {
		t.Fatalf("view:\n%s", v)
	}
}

func equalDocs(a, b []flow.Document) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDocumentsPassportIsSentThenForgotten(t *testing.T) {
	m, c := newTestDocuments(t, nil)
	m, sent := drive(t, m, join(typed("x"), tickPassport, kEnter, // an ID card
		typed("123 456 789"), kEnter, typed("Ivan Petrenko"), kEnter, kRight, kEnter)...) // the name matches
	yes := true
	requireSent(t, sent, documentsEnteredMsg{docs: []flow.Document{flow.DocReceipt, flow.DocPassport}, passport: true,
		ptype: "id_card", number: "123456789", name: "Ivan Petrenko", nameMatches: &yes})
	sent[0].(answersMsg).apply(c)
	if want := []flow.Document{flow.DocReceipt, flow.DocPassport}; !equalDocs(c.Documents, want) {
		t.Fatalf("documents %v, want %v", c.Documents, want)
	}
	if nm := c.Passport.NameMatches; nm == nil || !*nm {
		t.Fatalf("name matches %v, want yes", nm)
	}
	if m.v.number != "" || m.form != nil {
		t.Fatalf("the screen keeps the number: %q, form %v", m.v.number, m.form != nil)
	}
	v := plain(m.View())
	if strings.Contains(v, "123") || !strings.Contains(v, "id_card ****6789") {
		t.Fatalf("after completion the view shows more than the type and last 4:\n%s", v)
	}
}

// TestDocumentsCyrillicBooklet: a booklet's series typed in Cyrillic
// letters (АВ) passes, and is sent as the Latin lookalikes it is kept as.
func TestDocumentsCyrillicBooklet(t *testing.T) {
	for _, number := range []string{"АВ 123456", "ав123456", "AB123456"} {
		t.Run(number, func(t *testing.T) {
			m, _ := newTestDocuments(t, nil)
			m, sent := drive(t, m, join(typed("x"), tickPassport, kRight, kEnter, // a booklet
				typed(number), kEnter, typed("Іван Петренко"), kEnter, kEnter)...) // the name: unknown
			requireSent(t, sent, documentsEnteredMsg{docs: []flow.Document{flow.DocReceipt, flow.DocPassport},
				passport: true, ptype: "booklet", number: "AB123456", name: "Іван Петренко"})
			if v := plain(m.View()); strings.Contains(v, "123") || strings.Contains(v, "! ") {
				t.Fatalf("after completion:\n%s", v)
			}
		})
	}
}

func TestDocumentsPassportNumberIsMasked(t *testing.T) {
	m, _ := newTestDocuments(t, nil)
	m, _ = drive(t, m, join(tickPassport, kEnter, typed("123456789"))...)
	if v := plain(m.View()); strings.Contains(v, "123456789") || !strings.Contains(v, "*********") {
		t.Fatalf("the number shows as typed:\n%s", v)
	}
}

// TestDocumentsBadInput types a bad value in each passport field: the
// message shows beside the field, the form stays, and what was typed stays.
func TestDocumentsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		keys  []tea.Msg
		msg   string
		title string
		value func(*documentsValues) string
		typed string
	}{
		{"ID card number too short", join(tickPassport, kEnter, typed("12345"), kEnter),
			"! an ID card number has 9 digits", "Passport number", func(v *documentsValues) string { return v.number }, "12345"},
		{"booklet number of digits only", join(tickPassport, kRight, kEnter, typed("12345678"), kEnter),
			"! a passport booklet number is 2 letters and 6 digits", "Passport number", func(v *documentsValues) string { return v.number }, "12345678"},
		{"passport number empty", join(tickPassport, kEnter, kEnter),
			"! an ID card number has 9 digits", "Passport number", func(v *documentsValues) string { return v.number }, ""},
		{"name empty", join(tickPassport, kEnter, typed("123456789"), kEnter, kEnter),
			"! enter the name as the passport writes it", "Name", func(v *documentsValues) string { return v.name }, ""},
		{"name with digits", join(tickPassport, kEnter, typed("123456789"), kEnter, typed("Ivan 2"), kEnter),
			"! a name has only letters", "Name", func(v *documentsValues) string { return v.name }, "Ivan 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, c := newTestDocuments(t, nil)
			m, sent := drive(t, m, tt.keys...)
			requireSent(t, sent)
			view := plain(m.View())
			found := false
			for _, l := range strings.Split(view, "\n") {
				found = found || strings.Contains(l, tt.msg) && strings.Contains(l, tt.title)
			}
			if !found {
				t.Fatalf("want %q beside %q; view:\n%s", tt.msg, tt.title, view)
			}
			if got := tt.value(m.v); got != tt.typed {
				t.Errorf("the field holds %q, want %q as typed", got, tt.typed)
			}
			if c.Documents != nil {
				t.Errorf("documents written before the form is complete: %v", c.Documents)
			}
			requireFits(t, view)
		})
	}
}

func TestDocumentsPassportOnFile(t *testing.T) {
	yes := true
	c := &flow.Case{ID: "T-1", Documents: []flow.Document{flow.DocReceipt, flow.DocPassport},
		Passport: flow.Passport{Type: "id_card", Last4: "6789", Key: "k", Name: "Ivan Petrenko", NameMatches: &yes}}
	t.Run("an empty number keeps it", func(t *testing.T) {
		m, c := newTestDocuments(t, c)
		if v := plain(m.View()); !strings.Contains(v, "[•] receipt") || !strings.Contains(v, "[•] passport") {
			t.Fatalf("the documents ticked before are not ticked:\n%s", v)
		}
		m, _ = drive(t, m, kEnter, kEnter)
		if v := plain(m.View()); !strings.Contains(v, "empty keeps id_card ****6789") {
			t.Fatalf("view:\n%s", v)
		}
		_, sent := drive(t, m, join(kEnter, replace("Ivan Petrenko-Shevchenko"), kEnter)...)
		requireAnswered(t, c, sent, flow.StepDocuments)
		if c.Passport.Key != "k" || c.Passport.Name != "Ivan Petrenko-Shevchenko" || *c.Passport.NameMatches != true {
			t.Fatalf("passport %+v", c.Passport)
		}
	})
	t.Run("another type needs its number", func(t *testing.T) {
		m, _ := newTestDocuments(t, c)
		m, sent := drive(t, m, kEnter, kRight, kEnter, kEnter)
		requireSent(t, sent)
		if v := plain(m.View()); !strings.Contains(v, "! a passport booklet number is") {
			t.Fatalf("view:\n%s", v)
		}
	})
}

func TestDocumentsBack(t *testing.T) {
	m, c := newTestDocuments(t, nil)
	_, sent := drive(t, m, typed("x"), kEsc)
	requireSent(t, sent, goBackMsg{})
	if c.Documents != nil {
		t.Fatalf("going back wrote %v", c.Documents)
	}
}

func TestDocumentsRepeatReturns(t *testing.T) {
	m, _ := newTestDocuments(t, nil)
	dates := []flow.Date{{Year: 2026, Month: time.November, Day: 2}, {Year: 2026, Month: time.November, Day: 9}}
	m, _ = drive(t, m, repeatReturnsMsg{count: 2, dates: dates})
	v := plain(m.View())
	if !strings.Contains(v, "! this passport returned 2 items in the last 30 days: 2026-11-02, 2026-11-09") {
		t.Fatalf("view:\n%s", v)
	}
	requireFits(t, v)
}

func TestRepeatReturnsNotice(t *testing.T) {
	day := func(d int) flow.Date { return flow.Date{Year: 2026, Month: time.November, Day: d} }
	tests := []struct {
		name  string
		count int
		dates []flow.Date
		want  string
	}{
		{"none", 0, nil, ""},
		{"one", 1, []flow.Date{day(2)}, "! this passport returned 1 item in the last 30 days: 2026-11-02"},
		{"three", 3, []flow.Date{day(2), day(9), day(15)},
			"! this passport returned 3 items in the last 30 days: 2026-11-02, +2 more"},
		{"no dates", 2, nil, "! this passport returned 2 items in the last 30 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := repeatReturnsNotice(lang.English(), tt.count, tt.dates)
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			if lipgloss.Width(got) > 80 {
				t.Fatalf("%d columns", lipgloss.Width(got))
			}
		})
	}
}

func TestDocumentsGolden(t *testing.T) {
	t.Run("documents", func(t *testing.T) {
		goldenView(t, newDocumentsModel(testScreen(t, "generic", nil)), "passport", typed("x"))
	})
	t.Run("passport", func(t *testing.T) {
		m, _ := newTestDocuments(t, nil)
		m, _ = drive(t, m, join(typed("x"), tickPassport, kEnter, typed("1234"), kEnter)...)
		goldenAfter(t, m, "9 digits")
	})
}
