package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

var checkHelp = lang.Key(`Checks the store file without changing it: bbolt's page structure and
consistency check, the schema version, the whole audit chain (every event's
hash and its link to the one before), and that every case, index entry, day
summary, refund, staff account, till and the settings agree with the audit
trail.
A damaged or foreign file is a plain error, never a crash.

  --data DIR          the data folder (default $RETURNSDESK_DATA, else
                      $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk);
                      the store is DIR/returnsdesk.db
  --anchor SEQ:HASH   a chain head written down earlier (check prints it):
                      the history up to it must be unchanged; may repeat
  FILE                check this file instead, such as a backup

Exit 0 when everything checks, with what was checked and the chain's head;
exit 1 with the problems found (the first broken link of the chain first);
exit 2 for bad arguments. While the kiosk holds the file, the check runs
inside it, through DATA/admin.sock (the owner's only), on the store as the
kiosk has it open, in one transaction (saves wait for it).`)

// anchorFlags collects --anchor values, as given: read after the flags
// (anchors), so that a bad one is said in the person's language.
type anchorFlags []string

func (a *anchorFlags) String() string { return fmt.Sprint(*a) }

func (a *anchorFlags) Set(s string) error {
	*a = append(*a, s)
	return nil
}

// anchors are the --anchor values read, or what is wrong with one (the
// words to print).
func (a anchorFlags) anchors(tr *lang.Printer) ([]store.Anchor, string) {
	var out []store.Anchor
	for _, s := range a {
		x, err := store.ParseAnchor(s)
		if err != nil {
			return nil, "--anchor: " + sayErr(tr, err)
		}
		out = append(out, x)
	}
	return out, ""
}

// checkStore checks the store file at path (as the command line names it):
// the store this process holds, when it runs the command for a client of its
// admin socket and path is that store's file, as it is inside the process
// (one transaction: store.Store.Check); else the file. When another process
// holds the file and answers on the admin socket beside it, the check runs
// there (the error is then one ranElsewhere reports).
func checkStore(env Env, path string, opts store.CheckOptions) (store.Report, error) {
	file := env.path(path)
	if env.Store != nil && sameFile(file, env.Store.Path()) {
		return env.Store.Check(opts)
	}
	rep, err := store.CheckFile(file, opts)
	return rep, env.forwardIfLocked(err, filepath.Dir(file))
}

// sameFile reports whether a and b name the same file.
func sameFile(a, b string) bool {
	x, err := os.Stat(a)
	if err != nil {
		return false
	}
	y, err := os.Stat(b)
	return err == nil && os.SameFile(x, y)
}

// runCheck checks the store file, or the file named, and prints what held
// or the problems found.
func runCheck(env Env, args []string) int {
	fs := newFlags("check")
	data := fs.String("data", "", "")
	var given anchorFlags
	fs.Var(&given, "anchor", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "check", err)
	}
	tr := env.tr()
	anchors, bad := given.anchors(tr)
	switch {
	case bad != "":
		complain(env, "check", bad)
		return ExitUsage
	case fs.NArg() > 1:
		complain(env, "check", tr.T("one file at most, not %q", fs.Args()))
		return ExitUsage
	}
	path := fs.Arg(0)
	if path == "" {
		path = storeFile(dataDir(env, *data))
	}
	opts := store.CheckOptions{Anchors: anchors}
	if _, err := os.Stat(store.DefaultAuditKeyFile(env.path(path))); err != nil {
		// a backup kept elsewhere is verified with the store's own audit key
		opts.AuditKeyFile = store.DefaultAuditKeyFile(storeFile(dataDir(env, *data)))
	}
	rep, err := checkStore(env, path, opts)
	if code, ok := ranElsewhere(err); ok {
		return code
	}
	tr = checkedLang(env, path) // the report's language, failed or not: the store's where its settings read
	if err != nil {
		var ce *store.CheckError
		if errors.As(err, &ce) {
			fmt.Fprintf(env.Stdout, "%s: %s\n", path, tr.N("FAILED, %d problems:", len(ce.Problems), len(ce.Problems)))
			for _, p := range ce.ProblemsIn(tr) {
				fmt.Fprintf(env.Stdout, "  - %s\n", p)
			}
			complain(env, "check", tr.T("the store failed its check: restore the latest good backup, and keep this file for whoever looks into it"))
			return ExitFail
		}
		complain(env, "check", path+": "+sayErr(tr, err))
		return ExitFail
	}
	printReport(env, tr, path, rep, len(anchors))
	return ExitOK
}

// checkedLang is the printer of a check's report: the language chosen,
// else that of the store checked, as its settings say (the file is opened
// again, read-only, to read them), else the default.
func checkedLang(env Env, path string) *lang.Printer {
	if env.chosenLang() != "" {
		return env.tr()
	}
	if env.Store != nil && sameFile(env.path(path), env.Store.Path()) {
		return env.trOf(env.Store)
	}
	st, err := store.Open(env.path(path), store.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		return env.tr()
	}
	defer st.Close()
	return env.trOf(st)
}

// printReport writes what a check found to hold, a line each, in tr's
// language, with the chain's head last: path is the file as the command
// line names it.
func printReport(env Env, tr *lang.Printer, path string, rep store.Report, anchors int) {
	chain := tr.N("%d events, unbroken", rep.Events, rep.Events)
	if anchors > 0 {
		chain += tr.N(", %d anchors hold", anchors, anchors)
	}
	rows := [][2]string{
		{tr.T("file:"), tr.T("%s, %s in use; bbolt structure and consistency check pass",
			tr.N("%d bytes", int(rep.Size), rep.Size), tr.N("%d pages", rep.Pages, rep.Pages))},
		{tr.T("schema:"), tr.T("version %d", rep.Version)},
		{tr.T("audit chain:"), chain},
		{tr.T("cases:"), tr.T("%d, with their indexes, day summaries and refunds in agreement", rep.Cases)},
		{tr.T("staff:"), tr.N("%d accounts", rep.Staff, rep.Staff)},
		{tr.T("tills:"), tr.T("%d, each with its key, as its last event left it", rep.Tills)},
		{tr.T("chain head:"), fmt.Sprintf("%d:%s", rep.HeadSeq, rep.HeadHash)},
	}
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r[0]))
	}
	fmt.Fprintf(env.Stdout, "%s: %s\n", path, tr.T("OK"))
	for _, r := range rows {
		fmt.Fprintf(env.Stdout, "  %s %s\n", look.PadRight(r[0], width), r[1])
	}
}
