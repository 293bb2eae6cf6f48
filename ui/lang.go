package ui

import (
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// sessionLangs are the two languages of a session. The customer's is the
// store's: the act and anything the customer sees follow the store (the
// state language, unless the store says otherwise). The staff's, for the
// logged-in person's own screens, is their preference, else the till's
// (till, "" for none), else the store's; before anyone logs in (user nil),
// the till's, else the store's.
func sessionLangs(set store.Settings, till lang.Lang, user *store.StaffMember) (customer, staff lang.Lang) {
	customer, staff = set.Lang(), set.Lang()
	if till != "" {
		staff = till
	}
	if user != nil && user.Language != "" {
		staff = user.Language
	}
	return customer, staff
}

// takeLangs holds the printers of the session's languages as the settings
// held, the till and the person logged in make them: at the start, at each
// login and when the screen is locked or left.
func (m *Model) takeLangs() {
	customer, staff := sessionLangs(m.settings, m.d.Language, m.user)
	m.customerText, m.staffText = lang.For(customer), lang.For(staff)
	if m.keys.Printer() != m.staffText { // the key help in the person's language; the screens keep &m.keys
		m.keys = look.KeysIn(m.staffText)
	}
}
