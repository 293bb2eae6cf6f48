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

const initHelp = `Creates a new store in the data directory, as the kiosk's first run does,
without its screen: for a chain that provisions many stores. The first shift
lead's PIN is read from standard input (one line; nothing is echoed), so
that it never shows in the process list or the shell's history:

  echo 1234 | returnsdesk init --data /srv/kyiv1 --store-name "Kyiv 1" \
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
bad flag or PIN.`

// runInit creates a store set up as the first-run screen would: its
// settings and its first shift lead, whose PIN is read from standard input.
func runInit(env Env, args []string) int {
	fs := newFlags("init")
	data := fs.String("data", "", "")
	name := fs.String("store-name", "", "")
	policy := fs.String("policy", "", "")
	zone := fs.String("time-zone", "", "")
	lead := fs.String("lead", "", "")
	language := fs.String("language", string(lang.Default), "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "init", err)
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "returnsdesk init: "+format+"\n", a...)
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	for _, f := range []struct {
		flag, value, what string
	}{
		{"--store-name", *name, "the store's name"},
		{"--policy", *policy, "a built-in policy (" + strings.Join(flow.Builtins, ", ") + ") or the store's own file"},
		{"--time-zone", *zone, "an IANA name, such as Europe/Kyiv"},
		{"--lead", *lead, "the first shift lead's name"},
	} {
		if strings.TrimSpace(f.value) == "" {
			return usageErr("%s is missing: %s", f.flag, f.what)
		}
	}
	if err := flow.CheckStoreName(*name); err != nil {
		return usageErr("--store-name: %s", flow.Message(err))
	}
	tz := strings.TrimSpace(*zone)
	if _, err := time.LoadLocation(tz); err != nil {
		return usageErr("--time-zone: %q is not a time zone such as Europe/Kyiv", tz)
	}
	p, text, err := loadPolicy(strings.TrimSpace(*policy))
	if err != nil {
		return usageErr("--policy: %v", err)
	}
	l, err := lang.Parse(*language)
	if err != nil {
		return usageErr("--language: %v", err)
	}
	leadName := flow.StaffName(*lead)
	if err := flow.CheckStaffName(leadName); err != nil {
		return usageErr("--lead: %s", flow.Message(err))
	}

	dir := dataDir(env, *data)
	path := storeFile(dir)
	if refused := existingStore(path); refused != "" {
		fmt.Fprintf(env.Stderr, "returnsdesk init: %s\n", refused)
		return ExitFail
	}
	pin, err := readPIN(env, leadName)
	if err != nil {
		return usageErr("the PIN on standard input: %s", look.Say(err, "read the PIN"))
	}
	if err := flow.CheckPIN(pin); err != nil {
		return usageErr("the PIN on standard input: %s", flow.Message(err))
	}

	set := store.NewSettings(*name, p.Name, text, tz)
	set.Language = l
	if code := createStore(env, dir, set, leadName, pin); code != ExitOK {
		return code
	}
	fmt.Fprintf(env.Stdout, "the store %q is ready in %s (shift lead %s): start it with returnsdesk --data %s\n",
		set.StoreName, dir, leadName, dir)
	return ExitOK
}

// createStore makes the store in dir with its settings and first lead.
// Open creates the file by a link that fails if it exists, so that two init
// at once make one store; the one that opens it second finds it set up (or
// held: ErrLocked) and refuses.
func createStore(env Env, dir string, set store.Settings, lead, pin string) int {
	path := storeFile(dir)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk init: %s: %s\n", path, look.Say(err, "open the store"))
		return ExitFail
	}
	defer st.Close()
	ok, err := st.Initialized()
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk init: %s: %s\n", path, look.Say(err, "read the store"))
		return ExitFail
	}
	if ok {
		fmt.Fprintf(env.Stderr, "returnsdesk init: %s already holds a store that is set up: init never changes a store\n", dir)
		return ExitFail
	}
	if err := st.SaveSettings(set, lead); err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk init: %s\n", look.Say(err, "save the settings"))
		return ExitFail
	}
	if err := st.AddStaff(lead, flow.RoleLead, pin, lead); err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk init: %s\n", look.Say(err, "add the shift lead"))
		return ExitFail
	}
	return ExitOK
}

// existingStore says why init refuses the store file at path, or "" when
// there is none: any file there, empty or damaged too, is a store init must
// not touch.
func existingStore(path string) string {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return ""
	case err != nil:
		return fmt.Sprintf("cannot tell whether %s exists: %v", path, errors.Unwrap(err))
	case info.Size() == 0 && info.Mode().IsRegular():
		return fmt.Sprintf("%s already exists (empty): init never changes a store; move it away first", path)
	}
	return fmt.Sprintf("%s already exists: init never changes a store (returnsdesk settings changes its settings)", path)
}

// errNoPIN: standard input ended before a PIN.
var errNoPIN = flow.Errorf(flow.EInvalid, "no PIN was given: pipe it in as one line (echo $PIN | returnsdesk init ...)")

// readPIN reads the first shift lead's PIN: one line of standard input
// without its newline (and CR). On a terminal it asks for it on standard
// error and does not echo it.
func readPIN(env Env, lead string) (string, error) {
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprintf(env.Stderr, "PIN for %s: ", lead)
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
