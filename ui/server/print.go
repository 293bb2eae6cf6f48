package server

import (
	"fmt"
	"os/exec"
	"strings"

	"example.com/returnsdesk/flow"
)

// tillPrinter prints an act on the till's own printer: the till's command,
// with the act's file as its last argument, in place of the store's print
// command (which names the back office's printer). A till without a printer
// says so, and the act screen asks to print the file by hand.
func tillPrinter(till Till) func(command, file string) error {
	return func(_, file string) error {
		args := strings.Fields(till.Printer)
		if len(args) == 0 {
			return flow.Errorf(flow.EUnavailable, "till %s has no printer", till.Name)
		}
		out, err := exec.Command(args[0], append(args[1:], file)...).CombinedOutput()
		if err != nil {
			return flow.Errorf(flow.EUnavailable, "the print command %s of till %s failed", args[0], till.Name).
				Wrap(fmt.Errorf("%v %s", err, strings.TrimSpace(string(out))))
		}
		return nil
	}
}
