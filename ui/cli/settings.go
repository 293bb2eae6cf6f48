package cli

import (
	"flag"
	"fmt"
	"strings"
	"unicode/utf8"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

var settingsHelp = lang.Key(`Shows the store's settings, or changes those named. Every change is
recorded on the audit trail. While the kiosk holds the store file, the
command runs inside it, through DATA/admin.sock (the owner's only).

  --data DIR            the data folder (as for the kiosk)
  --store-name NAME     the store's name, printed on every act: 1 to 60
                        printable characters, one line
  --policy NAME|FILE    a built-in policy or the store's own file (checked
                        first; cases already decided keep their decisions)
  --time-zone ZONE      IANA name, such as Europe/Kyiv
  --print-command CMD   the command that prints an act, given the act's file
                        as its last argument (such as "lp -d till1");
                        "" prints nothing
  --idle-minutes N      lock the screen after N minutes without a key, 1-480
  --service-days N      the store's term for an item at the service centre,
                        1-365 calendar days (default 14, art. 8), where the
                        policy gives none of its own
  --abandon-days N      a case without a decision may be closed as abandoned
                        (the customer never came back) N days after it was
                        opened, 1-365 (default 14)
  --paper a4|42|48      what acts are printed on: an A4 printer (the PDF,
                        the default) or a receipt printer of 42 or 48
                        columns (the text)
  --closing-time HH:MM  when the store closes (default 21:00): the desk warns
                        of a day closed before it
  --language uk|en      the store's language: its customers' (the act) and,
                        unless a till or a person says otherwise, its
                        staff's screens (default uk, Ukrainian)
  --by NAME             who makes the change, for the audit trail (default:
                        the user name of this process)`)

// settingsFlags are the settings command's flags.
type settingsFlags struct {
	fs                                 *flag.FlagSet
	data, name, policy, zone, printCmd *string
	idle, serviceDays, abandonDays     *int
	closing, language, paper           *string
	by                                 *string
}

func newSettingsFlags(env Env) settingsFlags {
	fs := newFlags("settings")
	return settingsFlags{
		fs:          fs,
		data:        fs.String("data", "", ""),
		name:        fs.String("store-name", "", ""),
		policy:      fs.String("policy", "", ""),
		zone:        fs.String("time-zone", "", ""),
		printCmd:    fs.String("print-command", "", ""),
		idle:        fs.Int("idle-minutes", 0, ""),
		serviceDays: fs.Int("service-days", 0, ""),
		abandonDays: fs.Int("abandon-days", 0, ""),
		closing:     fs.String("closing-time", "", ""),
		paper:       fs.String("paper", "", ""),
		language:    fs.String("language", "", ""),
		by:          fs.String("by", env.Getenv("USER"), ""),
	}
}

// given reports whether the flag was on the command line.
func (f settingsFlags) given(name string) bool { return given(f.fs, name) }

// changes reports whether the command line changes a setting.
func (f settingsFlags) changes() bool {
	changed := false
	f.fs.Visit(func(fl *flag.Flag) { changed = changed || (fl.Name != "data" && fl.Name != "by") })
	return changed
}

// apply writes the settings the command line names into set, or says
// what is wrong (in tr's language), naming the flag.
func (f settingsFlags) apply(env Env, tr *lang.Printer, set *store.Settings) error {
	if f.given("store-name") {
		if err := flow.CheckStoreName(*f.name); err != nil {
			return fmt.Errorf("--store-name: %s", flow.MessageIn(tr, err))
		}
		set.StoreName = *f.name
	}
	if *f.zone != "" {
		set.TimeZone = *f.zone
	}
	if f.given("print-command") {
		set.PrintCommand = *f.printCmd
	}
	if f.given("idle-minutes") {
		if err := flow.CheckIdleMinutes(*f.idle); err != nil {
			return fmt.Errorf("--idle-minutes: %s", flow.MessageIn(tr, err))
		}
		set.IdleMinutes = *f.idle
	}
	if f.given("service-days") {
		if err := flow.CheckServiceDays(*f.serviceDays); err != nil {
			return fmt.Errorf("--service-days: %s", flow.MessageIn(tr, err))
		}
		set.ServiceDays = *f.serviceDays
	}
	if f.given("abandon-days") {
		if err := flow.CheckAbandonDays(*f.abandonDays); err != nil {
			return fmt.Errorf("--abandon-days: %s", flow.MessageIn(tr, err))
		}
		set.AbandonDays = *f.abandonDays
	}
	if f.given("paper") {
		w, err := flow.ParsePaper(strings.TrimSpace(*f.paper))
		if err != nil {
			return fmt.Errorf("--paper: %s", flow.MessageIn(tr, err))
		}
		set.Paper = w
	}
	if f.given("closing-time") {
		set.ClosingTime = strings.TrimSpace(*f.closing)
	}
	if f.given("language") {
		l, err := lang.Parse(*f.language)
		if err != nil {
			return fmt.Errorf("--language: %s", notALanguage(tr, *f.language))
		}
		set.Language = l
	}
	if *f.policy != "" {
		p, text, err := loadPolicyIn(env, tr, *f.policy)
		if err != nil {
			return fmt.Errorf("--policy: %s", policyErr(tr, err))
		}
		set.PolicyName, set.PolicyText = p.Name, text
	}
	return nil
}

// runSettings shows the store's settings after changing those the command
// line names, each change on the audit trail: in the store's language (the
// new one, when it changes).
func runSettings(env Env, args []string) int {
	f := newSettingsFlags(env)
	if err := f.fs.Parse(args); err != nil {
		return flagErr(env, "settings", err)
	}
	if f.fs.NArg() > 0 {
		complain(env, "settings", env.tr().T("unexpected argument %q", f.fs.Arg(0)))
		return ExitUsage
	}
	dir := dataDir(env, *f.data)
	st, closeStore, code := openCommandStore(env, "settings", dir)
	if st == nil {
		return code
	}
	defer closeStore()
	tr := env.trOf(st)
	set, err := st.Settings()
	if err != nil {
		complain(env, "settings", sayErr(tr, err))
		return ExitFail
	}
	if f.changes() {
		if err := f.apply(env, tr, &set); err != nil {
			complain(env, "settings", err.Error())
			return ExitUsage
		}
		by := *f.by
		if by == "" {
			by = "settings command"
		}
		if err := st.SaveSettings(set, by); err != nil {
			complain(env, "settings", sayErr(tr, err))
			return ExitUsage
		}
	}
	printSettings(env, env.trIn(set.Lang()), set)
	return ExitOK
}

// printSettings writes the settings, a line each, in tr's language.
func printSettings(env Env, tr *lang.Printer, set store.Settings) {
	closing := set.ClosingTime
	if closing == "" {
		closing = tr.T("%s (default)", flow.DefaultClosingTime)
	}
	language := tr.T("%s (%s)", set.Lang(), set.Lang().Name())
	if set.Language == "" {
		language = tr.T("%s (%s, the default)", set.Lang(), set.Lang().Name())
	}
	rows := [][2]string{
		{tr.T("store name:"), set.StoreName},
		{tr.T("policy:"), set.PolicyName},
		{tr.T("time zone:"), set.TimeZone},
		{tr.T("print command:"), look.OrDash(set.PrintCommand)},
		{tr.T("idle minutes:"), fmt.Sprint(set.IdleMinutes)},
		{tr.T("service days:"), fmt.Sprint(flow.StoreServiceDays(set.ServiceDays))},
		{tr.T("abandon days:"), fmt.Sprint(flow.StoreAbandonDays(set.AbandonDays))},
		{tr.T("paper:"), flow.PaperName(set.Paper)},
		{tr.T("closing time:"), closing},
		{tr.T("language:"), language},
	}
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(env.Stdout, "%s %s\n", look.PadRight(r[0], width+1), r[1])
	}
}
