package ui

import (
	"flag"
	"fmt"
	"os"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

const settingsHelp = `Shows the store's settings, or changes those named. Every change is
recorded on the audit trail. The kiosk holds the store file while it runs:
stop it first.

  --data DIR            the data folder (as for the kiosk)
  --store-name NAME     the store's name, printed on every act
  --policy NAME|FILE    a built-in policy or the store's own file (checked
                        first; cases already decided keep their decisions)
  --time-zone ZONE      IANA name, such as Europe/Kyiv
  --print-command CMD   the command that prints an act, given the act's file
                        as its last argument (such as "lp -d till1");
                        "" prints nothing
  --idle-minutes N      lock the screen after N minutes without a key
  --by NAME             who makes the change, for the audit trail (default:
                        the user name of this process)`

func runSettings(env Env, args []string) int {
	fs := newFlags("settings")
	data := fs.String("data", "", "")
	name := fs.String("store-name", "", "")
	policy := fs.String("policy", "", "")
	zone := fs.String("time-zone", "", "")
	printCmd := fs.String("print-command", "", "")
	idle := fs.Int("idle-minutes", -1, "")
	by := fs.String("by", env.Getenv("USER"), "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "settings", err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "returnsdesk settings: unexpected argument %q\n", fs.Arg(0))
		return ExitUsage
	}
	dir := *data
	if dir == "" {
		dir = DefaultDataDir(env.Getenv)
	}
	if _, err := os.Stat(storeFile(dir)); err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk settings: there is no store in %s: run the kiosk there first\n", dir)
		return ExitFail
	}
	st, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk settings: %v\n", err)
		return ExitFail
	}
	defer st.Close()
	set, err := st.Settings()
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk settings: %v\n", err)
		return ExitFail
	}
	changed := false
	fs.Visit(func(f *flag.Flag) {
		changed = changed || (f.Name != "data" && f.Name != "by")
	})
	if changed {
		if *name != "" {
			set.StoreName = *name
		}
		if *zone != "" {
			set.TimeZone = *zone
		}
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "print-command" {
				set.PrintCommand = *printCmd
			}
		})
		if *idle >= 0 {
			set.IdleMinutes = *idle
		}
		if *policy != "" {
			p, err := LoadPolicy(*policy)
			if err != nil {
				fmt.Fprintf(env.Stderr, "returnsdesk settings: policy: %v\n", err)
				return ExitUsage
			}
			text, err := policyText(*policy)
			if err != nil {
				fmt.Fprintf(env.Stderr, "returnsdesk settings: policy: %v\n", err)
				return ExitUsage
			}
			set.PolicyName, set.PolicyText = p.Name, text
		}
		if *by == "" {
			*by = "settings command"
		}
		if err := st.SaveSettings(set, *by); err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk settings: %v\n", err)
			return ExitUsage
		}
	}
	fmt.Fprintf(env.Stdout, "store name:     %s\npolicy:         %s\ntime zone:      %s\nprint command:  %s\nidle minutes:   %d\n",
		set.StoreName, set.PolicyName, set.TimeZone, look.OrDash(set.PrintCommand), set.IdleMinutes)
	return ExitOK
}

// policyText is the text of a built-in policy or of a store's file.
func policyText(nameOrFile string) (string, error) {
	if data, err := flow.BuiltinFile(nameOrFile); err == nil {
		return string(data), nil
	}
	data, err := os.ReadFile(nameOrFile)
	return string(data), err
}
