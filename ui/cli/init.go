package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

var initHelp = lang.Key(`Creates a new store in the data directory, as the kiosk's first run does,
without its screen: for a chain that provisions many stores. The first shift
lead's PIN is read from standard input (one line; nothing is echoed), so
that it never shows in the process list or the shell's history:

  echo 482193 | returnsdesk init --data /srv/kyiv1 --store-name "Kyiv 1" \
      --policy citrus --time-zone Europe/Kyiv --lead Olena

  --data DIR            the data directory (as for the kiosk)
  --store-name NAME     the store's name, printed on every act: 1 to 60
                        printable characters, one line
  --policy NAME|FILE    a built-in policy or the store's own file (checked)
  --time-zone ZONE      IANA name, such as Europe/Kyiv
  --lead NAME           the first shift lead, who adds the other staff
  --language uk|en      the store's language: its customers' (the act) and,
                        unless a till or a person says otherwise, its
                        staff's screens (default uk, Ukrainian)

A data directory that already holds a store file (even an empty or damaged
one) is refused and left as it is: init never changes a store (the settings
command does). Exit 0 once the store is ready, 1 if it was refused, 2 for a
bad flag or PIN.`)

// initFlags are init's flags.
type initFlags struct {
	data, name, policy, zone, lead, language *string
}

// runInit creates a store set up as the first-run screen would: its
// settings and its first shift lead, whose PIN is read from standard input.
// It speaks the language of --language (Ukrainian by default) unless one
// is chosen for the commands (withLang).
func runInit(env Env, args []string) int {
	fs := newFlags("init")
	f := initFlags{data: fs.String("data", "", ""), name: fs.String("store-name", "", ""),
		policy: fs.String("policy", "", ""), zone: fs.String("time-zone", "", ""), lead: fs.String("lead", "", ""),
		language: fs.String("language", string(lang.Default), "")}
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "init", err)
	}
	l, langErr := lang.Parse(*f.language)
	tr := env.trIn(l)
	if langErr != nil {
		tr = env.tr()
	}
	usageErr := func(msg string) int {
		complain(env, "init", msg)
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return usageErr(tr.T("unexpected argument %q", fs.Arg(0)))
	}
	if langErr != nil {
		return usageErr("--language: " + notALanguage(tr, *f.language))
	}
	set, lead, bad := f.settings(tr)
	if bad != "" {
		return usageErr(bad)
	}
	set.Language = l
	dir := dataDir(env, *f.data)
	path := storeFile(dir)
	if refused := existingStore(tr, path); refused != "" {
		complain(env, "init", refused)
		return ExitFail
	}
	pin, err := readPIN(env, tr, lead)
	switch {
	case errors.Is(err, errNoPIN):
		return usageErr(tr.T("the PIN on standard input: %s",
			tr.T("no PIN was given: pipe it in as one line (echo $PIN | returnsdesk init ...)")))
	case err != nil:
		return usageErr(tr.T("the PIN on standard input: %s", look.SayIn(tr, err, "read the PIN")))
	}
	if err := flow.CheckPINFor(flow.RoleLead, pin); err != nil {
		return usageErr(tr.T("the PIN on standard input: %s", flow.MessageIn(tr, err)))
	}
	if code := createStore(env, tr, dir, set, lead, pin); code != ExitOK {
		return code
	}
	fmt.Fprintln(env.Stdout, tr.T("the store %q is ready in %s (shift lead %s): start it with returnsdesk --data %s",
		set.StoreName, dir, lead, dir))
	return ExitOK
}

// settings are the store's settings and its first lead's name as init's
// flags give them, or what is wrong with them (the words to print), naming
// the flag.
func (f initFlags) settings(tr *lang.Printer) (store.Settings, string, string) {
	for _, x := range []struct {
		flag, value, what string
	}{
		{"--store-name", *f.name, tr.T("the store's name")},
		{"--policy", *f.policy, tr.T("a built-in policy (%s) or the store's own file", strings.Join(flow.Builtins, ", "))},
		{"--time-zone", *f.zone, tr.T("an IANA name, such as Europe/Kyiv")},
		{"--lead", *f.lead, tr.T("the first shift lead's name")},
	} {
		if strings.TrimSpace(x.value) == "" {
			return store.Settings{}, "", tr.T("%s is missing: %s", x.flag, x.what)
		}
	}
	if err := flow.CheckStoreName(*f.name); err != nil {
		return store.Settings{}, "", "--store-name: " + flow.MessageIn(tr, err)
	}
	tz := strings.TrimSpace(*f.zone)
	if _, err := time.LoadLocation(tz); err != nil {
		return store.Settings{}, "", "--time-zone: " + tr.T("%q is not a time zone such as Europe/Kyiv", tz)
	}
	p, text, err := loadPolicy(tr, strings.TrimSpace(*f.policy))
	if err != nil {
		return store.Settings{}, "", "--policy: " + policyErr(tr, err)
	}
	lead := flow.StaffName(*f.lead)
	if err := flow.CheckStaffName(lead); err != nil {
		return store.Settings{}, "", "--lead: " + flow.MessageIn(tr, err)
	}
	return store.NewSettings(*f.name, p.Name, text, tz), lead, ""
}

// createStore makes the store in dir with its settings and first lead.
// Open creates the file by a link that fails if it exists, so that two init
// at once make one store; the one that opens it second finds it set up (or
// held: ErrLocked) and refuses.
func createStore(env Env, tr *lang.Printer, dir string, set store.Settings, lead, pin string) int {
	path := storeFile(dir)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		complain(env, "init", path+": "+look.SayIn(tr, err, "open the store file"))
		return ExitFail
	}
	defer st.Close()
	ok, err := st.Initialized()
	if err != nil {
		complain(env, "init", path+": "+look.SayIn(tr, err, "read the store file"))
		return ExitFail
	}
	if ok {
		complain(env, "init", tr.T("%s already holds a store that is set up: init never changes a store", dir))
		return ExitFail
	}
	if err := st.SetUp(set, lead, pin); err != nil { // the settings and the lead, or neither
		complain(env, "init", look.SayIn(tr, err, "set up the store"))
		return ExitFail
	}
	return ExitOK
}

// existingStore says why init refuses the store file at path, or "" when
// there is none: any file there, empty or damaged too, is a store init must
// not touch.
func existingStore(tr *lang.Printer, path string) string {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return ""
	case err != nil:
		return tr.T("cannot tell whether %s exists: %v", path, errors.Unwrap(err))
	case info.Size() == 0 && info.Mode().IsRegular():
		return tr.T("%s already exists (empty): init never changes a store; move it away first", path)
	}
	return tr.T("%s already exists: init never changes a store (returnsdesk settings changes its settings)", path)
}

// errNoPIN: standard input ended before a PIN.
var errNoPIN = errors.New("no PIN on standard input")

// readPIN reads the first shift lead's PIN: one line of standard input
// without its newline (and CR). On a terminal it asks for it on standard
// error and does not echo it.
func readPIN(env Env, tr *lang.Printer, lead string) (string, error) {
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprint(env.Stderr, tr.T("PIN for %s: ", lead))
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return "", err
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	if err != nil && line == "" {
		return "", errNoPIN
	}
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r"), nil
}
