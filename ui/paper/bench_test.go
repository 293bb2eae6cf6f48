package paper_test

import (
	"testing"

	"example.com/returnsdesk/ui/paper"
)

// BenchmarkText: a typical act (sampleUK: four sections, a failed check,
// small print, two signers) as text at each width.
func BenchmarkText(b *testing.B) {
	d := sampleUK()
	for _, width := range []int{paper.ReceiptNarrow, paper.ReceiptWide, paper.Page} {
		b.Run(itoa(width), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = d.Text(width)
			}
		})
	}
}

// BenchmarkPDF: the same act as an A4 PDF, fonts embedded.
func BenchmarkPDF(b *testing.B) {
	d := sampleUK()
	b.ReportAllocs()
	var n int
	for b.Loop() {
		pdf, err := d.PDF()
		if err != nil {
			b.Fatal(err)
		}
		n = len(pdf)
	}
	b.ReportMetric(float64(n), "bytes/pdf")
}
