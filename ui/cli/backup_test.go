package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupCommand(t *testing.T) {
	dir := storeWithCases(t, 2)
	dest := filepath.Join(t.TempDir(), "monday.db")
	code, out, errs := run(t, "", "backup", "--data", dir, dest)
	if code != ExitOK || !strings.Contains(out, "2 cases") || !strings.Contains(out, "passport.key") {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := run(t, "", "check", "--data", dir, dest); code != ExitOK {
		t.Errorf("check of the backup with the store's audit key: exit %d\n%s%s", code, out, errs)
	}
	if code, out, _ := run(t, "", "check", "--data", t.TempDir(), dest); code != ExitFail ||
		!strings.Contains(out, "the chain's keyed events are not verified") {
		t.Errorf("check of the backup without the audit key: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "audit.key")); err == nil {
		t.Error("the audit key went with the backup")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "passport.key")); err == nil {
		t.Error("the passport key went with the backup")
	}
	if code, _, _ := run(t, "", "backup", "--data", dir); code != ExitUsage {
		t.Errorf("backup without a file: exit %d", code)
	}
	if code, _, errs := run(t, "", "backup", "--data", t.TempDir(), dest); code != ExitFail || !strings.Contains(errs, "no store file") {
		t.Errorf("backup of a folder without a store: exit %d %s", code, errs)
	}
}
