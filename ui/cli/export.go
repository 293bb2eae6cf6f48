package cli

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
  --csv-dialect uk|rfc4180
                      uk: for a spreadsheet in a Ukrainian locale: UTF-8 with
                      a byte order mark, ";" between cells, money as 19999,00;
                      rfc4180: "," between cells, money as 19999.00, no byte
                      order mark (default: the dialect of the store's
                      language, uk for a Ukrainian store)
  --summary           the day's summary instead: counts by outcome, refunds by
                      tender, refunds owed, escalations, flags; for a closed
                      day, as it stood at the close, with the chain head
  --data DIR          the data folder (default $RETURNSDESK_DATA, else
                      $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk)
  -o FILE             write to FILE (replaced whole) instead of standard output

Money has a currency column; dates are YYYY-MM-DD in both dialects, which a
spreadsheet reads as a date in any locale, and times RFC 3339 in the store's
time zone. A cell a spreadsheet would run as a formula starts with '. The
command opens the store read-only; while the kiosk holds the store file, the
export runs inside it, through DATA/admin.sock (the owner's only).

CSV columns: ` + "{{columns}}"

// exportHelpText is exportHelp with the CSV's columns filled in.
var exportHelpText = strings.Replace(exportHelp, "{{columns}}", strings.Join(export.Columns, ","), 1)

// exportArgs is what an export command line asks for: the request (a zero
// day is today, in the store's time zone), the data directory and the file
// to write ("" for standard output).
type exportArgs struct {
	req      export.Request
	dir, out string
}

// parseExport reads the export command line; on bad input it says why and
// returns nil with the exit code.
func parseExport(env Env, args []string) (*exportArgs, int) {
	fs := newFlags("export")
	data := fs.String("data", "", "")
	dayText := fs.String("day", "", "")
	format := fs.String("format", "csv", "")
	dialect := fs.String("csv-dialect", "", "")
	summary := fs.Bool("summary", false, "")
	out := fs.String("o", "", "")
	if err := fs.Parse(args); err != nil {
		return nil, flagErr(env, "export", err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "returnsdesk export: unexpected %q; see returnsdesk export --help\n", fs.Args())
		return nil, ExitUsage
	}
	a := &exportArgs{dir: dataDir(env, *data), out: *out}
	a.req.Summary = *summary
	a.req.Format = strings.ToLower(strings.TrimSpace(*format))
	if a.req.Format != "csv" && a.req.Format != "json" {
		fmt.Fprintf(env.Stderr, "returnsdesk export: --format: %q is not csv or json\n", a.req.Format)
		return nil, ExitUsage
	}
	if *dialect != "" {
		d, err := export.ParseDialect(*dialect)
		if err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk export: --csv-dialect: %v\n", err)
			return nil, ExitUsage
		}
		a.req.Dialect = d
	}
	if *dayText != "" {
		d, err := flow.ParseDate(*dayText)
		if err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk export: --day: %v\n", err)
			return nil, ExitUsage
		}
		a.req.Day = d
	}
	return a, ExitOK
}

// runExport exports a day's returns, or its summary, from the store opened
// read-only, as the shift lead's desk does.
func runExport(env Env, args []string) int {
	a, code := parseExport(env, args)
	if a == nil {
		return code
	}
	s, closeStore, err := openStore(env, a.dir, store.Options{ReadOnly: true})
	if code, ok := ranElsewhere(err); ok {
		return code
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk export: %s: %v\n", storeFile(a.dir), err)
		if errors.Is(err, store.ErrLocked) {
			fmt.Fprintln(env.Stderr, "returnsdesk export: export from the shift lead's desk (e on the day's table), "+
				"or stop the kiosk first")
		}
		return ExitFail
	}
	defer closeStore()
	today := s.Today(env.Now())
	if a.req.Day.IsZero() {
		a.req.Day = today
	}
	if a.req.Dialect == "" {
		set, err := s.Settings()
		if err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk export: %v\n", err)
			return ExitFail
		}
		a.req.Dialect = export.StoreDialect(set)
	}
	res, err := export.Day(s, a.req, today, s.Location())
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk export: %v\n", err)
		return ExitFail
	}
	return writeExport(env, a, res)
}

// writeExport writes an export to standard output or to the file asked for,
// and says what went to the file.
func writeExport(env Env, a *exportArgs, res export.Result) int {
	if a.out == "" {
		if _, err := env.Stdout.Write(res.Data); err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk export: %v\n", err)
			return ExitFail
		}
		return ExitOK
	}
	if err := export.WriteFile(env.path(a.out), res.Data); err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk export: cannot write %s: %v\n", a.out, err)
		return ExitFail
	}
	if a.req.Summary {
		fmt.Fprintf(env.Stderr, "the summary of %s written to %s\n", a.req.Day, a.out)
	} else {
		fmt.Fprintf(env.Stderr, "%s of %s written to %s\n", look.Plural(res.N, "case"), a.req.Day, a.out)
	}
	return ExitOK
}
