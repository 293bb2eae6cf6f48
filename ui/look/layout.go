package look

import tea "github.com/charmbracelet/bubbletea"

// With the Ukrainian keyboard layout on, the terminal sends the Cyrillic
// letter of a key: `n` arrives as `т`, `d` as `в`. A key that is no text
// (on a screen that takes none, or an answer to a question) means the
// same on both layouts: Latin is the key as the kiosk binds it.

// ukLayout maps each letter of the Ukrainian (ЙЦУКЕН) layout to the key's
// Latin letter, lower and upper case.
var ukLayout = func() map[rune]rune {
	pairs := []string{"йq", "цw", "уe", "кr", "еt", "нy", "гu", "шi", "щo", "зp", "х[", "ї]", "фa", "іs", "вd",
		"аf", "пg", "рh", "оj", "лk", "дl", "ж;", "є'", "яz", "чx", "сc", "мv", "иb", "тn", "ьm", "б,", "ю."}
	m := map[rune]rune{}
	for _, p := range pairs {
		r := []rune(p)
		m[r[0]] = r[1]
		if up, lo := upper(r[0]), upper(r[1]); up != r[0] {
			m[up] = lo
		}
	}
	return m
}()

// upper is a letter's capital; other runes as they are.
func upper(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return r - 'a' + 'A'
	case r >= 'а' && r <= 'я':
		return r - 'а' + 'А'
	}
	switch r {
	case 'і':
		return 'І'
	case 'ї':
		return 'Ї'
	case 'є':
		return 'Є'
	}
	return r
}

// Latin is a key pressed on the Ukrainian layout as the same key on the
// Latin one: a single Cyrillic letter becomes its key's Latin letter; any
// other key is as it came.
func Latin(k tea.KeyMsg) tea.KeyMsg {
	if k.Type != tea.KeyRunes || len(k.Runes) != 1 || k.Paste {
		return k
	}
	if r, ok := ukLayout[k.Runes[0]]; ok {
		k.Runes = []rune{r}
	}
	return k
}

// latinToUK maps each Latin letter to its key's letter on the Ukrainian
// layout, as the help shows the key to a cashier who reads Ukrainian.
var latinToUK = func() map[rune]rune {
	m := map[rune]rune{}
	for uk, latin := range ukLayout {
		if latin >= 'a' && latin <= 'z' { // a capital Cyrillic letter maps to a capital
			m[latin] = uk
		}
	}
	return m
}()
