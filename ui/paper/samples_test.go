package paper_test

import "example.com/returnsdesk/ui/paper"

// The sample documents: a return act refused on a failed check, with a long
// value, amounts (held by their no-break spaces), small print and two
// signers, in Ukrainian (with Ґ Є І Ї № «») and in English.

func sampleUK() paper.Doc {
	d := paper.Doc{Title: "АКТ ПОВЕРНЕННЯ ТОВАРУ", Number: "№ 17"}
	d.Add("",
		paper.Row("Магазин", "ТОВ «Ґаджет-Їжак», м. Київ, вул. Євгена Коновальця, 36"),
		paper.Row("Номер звернення", "01JD4Z8Q6X2K9M3N5P7R1T0VWY"),
		paper.Row("Відкрито", "21.11.2026 14:05, касир Ірина Єфименко"),
		paper.Row("Правила", "Загальні правила магазину (generic)"),
	)
	d.Add("ПРОДАЖ",
		paper.Row("Чек", "№ 000417 від 03.11.2026"),
		paper.Row("Модель", "Кавоварка DeLonghi «Magnifica S» ECAM 22.110.B"),
		paper.Row("Серійний №/IMEI", "SN 2231-0045-ҐЄІЇ"),
		paper.Row("Ціна", "19\u00a0999,00\u00a0грн, спосіб оплати: картка"),
	)
	d.Add("ПЕРЕВІРКА ТОВАРУ",
		paper.Item{Label: "Пломби й наліпки цілі", Value: "ні: пломбу на корпусі зірвано", Failed: true},
		paper.Item{Label: "Чек", Value: "не знайдено в касі", Failed: true},
		paper.Item{Value: "п. 3.2 Правил: пломба виробника", Small: true},
		paper.Row("Комплект повний", "так"),
		paper.Row("Слідів використання немає", "так"),
	)
	d.Add("РІШЕННЯ",
		paper.Row("Рішення", "ВІДМОВА"),
		paper.Row("Сума повернення", "0,00\u00a0грн із 19\u00a0999,00\u00a0грн"),
		paper.Text("Покупець може звернутися до сервісного центру для гарантійного ремонту або подати скаргу до Держпродспоживслужби; гарантія діє до 03.11.2028."),
		paper.Row("Статус", "відмовлено"),
	)
	d.Signatures = []string{"Покупець", "Касир (Ірина Єфименко)"}
	d.Small = []string{"Пункти правил: 3.2, 4.1. Закон України «Про захист прав споживачів», ст. 8."}
	return d
}

func sampleEN() paper.Doc {
	d := paper.Doc{Title: "RETURN ACT", Number: "No. 17"}
	d.Add("",
		paper.Row("Store", "Gadget Hedgehog LLC, 36 Yevhena Konovaltsia St, Kyiv"),
		paper.Row("Case", "01JD4Z8Q6X2K9M3N5P7R1T0VWY"),
		paper.Row("Opened", "21.11.2026 14:05 by cashier Iryna Yefymenko"),
		paper.Row("Policy", "The store's general policy (generic)"),
	)
	d.Add("SALE",
		paper.Row("Receipt", "No. 000417 of 03.11.2026"),
		paper.Row("Model", "DeLonghi \"Magnifica S\" ECAM 22.110.B coffee machine"),
		paper.Row("Serial/IMEI", "SN 2231-0045"),
		paper.Row("Price", "UAH\u00a019,999.00, paid by card"),
	)
	d.Add("CHECKS",
		paper.Item{Label: "Seals and stickers intact", Value: "no: the seal on the case is broken", Failed: true},
		paper.Item{Label: "Receipt", Value: "not found at the till", Failed: true},
		paper.Item{Value: "clause 3.2: the maker's seal", Small: true},
		paper.Row("Complete set", "yes"),
		paper.Row("No signs of use", "yes"),
	)
	d.Add("DECISION",
		paper.Row("Outcome", "REJECTED"),
		paper.Row("Amount", "UAH\u00a00.00 of UAH\u00a019,999.00"),
		paper.Text("The customer may take the item to the service centre for a warranty repair or complain to the State Consumer Protection Service; the warranty lasts until 03.11.2028."),
		paper.Row("Status", "rejected"),
	)
	d.Signatures = []string{"Customer", "Cashier (Iryna Yefymenko)"}
	d.Small = []string{"Clauses: 3.2, 4.1. Law of Ukraine \"On Consumer Protection\", art. 8."}
	return d
}
