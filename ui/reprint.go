package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
	"example.com/returnsdesk/ui/printout"
)

// reprintModel prints a kept act again: the acts of the cases named by an
// act's number, a case's id, a receipt or a serial, newest first; enter
// prints the one at the cursor, after checking its files are the ones kept
// (printout.Reprint). From home it asks what to look for; from the desk's
// case it lists that case's acts at once.
type reprintModel struct {
	st     *look.Styles
	km     *look.KeyMap
	tr     *lang.Printer
	loc    *time.Location
	height int
	query  textinput.Model
	acts   []store.ActOf
	looked bool // the list is the answer to the query
	cursor int
	news   string // what the last print did
	back   view   // where esc goes: home, or the desk
}

// reprintFoundMsg: the acts the query named.
type reprintFoundMsg struct {
	acts []store.ActOf
	err  error
}

// reprintLookMsg: the person asks for the acts of what they typed.
type reprintLookMsg struct{ query string }

// reprintMsg: the person asks to print act a again.
type reprintMsg struct{ act store.ActOf }

// reprintedMsg: the act went to the printer again, or why not.
type reprintedMsg struct {
	kept printout.Kept
	err  error
}

// reprintBackMsg: the person leaves the screen.
type reprintBackMsg struct{}

func newReprintModel(st *look.Styles, km *look.KeyMap, tr *lang.Printer, loc *time.Location, width, height int,
	back view) reprintModel {
	q := textinput.New()
	q.Placeholder = tr.T("act No., receipt, serial/IMEI or case id")
	q.Prompt = "  "
	q.CharLimit = 40
	q.Width = max(width-4, 10)
	q.Focus()
	return reprintModel{st: st, km: km, tr: tr, loc: loc, height: height, query: q, back: back}
}

func (r reprintModel) Init() tea.Cmd { return textinput.Blink }
func (r reprintModel) typing() bool  { return r.query.Focused() }
func (r reprintModel) dirty() bool   { return false }

func (r reprintModel) keys(k look.KeyMap) look.KeyMap {
	if r.query.Focused() || len(r.acts) == 0 {
		return k.With(k.Confirm)
	}
	return k.With(k.Up, k.Down, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", r.tr.T("print again"))))
}

func (r reprintModel) Update(msg tea.Msg) (reprintModel, tea.Cmd) {
	switch msg := msg.(type) {
	case reprintFoundMsg:
		r.acts, r.looked, r.cursor, r.news = msg.acts, true, 0, ""
		if msg.err != nil {
			r.news = "! " + look.SayIn(r.tr, msg.err, "find the acts")
		}
		if len(r.acts) > 0 {
			r.query.Blur()
		}
		return r, nil
	case reprintedMsg:
		r.news = r.printedWords(msg)
		return r, nil
	case tea.KeyMsg:
		return r.onKey(msg)
	}
	var cmd tea.Cmd
	r.query, cmd = r.query.Update(msg)
	return r, cmd
}

func (r reprintModel) onKey(msg tea.KeyMsg) (reprintModel, tea.Cmd) {
	switch {
	case isKey(msg, r.km.Back):
		if !r.query.Focused() && r.query.Value() != "" && r.back == viewHome {
			r.query.Focus() // back to the query, to look for another
			return r, nil
		}
		return r, sendCmd(reprintBackMsg{})
	case r.query.Focused() && isKey(msg, r.km.Confirm):
		return r, sendCmd(reprintLookMsg{query: r.query.Value()})
	case r.query.Focused():
		var cmd tea.Cmd
		r.query, cmd = r.query.Update(msg)
		return r, cmd
	case isKey(msg, r.km.Up):
		r.cursor = max(r.cursor-1, 0)
	case isKey(msg, r.km.Down):
		r.cursor = min(r.cursor+1, max(len(r.acts)-1, 0))
	case isKey(msg, r.km.Confirm) && r.cursor < len(r.acts):
		r.news = r.tr.T("printing…")
		return r, sendCmd(reprintMsg{act: r.acts[r.cursor]})
	}
	return r, nil
}

func (r reprintModel) View() string {
	tr := r.tr
	var b strings.Builder
	b.WriteString(r.st.Title.Render(tr.T("Print an act again")) + "\n\n")
	if r.back == viewHome {
		b.WriteString(r.st.Label.Render(tr.T("Find the acts of")) + "\n" + r.query.View() + "\n\n")
	}
	switch {
	case r.looked && len(r.acts) == 0:
		b.WriteString(r.st.Dim.Render(tr.T("No act is kept for %q.", r.query.Value())) + "\n")
	case len(r.acts) > 0:
		r.writeList(&b)
	}
	if r.news != "" {
		b.WriteString("\n" + strings.Join(look.Wrap(r.news, 80, ""), "\n") + "\n")
	}
	return b.String()
}

// writeList writes the acts, the one at the cursor marked, as many as fit.
func (r reprintModel) writeList(b *strings.Builder) {
	rows := max(r.height-10, 3)
	start := 0
	if r.cursor >= rows {
		start = r.cursor - rows + 1
	}
	for i := start; i < len(r.acts) && i < start+rows; i++ {
		a := r.acts[i]
		at := a.At.In(r.loc)
		line := fmt.Sprintf("%s %-6s %s  %s  %s  %s · %s", r.tr.T("No."), fmt.Sprint(a.N),
			r.tr.Date(at.Year(), at.Month(), at.Day())+" "+at.Format("15:04"), a.Kind.WordsIn(r.tr), a.By,
			look.OrDash(a.Model), look.ShortID(a.Case))
		if i == r.cursor && !r.query.Focused() {
			b.WriteString(r.st.Selected.Render("> "+look.Fit(line, 78)) + "\n")
		} else {
			b.WriteString("  " + look.Fit(line, 78) + "\n")
		}
	}
	if n := len(r.acts) - start - rows; n > 0 {
		b.WriteString(r.st.Dim.Render("  "+r.tr.T("… and %d more", n)) + "\n")
	}
}

// printedWords say where the act went again.
func (r reprintModel) printedWords(msg reprintedMsg) string {
	tr, n := r.tr, msg.kept.Act.N
	switch {
	case msg.err != nil:
		return "! " + look.SayIn(tr, msg.err, "print the act again")
	case msg.kept.PrintErr != nil:
		return "! " + tr.T("printing failed: %s: print the file by hand.", look.SayIn(tr, msg.kept.PrintErr, "print the act"))
	case msg.kept.Printed:
		return tr.T("Act No. %d sent to the printer again: %s", n, msg.kept.File())
	}
	return tr.T("No print command is set: print act No. %d by hand: %s", n, msg.kept.File())
}

// reprintRoot handles the reprint screen's messages; ok is false for any
// other message.
func (m *Model) reprintRoot(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openReprintMsg:
		return m, m.openReprint(msg.caseID), true
	case reprintLookMsg:
		s := m.d.Store
		return m, func() tea.Msg {
			acts, err := s.FindActs(msg.query)
			return reprintFoundMsg{acts: acts, err: err}
		}, true
	case reprintMsg:
		k, by, now := m.keeper(), m.user.Name, m.d.Now()
		return m, func() tea.Msg {
			kept, err := k.Reprint(msg.act.Case, msg.act.Act, by, now)
			return reprintedMsg{kept: kept, err: err}
		}, true
	case reprintFoundMsg, reprintedMsg:
		var cmd tea.Cmd
		m.reprint, cmd = m.reprint.Update(msg)
		return m, cmd, true
	case reprintBackMsg:
		if m.reprint.back == viewDesk {
			m.view = viewDesk
			return m, nil, true
		}
		model, cmd := m.goHome("")
		return model, cmd, true
	}
	return m, nil, false
}

// openReprintMsg: home (no case) or the desk's case asks to print an act
// again.
type openReprintMsg struct{ caseID string }

// openReprint shows the reprint screen: from the desk, the acts of its
// case, looked up at once; from home, asking what to look for.
func (m *Model) openReprint(caseID string) tea.Cmd {
	back := viewHome
	if caseID != "" {
		back = viewDesk
	}
	m.reprint = newReprintModel(&m.st, &m.keys, m.staffText, m.loc, m.width, m.bodyHeight(), back)
	m.view = viewReprint
	if caseID == "" {
		return m.reprint.Init()
	}
	m.reprint.query.SetValue(caseID)
	m.reprint.query.Blur()
	return sendCmd(reprintLookMsg{query: caseID})
}
