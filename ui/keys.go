package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key of the kiosk. It implements help.KeyMap, so `?` can
// show the keys of the screen at hand.
type KeyMap struct {
	Help    key.Binding
	Back    key.Binding
	Quit    key.Binding
	Confirm key.Binding
	Up      key.Binding
	Down    key.Binding
	Toggle  key.Binding
	Lock    key.Binding

	// extra are the keys of the screen at hand, shown first by help.
	extra []key.Binding
}

// DefaultKeys is the kiosk's key map.
func DefaultKeys() KeyMap {
	return KeyMap{
		Help:    key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?/f1", "keys")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Toggle:  key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "toggle")),
		Lock:    key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "lock")),
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
