package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/ui"
)

// runPolicyList lists the built-in policies.
func runPolicyList(env Env, args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(env.Stderr, "returnsdesk policy list: unexpected argument %q\n", args[0])
		return ExitUsage
	}
	for _, name := range flow.Builtins {
		p, err := flow.Builtin(name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "returnsdesk policy list: %v\n", err)
			return ExitFail
		}
		fmt.Fprintf(env.Stdout, "%-8s %s (%d clauses)\n", p.Name, p.Title, len(p.ClauseIDsOf()))
	}
	return ExitOK
}

// runPolicyShow prints a built-in policy file.
func runPolicyShow(env Env, args []string) int {
	if len(args) != 1 {
		fmt.Fprintf(env.Stderr, "returnsdesk policy show: name one policy: %s\n", strings.Join(flow.Builtins, ", "))
		return ExitUsage
	}
	data, err := flow.BuiltinFile(args[0])
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk policy show: %v\n", err)
		return ExitUsage
	}
	env.Stdout.Write(data)
	return ExitOK
}

// runPolicyCheck checks a store's policy file and says what it holds, and
// warns of each English text with no Ukrainian beside it.
func runPolicyCheck(env Env, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(env.Stderr, "returnsdesk policy check: name one policy file")
		return ExitUsage
	}
	data, err := ui.ReadPolicyFile(args[0], args[0])
	if m := flow.Message(err); m != "" {
		fmt.Fprintf(env.Stderr, "returnsdesk policy check: %s\n", m)
		return ExitUsage
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk policy check: cannot read %s: %v\n", args[0], errors.Unwrap(err))
		return ExitUsage
	}
	p, err := flow.ParsePolicy(data, args[0])
	if err != nil {
		fmt.Fprintf(env.Stderr, "%v\n", err)
		return ExitFail
	}
	// A text with no Ukrainian beside it is a warning, not a problem: the
	// file is valid and its customers read the English (flow.Policy.Warnings).
	for _, w := range p.Warnings() {
		fmt.Fprintf(env.Stderr, "%s: warning: %s\n", args[0], w)
	}
	with := ""
	switch n := len(p.Warnings()); n {
	case 0:
	case 1:
		with = ", with 1 warning"
	default:
		with = fmt.Sprintf(", with %d warnings", n)
	}
	fmt.Fprintf(env.Stdout, "%s: policy %q is valid: %d clauses, %d escalations%s\n", args[0], p.Name, len(p.ClauseIDsOf()),
		len(p.Escalate), with)
	return ExitOK
}

// loadPolicy is the policy a command line names, a built-in's name or the
// path of a store's own file, with its text (what the store keeps in its
// settings).
func loadPolicy(nameOrFile string) (*flow.Policy, string, error) {
	return loadPolicyIn(Env{}, nameOrFile)
}

// loadPolicyIn is loadPolicy with a file's name relative to env.Dir.
func loadPolicyIn(env Env, nameOrFile string) (*flow.Policy, string, error) {
	if slices.Contains(flow.Builtins, nameOrFile) {
		text, err := flow.BuiltinFile(nameOrFile)
		if err != nil {
			return nil, "", err
		}
		p, err := flow.Builtin(nameOrFile)
		return p, string(text), err
	}
	data, err := ui.ReadPolicyFile(env.path(nameOrFile), nameOrFile)
	if m := flow.Message(err); m != "" {
		return nil, "", err
	}
	if err != nil {
		err = env.asGiven(err, nameOrFile)
		if errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(nameOrFile, `/\.`) {
			return nil, "", fmt.Errorf("%q is not a built-in policy (%s) nor a file", nameOrFile, strings.Join(flow.Builtins, ", "))
		}
		return nil, "", fmt.Errorf("cannot read the policy file: %w", err)
	}
	p, err := flow.ParsePolicy(data, nameOrFile)
	return p, string(data), err
}
