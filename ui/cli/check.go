package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"example.com/returnsdesk/store"
)

const checkHelp = `Checks the store file without changing it: bbolt's page structure and
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
kiosk has it open, in one transaction (saves wait for it).`

// anchorFlags collects --anchor values.
type anchorFlags []store.Anchor

func (a *anchorFlags) String() string { return fmt.Sprint(*a) }

func (a *anchorFlags) Set(s string) error {
	x, err := store.ParseAnchor(s)
	if err != nil {
		return err
	}
	*a = append(*a, x)
	return nil
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
	var anchors anchorFlags
	fs.Var(&anchors, "anchor", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "check", err)
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(env.Stderr, "returnsdesk check: one file at most, not %q\n", fs.Args())
		return ExitUsage
	}
	path := fs.Arg(0)
	if path == "" {
		path = storeFile(dataDir(env, *data))
	}
	rep, err := checkStore(env, path, store.CheckOptions{Anchors: anchors})
	if code, ok := ranElsewhere(err); ok {
		return code
	}
	if err != nil {
		var ce *store.CheckError
		if errors.As(err, &ce) {
			fmt.Fprintf(env.Stdout, "%s: FAILED, %d problem(s):\n", path, len(ce.Problems))
			for _, p := range ce.Problems {
				fmt.Fprintf(env.Stdout, "  - %s\n", p)
			}
			fmt.Fprintln(env.Stderr, "returnsdesk check: the store failed its check: restore the latest good backup, "+
				"and keep this file for whoever looks into it")
			return ExitFail
		}
		fmt.Fprintf(env.Stderr, "returnsdesk check: %s: %v\n", path, err)
		return ExitFail
	}
	fmt.Fprintf(env.Stdout, "%s: OK\n", path)
	fmt.Fprintf(env.Stdout, "  file:        %d bytes, %d pages in use; bbolt structure and consistency check pass\n",
		rep.Size, rep.Pages)
	fmt.Fprintf(env.Stdout, "  schema:      version %d\n", rep.Version)
	fmt.Fprintf(env.Stdout, "  audit chain: %d events, unbroken", rep.Events)
	if len(anchors) > 0 {
		fmt.Fprintf(env.Stdout, ", %d anchor(s) hold", len(anchors))
	}
	fmt.Fprintln(env.Stdout)
	fmt.Fprintf(env.Stdout, "  cases:       %d, with their indexes, day summaries and refunds in agreement\n", rep.Cases)
	fmt.Fprintf(env.Stdout, "  staff:       %d accounts\n", rep.Staff)
	fmt.Fprintf(env.Stdout, "  tills:       %d, each with its key, as its last event left it\n", rep.Tills)
	fmt.Fprintf(env.Stdout, "  chain head:  %d:%s\n", rep.HeadSeq, rep.HeadHash)
	return ExitOK
}
