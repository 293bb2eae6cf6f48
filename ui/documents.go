package ui

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui/look"
)

// The documents step: which papers the customer presented and, when one is
// the passport, its type, number and name. The number leaves this screen in
// documentsEnteredMsg and is forgotten here: the root keeps only what
// docs/rules.md, "Privacy", allows (type, last 4, keyed hash).

// documentsValues are the documents form's answers, on the heap for huh.
type documentsValues struct {
	docs    []flow.Document
	ptype   string
	number  string // cleared as soon as it is sent
	name    string
	matches string // "unknown", "yes" or "no"
}

// documentsModel is the documents step's screen.
type documentsModel struct {
	ctx    screenCtx
	v      *documentsValues
	form   *huh.Form
	notes  fieldNotes
	onFile flow.Passport // the passport the case holds already (masked)
	repeat string        // the notice of the passport's recent returns
	sent   string        // what was recorded, once sent
}

// The words of each document and passport type.
var (
	documentWords = map[flow.Document]string{
		flow.DocReceipt:      lang.Key("receipt"),
		flow.DocPaymentProof: lang.Key("other payment proof (bank slip, card statement)"),
		flow.DocWarrantyCard: lang.Key("warranty card"),
		flow.DocPassport:     lang.Key("passport"),
	}
	passportWords = map[string]string{
		"id_card": lang.Key("ID card"),
		"booklet": lang.Key("booklet (old passport)"),
		"foreign": lang.Key("foreign passport"),
	}
	nameMatchWords = map[string]string{
		"unknown": lang.Key("unknown (the purchase names nobody)"),
		"yes":     lang.Key("yes"),
		"no":      lang.Key("no"),
	}
)

// newDocumentsModel is the documents screen with the case's answers: the
// documents ticked before, and the passport's type and name (its number is
// never kept: leaving it empty keeps the passport on file).
func newDocumentsModel(ctx screenCtx) documentsModel {
	c := ctx.c
	v := &documentsValues{docs: slices.Clone(c.Documents), matches: "unknown", ptype: flow.PassportTypes[0]}
	if !c.Done.Has(flow.StepDocuments) && len(c.Documents) == 0 && c.Sale.Receipt != "" {
		// the receipt was scanned or typed from the paper: it is here
		v.docs = []flow.Document{flow.DocReceipt}
	}
	m := documentsModel{ctx: ctx, v: v}
	if c.Passport.Presented() {
		m.onFile = c.Passport
		v.ptype, v.name = c.Passport.Type, c.Passport.Name
	}
	if nm := c.Passport.NameMatches; nm != nil {
		v.matches = map[bool]string{true: "yes", false: "no"}[*nm]
	}
	m.openForm()
	return m
}

// keepsPassport reports whether an empty number keeps the passport on file:
// one is on file, of the type chosen.
func (m documentsModel) keepsPassport() bool {
	return m.onFile.Presented() && m.v.ptype == m.onFile.Type
}

func (m *documentsModel) openForm() {
	v, tr := m.v, m.ctx.tr
	m.notes = nil
	n := &m.notes
	numberTitle := tr.T("Passport number")
	if m.onFile.Presented() {
		numberTitle = tr.T("Passport number (empty keeps %s)", m.onFile.MaskedIn(tr))
	}
	keep := m.keepsPassport
	docs := huh.NewMultiSelect[flow.Document]().
		Title(tr.T("Which documents did the customer present? (x or space ticks)")).
		Value(&v.docs).
		Options(wordOptions(tr, flow.Documents, documentWords)...)
	passport := huh.NewGroup(
		huh.NewSelect[string]().Title(tr.T("Passport type")).Inline(true).
			Options(wordOptions(tr, flow.PassportTypes, passportWords)...).Value(&v.ptype),
		n.input(numberTitle, tr.T("Passport number")).Value(&v.number).CharLimit(24).
			EchoMode(huh.EchoModePassword).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" && keep() {
					return nil
				}
				return look.FieldErrIn(tr, flow.CheckPassport(v.ptype, s))
			}),
		n.input(tr.T("Name as the passport writes it"), tr.T("Name")).Value(&v.name).CharLimit(100).
			Validate(look.CheckIn(tr, flow.CheckPersonName)),
		huh.NewSelect[string]().Title(tr.T("Does the name match the purchase?")).Inline(true).
			Options(wordOptions(tr, []string{"unknown", "yes", "no"}, nameMatchWords)...).Value(&v.matches),
	).Title(tr.T("Passport")).WithHideFunc(func() bool { return !slices.Contains(v.docs, flow.DocPassport) })
	m.form = newStepForm(m.ctx, m.formRows(), huh.NewGroup(docs), passport)
}

// formRows is the rows the form may fill: the screen less the notice.
func (m documentsModel) formRows() int {
	if m.repeat != "" {
		return m.ctx.height - 1
	}
	return m.ctx.height
}

// Init starts the form.
func (m documentsModel) Init() tea.Cmd {
	if m.form == nil {
		return nil
	}
	return m.form.Init()
}

// keys is the key map with the screen's keys.
func (m documentsModel) keys(k look.KeyMap) look.KeyMap { return k.With(k.Confirm, k.Toggle) }

// typing reports whether the screen takes text.
func (m documentsModel) typing() bool { return formTyping(m.form) }

// dirty: answers on a step's screen are not saved until it is done.
func (m documentsModel) dirty() bool { return true }

// Update passes a key to the form and, once it is complete, records the
// documents and sends the passport on.
func (m documentsModel) Update(msg tea.Msg) (documentsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.width, m.ctx.height = msg.Width, screenRows(msg.Height)
		if m.form != nil {
			sizeStepForm(m.form, m.ctx.width, m.formRows())
		}
		return m, nil
	case repeatReturnsMsg:
		m.repeat = repeatReturnsNotice(m.ctx.tr, msg.count, msg.dates)
		if m.form != nil {
			sizeStepForm(m.form, m.ctx.width, m.formRows())
		}
		return m, nil
	}
	if m.form == nil {
		return m, nil
	}
	if isKey(msg, m.ctx.keys.Back) {
		return m, sendCmd(goBackMsg{})
	}
	out, cmd := updateForm(m.form, m.notes, m.ctx.st, m.ctx.width, msg)
	switch out {
	case formAborted:
		return m, sendCmd(goBackMsg{})
	case formCompleted:
		return m.finish()
	}
	return m, cmd
}

// finish sends the documents and the passport to the root and forgets the
// passport's number.
func (m documentsModel) finish() (documentsModel, tea.Cmd) {
	v := m.v
	done := documentsEnteredMsg{passport: slices.Contains(v.docs, flow.DocPassport)}
	for _, d := range flow.Documents {
		if slices.Contains(v.docs, d) {
			done.docs = append(done.docs, d)
		}
	}
	number := flow.NormalizePassport(v.number)
	v.number = ""
	m.form, m.notes = nil, nil // the form's input held the number too
	tr := m.ctx.tr
	m.sent = tr.T("none")
	if len(done.docs) > 0 {
		m.sent = flow.DocumentWordsIn(tr, done.docs)
	}
	if !done.passport {
		return m, sendCmd(done)
	}
	if v.matches != "unknown" {
		b := v.matches == "yes"
		done.nameMatches = &b
	}
	done.ptype, done.number, done.name = v.ptype, number, strings.TrimSpace(v.name)
	if number == "" { // the passport on file stays
		m.sent += " (" + m.onFile.MaskedIn(tr) + ")"
	} else {
		m.sent += " (" + flow.Passport{Type: v.ptype, Last4: lastChars(number, 4)}.MaskedIn(tr) + ")"
	}
	return m, sendCmd(done)
}

// lastChars is the last n characters of s.
func lastChars(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

// View draws the form, or what was recorded once it is sent.
func (m documentsModel) View() string {
	st := m.ctx.st
	var b strings.Builder
	if m.repeat != "" {
		b.WriteString(st.Warning.Render(look.Fit(m.repeat, m.ctx.width)) + "\n")
	}
	if m.form == nil {
		b.WriteString(st.OK.Render(look.Fit(m.ctx.tr.T("✓ Documents recorded: %s", m.sent), m.ctx.width)))
		return b.String()
	}
	b.WriteString(m.form.View())
	return b.String()
}

// repeatReturnsDays is how far back the root looks for a passport's earlier
// returns: flow's span of the repeat-returns flag.
const repeatReturnsDays = flow.RepeatDays

// repeatReturnsNotice is the warning that the same passport returned other
// items lately, in one line of at most 80 columns: "! this passport returned
// 3 items in the last 30 days: 2026-11-02, 2026-11-09, +1 more". It is empty
// when there were none.
func repeatReturnsNotice(tr *lang.Printer, count int, dates []flow.Date) string {
	if count <= 0 {
		return ""
	}
	head := "! " + tr.N("this passport returned %d items in the last %s", count, count, tr.Days(repeatReturnsDays))
	for k := len(dates); k > 0; k-- {
		list := make([]string, k)
		for i, d := range dates[:k] {
			list[i] = d.In(tr)
		}
		s := head + ": " + strings.Join(list, ", ")
		if k < len(dates) {
			s += ", " + tr.T("+%d more", len(dates)-k)
		}
		if lipgloss.Width(s) <= 80 {
			return s
		}
	}
	return head
}
