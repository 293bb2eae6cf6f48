package cli

import (
	"errors"
	"fmt"
	"strings"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/export"
)

var exportHelp = lang.Key(`Exports one day's returns, for a spreadsheet or a script: every case filed
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

CSV columns: %s`)

// exportHelpArgs fill exportHelp in: the CSV's columns.
func exportHelpArgs() []any { return []any{strings.Join(export.Columns, ",")} }

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
	tr := env.tr()
	refuse := func(msg string) (*exportArgs, int) {
		complain(env, "export", msg)
		return nil, ExitUsage
	}
	if fs.NArg() > 0 {
		return refuse(tr.T("unexpected %q; see returnsdesk export --help", fs.Args()))
	}
	a := &exportArgs{dir: dataDir(env, *data), out: *out}
	a.req.Summary = *summary
	a.req.Format = strings.ToLower(strings.TrimSpace(*format))
	if a.req.Format != "csv" && a.req.Format != "json" {
		return refuse("--format: " + tr.T("%q is not csv or json", a.req.Format))
	}
	if *dialect != "" {
		d, err := export.ParseDialect(*dialect)
		if err != nil {
			return refuse("--csv-dialect: " + tr.T("%q is not a dialect: uk or rfc4180", *dialect))
		}
		a.req.Dialect = d
	}
	if *dayText != "" {
		d, err := flow.ParseDate(*dayText)
		if err != nil {
			return refuse("--day: " + sayErr(tr, err))
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
		tr := env.tr()
		complain(env, "export", storeFile(a.dir)+": "+sayErr(tr, err))
		if errors.Is(err, store.ErrLocked) {
			complain(env, "export", tr.T("export from the shift lead's desk (e on the day's table), or stop the kiosk first"))
		}
		return ExitFail
	}
	defer closeStore()
	tr := env.trOf(s)
	today := s.Today(env.Now())
	if a.req.Day.IsZero() {
		a.req.Day = today
	}
	if a.req.Dialect == "" {
		set, err := s.Settings()
		if err != nil {
			complain(env, "export", sayErr(tr, err))
			return ExitFail
		}
		a.req.Dialect = export.StoreDialect(set)
	}
	res, err := export.Day(s, a.req, today, s.Location())
	if err != nil {
		complain(env, "export", sayErr(tr, err))
		return ExitFail
	}
	return writeExport(env, tr, a, res)
}

// writeExport writes an export to standard output or to the file asked for,
// and says what went to the file, in tr's language.
func writeExport(env Env, tr *lang.Printer, a *exportArgs, res export.Result) int {
	if a.out == "" {
		if _, err := env.Stdout.Write(res.Data); err != nil {
			complain(env, "export", sayErr(tr, err))
			return ExitFail
		}
		return ExitOK
	}
	if err := export.WriteFile(env.path(a.out), res.Data); err != nil {
		complain(env, "export", tr.T("cannot write %s: %s", a.out, sayErr(tr, err)))
		return ExitFail
	}
	if a.req.Summary {
		fmt.Fprintln(env.Stderr, tr.T("the summary of %s written to %s", a.req.Day.In(tr), a.out))
	} else {
		fmt.Fprintln(env.Stderr, tr.N("%d cases of %s written to %s", res.N, res.N, a.req.Day.In(tr), a.out))
	}
	return ExitOK
}
