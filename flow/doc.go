// Package flow is the returns desk's domain, pure Go: a case and its steps
// (sale, request, documents, inspection, service centre, decision), its
// statuses, a store's policy as data (TOML; three built in), Decide, which
// judges a case against a policy clause by clause, and every rule the store
// and the screens rely on (money, dates, passports, refunds, staff, the
// flags of return fraud, the words for outcomes and statuses). It does no
// I/O and never reads the clock: the day is passed in. See docs/rules.md.
package flow
