package atomicfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"example.com/returnsdesk/store/atomicfile"
)

func TestWriteFileReplacesWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "day.csv")
	for _, data := range []string{"first version, longer than the second\n", "second\n"} {
		if err := atomicfile.WriteFile(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.partial-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCreateRefusesAnExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	write := func(s string) func(*os.File) error {
		return func(f *os.File) error { _, err := f.WriteString(s); return err }
	}
	tmp, err := atomicfile.Temp(path, write("one"))
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(tmp)
	if err := atomicfile.Create(tmp, path); err != nil {
		t.Fatal(err)
	}
	tmp2, err := atomicfile.Temp(path, write("two"))
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(tmp2)
	if err := atomicfile.Create(tmp2, path); !errors.Is(err, os.ErrExist) {
		t.Fatalf("second Create: %v, want os.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "one" {
		t.Errorf("the first file was changed: %q", got)
	}
}

func TestTempRemovesAFailedWrite(t *testing.T) {
	dir := t.TempDir()
	_, err := atomicfile.Temp(filepath.Join(dir, "x"), func(*os.File) error { return errors.New("disk full") })
	if err == nil {
		t.Fatal("no error")
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("left %v", left)
	}
}
