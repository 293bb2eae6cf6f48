package cli

import (
	"os"
	"path/filepath"
	"testing"

	"example.com/returnsdesk/flow"
	"example.com/returnsdesk/store"
)

// TestSalesImportDialects: `sales import` reads a file as a Ukrainian
// spreadsheet saves it (a byte order mark, ";", DD.MM.YYYY, 19999,00) and
// one in RFC 4180 as before; a bad cell of the first names its line and
// column, and nothing of that file is imported.
func TestSalesImportDialects(t *testing.T) {
	dir, files := tillsStore(t), t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(files, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	uk := write("pos-uk.csv", "\ufeffreceipt;date;model;price;serial\r\n"+
		"R-77;01.03.2024;Смартфон Galaxy A55;19999,00;SN-77\r\nR-78;02.03.2024;\"Pixel 8; 128 ГБ\";25999,50;\r\n")
	rfc := write("pos.csv", "receipt,date,model,price,serial\nR-79,2024-03-03,Galaxy A35,12999.00,SN-79\n")
	bad := write("bad-uk.csv", "\ufeffreceipt;date;model;price\nR-80;03.03.2024;Pixel 8;1,00\nR-81;04.03.2024;Pixel 8;1,0,0\n")
	for file, want := range map[string]string{uk: "imported 2 sales from " + uk + "\n",
		rfc: "imported 1 sale from " + rfc + "\n"} {
		if code, out, errs := run(t, "", "sales", "import", "--data", dir, file); code != ExitOK || out != want {
			t.Errorf("%s: exit %d %q %q", file, code, out, errs)
		}
	}
	code, out, errs := run(t, "", "sales", "import", "--data", dir, bad)
	if want := "returnsdesk sales import: " + bad + `: line 3: price: "1,0,0": write thousands with a space (19 999,00) ` +
		"(nothing imported)\n"; code != ExitFail || out != "" || errs != want {
		t.Errorf("a bad cell: exit %d %q %q, want %q", code, out, errs, want)
	}

	// in Ukrainian: the line, the column and what is wrong with the cell
	_, _, errs = run(t, "", "--lang", "uk", "sales", "import", "--data", dir, bad)
	if want := "returnsdesk sales import: " + bad + `: рядок 3: price: "1,0,0": тисячі відокремлюйте пробілом (19 999,00) ` +
		"(нічого не імпортовано)\n"; errs != want {
		t.Errorf("a bad cell in Ukrainian: %q, want %q", errs, want)
	}

	st, err := store.Open(storeFile(dir), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for query, want := range map[string]flow.Sale{
		"SN-77": {Receipt: "R-77", Model: "Смартфон Galaxy A55", Date: flow.Date{Year: 2024, Month: 3, Day: 1}},
		"R-78":  {Receipt: "R-78", Model: "Pixel 8; 128 ГБ", Date: flow.Date{Year: 2024, Month: 3, Day: 2}},
		"SN-79": {Receipt: "R-79", Model: "Galaxy A35", Date: flow.Date{Year: 2024, Month: 3, Day: 3}},
	} {
		sales, err := st.LookupSales(query)
		if err != nil || len(sales) != 1 || sales[0].Receipt != want.Receipt || sales[0].Model != want.Model ||
			sales[0].Date != want.Date {
			t.Errorf("%s: %+v %v", query, sales, err)
		}
	}
	if sales, _ := st.LookupSales("R-78"); len(sales) == 1 && sales[0].Price.Minor != 2599950 {
		t.Errorf("R-78's price: %v", sales[0].Price)
	}
	if sales, _ := st.LookupSales("R-80"); len(sales) != 0 {
		t.Errorf("a row of the bad file was imported: %+v", sales)
	}
}
