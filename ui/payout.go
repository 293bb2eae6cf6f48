package ui

// printer is how this terminal prints a file: Deps.Print, else the print
// command run.
func (m *Model) printer() func(command, file string) error {
	if m.d.Print != nil {
		return m.d.Print
	}
	return runPrint
}
