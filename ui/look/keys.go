package look

import (
	"regexp"

	"github.com/charmbracelet/bubbles/key"

	"example.com/returnsdesk/flow/lang"
)

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
	Staff    StaffKeys
	Sale     SaleKeys
	Inspect  InspectKeys
	Decision DecisionKeys
	Returned ReturnedKeys
	Act      ActKeys
	Desk     DeskKeys
	Day      DayKeys
	Case     CaseKeys
	Queue    QueueKeys
	Close    CloseKeys
	Export   ExportKeys

	// extra are the keys of the screen at hand, shown first by help.
	extra []key.Binding
	// p is the language of the help: the staff's (KeysIn).
	p *lang.Printer
}

// Printer is the printer of the key map's language: the words around its
// keys (a question's answers) are in it too.
func (k KeyMap) Printer() *lang.Printer {
	if k.p == nil {
		return lang.English()
	}
	return k.p
}

// HomeKeys are the home screen's keys.
type HomeKeys struct{ New, Resume, Void, Staff, Logout, Desk, Reprint key.Binding }

// StaffKeys are the keys of the shift lead's staff list.
type StaffKeys struct{ Add, PIN, Unlock, Deactivate, Reactivate key.Binding }

// SaleKeys are the sale step's keys.
type SaleKeys struct{ TypeSale, Edit, Correct key.Binding }

// InspectKeys are the inspection's keys.
type InspectKeys struct{ Answer, Next, Prev key.Binding }

// DecisionKeys are the decision screen's keys.
type DecisionKeys struct{ Scroll, Lead key.Binding }

// ReturnedKeys answer what became of an item back from the service centre.
type ReturnedKeys struct{ Repaired, Conclusion key.Binding }

// ActKeys are the act screen's keys: another item of the receipt, in the
// same visit.
type ActKeys struct{ Another key.Binding }

// DeskKeys move between the sections of the shift lead's desk.
type DeskKeys struct{ Table, Queues, Close key.Binding }

// DayKeys are the keys of the desk's day table.
type DayKeys struct {
	Open, Search, Outcome, Status, Cashier, Flag, Clear, Day, Goto, Sign, Export, Page key.Binding
}

// CaseKeys are the keys of a case shown whole at the desk.
type CaseKeys struct{ Scroll, Sign, Paid, Decide, Note, Acts key.Binding }

// QueueKeys are the keys of the desk's queues.
type QueueKeys struct{ Tab, Prev, Open, Paid, Decide key.Binding }

// CloseKeys are the keys of the day close.
type CloseKeys struct{ CloseDay, Reopen, Export key.Binding }

// ExportKeys choose an export's format.
type ExportKeys struct{ CSV, JSON key.Binding }

// binder is how KeysIn binds keys: help is the key as the help writes it
// (in Ukrainian, a letter as the cashier sees it on the Ukrainian layout:
// "т" for n), what the help's words, printed already.
type binder func(help, what string, keys ...string) key.Binding

func binderIn(l lang.Lang) binder {
	return func(help, what string, keys ...string) key.Binding {
		if l == lang.UK {
			help = OnLayout(help)
		}
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, what))
	}
}

// OnLayout is a key's help with each Latin letter of it alone ("n",
// "↑/k") as the Ukrainian layout labels the key ("т", "↑/л"), and each end
// of a range of letters ("1-9,a-z": "1-9,ф-я"); any other part as it is.
func OnLayout(help string) string {
	return helpPart.ReplaceAllStringFunc(help, func(part string) string {
		r := []rune(part)
		switch {
		case len(r) == 1:
			if c, ok := latinToUK[r[0]]; ok {
				return string(c)
			}
		case len(r) == 3 && r[1] == '-':
			a, okA := latinToUK[r[0]]
			z, okZ := latinToUK[r[2]]
			if okA && okZ {
				return string(a) + "-" + string(z)
			}
		}
		return part
	})
}

// helpPart is a part of a key's help between its separators ("↑/k", "1-9,a-z").
var helpPart = regexp.MustCompile(`[^/,]+`)

// homeKeys are the home screen's keys.
func homeKeys(p *lang.Printer, bind binder) HomeKeys {
	return HomeKeys{
		New:    bind("n", p.T("new return"), "n"),
		Resume: bind("enter", p.T("resume"), "enter", "r"),
		Void:   bind("x", p.T("void the case"), "x"),
		Staff:  bind("s", p.T("staff"), "s"),
		Logout: bind("l", p.T("log out"), "l"),
		Desk:   bind("d", p.T("shift lead's desk"), "d"),
		// p: print, as a cashier says it
		Reprint: bind("p", p.T("print an act again"), "p"),
	}
}

// staffKeys are the staff list's keys.
func staffKeys(p *lang.Printer, bind binder) StaffKeys {
	return StaffKeys{
		Add:        bind("a", p.T("add staff"), "a"),
		PIN:        bind("p", p.T("reset the PIN"), "p"),
		Unlock:     bind("u", p.T("unlock"), "u"),
		Deactivate: bind("x", p.T("deactivate"), "x"),
		Reactivate: bind("r", p.T("reactivate"), "r"),
	}
}

// saleKeys are the sale step's keys.
func saleKeys(p *lang.Printer, bind binder) SaleKeys {
	return SaleKeys{
		TypeSale: bind("tab", p.T("type the sale instead"), "tab", "ctrl+t"),
		Edit:     bind("e", p.T("correct (a shift lead)"), "e"),
		Correct:  bind("ctrl+e", p.T("correct the import (a shift lead)"), "ctrl+e"),
	}
}

// DefaultKeys is the kiosk's key map, its help in English.
func DefaultKeys() KeyMap { return KeysIn(lang.English()) }

// KeysIn is the kiosk's key map, its help in p's language: the same keys
// (a Cyrillic letter is its key's Latin one: Latin).
func KeysIn(p *lang.Printer) KeyMap {
	bind := binderIn(p.Lang())
	k := KeyMap{
		Help:     bind("?/f1", p.T("keys"), "?", "f1"),
		Back:     bind("esc", p.T("back"), "esc"),
		Quit:     bind("ctrl+c", p.T("quit"), "ctrl+c"),
		Confirm:  bind("enter", p.T("confirm"), "enter"),
		Lock:     bind("ctrl+l", p.T("lock"), "ctrl+l"),
		Up:       bind("↑/k", p.T("up"), "up", "k"),
		Down:     bind("↓/j", p.T("down"), "down", "j"),
		Left:     bind("←", p.T("left"), "left"),
		Right:    bind("→", p.T("right"), "right"),
		PageUp:   bind("pgup", p.T("page up"), "pgup"),
		PageDown: bind("pgdn", p.T("page down"), "pgdown"),
		First:    bind("home", p.T("first"), "home"),
		Last:     bind("end", p.T("last"), "end"),
		Toggle:   bind("space", p.T("toggle"), " "),
		Yes:      bind("y", p.T("yes"), "y", "Y"),
		No:       bind("n", p.T("no"), "n", "N"),
		Home:     homeKeys(p, bind),
		Staff:    staffKeys(p, bind),
		Sale:     saleKeys(p, bind),
		Inspect: InspectKeys{
			Answer: bind("1-9,a-z", p.T("switch an answer"), "1"),
			Next:   bind("tab", p.T("next line"), "tab"),
			Prev:   bind("shift+tab", p.T("line before"), "shift+tab"),
		},
		Decision: DecisionKeys{
			Scroll: bind("↑/↓ pgup/pgdn", p.T("scroll"), "down"),
			Lead:   bind("enter", p.T("call a shift lead"), "enter"),
		},
		Returned: ReturnedKeys{
			Repaired:   bind("r", p.T("repaired"), "r", "R"),
			Conclusion: bind("c", p.T("a conclusion"), "c", "C"),
		},
		Act: ActKeys{Another: bind("a", p.T("another item of this receipt"), "a", "A")},
		p:   p,
	}
	deskKeys(&k, p, bind)
	return k
}

// deskKeys are the keys of the shift lead's desk, in k.
func deskKeys(k *KeyMap, p *lang.Printer, bind binder) {
	k.Desk = DeskKeys{
		Table:  bind("1", p.T("day's table"), "1"),
		Queues: bind("2", p.T("queues"), "2"),
		Close:  bind("3", p.T("day close"), "3"),
	}
	k.Day = DayKeys{
		Open:    bind("enter", p.T("open the case"), "enter"),
		Search:  bind("/", p.T("search receipt, serial, case id"), "/"),
		Outcome: bind("o", p.T("outcome filter"), "o"),
		Status:  bind("t", p.T("status filter"), "t"),
		Cashier: bind("c", p.T("cashier filter"), "c"),
		Flag:    bind("f", p.T("flag filter"), "f"),
		Clear:   bind("x", p.T("clear filters"), "x"),
		Day:     bind("←/→", p.T("day before/after"), "left", "right"),
		Goto:    bind("g", p.T("go to a day"), "g"),
		Sign:    bind("s", p.T("sign off"), "s"),
		Export:  bind("e", p.T("export the day"), "e"),
		Page:    bind("pgup/pgdn", p.T("page"), "pgup", "pgdown", "home", "end"),
	}
	k.Case = CaseKeys{
		Scroll: bind("↑/↓ pgup/pgdn", p.T("scroll"), "up", "down", "pgup", "pgdown"),
		Sign:   bind("s", p.T("sign off"), "s"),
		Paid:   bind("p", p.T("mark the refund paid"), "p"),
		Decide: bind("d", p.T("decide the escalation"), "d"),
		Note:   bind("n", p.T("add a note (a correction)"), "n"),
		Acts:   bind("a", p.T("print an act again"), "a"),
	}
	k.Queue = QueueKeys{
		Tab:    bind("tab/←/→", p.T("next queue"), "tab", "right", "left", "shift+tab"),
		Prev:   bind("shift+tab/←", p.T("queue before"), "shift+tab", "left"),
		Open:   bind("enter", p.T("open the case"), "enter"),
		Paid:   bind("p", p.T("mark paid"), "p"),
		Decide: bind("d", p.T("decide"), "d"),
	}
	k.Close = CloseKeys{
		CloseDay: bind("c", p.T("close the day"), "c"),
		Reopen:   bind("o", p.T("reopen"), "o"),
		Export:   bind("e", p.T("export the summary"), "e"),
	}
	k.Export = ExportKeys{
		CSV:  bind("c", "CSV", "c"),
		JSON: bind("j", "JSON", "j"),
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

// FullHelp is every key, in columns, each once: the screen's own, then
// those of every screen it does not name itself.
func (k KeyMap) FullHelp() [][]key.Binding {
	seen := map[string]bool{}
	once := func(bs ...key.Binding) []key.Binding {
		var out []key.Binding
		for _, b := range bs {
			if h := b.Help().Key; !seen[h] {
				seen[h] = true
				out = append(out, b)
			}
		}
		return out
	}
	return [][]key.Binding{once(k.extra...), once(k.Confirm, k.Back, k.Up, k.Down, k.Toggle), once(k.Help, k.Lock, k.Quit)}
}

// Extra is the keys of the screen at hand, as With added them.
func (k KeyMap) Extra() []key.Binding { return k.extra }
