package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

var decideHelp = lang.Key(`Reads one case as JSON on standard input and writes its decision as JSON on
standard output (docs/rules.md, "The decide contract").

  --policy NAME|FILE   a built-in (generic, icenter, citrus) or a store's own
                       policy file; else the input's "policy" field names one
  --lang uk|en         the language of the "explain" lines only (default en)

The input's "claimed" (default: today) is the day the case was opened, on
which the window, the warranty and the refund-by day are judged.

Exit 0 with the decision; exit 2 with a message naming the field or flag when
the input cannot be read: malformed JSON, an unknown field or value, a bad
date, a visit or claim before the sale, an unknown policy or language.

Example:
  echo '{"policy":"citrus","today":"2024-03-15","sale":{"date":"2024-03-01",
    "price":"19999.00","currency":"UAH"},"claim":"return","wants":"refund",
    "till_has_cash":true,"documents":["receipt","warranty_card"],
    "inspection":{"complete_set":true,"packaging_intact":true,
    "labels_intact":true,"seals_intact":true}}' | returnsdesk decide --lang uk`)

// runDecide decides the case on standard input under the policy it or
// --policy names, and writes the decision as JSON, explained in the language
// --lang names (English by default: the contract's).
func runDecide(env Env, args []string) int {
	fs := newFlags("decide")
	policyArg := fs.String("policy", "", "")
	langArg := fs.String("lang", string(lang.EN), "")
	if err := fs.Parse(args); err != nil {
		return flagErr(env, "decide", err)
	}
	l, err := lang.Parse(*langArg)
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk decide: --lang: %v\n", err)
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "returnsdesk decide: unexpected argument %q: the case comes on standard input\n", fs.Arg(0))
		return ExitUsage
	}
	data, err := io.ReadAll(io.LimitReader(env.Stdin, 1<<20+1))
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk decide: cannot read standard input: %v\n", err)
		return ExitUsage
	}
	if len(data) > 1<<20 {
		fmt.Fprintln(env.Stderr, "returnsdesk decide: input: more than 1 MiB: send one case")
		return ExitUsage
	}
	in, err := flow.ParseInput(data, env.Now())
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk decide: %v\n", err)
		return ExitUsage
	}
	name := *policyArg
	switch {
	case name == "" && in.Policy == "":
		fmt.Fprintf(env.Stderr, "returnsdesk decide: policy: name a policy in the input or with --policy (built-in: %s)\n",
			strings.Join(flow.Builtins, ", "))
		return ExitUsage
	case name == "":
		name = in.Policy
	case in.Policy != "" && in.Policy != name:
		fmt.Fprintf(env.Stderr, "returnsdesk decide: policy: the input names %q but --policy names %q\n", in.Policy, name)
		return ExitUsage
	}
	p, _, err := loadPolicy(lang.English(), name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk decide: policy: %v\n", err)
		return ExitUsage
	}
	if in.Policy != "" && *policyArg != "" && p.Name != in.Policy {
		fmt.Fprintf(env.Stderr, "returnsdesk decide: policy: the input names %q but the file is policy %q\n", in.Policy, p.Name)
		return ExitUsage
	}
	d, err := flow.DecideIn(lang.For(l), &in.Case, p, in.Today.Time())
	if err != nil {
		fmt.Fprintf(env.Stderr, "returnsdesk decide: %v\n", err)
		return ExitUsage
	}
	out, _ := json.MarshalIndent(d, "", "  ")
	fmt.Fprintf(env.Stdout, "%s\n", out)
	return ExitOK
}
