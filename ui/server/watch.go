package server

// watchTills ends, at once, the session of a till the back office removed
// (returnsdesk tills remove) or gave another key: after each write to the
// store it looks every live session's key up again. It runs until
// Shutdown.
func (s *Server) watchTills() {
	for {
		changed := s.cfg.Store.Changed() // before the look: a change meanwhile is not missed
		s.live.each(func(ls *liveSession) {
			till, ok, err := s.cfg.Till(ls.till.Key)
			switch {
			case err != nil:
				s.cfg.Log.Error("ssh: till lookup failed", "till", ls.till.Name, "err", err)
			case !ok || till.Name != ls.till.Name:
				s.cfg.Log.Info("ssh: the till was removed: its session ends", "till", ls.till.Name)
				ls.end(say(msgRemoved))
			}
		})
		select {
		case <-changed:
		case <-s.quit:
			return
		}
	}
}
