package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// The decision step: the engine's decision (flow.Decide, made by the root)
// in words the cashier can read out: the outcome large and plain, then why,
// clause by clause, what to tell the customer and what is still to bring.

// decisionModel is the decision step's screen.
type decisionModel struct {
	ctx  screenCtx
	d    *flow.Decision // nil until the root has decided
	body viewport.Model // the explanation, scrolled when it does not fit
	sent bool
}

// newDecisionModel shows the decision the case holds (ctx.c.Decision).
func newDecisionModel(ctx screenCtx) decisionModel {
	m := decisionModel{ctx: ctx, d: ctx.c.Decision}
	m.body = viewport.New(ctx.width, 1)
	m.layout()
	return m
}

// layout sizes the explanation to the rows the banner and the key line
// leave, and fills it.
func (m *decisionModel) layout() {
	m.body.Width = m.ctx.width
	m.body.Height = max(m.ctx.height-lipgloss.Height(m.banner())-1, 1)
	m.body.SetContent(m.explanation())
}

// Init has nothing to start.
func (m decisionModel) Init() tea.Cmd { return nil }

// keys is the key map with the screen's keys.
func (m decisionModel) keys(k look.KeyMap) look.KeyMap {
	confirm := k.Confirm
	if m.escalated() {
		confirm = k.Decision.Lead
	}
	return k.With(confirm, k.Decision.Scroll)
}

// typing reports whether the screen takes text.
func (m decisionModel) typing() bool { return false }

// dirty: answers on a step's screen are not saved until it is done.
func (m decisionModel) dirty() bool { return true }

func (m decisionModel) escalated() bool {
	return m.d != nil && m.d.Outcome == flow.OutcomeEscalate
}

// Update confirms (or calls a lead for an escalated case), goes back, or
// scrolls the explanation.
func (m decisionModel) Update(msg tea.Msg) (decisionModel, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.ctx.width, m.ctx.height = ws.Width, screenRows(ws.Height)
		m.layout()
		return m, nil
	}
	if m.sent {
		return m, nil
	}
	switch {
	case isKey(msg, m.ctx.keys.Back):
		return m, sendCmd(goBackMsg{})
	case isKey(msg, m.ctx.keys.Confirm):
		if m.d == nil {
			return m, nil
		}
		m.sent = true
		if m.escalated() {
			return m, sendCmd(leadNeededMsg{})
		}
		return m, sendCmd(decisionConfirmedMsg{})
	}
	var cmd tea.Cmd
	m.body, cmd = m.body.Update(msg)
	return m, cmd
}

// View draws the banner, the explanation and the keys.
func (m decisionModel) View() string {
	st, tr := m.ctx.st, m.ctx.tr
	if m.d == nil {
		return st.Dim.Render(tr.T("No decision yet."))
	}
	keys := tr.T("enter  confirm · esc  back")
	if m.escalated() {
		keys = tr.T("enter  call a shift lead to decide · esc  back")
	}
	if m.body.TotalLineCount() > m.body.Height {
		keys += " · " + tr.T("↑/↓  more (%d%%)", int(m.body.ScrollPercent()*100))
	}
	return m.banner() + "\n" + m.body.View() + "\n" + st.Dim.Render(look.Fit(keys, m.ctx.width))
}

// outcomeBanner is an outcome's headline and the line under it.
func (m decisionModel) outcomeBanner() (string, string) {
	d, c, tc := m.d, m.ctx.c, m.ctx.tc
	switch d.Outcome {
	case flow.OutcomeRefund:
		when := tc.T("pay it today")
		switch {
		case c.Request.Remote:
			when = tc.T("pay it by %s (sent by delivery, not at the till)", d.RefundBy.In(tc))
		case !c.TillHasCash:
			when = tc.T("pay it by %s (the till lacks cash)", d.RefundBy.In(tc))
		}
		return tc.T("REFUND"), c.Sale.Price.In(tc) + ": " + when
	case flow.OutcomeExchange:
		return tc.T("EXCHANGE"), tc.T("for goods of good quality")
	case flow.OutcomeReject:
		return tc.T("REJECT"), tc.T("no refund and no exchange: tell the customer why, below")
	case flow.OutcomeNeedDocuments:
		return tc.T("DOCUMENTS NEEDED"), tc.T("the case stays open until the customer brings: %s",
			flow.DocumentWordsIn(tc, d.Missing))
	case flow.OutcomeServiceCentre:
		sub := tc.T("the item goes to the service centre")
		if !d.ServiceBy.IsZero() {
			sub = tc.T("the item goes to the service centre, back by %s", d.ServiceBy.In(tc))
		}
		return tc.T("SERVICE CENTRE"), sub
	case flow.OutcomeReplaceSimilar:
		return tc.T("REPLACE"), tc.T("with a similar device")
	case flow.OutcomeEscalate:
		return tc.T("ESCALATE"), tc.T("a shift lead decides: %s", d.ReasonIn(tc))
	}
	return strings.ToUpper(string(d.Outcome)), ""
}

// banner is the outcome in a box: the headline in spaced capitals, so it
// reads from a step away, and what it means in one or two lines.
func (m decisionModel) banner() string {
	if m.d == nil {
		return ""
	}
	st := m.ctx.st
	head, sub := m.outcomeBanner()
	style, ok := st.Outcome[string(m.d.Outcome)]
	if !ok {
		style = st.Title
	}
	inner := max(m.ctx.width-st.Box.GetHorizontalFrameSize(), 10)
	lines := []string{style.Render(spacedCaps(head))}
	if sub != "" {
		lines = append(lines, look.Wrap(sub, inner, "")...)
	}
	return st.Box.Width(m.ctx.width - st.Box.GetHorizontalBorderSize()).Render(strings.Join(lines, "\n"))
}

// spacedCaps writes a headline with a space between its letters and three
// between its words: "R E F U N D".
func spacedCaps(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.Join(strings.Split(w, ""), " ")
	}
	return strings.Join(words, "   ")
}

// explanation is the decision's reasons and what follows from them, as
// lines of the screen's width.
func (m decisionModel) explanation() string {
	if m.d == nil {
		return ""
	}
	d, st, width, tr := m.d, m.ctx.st, m.ctx.width, m.ctx.tr
	var out []string
	out = append(out, st.Label.Render(tr.T("Why, check by check:")))
	for i, line := range d.Explain {
		num := fmt.Sprintf("%2d. ", i+1)
		wrapped := look.Wrap(line, width-len(num), "")
		for j, w := range wrapped {
			if j == 0 {
				out = append(out, num+w)
			} else {
				out = append(out, strings.Repeat(" ", len(num))+w)
			}
		}
	}
	if len(d.Clauses) > 0 { // the clauses' ids in small print: the words above are what the customer hears
		for _, w := range look.Wrap(tr.T("Decided by: %s", flow.ClauseList(d.Clauses)), width, "  ") {
			out = append(out, st.Dim.Render(w))
		}
	}
	if len(d.Missing) > 0 {
		out = append(out, "", st.Warning.Render(look.Fit("! "+tr.T("Still to bring: %s", flow.DocumentWordsIn(tr, d.Missing)), width)))
	}
	if len(d.Warnings) > 0 {
		out = append(out, "", st.Label.Render(tr.T("Tell the customer:")))
		for _, id := range d.Warnings {
			text := string(id)
			if q := m.ctx.p.Quote(id, m.ctx.tc.Lang()); strings.TrimSpace(q) != "" {
				text += `: "` + shortQuote(q, 2*width-12) + `"`
			}
			for j, w := range look.Wrap(text, width-2, "  ") {
				if j == 0 {
					w = "! " + w
				}
				out = append(out, st.Warning.Render(w))
			}
		}
	}
	return strings.Join(out, "\n")
}

// shortQuote is a policy's text cut to its first sentence and to at most n
// characters.
func shortQuote(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	r := []rune(s)
	if len(r) > n {
		cut := string(r[:n-1])
		if i := strings.LastIndexByte(cut, ' '); i > n/2 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, " ,;:") + "…"
	}
	return s
}
