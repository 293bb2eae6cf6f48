package server

import (
	"context"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// A Ukrainian store's till reads why its session ends in Ukrainian; a till
// of its own language reads it in that one.
func TestShutdownIsToldInTheTillsLanguage(t *testing.T) {
	r := newRigIn(t, 0, lang.UK)
	r.addTillIn("till4", lang.EN)
	uk, en := r.connect("till1"), r.connect("till4")
	uk.waitFor(0, "Вхід")
	en.waitFor(0, "┃")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	must(t, r.srv.Shutdown(ctx))
	uk.waitFor(0, "Бек-офіс зупиняє сервер: вашу справу збережено.")
	en.waitFor(0, "The back office is stopping the server: your case is saved.")
	uk.ended()
	en.ended()
	<-r.serve
	r.serve <- nil // for the cleanup
}

func TestATakeoverIsToldInUkrainian(t *testing.T) {
	r := newRigIn(t, 0, lang.UK)
	first := r.connect("till1")
	first.waitFor(0, "Вхід")
	second := r.connect("till1")
	first.waitFor(0, "Ця каса відкрила новий сеанс", "Вашу справу збережено як чернетку.")
	first.ended()
	second.waitFor(0, "Вхід")
}

func TestTheSessionCapIsToldInUkrainian(t *testing.T) {
	r := newRigIn(t, 1, lang.UK)
	r.connect("till1").waitFor(0, "Вхід")
	two := r.connect("till2")
	two.waitFor(0, "найбільше сеансів, скільки може (1)")
	two.ended()
}

func TestACommandIsRefusedInUkrainian(t *testing.T) {
	r := newRigIn(t, 0, lang.UK)
	tl := r.open("till1", "")
	err := tl.sess.Run("cat /etc/passwd")
	if err == nil {
		t.Fatal("the command ran")
	}
	got := tl.out.plain(0)
	for _, want := range []string{"команди, scp і sftp тут не виконуються", "ssh -p ПОРТ КАСА@СЕРВЕР"} {
		if !strings.Contains(got, want) {
			t.Errorf("the refusal says %q, want %q in it", got, want)
		}
	}
}

func TestARemovedTillIsToldInUkrainian(t *testing.T) {
	r := newRigIn(t, 0, lang.UK)
	tl := r.connect("till1")
	tl.waitFor(0, "Вхід")
	r.mu.Lock()
	delete(r.tills, gossh.FingerprintSHA256(r.keys["till1"].PublicKey()))
	r.mu.Unlock()
	must(t, r.st.AddStaff("Ivan", flow.RoleCashier, "1111", "Olena"))
	tl.waitFor(0, "Бек-офіс вилучив цю касу")
	tl.ended()
}
