package lang

import (
	"strings"
	"testing"
	"time"
)

// TestMoney writes the Ukrainian amounts with plain spaces where they have
// no-break ones (NBSP), to be read.
func TestMoney(t *testing.T) {
	tests := []struct {
		minor    int64
		currency string
		uk, en   string
	}{
		{1999900, "UAH", "19 999,00 грн", "19999.00 UAH"},
		{4599900, "UAH", "45 999,00 грн", "45999.00 UAH"},
		{99900, "UAH", "999,00 грн", "999.00 UAH"},
		{100000, "UAH", "1 000,00 грн", "1000.00 UAH"},
		{123456789, "UAH", "1 234 567,89 грн", "1234567.89 UAH"},
		{125050, "EUR", "1 250,50 EUR", "1250.50 EUR"},
		{5, "UAH", "0,05 грн", "0.05 UAH"},
		{0, "UAH", "0,00 грн", "0.00 UAH"},
		{-490000, "UAH", "-4 900,00 грн", "-4900.00 UAH"},
		{1999900, "", "19 999,00", "19999.00"},
	}
	for _, tc := range tests {
		if got, want := For(UK).Money(tc.minor, tc.currency), strings.ReplaceAll(tc.uk, " ", NBSP); got != want {
			t.Errorf("uk %d %s: %q, want %q", tc.minor, tc.currency, got, want)
		}
		if got := For(EN).Money(tc.minor, tc.currency); got != tc.en {
			t.Errorf("en %d %s: %q, want %q", tc.minor, tc.currency, got, tc.en)
		}
	}
}

func TestCurrency(t *testing.T) {
	for _, tc := range []struct{ code, uk, en string }{{"UAH", "грн", "UAH"}, {"EUR", "EUR", "EUR"}, {"", "", ""}} {
		if got := For(UK).Currency(tc.code); got != tc.uk {
			t.Errorf("uk %q: %q, want %q", tc.code, got, tc.uk)
		}
		if got := For(EN).Currency(tc.code); got != tc.en {
			t.Errorf("en %q: %q, want %q", tc.code, got, tc.en)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		y      int
		m      time.Month
		d      int
		uk, en string
	}{
		{2026, time.November, 21, "21.11.2026", "2026-11-21"},
		{2024, time.March, 1, "01.03.2024", "2024-03-01"},
		{1990, time.January, 31, "31.01.1990", "1990-01-31"},
		{0, 0, 0, "", ""},
	}
	for _, tc := range tests {
		if got := For(UK).Date(tc.y, tc.m, tc.d); got != tc.uk {
			t.Errorf("uk %d-%d-%d: %q, want %q", tc.y, tc.m, tc.d, got, tc.uk)
		}
		if got := For(EN).Date(tc.y, tc.m, tc.d); got != tc.en {
			t.Errorf("en %d-%d-%d: %q, want %q", tc.y, tc.m, tc.d, got, tc.en)
		}
	}
}
