package ui

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// blinkLikeMsg stands for any message that reaches a screen after its form
// completed: a cursor blink, a window size, a key typed while the store
// answers.
type blinkLikeMsg struct{}

// TestFormsSubmitOnce: a completed form's answers go out once. A message
// that reaches the screen after (a cursor blink while the PIN is checked)
// must not send them again: a second wrong PIN would count twice towards the
// lock, and a second answer would rebuild the login under the cashier's
// fingers. The desk's forms (pay, note) hold the same in package desk.
func TestFormsSubmitOnce(t *testing.T) {
	st, keys := look.DefaultStyles(), look.DefaultKeys()
	c := &flow.Case{ID: "C1"}
	type screen struct {
		form   *huh.Form
		update func(tea.Msg) tea.Cmd
	}
	screens := map[string]func() screen{
		"login": func() screen {
			m := newLoginModel(&st, lang.English(), 80, 21)
			m.Init()
			m, _ = m.Update(typed("Ivan"))
			m, _ = m.Update(kEnter) // the name as typed: the PIN's form
			return screen{m.pin, func(msg tea.Msg) (cmd tea.Cmd) { m, cmd = m.Update(msg); return cmd }}
		},
		"setup": func() screen {
			m := newSetupModel(&st, 80, "Europe/Kyiv", "").withForm()
			return screen{m.form, func(msg tea.Msg) (cmd tea.Cmd) { m, cmd = m.Update(msg); return cmd }}
		},
		"staff": func() screen {
			m := newStaffModel(&st, &keys, lang.English(), 80)
			return screen{m.form, func(msg tea.Msg) (cmd tea.Cmd) { m, cmd = m.Update(msg); return cmd }}
		},
		"approve": func() screen {
			m := newApproveModel(&st, &keys, c, 80)
			return screen{m.form, func(msg tea.Msg) (cmd tea.Cmd) { m, cmd = m.Update(msg); return cmd }}
		},
		"desk approve": func() screen {
			m := newDeskApproveModel(&st, &keys, c, 80, "Olena")
			return screen{m.form, func(msg tea.Msg) (cmd tea.Cmd) { m, cmd = m.Update(msg); return cmd }}
		},
	}
	want := map[string]reflect.Type{
		"login":        reflect.TypeOf(loginSubmitMsg{}),
		"setup":        reflect.TypeOf(setupSubmitMsg{}),
		"staff":        reflect.TypeOf(staffSubmitMsg{}),
		"approve":      reflect.TypeOf(approveSubmitMsg{}),
		"desk approve": reflect.TypeOf(approveSubmitMsg{}),
	}
	for name, open := range screens {
		t.Run(name, func(t *testing.T) {
			s := open()
			s.form.State = huh.StateCompleted // as huh leaves it after the last field's enter
			cmd := s.update(blinkLikeMsg{})
			if cmd == nil {
				t.Fatal("the completed form sent nothing")
			}
			if got := reflect.TypeOf(cmd()); got != want[name] {
				t.Fatalf("the completed form sent %v, want %v", got, want[name])
			}
			for _, msg := range []tea.Msg{blinkLikeMsg{}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a")}} {
				if cmd := s.update(msg); cmd != nil {
					t.Errorf("after %T the form sent again: %T", msg, cmd())
				}
			}
		})
	}
}
