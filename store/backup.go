package store

import (
	"os"
	"path/filepath"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store/atomicfile"
	bolt "go.etcd.io/bbolt"
)

// Backup takes a hot copy of the store (a read transaction's WriteTo, while
// the terminals go on working) to dest, or to a dated file inside dest when
// it is a folder. The copy is written under a temporary name, synced, opened
// read-only and checked, and only then renamed into place: a failed backup
// never replaces a good one. The passport key is not in it: keep the key
// file apart. It returns the check's report of the copy.
func (s *Store) Backup(dest string) (Report, error) {
	if info, err := os.Stat(dest); err == nil && info.IsDir() {
		dest = filepath.Join(dest, "returnsdesk-"+time.Now().Format("20060102-150405")+".db")
	}
	if a, err := os.Stat(dest); err == nil {
		if b, err := os.Stat(s.path); err == nil && os.SameFile(a, b) {
			return Report{}, flow.Errorf(flow.EInvalid, "the backup cannot be the store file itself")
		}
	}
	tmpPath, err := atomicfile.Temp(dest, func(f *os.File) error {
		return s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
	if err != nil {
		return Report{}, failed("cannot write the backup", err)
	}
	defer os.Remove(tmpPath)
	rep, err := CheckFile(tmpPath, CheckOptions{AuditKeyFile: s.auditKeyPath(), Scratch: true})
	if err != nil {
		return rep, failed("the backup failed its check, so it was not kept", err)
	}
	if err := atomicfile.Replace(tmpPath, dest); err != nil {
		return rep, failed("cannot write the backup", err)
	}
	rep.Path = dest
	s.log.Info("backup taken", "dest", dest, "cases", rep.Cases, "events", rep.Events, "head", rep.HeadHash)
	return rep, nil
}
