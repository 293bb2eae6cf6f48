package ui

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// How the root routes to the screen at hand: current picks it, once, and
// the root draws it, asks it for its keys and passes it its messages
// through the screen interface.
//
// Each screen keeps an Update that returns its own concrete type, as the
// house style asks, so the root never asserts a type to get a screen back.
// The interface cannot hold that Update (its result type differs per
// screen), so held adapts a screen kept in one of the root's fields: its
// update writes the screen's new value back into the field. This reads
// better than one update switch beside the interface: the routing is
// written once, in current, and a new screen is one line there.

// screen is the screen at hand as the root sees it.
type screen interface {
	Init() tea.Cmd
	View() string
	// keys is the key map with the screen's own keys, for the footer and
	// the help.
	keys(look.KeyMap) look.KeyMap
	// typing reports whether the screen takes text now, so that a letter
	// is text there, not a key.
	typing() bool
	// freeText reports whether the field at hand takes free text (a
	// reason, a note), where `?` is a character; elsewhere, in a field too,
	// `?` is the help key.
	freeText() bool
	// dirty reports whether leaving now would lose answers typed on the
	// screen but not yet saved.
	dirty() bool
	// update passes the screen a message and keeps its new value.
	update(tea.Msg) tea.Cmd
}

// model is what each screen's own model is: Update returns its own type.
type model[S any] interface {
	Init() tea.Cmd
	Update(tea.Msg) (S, tea.Cmd)
	View() string
	keys(look.KeyMap) look.KeyMap
	typing() bool
	dirty() bool
}

// held is a screen kept at p: a field of the root, or the heap.
type held[S model[S]] struct{ p *S }

// hold is the screen kept in the root's field p.
func hold[S model[S]](p *S) screen { return held[S]{p: p} }

// own is a screen kept on the heap, for a field that holds any case step.
func own[S model[S]](s S) screen { return held[S]{p: &s} }

func (h held[S]) Init() tea.Cmd                  { return (*h.p).Init() }
func (h held[S]) View() string                   { return (*h.p).View() }
func (h held[S]) keys(k look.KeyMap) look.KeyMap { return (*h.p).keys(k) }
func (h held[S]) typing() bool                   { return (*h.p).typing() }
func (h held[S]) dirty() bool                    { return (*h.p).dirty() }

// freeText asks the screen, if it has a field of free text at all.
func (h held[S]) freeText() bool {
	if f, ok := any(*h.p).(interface{ freeText() bool }); ok {
		return f.freeText()
	}
	return false
}

func (h held[S]) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*h.p, cmd = (*h.p).Update(msg)
	return cmd
}

// deskHooks is the shift lead's desk as a screen, through the root's desk hooks
// (desk.go): it routes among its own screens.
type deskHooks struct{ m *Model }

func (d deskHooks) Init() tea.Cmd                { return nil }
func (d deskHooks) View() string                 { return d.m.deskView() }
func (d deskHooks) keys(look.KeyMap) look.KeyMap { return d.m.deskKeys() }
func (d deskHooks) typing() bool                 { return d.m.deskTyping() }
func (d deskHooks) dirty() bool                  { return d.m.deskDirty() }
func (d deskHooks) freeText() bool               { return d.m.desk.m.FreeText() }
func (d deskHooks) update(msg tea.Msg) tea.Cmd {
	_, cmd := d.m.deskToScreen(msg)
	return cmd
}

// still is a screen of a line of text and no keys of its own: the store
// opening, or nothing while a case is put away.
type still string

func (s still) Init() tea.Cmd                  { return nil }
func (s still) View() string                   { return string(s) }
func (s still) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm) }
func (s still) typing() bool                   { return false }
func (s still) dirty() bool                    { return false }
func (s still) freeText() bool                 { return false }
func (s still) update(tea.Msg) tea.Cmd         { return nil }

// refusedScreen is the screen of a store the kiosk refuses: there is nothing to
// confirm and nowhere to go back to, only the way out.
type refusedScreen struct{ still }

func (s refusedScreen) keys(k look.KeyMap) look.KeyMap {
	k.Back.SetEnabled(false)
	return k.With(k.Quit)
}

// current is the screen at hand.
func (m *Model) current() screen {
	switch m.view {
	case viewSetup:
		return hold(&m.setup)
	case viewLogin:
		return hold(&m.login)
	case viewHome:
		return hold(&m.home)
	case viewStaff:
		return hold(&m.staff)
	case viewStaffList:
		return hold(&m.staffList)
	case viewPIN:
		return hold(&m.pin)
	case viewApprove:
		return hold(&m.approve)
	case viewAct:
		return hold(&m.act)
	case viewReprint:
		return hold(&m.reprint)
	case viewVoid:
		return hold(&m.void)
	case viewPhone:
		return hold(&m.phone)
	case viewDamaged:
		tr := m.staffText
		refusal := look.Wrap(tr.T("This store file cannot be used: %s", look.SayIn(tr, m.damaged, "open the store")), 78, "")
		what := tr.T("It is not a new store, so no first setup is offered over it, and nothing is written to it. A shift lead runs returnsdesk check, then restores the last backup (returnsdesk backup makes them) or, without one, runs returnsdesk repair.")
		if errors.Is(m.damaged, store.ErrRejected) {
			what = tr.T("Nothing is written to it: it is read-only, so no one logs in. returnsdesk check and returnsdesk export still work. A shift lead restores the last backup, or runs returnsdesk repair, which records what it drops.")
		}
		return refusedScreen{still(m.st.Error.Render(strings.Join(refusal, "\n")) + "\n\n" + strings.Join(look.Wrap(what, 78, ""), "\n"))}
	case viewIntake:
		return hold(&m.intake)
	case viewTicket:
		return hold(&m.ticket)
	case viewDesk:
		return deskHooks{m}
	case viewStep:
		switch {
		case m.c == nil:
		case m.shown == flow.StepDecision: // the desk shows it too, in this field
			return hold(&m.decision)
		case m.step != nil:
			return m.step
		}
		return still("")
	}
	return still(m.staffText.T("Opening the store…"))
}
