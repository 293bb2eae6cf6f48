package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// The inspection step: the policy's checklist (flow.Policy.Checklist), one
// line and one key per question. Not a huh form: a cashier looking at the
// item flips the one or two answers that differ from a new, complete item
// and confirms with enter.

// inspectKeys are the keys of the checklist's lines, in order: digits, then
// letters without j and k (they move up and down).
const inspectKeys = "123456789abcdefghilmnopqrstuvwxyz"

// inspectLine is one question of the checklist.
type inspectLine struct {
	check flow.Check
	key   string      // the line's key, as the line shows it (on the Ukrainian layout for a Ukrainian reader)
	bind  key.Binding // the line's key, to match
	flag  *bool       // the answer in the inspection; nil for the call counter
	good  bool        // the answer of a new, complete item
}

// inspectModel is the inspection step's screen.
type inspectModel struct {
	ctx       screenCtx
	in        *flow.Inspection // the answers, on the heap
	lines     []inspectLine
	cursor    int
	call      string // the call counter as typed, minutes:seconds
	callFresh bool   // the next digit typed replaces the counter shown
	callErr   string // why the call counter cannot be read
	sent      bool
}

// newInspectModel is the checklist of the policy in ctx. A case inspected
// before shows its answers; a new one starts from a new, complete item (no
// signs of use, complete set, packaging, labels and seals intact, serial
// matching, no damage, no calls), so a clean item takes one key: enter.
func newInspectModel(ctx screenCtx) inspectModel {
	in, good := new(flow.Inspection), flow.CleanInspection()
	*in = good
	if ctx.c.Done.Has(flow.StepInspection) {
		*in = ctx.c.Inspection
	}
	m := inspectModel{ctx: ctx, in: in, call: flow.MinSec(in.CallSeconds), callFresh: true}
	for i, ch := range ctx.p.ChecklistFor(ctx.c.Sale) {
		l := inspectLine{check: ch}
		if i < len(inspectKeys) {
			l.bind = key.NewBinding(key.WithKeys(inspectKeys[i : i+1]))
			l.key = lineKey(ctx.tr, inspectKeys[i:i+1])
		}
		if ch.Field != flow.CallField {
			l.flag = in.Flag(ch.Field)
			if g := good.Flag(ch.Field); g != nil {
				l.good = *g
			}
			if l.flag == nil {
				continue // a field this screen does not know: flow's checklist grew
			}
		}
		m.lines = append(m.lines, l)
	}
	return m
}

// lineKey is a line's key as its reader sees it: a letter as the Ukrainian
// layout labels its key ("ф" for a) for a Ukrainian reader, as the key help
// shows keys (look.OnLayout).
func lineKey(tr *lang.Printer, k string) string {
	if tr.Lang() == lang.UK {
		return look.OnLayout(k)
	}
	return k
}

// Init has nothing to start.
func (m inspectModel) Init() tea.Cmd { return nil }

// keys is the key map with the screen's keys.
func (m inspectModel) keys(k look.KeyMap) look.KeyMap {
	return k.With(k.Inspect.Answer, k.Toggle, k.Up, k.Down, k.Confirm)
}

// typing reports whether the screen takes text.
func (m inspectModel) typing() bool { return false } // its keys answer lines; the call counter takes digits only

// dirty: answers on a step's screen are not saved until it is done.
func (m inspectModel) dirty() bool { return true }

// onCall reports whether the cursor is on the call counter's line.
func (m inspectModel) onCall() bool {
	return m.cursor < len(m.lines) && m.lines[m.cursor].flag == nil
}

// Update switches an answer, edits the call counter, moves, or confirms.
func (m inspectModel) Update(msg tea.Msg) (inspectModel, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.ctx.width, m.ctx.height = ws.Width, screenRows(ws.Height)
		return m, nil
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok || m.sent {
		return m, nil
	}
	keys := m.ctx.keys
	switch {
	case key.Matches(k, keys.Back):
		return m, sendCmd(goBackMsg{})
	case key.Matches(k, keys.Confirm):
		if m.onCall() && !m.callFresh {
			// a counter being typed: enter ends it, and the digits
			// answer lines again
			if m.checkCall() {
				m.moveTo(m.cursor + 1)
			}
			return m, nil
		}
		return m.finish()
	case key.Matches(k, keys.Up, keys.Inspect.Prev):
		m.moveTo(m.cursor - 1)
		return m, nil
	case key.Matches(k, keys.Down, keys.Inspect.Next):
		m.moveTo(m.cursor + 1)
		return m, nil
	case key.Matches(k, keys.Toggle):
		if !m.onCall() && m.cursor < len(m.lines) {
			*m.lines[m.cursor].flag = !*m.lines[m.cursor].flag
		}
		return m, nil
	}
	if m.onCall() && m.editCall(k) {
		return m, nil
	}
	for i, l := range m.lines {
		if l.key != "" && key.Matches(k, l.bind) { // a Cyrillic letter came as its key's Latin one (look.Latin)
			m.moveTo(i)
			if l.flag != nil {
				*l.flag = !*l.flag
			}
			return m, nil
		}
	}
	return m, nil
}

// moveTo puts the cursor on line i. Leaving the call counter checks it: the
// message shows on its line, and what was typed stays.
func (m *inspectModel) moveTo(i int) {
	if i < 0 || i >= len(m.lines) || i == m.cursor {
		return
	}
	if m.onCall() {
		m.checkCall()
	}
	m.cursor = i
	if m.onCall() {
		m.callFresh = true
	}
}

// editCall types a key into the call counter; it reports whether the key
// was one the counter takes (digits, ":", backspace).
func (m *inspectModel) editCall(k tea.KeyMsg) bool {
	switch k.Type {
	case tea.KeyBackspace, tea.KeyDelete:
		r := []rune(m.call)
		if len(r) > 0 {
			m.call = string(r[:len(r)-1])
		}
	case tea.KeyRunes:
		for _, r := range k.Runes {
			if (r < '0' || r > '9') && r != ':' {
				return false
			}
		}
		if m.callFresh {
			m.call = ""
		}
		if len([]rune(m.call))+len(k.Runes) > 9 {
			return true
		}
		m.call += string(k.Runes)
	default:
		return false
	}
	m.callFresh, m.callErr = false, ""
	return true
}

// checkCall reads the call counter with flow.ParseMinSec; it reports
// whether it could.
func (m *inspectModel) checkCall() bool {
	s, err := flow.ParseMinSec(m.call)
	if err != nil {
		m.callErr = "! " + look.SayIn(m.ctx.tr, err, "read the call counter")
		return false
	}
	m.callErr = ""
	m.in.CallSeconds = s
	return true
}

// finish sends the answers to the root, once the call counter reads.
func (m inspectModel) finish() (inspectModel, tea.Cmd) {
	hasCall := false
	for i, l := range m.lines {
		if l.flag == nil {
			hasCall = true
			if !m.checkCall() {
				m.cursor = i
				return m, nil
			}
		}
	}
	if !hasCall {
		m.in.CallSeconds = m.ctx.c.Inspection.CallSeconds
	}
	m.sent = true
	return m, sendCmd(inspectedMsg{inspection: *m.in})
}

// answerWidth is the width of the answer column, in cells: "yes", "!no",
// "!так", "12:34_".
const answerWidth = 6

// View draws the checklist: per line its key, its answer in words, the
// question and the clauses it serves.
func (m inspectModel) View() string {
	st, tr := m.ctx.st, m.ctx.tr
	if m.sent {
		return st.OK.Render(tr.T("✓ Inspection recorded."))
	}
	head := []string{
		st.Title.Render(look.Fit(tr.T("Inspection: press a line's key to switch its answer; %s when done.",
			m.ctx.keys.Confirm.Help().Key), m.ctx.width)),
		"",
	}
	foot := []string{"", st.Dim.Render(look.Fit(tr.T("! an answer that differs from a new, complete item"), m.ctx.width))}
	if !m.ctx.c.Sale.HasSerial() {
		foot = append(foot, st.Dim.Render(look.Fit(tr.T("The item has no serial/IMEI: whether it matches is not asked."),
			m.ctx.width)))
	}
	var blocks [][]string
	for i, l := range m.lines {
		blocks = append(blocks, m.lineView(i, l))
	}
	return strings.Join(append(append(head, visibleBlocks(blocks, m.cursor, m.ctx.height-len(head)-len(foot))...),
		foot...), "\n")
}

// lineView is one question: one line, or two when the clauses or the call
// counter's message do not fit beside it.
func (m inspectModel) lineView(i int, l inspectLine) []string {
	st, width, tr := m.ctx.st, m.ctx.width, m.ctx.tr
	cursor := "  "
	if i == m.cursor {
		cursor = "> "
	}
	var answer string
	style := st.Value
	if l.flag == nil {
		answer = m.call
		if i == m.cursor {
			answer += "_"
		}
	} else {
		answer = tr.T("no")
		if *l.flag {
			answer = tr.T("yes")
		}
		if *l.flag != l.good {
			answer = "!" + answer
			style = st.Warning
		}
	}
	prefix := cursor + look.PadRight(l.key, 2) + " "
	indent := strings.Repeat(" ", lipgloss.Width(prefix)+answerWidth)
	question := l.check.QuestionIn(tr)
	ids := make([]string, len(l.check.Clauses))
	for j, id := range l.check.Clauses {
		ids[j] = string(id)
	}
	tag := "[" + strings.Join(ids, ", ") + "]"
	answer = style.Render(look.PadRight(answer, answerWidth))
	line := prefix + answer + question
	if i == m.cursor {
		line = prefix + answer + st.Label.Render(question)
	}
	out := []string{}
	if lipgloss.Width(line)+2+len(tag) <= width {
		out = append(out, line+"  "+st.Dim.Render(tag))
	} else {
		out = append(out, look.Fit(line, width), look.Fit(indent+st.Dim.Render(tag), width))
	}
	if l.flag == nil && m.callErr != "" {
		for _, e := range look.Wrap(m.callErr, width-len(indent), "  ") {
			out = append(out, indent+st.Error.Render(e))
		}
	} else if l.flag == nil && i == m.cursor {
		out = append(out, indent+st.Dim.Render(tr.T("type minutes:seconds; %s ends the counter", m.ctx.keys.Confirm.Help().Key)))
	}
	return out
}

// visibleBlocks is as many whole blocks of lines as fit in rows, starting
// early enough that block cursor is among them.
func visibleBlocks(blocks [][]string, cursor, rows int) []string {
	start := 0
	height := func(from, to int) int {
		n := 0
		for _, b := range blocks[from : to+1] {
			n += len(b)
		}
		return n
	}
	for start < cursor && cursor < len(blocks) && height(start, cursor) > rows {
		start++
	}
	var out []string
	for _, b := range blocks[start:] {
		if len(out)+len(b) > rows {
			break
		}
		out = append(out, b...)
	}
	return out
}
