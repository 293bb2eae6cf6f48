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
)

// StorePolicy is the policy a store runs: its own text when it has one (file
// names it in messages), else the built-in policy it names. Every reader of
// the store's settings resolves its policy here.
func StorePolicy(name, text string) (*Policy, error) {
	if strings.TrimSpace(text) != "" {
		return ParsePolicy([]byte(text), name)
	}
	return Builtin(name)
}
