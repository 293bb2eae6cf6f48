package flow

import (
	"strings"
	"testing"
)

func TestCheckLineFree(t *testing.T) {
	day := Date{Year: 2026, Month: 11, Day: 18}
	sale := Sale{Receipt: "R-1001", Line: 2}
	for _, tc := range []struct {
		name  string
		sale  Sale
		other *LineCase
		want  string // "" for free
	}{
		{"no other case", sale, nil, ""},
		{"refunded", sale, &LineCase{ID: "C1", Day: day, Status: StatusClosed, Refunded: true},
			"receipt R-1001 line 2 was refunded in case C1 of 2026-11-18"},
		{"part paid, rest owed", sale, &LineCase{ID: "C1", Day: day, Status: StatusRefundOwed, Refunded: true},
			"cannot be refunded again"},
		{"a draft", sale, &LineCase{ID: "C2", Day: day, Status: StatusOpen, Step: StepInspection},
			"is in case C2 of 2026-11-18 (a draft at inspection): resume that case"},
		{"a refund owed", Sale{Receipt: "R-9"}, &LineCase{ID: "C3", Day: day, Status: StatusRefundOwed},
			"receipt R-9 is in case C3"},
		{"at the service centre", Sale{Serial: "SN-1"}, &LineCase{ID: "C4", Day: day, Status: StatusServiceCentre},
			"the item SN-1 is in case C4"},
		{"rejected", sale, &LineCase{ID: "C5", Day: day, Status: StatusClosed}, ""},
		{"exchanged", sale, &LineCase{ID: "C6", Day: day, Status: StatusExchanged}, ""},
	} {
		err := CheckLineFree(tc.sale, tc.other)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(Message(err), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		case tc.want != "" && ErrorCode(err) != EConflict:
			t.Errorf("%s: code %s", tc.name, ErrorCode(err))
		}
	}
}
