package look

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key of the kiosk and the desk, in one place: screens match
// keys with key.Matches against these bindings, never by comparing strings.
// It implements help.KeyMap, so `?` shows the keys of the screen at hand
// (With adds them).
type KeyMap struct {
	// On every screen.
	Help    key.Binding
	Back    key.Binding
	Quit    key.Binding
	Confirm key.Binding
	Lock    key.Binding
	// In lists and text.
	Up       key.Binding
	Down     key.Binding
	Left     key.Binding
	Right    key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	First    key.Binding
	Last     key.Binding
	Toggle   key.Binding
	// A question on screen: yes or no.
	Yes key.Binding
	No  key.Binding

	Home     HomeKeys
	Sale     SaleKeys
	Inspect  InspectKeys
	Decision DecisionKeys
	Returned ReturnedKeys
	Desk     DeskKeys
	Day      DayKeys
	Case     CaseKeys
	Queue    QueueKeys
	Close    CloseKeys
	Export   ExportKeys

	// extra are the keys of the screen at hand, shown first by help.
	extra []key.Binding
}

// HomeKeys are the home screen's keys.
type HomeKeys struct{ New, Resume, Void, Staff, Logout, Desk key.Binding }

// SaleKeys are the sale step's keys.
type SaleKeys struct{ TypeSale, Edit, Correct key.Binding }

// InspectKeys are the inspection's keys.
type InspectKeys struct{ Answer, Next, Prev key.Binding }

// DecisionKeys are the decision screen's keys.
type DecisionKeys struct{ Scroll, Lead key.Binding }

// ReturnedKeys answer what became of an item back from the service centre.
type ReturnedKeys struct{ Repaired, Conclusion key.Binding }

// DeskKeys move between the sections of the shift lead's desk.
type DeskKeys struct{ Table, Queues, Close key.Binding }

// DayKeys are the keys of the desk's day table.
type DayKeys struct {
	Open, Search, Outcome, Status, Cashier, Flag, Clear, Day, Goto, Sign, Export, Page key.Binding
}

// CaseKeys are the keys of a case shown whole at the desk.
type CaseKeys struct{ Scroll, Sign, Paid, Decide, Note key.Binding }

// QueueKeys are the keys of the desk's queues.
type QueueKeys struct{ Tab, Prev, Open, Paid, Decide key.Binding }

// CloseKeys are the keys of the day close.
type CloseKeys struct{ CloseDay, Reopen, Export key.Binding }

// ExportKeys choose an export's format.
type ExportKeys struct{ CSV, JSON key.Binding }

func bind(help, what string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, what))
}

// homeKeys are the home screen's keys.
func homeKeys() HomeKeys {
	return HomeKeys{
		New:    bind("n", "new return", "n"),
		Resume: bind("enter", "resume", "enter", "r"),
		Void:   bind("x", "void the case", "x"),
		Staff:  bind("s", "add staff", "s"),
		Logout: bind("l", "log out", "l"),
		Desk:   bind("d", "shift lead's desk", "d"),
	}
}

// saleKeys are the sale step's keys.
func saleKeys() SaleKeys {
	return SaleKeys{
		TypeSale: bind("tab", "type the sale instead", "tab", "ctrl+t"),
		Edit:     bind("e", "correct (a shift lead)", "e"),
		Correct:  bind("ctrl+e", "correct the import (a shift lead)", "ctrl+e"),
	}
}

// DefaultKeys is the kiosk's key map.
func DefaultKeys() KeyMap {
	return KeyMap{
		Help:     bind("?/f1", "keys", "?", "f1"),
		Back:     bind("esc", "back", "esc"),
		Quit:     bind("ctrl+c", "quit", "ctrl+c"),
		Confirm:  bind("enter", "confirm", "enter"),
		Lock:     bind("ctrl+l", "lock", "ctrl+l"),
		Up:       bind("↑/k", "up", "up", "k"),
		Down:     bind("↓/j", "down", "down", "j"),
		Left:     bind("←", "left", "left"),
		Right:    bind("→", "right", "right"),
		PageUp:   bind("pgup", "page up", "pgup"),
		PageDown: bind("pgdn", "page down", "pgdown"),
		First:    bind("home", "first", "home"),
		Last:     bind("end", "last", "end"),
		Toggle:   bind("space", "toggle", " "),
		Yes:      bind("y", "yes", "y", "Y"),
		No:       bind("n", "no", "n", "N"),
		Home:     homeKeys(),
		Sale:     saleKeys(),
		Inspect: InspectKeys{
			Answer: bind("1-9,a-z", "switch an answer", "1"),
			Next:   bind("tab", "next line", "tab"),
			Prev:   bind("shift+tab", "line before", "shift+tab"),
		},
		Decision: DecisionKeys{
			Scroll: bind("↑/↓ pgup/pgdn", "scroll", "down"),
			Lead:   bind("enter", "call a shift lead", "enter"),
		},
		Returned: ReturnedKeys{
			Repaired:   bind("r", "repaired", "r", "R"),
			Conclusion: bind("c", "a conclusion", "c", "C"),
		},
		Desk: DeskKeys{
			Table:  bind("1", "day's table", "1"),
			Queues: bind("2", "queues", "2"),
			Close:  bind("3", "day close", "3"),
		},
		Day: DayKeys{
			Open:    bind("enter", "open the case", "enter"),
			Search:  bind("/", "search receipt, serial, case id", "/"),
			Outcome: bind("o", "outcome filter", "o"),
			Status:  bind("t", "status filter", "t"),
			Cashier: bind("c", "cashier filter", "c"),
			Flag:    bind("f", "flag filter", "f"),
			Clear:   bind("x", "clear filters", "x"),
			Day:     bind("←/→", "day before/after", "left", "right"),
			Goto:    bind("g", "go to a day", "g"),
			Sign:    bind("s", "sign off", "s"),
			Export:  bind("e", "export the day", "e"),
			Page:    bind("pgup/pgdn", "page", "pgup", "pgdown", "home", "end"),
		},
		Case: CaseKeys{
			Scroll: bind("↑/↓ pgup/pgdn", "scroll", "up", "down", "pgup", "pgdown"),
			Sign:   bind("s", "sign off", "s"),
			Paid:   bind("p", "mark the refund paid", "p"),
			Decide: bind("d", "decide the escalation", "d"),
			Note:   bind("n", "add a note (a correction)", "n"),
		},
		Queue: QueueKeys{
			Tab:    bind("tab/←/→", "next queue", "tab", "right", "left", "shift+tab"),
			Prev:   bind("shift+tab/←", "queue before", "shift+tab", "left"),
			Open:   bind("enter", "open the case", "enter"),
			Paid:   bind("p", "mark paid", "p"),
			Decide: bind("d", "decide", "d"),
		},
		Close: CloseKeys{
			CloseDay: bind("c", "close the day", "c"),
			Reopen:   bind("o", "reopen", "o"),
			Export:   bind("e", "export the summary", "e"),
		},
		Export: ExportKeys{
			CSV:  bind("c", "CSV", "c"),
			JSON: bind("j", "JSON", "j"),
		},
	}
}

// With is the key map with the keys of one screen added.
func (k KeyMap) With(extra ...key.Binding) KeyMap {
	k.extra = extra
	return k
}

// ShortHelp is the one-line help: the screen's keys, then back and help.
func (k KeyMap) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, k.extra...), k.Back, k.Help)
}

// FullHelp is every key, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.extra, {k.Confirm, k.Back, k.Up, k.Down, k.Toggle}, {k.Help, k.Lock, k.Quit}}
}

// Extra is the keys of the screen at hand, as With added them.
func (k KeyMap) Extra() []key.Binding { return k.extra }
