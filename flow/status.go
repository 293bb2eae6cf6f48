package flow

// Status is where a case is in its life, from the first key to the day close.
type Status string

// The statuses of a case.
const (
	StatusOpen             Status = "open"              // a draft: the cashier is still walking the steps
	StatusWaitingDocuments Status = "waiting_documents" // the customer must bring a document
	StatusEscalated        Status = "escalated"         // a shift lead must decide
	StatusDecided          Status = "decided"           // the decision is confirmed, the remedy not yet given
	StatusRefundOwed       Status = "refund_owed"       // the till lacked cash: the refund is due by a date
	StatusRefunded         Status = "refunded"
	StatusExchanged        Status = "exchanged"
	StatusRejected         Status = "rejected"
	StatusServiceCentre    Status = "service_centre" // the item is at the service centre
	StatusClosed           Status = "closed"         // the act is signed; nothing more to do
)

// Statuses lists every status in the order of a case's life.
var Statuses = []Status{StatusOpen, StatusWaitingDocuments, StatusEscalated, StatusDecided, StatusRefundOwed,
	StatusRefunded, StatusExchanged, StatusRejected, StatusServiceCentre, StatusClosed}

func (s Status) String() string { return string(s) }

// transitions lists, for each status, the statuses a case may move to. A
// case that is still open, waiting for documents or escalated may be closed
// without a remedy: the customer withdrew or never came back.
var transitions = map[Status][]Status{
	StatusOpen:             {StatusWaitingDocuments, StatusEscalated, StatusDecided, StatusClosed},
	StatusWaitingDocuments: {StatusOpen, StatusEscalated, StatusDecided, StatusClosed},
	StatusEscalated:        {StatusDecided, StatusOpen, StatusClosed},
	StatusDecided:          {StatusRefundOwed, StatusRefunded, StatusExchanged, StatusRejected, StatusServiceCentre},
	StatusRefundOwed:       {StatusRefunded, StatusExchanged}, // an exchange's difference, once paid
	StatusRefunded:         {StatusClosed},
	StatusExchanged:        {StatusClosed},
	StatusRejected:         {StatusClosed},
	StatusServiceCentre:    {StatusOpen, StatusClosed},
	StatusClosed:           nil,
}

// CanMove reports whether a case may go from one status to another.
func CanMove(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Move changes the case's status, or says why it cannot.
func (c *Case) Move(to Status) error {
	from := c.Status
	if from == "" {
		from = StatusOpen
	}
	if !CanMove(from, to) {
		return Errorf(EConflict, "a case that is %s cannot become %s", from, to)
	}
	c.Status = to
	if !UnderWay(to) {
		c.Phone = "" // nobody needs to call the customer about a settled case
	}
	return nil
}

// UnderWay reports whether a case in this status still needs someone: it is
// open, waits for documents or a shift lead, is decided but not settled, owes
// a refund, or is at the service centre. Its later life is new events, even
// after its day is closed.
func UnderWay(s Status) bool {
	switch s {
	case StatusOpen, StatusWaitingDocuments, StatusEscalated, StatusDecided, StatusRefundOwed, StatusServiceCentre:
		return true
	}
	return false
}

// Resumable are the statuses of the cases a cashier takes up again from
// the home screen, in the order home lists them: a draft, a case waiting
// for documents or for a shift lead, an item at the service centre. The
// rest of UnderWay (decided, refund owed) is the shift lead's queues'.
var Resumable = []Status{StatusOpen, StatusWaitingDocuments, StatusEscalated, StatusServiceCentre}

// Owed reports whether the status still owes the customer money.
func (s Status) Owed() bool { return s == StatusRefundOwed }

// Settled is the status a confirmed outcome leads to once the remedy is
// given: a refund paid at the till, or owed when the till lacked cash; an
// exchange; a rejection; the item sent to the service centre.
func Settled(o Outcome, tillHasCash bool) (Status, error) {
	switch o {
	case OutcomeRefund:
		if tillHasCash {
			return StatusRefunded, nil
		}
		return StatusRefundOwed, nil
	case OutcomeExchange, OutcomeReplaceSimilar:
		return StatusExchanged, nil
	case OutcomeReject:
		return StatusRejected, nil
	case OutcomeServiceCentre:
		return StatusServiceCentre, nil
	}
	return "", Errorf(EConflict, "a %s outcome settles nothing", o)
}
