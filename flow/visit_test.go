package flow_test

import (
	"encoding/json"
	"strings"
	"testing"

	"example.com/returnsdesk/flow"
)

// phoneOfVisit is cleanReturn as the kiosk holds it after its sale,
// request and documents: the first item of a visit.
func phoneOfVisit(t *testing.T) flow.Case {
	t.Helper()
	c := cleanReturn()
	c.ID, c.Policy, c.OpenedBy, c.Opened = "01AAAAAAAAAAAAAAAAAAAAAAAA", "generic", "Ivan", at("2024-03-15")
	c.Status, c.Step = flow.StatusOpen, flow.StepSale
	c.Sale.Line = 1
	yes := true
	c.Passport = flow.Passport{Type: "booklet", Last4: "3456", Key: "ab12", Name: "Petrenko", NameMatches: &yes}
	for _, s := range []flow.Step{flow.StepSale, flow.StepRequest, flow.StepDocuments} {
		if err := c.Complete(s); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestVisitID(t *testing.T) {
	for _, tt := range []struct {
		c    flow.Case
		want string
	}{
		{flow.Case{ID: "A"}, "A"},
		{flow.Case{ID: "B", Visit: "A"}, "A"},
	} {
		if got := tt.c.VisitID(); got != tt.want {
			t.Errorf("VisitID of %+v = %q, want %q", tt.c, got, tt.want)
		}
	}
}

// TestNextItem: the next item of a visit keeps the sale's day, receipt and
// tender, the request, the documents and the passport; its own line, model,
// serial and price are asked; it goes from its sale to its inspection.
func TestNextItem(t *testing.T) {
	first := phoneOfVisit(t)
	n := first.NextItem("01BBBBBBBBBBBBBBBBBBBBBBBB", at("2024-03-15"), "Ivan", []flow.Sale{first.Sale})
	want := flow.Sale{Date: first.Sale.Date, Receipt: "R-1001", Line: 2, Tender: flow.TenderCard}
	if n.Sale != want {
		t.Errorf("sale %+v, want %+v", n.Sale, want)
	}
	if n.Visit != first.ID || n.VisitID() != first.VisitID() || n.Policy != "generic" || n.OpenedBy != "Ivan" {
		t.Errorf("case %+v", n)
	}
	if n.Request != first.Request || !n.Has(flow.DocReceipt) || n.Passport.Key != "ab12" || *n.Passport.NameMatches != true {
		t.Errorf("request %+v, documents %v, passport %+v", n.Request, n.Documents, n.Passport)
	}
	n.Documents[0] = "changed"
	*n.Passport.NameMatches = false
	if first.Documents[0] != flow.DocReceipt || !*first.Passport.NameMatches {
		t.Error("the next item shares the first's documents or passport: a change to one changes the other")
	}
	if n.Step != flow.StepSale || n.Next() != flow.StepSale || n.Status != flow.StatusOpen {
		t.Fatalf("step %s, next %s, status %s", n.Step, n.Next(), n.Status)
	}
	n.Sale.Model, n.Sale.Price = "Case", flow.Money{Minor: 49900, Currency: "UAH"}
	if err := n.Complete(flow.StepSale); err != nil {
		t.Fatal(err)
	}
	if n.Step != flow.StepInspection {
		t.Errorf("after its sale the item goes to %s, want the inspection", n.Step)
	}
	third := n.NextItem("01CCCCCCCCCCCCCCCCCCCCCCCC", at("2024-03-15"), "Ivan", []flow.Sale{first.Sale, n.Sale})
	if third.Visit != first.ID || third.Sale.Line != 3 {
		t.Errorf("the third item: visit %q line %d", third.Visit, third.Sale.Line)
	}
	data, err := json.Marshal(first)
	if err != nil || strings.Contains(string(data), `"visit"`) {
		t.Errorf("a case alone keeps no visit field: %s", data)
	}
}

func TestNextLine(t *testing.T) {
	for _, tt := range []struct {
		lines []int
		want  int
	}{
		{nil, 1}, {[]int{0}, 2}, {[]int{1}, 2}, {[]int{0, 2}, 3}, {[]int{3, 1}, 4}, {[]int{2}, 3},
	} {
		var sales []flow.Sale
		for _, l := range tt.lines {
			sales = append(sales, flow.Sale{Line: l})
		}
		if got := flow.NextLine(sales); got != tt.want {
			t.Errorf("NextLine(%v) = %d, want %d", tt.lines, got, tt.want)
		}
	}
}

func TestCanAddItem(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*flow.Case)
		msg  string
	}{
		{"a recorded sale with a receipt", func(*flow.Case) {}, ""},
		{"no receipt", func(c *flow.Case) { c.Sale.Receipt = " " }, "names no receipt"},
		{"the sale not recorded", func(c *flow.Case) { c.Done = 0 }, "not recorded yet"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := phoneOfVisit(t)
			tt.edit(&c)
			err := c.CanAddItem()
			if (err == nil) != (tt.msg == "") || err != nil && !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("CanAddItem: %v, want %q", err, tt.msg)
			}
		})
	}
}

func TestCheckVisit(t *testing.T) {
	first := phoneOfVisit(t)
	next := func() flow.Case {
		return first.NextItem("01BBBBBBBBBBBBBBBBBBBBBBBB", at("2024-03-15"), "Ivan", []flow.Sale{first.Sale})
	}
	for _, tt := range []struct {
		name  string
		first func(*flow.Case)
		c     func(*flow.Case)
		msg   string
	}{
		{"the next item", func(*flow.Case) {}, func(*flow.Case) {}, ""},
		{"its receipt in another letter case", func(*flow.Case) {}, func(c *flow.Case) { c.Sale.Receipt = "r-1001" }, ""},
		{"another receipt", func(*flow.Case) {}, func(c *flow.Case) { c.Sale.Receipt = "R-2002" }, "an item of receipt R-2002 is another return"},
		{"itself", func(*flow.Case) {}, func(c *flow.Case) { c.Visit = c.ID }, "names itself as its visit"},
		{"a visit named by its second item", func(f *flow.Case) { f.Visit = "01ZZZZZZZZZZZZZZZZZZZZZZZZ" }, func(*flow.Case) {},
			"a visit is named by its first case, 01ZZZZZZZZZZZZZZZZZZZZZZZZ"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, c := first, next()
			tt.first(&f)
			tt.c(&c)
			err := flow.CheckVisit(&f, &c)
			if (err == nil) != (tt.msg == "") || err != nil && !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("CheckVisit: %v, want %q", err, tt.msg)
			}
		})
	}
}
