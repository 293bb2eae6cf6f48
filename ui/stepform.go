package ui

import (
	"errors"
	"strings"

	"example.com/returnsdesk/ui/look"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// What the case step screens share: their huh forms, how a form's outcome
// is read after each message, and how a field's error is shown beside it.

// rootRows is what the root keeps of the terminal's height for its header
// and footer (Model.bodyHeight): a screen told the terminal's size by a
// tea.WindowSizeMsg fills the rest.
const rootRows = 3

// screenRows is the rows a case screen may fill in a terminal this high.
func screenRows(termHeight int) int { return max(termHeight-rootRows, 5) }

// newStepForm is a step's form: the step theme, huh's help line, each
// field's error beside it (see fieldNotes) rather than in the footer, at the
// screen's width and the rows given.
func newStepForm(ctx screenCtx, rows int, groups ...*huh.Group) *huh.Form {
	f := huh.NewForm(groups...).
		WithTheme(ctx.st.StepTheme()).
		WithKeyMap(look.FormKeysIn(ctx.tr)).
		WithShowHelp(true).
		WithShowErrors(false)
	sizeStepForm(f, ctx.width, rows)
	return f
}

// formTyping reports whether the form's focused field takes text (an input,
// a text area): only there is a letter text. On a select, a multi-select or
// a confirm a letter is a key, which means the same on the Ukrainian layout
// (ч for x, о for j: the root's look.Latin).
func formTyping(f *huh.Form) bool {
	if f == nil {
		return false
	}
	switch f.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	}
	return false
}

// freeTextKey marks a form's field that takes free text (a reason): `?`
// is a character there, where elsewhere it is the help key.
const freeTextKey = "free text"

// formFreeText reports whether the form's focused field takes free text: a
// text area, or an input keyed freeTextKey.
func formFreeText(f *huh.Form) bool {
	if f == nil {
		return false
	}
	switch field := f.GetFocusedField().(type) {
	case *huh.Text:
		return true
	case *huh.Input:
		return field.GetKey() == freeTextKey
	}
	return false
}

// sizeStepForm fits a form in width columns and rows rows.
func sizeStepForm(f *huh.Form, width, rows int) {
	f.WithWidth(width).WithHeight(max(rows-1, 3)) // huh draws one row more: the blank line above its help
}

// formOutcome is where a form stands after a message.
type formOutcome int

const (
	formOpen      formOutcome = iota
	formCompleted             // every field is valid: read the values
	formAborted               // huh's abort key (ctrl+c): the cashier wants out
)

func (o formOutcome) String() string {
	switch o {
	case formOpen:
		return "open"
	case formCompleted:
		return "completed"
	case formAborted:
		return "aborted"
	}
	return "formOutcome(?)"
}

// notesRefreshMsg makes a form lay its fields out again after a title
// changed; the fields ignore it.
type notesRefreshMsg struct{}

// updateForm passes msg to the form and says where the form stands. The
// fields' errors are moved beside their titles, and the form laid out again
// when one changed.
func updateForm(f *huh.Form, notes fieldNotes, st *look.Styles, width int, msg tea.Msg) (formOutcome, tea.Cmd) {
	_, cmd := f.Update(msg)
	switch f.State {
	case huh.StateCompleted:
		return formCompleted, cmd
	case huh.StateAborted:
		return formAborted, cmd
	}
	if notes.refresh(st, width) {
		_, again := f.Update(notesRefreshMsg{})
		cmd = tea.Batch(cmd, again)
	}
	return formOpen, cmd
}

// notedInput is a text field whose validation message shows on its title
// line: "Serial number or IMEI  ! ... check digit is wrong".
type notedInput struct {
	in    *huh.Input
	title string // the title without a message
	short string // a shorter title for when title and message do not fit a line
	shown string // the title on screen now
}

// fieldNotes are the text fields of a form whose errors show beside them.
// huh puts an input's error in the form's footer, far from the field on a
// long form; the title line is where the cashier is looking.
type fieldNotes []*notedInput

// input adds a text field with its title and short title.
func (n *fieldNotes) input(title, short string) *huh.Input {
	in := huh.NewInput().Title(title)
	*n = append(*n, &notedInput{in: in, title: title, short: short, shown: title})
	return in
}

// refresh sets each field's title from its error and reports whether one
// changed. The message starts with "!" so it reads as one without colour.
func (n fieldNotes) refresh(st *look.Styles, width int) bool {
	changed := false
	for _, f := range n {
		t := f.title
		if err := f.in.Error(); err != nil {
			msg := "! " + err.Error()
			t = f.title + "  " + msg
			if lipgloss.Width(t) > width-2 && f.short != "" {
				t = f.short + "  " + msg
			}
			t = strings.Replace(t, msg, st.Error.Render(msg), 1)
		}
		if t != f.shown {
			f.in.Title(t)
			f.shown = t
			changed = true
		}
	}
	return changed
}

// isKey reports whether msg is a key of the binding.
func isKey(msg tea.Msg, b key.Binding) bool {
	k, ok := msg.(tea.KeyMsg)
	return ok && key.Matches(k, b)
}

// sendCmd is a command that sends msg.
func sendCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// required is a field's check that it is not left empty, with the message
// that says so, in the screen's words.
func required(msg string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg)
		}
		return nil
	}
}
