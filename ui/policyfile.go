package ui

import (
	"io"
	"os"

	"example.com/returnsdesk/flow"
)

// ReadPolicyFile reads a store's own policy file, as the first run and the
// commands read one: a regular file (not a folder, a device such as
// /dev/zero or a pipe, which are refused before they are opened) of at most
// flow.MaxPolicyBytes. name is the file as the person gave it, for the
// messages. An error opening or reading it is returned as it is (an
// *os.PathError), one of these rules as a *flow.Error. It does I/O: call it
// in a tea.Cmd.
func ReadPolicyFile(path, name string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, flow.Errorf(flow.EInvalid, "%s is not a regular file: a policy is a TOML file", name)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() { // replaced since: still not one
		return nil, flow.Errorf(flow.EInvalid, "%s is not a regular file: a policy is a TOML file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, flow.MaxPolicyBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > flow.MaxPolicyBytes {
		return nil, flow.Errorf(flow.EInvalid, "%s is larger than %d MiB: a policy is a short TOML file", name,
			flow.MaxPolicyBytes>>20)
	}
	return data, nil
}
