package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

// rejectedAct is a citrus return rejected for signs of use and a broken
// seal, decided again by a shift lead as a rejection, with the customer's
// name: its act lists the failed checks first, what the customer can do,
// and the lead's signature line.
func rejectedAct(t *testing.T, l lang.Lang) (*flow.Case, *flow.Policy, time.Time) {
	t.Helper()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	must(t, err)
	p, err := flow.Builtin("citrus")
	must(t, err)
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, kyiv)
	c := decidedCaseIn(t, l, "citrus", func(c *flow.Case) {
		c.Inspection.SignsOfUse, c.Inspection.SealsIntact = true, false
	})
	c.Opened, c.OpenedBy, c.Status = now, "Ivan", flow.StatusRejected
	c.Passport = flow.Passport{Type: "id_card", Last4: "6789", Key: strings.Repeat("ab", 32), Name: "Олена Коваль"}
	reason := "signs of use confirmed"
	if l == lang.UK {
		reason = "сліди використання підтверджено"
	}
	c.Override = &flow.Override{Outcome: flow.OutcomeReject, Reason: reason, By: "Petro", At: now}
	return c, p, now
}

func TestRejectedActGolden(t *testing.T) { rejectedActGoldens(t, lang.EN) }

func TestRejectedActGoldenUK(t *testing.T) { rejectedActGoldens(t, lang.UK) }

func rejectedActGoldens(t *testing.T, l lang.Lang) {
	c, p, now := rejectedAct(t, l)
	kind := flow.ActFor(c)
	if kind != flow.ActLeadDecision {
		t.Fatalf("a lead's rejection gets the %s", kind)
	}
	doc := actDoc(lang.For(l), store.Settings{StoreName: "Test store"}, c, p, now, kind, 17)
	for _, width := range []int{42, 48} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			text := doc.Text(width)
			if l == lang.UK {
				checkSpeaks(t, text)
			}
			teatest.RequireEqualOutput(t, []byte(text))
		})
	}
	text := flat([]byte(doc.Text(72)))
	failed := strings.Index(text, "! ")
	passed := strings.Index(text, lang.For(l).T("Complete set: everything that came in the box?"))
	if failed < 0 || passed < 0 || failed > passed {
		t.Errorf("the failed checks are not first (at %d, a passed one at %d):\n%s", failed, passed, doc.Text(72))
	}
}

// TestActPDFReadsAsItsText: the PDF of a kept act, read back with
// pdftotext, says the words of its text form in the same order.
func TestActPDFReadsAsItsText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" || os.Getenv("RETURNSDESK_CI") != "" {
			t.Fatal("pdftotext is missing (poppler-utils): .ci/run installs it")
		}
		t.Skip("pdftotext is missing (poppler-utils)")
	}
	for _, l := range lang.Langs {
		c, p, now := rejectedAct(t, l)
		doc := actDoc(lang.For(l), store.Settings{StoreName: "Test store"}, c, p, now, flow.ActFor(c), 17)
		pdf, err := doc.PDF()
		must(t, err)
		file := filepath.Join(t.TempDir(), "act.pdf")
		must(t, os.WriteFile(file, pdf, 0o600))
		out, err := exec.Command("pdftotext", "-raw", file, "-").Output()
		must(t, err)
		pages := regexp.MustCompile(regexp.QuoteMeta(doc.Number) + ` \d+/\d+ `) // each page's foot
		if got, want := pages.ReplaceAllString(words(string(out))+" ", ""), words(doc.Text(72))+" "; got != want {
			t.Errorf("%s: the PDF reads\n%s\nthe text\n%s", l, got, want)
		}
	}
}

// words are a document's words in order, without its rules and signature
// lines, each blank and line end one space.
func words(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "_")
		if w == "" || strings.Trim(w, "-") == "" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
