package flow

import (
	"errors"
	"strings"
)

// FieldStep is the case step whose screen asks for an input field, by its
// name in the decide contract ("sale.price", "claim", "inspection.call_seconds"):
// where the kiosk sends the cashier when the decision lacks that answer.
// A field of no step (the sale's, or one this list does not know) is the
// sale's.
func FieldStep(field string) Step {
	switch {
	case field == "claim" || field == "wants":
		return StepRequest
	case field == "documents":
		return StepDocuments
	case field == "inspection" || strings.HasPrefix(field, "inspection."):
		return StepInspection
	case field == "service_centre":
		return StepServiceCentre
	case strings.HasPrefix(field, "replacement"):
		return StepReplacement
	}
	return StepSale
}

// ErrorStep is the step to go back to for an error of the decision: the
// step of its field (FieldStep) when it is a *FieldError, else the sale.
func ErrorStep(err error) Step {
	var fe *FieldError
	if errors.As(err, &fe) {
		return FieldStep(fe.Field)
	}
	return StepSale
}
