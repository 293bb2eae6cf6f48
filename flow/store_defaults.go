package flow

import "strings"

// The store's defaults where its settings or a policy say nothing.
const (
	// DefaultCurrency is the currency of a sale or a policy that names none.
	DefaultCurrency = "UAH"
	// DefaultIdleMinutes is how long a kiosk waits for a key before it locks
	// the screen, when the store has not set its own.
	DefaultIdleMinutes = 15
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
