package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"text/tabwriter"

	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

const tillsAddHelp = `Adds a checkout till: the SSH public key its terminal will log in with,
under the till's name, which every audit event written from it records as
its terminal. The addition is on the audit trail. While the kiosk holds the
store file, the command runs inside it, through DATA/admin.sock.

  NAME            the till's name (1 to 64 characters, one line): till-2
  --key FILE.pub  the till's public key file, one authorized_keys line
                  (ssh-ed25519, ecdsa, or rsa of 2048 bits or more); never
                  the private key beside it
  --printer CMD   the command that prints this till's acts, given the act's
                  file as its last argument (such as "lp -d till2");
                  default: the store's print command
  --language uk|en
                  the language of this till's staff screens (a person's
                  own preference comes first); default: the store's. The
                  act and what the customer sees follow the store
  --data DIR      the data folder (as for the kiosk)
  --by NAME       who adds it, for the audit trail (default: "tills command")

Exit 0 when added; exit 2 for bad input, naming the argument or flag (no
name, no key, a key file that cannot be read, a private key, a key of
another type, a name or a key another till has, a language other than uk
or en); exit 1 when there is no
store or it cannot be opened.`

const tillsListHelp = `Lists the tills by name: each one's key type and SHA256 fingerprint (as
an SSH server logs it: compare it with ssh-keygen -lf FILE.pub), its
printer command and language (-: the store's), and when and by whom it was
added. While the kiosk holds
the store file, the command runs inside it, through DATA/admin.sock.

  --data DIR   the data folder (as for the kiosk)`

const tillsRemoveHelp = `Removes a till: its key logs in no more. The removal is on the audit
trail; the till's earlier events keep its name. While the kiosk holds the
store file, the command runs inside it, through DATA/admin.sock.

  NAME         the till's name, as tills list shows it
  --data DIR   the data folder (as for the kiosk)
  --by NAME    who removes it, for the audit trail (default: "tills command")

Exit 0 when removed; exit 2 without a name; exit 1 when there is no such
till, no store, or it cannot be opened.`

// tillsBy is who a tills command does what it does as, without --by.
const tillsBy = "tills command"

// parseWithName parses a command line of one NAME argument and flags, in
// any order (tills add till-2 --key k.pub, or the flags first). It returns
// the arguments that are not flags.
func parseWithName(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// given reports whether the flag called name was on the command line.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(fl *flag.Flag) { found = found || fl.Name == name })
	return found
}

// tillName is the one NAME argument of a tills command, or what is wrong
// with it (the words to print), naming it.
func tillName(rest []string, cmd string) (string, string) {
	switch {
	case len(rest) == 0:
		return "", fmt.Sprintf("NAME: name the till (returnsdesk %s NAME)", cmd)
	case len(rest) > 1:
		return "", fmt.Sprintf("NAME: one till at a time, not %q", rest)
	}
	if err := flow.CheckTillName(rest[0]); err != nil {
		return "", "NAME: " + flow.Message(err)
	}
	return flow.StaffName(rest[0]), ""
}

// readTillKey reads and checks a till's key file: its text and its key's
// fingerprint, or what is wrong with it (the words to print), naming the
// flag and the file.
func readTillKey(env Env, file string) (text, fingerprint, bad string) {
	if file == "" {
		return "", "", "--key: give the till's public key file (--key FILE.pub)"
	}
	data, err := os.ReadFile(env.path(file))
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", "", fmt.Sprintf("--key %s: cannot read it (%v)", file, err)
	}
	key, err := store.ParseTillKey(data)
	if err != nil {
		return "", "", fmt.Sprintf("--key %s: %s", file, flow.Message(err))
	}
	return string(data), ssh.FingerprintSHA256(key), ""
}

// runTillsAdd adds a till from its name and public key file.
func runTillsAdd(env Env, args []string) int {
	const cmd = "tills add"
	fs := newFlags(cmd)
	data := fs.String("data", "", "")
	keyFile := fs.String("key", "", "")
	printer := fs.String("printer", "", "")
	language := fs.String("language", "", "")
	by := fs.String("by", tillsBy, "")
	rest, err := parseWithName(fs, args)
	if err != nil {
		return flagErr(env, cmd, err)
	}
	name, bad := tillName(rest, cmd+" NAME --key FILE.pub")
	var key, fingerprint string
	if bad == "" {
		key, fingerprint, bad = readTillKey(env, *keyFile)
	}
	var l lang.Lang
	if bad == "" && given(fs, "language") {
		if l, err = lang.Parse(*language); err != nil {
			bad = "--language: " + err.Error()
		}
	}
	if bad != "" {
		fmt.Fprintf(env.Stderr, "returnsdesk %s: %s\n", cmd, bad)
		return ExitUsage
	}
	st, closeStore, code := openCommandStore(env, cmd, dataDir(env, *data))
	if st == nil {
		return code
	}
	defer closeStore()
	if *by == "" {
		*by = tillsBy
	}
	err = st.AddTill(store.Till{Name: name, PublicKey: key, Printer: *printer, Language: l}, *by, env.Now())
	switch {
	case errors.Is(err, store.ErrTillExists):
		fmt.Fprintf(env.Stderr, "returnsdesk %s: NAME: %s\n", cmd, flow.Message(err))
		return ExitUsage
	case errors.Is(err, store.ErrTillKeyUsed):
		fmt.Fprintf(env.Stderr, "returnsdesk %s: --key %s: %s\n", cmd, *keyFile, flow.Message(err))
		return ExitUsage
	case flow.ErrorCode(err) == flow.EInvalid: // the printer command, the only input left
		fmt.Fprintf(env.Stderr, "returnsdesk %s: --printer: %s\n", cmd, flow.Message(err))
		return ExitUsage
	case err != nil:
		fmt.Fprintf(env.Stderr, "returnsdesk %s: %v\n", cmd, err)
		return ExitFail
	}
	t, _, err := st.TillByKey(fingerprint)
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk %s: added, but cannot read it back: %v\n", cmd, err)
		return ExitFail
	}
	also := ""
	if t.Language != "" {
		also = ", language " + string(t.Language)
	}
	fmt.Fprintf(env.Stdout, "added till %s: %s %s, printer %s%s\n", t.Name, t.KeyType(), t.Fingerprint,
		look.OrDash(t.Printer), also)
	return ExitOK
}

// runTillsList lists the tills.
func runTillsList(env Env, args []string) int {
	const cmd = "tills list"
	fs := newFlags(cmd)
	data := fs.String("data", "", "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, cmd, err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "returnsdesk %s: unexpected argument %q\n", cmd, fs.Arg(0))
		return ExitUsage
	}
	st, closeStore, code := openCommandStore(env, cmd, dataDir(env, *data))
	if st == nil {
		return code
	}
	defer closeStore()
	tills, err := st.Tills()
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk %s: %v\n", cmd, err)
		return ExitFail
	}
	if len(tills) == 0 {
		fmt.Fprintln(env.Stdout, "no tills yet: add one with returnsdesk tills add NAME --key FILE.pub")
		return ExitOK
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tKEY\tFINGERPRINT\tPRINTER\tLANGUAGE\tADDED")
	for _, t := range tills {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s by %s\n", t.Name, t.KeyType(), t.Fingerprint, look.OrDash(t.Printer),
			look.OrDash(string(t.Language)), t.Added.In(st.Location()).Format("2006-01-02 15:04"), t.AddedBy)
	}
	_ = w.Flush()
	return ExitOK
}

// runTillsRemove removes a till.
func runTillsRemove(env Env, args []string) int {
	const cmd = "tills remove"
	fs := newFlags(cmd)
	data := fs.String("data", "", "")
	by := fs.String("by", tillsBy, "")
	rest, err := parseWithName(fs, args)
	if err != nil {
		return flagErr(env, cmd, err)
	}
	name, bad := tillName(rest, cmd+" NAME")
	if bad != "" {
		fmt.Fprintf(env.Stderr, "returnsdesk %s: %s\n", cmd, bad)
		return ExitUsage
	}
	st, closeStore, code := openCommandStore(env, cmd, dataDir(env, *data))
	if st == nil {
		return code
	}
	defer closeStore()
	if *by == "" {
		*by = tillsBy
	}
	if err := st.RemoveTill(name, *by, env.Now()); err != nil {
		if msg := flow.Message(err); msg != "" && errors.Is(err, store.ErrNotFound) {
			fmt.Fprintf(env.Stderr, "returnsdesk %s: %s\n", cmd, msg)
		} else {
			fmt.Fprintf(env.Stderr, "returnsdesk %s: %v\n", cmd, err)
		}
		return ExitFail
	}
	fmt.Fprintf(env.Stdout, "removed till %s: its key logs in no more\n", name)
	return ExitOK
}
