package store

import (
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// BenchmarkPINCheck is one PIN checked against its hash at the cost a
// store gives new PINs (DefaultPINCost): the time a login, and a guess at a
// PIN from a stolen backup, takes.
func BenchmarkPINCheck(b *testing.B) {
	h, err := bcrypt.GenerateFromPassword([]byte("482193"), DefaultPINCost)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := bcrypt.CompareHashAndPassword(h, []byte("482193")); err != nil {
			b.Fatal(err)
		}
	}
}
