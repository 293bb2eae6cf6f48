package desk

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// blinkLikeMsg stands for any message that reaches a form after it
// completed: a cursor blink, a key typed while the store answers.
type blinkLikeMsg struct{}

// TestFormsSubmitOnce: a completed form of the desk sends its answers once;
// a message after must not pay a refund or record a note twice.
func TestFormsSubmitOnce(t *testing.T) {
	st, keys := look.DefaultStyles(), look.DefaultKeys()
	type screen struct {
		form   *huh.Form
		update func(tea.Msg) tea.Cmd
	}
	screens := map[string]func() screen{
		"pay": func() screen {
			m := newPayModel(nil, &st, &keys, store.Summary{ID: "C1", Amount: flow.Money{Minor: 100, Currency: "UAH"}},
				benchDay, 80)
			return screen{m.form, func(msg tea.Msg) (cmd tea.Cmd) { m, cmd = m.Update(msg); return cmd }}
		},
		"note": func() screen {
			m := newNoteModel(nil, &st, &keys, "C1", 80)
			*m.value = "the customer came back"
			return screen{m.form, func(msg tea.Msg) (cmd tea.Cmd) { m, cmd = m.Update(msg); return cmd }}
		},
	}
	want := map[string]reflect.Type{"pay": reflect.TypeOf(paySubmitMsg{}), "note": reflect.TypeOf(noteSubmitMsg{})}
	for name, open := range screens {
		t.Run(name, func(t *testing.T) {
			s := open()
			s.form.State = huh.StateCompleted // as huh leaves it after the last field's enter
			cmd := s.update(blinkLikeMsg{})
			if cmd == nil {
				t.Fatal("the completed form sent nothing")
			}
			msg, ok := cmd().(Msg)
			if !ok || reflect.TypeOf(msg.msg) != want[name] {
				t.Fatalf("the completed form sent %#v, want a Msg of %v", msg, want[name])
			}
			for _, msg := range []tea.Msg{blinkLikeMsg{}, typed("a")} {
				if cmd := s.update(msg); cmd != nil {
					t.Errorf("after %T the form sent again: %T", msg, cmd())
				}
			}
		})
	}
}

// TestModelSays: what the root asks of the desk, screen by screen: whether
// `?` is typed, whether leaving loses answers, and the keys it shows.
func TestModelSays(t *testing.T) {
	m := New(benchDeps(nil, benchDay.Time()), 80, 21)
	m, _ = m.Update(Msg{dayMsg{day: benchDay}})
	if m.Typing() || m.Dirty() {
		t.Fatal("the table types or is dirty before a key")
	}
	if ks := m.Keys().Extra(); len(ks) == 0 || ks[0].Help().Desc != "open the case" {
		t.Errorf("the table's keys %v", ks)
	}
	m, _ = m.Update(typed("/"))
	if !m.Typing() || m.Dirty() {
		t.Error("the search is not typed, or is dirty")
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m, _ = m.Update(Msg{noteMsg{id: "C1"}})
	if !m.Typing() || !m.Dirty() {
		t.Error("the note form is not typed, or not dirty")
	}
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if msg, ok := cmd().(Msg); !ok || msg.msg != (backMsg{}) {
		t.Fatalf("esc on the note sent %#v", msg)
	}
	m, _ = m.Update(cmd())
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEsc}) // the table asks the desk to go back
	m, cmd = m.Update(cmd())
	if _, ok := cmd().(DoneMsg); !ok || m.Dirty() {
		t.Errorf("esc on the table sent %T, dirty %v", cmd(), m.Dirty())
	}
}
