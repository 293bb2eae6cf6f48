package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui/look"
)

// prompt is a question the root asks over the screen at hand, answered with
// one key: "leave the kiosk?", "pay the refund from the till now?", "what
// became of the item back from the service centre?".
type prompt struct {
	text    string // the question and its answers, drawn in place of the screen
	answers []promptAnswer
	// anyKeyCloses: a key that is no answer closes the prompt; else such a
	// key is ignored, but the quit key (pass) goes on to the root.
	anyKeyCloses bool
	pass         key.Binding
	// leavesCase: closing the prompt unanswered puts the case at hand away;
	// it was opened only to ask.
	leavesCase bool
	// answered: an answer's message is on its way; until the root acts on
	// it, another key answers nothing (a key repeat, keys sent in one burst)
	answered bool
}

// promptAnswer is one answer: its key, the message it sends (nil for none)
// and whether it closes the prompt at once. An answer that sends a message
// leaves the prompt up until the root, acting on the message, closes it.
type promptAnswer struct {
	key    key.Binding
	send   tea.Msg
	closes bool
}

// quitMsg: the cashier confirmed leaving the kiosk.
type quitMsg struct{}

// reopenDecisionMsg: the cashier left the cash question for the decision;
// its screen, confirmed already, is built again to take keys.
type reopenDecisionMsg struct{}

// answer takes a key: the command of the answer, and whether the prompt
// closes. ok is false for a key the prompt leaves to the root.
func (p *prompt) answer(k tea.KeyMsg) (cmd tea.Cmd, closes, ok bool) {
	if p.answered {
		return nil, false, !key.Matches(k, p.pass)
	}
	for _, a := range p.answers {
		if key.Matches(k, a.key) {
			if a.send != nil {
				cmd = sendCmd(a.send)
				p.answered = !a.closes
			}
			return cmd, a.closes, true
		}
	}
	if p.anyKeyCloses {
		return nil, true, true
	}
	return nil, false, !key.Matches(k, p.pass)
}

// prompts are the questions up, the last on top.
type prompts []prompt

// top is the question on top, or nil.
func (ps prompts) top() *prompt {
	if len(ps) == 0 {
		return nil
	}
	return &ps[len(ps)-1]
}

// pop takes the question on top away, if there is one.
func (ps *prompts) pop() prompt {
	if len(*ps) == 0 {
		return prompt{}
	}
	p := (*ps)[len(*ps)-1]
	*ps = (*ps)[:len(*ps)-1]
	return p
}

// helpKey is the key as a binding's help writes it: "y", "esc".
func helpKey(b key.Binding) string { return b.Help().Key }

// quitPrompt asks before leaving a screen whose answers are not saved.
func quitPrompt(st *look.Styles, k *look.KeyMap) prompt {
	tr := k.Printer()
	return prompt{
		text: st.Warning.Render(tr.T("Leave the kiosk? Answers on this screen that are not saved will be lost.")) +
			"\n\n  " + helpKey(k.Yes) + "  " + tr.T("leave") + "\n  " + tr.T("any other key  stay"),
		answers:      []promptAnswer{{key: k.Yes, send: quitMsg{}}},
		anyKeyCloses: true,
	}
}

// cashPrompt is the question asked before a cash refund of price is paid:
// from the till now, or owed within the policy's payout days.
func cashPrompt(st *look.Styles, k *look.KeyMap, price flow.Money, days int) prompt {
	tr := k.Printer()
	return prompt{
		text: st.Title.Render(tr.T("Pay the refund of %s from the till now?", price.In(tr))) + "\n\n" +
			"  " + helpKey(k.Yes) + "  " + tr.T("yes: paid now in cash") + "\n" +
			"  " + helpKey(k.No) + "  " + tr.N("no, the till lacks cash: the refund is owed, within %d days", days, days) + "\n" +
			"  " + helpKey(k.Back) + "  " + tr.T("back to the decision"),
		answers: []promptAnswer{
			{key: k.Yes, send: cashAnswerMsg{hasCash: true}},
			{key: k.No, send: cashAnswerMsg{hasCash: false}},
			{key: k.Back, send: reopenDecisionMsg{}, closes: true},
		},
		pass: k.Quit,
	}
}

// backPrompt asks what became of the item of case id, back from the service
// centre.
func backPrompt(st *look.Styles, k *look.KeyMap, id string) prompt {
	return backPromptFor(st, k, id, false)
}

// backPromptFor is backPrompt; with ticket, it also offers to type in the
// service centre's ticket number of an item not back yet.
func backPromptFor(st *look.Styles, k *look.KeyMap, id string, ticket bool) prompt {
	tr := k.Printer()
	title := tr.T("Case %s: the item is back from the service centre", look.ShortID(id))
	if ticket {
		title = tr.T("Case %s: the item is at the service centre. Is it back?", look.ShortID(id))
	}
	text := st.Title.Render(title) + "\n\n" +
		"  " + helpKey(k.Returned.Repaired) + "  " +
		tr.T("repaired (or checked) and handed back to the customer: close the case") + "\n" +
		"  " + helpKey(k.Returned.Conclusion) + "  " +
		tr.T("the service centre's conclusion is in: enter it and decide again") + "\n"
	answers := []promptAnswer{
		{key: k.Returned.Repaired, send: backFromServiceMsg{repaired: true}},
		{key: k.Returned.Conclusion, send: backFromServiceMsg{repaired: false}},
		{key: k.Back, closes: true},
	}
	if ticket {
		text += "  " + helpKey(k.Returned.Ticket) + "  " + tr.T("not back yet: type in the service centre's ticket number") + "\n"
		answers = append(answers, promptAnswer{key: k.Returned.Ticket, send: ticketFormMsg{}})
	}
	return prompt{
		text:       text + "  " + helpKey(k.Back) + "  " + tr.T("not now"),
		answers:    answers,
		pass:       k.Quit,
		leavesCase: true,
	}
}
