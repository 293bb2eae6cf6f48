package flow_test

import (
	"errors"
	"fmt"
	"testing"

	"example.com/returnsdesk/flow"
)

// TestFieldStep: a field the decision lacks sends the cashier back to the
// step whose screen asks for it.
func TestFieldStep(t *testing.T) {
	tests := []struct {
		field string
		want  flow.Step
	}{
		{"sale.date", flow.StepSale},
		{"sale.price", flow.StepSale},
		{"sale.currency", flow.StepSale},
		{"claim", flow.StepRequest},
		{"wants", flow.StepRequest},
		{"documents", flow.StepDocuments},
		{"inspection", flow.StepInspection},
		{"inspection.call_seconds", flow.StepInspection},
		{"service_centre", flow.StepServiceCentre},
		{"today", flow.StepSale},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			if got := flow.FieldStep(tt.field); got != tt.want {
				t.Errorf("FieldStep(%q) = %s, want %s", tt.field, got, tt.want)
			}
		})
	}
}

// TestErrorStep: a field error, wrapped or not, names its step; any other
// error goes back to the sale.
func TestErrorStep(t *testing.T) {
	field := &flow.FieldError{Field: "claim", Msg: "say what the customer claims"}
	tests := []struct {
		name string
		err  error
		want flow.Step
	}{
		{"a field error", field, flow.StepRequest},
		{"a wrapped field error", fmt.Errorf("decide: %w", field), flow.StepRequest},
		{"any other error", errors.New("disk full"), flow.StepSale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.ErrorStep(tt.err); got != tt.want {
				t.Errorf("ErrorStep = %s, want %s", got, tt.want)
			}
		})
	}
}
