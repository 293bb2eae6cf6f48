package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// replacementKeys type a replacement into its form: its model, that it has
// a serial, the serial, the price, and the tender as offered (the sale's).
func replacementKeys(model, serial, price string) []tea.Msg {
	return join(replace(model), kEnter, replace(serial), replace(price), kEnter)
}
