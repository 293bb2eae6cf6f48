package desk

import (
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
)

// The desk is live: while it is open it waits for the store's next write
// (from any till), reads the screen at hand again, and waits again, so a
// case saved at another till shows without a key. A desk that was left, or
// replaced by a new one, stops waiting.

// generations tells one desk's waits from another's: a wait of a desk the
// lead left reaches the next desk, which ignores it.
var generations atomic.Uint64

// changedMsg: the store changed while desk gen waited.
type changedMsg struct{ gen uint64 }

// Watch waits for the store's next write and tells the desk. The root
// starts it when it opens the desk; the desk renews it after each change.
func (m Model) Watch() tea.Cmd {
	ch, gen := m.d.Store.Changed(), m.gen
	return func() tea.Msg {
		<-ch
		return Msg{changedMsg{gen: gen}}
	}
}

// changed reads the screen at hand again and waits for the next change; a
// desk replaced by a new one does neither. (The root passes the desk
// nothing once the lead has left it, so its waits end there.)
func (m Model) changed(msg changedMsg) (Model, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil
	}
	return m, tea.Batch(m.reload(), m.Watch())
}
