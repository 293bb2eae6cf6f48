package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// shortDir moves the store of a test's data folder (its file and passport
// key) to a folder of a short path, which a Unix socket's path needs (some
// 108 bytes at most), and returns that folder.
func shortDir(t *testing.T, dir string) string {
	t.Helper()
	short, err := os.MkdirTemp("", "rd")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(short) })
	for _, name := range []string{store.FileName, "passport.key", "audit.key"} {
		if err := os.Rename(filepath.Join(dir, name), filepath.Join(short, name)); err != nil {
			t.Fatal(err)
		}
	}
	return short
}

// hold opens the store in dir and serves its admin socket, as the kiosk
// does, until the test ends.
func hold(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(storeFile(dir), store.Options{Terminal: "kiosk-1", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	// run's clock, so that what depends on today reads as without a holder
	stop, err := serveAdmin(context.Background(), dir, st, nil,
		func() time.Time { return time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC) })
	if err != nil {
		_ = st.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stop()
		if err := st.Close(); err != nil {
			t.Error(err)
		}
		if _, err := os.Lstat(filepath.Join(dir, AdminSocket)); err == nil {
			t.Error("the admin socket is left behind")
		}
	})
	return st
}

// result is what one command line did.
type result struct {
	code        int
	out, stderr string
}

func runResult(t *testing.T, args ...string) result {
	t.Helper()
	code, out, errs := run(t, "", args...)
	return result{code, out, errs}
}

// lastEvent is the last event of the store's audit trail.
func lastEvent(t *testing.T, st *store.Store) store.Event {
	t.Helper()
	evs, err := st.Events(0, 10000)
	if err != nil || len(evs) == 0 {
		t.Fatalf("events: %v %v", evs, err)
	}
	return evs[len(evs)-1]
}

// TestAdminExport: beside a holder, export writes the bytes it writes
// without one, with the same exit codes and messages, bad input too.
func TestAdminExport(t *testing.T) {
	t.Parallel()
	day := flow.Date{Year: 2026, Month: time.November, Day: 20}
	d, _ := storeForExport(t,
		exportCase{at: "2026-11-20 09:00", receipt: "R-2001", price: 2500000, d: refund(day), status: flow.StatusRefunded},
		exportCase{at: "2026-11-20 09:10", receipt: "R-2002", price: 1999900, passport: true, d: refund(day.AddDays(7)),
			status: flow.StatusRefundOwed})
	dir := shortDir(t, d)
	lines := [][]string{
		{"export", "--data", dir, "--day", "2026-11-20"},
		{"export", "--data", dir, "--day", "2026-11-20", "--format", "json"},
		{"export", "--data", dir, "--day", "2026-11-20", "--summary"},
		{"export", "--data", dir, "--day", "20.11.2026"},
		{"export", "--data", dir, "--format", "xlsx"},
	}
	var want []result
	for _, args := range lines {
		want = append(want, runResult(t, args...))
	}
	hold(t, dir)
	for i, args := range lines {
		if got := runResult(t, args...); got != want[i] {
			t.Errorf("%v beside the holder: %+v\nwithout one: %+v", args, got, want[i])
		}
	}
	if want[0].code != ExitOK || !strings.Contains(want[0].out, "R-2002") || want[3].code != ExitUsage {
		t.Errorf("without a holder: %+v", want)
	}
}

// TestAdminSettings: settings beside a holder change the held store, on the
// audit trail by the --by given, from the terminal "admin: settings"; bad
// input is exit 2 with its message, as without a holder.
func TestAdminSettings(t *testing.T) {
	t.Parallel()
	dir := shortDir(t, tillsStore(t))
	bad := []string{"settings", "--data", dir, "--time-zone", "Mars/Base"}
	badWant := runResult(t, bad...)
	st := hold(t, dir)

	got := runResult(t, "settings", "--data", dir, "--store-name", "Kyiv 2", "--by", "Olena")
	if got.code != ExitOK || !strings.Contains(got.out, "store name:     Kyiv 2\n") || got.stderr != "" {
		t.Fatalf("settings: %+v", got)
	}
	set, err := st.Settings()
	if err != nil || set.StoreName != "Kyiv 2" {
		t.Errorf("the held store's settings: %+v %v", set, err)
	}
	if ev := lastEvent(t, st); ev.Kind != store.EventSettings || ev.Staff != "Olena" || ev.Terminal != "admin: settings" {
		t.Errorf("the audit event: %+v", ev)
	}
	if got := runResult(t, bad...); got != badWant || got.code != ExitUsage || !strings.Contains(got.stderr, "Mars/Base") {
		t.Errorf("a bad zone beside the holder: %+v, without one %+v", got, badWant)
	}
	if got := runResult(t, "settings", "--data", dir); got.code != ExitOK || !strings.Contains(got.out, "Kyiv 2") {
		t.Errorf("settings shown: %+v", got)
	}
}

// TestAdminSalesImport: a CSV imported beside a holder is in the held store;
// a bad one imports nothing, with the message and exit code it has without
// a holder.
func TestAdminSalesImport(t *testing.T) {
	t.Parallel()
	dir := shortDir(t, tillsStore(t))
	files := t.TempDir()
	good := filepath.Join(files, "pos.csv")
	badFile := filepath.Join(files, "bad.csv")
	if err := os.WriteFile(good, []byte("receipt,date,model,price,serial\nR-77,2024-03-01,Galaxy A55,19999.00,SN-77\n"+
		"R-78,2024-03-02,Pixel 8,25999.00,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badFile, []byte("receipt,date,model,price\nR-79,yesterday,Pixel 8,1.00\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	badArgs := []string{"sales", "import", "--data", dir, badFile}
	badWant := runResult(t, badArgs...)
	st := hold(t, dir)

	got := runResult(t, "sales", "import", "--data", dir, good)
	if got.code != ExitOK || got.out != "imported 2 sales from "+good+"\n" {
		t.Fatalf("sales import: %+v", got)
	}
	sales, err := st.LookupSales("SN-77")
	if err != nil || len(sales) != 1 || sales[0].Receipt != "R-77" {
		t.Errorf("the held store's sales: %+v %v", sales, err)
	}
	if got := runResult(t, badArgs...); got != badWant || got.code != ExitFail || !strings.Contains(got.stderr, "nothing imported") {
		t.Errorf("a bad file beside the holder: %+v, without one %+v", got, badWant)
	}
	missing := runResult(t, "sales", "import", "--data", dir, filepath.Join(files, "none.csv"))
	if missing.code != ExitUsage || !strings.Contains(missing.stderr, "none.csv") {
		t.Errorf("a missing file: %+v", missing)
	}
}

// TestAdminBackupAndCheck: a backup beside a holder is a checked copy of the
// held store; check checks the held store and passes.
func TestAdminBackupAndCheck(t *testing.T) {
	t.Parallel()
	dir := shortDir(t, storeWithCases(t, 2))
	badAnchor := []string{"check", "--data", dir, "--anchor", "7:beef"}
	badWant := runResult(t, badAnchor...)
	hold(t, dir)

	dest := filepath.Join(t.TempDir(), "monday.db")
	got := runResult(t, "backup", "--data", dir, dest)
	if got.code != ExitOK || !strings.HasPrefix(got.out, "backup written to "+dest+" and checked: 2 cases") {
		t.Fatalf("backup: %+v", got)
	}
	if rep, err := store.CheckFile(dest, store.CheckOptions{AuditKeyFile: store.DefaultAuditKeyFile(storeFile(dir))}); err != nil || rep.Cases != 2 {
		t.Errorf("the backup: %+v %v", rep, err)
	}
	folder := t.TempDir()
	got = runResult(t, "backup", "--data", dir, folder)
	if got.code != ExitOK || !strings.HasPrefix(got.out, "backup written to "+filepath.Join(folder, "returnsdesk-")) {
		t.Errorf("backup to a folder: %+v", got)
	}

	got = runResult(t, "check", "--data", dir)
	if got.code != ExitOK || !strings.HasPrefix(got.out, storeFile(dir)+": OK\n") ||
		!strings.Contains(got.out, "cases:       2") || got.stderr != "" {
		t.Errorf("check: %+v", got)
	}
	if got := runResult(t, badAnchor...); got != badWant || got.code != ExitUsage {
		t.Errorf("a bad anchor beside the holder: %+v, without one %+v", got, badWant)
	}
	if got := runResult(t, "check", "--data", dir, dest); got.code != ExitOK {
		t.Errorf("check of the backup: %+v", got)
	}
}

// TestAdminTills: tills add, list and remove beside a holder work on the
// held store, with the exit codes they have without one.
func TestAdminTills(t *testing.T) {
	t.Parallel()
	dir := shortDir(t, tillsStore(t))
	keys := t.TempDir()
	pub, priv, fp := tillKeyFile(t, keys, 1)
	noSuch := []string{"tills", "remove", "till-9", "--data", dir}
	noSuchWant := runResult(t, noSuch...)
	st := hold(t, dir)

	got := runResult(t, "tills", "add", "till-1", "--key", pub, "--printer", "lp -d till1", "--data", dir)
	if got.code != ExitOK || got.out != "added till till-1: ssh-ed25519 "+fp+", printer lp -d till1\n" {
		t.Fatalf("tills add: %+v", got)
	}
	if ev := lastEvent(t, st); ev.Kind != store.EventTill || ev.Staff != "tills command" ||
		ev.Terminal != "admin: tills add" {
		t.Errorf("the audit event: %+v", ev)
	}
	got = runResult(t, "tills", "list", "--data", dir)
	if got.code != ExitOK || !strings.Contains(got.out, "till-1") || !strings.Contains(got.out, fp) {
		t.Errorf("tills list: %+v", got)
	}
	if tills, err := st.Tills(); err != nil || len(tills) != 1 || tills[0].Name != "till-1" {
		t.Errorf("the held store's tills: %+v %v", tills, err)
	}
	if got := runResult(t, "tills", "add", "till-1", "--key", pub, "--data", dir); got.code != ExitUsage ||
		!strings.Contains(got.stderr, "NAME:") {
		t.Errorf("the same till again: %+v", got)
	}
	if got := runResult(t, "tills", "add", "till-2", "--key", priv, "--data", dir); got.code != ExitUsage ||
		!strings.Contains(got.stderr, "--key "+priv) {
		t.Errorf("a private key: %+v", got)
	}
	if got := runResult(t, noSuch...); got != noSuchWant || got.code != ExitFail {
		t.Errorf("no such till beside the holder: %+v, without one %+v", got, noSuchWant)
	}
	if got := runResult(t, "tills", "remove", "till-1", "--data", dir, "--by", "Olena"); got.code != ExitOK {
		t.Errorf("tills remove: %+v", got)
	}
}

// TestAdminRelativePaths: relative file names mean the client's working
// directory, and read in the output as given.
func TestAdminRelativePaths(t *testing.T) {
	dir := shortDir(t, tillsStore(t))
	work := t.TempDir()
	_, _, fp := tillKeyFile(t, work, 3)
	if err := os.WriteFile(filepath.Join(work, "pos.csv"), []byte("receipt,date,model,price\nR-1,2024-03-01,X,1.00\n"),
		0o600); err != nil {
		t.Fatal(err)
	}
	hold(t, dir)
	t.Chdir(work)

	for _, c := range []struct {
		args []string
		out  string
	}{
		{[]string{"sales", "import", "--data", dir, "pos.csv"}, "imported 1 sale from pos.csv\n"},
		{[]string{"tills", "add", "till-3", "--key", "till3.pub", "--data", dir}, "added till till-3: ssh-ed25519 " + fp + ", printer -\n"},
		{[]string{"backup", "--data", dir, "copy.db"}, "backup written to copy.db and checked"},
		{[]string{"export", "--data", dir, "--day", "2024-03-01", "-o", "day.csv"}, ""},
	} {
		got := runResult(t, c.args...)
		if got.code != ExitOK || !strings.HasPrefix(got.out, c.out) || (c.out == "" && got.out != "") {
			t.Errorf("%v: %+v", c.args, got)
		}
	}
	for _, f := range []string{"copy.db", "day.csv"} {
		if _, err := os.Stat(filepath.Join(work, f)); err != nil {
			t.Errorf("%s is not in the client's working directory: %v", f, err)
		}
	}
	if got := runResult(t, "check", "--data", dir, "copy.db"); got.code != ExitOK || !strings.HasPrefix(got.out, "copy.db: OK") {
		t.Errorf("check of the backup: %+v", got)
	}
}

// staleSocket leaves a socket file in dir that no process listens on, as a
// crashed holder does.
func staleSocket(t *testing.T, dir string) {
	t.Helper()
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: filepath.Join(dir, AdminSocket), Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestAdminStaleSocket: a socket file no process listens on is ignored by
// the commands (they run when nothing holds the store, and say that the
// store is held when a process without the socket holds it) and replaced by
// ServeAdmin; a live one is never taken over.
func TestAdminStaleSocket(t *testing.T) {
	t.Parallel()
	dir := shortDir(t, storeWithCases(t, 1))
	staleSocket(t, dir)
	if got := runResult(t, "check", "--data", dir); got.code != ExitOK {
		t.Errorf("check with nothing holding the store: %+v", got)
	}

	other, err := store.Open(storeFile(dir), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := runResult(t, "settings", "--data", dir)
	if got.code != ExitFail || got.out != "" || !strings.Contains(got.stderr, "another process holds the store file") {
		t.Errorf("settings beside a holder without the socket: %+v", got)
	}
	got = runResult(t, "check", "--data", dir)
	if got.code != ExitFail || !strings.Contains(got.stderr, "another process holds the store file") {
		t.Errorf("check beside a holder without the socket: %+v", got)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}

	st := hold(t, dir) // replaces the stale socket
	if got := runResult(t, "settings", "--data", dir); got.code != ExitOK || !strings.Contains(got.out, "store name:") {
		t.Errorf("settings beside the holder: %+v", got)
	}
	if _, err := ServeAdmin(context.Background(), dir, st, nil); err == nil ||
		!strings.Contains(err.Error(), "another process listens") {
		t.Errorf("a second ServeAdmin on a live socket: %v", err)
	}
	if got := runResult(t, "tills", "list", "--data", dir); got.code != ExitOK {
		t.Errorf("the first socket after the second was refused: %+v", got)
	}

	file := filepath.Join(t.TempDir(), AdminSocket)
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := removeStaleSocket(file); err == nil {
		t.Error("a file that is no socket was taken for a stale socket")
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("a file that is no socket was removed: %v", err)
	}
}

// TestAdminManyClients: three clients at once beside one holder.
func TestAdminManyClients(t *testing.T) {
	t.Parallel()
	dir := shortDir(t, tillsStore(t))
	files := t.TempDir()
	csvFile := filepath.Join(files, "pos.csv")
	if err := os.WriteFile(csvFile, []byte("receipt,date,model,price\nR-5,2024-03-01,X,1.00\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	st := hold(t, dir)
	lines := []struct {
		args []string
		out  string
	}{
		{[]string{"settings", "--data", dir, "--idle-minutes", "7"}, "idle minutes:   7\n"},
		{[]string{"sales", "import", "--data", dir, csvFile}, "imported 1 sale"},
		{[]string{"check", "--data", dir}, ": OK\n"},
	}
	var wg sync.WaitGroup
	for _, l := range lines {
		wg.Go(func() {
			got := runResult(t, l.args...)
			if got.code != ExitOK || !strings.Contains(got.out, l.out) {
				t.Errorf("%v: %+v", l.args, got)
			}
		})
	}
	wg.Wait()
	if set, err := st.Settings(); err != nil || set.IdleMinutes != 7 {
		t.Errorf("settings: %+v %v", set, err)
	}
	if rep, err := st.Check(store.CheckOptions{}); err != nil {
		t.Errorf("the held store after the clients: %+v %v", rep, err)
	}
}

// TestAdminOnlyAdminCommands: the holder runs the admin commands only.
func TestAdminOnlyAdminCommands(t *testing.T) {
	t.Parallel()
	dir := shortDir(t, tillsStore(t))
	hold(t, dir)
	for _, args := range [][]string{{"init", "--data", dir}, {"kiosk"}, {"decide"}, {"policy", "list"}, {"nonsense"}, {}} {
		var out, errs bytes.Buffer
		env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Now: time.Now,
			Getenv: func(k string) string { return map[string]string{LangEnv: "en"}[k] }}
		code, ok := runInHolder(env, dir, args)
		if !ok || code != ExitUsage || out.Len() != 0 || !strings.Contains(errs.String(), "does not run beside") {
			t.Errorf("%v: ok %v exit %d %q %q", args, ok, code, out.String(), errs.String())
		}
	}
}

// TestAdminProtocol: the client sends its command line, working directory
// and environment, framed, never its standard input (a script's loop over a
// file keeps its lines), and copies the holder's frames to its streams and
// exits with the holder's code.
func TestAdminProtocol(t *testing.T) {
	t.Parallel()
	dir, err := os.MkdirTemp("", "rd")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	l, err := net.Listen("unix", filepath.Join(dir, AdminSocket))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	seen := make(chan adminRequest, 1)
	go func() {
		c, err := l.Accept()
		if err != nil {
			close(seen)
			return
		}
		defer c.Close()
		kind, p, err := readFrame(c)
		var req adminRequest
		if err != nil || kind != frameRequest || json.Unmarshal(p, &req) != nil {
			close(seen)
			return
		}
		seen <- req
		_ = writeFrame(c, frameStdout, []byte("done\n"))
		_ = writeFrame(c, frameStderr, []byte("a warning\n"))
		_ = writeFrame(c, frameExit, []byte(`{"code":3}`))
	}()
	var out, errs bytes.Buffer
	input := strings.NewReader("a script's own lines\n") // the caller's: never read, never sent
	env := Env{Stdin: input, Stdout: &out, Stderr: &errs, Dir: "/somewhere",
		Getenv: func(k string) string { return map[string]string{"USER": "olena", "PATH": "/bin"}[k] }}
	code, ok := runInHolder(env, dir, []string{"settings", "--store-name", "X"})
	if !ok || code != 3 || out.String() != "done\n" || errs.String() != "a warning\n" {
		t.Errorf("ok %v exit %d, out %q, err %q", ok, code, out.String(), errs.String())
	}
	if input.Len() != len("a script's own lines\n") {
		t.Errorf("the caller's standard input was read: %d bytes left", input.Len())
	}
	req := <-seen
	if strings.Join(req.Args, " ") != "settings --store-name X" || req.Dir != "/somewhere" ||
		len(req.Env) != 1 || req.Env["USER"] != "olena" {
		t.Errorf("the request: %+v", req)
	}
}
