// Package printout keeps and prints a case's documents: it numbers a
// paper.Doc in the store (store.KeepAct), writes its files whole into the
// data folder's acts/ (the text at the store's receipt width, and the PDF),
// puts their hashes on the case and the trail, and sends the one the
// printer takes to the print command. A reprint prints the kept files
// again, after checking they are the ones kept. The kiosk and the desk both
// use it; it links no terminal package.
package printout

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
	"example.com/returnsdesk/store/atomicfile"
	"example.com/returnsdesk/ui/paper"
)

// FileWidth is the text form's width where the store prints on A4 (its
// receipt width 0): the text file is kept beside the PDF, for a person to
// read on screen.
const FileWidth = 72

// Keeper keeps the documents of one terminal.
type Keeper struct {
	Store *store.Store
	Dir   string // the data folder's acts/
	// Width is the receipt printer's columns (42 or 48): the text form is
	// what is printed. 0 is an A4 printer: the PDF is printed, and the text
	// kept FileWidth wide.
	Width   int
	Command string                           // the print command; "" prints nothing
	Print   func(command, file string) error // runs it on a file
}

// Kept is a document kept, and where it went.
type Kept struct {
	Act      store.Act
	Files    []string // its files' paths, the printed one first
	Printed  bool     // sent to the printer
	PrintErr error    // the print command failed: the files are there to print by hand
}

// File is the path of the file printed (or to print by hand).
func (k Kept) File() string {
	if len(k.Files) == 0 {
		return ""
	}
	return k.Files[0]
}

// Name is the base name of document n of a case: CASE-N, or, for the slip
// of payment p, CASE-payout-P (as slips were named before they were
// numbered).
func Name(caseID string, n uint64, payment int) string {
	if payment > 0 {
		return fmt.Sprintf("%s-payout-%d", caseID, payment)
	}
	return fmt.Sprintf("%s-%d", caseID, n)
}

// Keep numbers a new document of kind for a case, writes doc(n) (the
// document with its number) as files, keeps it, and prints it. payment is
// a payout slip's payment number, 0 for an act. Nothing is kept, and no
// number used, when a file cannot be written.
func (k Keeper) Keep(caseID string, kind flow.ActKind, payment int, by string, now time.Time,
	doc func(n uint64) paper.Doc) (Kept, error) {
	var paths []string
	act, err := k.Store.KeepAct(caseID, kind, payment, by, now, func(n uint64) ([]store.ActFile, error) {
		files, p, err := k.write(Name(caseID, n, payment), doc(n))
		paths = p
		return files, err
	})
	if err != nil {
		return Kept{}, err
	}
	out := Kept{Act: act, Files: paths}
	out.print(k)
	return out, nil
}

// write writes a document's files whole (a number of a failed keep is
// used again, so its files are replaced), the printed one first.
func (k Keeper) write(base string, d paper.Doc) ([]store.ActFile, []string, error) {
	width := k.Width
	if width == 0 {
		width = FileWidth
	}
	type form struct {
		ext  string
		body []byte
	}
	forms := []form{{".txt", []byte(d.Text(width))}}
	if k.Width == 0 { // an A4 printer prints the PDF; the text is kept beside it
		pdf, err := d.PDF()
		if err != nil {
			return nil, nil, err
		}
		forms = append([]form{{".pdf", pdf}}, forms...)
	}
	var files []store.ActFile
	var paths []string
	for _, f := range forms {
		path := filepath.Join(k.Dir, base+f.ext)
		if err := atomicfile.WriteFile(path, f.body); err != nil {
			return nil, nil, err
		}
		files = append(files, store.FileOf(filepath.Base(path), f.body))
		paths = append(paths, path)
	}
	return files, paths, nil
}

func (out *Kept) print(k Keeper) {
	if k.Command == "" || k.Print == nil || out.File() == "" {
		return
	}
	out.PrintErr = k.Print(k.Command, out.File())
	out.Printed = out.PrintErr == nil
}

// Reprint prints a kept act again, after checking that each of its files
// is the one kept; the reprint is on the trail.
func (k Keeper) Reprint(caseID string, act store.Act, by string, now time.Time) (Kept, error) {
	out := Kept{Act: act}
	for _, f := range act.Files {
		path := filepath.Join(k.Dir, f.Name)
		b, err := os.ReadFile(path)
		if err != nil {
			return out, flow.Errorf(flow.ENotFound, "the file %s of act No. %d is missing", f.Name, act.N).Wrap(err)
		}
		if !f.Matches(b) {
			return out, flow.Errorf(flow.EConflict,
				"the file %s is not the act No. %d kept: it was changed after it was written", f.Name, act.N)
		}
		out.Files = append(out.Files, path)
	}
	out.print(k)
	if out.PrintErr != nil {
		return out, nil
	}
	return out, k.Store.Reprinted(caseID, act.N, by, now)
}
