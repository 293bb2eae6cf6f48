package cli

import (
	"errors"
	"fmt"
	"strings"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// LangEnv is the environment variable that chooses the language the
// commands speak ("uk", "en"), as --lang before the command does: over the
// store's, for the person at this terminal.
const LangEnv = "RETURNSDESK_LANG"

// withLang takes the language chosen for the commands' words off the front
// of the command line (--lang LANG, --lang=LANG) or from $RETURNSDESK_LANG,
// and keeps it in env (as its $RETURNSDESK_LANG, which goes with a command
// sent to the process that holds the store). Without a choice env is as it
// was. An unknown language is an error to print, naming where it came from.
func withLang(env Env, args []string) (Env, []string, string) {
	val, from, rest := "", "", args
	switch {
	case len(args) > 0 && (args[0] == "--lang" || args[0] == "-lang"):
		if len(args) < 2 {
			return env, nil, lang.For(lang.Default).T("--lang: name a language: uk (Ukrainian) or en (English)")
		}
		val, from, rest = args[1], "--lang", args[2:]
	case len(args) > 0 && (strings.HasPrefix(args[0], "--lang=") || strings.HasPrefix(args[0], "-lang=")):
		_, val, _ = strings.Cut(args[0], "=")
		from, rest = "--lang", args[1:]
	case env.Getenv != nil && env.Getenv(LangEnv) != "":
		val, from = env.Getenv(LangEnv), LangEnv
	default:
		return env, args, ""
	}
	l, err := lang.Parse(val)
	if err != nil {
		return env, nil, from + ": " + notALanguage(lang.For(lang.Default), val)
	}
	getenv := env.Getenv
	env.Getenv = func(k string) string {
		if k == LangEnv {
			return string(l)
		}
		if getenv == nil {
			return ""
		}
		return getenv(k)
	}
	return env, rest, ""
}

// notALanguage is the refusal of s as a language.
func notALanguage(p *lang.Printer, s string) string {
	return p.T("%q is not a language of the kiosk: uk (Ukrainian) or en (English)", s)
}

// chosenLang is the language the person running the command chose
// (withLang), "" when none.
func (env Env) chosenLang() lang.Lang {
	if env.Getenv == nil {
		return ""
	}
	l, err := lang.Parse(env.Getenv(LangEnv))
	if err != nil {
		return ""
	}
	return l
}

// tr is the printer of a command's words before it has a store: the
// language chosen, else the default, Ukrainian.
func (env Env) tr() *lang.Printer { return env.trIn(lang.Default) }

// trIn is the printer of the language chosen, else of l.
func (env Env) trIn(l lang.Lang) *lang.Printer {
	if c := env.chosenLang(); c != "" {
		return lang.For(c)
	}
	return lang.For(l)
}

// trOf is the printer of a command's words once it has the store open: the
// language chosen, else the store's.
func (env Env) trOf(st *store.Store) *lang.Printer {
	if c := env.chosenLang(); c != "" {
		return lang.For(c)
	}
	set, err := st.Settings()
	if err != nil {
		return env.tr()
	}
	return lang.For(set.Lang())
}

// complain writes a command's refusal or failure on standard error:
// "returnsdesk CMD: msg".
func complain(env Env, cmd, msg string) {
	if cmd == "" {
		fmt.Fprintf(env.Stderr, "returnsdesk: %s\n", msg)
		return
	}
	fmt.Fprintf(env.Stderr, "returnsdesk %s: %s\n", cmd, msg)
}

// sayErr is err as a command prints it: flow's or the store's message in
// p's language (flow.MessageIn) with the detail behind it, which a command
// has no log to send to (the problems of a failed check in p's language
// too); else the error's own text.
func sayErr(p *lang.Printer, err error) string {
	m := flow.MessageIn(p, err)
	if m == "" {
		return err.Error()
	}
	var e *flow.Error
	if errors.As(err, &e) && e.Err != nil {
		var ce *store.CheckError
		if errors.As(e.Err, &ce) {
			return m + ": " + ce.In(p)
		}
		return m + ": " + e.Err.Error()
	}
	return m
}
