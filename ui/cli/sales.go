package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"example.com/returnsdesk/store"
)

var salesImportHelp = `Imports sales from the point of sale, so that a receipt or a serial scanned
at the till finds its sale. FILE is CSV with a header row naming its
columns, in any order:

  ` + strings.Join(store.SalesColumns, ",") + `

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
               $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk)`

// runSalesImport imports the sales of a point-of-sale CSV file, all of them
// or, at the first bad row, none.
func runSalesImport(env Env, args []string) int {
	fs := newFlags("sales import")
	data := fs.String("data", "", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "sales import", err)
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.Stderr, "returnsdesk sales import: name one CSV file")
		return ExitUsage
	}
	file := fs.Arg(0)
	dir := dataDir(env, *data)
	f, err := os.Open(env.path(file))
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk sales import: %v\n", env.asGiven(err, file))
		return ExitUsage
	}
	defer f.Close()
	st, closeStore, code := openCommandStore(env, "sales import", dir)
	if st == nil {
		return code
	}
	defer closeStore()
	now := env.Now()
	sales, err := store.ParseSalesCSV(f, st.Today(now))
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk sales import: %s: %v (nothing imported)\n", file, err)
		return ExitFail
	}
	n, err := st.ImportSales(sales, filepath.Base(file), "sales import", now)
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk sales import: %v (nothing imported)\n", err)
		return ExitFail
	}
	fmt.Fprintf(env.Stdout, "imported %d sales from %s\n", n, file)
	return ExitOK
}
