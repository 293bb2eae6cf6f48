// Package export writes a day of the store for a spreadsheet or a script: its
// cases as CSV or JSON, or its summary. The shift lead's desk and the export
// command write the same bytes through it; it links no terminal package.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/store/atomicfile"
)

// Exports of a day, for a spreadsheet or a script: its cases (one row
// each), or its summary. The lead's desk and `returnsdesk export` write the
// same bytes. Passports appear masked only (type and last 4, as stored);
// the name on a passport is not exported.

// Case is one case as exported: a CSV row (the columns in this order,
// named by the json tags) or a JSON object.
type Case struct {
	CaseID         string   `json:"case_id"`
	Day            string   `json:"day"`    // the day the case is filed under, YYYY-MM-DD
	Opened         string   `json:"opened"` // RFC 3339, in the store's time zone
	Cashier        string   `json:"cashier"`
	Receipt        string   `json:"receipt"`
	Line           int      `json:"line"`
	Model          string   `json:"model"`
	Serial         string   `json:"serial"`
	Claim          string   `json:"claim"`
	Wants          string   `json:"wants"`
	Outcome        string   `json:"outcome"`
	Status         string   `json:"status"`
	Price          string   `json:"price" csv:"money"` // 19999.00; in the uk dialect 19999,00
	Currency       string   `json:"currency"`
	SaleTender     string   `json:"sale_tender"`
	RefundDue      string   `json:"refund_due"`                // the day the refund is due by
	RefundAmount   string   `json:"refund_amount" csv:"money"` // what was paid of the refund, all its payments
	RefundTender   string   `json:"refund_tender"`             // the tenders paid in; in CSV separated by ";"
	RefundPaidBy   string   `json:"refund_paid_by"`            // who made the last payment
	RefundPaidAt   string   `json:"refund_paid_at"`            // when the last payment was made
	Passport       string   `json:"passport"`                  // masked: "id_card ****1234"
	Flags          []string `json:"flags"`                     // in CSV, separated by ";"
	OverrideBy     string   `json:"override_by"`
	OverrideReason string   `json:"override_reason"`
	SignedOffBy    string   `json:"signed_off_by"`
	SignedOffAt    string   `json:"signed_off_at"`
	RefundOwed     string   `json:"refund_owed" csv:"money"` // what is still owed of the refund; "" when nothing is
	// Payments are the refund's payments, in order; in CSV one cell,
	// "AMOUNT TENDER by WHO at TIME" each, separated by ";".
	Payments []Payment `json:"payments"`
	// Phone is the customer's phone, masked ("+38********67"); "" once
	// the case is settled, as the case keeps it no longer.
	Phone string `json:"phone"`
}

// Payment is one payment of a case's refund as exported.
type Payment struct {
	Amount string `json:"amount"` // 100.00, in the case's currency
	Tender string `json:"tender"`
	By     string `json:"by"`
	At     string `json:"at"`  // RFC 3339, in the store's time zone
	Day    string `json:"day"` // the day it was paid, YYYY-MM-DD
}

func (p Payment) String() string { return p.in(DialectRFC4180) }

// in is the payment as one CSV cell writes it, its amount in the dialect.
func (p Payment) in(d Dialect) string {
	return d.money(p.Amount) + " " + p.Tender + " by " + p.By + " at " + p.At
}

// Columns are the CSV's header: Case's json names, in order.
var Columns = func() []string {
	t := reflect.TypeOf(Case{})
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
	}
	return out
}()

// caseOf is a case as exported.
func caseOf(d store.CaseDetail, loc *time.Location) Case {
	c, s := d.Case, d.Summary
	e := Case{CaseID: c.ID, Day: s.Day.String(), Opened: c.Opened.In(loc).Format(time.RFC3339),
		Cashier: c.OpenedBy, Receipt: c.Sale.Receipt, Line: c.Sale.Line, Model: c.Sale.Model, Serial: c.Sale.Serial,
		Claim: string(c.Request.Claim), Wants: string(c.Request.Wants), Outcome: string(c.Outcome()),
		Status: string(s.Status), Price: c.Sale.Price.Amount(), Currency: c.Sale.Price.Currency,
		SaleTender: string(c.Sale.Tender), Passport: c.Passport.Masked(), Phone: flow.MaskPhone(c.Phone),
		Flags: []string{}}
	if due := c.RefundBy(); !due.IsZero() {
		e.RefundDue = due.String()
	}
	paymentsOf(&e, d, loc)
	for _, f := range d.Findings {
		e.Flags = append(e.Flags, string(f.Flag))
	}
	if so := d.SignOff; so != nil {
		e.Flags = append(e.Flags, "signed_off")
		e.SignedOffBy, e.SignedOffAt = so.By, so.At.In(loc).Format(time.RFC3339)
	}
	if o := c.Override; o != nil {
		e.OverrideBy, e.OverrideReason = o.By, o.Reason
	}
	return e
}

// paymentsOf fills in the refund's payments and what is still owed.
func paymentsOf(e *Case, d store.CaseDetail, loc *time.Location) {
	e.Payments = []Payment{}
	var tenders []string
	for _, p := range d.Payments {
		at := p.At.In(loc).Format(time.RFC3339)
		e.Payments = append(e.Payments, Payment{Amount: p.Amount.Amount(), Tender: string(p.Tender), By: p.By, At: at,
			Day: p.Day.String()})
		if !slices.Contains(tenders, string(p.Tender)) {
			tenders = append(tenders, string(p.Tender))
		}
		e.RefundPaidBy, e.RefundPaidAt = p.By, at
		if e.Currency == "" {
			e.Currency = p.Amount.Currency
		}
	}
	if len(d.Payments) > 0 {
		e.RefundAmount, e.RefundTender = d.Paid().Amount(), strings.Join(tenders, ";")
	}
	if d.Owed.Minor > 0 {
		e.RefundOwed = d.Owed.Amount()
	}
}

// CSVRow is the case's CSV cells in the dialect, in Columns' order.
func (e Case) CSVRow(d Dialect) []string {
	v := reflect.ValueOf(e)
	out := make([]string, v.NumField())
	for i := range out {
		switch f := v.Field(i); f.Kind() {
		case reflect.Int:
			out[i] = strconv.FormatInt(f.Int(), 10)
		case reflect.Slice:
			var cells []string
			switch x := f.Interface().(type) {
			case []string:
				cells = x
			case []Payment:
				for _, p := range x {
					cells = append(cells, p.in(d))
				}
			}
			out[i] = safeCell(strings.Join(cells, ";"))
		default:
			s := f.String()
			if v.Type().Field(i).Tag.Get("csv") == "money" {
				s = d.money(s)
			}
			out[i] = safeCell(s)
		}
	}
	return out
}

// safeCell keeps a spreadsheet from reading typed text as a formula: a cell
// that starts with =, +, -, @, a tab or a carriage return gets a leading '.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CasesOf writes a day's cases as CSV in the dialect (a header row, then
// one row a case) or JSON (an array of objects).
func CasesOf(details []store.CaseDetail, format string, d Dialect, loc *time.Location) ([]byte, error) {
	rows := make([]Case, len(details))
	for i, detail := range details {
		rows[i] = caseOf(detail, loc)
	}
	var b bytes.Buffer
	switch format {
	case "csv":
		w := d.writer(&b)
		_ = w.Write(Columns)
		for _, r := range rows {
			_ = w.Write(r.CSVRow(d))
		}
		w.Flush()
		return b.Bytes(), w.Error()
	case "json":
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		err := enc.Encode(rows)
		return b.Bytes(), err
	}
	return nil, fmt.Errorf("%q is not a format: csv or json", format)
}

// Summary is a day's summary as exported.
type Summary struct {
	Day         string         `json:"day"`
	Closed      bool           `json:"closed"`
	ClosedBy    string         `json:"closed_by,omitempty"`
	ClosedAt    string         `json:"closed_at,omitempty"`
	ChainHead   string         `json:"chain_head,omitempty"` // SEQ:HASH at the close: returnsdesk check --anchor
	Cases       int            `json:"cases"`
	ByOutcome   map[string]int `json:"by_outcome"`   // "" is not decided yet
	Refunds     []TenderSum    `json:"refunds_paid"` // the payments made on the day, by tender
	Owed        int            `json:"owed"`
	OwedAmount  string         `json:"owed_amount"` // what the day's refunds owed still owe
	OwedPaid    string         `json:"owed_paid"`   // what was paid of them so far
	Overdue     int            `json:"overdue"`
	Escalated   int            `json:"escalated"`
	Waiting     int            `json:"escalations_waiting"`
	Overrides   int            `json:"overrides"`
	Flagged     int            `json:"flagged"`
	Flags       map[string]int `json:"flags"`
	SignedOff   int            `json:"signed_off"`
	Drafts      int            `json:"drafts"`
	Currency    string         `json:"currency"`
	RefundsPaid int            `json:"refunds_paid_count"` // how many payments were made on the day
	// Taken is what customers paid for dearer replacements in the day's
	// exchanges, by tender (store.DayReport's Taken); none, left out.
	Taken []TenderSum `json:"differences_taken,omitempty"`
}

type TenderSum struct {
	Tender string `json:"tender"`
	N      int    `json:"n"`
	Amount string `json:"amount"`
}

// summaryFor is a day's report as exported, with its close if closed.
func summaryFor(r store.DayReport, c *store.Closing, loc *time.Location) Summary {
	e := Summary{Day: r.Day.String(), Cases: r.Cases, ByOutcome: map[string]int{}, Owed: r.Owed,
		OwedAmount: r.OwedAmount.Amount(), OwedPaid: r.OwedPaid.Amount(), Overdue: r.Overdue, Escalated: r.Escalated, Waiting: r.Waiting,
		Overrides: r.Overrides, Flagged: r.Flagged, Flags: map[string]int{}, SignedOff: r.SignedOff, Drafts: r.Drafts,
		Currency: r.OwedAmount.Currency, RefundsPaid: r.RefundsPaid, Refunds: []TenderSum{}}
	if c != nil {
		e.Closed, e.ClosedBy, e.ClosedAt, e.ChainHead = true, c.By, c.At.In(loc).Format(time.RFC3339), c.Anchor.String()
	}
	for _, o := range r.ByOutcome {
		e.ByOutcome[o.Name] = o.N
	}
	for _, t := range r.Refunds {
		e.Refunds = append(e.Refunds, TenderSum{Tender: string(t.Tender), N: t.N, Amount: t.Amount.Amount()})
		if e.Currency == "" {
			e.Currency = t.Amount.Currency
		}
	}
	for _, f := range r.Flags {
		e.Flags[f.Name] = f.N
	}
	for _, t := range r.Taken {
		e.Taken = append(e.Taken, TenderSum{Tender: string(t.Tender), N: t.N, Amount: t.Amount.Amount()})
		if e.Currency == "" {
			e.Currency = t.Amount.Currency
		}
	}
	return e
}

// SummaryOf writes a day's summary as CSV in the dialect (section, name,
// count, amount, currency: one line a figure) or JSON (one object).
func SummaryOf(r store.DayReport, c *store.Closing, format string, d Dialect, loc *time.Location) ([]byte, error) {
	e := summaryFor(r, c, loc)
	var b bytes.Buffer
	switch format {
	case "json":
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		err := enc.Encode(e)
		return b.Bytes(), err
	case "csv":
		w := d.writer(&b)
		row := func(section, name string, n int, amount string) {
			count, cur := "", ""
			if n >= 0 {
				count = strconv.Itoa(n)
			}
			if amount != "" {
				cur = e.Currency
			}
			_ = w.Write([]string{section, safeCell(name), count, d.money(amount), cur})
		}
		_ = w.Write([]string{"section", "name", "count", "amount", "currency"})
		row("day", e.Day, -1, "")
		if e.Closed {
			row("closed", e.ClosedBy+" at "+e.ClosedAt, -1, "")
			row("chain_head", e.ChainHead, -1, "")
		} else {
			row("closed", "no", -1, "")
		}
		row("cases", "all", e.Cases, "")
		for _, o := range append(append([]flow.Outcome{}, flow.Outcomes...), "") {
			name := string(o)
			if name == "" {
				name = "not_decided"
			}
			row("outcome", name, e.ByOutcome[string(o)], "")
		}
		for _, t := range e.Refunds {
			row("refunds_paid", t.Tender, t.N, t.Amount)
		}
		for _, t := range e.Taken { // a day without exchanges of a dearer item has none
			row("differences_taken", t.Tender, t.N, t.Amount)
		}
		row("owed", "refunds", e.Owed, e.OwedAmount)
		row("owed", "paid_so_far", -1, e.OwedPaid)
		row("owed", "overdue", e.Overdue, "")
		row("escalated", "all", e.Escalated, "")
		row("escalated", "waiting", e.Waiting, "")
		row("overrides", "all", e.Overrides, "")
		row("flagged", "any", e.Flagged, "")
		for _, f := range flow.FraudFlags {
			row("flag", string(f), e.Flags[string(f)], "")
		}
		row("signed_off", "all", e.SignedOff, "")
		row("drafts", "all", e.Drafts, "")
		w.Flush()
		return b.Bytes(), w.Error()
	}
	return nil, fmt.Errorf("%q is not a format: csv or json", format)
}

// FileName is the file an export of a day is written to in a folder.
func FileName(day flow.Date, format string, summary bool) string {
	if summary {
		return "day-" + day.String() + "-summary." + format
	}
	return "returns-" + day.String() + "." + format
}

// WriteFile writes an export to path whole (atomicfile), so that a
// spreadsheet never opens half a file.
func WriteFile(path string, data []byte) error { return atomicfile.WriteFile(path, data) }
