package ui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/ui/look"
)

// Messages of the case's life, between the home screen, the root and the
// store.
type (
	newCaseMsg    struct{}
	resumeCaseMsg struct{ id string }
	caseLoadedMsg struct {
		c   *flow.Case
		err error
	}
	cashAnswerMsg struct{ hasCash bool }
	// backFromServiceMsg: an item at the service centre is back, repaired
	// (or checked) and handed to the customer, or with a conclusion to decide
	// on again.
	backFromServiceMsg struct{ repaired bool }
	goHomeMsg          struct{ news string }
)

// caseMsg handles the messages that move the case at hand: opened,
// resumed, answered step by step, then decided (decisionMsg). ok is false
// for any other message.
func (m *Model) caseMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case newCaseMsg:
		m.startCase()
		model, cmd := m.openStep()
		return model, cmd, true
	case resumeCaseMsg:
		s := m.d.Store
		return m, func() tea.Msg {
			if err := s.Claim(msg.id); err != nil { // open at another till
				return caseLoadedMsg{err: err}
			}
			c, err := s.Case(msg.id)
			return caseLoadedMsg{c: c, err: err}
		}, true
	case caseLoadedMsg:
		if msg.err != nil {
			m.d.Log.Error("open a case", "err", msg.err)
			m.notice = "! " + m.staffText.T("cannot open the case: %s", look.SayIn(m.staffText, msg.err, "open the case"))
			return m, nil, true
		}
		m.c = msg.c
		m.notice = ""
		if m.c.Status == flow.StatusServiceCentre && !m.c.ActPending {
			// the item is back: handed over, or decided again; or its ticket typed in
			// (an intake whose act is not kept opens on its act first)
			m.asks = append(m.asks, backPromptFor(&m.st, &m.keys, m.c.ID, m.c.AtService()))
			return m, nil, true
		}
		model, cmd := m.openStep()
		return model, cmd, true
	case backFromServiceMsg:
		model, cmd := m.backFromService(msg.repaired)
		return model, cmd, true
	case documentsEnteredMsg:
		repeat := m.passportEntered(msg)
		model, cmd := m.answered(msg)
		return model, tea.Batch(repeat, cmd), true
	case answersMsg:
		model, cmd := m.answered(msg)
		return model, cmd, true
	case replacementEnteredMsg:
		model, cmd := m.replaced(msg.r)
		return model, cmd, true
	case goBackMsg:
		model, cmd := m.stepBack()
		return model, cmd, true
	case saleLeadMsg:
		return m, m.saleLeadCmd(msg), true
	case receiptLookupMsg:
		s, q, log := m.d.Store, msg.query, m.d.Log
		return m, func() tea.Msg {
			sales, err := s.LookupSales(q)
			if err != nil {
				log.Error("look the sales up", "err", err)
			}
			return salesFoundMsg{query: q, sales: sales, err: err}
		}, true
	case repeatReturnsMsg:
		if msg.count > 0 {
			m.notice = repeatReturnsNotice(m.staffText, msg.count, msg.dates)
		}
		return m, nil, true
	}
	return m.decisionMsg(msg)
}

// decisionMsg handles the messages from the decision to the act: the
// cashier's confirmation, the cash in the till, a shift lead's decision,
// the act written. ok is false for any other message.
func (m *Model) decisionMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case decisionConfirmedMsg:
		model, cmd := m.confirmDecision()
		return model, cmd, true
	case reopenDecisionMsg:
		m.backToReplacement() // an exchange's cash question goes back to its replacement
		model, cmd := m.openStep()
		return model, cmd, true
	case cashAnswerMsg:
		model, cmd := m.cashAnswered(msg.hasCash)
		return model, cmd, true
	case leadNeededMsg:
		model, cmd := m.escalate()
		return model, cmd, true
	case approveSubmitMsg:
		return m, m.approveCmd(msg), true
	case approvedMsg:
		model, cmd := m.approved(msg)
		return model, cmd, true
	case actWrittenMsg:
		model, cmd := m.actWritten(msg)
		return model, cmd, true
	case goHomeMsg:
		model, cmd := m.goHome(msg.news)
		return model, cmd, true
	case writeActMsg:
		return m, m.writeActCmd(), true
	case actDoneMsg:
		model, cmd := m.goHome(m.staffText.T("Case %s: %s", m.c.ID, m.c.Status.WordsIn(m.staffText)))
		return model, cmd, true
	}
	return m.visitMsg(msg)
}

// startCase opens a new case for the staff member at the till.
func (m *Model) startCase() {
	now := m.d.Now()
	m.c = &flow.Case{
		ID:          m.d.Store.NewCaseID(now),
		Policy:      m.policy.Name,
		Opened:      now,
		OpenedBy:    m.user.Name,
		Status:      flow.StatusOpen,
		Step:        flow.StepSale,
		TillHasCash: true,
	}
	m.notice, m.status, m.visit = "", "", nil
	if h := m.home; h.filing.After(m.today()) { // today is closed: said on the case's first screen
		m.notice = m.staffText.T("%s is closed: this return goes to the report of %s", m.today().In(m.staffText),
			h.filing.In(m.staffText))
	}
}

// openStep shows the screen of the case's step at hand.
func (m *Model) openStep() (tea.Model, tea.Cmd) {
	m.view = viewStep
	m.shown = m.c.Step
	ctx := m.ctx()
	switch m.c.Step {
	case flow.StepSale:
		m.step = own(newSaleModel(ctx))
	case flow.StepRequest:
		m.step = own(newRequestModel(ctx))
	case flow.StepDocuments:
		m.step = own(newDocumentsModel(ctx))
	case flow.StepInspection:
		m.step = own(newInspectModel(ctx))
	case flow.StepServiceCentre:
		m.step = own(newServiceModel(ctx))
	case flow.StepReplacement:
		m.step = own(newReplacementModel(ctx))
	case flow.StepDecision:
		if m.c.Decision == nil {
			d, err := flow.DecideIn(m.customerText, m.c, m.policy, m.d.Now().In(m.loc))
			if err != nil {
				return m.decisionInputErr(err)
			}
			m.c.Decision = &d
		}
		m.decision = newDecisionModel(ctx)
		return m, m.decision.Init()
	default: // the act: the decision is confirmed; show what is left to do
		return m.showAct()
	}
	return m, m.step.Init()
}

// decisionInputErr goes back to the step whose answer the engine lacks.
func (m *Model) decisionInputErr(err error) (tea.Model, tea.Cmd) {
	m.d.Log.Info("the decision lacks an answer", "case", m.c.ID, "err", err)
	m.notice = "! " + look.SayIn(m.staffText, err, "decide the case")
	m.c.Step = flow.ErrorStep(err)
	return m.openStep()
}

// passportEntered keeps of a passport typed on the documents screen only
// what Privacy allows (the store masks it) and looks up its repeat returns.
func (m *Model) passportEntered(msg documentsEnteredMsg) tea.Cmd {
	if !msg.passport || msg.number == "" {
		return nil
	}
	m.c.Passport = m.d.Store.MaskPassport(msg.ptype, msg.number, msg.name)
	return m.repeatReturnsCmd(m.c.Passport.Key, m.c.ID)
}

// answered writes a step's answers into the case, records the step as
// completed and saves the case before moving on.
func (m *Model) answered(a answersMsg) (tea.Model, tea.Cmd) {
	a.apply(m.c)
	step := a.step()
	if c, ok := a.(conclusionEnteredMsg); ok && m.c.Service != nil && !m.c.Service.BackAt.IsZero() {
		m.c.Concluded(c.conclusion, m.user.Name, m.d.Now()) // the conclusion of the item back, with who and when
	}
	if err := m.c.Complete(step); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	ev := store.Event{Kind: store.EventStep, Step: step.String(), Staff: m.user.Name}
	if k := m.c.SaleCorrection; step == flow.StepSale && k != nil {
		if k.At.IsZero() {
			k.At = m.d.Now().UTC()
		}
		ev.Words = store.Said("the imported sale corrected by shift lead %s (%s): %s", k.By, k.Reason,
			store.SaleChanges(k.Changes))
	}
	next := func(m *Model) (tea.Model, tea.Cmd) { return m.openStep() }
	if step == flow.StepSale {
		return m, m.checkedSaveCmd(lineFree, ev, next)
	}
	return m, m.saveCmd(ev, next)
}

// saleLeadCmd checks the shift lead who corrects an imported sale: the
// lead logged in at the till, or a lead's name and PIN.
func (m *Model) saleLeadCmd(msg saleLeadMsg) tea.Cmd {
	if msg.name == "" && m.isLead() {
		return sendCmd(saleLeadResultMsg{lead: m.user.Name, reason: msg.reason})
	}
	s, now, log := m.d.Store, m.d.Now(), m.d.Log
	return func() tea.Msg {
		lead, err := s.Login(msg.name, msg.pin, now)
		if err == nil && lead.Role != flow.RoleLead {
			err = flow.Errorf(flow.EForbidden, "%s is not a shift lead: only a shift lead corrects an imported sale",
				lead.Name)
		}
		if err != nil {
			log.Warn("a sale correction refused", "lead", msg.name, "err", err)
		}
		return saleLeadResultMsg{lead: lead.Name, reason: msg.reason, err: err}
	}
}

// lineFree refuses a sale whose receipt line was refunded, or is in
// another case still under way (flow.CheckLineFree).
func lineFree(s *store.Store, c *flow.Case) error {
	lc, err := s.LineCase(c.Sale, c.ID)
	if err != nil {
		return err
	}
	return flow.CheckLineFree(c.Sale, lc)
}

// stepBack shows the step before the one at hand; from the first step it
// goes home (what was saved stays as a draft).
func (m *Model) stepBack() (tea.Model, tea.Cmd) {
	steps := m.c.Steps()
	prev := -1
	for i, s := range steps {
		if s == m.shown && i > 0 {
			prev = i - 1
		}
	}
	if prev < 0 {
		return m.goHome("")
	}
	if err := m.c.GoTo(steps[prev]); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	return m.openStep()
}

// saveCmd saves the case with its audit event, then runs next.
func (m *Model) saveCmd(ev store.Event, next func(*Model) (tea.Model, tea.Cmd)) tea.Cmd {
	return m.checkedSaveCmd(nil, ev, next)
}

// checkedSaveCmd is saveCmd after check (nil: none) has found nothing
// against the save in the store.
func (m *Model) checkedSaveCmd(check func(*store.Store, *flow.Case) error, ev store.Event,
	next func(*Model) (tea.Model, tea.Cmd)) tea.Cmd {
	s := m.d.Store
	c := *m.c // a copy: the screen may go on editing the case while it is written
	ev.CaseID = c.ID
	ev.Time = m.d.Now()
	m.status = m.staffText.T("saving…")
	return func() tea.Msg {
		err := s.Claim(c.ID) // another till took it up meanwhile: never overwrite its answers
		if err == nil && check != nil {
			err = check(s, &c)
		}
		if err == nil {
			err = s.SaveCase(&c, ev)
		}
		if err == nil {
			return savedMsg{next: next}
		}
		msg := savedMsg{next: next, err: err}
		msg.stored, msg.storedErr = s.Case(c.ID)
		if errors.Is(msg.storedErr, store.ErrNotFound) {
			msg.stored, msg.storedErr = nil, nil // never saved: a new case
		}
		return msg
	}
}

// saveRefused shows a save the store refused, and goes on from the case as
// the store holds it: the refusal whole, the header no longer "saving", and
// the screen of the step at hand built again, with the answers typed on it,
// so that its keys work (go back, try again, go home).
func (m *Model) saveRefused(msg savedMsg) (tea.Model, tea.Cmd) {
	m.d.Log.Error("save failed", "err", msg.err)
	m.status = m.staffText.T("not saved")
	m.notice = "! " + m.staffText.T("not saved: %s", look.SayIn(m.staffText, msg.err, "save the case"))
	if m.c == nil {
		return m, nil
	}
	if msg.storedErr != nil {
		m.d.Log.Error("read the case back", "case", m.c.ID, "err", msg.storedErr)
		m.notice += "; " + m.staffText.T("the case could not be read back: log out and in to go on")
		return m, nil
	}
	m.asks = nil
	m.c = asSaved(msg.stored, m.c, m.shown)
	return m.openStep()
}

// asSaved is the case to go on with after a refused save: the case the
// store holds (nil: none yet, a new case), with the answers typed on the
// step shown kept for the cashier to send again; its status, steps done
// and decision are those saved.
func asSaved(stored, typed *flow.Case, shown flow.Step) *flow.Case {
	var c flow.Case
	if stored != nil {
		c = *stored
	} else {
		c = *typed
		c.Status, c.Done, c.Decision, c.Override = flow.StatusOpen, 0, nil, nil
	}
	switch shown {
	case flow.StepSale:
		c.Sale = typed.Sale
	case flow.StepRequest:
		c.Request = typed.Request
	case flow.StepDocuments:
		c.Documents, c.Passport = typed.Documents, typed.Passport
	case flow.StepInspection:
		c.Inspection = typed.Inspection
	case flow.StepServiceCentre:
		c.ServiceCentre = typed.ServiceCentre
	case flow.StepDecision: // the intake typed for the service centre
		c.Service = typed.Service
	case flow.StepReplacement: // the exchange's settling refused: its decision and replacement stay typed
		c.Decision, c.Override, c.Replacement = typed.Decision, typed.Override, typed.Replacement
		c.TillHasCash, c.Done, c.Step = typed.TillHasCash, c.Done.With(flow.StepDecision), shown
	}
	if !c.Done.Has(flow.StepDecision) { // a settled case goes on from the step it was saved at
		c.Step = shown
	}
	return &c
}

func (m *Model) repeatReturnsCmd(pkey, caseID string) tea.Cmd {
	if pkey == "" {
		return nil
	}
	s, since := m.d.Store, flow.RepeatSince(m.today())
	return func() tea.Msg {
		sums, err := s.RepeatReturns(pkey, since)
		if err != nil {
			return errMsg{err}
		}
		var dates []flow.Date
		for _, x := range sums {
			if x.ID != caseID {
				dates = append(dates, x.Day)
			}
		}
		return repeatReturnsMsg{count: len(dates), dates: dates}
	}
}

// confirmDecision acts on the decision the cashier confirmed.
func (m *Model) confirmDecision() (tea.Model, tea.Cmd) {
	d := m.c.Decision
	if d == nil {
		return m.openStep()
	}
	switch d.Outcome {
	case flow.OutcomeEscalate:
		return m.escalate()
	case flow.OutcomeNeedDocuments:
		if err := m.c.Move(flow.StatusWaitingDocuments); err != nil && m.c.Status != flow.StatusWaitingDocuments {
			m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
			return m, nil
		}
		m.c.Step = flow.StepDocuments // the customer comes back with the documents
		ev := store.Event{Kind: store.EventDecision, Step: "decision", Outcome: string(d.Outcome), Clauses: clauseStrings(d.Clauses),
			Staff: m.user.Name, Words: store.Said("waiting for: %s", d.Missing)}
		return m, m.saveCmd(ev, func(m *Model) (tea.Model, tea.Cmd) {
			return m.goHome(m.staffText.T("Case %s waits for documents: %s", m.c.ID, flow.DocumentWordsIn(m.staffText, d.Missing)))
		})
	case flow.OutcomeRefund:
		if m.c.RefundFromTill() {
			m.asks = append(m.asks, cashPrompt(&m.st, &m.keys, m.c.Sale.Price, m.policy.PayoutDays()))
			return m, nil
		}
	}
	return m.settle()
}

// cashAnswered takes the answer to "is there cash in the till?" and settles
// the refund: paid now, or owed by the policy's date.
func (m *Model) cashAnswered(hasCash bool) (tea.Model, tea.Cmd) {
	m.asks.pop()
	if m.c.Outcome().Exchanges() { // the difference a cheaper replacement leaves
		m.c.TillHasCash = hasCash
		return m.settle()
	}
	if o := m.c.Override; o != nil {
		m.c.TillHasCash = hasCash
		o.RefundBy = m.policy.RefundDueFor(m.c, m.d.Now().In(m.loc))
		return m.settle()
	}
	if hasCash != m.c.TillHasCash {
		m.c.TillHasCash = hasCash
		d, err := flow.DecideIn(m.customerText, m.c, m.policy, m.d.Now().In(m.loc))
		if err != nil {
			return m.decisionInputErr(err)
		}
		m.c.Decision = &d
	}
	return m.settle()
}

// settle confirms the decision: the case is decided and its remedy given
// (or owed), then the act is written.
func (m *Model) settle() (tea.Model, tea.Cmd) {
	out := m.c.Outcome()
	if out == flow.OutcomeServiceCentre && m.c.NeedsIntake() { // what goes with the item, typed first
		return m.openIntake()
	}
	if v := m.c.Service; out != flow.OutcomeServiceCentre && v != nil && v.BackAt.IsZero() {
		m.c.Service = nil // an intake typed for a decision changed since: the item was never sent
	}
	if out.Exchanges() && !m.c.Done.Has(flow.StepReplacement) {
		return m.askReplacement()
	}
	if !out.Exchanges() { // a lead decided otherwise after a replacement was typed
		m.c.Replacement, m.c.Done = nil, m.c.Done.Without(flow.StepReplacement)
	}
	m.policy.DueDifference(m.c, m.d.Now().In(m.loc))
	to, err := m.c.Settles() // a remote return's refund is owed, and a cheaper replacement's difference
	if err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	if to == flow.StatusRefundOwed && m.c.Phone == "" && m.phoneAsked != m.c.ID { // to call when the money is ready
		return m.askPhone()
	}
	if err := m.c.Complete(flow.StepDecision); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	if err := m.c.Move(flow.StatusDecided); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	_ = m.c.Move(to)      // decided -> any settled status is a legal move
	m.c.ActPending = true // until its act is kept
	kind, detail := store.EventDecision, ""
	if o := m.c.Override; o != nil {
		kind, detail = store.EventLeadDecision, o.Reason // a lead decided the case the engine escalated
		if m.c.Overridden() {
			kind = store.EventOverride
		}
	}
	d := m.c.Decision
	ev := store.Event{Kind: kind, Step: "decision", Outcome: string(out), Clauses: clauseStrings(d.Clauses),
		Staff: m.user.Name, Detail: detail, Words: exchangeWords(m.c)}
	if m.c.Override != nil {
		ev.Staff = m.c.Override.By
	}
	return m, m.saveCmd(ev, func(m *Model) (tea.Model, tea.Cmd) {
		return m, m.writeActCmd()
	})
}

// escalate records that a shift lead must decide, and asks for one.
func (m *Model) escalate() (tea.Model, tea.Cmd) {
	if m.c.Status != flow.StatusEscalated {
		if err := m.c.Move(flow.StatusEscalated); err != nil {
			m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
			return m, nil
		}
		d := m.c.Decision
		ev := store.Event{Kind: store.EventDecision, Step: "decision", Outcome: string(d.Outcome), Clauses: clauseStrings(d.Clauses),
			Staff: m.user.Name, Detail: d.Reason}
		return m, m.saveCmd(ev, func(m *Model) (tea.Model, tea.Cmd) { return m.openApprove() })
	}
	return m.openApprove()
}

func clauseStrings(ids []flow.ClauseID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// goHome leaves the case and shows the home screen with a line of news.
func (m *Model) goHome(news string) (tea.Model, tea.Cmd) {
	m.c, m.visit = nil, nil
	m.status = ""
	m.notice = news
	m.home = newHomeModel(&m.st, &m.keys, m.staffText, m.user, m.today(), m.width, m.bodyHeight())
	m.view = viewHome
	return m, m.homeDataCmd()
}

// backFromService records an item's return from the service centre: handed
// back to the customer, the case is closed; with the service centre's
// conclusion, the case is open again at the service-centre step (a defect)
// or the decision, and the engine decides on it again.
func (m *Model) backFromService(repaired bool) (tea.Model, tea.Cmd) {
	m.asks.pop()
	if err := m.c.BackFromService(repaired, m.user.Name, m.d.Now(), m.today()); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	days := m.c.Service.Days(m.today())
	if repaired {
		if err := m.c.Move(flow.StatusClosed); err != nil {
			m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
			return m, nil
		}
		words := store.Said("back from the service centre and handed to the customer") // sent with no intake: days unknown
		if m.c.Service.SentDay != (flow.Date{}) {
			words = store.SaidN("back from the service centre after %d days and handed to the customer", days, days)
		}
		ev := store.Event{Kind: store.EventStep, Step: "act", Staff: m.user.Name, Words: words}
		return m, m.saveCmd(ev, func(m *Model) (tea.Model, tea.Cmd) {
			return m.goHome(m.staffText.T("Case %s closed: the item is back with the customer", look.ShortID(m.c.ID)))
		})
	}
	if err := m.c.Move(flow.StatusOpen); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	step := flow.StepServiceCentre
	if !m.c.Applies(step) {
		step = flow.StepDecision
	}
	m.c.Done = m.c.Done.Without(flow.StepDecision).Without(flow.StepReplacement).Without(flow.StepAct)
	m.c.Decision, m.c.Override, m.c.Replacement = nil, nil, nil
	if err := m.c.GoTo(step); err != nil {
		m.notice = "! " + look.SayIn(m.staffText, err, "go on with the case")
		return m, nil
	}
	words := store.Said("back from the service centre with its conclusion: decided again")
	if m.c.Service.SentDay != (flow.Date{}) {
		words = store.SaidN("back from the service centre after %d days with its conclusion: decided again", days, days)
	}
	ev := store.Event{Kind: store.EventStep, Step: step.String(), Staff: m.user.Name, Words: words}
	return m, m.saveCmd(ev, func(m *Model) (tea.Model, tea.Cmd) { return m.openStep() })
}
