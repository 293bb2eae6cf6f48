package flow

import (
	"strings"
	"unicode"
)

// The store's defaults where its settings or a policy say nothing.
const (
	// DefaultCurrency is the currency of a sale or a policy that names none.
	DefaultCurrency = "UAH"
	// DefaultIdleMinutes is how long a kiosk waits for a key before it locks
	// the screen, when the store has not set its own.
	DefaultIdleMinutes = 15
	// MaxIdleMinutes is the longest a store may let a kiosk wait: a shift.
	MaxIdleMinutes = 480
	// MaxStoreName is the longest a store's name may be, in characters: it
	// heads every screen and act.
	MaxStoreName = 60
	// DefaultTender is how a sale whose receipt does not say was paid: in
	// cash (and so its refund is paid from the till).
	DefaultTender = TenderCash
	// DefaultServiceDays is the store's own term, in calendar days, for an
	// item at the service centre where the policy gives none, when the store
	// has not set its own: the 14 days art. 8 gives a repair unless agreed
	// otherwise.
	DefaultServiceDays = 14
	// MaxServiceDays is the longest term a store may set.
	MaxServiceDays = 365
)

// CheckIdleMinutes checks how long a kiosk waits for a key before it locks
// the screen: 1 to MaxIdleMinutes minutes.
func CheckIdleMinutes(n int) error {
	if n < 1 || n > MaxIdleMinutes {
		return Errorf(EInvalid, "%d is not a number of minutes from 1 to %d", n, MaxIdleMinutes)
	}
	return nil
}

// CheckStoreName checks a store's name, as it is printed on every screen
// and act: 1 to MaxStoreName printable characters once trimmed; no line
// break, tab, escape sequence or other control or format character.
func CheckStoreName(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return Errorf(EInvalid, "enter the store's name")
	}
	if len([]rune(s)) > MaxStoreName {
		return Errorf(EInvalid, "a store's name has at most %d characters", MaxStoreName)
	}
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' || unicode.Is(unicode.Cf, r) {
			return Errorf(EInvalid, "a store's name has only printable characters: no line break, tab or escape sequence")
		}
	}
	return nil
}

// StoreServiceDays is the store's term for an item at the service centre:
// its setting n, or DefaultServiceDays where it has set none (0).
func StoreServiceDays(n int) int {
	if n > 0 {
		return n
	}
	return DefaultServiceDays
}

// CheckServiceDays checks a store's term for an item at the service centre:
// 1 to MaxServiceDays calendar days.
func CheckServiceDays(n int) error {
	if n < 1 || n > MaxServiceDays {
		return Errorf(EInvalid, "%d is not a number of days from 1 to %d", n, MaxServiceDays)
	}
	return nil
}

// StorePolicy is the policy a store runs: its own text when it has one (file
// names it in messages), else the built-in policy it names. Every reader of
// the store's settings resolves its policy here.
func StorePolicy(name, text string) (*Policy, error) {
	if strings.TrimSpace(text) != "" {
		return ParsePolicy([]byte(text), name)
	}
	return Builtin(name)
}
