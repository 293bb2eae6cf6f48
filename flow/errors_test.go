package flow_test

import (
	"errors"
	"fmt"
	"testing"

	"example.com/returnsdesk/flow"
)

func TestErrorMessage(t *testing.T) {
	errFull := flow.Errorf(flow.EConflict, "this receipt line was already refunded")
	tests := []struct {
		name string
		err  error
		want string
		code flow.Code
	}{
		{"plain", errFull, "this receipt line was already refunded", flow.EConflict},
		{"wrapped by fmt", fmt.Errorf("save case: %w", errFull), "this receipt line was already refunded", flow.EConflict},
		{"with detail", errFull.Wrap(errors.New("case 01ABC")), "this receipt line was already refunded", flow.EConflict},
		{"unknown", errors.New("disk I/O"), "", ""},
		{"nil", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := flow.Message(tt.err); got != tt.want {
				t.Errorf("Message = %q, want %q", got, tt.want)
			}
			if got := flow.ErrorCode(tt.err); got != tt.code {
				t.Errorf("ErrorCode = %q, want %q", got, tt.code)
			}
			if tt.want != "" && !errors.Is(tt.err, errFull) {
				t.Errorf("errors.Is(%v, sentinel) = false", tt.err)
			}
		})
	}
}
