package main

import (
	"strings"
	"testing"
)

// End-to-end: a shift lead's staff, with the real binary in tmux, on the
// Ukrainian layout (і for s, ф for a, о for j, г for u, ч for x, н for y, д
// for l). The lead adds a cashier; the cashier's five wrong PINs lock the
// account, and the right one is refused while it is locked; the lead
// unlocks it from the staff list; the cashier logs in by picking their
// name from the login's list; the lead deactivates the account, and the
// login lists the name no more and refuses it typed. Every screen waited
// for is checked for English left on it.

// staffWords are this test's data on its screens: the lead's name and the
// store's (firstRun's), the time zone.
var staffWords = strings.Fields(`Olena Koval Citrus Kyiv Ocean Plaza Europe`)

func TestE2EStaff(t *testing.T) {
	t.Parallel()
	const cashier, pin = "Марія Ткаченко", "2468"
	const listed = "Марія Ткаче…" // the staff list's column of names
	u := &ukTerm{term: startKiosk(t, t.TempDir()), allowed: append(append([]string{}, ukWords...), staffWords...)}
	u.firstRun()
	u.see("Вхід", "> "+leadName, "↑/↓ вибрати ім'я • enter далі")
	u.pickPIN(leadName, leadPIN)
	u.see("Головна", "т  почати нове повернення", leadName+" (старший зміни)")

	// і: the staff list; ф: a cashier added
	u.press("і")
	u.see("Працівники", "Стан", "> "+leadName)
	u.press("ф")
	u.see("Додати працівника")
	u.waitFocus("Ім'я")
	u.typeText(cashier)
	u.enterTo("Роль")
	u.see("> касир")
	u.enterTo("Мова екранів працівника")
	u.see("> мова магазину")
	u.enterTo("PIN-код")
	u.typeText(pin)
	u.enterTo("PIN-код ще раз")
	u.typeText(pin)
	u.speaks(u.waitFor("> " + strings.Repeat("*", len(pin))))
	u.press("Enter")
	u.see(cashier+" тепер може увійти", listed+" касир")
	u.press("Escape")
	u.see("Головна")
	u.press("д")

	// five wrong PINs, the name picked from the list each time
	u.see("Вхід", "> "+leadName, "  "+cashier)
	u.press("Down")
	for i := 1; i <= 5; i++ {
		u.pickPIN(cashier, "0000")
		if i < 5 {
			u.speaks(u.submitted("неправильне ім'я або PIN-код"))
		}
	}
	u.speaks(u.submitted("забагато неправильних PIN-кодів: " + cashier + " заблоковано до"))
	u.pickPIN(cashier, pin)
	u.speaks(u.submitted(cashier + " заблоковано до"))

	// the lead unlocks the account from the staff list
	u.login(strings.ToLower(leadName), leadPIN)
	u.see("Головна", leadName+" (старший зміни)")
	u.press("і")
	u.see("Працівники", listed)
	u.press("о") // down
	u.see("> "+listed, "заблоковано до", "г розблокувати")
	u.press("г")
	u.see(cashier+" розблоковано", "активний")
	u.press("Escape")
	u.see("Головна")
	u.press("д")

	// the cashier picks their name: the arrow, enter, the PIN
	u.see("Вхід", "  "+cashier)
	u.press("Down")
	u.pickPIN(cashier, pin)
	u.see("Головна", cashier+" (касир)")
	u.press("д")

	// the lead deactivates the account
	u.pickPIN(leadName, leadPIN) // a login after a logout starts at the top

	u.see("Головна", leadName+" (старший зміни)")
	u.press("і", "о")
	u.see("> "+listed, "ч вимкнути")
	u.press("ч")
	u.see("Вимкнути " + cashier + "? Справи й історія залишаються.")
	u.press("н")
	u.see(cashier+" вимкнено: справи й історія залишаються", "вимкнено")
	u.press("Escape")
	u.see("Головна")
	u.press("д")

	// no more on the login's list, and refused typed
	s := u.see("Вхід", "> "+leadName)
	if strings.Contains(s, cashier) {
		t.Errorf("the login lists a deactivated account:\n%s", s)
	}
	u.waitFocus("Ім'я")
	u.typeText(strings.ToLower(cashier))
	u.see("такого імені в списку немає")
	u.enterTo("PIN-код")
	u.typeText(pin)
	u.waitFor("> " + strings.Repeat("*", len(pin)))
	u.press("Enter")
	u.speaks(u.submitted("обліковий запис " + cashier + " вимкнено")) // the account as the store names it
}

// pickPIN takes the name at the login list's cursor, waiting for it there,
// and types pin; it does not wait for the result.
func (u *ukTerm) pickPIN(name, pin string) {
	u.t.Helper()
	u.see("┃ Ім'я", "> "+name)
	u.enterTo("PIN-код")
	u.see("  > " + name)
	u.typeText(pin)
	u.waitFor("> " + strings.Repeat("*", len(pin)))
	u.press("Enter")
}
