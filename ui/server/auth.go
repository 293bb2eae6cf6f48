package server

import (
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"example.com/returnsdesk/flow/lang"
)

// Words a refused connection reads, in the language of the till when it is
// known, else of the store.
var (
	msgNoCommand = lang.Key("Returns Desk serves the kiosk only: a command, scp or sftp is not run here.\n" +
		"Connect with: ssh -p PORT TILL@HOST")
	msgUnknownTill = lang.Key("This key is not a registered till's (any more): ask the back office.")
	msgTillFailed  = lang.Key("The back office could not look this till up; try again, or ask the back office.")
)

// storeText is the printer of the store's language: what a session reads
// before its till is known.
func (s *Server) storeText() *lang.Printer {
	set, err := s.cfg.Store.Settings()
	if err != nil {
		return lang.For(lang.Default)
	}
	return lang.For(set.Lang())
}

// tillText is the printer of the till's own language, else the store's.
func (s *Server) tillText(till Till) *lang.Printer {
	if till.Language != "" {
		return lang.For(till.Language)
	}
	return s.storeText()
}

// keyText is the printer of the language of the till whose key the session
// authenticated with, else the store's.
func (s *Server) keyText(sess ssh.Session) *lang.Printer {
	if key := sess.PublicKey(); key != nil {
		if till, ok, err := s.cfg.Till(gossh.FingerprintSHA256(key)); err == nil && ok {
			return s.tillText(till)
		}
	}
	return s.storeText()
}

// publicKeyAllowed is the server's only authentication: yes to a key that
// the till lookup knows, no to any other. It keeps nothing: the session
// looks the key up again (tillSession), from the key that authenticated.
func (s *Server) publicKeyAllowed(ctx ssh.Context, key ssh.PublicKey) bool {
	fp := gossh.FingerprintSHA256(key)
	till, ok, err := s.cfg.Till(fp)
	switch {
	case err != nil:
		s.cfg.Log.Error("ssh: till lookup failed", "fingerprint", fp, "user", ctx.User(),
			"remote", ctx.RemoteAddr().String(), "err", err)
		return false
	case !ok:
		s.cfg.Log.Warn("ssh: key refused: no till has it", "fingerprint", fp, "user", ctx.User(),
			"remote", ctx.RemoteAddr().String())
		return false
	}
	s.cfg.Log.Info("ssh: key accepted", "till", till.Name, "fingerprint", fp, "remote", ctx.RemoteAddr().String())
	return true
}

// tillOf is the till of the key the session authenticated with, looked up
// again now (a till removed since is refused).
func (s *Server) tillOf(sess ssh.Session) (Till, words) {
	key := sess.PublicKey()
	if key == nil {
		return Till{}, say(msgUnknownTill)
	}
	fp := gossh.FingerprintSHA256(key)
	till, ok, err := s.cfg.Till(fp)
	switch {
	case err != nil:
		s.cfg.Log.Error("ssh: till lookup failed", "fingerprint", fp, "err", err)
		return Till{}, say(msgTillFailed)
	case !ok || till.Name == "":
		s.cfg.Log.Warn("ssh: session refused: no till has the key", "fingerprint", fp)
		return Till{}, say(msgUnknownTill)
	}
	till.Key = fp
	return till, words{}
}

// refuseCommands ends a session that asks for a command (ssh HOST cmd, scp,
// a git or rsync over ssh): a till only ever gets the kiosk.
func (s *Server) refuseCommands(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if len(sess.Command()) > 0 || sess.Subsystem() != "" {
			refuse(sess, say(msgNoCommand).in(s.keyText(sess)))
			return
		}
		next(sess)
	}
}

// refuse tells the session why it ends, and ends it.
func refuse(sess ssh.Session, why string) {
	wish.Fatalln(sess, why)
}
