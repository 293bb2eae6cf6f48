// Package cli is the command line of returnsdesk: one file a command, the
// kiosk among them. A command reads its flags, opens the store, runs flow or
// the kiosk's screens (package ui) and says what happened; the top-level main
// only hands it the process.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// Exit codes of every command.
const (
	ExitOK    = 0
	ExitFail  = 1 // the command ran and found a problem (a broken store, a failed check)
	ExitUsage = 2 // bad input: the message names the field or argument
)

// Env is what a command runs with: its streams, the clock and the process's
// environment. Tests pass their own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	Getenv func(string) string
	// Store is the store this process holds, when it runs a command for a
	// client of its admin socket (ServeAdmin): the command works on it, as
	// openStore gives it, and never opens the file. Nil opens the file.
	Store *store.Store
	// Dir is the working directory that relative file names in the
	// arguments mean: the client's, for a command run for a client of the
	// admin socket. "" is this process's own.
	Dir string

	// forward is the command line (from the command's name on) that a
	// command sends to the admin socket of the process that holds the store,
	// when it finds the file held: set by Main for the admin commands.
	forward []string
}

// OSEnv is the process's own environment.
func OSEnv() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now, Getenv: os.Getenv}
}

// command is one subcommand of returnsdesk.
type command struct {
	name    string // "decide", or "policy check" for a subcommand
	summary string // a message: lang.Key
	usage   string // the argument line after the name
	help    string // what it does, shown by --help: a message (lang.Key)
	// helpArgs fill help in, when it has fmt verbs
	helpArgs func() []any
	run      func(env Env, args []string) int
	// admin commands may run inside the process that holds the store, sent
	// over its admin socket (see admin.go)
	admin bool
}

// commands is every subcommand, in the order help lists them.
var commands []command

func init() {
	commands = []command{
		{name: "kiosk", usage: "[--data DIR] [--idle DURATION] [--terminal NAME]",
			summary: lang.Key("open the kiosk (the default with no command)"), help: kioskHelp, run: runKiosk},
		{name: "init", usage: "[--data DIR] --store-name NAME --policy NAME|FILE --time-zone ZONE --lead NAME < PIN",
			summary: lang.Key("create a store without the first-run screen"), help: initHelp, run: runInit},
		{name: "decide", usage: "[--policy NAME|FILE] [--lang uk|en] < case.json", summary: lang.Key("decide one case given as JSON"),
			help: decideHelp, run: runDecide},
		{name: "policy list", summary: lang.Key("list the built-in policies"), help: lang.Key("Lists the policies built into the binary."),
			run: runPolicyList},
		{name: "policy show", usage: "NAME", summary: lang.Key("print a built-in policy file"),
			help: lang.Key("Prints a built-in policy file: a starting point for a store's own."), run: runPolicyShow},
		{name: "policy check", usage: "FILE", summary: lang.Key("check a store's policy file"),
			help: lang.Key("Checks a policy file: syntax, clause ids, parameters, and rules that break the law.\nProblems name the line and key."),
			run:  runPolicyCheck},
		{name: "settings", usage: "[--data DIR] [--store-name NAME] [--policy NAME|FILE] [--time-zone ZONE] [--print-command CMD] [--idle-minutes N] [--closing-time HH:MM]",
			summary: lang.Key("show or change the store's settings"), help: settingsHelp, run: runSettings, admin: true},
		{name: "sales import", usage: "[--data DIR] FILE.csv", summary: lang.Key("import sales from the point of sale"),
			help: salesImportHelp, helpArgs: salesImportHelpArgs, run: runSalesImport, admin: true},
		{name: "tills add", usage: "NAME --key FILE.pub [--printer CMD] [--data DIR] [--by NAME]",
			summary: lang.Key("add a checkout till: its name and SSH public key"), help: tillsAddHelp, run: runTillsAdd, admin: true},
		{name: "tills list", usage: "[--data DIR]", summary: lang.Key("list the tills and their keys"),
			help: tillsListHelp, run: runTillsList, admin: true},
		{name: "tills remove", usage: "NAME [--data DIR] [--by NAME]", summary: lang.Key("remove a till: its key logs in no more"),
			help: tillsRemoveHelp, run: runTillsRemove, admin: true},
		{name: "staff unlock", usage: "NAME --by LEAD [--data DIR]",
			summary: lang.Key("unlock a staff account that wrong PINs locked"), help: staffUnlockHelp, run: runStaffUnlock, admin: true},
		{name: "check", usage: "[--data DIR] [--anchor SEQ:HASH] [FILE]",
			summary: lang.Key("check the store: structure, audit chain, indexes"), help: checkHelp, run: runCheck, admin: true},
		{name: "repair", usage: "--lead NAME [--data DIR] < PIN",
			summary: lang.Key("repair a store that check rejects: what it drops is on the audit trail"), help: repairHelp,
			run: runRepair},
		{name: "backup", usage: "[--data DIR] FILE|FOLDER", summary: lang.Key("copy the store to a checked backup"),
			help: backupHelp, run: runBackup, admin: true},
		{name: "serve", usage: "[--data DIR] [--listen ADDR]",
			summary: lang.Key("serve the kiosk to the store's tills over SSH"), help: serveHelp, run: runServe},
		{name: "export",
			usage:   "[--day YYYY-MM-DD] [--format csv|json] [--csv-dialect uk|rfc4180] [--summary] [--data DIR] [-o FILE]",
			summary: lang.Key("export a day's returns (or its summary) as CSV or JSON"), help: exportHelp, helpArgs: exportHelpArgs, run: runExport, admin: true},
	}
}

// Main runs returnsdesk with the arguments after the program name and
// returns the exit code. A language chosen before the command (--lang
// LANG, or $RETURNSDESK_LANG) is the language of what the commands print,
// over the store's.
func Main(env Env, args []string) int {
	env, args, bad := withLang(env, args)
	if bad != "" {
		complain(env, "", bad)
		return ExitUsage
	}
	tr := env.tr()
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && !isHelp(args[0])) {
		return runKiosk(env, args)
	}
	if isHelp(args[0]) || args[0] == "help" {
		usage(env.Stdout, tr)
		return ExitOK
	}
	found, n := findCommand(args)
	if found == nil {
		group := false
		for _, c := range commands {
			if strings.HasPrefix(c.name, args[0]+" ") {
				group = true
			}
		}
		if group {
			groupUsage(env.Stdout, tr, args[0])
			if len(args) == 1 || isHelp(args[1]) {
				return ExitOK
			}
			complain(env, args[0], tr.T("%q is not a command", args[1]))
			return ExitUsage
		}
		complain(env, "", tr.T("%q is not a command; see returnsdesk --help", args[0]))
		return ExitUsage
	}
	rest := args[n:]
	for _, a := range rest {
		if isHelp(a) {
			commandHelp(env.Stdout, tr, found)
			return ExitOK
		}
	}
	if found.admin && env.Store == nil {
		env.forward = args
	}
	return found.run(env, rest)
}

// findCommand is the command with the longest name that args start with,
// and the number of its words; nil when there is none.
func findCommand(args []string) (*command, int) {
	var found *command
	n := 0
	for i := range commands {
		words := strings.Fields(commands[i].name)
		if len(words) <= len(args) && len(words) > n && strings.Join(args[:len(words)], " ") == commands[i].name {
			found, n = &commands[i], len(words)
		}
	}
	return found, n
}

func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "-help" }

func usage(w io.Writer, tr *lang.Printer) {
	fmt.Fprintf(w, "returnsdesk: %s\n\n%s\n  returnsdesk %s\n\n%s\n", tr.T("the returns desk of an electronics store"),
		tr.T("Usage:"), tr.T("COMMAND [ARGUMENTS]"), tr.T("Commands:"))
	for _, c := range commands {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, tr.T(c.summary))
	}
	fmt.Fprintf(w, "\n%s\n", tr.T("Every command takes --help. --lang en (or RETURNSDESK_LANG=en) before the command: its messages in English; --lang uk: in Ukrainian."))
}

func groupUsage(w io.Writer, tr *lang.Printer, group string) {
	fmt.Fprintf(w, "%s returnsdesk %s %s\n\n%s\n", tr.T("Usage:"), group, tr.T("COMMAND"), tr.T("Commands:"))
	for _, c := range commands {
		if strings.HasPrefix(c.name, group+" ") {
			fmt.Fprintf(w, "  %-14s %s\n", c.name, tr.T(c.summary))
		}
	}
}

// commandHelp is a command's --help, in tr's language: its usage line,
// then its help.
func commandHelp(w io.Writer, tr *lang.Printer, c *command) {
	var args []any
	if c.helpArgs != nil {
		args = c.helpArgs()
	}
	fmt.Fprintf(w, "%s returnsdesk %s %s\n\n%s\n", tr.T("Usage:"), c.name, c.usage, tr.T(c.help, args...))
}

// newFlags is a flag set that reports its errors in the command's name and
// leaves --help to Main.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// flagErr writes a flag parsing error naming the command.
func flagErr(env Env, name string, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	complain(env, name, flagMessage(env.tr(), name, err))
	return ExitUsage
}

// flagMessage is the flag package's error err in tr's language, as far as
// its words are known (they are not kept apart from the flag's name).
func flagMessage(tr *lang.Printer, cmd string, err error) string {
	msg := strings.ReplaceAll(err.Error(), " -", " --") // as the help writes a flag
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return tr.T("%s is not a flag of this command; see returnsdesk %s --help", f, cmd)
	}
	if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return tr.T("%s needs a value", f)
	}
	if m := badFlagValue.FindStringSubmatch(msg); m != nil {
		return tr.T("%s: %s is not a value it takes", m[2], m[1])
	}
	return msg
}

// badFlagValue is the flag package's error for a value that does not parse.
var badFlagValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(--\S+): `)

// DefaultDataDir is where the kiosk keeps its store, its passport key, its
// acts and its log when --data is not given: $RETURNSDESK_DATA, else
// $XDG_DATA_HOME/returnsdesk, else ~/.local/share/returnsdesk.
func DefaultDataDir(getenv func(string) string) string {
	if d := getenv("RETURNSDESK_DATA"); d != "" {
		return d
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return d + string(os.PathSeparator) + "returnsdesk"
	}
	home := getenv("HOME")
	if home == "" {
		if h, err := os.UserHomeDir(); err == nil {
			home = h
		}
	}
	return strings.Join([]string{home, ".local", "share", "returnsdesk"}, string(os.PathSeparator))
}

// dataDir is the data directory a command was given with --data, else the
// default.
func dataDir(env Env, data string) string {
	if data != "" {
		return data
	}
	return DefaultDataDir(env.Getenv)
}

// storeFile is the store file in a data directory.
func storeFile(dir string) string { return filepath.Join(dir, store.FileName) }

// path is a file name from the command line as this process opens it:
// relative to env.Dir when that is set.
func (env Env) path(name string) string {
	if env.Dir == "" || name == "" || filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(env.Dir, name)
}

// asGiven puts back the file name as the command line gave it into an error
// about the file that env.path made of it, so that a message reads the same
// in the process that holds the store as in the client.
func (env Env) asGiven(err error, name string) error {
	var pe *os.PathError
	if errors.As(err, &pe) && pe.Path == env.path(name) {
		pe.Path = name
	}
	return err
}

// openStore opens the store in dir for a command, the one way every command
// opens it: the store this process holds when it runs the command for a
// client of its admin socket (env.Store, and a close that does nothing),
// else the file, as store.Open opens it with opts. Unless opts is ReadOnly,
// a folder without a store file is store.ErrNoStore: no command but the
// kiosk and init creates a store.
//
// When another process holds the file (store.ErrLocked) and answers on its
// admin socket, the command runs there instead and its output is copied
// here: the error is then one ranElsewhere reports, with the exit code.
func openStore(env Env, dir string, opts store.Options) (*store.Store, func(), error) {
	if env.Store != nil {
		return env.Store, func() {}, nil
	}
	if !opts.ReadOnly {
		if _, err := os.Stat(storeFile(dir)); err != nil {
			return nil, nil, store.ErrNoStore
		}
	}
	// a process that holds the store answers on its socket: ask it first, so
	// a command does not wait out the store's lock timeout
	if env.forward != nil {
		if _, err := os.Stat(filepath.Join(dir, AdminSocket)); err == nil {
			if code, ok := runInHolder(env, dir, env.forward); ok {
				return nil, nil, &forwarded{code: code}
			}
		}
	}
	st, err := store.Open(storeFile(dir), opts)
	if err != nil {
		return nil, nil, env.forwardIfLocked(err, dir)
	}
	return st, func() { _ = st.Close() }, nil
}

// openCommandStore opens the store in dir for a command that writes to it
// (openStore): in the process that holds it, through its admin socket, when
// one does. It says what went wrong itself; st is nil then, with the exit
// code (the holder's, when the command ran there).
func openCommandStore(env Env, cmd, dir string) (*store.Store, func(), int) {
	st, closeStore, err := openStore(env, dir, store.Options{})
	if code, ok := ranElsewhere(err); ok {
		return nil, nil, code
	}
	if errors.Is(err, store.ErrNoStore) {
		complain(env, cmd, env.tr().T("there is no store in %s: run the kiosk there first", dir))
		return nil, nil, ExitFail
	}
	if err != nil {
		complain(env, cmd, sayErr(env.tr(), err))
		return nil, nil, ExitFail
	}
	return st, closeStore, ExitOK
}

// forwardIfLocked runs the command in the process that holds the store in
// dir, when err says another process holds it and that process answers on
// its admin socket: it returns a *forwarded error with the exit code. Any
// other case returns err as it is.
func (env Env) forwardIfLocked(err error, dir string) error {
	if env.forward == nil || env.Store != nil || !errors.Is(err, store.ErrLocked) {
		return err
	}
	if code, ok := runInHolder(env, dir, env.forward); ok {
		return &forwarded{code: code}
	}
	return err
}

// forwarded is an openStore error: the command ran in the process that
// holds the store, which gave this exit code; its output is already copied.
type forwarded struct{ code int }

func (f *forwarded) Error() string {
	return fmt.Sprintf("ran in the process that holds the store: exit %d", f.code)
}

// ranElsewhere reports whether an openStore error is a command that ran in
// the process that holds the store, and its exit code.
func ranElsewhere(err error) (int, bool) {
	var f *forwarded
	if errors.As(err, &f) {
		return f.code, true
	}
	return 0, false
}
