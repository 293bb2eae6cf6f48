package lang

import "testing"

func TestPlurals(t *testing.T) {
	uk, en := For(UK), For(EN)
	for n, want := range map[int]string{1: "1 день", 2: "2 дні", 4: "4 дні", 5: "5 днів", 11: "11 днів", 12: "12 днів",
		14: "14 днів", 21: "21 день", 22: "22 дні", 25: "25 днів", 101: "101 день", 0: "0 днів"} {
		if got := uk.Days(n); got != want {
			t.Errorf("uk %d: %q, want %q", n, got, want)
		}
	}
	if got := en.Days(1); got != "1 day" {
		t.Errorf("en 1: %q", got)
	}
	if got := en.Days(21); got != "21 days" {
		t.Errorf("en 21: %q", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"uk": UK, " EN ": EN, "Uk": UK} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	if _, err := Parse("ru"); err == nil {
		t.Error("ru is no language of the kiosk")
	}
	if For("de").Lang() != Default {
		t.Error("an unknown language does not print in the default one")
	}
}

func TestAMessageNotInTheFilesPrintsAsItsEnglish(t *testing.T) {
	if got := For(UK).T("no such message %d", 7); got != "no such message 7" {
		t.Errorf("%q", got)
	}
}
