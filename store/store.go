// Package store keeps the returns desk's cases, their indexes and their audit
// trail in one bbolt file, with the passport key in a file beside it. See
// schema.go for the layout. Every exported method is one transaction; a step
// that SaveCase returned from is on disk.
package store

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // a kiosk without zoneinfo still knows its store's time zone

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store/atomicfile"
	"example.com/returnsdesk/store/internal/boltfile"
)

// Options are how Open opens a store.
type Options struct {
	// Timeout is how long Open waits for another process to release the
	// file before it gives up with ErrLocked. Default 1 s.
	Timeout time.Duration
	// KeyFile is the passport key's path. Default: passport.key beside the
	// store file. It is created (mode 0600) with a new store.
	KeyFile string
	// AuditKeyFile is the audit key's path (store/chainkey.go). Default:
	// audit.key beside the store file.
	AuditKeyFile string
	// Terminal names this terminal on the audit events it writes, unless the
	// event names its own.
	Terminal string
	// Logger receives what the store does (never a passport number). Nil
	// logs nothing.
	Logger *slog.Logger
	// ReadOnly opens the file for reading only, beside a running kiosk's
	// readers: no key file is needed, nothing is migrated or written.
	ReadOnly bool
	// PINCost is the bcrypt cost of new PIN hashes: DefaultPINCost when
	// 0; tests use bcrypt.MinCost.
	PINCost int
	// NoSync skips fsync on commit. For tests and bulk loads only: a power
	// cut can lose what was committed.
	NoSync bool
	// ReplaceLostKey lets Open make a new passport key when the store's key
	// file is lost. Repeat returns before that day can no longer be matched;
	// the replacement is recorded in the audit trail.
	ReplaceLostKey bool
}

// Store is an open returns-desk store. Its methods are safe for concurrent
// use: one process holds the file, and its terminals share it, each through
// a handle of its own name (At).
type Store struct {
	*file
	terminal string // names the terminal on the events this handle appends
}

// file is the open store file that every handle of it shares.
type file struct {
	db       *bolt.DB
	path     string
	keyPath  string
	key      []byte // the passport HMAC key; nil when read-only without a key file
	opts     Options
	log      *slog.Logger
	loc      atomic.Pointer[time.Location]
	broken   atomic.Pointer[error]     // set when a transaction hit a damaged page
	rejected atomic.Pointer[rejection] // set when the store failed its check: writes are refused
	rules    atomic.Pointer[rulesCache]
	closeMu  sync.RWMutex
	isClosed bool
	changes  changes // who waits for the next write (Changed)
	claims   claims  // the case each terminal has open (Claim)
}

// At is the store as one terminal writes to it: the same file, and every
// audit event this handle appends names terminal (a till served over SSH,
// say) in place of Options.Terminal. Close the Store that Open returned, not
// a handle of At.
func (s *Store) At(terminal string) *Store { return &Store{file: s.file, terminal: terminal} }

// FileName is the store file's name in a data folder.
const FileName = "returnsdesk.db"

// DefaultKeyFile is the passport key's path for a store file: passport.key in
// the same folder.
func DefaultKeyFile(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "passport.key") }

// Open opens the store file at path, creating it (and its folder and the
// passport key) when it does not exist. A file that exists is never
// replaced: an empty, damaged or foreign file is an error that says so.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.KeyFile == "" {
		opts.KeyFile = DefaultKeyFile(path)
	}
	if opts.PINCost == 0 {
		opts.PINCost = DefaultPINCost
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Store{file: &file{path: path, keyPath: opts.KeyFile, opts: opts, log: log}, terminal: opts.Terminal}
	s.loc.Store(time.UTC)

	info, err := os.Stat(path)
	isNew := false
	switch {
	case errors.Is(err, os.ErrNotExist) && opts.ReadOnly:
		return nil, ErrNoStore
	case errors.Is(err, os.ErrNotExist):
		if err := s.create(); err != nil {
			return nil, err
		}
		isNew = true
	case err != nil:
		return nil, failed("cannot read the store file", err)
	case info.IsDir():
		return nil, ErrNotStore.Wrap(errors.New("it is a folder"))
	case info.Size() == 0:
		return nil, refine(ErrDamaged, nil, "the store file is damaged: it is empty (0 bytes); move it away to "+
			"start a new store, or restore a backup")
	}

	if info != nil {
		if err := refusePages(path, info, opts.ReadOnly); err != nil {
			return nil, err
		}
	}
	db, err := openBolt(path, opts, log)
	if err != nil {
		return nil, err
	}
	s.db = db
	if err := s.setUp(isNew); err != nil {
		chainKeys.Delete(db)
		_ = db.Close()
		return nil, err
	}
	log.Info("store opened", "path", path, "read_only", opts.ReadOnly, "terminal", opts.Terminal)
	return s, nil
}

// openBolt opens a bbolt file that exists: it takes the file lock itself
// (ErrLocked after the timeout), validates the meta and freelist pages by
// plain reads so that bbolt never maps a damaged file blindly, then hands the
// locked file to bbolt. A panic or memory fault inside bbolt becomes an error.
func openBolt(path string, opts Options, log *slog.Logger) (db *bolt.DB, err error) {
	flag := os.O_RDWR
	if opts.ReadOnly {
		flag = os.O_RDONLY
	}
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return nil, failed("cannot open the store file", err)
	}
	handed := false
	defer func() {
		if !handed {
			_ = f.Close()
		}
	}()
	if err := lockFile(f, !opts.ReadOnly, opts.Timeout); err != nil {
		return nil, err
	}
	fm, err := readFileMeta(f)
	if err != nil {
		return nil, err
	}
	for _, bad := range fm.BadMetas {
		// normal after a power cut during a commit: bbolt reads the other meta
		// page, and the next commit rewrites this one
		log.Warn("store file: one meta page is invalid; reading the other", "path", path, "problem", bad)
	}
	bopts := &bolt.Options{
		Timeout:      opts.Timeout,
		ReadOnly:     opts.ReadOnly,
		NoSync:       opts.NoSync,
		FreelistType: bolt.FreelistMapType,
		OpenFile: func(string, int, os.FileMode) (*os.File, error) {
			handed = true
			return f, nil
		},
	}
	if tuneBolt != nil {
		tuneBolt(bopts)
	}
	defer func() {
		if r := recover(); r != nil {
			if handed {
				_ = f.Close()
			}
			db, err = nil, ErrDamaged.Wrap(fmt.Errorf("%v", r))
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bolt.Open(path, 0o600, bopts)
	if err != nil {
		return nil, boltErr(err)
	}
	return db, nil
}

// readFileMeta validates a bbolt file's meta pages and freelist by plain
// reads (boltfile.ReadMeta): a file that is no bbolt file is ErrNotStore, a
// damaged one ErrDamaged, each saying what is wrong.
func readFileMeta(r io.ReaderAt) (boltfile.Meta, error) {
	fm, err := boltfile.ReadMeta(r)
	var fe *boltfile.Error
	switch {
	case err == nil:
		return fm, nil
	case errors.As(err, &fe) && fe.NotBolt:
		return fm, ErrNotStore.Wrap(err)
	case errors.As(err, &fe):
		return fm, ErrDamaged.Wrap(err)
	}
	return fm, err
}

// boltErr turns bbolt's open errors into the store's.
func boltErr(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return ErrNotStore.Wrap(err)
	case errors.Is(err, berrors.ErrChecksum):
		return ErrDamaged.Wrap(err)
	}
	return failed("cannot open the store file", err)
}

// create makes a new store: the key file first, then the store file written
// whole under a temporary name and linked into place, so that a crash leaves
// either no store or a complete one, and two processes starting at once end
// up with one.
func (s *Store) create() error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return failed("cannot make the data folder", err)
	}
	key, err := loadOrCreateKey(s.keyPath, true)
	if err != nil {
		return err
	}
	tmpPath, err := atomicfile.Temp(s.path, nil)
	if err != nil {
		return failed("cannot create the store file", err)
	}
	defer os.Remove(tmpPath)
	// a store's audit key is kept for a new store in its folder, as the
	// passport key is
	auditKey, err := readKey(s.auditKeyPath())
	freshKey := errors.Is(err, os.ErrNotExist)
	if freshKey {
		auditKey, err = loadOrCreateKey(s.auditKeyPath()+".new", true)
	}
	if err != nil {
		return err
	}
	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: s.opts.Timeout, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return failed("cannot create the store file", err)
	}
	chainKeys.Store(db, auditKey)
	defer chainKeys.Delete(db)
	err = db.Update(func(tx *bolt.Tx) error {
		if err := migrate(tx, 0, time.Now()); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyKeyID, keyID(key)); err != nil {
			return err
		}
		_, err := appendEvent(tx, Event{Staff: "system", Terminal: s.terminal, Kind: EventSettings,
			Words: Said("store created")})
		return err
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return failed("cannot create the store file", err)
	}
	if err := atomicfile.Create(tmpPath, s.path); err != nil && !errors.Is(err, os.ErrExist) {
		return failed("cannot create the store file", err)
	}
	if freshKey {
		if err := placeAuditKey(s.auditKeyPath()); err != nil {
			return err
		}
	}
	s.log.Info("store created", "path", s.path)
	return nil
}

// setUp checks that the file is a returnsdesk store of a version this binary
// reads, migrates it, checks the passport key and loads the time zone.
func (s *Store) setUp(isNew bool) error {
	var version uint64
	var storedKeyID, auditID []byte
	var before fileState
	err := s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(keyApp)) != string(appName) {
			return ErrNotStore.Wrap(errors.New("it is a bbolt file of another program"))
		}
		v, err := readVersion(tx)
		if err != nil {
			return err
		}
		version = v
		storedKeyID = copyBytes(meta.Get(keyKeyID))
		auditID = copyBytes(meta.Get(keyAuditKeyID))
		before = stateOf(tx)
		return nil
	})
	if err != nil {
		return err
	}
	if version > schemaVersion {
		return ErrNewer.Wrap(fmt.Errorf("schema version %d; this one reads up to %d", version, schemaVersion))
	}
	if err := s.setUpAuditKey(auditID); err != nil {
		return err
	}
	if version < schemaVersion {
		if s.opts.ReadOnly {
			return flow.Errorf(flow.EUnavailable, "the store has schema version %d and needs migrating to %d: open it "+
				"with the kiosk first", version, schemaVersion)
		}
		err := s.run(modeWrite, func(tx *bolt.Tx) error { return migrate(tx, version, time.Now()) })
		if err != nil {
			return err
		}
		s.log.Info("store migrated", "from", version, "to", schemaVersion)
	}
	if auditID == nil && !s.opts.ReadOnly {
		if err := placeAuditKey(s.auditKeyPath()); err != nil {
			return err
		}
	}
	if err := s.setUpKey(storedKeyID); err != nil {
		return err
	}
	s.setUpRejection(before)
	set, err := s.Settings()
	if err == nil {
		if loc, err := time.LoadLocation(set.TimeZone); err == nil {
			s.loc.Store(loc)
		} else {
			s.log.Warn("the store's time zone is unknown; using UTC", "zone", set.TimeZone, "err", err)
		}
	} else if errors.Is(err, ErrTampered) || errors.Is(err, ErrDamaged) {
		// opened, in UTC: each read of the settings refuses them by name, and
		// check and export still read the file
		s.log.Error("the store's settings cannot be used", "err", err)
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	return nil
}

// Close closes the store file. Methods called after Close return ErrClosed.
func (s *Store) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.isClosed {
		return nil
	}
	s.isClosed = true
	s.changes.close()
	chainKeys.Delete(s.db)
	err := s.db.Close()
	s.log.Info("store closed", "path", s.path)
	return err
}

// Path is the store file's path.
func (s *Store) Path() string { return s.path }

// Location is the store's time zone (UTC until the settings name one).
func (s *Store) Location() *time.Location { return s.loc.Load() }

// Today is the calendar day of now in the store's time zone.
func (s *Store) Today(now time.Time) flow.Date { return flow.DateOf(now.In(s.Location())) }

// view runs fn in a read transaction. A panic or memory fault inside bbolt
// (a damaged page) becomes ErrDamaged and marks the store broken.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return s.run(modeRead, fn)
}

// update runs fn in a write transaction, as view does.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	if r := s.rejected.Load(); r != nil {
		return r.err()
	}
	return s.run(modeWrite, fn)
}

// The kinds of transaction run runs.
const (
	modeRead      = iota
	modeWrite     // committed when fn returns nil
	modeExclusive // a write transaction rolled back: a view no writer changes meanwhile
)

func (s *Store) run(mode int, fn func(tx *bolt.Tx) error) (err error) {
	s.closeMu.RLock()
	defer s.closeMu.RUnlock()
	if s.isClosed {
		return ErrClosed
	}
	if b := s.broken.Load(); b != nil {
		return *b
	}
	defer func() {
		if r := recover(); r != nil {
			err = refine(ErrDamaged, fmt.Errorf("%v", r), "the store file is damaged; run returnsdesk check")
			s.broken.Store(&err)
			s.log.Error("store transaction failed on a damaged page", "err", r, "stack", string(debug.Stack()))
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	switch mode {
	case modeWrite:
		if err := s.db.Update(fn); err != nil {
			return err
		}
		s.changes.signal()
		return nil
	case modeExclusive:
		tx, err := s.db.Begin(true)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback() }()
		return fn(tx)
	}
	return s.db.View(fn)
}

// copyBytes copies a value out of a transaction.
func copyBytes(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte(nil), b...)
}

// tuneBolt lets benchmarks try other bbolt options (freelist type, freelist
// sync) on the same file; nil in the program.
var tuneBolt func(*bolt.Options)

// bbolt writes its pages in the machine's byte order; every target is little-endian
