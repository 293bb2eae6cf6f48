package server

import (
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"
)

// Words a refused connection reads.
const (
	msgNoCommand = "Returns Desk serves the kiosk only: a command, scp or sftp is not run here.\n" +
		"Connect with: ssh -p PORT TILL@HOST"
	msgUnknownTill = "This key is not a registered till's (any more): ask the back office."
	msgTillFailed  = "The back office could not look this till up; try again, or ask the back office."
)

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
func (s *Server) tillOf(sess ssh.Session) (Till, string) {
	key := sess.PublicKey()
	if key == nil {
		return Till{}, msgUnknownTill
	}
	fp := gossh.FingerprintSHA256(key)
	till, ok, err := s.cfg.Till(fp)
	switch {
	case err != nil:
		s.cfg.Log.Error("ssh: till lookup failed", "fingerprint", fp, "err", err)
		return Till{}, msgTillFailed
	case !ok || till.Name == "":
		s.cfg.Log.Warn("ssh: session refused: no till has the key", "fingerprint", fp)
		return Till{}, msgUnknownTill
	}
	till.Key = fp
	return till, ""
}

// refuseCommands ends a session that asks for a command (ssh HOST cmd, scp,
// a git or rsync over ssh): a till only ever gets the kiosk.
func refuseCommands(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if len(sess.Command()) > 0 || sess.Subsystem() != "" {
			refuse(sess, msgNoCommand)
			return
		}
		next(sess)
	}
}

// refuse tells the session why it ends, and ends it.
func refuse(sess ssh.Session, why string) {
	wish.Fatalln(sess, why)
}
