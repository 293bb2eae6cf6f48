package store

import (
	"errors"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/flow/lang"
)

// TestDeactivate: a shift lead deactivates a cashier, who can no longer log
// in (in words of both languages) while their cases and trail stay; a lead
// cannot deactivate their own account nor the last active lead; Reactivate
// lets the cashier in again; the file passes check.
func TestDeactivate(t *testing.T) {
	s, _ := openTest(t)
	closeAndCheck(t, s)
	must(t, s.AddStaff("Maria", flow.RoleLead, "123456", "setup"))
	must(t, s.AddStaff("Petro", flow.RoleLead, "654321", "Maria"))
	must(t, s.AddStaff("Olena", flow.RoleCashier, "5678", "Maria"))
	must2(s.Login("Olena", "5678", t0))
	c := newCase(t0, "Olena", "R-1001", "356938035643809")
	must(t, s.SaveCase(c, Event{Staff: "Olena", Step: "sale", Time: t0}))

	if err := s.Deactivate("Olena", "Olena"); !errors.Is(err, ErrNotLead) {
		t.Errorf("a cashier deactivating: %v", err)
	}
	if err := s.Deactivate("Maria", "Maria"); flow.Message(err) !=
		"a shift lead cannot deactivate their own account: another shift lead can" {
		t.Errorf("a lead deactivating their own account: %v", err)
	}
	must(t, s.Deactivate("olena", "Maria"))
	m := staffOf(t, s, "Olena")
	if m.Active() || m.DeactivatedBy != "Maria" {
		t.Errorf("deactivated, the account reads %+v", m)
	}
	if err := s.Deactivate("Olena", "Maria"); flow.Message(err) != "Olena's account is deactivated already" {
		t.Errorf("deactivated twice: %v", err)
	}
	_, err := s.Login("Olena", "5678", t0)
	if !errors.Is(err, ErrDeactivated) ||
		flow.Message(err) != "Olena's account is deactivated: a shift lead can reactivate it" {
		t.Errorf("a deactivated account logging in: %v", err)
	}
	if uk := flow.MessageIn(lang.For(lang.UK), err); uk !=
		"обліковий запис Olena вимкнено: увімкнути його знову може старший зміни" {
		t.Errorf("in Ukrainian: %q", uk)
	}
	if got, err := s.Case(c.ID); err != nil || got.ID != c.ID {
		t.Errorf("the deactivated cashier's case: %v %v", got, err)
	}
	evs, err := s.Events(0, 100)
	must(t, err)
	words := map[string]bool{}
	for _, e := range evs {
		if e.Words != nil {
			words[e.Staff+": "+e.Words.English()] = true
		}
	}
	if !words["Olena: logged in"] || !words["Maria: deactivated Olena"] {
		t.Errorf("the trail: %v", words)
	}

	// a deactivated lead cannot act; a lead reactivated can
	must(t, s.Deactivate("Petro", "Maria"))
	if err := s.Deactivate("Maria", "Petro"); !errors.Is(err, ErrNotLead) {
		t.Errorf("a deactivated lead deactivating: %v", err)
	}
	if err := s.Unlock("Olena", "Petro"); !errors.Is(err, ErrNotLead) {
		t.Errorf("a deactivated lead unlocking: %v", err)
	}
	if err := s.SetPIN("Olena", "2468", "Petro"); !errors.Is(err, ErrNotLead) {
		t.Errorf("a deactivated lead giving a new PIN: %v", err)
	}
	if err := s.SetPIN("Maria", "246802", "Olena"); !errors.Is(err, ErrNotLead) {
		t.Errorf("a cashier giving a new PIN: %v", err)
	}
	must(t, s.Reactivate("Petro", "Maria"))
	must(t, s.Deactivate("Maria", "Petro"))
	must(t, s.Reactivate("Maria", "Petro"))

	must(t, s.Reactivate("Olena", "Maria"))
	if err := s.Reactivate("Olena", "Maria"); flow.Message(err) != "Olena's account is active already" {
		t.Errorf("reactivated twice: %v", err)
	}
	must2(s.Login("Olena", "5678", t0))
}
