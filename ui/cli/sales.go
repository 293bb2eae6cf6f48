package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

var salesImportHelp = lang.Key(`Imports sales from the point of sale, so that a receipt or a serial scanned
at the till finds its sale. FILE is CSV with a header row naming its
columns, in any order:

  %s

receipt, date (YYYY-MM-DD or DD.MM.YYYY), model and price (19999.00 or
19999,00) are required; line defaults to 1, currency to UAH, tender (cash,
card, transfer, credit) to cash, condition (new, used) to new; market is eu,
us or asia; warranty_contract is yes or no. A receipt line imported again is
replaced.

The file is RFC 4180 (cells separated by ",") or as a spreadsheet in a
Ukrainian locale saves it (CSV UTF-8: a byte order mark, cells separated by
";"): the separator is the header row's.

A bad row is reported with its line number and column, and nothing from the
file is imported. While the kiosk holds the store file, the import runs
inside it, through DATA/admin.sock (the owner's only).

  --data DIR   the data folder (default $RETURNSDESK_DATA, else
               $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk)`)

// salesImportHelpArgs fill salesImportHelp in: the CSV's columns.
func salesImportHelpArgs() []any { return []any{strings.Join(store.SalesColumns, ",")} }

// runSalesImport imports the sales of a point-of-sale CSV file, all of them
// or, at the first bad row, none.
func runSalesImport(env Env, args []string) int {
	fs := newFlags("sales import")
	data := fs.String("data", "", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "sales import", err)
	}
	const cmd = "sales import"
	if fs.NArg() != 1 {
		complain(env, cmd, env.tr().T("name one CSV file"))
		return ExitUsage
	}
	file := fs.Arg(0)
	dir := dataDir(env, *data)
	f, err := os.Open(env.path(file))
	if err != nil {
		complain(env, cmd, sayErr(env.tr(), env.asGiven(err, file)))
		return ExitUsage
	}
	defer f.Close()
	st, closeStore, code := openCommandStore(env, "sales import", dir)
	if st == nil {
		return code
	}
	defer closeStore()
	tr := env.trOf(st)
	now := env.Now()
	sales, err := store.ParseSalesCSV(f, st.Today(now))
	if err != nil {
		complain(env, cmd, tr.T("%s: %s (nothing imported)", file, salesErr(tr, err)))
		return ExitFail
	}
	n, err := st.ImportSales(sales, filepath.Base(file), "sales import", now)
	if err != nil {
		complain(env, cmd, tr.T("%s (nothing imported)", salesErr(tr, err)))
		return ExitFail
	}
	fmt.Fprintln(env.Stdout, tr.N("imported %d sales from %s", n, n, file))
	return ExitOK
}

// salesErr is err as the sales import prints it: a bad row (store.SalesError)
// in p's language, with its line and column; else as sayErr says it.
func salesErr(p *lang.Printer, err error) string {
	var se *store.SalesError
	if errors.As(err, &se) {
		return se.In(p)
	}
	return sayErr(p, err)
}
