package ui

import (
	"errors"
	"fmt"
	"strings"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
	"example.com/returnsdesk/ui/look"
)

const exportHelp = `Exports one day's returns, for a spreadsheet or a script: every case filed
under the day, one row (or object) each, as the shift lead's desk exports
them (e on the day's table). Passports appear masked only: type and last 4.

  --day YYYY-MM-DD    the day (default: today, in the store's time zone)
  --format csv|json   CSV with a header row (default), or a JSON array of objects
  --summary           the day's summary instead: counts by outcome, refunds by
                      tender, refunds owed, escalations, flags; for a closed
                      day, as it stood at the close, with the chain head
  --data DIR          the data folder (default $RETURNSDESK_DATA, else
                      $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk)
  -o FILE             write to FILE (replaced whole) instead of standard output

Money is written as 19999.00 with a currency column; times in RFC 3339 in the
store's time zone. The command opens the store read-only; the kiosk holds the
store file while it runs: export from the desk there, or stop it first.

CSV columns: ` + "{{columns}}"

// exportHelpText is exportHelp with the CSV's columns filled in.
var exportHelpText = strings.Replace(exportHelp, "{{columns}}", strings.Join(export.Columns, ","), 1)

func runExport(env Env, args []string) int {
	fs := newFlags("export")
	data := fs.String("data", "", "")
	dayText := fs.String("day", "", "")
	format := fs.String("format", "csv", "")
	summary := fs.Bool("summary", false, "")
	out := fs.String("o", "", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "export", err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "returnsdesk export: unexpected %q; see returnsdesk export --help\n", fs.Args())
		return ExitUsage
	}
	*format = strings.ToLower(strings.TrimSpace(*format))
	if *format != "csv" && *format != "json" {
		fmt.Fprintf(env.Stderr, "returnsdesk export: --format: %q is not csv or json\n", *format)
		return ExitUsage
	}
	var day flow.Date
	if *dayText != "" {
		d, err := flow.ParseDate(*dayText)
		if err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk export: --day: %v\n", err)
			return ExitUsage
		}
		day = d
	}
	dir := *data
	if dir == "" {
		dir = DefaultDataDir(env.Getenv)
	}
	s, err := store.Open(storeFile(dir), store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk export: %s: %v\n", storeFile(dir), err)
		if errors.Is(err, store.ErrLocked) {
			fmt.Fprintln(env.Stderr, "returnsdesk export: export from the shift lead's desk (e on the day's table), "+
				"or stop the kiosk first")
		}
		return ExitFail
	}
	defer s.Close()
	loc := s.Location()
	now := env.Now()
	if day.IsZero() {
		day = s.Today(now)
	}
	res, err := export.Day(s, export.Request{Day: day, Format: *format, Summary: *summary}, s.Today(now), loc)
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk export: %v\n", err)
		return ExitFail
	}
	b, n := res.Data, res.N
	if *out == "" {
		if _, err := env.Stdout.Write(b); err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk export: %v\n", err)
			return ExitFail
		}
		return ExitOK
	}
	if err := export.WriteFile(*out, b); err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk export: cannot write %s: %v\n", *out, err)
		return ExitFail
	}
	if *summary {
		fmt.Fprintf(env.Stderr, "the summary of %s written to %s\n", day, *out)
	} else {
		fmt.Fprintf(env.Stderr, "%s of %s written to %s\n", look.Plural(n, "case"), day, *out)
	}
	return ExitOK
}
