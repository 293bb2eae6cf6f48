package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The sale step: find the sale the item was bought in by scanning the
// receipt's or the item's barcode (the root looks it up in the sales
// imported from the POS), or type it from the paper receipt.

// salePhase is where the sale screen stands.
type salePhase int

const (
	saleSearch  salePhase = iota // one field: receipt number or serial/IMEI
	saleWaiting                  // the lookup is out; salesFoundMsg answers it
	salePick                     // the receipt has several lines: pick one
	saleConfirm                  // one complete sale found: use it, or edit it
	saleForm                     // the sale field by field
	saleLead                     // a shift lead's name, PIN and reason, to correct an imported sale
	saleSent                     // written into the case; the root moves on
)

func (p salePhase) String() string {
	switch p {
	case saleSearch:
		return "search"
	case saleWaiting:
		return "waiting"
	case salePick:
		return "pick"
	case saleConfirm:
		return "confirm"
	case saleForm:
		return "form"
	case saleLead:
		return "lead"
	case saleSent:
		return "sent"
	}
	return fmt.Sprintf("salePhase(%d)", int(p))
}

// saleValues are the answers of the sale form, on the heap for huh to bind.
type saleValues struct {
	date, receipt, model, serial, price, months string

	tender    flow.Tender
	condition flow.Condition
	market    flow.Market
	contract  bool // used equipment: a contractual warranty obligation

	line      int    // the receipt line of the sale found...
	lineOf    string // ...on this receipt: kept while the receipt number is
	pick      int    // the line picked among several; -1 for none of them
	searchFor string // the query of the lookup that is out

	// imported is the sales import's record of the sale found, whose
	// fields are shown, not typed over; correction is a shift lead's
	// leave to correct it (who and why; the changes are made on finish)
	imported   *flow.Sale
	correction *flow.SaleCorrection
	lead, pin  string // the shift lead's answers while they are asked
	reason     string
}

// saleModel is the sale step's screen.
type saleModel struct {
	ctx       screenCtx
	phase     salePhase
	search    textinput.Model
	searchErr string      // why the search did not go out
	note      string      // what the lookup found, shown above the form
	found     []flow.Sale // the lines the lookup found
	v         *saleValues
	form      *huh.Form
	notes     fieldNotes
	searched  bool      // the form came from the search: esc goes back to it
	before    salePhase // the phase the shift lead's form returns to on esc
	leadErr   string    // why the shift lead was refused
}

// newSaleModel is the sale screen for the case in ctx: the search for a
// new case; the form with the earlier answers when the case has a sale.
func newSaleModel(ctx screenCtx) saleModel {
	m := saleModel{ctx: ctx, v: &saleValues{pick: -1}}
	m.search = textinput.New()
	m.search.Placeholder = ctx.tr.T("scan the receipt or the item's barcode")
	m.search.CharLimit = 40
	m.search.Width = max(ctx.width-4, 10)
	m.search.Focus()
	switch s := ctx.c.Sale; {
	case m.nextItem():
		// another item of a visit's receipt: its lines are looked up at once
		m.search.SetValue(s.Receipt)
		m.phase, m.v.searchFor = saleWaiting, strings.TrimSpace(s.Receipt)
	case ctx.c.Done.Has(flow.StepSale) || s != (flow.Sale{}):
		m.fill(s)
		m.v.imported, m.v.correction = ctx.c.Imported, ctx.c.SaleCorrection
		m.openForm()
	}
	return m
}

// nextItem reports whether the case is another item of a visit's receipt
// whose own line is not recorded yet (flow.Case.NextItem).
func (m saleModel) nextItem() bool {
	return m.ctx.c.Visit != "" && !m.ctx.c.Done.Has(flow.StepSale) && m.ctx.c.Sale.Receipt != ""
}

// Init starts the cursor, or the form; for another item of a visit, the
// lookup of its receipt's lines.
func (m saleModel) Init() tea.Cmd {
	if m.form != nil {
		return m.form.Init()
	}
	if m.phase == saleWaiting {
		return tea.Batch(textinput.Blink, sendCmd(receiptLookupMsg{query: m.v.searchFor}))
	}
	return textinput.Blink
}

// keys is the key map with the keys of the phase at hand.
func (m saleModel) keys(k look.KeyMap) look.KeyMap {
	switch m.phase {
	case saleSearch:
		return k.With(k.Confirm, k.Sale.TypeSale)
	case saleConfirm:
		return k.With(k.Confirm, k.Sale.Edit)
	case saleForm:
		if m.locked() {
			return k.With(k.Confirm, k.Sale.Correct)
		}
	}
	return k.With(k.Confirm)
}

// locked reports whether the sale came from the sales import and no shift
// lead has taken it up to correct it: its fields are shown, not typed over.
func (m saleModel) locked() bool { return m.v.imported != nil && m.v.correction == nil }

// typing reports whether the screen takes text.
func (m saleModel) typing() bool { return m.phase != saleForm || formTyping(m.form) }

// freeText: the shift lead's reason for a correction is free text.
func (m saleModel) freeText() bool { return m.phase == saleLead && formFreeText(m.form) }

// dirty: answers on a step's screen are not saved until it is done.
func (m saleModel) dirty() bool { return true }

// Update handles a key or the lookup's answer.
func (m saleModel) Update(msg tea.Msg) (saleModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.width, m.ctx.height = msg.Width, screenRows(msg.Height)
		m.search.Width = max(m.ctx.width-4, 10)
		if m.form != nil {
			sizeStepForm(m.form, m.ctx.width, m.formRows())
		}
		return m, nil
	case salesFoundMsg:
		return m.salesFound(msg)
	case saleLeadResultMsg:
		return m.leadAnswered(msg)
	}
	switch m.phase {
	case saleSearch, saleWaiting:
		return m.updateSearch(msg)
	case saleConfirm:
		return m.updateConfirm(msg)
	case salePick, saleForm:
		return m.updateForm(msg)
	case saleLead:
		return m.updateLead(msg)
	}
	return m, nil
}

func (m saleModel) updateSearch(msg tea.Msg) (saleModel, tea.Cmd) {
	if m.phase == saleWaiting {
		if isKey(msg, m.ctx.keys.Back) { // stop waiting; a late answer is ignored
			m.phase, m.v.searchFor = saleSearch, ""
		}
		return m, nil
	}
	switch {
	case isKey(msg, m.ctx.keys.Back):
		return m, sendCmd(goBackMsg{})
	case isKey(msg, m.ctx.keys.Sale.TypeSale):
		m.blankSale(strings.TrimSpace(m.search.Value()))
		m.note = ""
		m.openForm()
		m.searched = true
		return m, m.form.Init()
	case isKey(msg, m.ctx.keys.Confirm):
		q := strings.TrimSpace(m.search.Value())
		if q == "" {
			m.searchErr = "! " + m.ctx.tr.T("scan or type the receipt number or the serial/IMEI (tab: type the sale instead)")
			return m, nil
		}
		if err := flow.CheckReceipt(q); err != nil && flow.CheckSerial(q) != nil {
			m.searchErr = "! " + look.SayIn(m.ctx.tr, err, "look the sales up")
			return m, nil
		}
		m.searchErr = ""
		m.phase, m.v.searchFor = saleWaiting, q
		return m, sendCmd(receiptLookupMsg{query: q})
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		m.searchErr = ""
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	return m, cmd
}

// salesFound takes the lookup's answer: none (type the sale), one (use
// it), several (pick one).
func (m saleModel) salesFound(msg salesFoundMsg) (saleModel, tea.Cmd) {
	if m.phase != saleWaiting || msg.query != m.v.searchFor {
		return m, nil // an answer to a search given up
	}
	m.phase, m.v.searchFor = saleSearch, ""
	switch {
	case errors.Is(msg.err, store.ErrTampered): // typed instead, its save is refused the same way
		m.searchErr = "! " + look.SayIn(m.ctx.tr, msg.err, "look the sales up")
		return m, nil
	case msg.err != nil:
		m.searchErr = "! " + m.ctx.tr.T("%s (tab: type the sale instead)",
			look.SayIn(m.ctx.tr, msg.err, "look the sales up")) // the root logged it
		return m, nil
	}
	m.searched = true
	sales := m.notInVisit(msg.sales)
	switch len(sales) {
	case 0:
		m.blankSale(msg.query)
		m.note = m.ctx.tr.T("No sale found under %s: type it from the paper receipt.", msg.query)
		if len(msg.sales) > 0 {
			m.note = m.ctx.tr.T("Every line of %s found is in this visit: type the item from the paper receipt.", msg.query)
		}
		m.openForm()
		return m, m.form.Init()
	case 1:
		return m.chosen(sales[0])
	}
	msg.sales = sales
	m.found = msg.sales
	m.v.pick = 0
	m.phase, m.note = salePick, ""
	opts := make([]huh.Option[int], 0, len(msg.sales)+1)
	for i, s := range msg.sales {
		opts = append(opts, huh.NewOption(look.Fit(saleLine(m.ctx.tr, s), m.ctx.width-8), i))
	}
	opts = append(opts, huh.NewOption(m.ctx.tr.T("none of these: type the sale from the paper receipt"), -1))
	m.notes = nil
	m.form = newStepForm(m.ctx, m.ctx.height, huh.NewGroup(
		huh.NewSelect[int]().
			Title(m.ctx.tr.N("%d items are sold under %s: which one comes back?", len(msg.sales), len(msg.sales), msg.query)).
			Options(opts...).
			Value(&m.v.pick),
	))
	return m, m.form.Init()
}

// notInVisit is sales without the lines the visit's items took already.
func (m saleModel) notInVisit(sales []flow.Sale) []flow.Sale {
	if len(m.ctx.visit) == 0 {
		return sales
	}
	var out []flow.Sale
	for _, s := range sales {
		taken := false
		for _, v := range m.ctx.visit {
			taken = taken || flow.NormText(v.Receipt) == flow.NormText(s.Receipt) && v.Line == s.Line
		}
		if !taken {
			out = append(out, s)
		}
	}
	return out
}

// saleLine is one line of a receipt in a list.
func saleLine(tr *lang.Printer, s flow.Sale) string {
	parts := []string{}
	if s.Line > 0 {
		parts = append(parts, tr.T("line %d", s.Line))
	}
	for _, p := range []string{s.Model, s.Serial, s.Price.In(tr), s.Date.In(tr)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// chosen takes the sale found: confirmed with one key when the POS
// recorded every field, else checked and completed in the form.
func (m saleModel) chosen(s flow.Sale) (saleModel, tea.Cmd) {
	m.fill(s)
	imported := s
	m.v.imported, m.v.correction = &imported, nil
	if m.complete(s) {
		m.phase = saleConfirm
		m.form = nil
		return m, nil
	}
	m.note = m.ctx.tr.T("Sale found under %s: fill in what it does not say.", s.Receipt)
	m.openForm()
	return m, m.form.Init()
}

// complete reports whether a sale from the POS holds every answer the form
// would ask for, each passing its check.
func (m saleModel) complete(s flow.Sale) bool {
	if _, err := flow.CheckSaleDate(s.Date.String(), m.ctx.today); err != nil {
		return false
	}
	if flow.CheckReceipt(s.Receipt) != nil || flow.CheckModel(s.Model) != nil || flow.CheckSerial(s.Serial) != nil {
		return false
	}
	if _, err := flow.CheckPrice(s.Price.Amount(), m.currency()); err != nil {
		return false
	}
	if s.Tender == "" || s.Condition == "" || s.Market == "" {
		return false
	}
	return s.Condition != flow.ConditionUsed // a used item: ask about its contractual warranty
}

func (m saleModel) updateConfirm(msg tea.Msg) (saleModel, tea.Cmd) {
	switch {
	case isKey(msg, m.ctx.keys.Back):
		m.phase = saleSearch
		return m, textinput.Blink
	case isKey(msg, m.ctx.keys.Sale.Edit):
		return m.askLead()
	case isKey(msg, m.ctx.keys.Confirm):
		return m.finish()
	}
	return m, nil
}

func (m saleModel) updateForm(msg tea.Msg) (saleModel, tea.Cmd) {
	if isKey(msg, m.ctx.keys.Back) {
		return m.back()
	}
	if m.phase == saleForm && m.locked() && isKey(msg, m.ctx.keys.Sale.Correct) {
		return m.askLead()
	}
	out, cmd := updateForm(m.form, m.notes, m.ctx.st, m.ctx.width, msg)
	switch out {
	case formAborted:
		return m.back()
	case formCompleted:
		if m.phase == salePick {
			if m.v.pick < 0 || m.v.pick >= len(m.found) {
				m.blankSale("")
				m.v.receipt = m.found[0].Receipt
				m.note = ""
				m.openForm()
				return m, m.form.Init()
			}
			return m.chosen(m.found[m.v.pick])
		}
		return m.finish()
	}
	return m, cmd
}

// back leaves the form: to the search it came from, or to the step before.
func (m saleModel) back() (saleModel, tea.Cmd) {
	if m.searched {
		m.phase, m.form, m.notes, m.note = saleSearch, nil, nil, ""
		return m, textinput.Blink
	}
	return m, sendCmd(goBackMsg{})
}

// finish sends the sale to the root: the step is done.
func (m saleModel) finish() (saleModel, tea.Cmd) {
	s, err := m.sale()
	if err != nil { // the form checked every field; this is a last guard
		m.note = "! " + look.SayIn(m.ctx.tr, err, "record the sale")
		m.openForm()
		return m, m.form.Init()
	}
	msg := saleEnteredMsg{sale: s, imported: m.v.imported}
	if imp := m.v.imported; imp != nil && m.v.correction != nil {
		if changes := flow.ImportDiff(*imp, s); len(changes) > 0 { // a correction that changes nothing is none
			k := *m.v.correction
			k.Changes = changes
			msg.correction = &k
		}
	}
	m.phase, m.form, m.notes = saleSent, nil, nil
	return m, sendCmd(msg)
}

// sale reads the answers into a flow.Sale through the same checks the form
// ran.
func (m saleModel) sale() (flow.Sale, error) {
	v := m.v
	d, err := flow.CheckSaleDate(orToday(v.date, m.ctx.today), m.ctx.today)
	if err != nil {
		return flow.Sale{}, err
	}
	price, err := flow.CheckPrice(v.price, m.currency())
	if err != nil {
		return flow.Sale{}, err
	}
	months, err := flow.CheckWarrantyMonths(v.months)
	if err != nil {
		return flow.Sale{}, err
	}
	s := flow.Sale{
		Date:           d,
		Receipt:        strings.TrimSpace(v.receipt),
		Model:          strings.TrimSpace(v.model),
		Serial:         strings.TrimSpace(v.serial),
		Price:          price,
		Tender:         v.tender,
		Condition:      v.condition,
		Market:         v.market,
		WarrantyMonths: months,
	}
	if flow.NormText(s.Receipt) == flow.NormText(v.lineOf) {
		s.Line = v.line
	}
	if s.Condition == flow.ConditionUsed {
		s.WarrantyContract = v.contract
	}
	return s, nil
}

// fill puts a sale's answers in the form's values; what it does not say
// gets the form's default (today, cash, new, EU).
func (m saleModel) fill(s flow.Sale) {
	v := m.v
	v.date = "" // empty for a new sale: enter takes today, typing needs no clearing
	if !s.Date.IsZero() {
		v.date = s.Date.In(m.ctx.tr) // as the cashier types it: 28.11.2026 in Ukrainian
	}
	v.receipt, v.model, v.serial = s.Receipt, s.Model, s.Serial
	v.price = ""
	if !s.Price.IsZero() {
		v.price = s.Price.Amount()
	}
	v.months = ""
	if s.WarrantyMonths > 0 {
		v.months = strconv.Itoa(s.WarrantyMonths)
	}
	v.tender, v.condition, v.market = s.Tender, s.Condition, s.Market
	if v.tender == "" {
		v.tender = flow.DefaultTender
	}
	if v.condition == "" {
		v.condition = flow.ConditionNew
	}
	if v.market == "" {
		v.market = flow.MarketEU
	}
	v.contract = s.WarrantyContract
	v.line, v.lineOf = s.Line, s.Receipt
}

// blankSale starts a typed sale from a scanned code: an IMEI goes in the
// serial field, anything else in the receipt number.
func (m saleModel) blankSale(code string) {
	if m.nextItem() { // another item of the visit's receipt: its day, receipt, next line and tender
		m.fill(m.ctx.c.Sale)
		return
	}
	m.fill(flow.Sale{})
	switch {
	case code == "":
	case flow.IsIMEI(code):
		m.v.serial = code
	case flow.CheckReceipt(code) == nil:
		m.v.receipt = code
	}
}

func (m saleModel) currency() string {
	if m.ctx.currency != "" {
		return m.ctx.currency
	}
	if m.ctx.p != nil {
		return m.ctx.p.Currency
	}
	return ""
}

// formRows is the rows the form may fill: the screen less the note and
// the lines of the sales import shown above it.
func (m saleModel) formRows() int {
	rows := m.ctx.height
	if m.note != "" {
		rows--
	}
	if m.locked() || m.phase == saleLead {
		rows -= strings.Count(m.importLines(), "\n")
	}
	if m.phase == saleLead {
		rows -= 2 // the title, and a refusal
	}
	return rows
}

// importLines are what the sales import says of the sale, wrapped, each
// line ending in a newline; "" when the sale is not from it.
func (m saleModel) importLines() string {
	if m.v.imported == nil {
		return ""
	}
	var b strings.Builder
	for _, l := range look.Wrap(m.ctx.tr.T("From the sales import: %s", importedWords(m.ctx.tr, *m.v.imported)), m.ctx.width, "  ") {
		b.WriteString(m.ctx.st.Value.Render(l) + "\n")
	}
	return b.String()
}

// The words the sale form offers for each enumerated answer, in English:
// the screen prints them through its printer (wordOptions).
var (
	conditionWords = map[flow.Condition]string{flow.ConditionNew: lang.Key("new"), flow.ConditionUsed: lang.Key("used")}
	marketWords    = map[flow.Market]string{flow.MarketEU: lang.Key("EU"), flow.MarketUS: lang.Key("US"),
		flow.MarketAsia: lang.Key("Asia")}
)

// wordOptions are the options of an enumerated field, in flow's order, in
// the screen's words (English keys, printed by tr).
func wordOptions[T ~string](tr *lang.Printer, values []T, words map[T]string) []huh.Option[T] {
	opts := make([]huh.Option[T], 0, len(values))
	for _, v := range values {
		w := string(v)
		if k := words[v]; k != "" {
			w = tr.T(k)
		}
		opts = append(opts, huh.NewOption(w, v))
	}
	return opts
}

// tenderOptions are the tenders, in flow's order, in tr's words.
func tenderOptions(tr *lang.Printer) []huh.Option[flow.Tender] {
	opts := make([]huh.Option[flow.Tender], len(flow.Tenders))
	for i, t := range flow.Tenders {
		opts[i] = huh.NewOption(t.WordsIn(tr), t)
	}
	return opts
}

// openForm shows the sale field by field, from the values held; of a sale
// from the sales import, only what the import does not say, until a shift
// lead takes it up to correct it.
func (m *saleModel) openForm() {
	v, today, cur, tr := m.v, m.ctx.today, m.currency(), m.ctx.tr
	m.phase = saleForm
	m.notes = nil
	n := &m.notes
	var imp flow.Sale
	if m.locked() {
		imp = *v.imported
	}
	var fields []huh.Field
	if imp.Date.IsZero() {
		fields = append(fields, n.input(tr.T("Sale date (such as 21.11.2026)"), tr.T("Sale date")).Value(&v.date).CharLimit(10).
			Placeholder(tr.T("%s (enter: today)", today.In(tr))).
			Validate(func(s string) error {
				_, err := flow.CheckSaleDate(orToday(s, today), today)
				return look.FieldErrIn(tr, err)
			}))
	}
	if imp.Receipt == "" {
		fields = append(fields, n.input(tr.T("Receipt number"), tr.T("Receipt")).Value(&v.receipt).CharLimit(40).
			Validate(look.CheckIn(tr, flow.CheckReceipt)))
	}
	fields = append(fields, n.input(tr.T("Model"), tr.T("Model")).Value(&v.model).CharLimit(80).Validate(look.CheckIn(tr, flow.CheckModel)))
	if imp.Serial == "" {
		// an accessory (a case, a cable) has no serial: left empty
		fields = append(fields, n.input(tr.T("Serial number or IMEI (scan or type; empty when the item has none)"),
			tr.T("Serial/IMEI")).Value(&v.serial).CharLimit(40).Validate(look.CheckIn(tr, flow.CheckSerialIfAny)))
	}
	if imp.Price.IsZero() {
		fields = append(fields, n.input(tr.T("Price in %s (such as 19 999,00)", tr.Currency(cur)), tr.T("Price")).
			Value(&v.price).CharLimit(16).
			Validate(func(s string) error { _, err := flow.CheckPrice(s, cur); return look.FieldErrIn(tr, err) }))
	}
	if imp.Tender == "" {
		fields = append(fields, huh.NewSelect[flow.Tender]().Title(tr.T("Paid in")).Inline(true).
			Options(tenderOptions(tr)...).Value(&v.tender))
	}
	fields = append(fields,
		huh.NewSelect[flow.Condition]().Title(tr.T("Sold as")).Inline(true).
			Options(wordOptions(tr, flow.Conditions, conditionWords)...).Value(&v.condition),
		n.input(tr.T("Warranty in months (empty when the receipt does not say)"), tr.T("Warranty")).Value(&v.months).
			CharLimit(3).Validate(func(s string) error { _, err := flow.CheckWarrantyMonths(s); return look.FieldErrIn(tr, err) }),
		huh.NewSelect[flow.Market]().Title(tr.T("Market the device is made for")).Inline(true).
			Options(wordOptions(tr, flow.Markets, marketWords)...).Value(&v.market),
	)
	used := huh.NewGroup(
		// a select, not huh's Confirm: its two buttons differ by colour only
		huh.NewSelect[bool]().Title(tr.T("Used item: does the sale carry a contractual warranty obligation?")).
			Inline(true).Options(huh.NewOption(tr.T("no"), false), huh.NewOption(tr.T("yes"), true)).Value(&v.contract),
	).WithHideFunc(func() bool { return v.condition != flow.ConditionUsed })
	m.form = newStepForm(m.ctx, m.formRows(), huh.NewGroup(fields...), used)
}

// View draws the phase at hand.
func (m saleModel) View() string {
	st, tr := m.ctx.st, m.ctx.tr
	switch m.phase {
	case saleSearch, saleWaiting:
		var b strings.Builder
		b.WriteString(st.Label.Render(tr.T("Receipt number or serial/IMEI (scan or type)")) + "\n")
		b.WriteString(m.search.View() + "\n")
		switch {
		case m.phase == saleWaiting:
			b.WriteString(st.Dim.Render(tr.T("looking up %s…", m.v.searchFor)))
		case m.searchErr != "": // wrapped whole: a refusal says what to run at its end
			lines := look.Wrap(m.searchErr, m.ctx.width, "  ")
			for i, l := range lines {
				lines[i] = st.Error.Render(l)
			}
			b.WriteString(strings.Join(lines, "\n"))
		}
		b.WriteString("\n\n" + st.Dim.Render(tr.T("enter  look the sale up · tab  type the sale from the paper receipt")))
		return b.String()
	case saleConfirm:
		return m.confirmView()
	case saleLead:
		if m.form == nil {
			return st.Dim.Render(tr.T("checking the shift lead…"))
		}
		head := st.Label.Render(look.Fit(tr.T("A shift lead corrects the imported sale; what changes is on the audit trail."),
			m.ctx.width)) + "\n" + m.importLines()
		for _, l := range look.Wrap("! "+m.leadErr, m.ctx.width, "  ") {
			if m.leadErr != "" {
				head += st.Error.Render(l) + "\n"
			}
		}
		return head + m.form.View()
	case saleSent:
		return st.OK.Render(tr.T("✓ Sale recorded."))
	}
	if m.form == nil {
		return ""
	}
	head := ""
	if m.note != "" {
		style := st.Label
		if strings.HasPrefix(m.note, "!") {
			style = st.Error
		}
		head = style.Render(look.Fit(m.note, m.ctx.width)) + "\n"
	}
	if m.locked() {
		head += m.importLines()
	}
	return head + m.form.View()
}

// confirmView shows a complete sale found under the code scanned.
func (m saleModel) confirmView() string {
	st, v, tr := m.ctx.st, m.v, m.ctx.tr
	months := tr.T("not stated")
	if n, err := strconv.Atoi(v.months); err == nil {
		months = tr.N("%d months", n, n)
	}
	date, price := v.date, v.price+" "+m.currency()
	if imp := v.imported; imp != nil {
		date, price = imp.Date.In(tr), tr.Money(imp.Price.Minor, m.currency())
	}
	rows := [][2]string{
		{tr.T("Sale date"), date},
		{tr.T("Receipt"), v.receipt},
		{tr.T("Model"), v.model},
		{tr.T("Serial/IMEI"), v.serial},
		{tr.T("Price"), price},
		{tr.T("Paid in"), v.tender.WordsIn(tr)},
		{tr.T("Sold as"), tr.T(conditionWords[v.condition])},
		{tr.T("Warranty"), months},
		{tr.T("Market"), tr.T(marketWords[v.market])},
	}
	label := 12
	for _, r := range rows {
		label = max(label, lipgloss.Width(r[0]))
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(tr.T("Sale found in the sales import")) + "\n\n")
	for _, r := range rows {
		b.WriteString(look.Fit("  "+look.PadRight(r[0], label)+" "+st.Value.Render(r[1]), m.ctx.width) + "\n")
	}
	b.WriteString("\n" + st.Dim.Render(tr.T("enter  use this sale · e  a shift lead corrects it · esc  search again")))
	return b.String()
}

// orToday is a typed date, or today when the field was left empty.
func orToday(s string, today flow.Date) string {
	if strings.TrimSpace(s) == "" {
		return today.String()
	}
	return s
}

// importedWords is what the sales import says of a sale, on one line.
func importedWords(tr *lang.Printer, s flow.Sale) string {
	var parts []string
	if !s.Date.IsZero() {
		parts = append(parts, s.Date.In(tr))
	}
	if s.Receipt != "" {
		r := tr.T("receipt %s", s.Receipt)
		if s.Line > 0 {
			r = tr.T("receipt %s line %d", s.Receipt, s.Line)
		}
		parts = append(parts, r)
	}
	if !s.Price.IsZero() {
		parts = append(parts, s.Price.In(tr))
	}
	if s.Tender != "" {
		parts = append(parts, s.Tender.WordsIn(tr))
	}
	if s.Serial != "" {
		parts = append(parts, s.Serial)
	}
	return strings.Join(parts, " · ")
}

// Messages of a shift lead's correction of an imported sale.
type (
	// saleLeadMsg: the shift lead's name and PIN (none when the lead is
	// logged in at the till), for the root to check.
	saleLeadMsg struct{ name, pin, reason string }
	// saleLeadResultMsg: the root's answer: the lead who corrects, or why not.
	saleLeadResultMsg struct {
		lead, reason string
		err          error
	}
)

// askLead asks for a shift lead to correct the imported sale: their name
// and PIN (the lead logged in gives neither) and the reason.
func (m saleModel) askLead() (saleModel, tea.Cmd) {
	v, tr := m.v, m.ctx.tr
	v.lead, v.pin, v.reason = "", "", ""
	var fields []huh.Field
	if m.ctx.lead == "" {
		fields = append(fields,
			huh.NewInput().Title(tr.T("Shift lead")).Value(&v.lead).
				Validate(required(tr.T("enter the shift lead's name"))),
			huh.NewInput().Title(tr.T("PIN")).EchoMode(huh.EchoModePassword).Value(&v.pin).
				Validate(required(tr.T("enter the PIN"))))
	}
	fields = append(fields, huh.NewInput().Key(freeTextKey).Title(tr.T("Reason for the correction")).Value(&v.reason).
		CharLimit(flow.MaxReasonLen).Validate(look.CheckIn(tr, flow.CheckReason)))
	m.before, m.phase, m.notes = m.phase, saleLead, nil
	m.form = newStepForm(m.ctx, m.formRows(), huh.NewGroup(fields...))
	return m, m.form.Init()
}

// updateLead runs the shift lead's form; esc goes back to the sale.
func (m saleModel) updateLead(msg tea.Msg) (saleModel, tea.Cmd) {
	if m.form == nil { // the root checks the lead
		return m, nil
	}
	if isKey(msg, m.ctx.keys.Back) {
		return m.leaveLead()
	}
	out, cmd := updateForm(m.form, nil, m.ctx.st, m.ctx.width, msg)
	switch out {
	case formAborted:
		return m.leaveLead()
	case formCompleted:
		sub := saleLeadMsg{name: strings.TrimSpace(m.v.lead), pin: m.v.pin, reason: strings.TrimSpace(m.v.reason)}
		m.v.pin, m.form = "", nil
		return m, sendCmd(sub)
	}
	return m, cmd
}

// leaveLead goes back from the shift lead's form to the sale as it was.
func (m saleModel) leaveLead() (saleModel, tea.Cmd) {
	m.leadErr = ""
	if m.before == saleConfirm {
		m.phase, m.form = saleConfirm, nil
		return m, nil
	}
	m.openForm()
	return m, m.form.Init()
}

// leadAnswered takes the root's check of the shift lead: refused, the form
// again with why; accepted, the whole sale to correct.
func (m saleModel) leadAnswered(msg saleLeadResultMsg) (saleModel, tea.Cmd) {
	if msg.err != nil {
		before := m.before
		m, cmd := m.askLead()
		m.before, m.leadErr = before, look.SayIn(m.ctx.tr, msg.err, "check the shift lead")
		return m, cmd
	}
	m.leadErr = ""
	m.v.correction = &flow.SaleCorrection{By: msg.lead, Reason: msg.reason}
	m.note = m.ctx.tr.T("Shift lead %s corrects the imported sale (on the audit trail).", msg.lead)
	m.openForm()
	return m, m.form.Init()
}
