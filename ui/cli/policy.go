package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
	"example.com/returnsdesk/ui"
)

// runPolicyList lists the built-in policies.
func runPolicyList(env Env, args []string) int {
	const cmd = "policy list"
	tr := env.tr()
	if len(args) > 0 {
		complain(env, cmd, tr.T("unexpected argument %q", args[0]))
		return ExitUsage
	}
	for _, name := range flow.Builtins {
		p, err := flow.Builtin(name)
		if err != nil {
			complain(env, cmd, sayErr(tr, err))
			return ExitFail
		}
		n := len(p.ClauseIDsOf())
		fmt.Fprintf(env.Stdout, "%-8s %s (%s)\n", p.Name, p.Title, tr.N("%d clauses", n, n))
	}
	return ExitOK
}

// runPolicyShow prints a built-in policy file.
func runPolicyShow(env Env, args []string) int {
	tr := env.tr()
	if len(args) != 1 {
		complain(env, "policy show", tr.T("name one policy: %s", strings.Join(flow.Builtins, ", ")))
		return ExitUsage
	}
	data, err := flow.BuiltinFile(args[0])
	if err != nil {
		complain(env, "policy show", sayErr(tr, err))
		return ExitUsage
	}
	env.Stdout.Write(data)
	return ExitOK
}

// runPolicyCheck checks a store's policy file and says what it holds, and
// warns of each English text with no Ukrainian beside it.
func runPolicyCheck(env Env, args []string) int {
	const cmd = "policy check"
	tr := env.tr()
	if len(args) != 1 {
		complain(env, cmd, tr.T("name one policy file"))
		return ExitUsage
	}
	data, err := ui.ReadPolicyFile(args[0], args[0])
	if m := flow.MessageIn(tr, err); m != "" {
		complain(env, cmd, m)
		return ExitUsage
	}
	if err != nil {
		complain(env, cmd, tr.T("cannot read %s: %v", args[0], errors.Unwrap(err)))
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
		fmt.Fprintf(env.Stderr, "%s: %s\n", args[0], tr.T("warning: %s", w))
	}
	with := ""
	if n := len(p.Warnings()); n > 0 {
		with = tr.N(", with %d warnings", n, n)
	}
	clauses, escalations := len(p.ClauseIDsOf()), len(p.Escalate)
	fmt.Fprintf(env.Stdout, "%s: %s\n", args[0], tr.T("policy %q is valid: %s, %s%s", p.Name,
		tr.N("%d clauses", clauses, clauses), tr.N("%d escalations", escalations, escalations), with))
	return ExitOK
}

// loadPolicy is the policy a command line names, a built-in's name or the
// path of a store's own file, with its text (what the store keeps in its
// settings). An error of its own is in tr's language; print it with
// policyErr.
func loadPolicy(tr *lang.Printer, nameOrFile string) (*flow.Policy, string, error) {
	return loadPolicyIn(Env{}, tr, nameOrFile)
}

// loadPolicyIn is loadPolicy with a file's name relative to env.Dir.
func loadPolicyIn(env Env, tr *lang.Printer, nameOrFile string) (*flow.Policy, string, error) {
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
			return nil, "", errors.New(tr.T("%q is not a built-in policy (%s) nor a file", nameOrFile,
				strings.Join(flow.Builtins, ", ")))
		}
		return nil, "", fmt.Errorf("%s: %w", tr.T("cannot read the policy file"), err)
	}
	p, err := flow.ParsePolicy(data, nameOrFile)
	return p, string(data), err
}

// policyErr is an error of loadPolicy as a command prints it: a policy
// file's problems one a line, naming the line and key.
func policyErr(tr *lang.Printer, err error) string {
	var pe *flow.PolicyError
	if errors.As(err, &pe) {
		return err.Error()
	}
	return sayErr(tr, err)
}
