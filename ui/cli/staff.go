package cli

import (
	"errors"
	"fmt"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/store"
)

var staffUnlockHelp = lang.Key(`Unlocks a staff account that wrong PINs locked: the third lockout lasts
until a shift lead unlocks the account, and one locked for a while is
unlocked at once. The account's PIN stays; its lockouts are forgiven. The
unlock is on the audit trail, in the lead's name. While the kiosk holds the
store file, the command runs inside it, through DATA/admin.sock.

  NAME         the staff member's name (in any letter case)
  --by LEAD    the shift lead who unlocks it: not the account itself
  --data DIR   the data folder (as for the kiosk)

Exit 0 when unlocked; exit 2 without a name or --by; exit 1 when there is
no such staff member, --by is not another shift lead, there is no store, or
it cannot be opened.`)

// runStaffUnlock has a shift lead unlock a staff account.
func runStaffUnlock(env Env, args []string) int {
	const cmd = "staff unlock"
	fs := newFlags(cmd)
	data := fs.String("data", "", "")
	by := fs.String("by", "", "")
	rest, err := parseWithName(fs, args)
	if err != nil {
		return flagErr(env, cmd, err)
	}
	tr := env.tr()
	switch {
	case len(rest) != 1:
		complain(env, cmd, "NAME: "+tr.T("name one staff member (returnsdesk staff unlock NAME --by LEAD)"))
		return ExitUsage
	case flow.StaffName(*by) == "":
		complain(env, cmd, "--by: "+tr.T("name the shift lead who unlocks the account"))
		return ExitUsage
	}
	st, closeStore, code := openCommandStore(env, cmd, dataDir(env, *data))
	if st == nil {
		return code
	}
	defer closeStore()
	tr = env.trOf(st)
	name := flow.StaffName(rest[0])
	if err := st.Unlock(name, *by); err != nil {
		if msg := flow.MessageIn(tr, err); msg != "" && (errors.Is(err, store.ErrNotFound) ||
			errors.Is(err, store.ErrNotLead) || flow.ErrorCode(err) == flow.EForbidden) {
			complain(env, cmd, msg)
		} else {
			complain(env, cmd, sayErr(tr, err))
		}
		return ExitFail
	}
	if m, err := st.Staff(name); err == nil {
		name = m.Name // "ivan" typed is Ivan
	}
	fmt.Fprintln(env.Stdout, tr.T("%s is unlocked: the account logs in again", name))
	return ExitOK
}
