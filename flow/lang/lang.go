// Package lang holds the words people read, in Ukrainian and English, as
// message files (messages/AREA.uk.toml and messages/AREA.en.toml, one pair
// an area: base, kiosk, desk...), and prints them: a
// Printer per language, which looks a message up by its English text (the
// format the code writes, as gettext does) and fills it in as fmt.Sprintf
// does, a counted message in the plural form the language's CLDR rules
// choose (1 день, 2 дні, 5 днів, 21 день). It is pure: no I/O but its
// embedded files, so that flow can print its explanations with it.
package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// Lang is a language the kiosk speaks, by its ISO 639-1 code.
type Lang string

// The languages there are message files of. Ukrainian is the state
// language: a store's, and its customers', unless it says otherwise.
const (
	UK Lang = "uk"
	EN Lang = "en"
)

// Langs are the languages, the default first.
var Langs = []Lang{UK, EN}

// Default is a new store's language.
const Default = UK

// Parse reads a language's code ("uk", "en"; any letter case).
func Parse(s string) (Lang, error) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	for _, x := range Langs {
		if l == x {
			return l, nil
		}
	}
	return "", fmt.Errorf("%q is not a language of the kiosk: uk (Ukrainian) or en (English)", s)
}

// Name is the language's own name for itself.
func (l Lang) Name() string {
	if l == EN {
		return "English"
	}
	return "українська"
}

//go:embed messages/*.toml
var files embed.FS

// Files are the message files (messages/AREA.LANG.toml), for tools and
// tests that read them whole (langtest).
func Files() fs.FS { return files }

// bundle is every message, of both languages.
var bundle = sync.OnceValues(load)

func load() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(files, "messages/*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := fileLang(name); err != nil {
			return nil, err
		}
		data, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if _, err := b.ParseMessageFileBytes(data, path.Base(name)); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return b, nil
}

// fileLang is the language of a message file, named AREA.LANG.toml.
func fileLang(name string) (Lang, error) {
	parts := strings.Split(path.Base(name), ".")
	if len(parts) != 3 || parts[2] != "toml" {
		return "", fmt.Errorf("%s: a message file is named AREA.LANG.toml", name)
	}
	return Parse(parts[1])
}

// Printer prints the messages of one language.
type Printer struct {
	lang  Lang
	loc   *i18n.Localizer
	plain sync.Map // English format -> the message, of the messages without a count: looked up once
}

var printers sync.Map // Lang -> *Printer

// For is the printer of language l; of the default language for one there
// are no messages of.
func For(l Lang) *Printer {
	if _, err := Parse(string(l)); err != nil {
		l = Default
	}
	if p, ok := printers.Load(l); ok {
		return p.(*Printer)
	}
	b, err := bundle()
	if err != nil {
		panic("lang: the embedded message files do not parse: " + err.Error()) // TestMessageFiles holds them
	}
	p, _ := printers.LoadOrStore(l, &Printer{lang: l, loc: i18n.NewLocalizer(b, string(l))})
	return p.(*Printer)
}

// English is the printer of English, the decide contract's language.
func English() *Printer { return For(EN) }

// Lang is the printer's language.
func (p *Printer) Lang() Lang { return p.lang }

// T is the message whose English is format, in the printer's language,
// filled in with args as fmt.Sprintf fills format. A message the files do
// not have (a test finds it) prints as its English.
func (p *Printer) T(format string, args ...any) string {
	msg, ok := p.plain.Load(format)
	if !ok {
		msg, _ = p.plain.LoadOrStore(format, p.lookup(format, nil))
	}
	return fmt.Sprintf(msg.(string), args...)
}

// N is the counted message whose English (its "other" form) is format,
// in the plural form of n in the printer's language, filled in with args.
func (p *Printer) N(format string, n int, args ...any) string {
	return fmt.Sprintf(p.lookup(format, n), args...)
}

func (p *Printer) lookup(id string, count any) string {
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count,
		TemplateParser: template.IdentityParser{}})
	if err != nil || s == "" {
		return id
	}
	return s
}

// Days is a number of days in words: "1 day", "5 days"; "1 день", "2 дні",
// "5 днів".
func (p *Printer) Days(n int) string { return p.N("%d days", n, n) }

// Key marks english as a message the code prints later, through T, from
// where it is kept (a table of questions): it is english as it is, and the
// tests find it among the messages the code prints (gettext's N_).
func Key(english string) string { return english }
