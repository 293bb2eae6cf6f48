package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	bolt "go.etcd.io/bbolt"
)

// Settings are the store's own: kept in the store file so that the data
// folder is all a kiosk needs.
type Settings struct {
	StoreName    string `json:"store_name"`
	PolicyName   string `json:"policy_name"`           // a built-in policy, or the name of PolicyText's policy
	PolicyText   string `json:"policy_text,omitempty"` // the TOML of the store's own policy, if any
	TimeZone     string `json:"time_zone"`             // IANA name: "Europe/Kyiv"
	PrintCommand string `json:"print_command,omitempty"`
	IdleMinutes  int    `json:"idle_minutes,omitempty"` // lock the screen after this long idle (1-480); 0 is flow.DefaultIdleMinutes
	// ServiceDays is the store's own term, in calendar days, for an item at
	// the service centre where the policy gives none (flow's
	// Policy.StoreServiceDays); 0, as stores set up before it have it, is
	// flow.DefaultServiceDays.
	ServiceDays int `json:"service_days,omitempty"`
	// AbandonDays is how many days after its opening a case without a
	// decision may be closed as abandoned (the customer never came back);
	// 0, as stores set up before it have it, is flow.DefaultAbandonDays.
	AbandonDays int `json:"abandon_days,omitempty"`
	// Paper is what the store prints its acts on: flow.PaperA4 (0, as
	// stores set up before it have it: the PDF), or a receipt printer's
	// columns, 42 or 48 (the text form).
	Paper int `json:"paper,omitempty"`
	// ClosingTime is when the store closes, HH:MM ("": flow.DefaultClosingTime):
	// the desk warns of a day closed before it.
	ClosingTime string `json:"closing_time,omitempty"`
	// Language is the store's language (a lang code: "uk", "en"): its
	// customers', so the act and every screen a customer sees, and its
	// staff's unless a till or a staff member says otherwise. "", as stores
	// set up before it have it, is lang.Default (Ukrainian): every store the
	// kiosk serves is Ukrainian (Settings.Lang).
	Language lang.Lang `json:"language,omitempty"`
}

// Lang is the store's language: Language, or lang.Default when it is "".
func (set Settings) Lang() lang.Lang {
	if set.Language == "" {
		return lang.Default
	}
	return set.Language
}

// NewSettings are a new store's settings as its first setup makes them (the
// first-run screen and the init command alike): the store's name and time
// zone trimmed, the policy's name and text (the TOML the store keeps),
// flow.DefaultIdleMinutes, flow.DefaultServiceDays and lang.Default (the
// caller sets another language). SaveSettings checks them.
func NewSettings(storeName, policyName, policyText, zone string) Settings {
	return Settings{StoreName: strings.TrimSpace(storeName), PolicyName: policyName, PolicyText: policyText,
		TimeZone: strings.TrimSpace(zone), IdleMinutes: flow.DefaultIdleMinutes, ServiceDays: flow.DefaultServiceDays,
		Language: lang.Default}
}

// Policy is the policy the settings name (flow.StorePolicy), with the
// store's own term for an item at the service centre set on it: the policy
// a kiosk decides by.
func (set Settings) Policy() (*flow.Policy, error) {
	p, err := flow.StorePolicy(set.PolicyName, set.PolicyText)
	if err != nil {
		return nil, err
	}
	p.StoreServiceDays = set.ServiceDays
	return p, nil
}

// Settings reads the store's settings; ErrNotFound before the first setup.
func (s *Store) Settings() (Settings, error) {
	var set Settings
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		set, err = settingsTx(tx)
		return err
	})
	return set, err
}

// settingsTx reads the settings in tx, verified against their last event.
func settingsTx(tx *bolt.Tx) (Settings, error) {
	var set Settings
	b, err := bucket(tx, bucketSettings)
	if err != nil {
		return set, err
	}
	v := b.Get(keySettings)
	if v == nil {
		return set, ErrNotFound.Wrap(errors.New("settings"))
	}
	if err := verifyRecord(tx, "settings", v, settingsTampered); err != nil {
		return set, err
	}
	if err := json.Unmarshal(v, &set); err != nil {
		return set, settingsUnreadable(err)
	}
	return set, nil
}

// SaveSettings replaces the store's settings and records who changed what.
// The time zone must be known, the policy text must parse, the language must
// be one of lang.Langs (or "": lang.Default). Cases already filed keep their
// day.
func (s *Store) SaveSettings(set Settings, by string) error {
	set, loc, err := checkSettings(set)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error { return s.putSettingsTx(tx, set, by) })
	if err != nil {
		return err
	}
	s.loc.Store(loc)
	s.log.Info("settings saved", "by", by, "store", set.StoreName, "policy", set.PolicyName, "zone", set.TimeZone)
	return nil
}

// checkSettings checks settings to save, as SaveSettings says, and returns
// them as they are kept, with their time zone.
func checkSettings(set Settings) (Settings, *time.Location, error) {
	set.StoreName = strings.TrimSpace(set.StoreName)
	if set.StoreName == "" {
		return set, nil, flow.Errorf(flow.EInvalid, "the store needs a name")
	}
	if err := flow.CheckStoreName(set.StoreName); err != nil {
		return set, nil, err
	}
	if set.TimeZone == "" {
		return set, nil, flow.Errorf(flow.EInvalid, "the store needs a time zone, such as Europe/Kyiv")
	}
	loc, err := time.LoadLocation(set.TimeZone)
	if err != nil {
		return set, nil, flow.Errorf(flow.EInvalid, "%q is not a time zone (such as Europe/Kyiv)", set.TimeZone)
	}
	if set.PolicyText != "" {
		p, err := flow.StorePolicy("the store's policy", set.PolicyText)
		if err != nil {
			return set, nil, err
		}
		if set.PolicyName == "" {
			set.PolicyName = p.Name
		}
	}
	if set.PolicyName == "" {
		return set, nil, flow.Errorf(flow.EInvalid, "the store needs a policy")
	}
	if _, err := flow.ParseClosingTime(set.ClosingTime); err != nil {
		return set, nil, err
	}
	if set.Language != "" {
		l, err := lang.Parse(string(set.Language))
		if err != nil {
			return set, nil, flow.Errorf(flow.EInvalid, "the store's language: %q is not a language of the kiosk: uk (Ukrainian) "+
				"or en (English)", set.Language)
		}
		set.Language = l
	}
	if set.IdleMinutes != 0 { // 0: flow.DefaultIdleMinutes
		if err := flow.CheckIdleMinutes(set.IdleMinutes); err != nil {
			return set, nil, flow.Errorf(flow.EInvalid, "idle minutes: %s", flow.Said(err))
		}
	}
	if set.ServiceDays != 0 {
		if err := flow.CheckServiceDays(set.ServiceDays); err != nil {
			return set, nil, flow.Errorf(flow.EInvalid, "the service centre's term: %s", flow.Said(err))
		}
	}
	if set.AbandonDays != 0 {
		if err := flow.CheckAbandonDays(set.AbandonDays); err != nil {
			return set, nil, flow.Errorf(flow.EInvalid, "the days before a case is abandoned: %s", flow.Said(err))
		}
	}
	if err := flow.CheckPaper(set.Paper); err != nil {
		return set, nil, flow.Errorf(flow.EInvalid, "the paper: %s", flow.Said(err))
	}
	return set, loc, nil
}

// putSettingsTx keeps set, checked, and records who changed what, in tx.
func (s *Store) putSettingsTx(tx *bolt.Tx, set Settings, by string) error {
	val, err := json.Marshal(set)
	if err != nil {
		return err
	}
	b, err := bucket(tx, bucketSettings)
	if err != nil {
		return err
	}
	var old Settings
	if v := b.Get(keySettings); v != nil {
		if err := verifyRecord(tx, "settings", v, settingsTampered); err != nil {
			return err // never hash a record changed outside the program again
		}
		_ = json.Unmarshal(v, &old)
	}
	if err := b.Put(keySettings, val); err != nil {
		return err
	}
	_, err = appendEvent(tx, Event{Staff: by, Terminal: s.terminal, Kind: EventSettings,
		RecordHash: recordHash(val), Words: settingsChange(old, set)})
	return err
}

// settingsChange says in words what changed.
func settingsChange(old, new Settings) *EventWords {
	var parts []*EventWords
	add := func(what *EventWords, a, b string) {
		if a != b {
			parts = append(parts, Said("%s %q -> %q", what, a, b))
		}
	}
	add(Said("store name"), old.StoreName, new.StoreName)
	add(Said("policy"), old.PolicyName, new.PolicyName)
	if old.PolicyText != new.PolicyText {
		parts = append(parts, Said("policy text changed"))
	}
	add(Said("time zone"), old.TimeZone, new.TimeZone)
	add(Said("print command"), old.PrintCommand, new.PrintCommand)
	add(Said("idle minutes"), fmt.Sprint(old.IdleMinutes), fmt.Sprint(new.IdleMinutes))
	add(Said("service days"), fmt.Sprint(flow.StoreServiceDays(old.ServiceDays)), fmt.Sprint(flow.StoreServiceDays(new.ServiceDays)))
	add(Said("abandon days"), fmt.Sprint(flow.StoreAbandonDays(old.AbandonDays)), fmt.Sprint(flow.StoreAbandonDays(new.AbandonDays)))
	add(Said("paper"), flow.PaperName(old.Paper), flow.PaperName(new.Paper))
	add(Said("closing time"), old.ClosingTime, new.ClosingTime)
	add(Said("language"), string(old.Lang()), string(new.Lang()))
	if len(parts) == 0 {
		return Said("settings saved unchanged")
	}
	return Joined("; ", parts...)
}

// rulesCache is the fraud thresholds of the settings last read: settings
// change seldom, and a save should not parse the policy's TOML each time.
type rulesCache struct {
	settings []byte
	rules    flow.FraudRules
}

// fraudRulesTx is the fraud thresholds of the store's policy in tx: its own
// text, else the built-in it names; flow's defaults when there are no
// settings yet or their policy does not parse (SaveSettings checked it).
// Settings that do not match their last event (settingsTampered) or cannot
// be read (settingsUnreadable) are refused, never used.
func (s *Store) fraudRulesTx(tx *bolt.Tx) (flow.FraudRules, error) {
	var raw []byte
	if b := tx.Bucket(bucketSettings); b != nil {
		raw = b.Get(keySettings)
	}
	if raw != nil {
		if err := verifyRecord(tx, "settings", raw, settingsTampered); err != nil {
			return flow.FraudRules{}, err
		}
	}
	if c := s.rules.Load(); c != nil && bytes.Equal(c.settings, raw) {
		return c.rules, nil
	}
	p := &flow.Policy{Currency: flow.DefaultCurrency}
	if raw != nil {
		var set Settings
		if err := json.Unmarshal(raw, &set); err != nil {
			return flow.FraudRules{}, settingsUnreadable(err)
		}
		if pol, err := flow.StorePolicy(set.PolicyName, set.PolicyText); err == nil {
			p = pol
		}
	}
	rules := p.Fraud()
	s.rules.Store(&rulesCache{settings: copyBytes(raw), rules: rules})
	return rules, nil
}
