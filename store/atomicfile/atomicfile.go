// Package atomicfile writes a file so that a reader, or a crash, never sees
// half of it: the bytes go to a temporary file beside the final path,
// synced, and only then take the final name (replacing what was there, or
// only where nothing was). The store's files (the store, its passport key,
// a backup) and the desk's exports are written this way.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Temp writes a new file beside path (in its folder, named after it, mode
// 0600) through write, which may be nil for an empty file, and syncs and
// closes it. It returns the temporary file's name: the caller moves it into
// place with Replace or Create, and removes it in any case (a removed name
// that has moved is no error to ignore: os.Remove of a moved file fails
// harmlessly).
func Temp(path string, write func(*os.File) error) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, filepath.Base(path)+".partial-*")
	if err != nil {
		return "", err
	}
	if write != nil {
		err = write(f)
	}
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// Replace gives tmp the name path, replacing any file there, and syncs the
// folder so that the new name survives a power cut.
func Replace(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// Create gives tmp the name path only where no file has it yet (an error
// matching os.ErrExist otherwise: another process was first), and syncs the
// folder.
func Create(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		return err
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// WriteFile writes data to path through a temporary file, replacing any
// file there whole.
func WriteFile(path string, data []byte) error {
	tmp, err := Temp(path, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return Replace(tmp, path)
}

// SyncDir syncs a folder, so that names made or changed in it are on disk.
// A folder that cannot be opened or synced (some file systems refuse) is
// left as it is.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
