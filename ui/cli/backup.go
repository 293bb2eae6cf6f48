package cli

import (
	"fmt"
	"path/filepath"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

var backupHelp = lang.Key(`Copies the store to FILE (or to a dated file in FOLDER) while it stays in
use by this command's read transaction, then opens the copy and checks it as
"returnsdesk check" does before it says the backup is done. A copy that fails
its check is not kept, and never replaces an earlier backup.

  --data DIR   the data folder (as for check)

The passport key (DIR/passport.key) is deliberately not in the backup: keep
a copy of it apart, or repeat returns cannot be matched after a restore.
While the kiosk holds the store file, the backup is taken inside it, through
DATA/admin.sock (the owner's only): a hot copy of the store as it runs.`)

// runBackup copies the store to a backup and checks the copy.
func runBackup(env Env, args []string) int {
	fs := newFlags("backup")
	data := fs.String("data", "", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "backup", err)
	}
	if fs.NArg() != 1 {
		complain(env, "backup", env.tr().T("name the backup file (or folder): returnsdesk backup FILE"))
		return ExitUsage
	}
	dir := dataDir(env, *data)
	s, closeStore, err := openStore(env, dir, store.Options{ReadOnly: true})
	if code, ok := ranElsewhere(err); ok {
		return code
	}
	if err != nil {
		complain(env, "backup", storeFile(dir)+": "+sayErr(env.tr(), err))
		return ExitFail
	}
	defer closeStore()
	tr := env.trOf(s)
	dest := env.path(fs.Arg(0))
	rep, err := s.Backup(dest)
	if err != nil {
		complain(env, "backup", sayErr(tr, err))
		return ExitFail
	}
	written := fs.Arg(0) // as given, or the dated file in the folder given
	if rep.Path != dest {
		written = filepath.Join(fs.Arg(0), filepath.Base(rep.Path))
	}
	fmt.Fprintln(env.Stdout, tr.T("backup written to %s and checked: %s, %s, chain head %s", written,
		tr.N("%d cases", rep.Cases, rep.Cases), tr.N("%d events", rep.Events, rep.Events),
		fmt.Sprintf("%d:%s", rep.HeadSeq, rep.HeadHash)))
	fmt.Fprintln(env.Stdout, tr.T("The passport key (%s) and the audit key (%s) are not in the backup: keep a copy "+
		"of each apart. Check the backup with the audit key: returnsdesk check --data DIR FILE.",
		store.DefaultKeyFile(storeFile(dir)), store.DefaultAuditKeyFile(storeFile(dir))))
	return ExitOK
}
