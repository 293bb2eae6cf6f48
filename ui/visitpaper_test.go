package ui

import (
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/paper"
)

// visitOfTwo is a phone refunded by card and its case rejected, one visit.
func visitOfTwo(t *testing.T, l lang.Lang) []*flow.Case {
	t.Helper()
	phone := decidedCaseIn(t, l, "generic", func(c *flow.Case) { c.Sale = visitPhone })
	phone.ID, phone.Status = "T-1", flow.StatusClosed
	item := decidedCaseIn(t, l, "generic", func(c *flow.Case) {
		c.Sale = visitCase
		c.Inspection.SignsOfUse = true
	})
	item.ID, item.Visit, item.Status = "T-2", "T-1", flow.StatusClosed
	if phone.Outcome() != flow.OutcomeRefund || item.Outcome() != flow.OutcomeReject {
		t.Fatalf("outcomes %s, %s", phone.Outcome(), item.Outcome())
	}
	return []*flow.Case{phone, item}
}

// TestVisitSections: the act of a visit lists each item in its own
// section, in the order of the visit, with its line, its serial (or none),
// its decision, the rejection marked, and the refund's amount and day.
func TestVisitSections(t *testing.T) {
	for _, tt := range []struct {
		l      lang.Lang
		titles []string
		want   [][]string // per section: label=value pairs, in order
	}{
		{lang.EN, []string{"ITEM 1 OF 2: Galaxy S24", "ITEM 2 OF 2: Чохол Galaxy S24"}, [][]string{
			{"Case=T-1", "Receipt=R-2001, line 1", "Serial/IMEI=490154203237518", "Price=25999.00 UAH", "Outcome=REFUND",
				"Amount=25999.00 UAH, in card", "Refund by=2026-11-20", "Status=closed"},
			{"Case=T-2", "Receipt=R-2001, line 2", "Serial/IMEI=none: the item has no serial", "Price=499.00 UAH",
				"!Outcome=REJECT", "Status=closed"},
		}},
		{lang.UK, []string{"ТОВАР 1 З 2: Galaxy S24", "ТОВАР 2 З 2: Чохол Galaxy S24"}, [][]string{
			{"Номер звернення=T-1", "Чек=R-2001, рядок 1", "Серійний №/IMEI=490154203237518", "Ціна=25 999,00 грн",
				"Рішення=ПОВЕРНЕННЯ КОШТІВ", "Сума повернення=25 999,00 грн, спосіб повернення: картка", "Повернути до=20.11.2026", "Статус=закрито"},
			{"Номер звернення=T-2", "Чек=R-2001, рядок 2", "Серійний №/IMEI=немає: товар без серійного номера", "Ціна=499,00 грн",
				"!Рішення=ВІДМОВА", "Статус=закрито"},
		}},
	} {
		t.Run(string(tt.l), func(t *testing.T) {
			secs := visitSections(lang.For(tt.l), visitOfTwo(t, tt.l))
			if len(secs) != 2 {
				t.Fatalf("%d sections", len(secs))
			}
			for i, s := range secs {
				if s.Title != tt.titles[i] {
					t.Errorf("section %d: %q, want %q", i, s.Title, tt.titles[i])
				}
				if c := smallOf(s); i == 0 && !strings.Contains(c, "window") || i == 1 && !strings.Contains(c, "unused") {
					t.Errorf("section %d's clauses in small print: %q", i, c)
				}
				if got := rowsOf(s); strings.Join(got, "\n") != strings.Join(tt.want[i], "\n") {
					t.Errorf("section %d:\n%s\nwant:\n%s", i, strings.Join(got, "\n"), strings.Join(tt.want[i], "\n"))
				}
			}
		})
	}
}

// TestVisitSectionsOfOne: a case alone is no visit to list.
func TestVisitSectionsOfOne(t *testing.T) {
	cases := visitOfTwo(t, lang.EN)
	if secs := visitSections(lang.English(), cases[:1]); secs != nil {
		t.Fatalf("a visit of one: %+v", secs)
	}
}

// rowsOf are a section's labelled rows as label=value, a failed one marked
// "!", without its small print and text, spaces as plain ones.
func rowsOf(s paper.Section) []string {
	var out []string
	for _, it := range s.Items {
		if it.Label == "" || it.Small {
			continue
		}
		mark := ""
		if it.Failed {
			mark = "!"
		}
		value := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(it.Value) // money's no-break spaces
		out = append(out, mark+it.Label+"="+value)
	}
	return out
}

// smallOf is a section's small print.
func smallOf(s paper.Section) string {
	var out []string
	for _, it := range s.Items {
		if it.Small {
			out = append(out, it.Value)
		}
	}
	return strings.Join(out, "; ")
}
