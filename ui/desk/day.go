package desk

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/lipgloss"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// The shift lead's desk, its first screen: one day's cases as a table, read
// from the day index alone (store.Day), filtered by outcome, status, cashier
// and flag, searched by receipt, serial or case id. Only the rows on screen
// are drawn, and each once: a key costs the same with ten cases or ten
// thousand.

// dayModel is the table of a day's cases.
type dayModel struct {
	tr     *lang.Printer
	st     *look.Styles
	k      *look.KeyMap
	width  int
	height int
	today  flow.Date

	day     flow.Date
	loaded  bool
	errMsg  string
	rows    []store.Summary
	find    []string // per row: case id, receipt and serial, upper-cased, for the search
	lines   []string // per row: its line as drawn, "" until drawn once
	closing *store.Closing

	// the filters: an index into the options of each, 0 for any
	outcome, status, staff, flag int
	staffs                       []string // the cashiers of the day, for the cashier filter
	search                       string   // upper-cased
	shown                        []int    // the rows that pass, in order

	cursor, top int
	input       inputKind // what typed text goes to, if anything
	typed       string    // the date typed after g
	asked       string    // a question on the status line (the export's format)
}

// input is what the day table's typed text goes to.
type inputKind int

const (
	inputNone   inputKind = iota
	inputSearch           // the search, after /
	inputDate             // a day to show, after g
	inputExport           // the export's format: c or j
)

// flagFilters are the flag filter's options after "any".
var flagFilters = append(append([]string{"flagged"}, flagStrings(flow.FraudFlags)...), "not signed off")

// flagFilterWords are the flag filter's options as the filter line says them.
var flagFilterWords = map[string]string{"flagged": lang.Key("flagged"), "not signed off": lang.Key("not signed off"),
	string(flow.FlagRepeat): lang.Key("repeat"), string(flow.FlagNoReceipt): lang.Key("no receipt"),
	string(flow.FlagOverride): lang.Key("override"), string(flow.FlagCashRefund): lang.Key("cash refund"),
	string(flow.FlagSerialMismatch): lang.Key("serial mismatch"), string(flow.FlagSamePerson): lang.Key("same person"),
	string(flow.FlagSaleCorrected): lang.Key("sale corrected")}

// flagFilterIn is a flag filter's option in tr's words.
func flagFilterIn(tr *lang.Printer, f string) string {
	if w, ok := flagFilterWords[f]; ok {
		return tr.T(w)
	}
	return strings.ReplaceAll(f, "_", " ")
}

func flagStrings(fs []flow.Flag) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return out
}

// flagLetters are the day table's marks of the fraud flags, in
// flow.FraudFlags' order, and of a sign-off.
var flagLetters = map[flow.Flag]string{flow.FlagRepeat: "R", flow.FlagNoReceipt: "N", flow.FlagOverride: "O",
	flow.FlagCashRefund: "C", flow.FlagSerialMismatch: "S", flow.FlagSamePerson: "P", flow.FlagSaleCorrected: "I"}

// flagLegend explains the letters under the table.
var flagLegend = lang.Key("flags: R repeat · N no receipt · O override · C cash>limit · S serial · P same person · I import corrected · ✓ signed")

// Messages of the day table.
type (
	// dayMsg: a day's cases from the index, and its close if closed.
	dayMsg struct {
		day     flow.Date
		rows    []store.Summary
		closing *store.Closing
		err     error
	}
	// showDayMsg: the table asks for another day.
	showDayMsg struct{ day flow.Date }
	// openCaseMsg: show a case whole, with its trail.
	openCaseMsg struct{ id string }
	// signOffMsg: the lead signs a case off.
	signOffMsg struct{ id string }
	// exportMsg: write a day's cases (or its summary) to a file.
	exportMsg struct {
		day     flow.Date
		format  string // "csv" or "json"
		summary bool
	}
	// exportedMsg: where the export went.
	exportedMsg struct {
		path    string
		n       int // cases written
		summary bool
		err     error
	}
)

func newDayModel(tr *lang.Printer, st *look.Styles, k *look.KeyMap, day, today flow.Date, width, height int) dayModel {
	return dayModel{tr: staffText(tr), st: st, k: k, day: day, today: today, width: width, height: height}
}

// Init has nothing to start: the root loads the day.
func (m dayModel) Init() tea.Cmd { return nil }

// keys is the key map with the table's keys.
func (m dayModel) keys() look.KeyMap {
	d := m.k.Day
	return m.k.With(d.Open, d.Sign, d.Search, d.Outcome, d.Status, d.Cashier, d.Flag, d.Clear, d.Day, d.Goto, d.Export,
		d.Page, m.k.Desk.Queues, m.k.Desk.Close)
}

// typing reports whether keys are text now.
func (m dayModel) typing() bool { return m.input == inputSearch || m.input == inputDate }

// withDay takes the day's cases.
func (m dayModel) withDay(msg dayMsg) dayModel {
	id := m.selectedID() // before the rows change: the same case stays selected
	m.day, m.loaded, m.errMsg = msg.day, true, look.SayIn(m.tr, msg.err, "read the day")
	m.rows, m.closing = msg.rows, msg.closing
	m.lines = make([]string, len(m.rows))
	m.find = make([]string, len(m.rows))
	m.staffs = m.staffs[:0]
	for i, r := range m.rows {
		m.find[i] = strings.ToUpper(r.ID + "\x00" + r.Receipt + "\x00" + r.Serial)
		if !slices.Contains(m.staffs, r.Staff) {
			m.staffs = append(m.staffs, r.Staff)
		}
	}
	slices.Sort(m.staffs)
	if m.staff > len(m.staffs) {
		m.staff = 0
	}
	m.filter()
	m.cursor = max(slices.IndexFunc(m.shown, func(i int) bool { return m.rows[i].ID == id }), 0)
	m.scroll()
	return m
}

// setSize is the table drawn in width by height cells.
func (m dayModel) setSize(width, height int) dayModel {
	m.width, m.height = width, height
	clear(m.lines)
	m.scroll()
	return m
}

// Update moves, filters, searches and asks the desk for what it cannot do.
func (m dayModel) Update(msg tea.Msg) (dayModel, tea.Cmd) {
	switch msg := msg.(type) {
	case dayMsg:
		return m.withDay(msg), nil
	case exportedMsg:
		m.asked = exportNews(m.tr, msg, m.width)
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m dayModel) key(k tea.KeyMsg) (dayModel, tea.Cmd) {
	switch m.input {
	case inputSearch:
		return m.typeSearch(k), nil
	case inputDate:
		return m.typeDate(k)
	case inputExport:
		m.input, m.asked = inputNone, ""
		return m, exportKey(m.k, k, m.day, false)
	}
	m.asked = ""
	if cmd, ok := m.ask(k); ok {
		return m, cmd
	}
	m.move(k)
	m.filterKey(k)
	m.scroll()
	return m, nil
}

// exportKey is the export a key chooses, c CSV or j JSON; any other key
// chooses none.
func exportKey(keys *look.KeyMap, k tea.KeyMsg, day flow.Date, summary bool) tea.Cmd {
	switch {
	case key.Matches(k, keys.Export.CSV):
		return send(exportMsg{day: day, format: "csv", summary: summary})
	case key.Matches(k, keys.Export.JSON):
		return send(exportMsg{day: day, format: "json", summary: summary})
	}
	return nil
}

// ask handles the keys that ask the desk for something: back, another day,
// the case under the cursor opened or signed off.
func (m dayModel) ask(k tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.k.Back):
		return send(backMsg{}), true
	case key.Matches(k, m.k.Left):
		return send(showDayMsg{day: m.day.AddDays(-1)}), true
	case key.Matches(k, m.k.Right):
		return send(showDayMsg{day: m.day.AddDays(1)}), true
	case key.Matches(k, m.k.Day.Open):
		if id := m.selectedID(); id != "" {
			return send(openCaseMsg{id: id}), true
		}
	case key.Matches(k, m.k.Day.Sign):
		if id := m.selectedID(); id != "" {
			return send(signOffMsg{id: id}), true
		}
	}
	return nil, false
}

// move moves the cursor.
func (m *dayModel) move(k tea.KeyMsg) {
	last := max(len(m.shown)-1, 0)
	switch {
	case key.Matches(k, m.k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.k.Down):
		m.cursor = min(m.cursor+1, last)
	case key.Matches(k, m.k.PageUp):
		m.cursor = max(m.cursor-m.rowsShown(), 0)
	case key.Matches(k, m.k.PageDown):
		m.cursor = min(m.cursor+m.rowsShown(), last)
	case key.Matches(k, m.k.First):
		m.cursor = 0
	case key.Matches(k, m.k.Last):
		m.cursor = last
	}
}

// filterKey starts the search, the day typed or the export's question, or
// turns a filter to its next option.
func (m *dayModel) filterKey(k tea.KeyMsg) {
	d := m.k.Day
	switch {
	case key.Matches(k, d.Search):
		m.input = inputSearch
	case key.Matches(k, d.Goto):
		m.input, m.typed = inputDate, ""
	case key.Matches(k, d.Export):
		m.input, m.asked = inputExport, m.tr.T("Export %s: %s CSV · %s JSON · any other key cancels", m.day.In(m.tr),
			keyOf(m.k.Export.CSV), keyOf(m.k.Export.JSON))
	case key.Matches(k, d.Outcome):
		m.outcome = (m.outcome + 1) % (len(flow.Outcomes) + 2)
		m.refilter()
	case key.Matches(k, d.Status):
		m.status = (m.status + 1) % (len(flow.Statuses) + 1)
		m.refilter()
	case key.Matches(k, d.Cashier):
		m.staff = (m.staff + 1) % (len(m.staffs) + 1)
		m.refilter()
	case key.Matches(k, d.Flag):
		m.flag = (m.flag + 1) % (len(flagFilters) + 1)
		m.refilter()
	case key.Matches(k, d.Clear):
		m.outcome, m.status, m.staff, m.flag, m.search = 0, 0, 0, 0, ""
		m.refilter()
	}
}

// typeSearch edits the search; each key filters at once. Enter keeps it,
// esc drops it.
func (m dayModel) typeSearch(k tea.KeyMsg) dayModel {
	switch k.Type {
	case tea.KeyEnter:
		m.input = inputNone
		return m
	case tea.KeyEsc:
		m.input, m.search = inputNone, ""
	case tea.KeyBackspace:
		if r := []rune(m.search); len(r) > 0 {
			m.search = string(r[:len(r)-1])
		}
	case tea.KeyCtrlU:
		m.search = ""
	case tea.KeyRunes, tea.KeySpace:
		m.search += strings.ToUpper(string(k.Runes))
	default:
		return m
	}
	m.refilter()
	m.scroll()
	return m
}

// typeDate edits the day to go to; enter asks the root for it.
func (m dayModel) typeDate(k tea.KeyMsg) (dayModel, tea.Cmd) {
	switch k.Type {
	case tea.KeyEnter:
		d, err := flow.ParseTypedDate(m.typed)
		if err != nil {
			m.asked = "! " + look.SayIn(m.tr, err, "read the date")
			return m, nil
		}
		m.input, m.asked = inputNone, ""
		return m, send(showDayMsg{day: d})
	case tea.KeyEsc:
		m.input, m.asked = inputNone, ""
	case tea.KeyBackspace:
		if len(m.typed) > 0 {
			m.typed = m.typed[:len(m.typed)-1]
		}
	case tea.KeyRunes:
		if len(m.typed) < 10 {
			m.typed += string(k.Runes)
		}
	}
	return m, nil
}

// refilter applies the filters again, keeping the selected case where it
// still passes.
func (m *dayModel) refilter() {
	id := m.selectedID()
	m.filter()
	m.cursor = max(slices.IndexFunc(m.shown, func(i int) bool { return m.rows[i].ID == id }), 0)
}

// filter lists the rows that pass every filter and the search.
func (m *dayModel) filter() {
	m.shown = m.shown[:0]
	outcome, status := m.outcomeFilter()
	staff := ""
	if m.staff > 0 && m.staff <= len(m.staffs) {
		staff = m.staffs[m.staff-1]
	}
	want, flagged, unsigned := store.Flags(0), false, false
	if m.flag > 0 {
		switch f := flagFilters[m.flag-1]; f {
		case "flagged":
			flagged = true
		case "not signed off":
			unsigned = true
		default:
			want = store.FlagOf(flow.Flag(f))
		}
	}
	fraud := store.FraudFlags()
	for i := range m.rows {
		r := &m.rows[i]
		switch {
		case outcome != nil && r.Outcome != *outcome,
			status != "" && r.Status != status,
			staff != "" && r.Staff != staff,
			want != 0 && !r.Flags.Has(want),
			flagged && r.Flags&fraud == 0,
			unsigned && r.Flags.Has(store.FlagSignedOff),
			m.search != "" && !strings.Contains(m.find[i], m.search):
			continue
		}
		m.shown = append(m.shown, i)
	}
}

// outcomeFilter is the outcome and the status the filters ask for: nil and
// "" for any. The outcome's last option is "not decided yet".
func (m dayModel) outcomeFilter() (*flow.Outcome, flow.Status) {
	var o *flow.Outcome
	switch {
	case m.outcome > 0 && m.outcome <= len(flow.Outcomes):
		o = &flow.Outcomes[m.outcome-1]
	case m.outcome == len(flow.Outcomes)+1:
		none := flow.Outcome("")
		o = &none
	}
	var s flow.Status
	if m.status > 0 {
		s = flow.Statuses[m.status-1]
	}
	return o, s
}

// selectedID is the id of the case under the cursor, "" when none is.
func (m dayModel) selectedID() string {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return ""
	}
	return m.rows[m.shown[m.cursor]].ID
}

// rowsShown is how many table rows fit under the title, the filters and
// the column heads, above the position line and the legend.
func (m dayModel) rowsShown() int { return max(m.height-5-len(m.legend()), 3) }

// legend is the flags' letters explained, wrapped to the width.
func (m dayModel) legend() []string { return look.Wrap(m.tr.T(flagLegend), m.width, "  ") }

// scroll keeps the cursor on screen.
func (m *dayModel) scroll() {
	n := m.rowsShown()
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+n {
		m.top = m.cursor - n + 1
	}
	m.top = max(min(m.top, len(m.shown)-n), 0)
}

// Column widths of the table at 80 columns; the model takes what is left.
const (
	colTime    = 5
	colCashier = 9
	colOutcome = 9
	colAmount  = 9
	colTender  = 8
	colStatus  = 11
	colFlags   = 7
)

func (m dayModel) modelWidth() int {
	return max(m.width-2-colTime-colCashier-colOutcome-colAmount-colTender-colStatus-colFlags-7, 8)
}

// View draws the title, the filters, the rows on screen and the legend.
func (m dayModel) View() string {
	st := m.st
	var b strings.Builder
	b.WriteString(st.Title.Render(look.Fit(m.title(), m.width)) + "\n")
	if m.errMsg != "" {
		b.WriteString(st.Error.Render(look.Fit("! "+m.errMsg, m.width)) + "\n")
	}
	if !m.loaded {
		b.WriteString(st.Dim.Render(m.tr.T("loading the day…")))
		return b.String()
	}
	b.WriteString(look.Fit(m.filterLine(), m.width) + "\n")
	mw := m.modelWidth()
	tr := m.tr
	head := "  " + strings.Join([]string{pad(tr.T("TIME"), colTime), pad(tr.T("CASHIER"), colCashier),
		pad(tr.T("MODEL"), mw), pad(tr.T("OUTCOME"), colOutcome), look.PadLeft(tr.T("AMOUNT"), colAmount),
		pad(tr.T("TENDER"), colTender), pad(tr.T("STATUS"), colStatus), tr.T("FLAGS")}, " ")
	b.WriteString(st.Label.Render(look.Fit(head, m.width)) + "\n")
	n := m.rowsShown()
	if len(m.shown) == 0 {
		if len(m.rows) == 0 {
			b.WriteString(st.Dim.Render("  "+m.tr.T("no cases on this day")) + "\n")
		} else {
			b.WriteString(st.Dim.Render("  "+m.tr.T("no case passes the filters (%s clears them)", keyOf(m.k.Day.Clear))) + "\n")
		}
		n--
	}
	end := min(m.top+n, len(m.shown))
	for i := m.top; i < end; i++ {
		line := m.line(m.shown[i])
		switch {
		case i == m.cursor:
			b.WriteString(st.Selected.Render("> "+line) + "\n")
		case m.rows[m.shown[i]].Overdue(m.today): // its status says OVERDUE; the colour repeats it
			b.WriteString("  " + st.Warning.Render(line) + "\n")
		default:
			b.WriteString("  " + line + "\n")
		}
	}
	for i := end - m.top; i < n; i++ {
		b.WriteString("\n")
	}
	b.WriteString(m.statusLine() + "\n")
	b.WriteString(st.Dim.Render(strings.Join(m.legend(), "\n")))
	return b.String()
}

// title names the day, how many cases it has and whether it is closed.
func (m dayModel) title() string {
	tr := m.tr
	t := tr.T("Returns of %s", dayIn(tr, m.day))
	if m.day == m.today {
		t += " " + tr.T("(today)")
	}
	if m.loaded {
		t += " · " + tr.N("%d cases", len(m.rows), len(m.rows))
	}
	if c := m.closing; c != nil {
		t += " · " + tr.T("CLOSED by %s: read-only", c.By)
	} else if m.loaded {
		t += " · " + tr.T("open")
	}
	return t
}

// filterLine says every filter, or the search or date being typed.
func (m dayModel) filterLine() string {
	switch m.input {
	case inputSearch:
		return m.tr.T("Search receipt, serial or case id: %s_  (enter keeps, esc drops)", m.search)
	case inputDate:
		return m.tr.T("Go to day (such as 21.11.2026): %s_  (enter goes, esc stays)", m.typed)
	}
	outcome, status := m.outcomeFilter()
	anyOne := m.tr.T("any")
	o, s, c, f := anyOne, anyOne, anyOne, anyOne
	if outcome != nil {
		o = outcomeShort(m.tr, *outcome)
	}
	if status != "" {
		s = statusShort(m.tr, status, false)
	}
	if m.staff > 0 && m.staff <= len(m.staffs) {
		c = m.staffs[m.staff-1]
	}
	if m.flag > 0 {
		f = flagFilterIn(m.tr, flagFilters[m.flag-1])
	}
	d := m.k.Day
	line := m.tr.T("%s outcome: %s · %s status: %s · %s cashier: %s · %s flag: %s", keyOf(d.Outcome), o,
		keyOf(d.Status), s, keyOf(d.Cashier), c, keyOf(d.Flag), f)
	if m.search != "" {
		line += " · /" + m.search
	}
	return line
}

// statusLine is where the table stands, or a question or news.
func (m dayModel) statusLine() string {
	if m.input == inputExport || m.asked != "" {
		style := m.st.Value
		if strings.HasPrefix(m.asked, "!") {
			style = m.st.Error
		}
		return style.Render(look.Fit(m.asked, m.width))
	}
	pos := m.tr.T("%d of %d", 0, 0)
	if len(m.shown) > 0 {
		pos = m.tr.T("%d of %d", m.cursor+1, len(m.shown))
	}
	if len(m.shown) != len(m.rows) {
		pos += " " + m.tr.T("(filtered from %d)", len(m.rows))
	}
	return m.st.Dim.Render(look.Fit(pos+" · "+m.tr.T("enter opens · %s signs off · %s exports · ? keys", keyOf(m.k.Day.Sign),
		keyOf(m.k.Day.Export)), m.width))
}

// line is row i as drawn, made once.
func (m dayModel) line(i int) string {
	if l := m.lines[i]; l != "" {
		return l
	}
	r := m.rows[i]
	model := r.Model
	if model == "" {
		model = "-"
	}
	amount := ""
	if r.Amount.Minor != 0 {
		amount = amountIn(m.tr, r.Amount)
	}
	tender := string(r.Tender)
	if m.tr.Lang() != lang.EN {
		tender = r.Tender.WordsIn(m.tr)
	}
	l := strings.Join([]string{pad(r.Time.Format("15:04"), colTime), pad(r.Staff, colCashier),
		pad(model, m.modelWidth()), pad(outcomeShort(m.tr, r.Outcome), colOutcome), look.PadLeft(amount, colAmount),
		pad(tender, colTender), pad(statusShort(m.tr, r.Status, r.Overdue(m.today)), colStatus), flagMarks(r.Flags)}, " ")
	m.lines[i] = l
	return l
}

// flagMarks are a summary's fraud flags as letters, then ✓ when signed off.
func flagMarks(f store.Flags) string {
	var b strings.Builder
	for _, fl := range flow.FraudFlags {
		if f.Has(store.FlagOf(fl)) {
			b.WriteString(flagLetters[fl])
		}
	}
	if f.Has(store.FlagSignedOff) {
		b.WriteString("✓")
	}
	return b.String()
}

// outcomeShort is an outcome in a table's few columns: its words, cut
// short where they are long.
func outcomeShort(tr *lang.Printer, o flow.Outcome) string {
	switch o {
	case flow.OutcomeNeedDocuments:
		return tr.T("need docs")
	case flow.OutcomeServiceCentre:
		return tr.T("to SC")
	case flow.OutcomeReplaceSimilar:
		return tr.T("replace")
	case "":
		return "-"
	}
	return o.WordsIn(tr)
}

// statusShort is a status in a table's few columns: its words, cut short
// where they are long; an overdue refund or
// service-centre return says so in words.
func statusShort(tr *lang.Printer, s flow.Status, overdue bool) string {
	switch s {
	case flow.StatusOpen, "":
		return tr.T("draft")
	case flow.StatusWaitingDocuments:
		return tr.T("docs wait")
	case flow.StatusRefundOwed:
		if overdue {
			return tr.T("OVERDUE")
		}
		return tr.T("owed")
	case flow.StatusServiceCentre:
		if overdue {
			return tr.T("SC OVERDUE")
		}
		return tr.T("at SC")
	}
	return s.WordsIn(tr)
}

// exportNews is the line that says where an export went, the end of the
// path kept when it is long.
func exportNews(tr *lang.Printer, msg exportedMsg, width int) string {
	if msg.err != nil {
		return "! " + tr.T("export failed: %s", look.SayIn(tr, msg.err, "export"))
	}
	head := tr.T("✓ exported the summary to ")
	if !msg.summary {
		head = tr.N("✓ exported %d cases to ", msg.n, msg.n)
	}
	return head + look.FitLeft(msg.path, max(width-lipgloss.Width(head), 10))
}
