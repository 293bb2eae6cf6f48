package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

var repairHelp = lang.Key(`Repairs a store that returnsdesk check rejects, when no good backup is at
hand: a shift lead's explicit act, on the audit trail in the lead's name.
The store file is copied record by record into a new file, and there the
repair drops every record check finds fault with (a case, a staff account,
a till, the settings), accepts every broken link of the audit chain (its
events stay), builds every index again, and appends one repair event that
lists what it dropped and accepted. It takes the new file only if check
then passes; the old file is kept beside it as returnsdesk.db.before-repair-
TIME. A file whose pages are damaged is not repaired: restore a backup.
Stop the kiosk first: the repair needs the store file to itself. The lead's
PIN is read from standard input (asked for, without echo, on a terminal).

  --lead NAME  the shift lead who repairs the store
  --data DIR   the data folder (as for the kiosk)

Exit 0 when repaired, or when the store passes its check (nothing to
repair); exit 2 without --lead or a PIN; exit 1 when the lead or the PIN is
wrong, the kiosk holds the store, or the store cannot be repaired.`)

// runRepair has a shift lead repair a store that check rejects.
func runRepair(env Env, args []string) int {
	const cmd = "repair"
	fs := newFlags(cmd)
	data := fs.String("data", "", "")
	lead := fs.String("lead", "", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, cmd, err)
	}
	tr := env.tr()
	if flow.StaffName(*lead) == "" {
		complain(env, cmd, "--lead: "+tr.T("name the shift lead who repairs the store"))
		return ExitUsage
	}
	pin, err := readPIN(env, tr, *lead)
	switch {
	case errors.Is(err, errNoPIN):
		complain(env, cmd, tr.T("the PIN on standard input: %s",
			tr.T("no PIN was given: pipe it in as one line (echo $PIN | returnsdesk repair ...)")))
		return ExitUsage
	case err != nil:
		complain(env, cmd, tr.T("the PIN on standard input: %s", look.SayIn(tr, err, "read the PIN")))
		return ExitUsage
	}
	path := storeFile(dataDir(env, *data))
	tr = checkedLang(env, path) // the store's language, where its settings read
	now := time.Now
	if env.Now != nil {
		now = env.Now
	}
	rep, err := store.RepairFile(path, store.Options{}, *lead, pin, now())
	if err != nil {
		complain(env, cmd, sayErr(tr, err))
		return ExitFail
	}
	if rep.Nothing {
		fmt.Fprintln(env.Stdout, tr.T("the store passes its check: there is nothing to repair"))
		return ExitOK
	}
	fmt.Fprintln(env.Stdout, tr.T("the store is repaired (audit event %d): %s dropped, %s accepted; the file before "+
		"the repair is kept as %s", rep.Seq, tr.N("%d records", len(rep.Dropped), len(rep.Dropped)),
		tr.N("%d broken links", len(rep.Accepted), len(rep.Accepted)), rep.Kept))
	for _, d := range rep.Dropped {
		fmt.Fprintln(env.Stdout, "  - "+tr.T("dropped: %s", recordWords(tr, d)))
	}
	for _, a := range rep.Accepted {
		fmt.Fprintln(env.Stdout, "  - "+tr.T("accepted: the link of audit event %d", a))
	}
	return ExitOK
}

// recordWords is a record the repair dropped, as its event lists it
// ("staff:NAME", "till:NAME", "case:ID", "settings"), in words.
func recordWords(tr *lang.Printer, key string) string {
	kind, name, _ := strings.Cut(key, ":")
	switch kind {
	case "staff":
		return tr.T("the staff account %s", name)
	case "till":
		return tr.T("till %s", name)
	case "case":
		return tr.T("case %s", name)
	case "settings":
		return tr.T("the settings")
	}
	return key
}
