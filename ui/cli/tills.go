package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

var tillsAddHelp = lang.Key(`Adds a checkout till: the SSH public key its terminal will log in with,
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
store or it cannot be opened.`)

var tillsListHelp = lang.Key(`Lists the tills by name: each one's key type and SHA256 fingerprint (as
an SSH server logs it: compare it with ssh-keygen -lf FILE.pub), its
printer command and language (-: the store's), and when and by whom it was
added. While the kiosk holds
the store file, the command runs inside it, through DATA/admin.sock.

  --data DIR   the data folder (as for the kiosk)`)

var tillsRemoveHelp = lang.Key(`Removes a till: its key logs in no more. The removal is on the audit
trail; the till's earlier events keep its name. While the kiosk holds the
store file, the command runs inside it, through DATA/admin.sock.

  NAME         the till's name, as tills list shows it
  --data DIR   the data folder (as for the kiosk)
  --by NAME    who removes it, for the audit trail (default: "tills command")

Exit 0 when removed; exit 2 without a name; exit 1 when there is no such
till, no store, or it cannot be opened.`)

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
// with it (the words to print, in tr's language), naming it.
func tillName(tr *lang.Printer, rest []string, cmd string) (string, string) {
	switch {
	case len(rest) == 0:
		return "", "NAME: " + tr.T("name the till (returnsdesk %s)", cmd)
	case len(rest) > 1:
		return "", "NAME: " + tr.T("one till at a time, not %q", rest)
	}
	if err := flow.CheckTillName(rest[0]); err != nil {
		return "", "NAME: " + flow.MessageIn(tr, err)
	}
	return flow.StaffName(rest[0]), ""
}

// readTillKey reads and checks a till's key file: its text and its key's
// fingerprint, or what is wrong with it (the words to print), naming the
// flag and the file.
func readTillKey(env Env, tr *lang.Printer, file string) (text, fingerprint, bad string) {
	if file == "" {
		return "", "", "--key: " + tr.T("give the till's public key file (--key FILE.pub)")
	}
	data, err := os.ReadFile(env.path(file))
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", "", fmt.Sprintf("--key %s: %s", file, tr.T("cannot read it (%v)", err))
	}
	key, err := store.ParseTillKey(data)
	if err != nil {
		return "", "", fmt.Sprintf("--key %s: %s", file, flow.MessageIn(tr, err))
	}
	return string(data), ssh.FingerprintSHA256(key), ""
}

// tillArgs are what a tills add command line gives: the till, or what is
// wrong with it (the words to print), naming the argument or flag.
func tillArgs(env Env, tr *lang.Printer, rest []string, keyFile, printer, language string,
	langGiven bool) (store.Till, string, string) {
	name, bad := tillName(tr, rest, "tills add NAME --key FILE.pub")
	if bad != "" {
		return store.Till{}, "", bad
	}
	key, fingerprint, bad := readTillKey(env, tr, keyFile)
	if bad != "" {
		return store.Till{}, "", bad
	}
	var l lang.Lang
	if langGiven {
		var err error
		if l, err = lang.Parse(language); err != nil {
			return store.Till{}, "", "--language: " + notALanguage(tr, language)
		}
	}
	return store.Till{Name: name, PublicKey: key, Printer: printer, Language: l}, fingerprint, ""
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
	till, fingerprint, bad := tillArgs(env, env.tr(), rest, *keyFile, *printer, *language, given(fs, "language"))
	if bad != "" {
		complain(env, cmd, bad)
		return ExitUsage
	}
	st, closeStore, code := openCommandStore(env, cmd, dataDir(env, *data))
	if st == nil {
		return code
	}
	defer closeStore()
	tr := env.trOf(st)
	if *by == "" {
		*by = tillsBy
	}
	err = st.AddTill(till, *by, env.Now())
	switch {
	case errors.Is(err, store.ErrTillExists):
		complain(env, cmd, "NAME: "+flow.MessageIn(tr, err))
		return ExitUsage
	case errors.Is(err, store.ErrTillKeyUsed):
		complain(env, cmd, fmt.Sprintf("--key %s: %s", *keyFile, flow.MessageIn(tr, err)))
		return ExitUsage
	case flow.ErrorCode(err) == flow.EInvalid: // the printer command, the only input left
		complain(env, cmd, "--printer: "+flow.MessageIn(tr, err))
		return ExitUsage
	case err != nil:
		complain(env, cmd, sayErr(tr, err))
		return ExitFail
	}
	t, _, err := st.TillByKey(fingerprint)
	if err != nil {
		complain(env, cmd, tr.T("added, but cannot read it back: %s", sayErr(tr, err)))
		return ExitFail
	}
	if t.Language != "" {
		fmt.Fprintln(env.Stdout, tr.T("added till %s: %s %s, printer %s, language %s", t.Name, t.KeyType(),
			t.Fingerprint, look.OrDash(t.Printer), t.Language))
	} else {
		fmt.Fprintln(env.Stdout, tr.T("added till %s: %s %s, printer %s", t.Name, t.KeyType(), t.Fingerprint,
			look.OrDash(t.Printer)))
	}
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
		complain(env, cmd, env.tr().T("unexpected argument %q", fs.Arg(0)))
		return ExitUsage
	}
	st, closeStore, code := openCommandStore(env, cmd, dataDir(env, *data))
	if st == nil {
		return code
	}
	defer closeStore()
	tr := env.trOf(st)
	tills, err := st.Tills()
	if err != nil {
		complain(env, cmd, sayErr(tr, err))
		return ExitFail
	}
	if len(tills) == 0 {
		fmt.Fprintln(env.Stdout, tr.T("no tills yet: add one with returnsdesk tills add NAME --key FILE.pub"))
		return ExitOK
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, strings.Join([]string{tr.T("NAME"), tr.T("KEY"), tr.T("FINGERPRINT"), tr.T("PRINTER"),
		tr.T("LANGUAGE"), tr.T("ADDED")}, "\t"))
	for _, t := range tills {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", t.Name, t.KeyType(), t.Fingerprint, look.OrDash(t.Printer),
			look.OrDash(string(t.Language)), tr.T("%s by %s", t.Added.In(st.Location()).Format("2006-01-02 15:04"),
				t.AddedBy))
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
	name, bad := tillName(env.tr(), rest, cmd+" NAME")
	if bad != "" {
		complain(env, cmd, bad)
		return ExitUsage
	}
	st, closeStore, code := openCommandStore(env, cmd, dataDir(env, *data))
	if st == nil {
		return code
	}
	defer closeStore()
	tr := env.trOf(st)
	if *by == "" {
		*by = tillsBy
	}
	if err := st.RemoveTill(name, *by, env.Now()); err != nil {
		if msg := flow.MessageIn(tr, err); msg != "" && errors.Is(err, store.ErrNotFound) {
			complain(env, cmd, msg)
		} else {
			complain(env, cmd, sayErr(tr, err))
		}
		return ExitFail
	}
	fmt.Fprintln(env.Stdout, tr.T("removed till %s: its key logs in no more", name))
	return ExitOK
}
