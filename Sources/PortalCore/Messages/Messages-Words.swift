// The catalogue of messages: words that other messages are made of (what a value looks like,
// what a key expects). Each has an id like any message, so a test can ask which was said.
// See docs/architecture.md, "How to add a message".

extension Message {
    // MARK: A value as a teacher would recognise it (`found …`)

    public static var valueNothing: Message {
        Message("value.nothing", en: "nothing", ru: "пустое значение")
    }

    /// A text value, cut to 40 characters.
    public static func valueText(_ text: String) -> Message {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return Message("value.text", ["text": text], en: "\"\(shown)\"", ru: "«\(shown)»")
    }

    public static var valueList: Message {
        Message("value.list", en: "a list", ru: "список")
    }

    public static var valueKeys: Message {
        Message("value.keys", en: "a set of keys", ru: "набор ключей")
    }

    // MARK: What a key expects (`expected …`)

    public static var expectText: Message { Message("expect.text", en: "text", ru: "текст") }
    public static var expectWholeNumber: Message { Message("expect.whole-number", en: "a whole number", ru: "целое число") }
    public static var expectNumber: Message { Message("expect.number", en: "a number", ru: "число") }
    public static var expectFlag: Message { Message("expect.flag", en: "true or false", ru: "true или false") }
    public static var expectDate: Message { Message("expect.date", en: "a date like 2025-09-01", ru: "дата вида 2025-09-01") }

    public static var expectDateOrMonth: Message {
        Message("expect.date-or-month", en: "a date like 2025-09-01 or a month like 2025-09",
                ru: "дата вида 2025-09-01 или месяц вида 2025-09")
    }

    public static func expectOneOf(_ values: [String]) -> Message {
        let list = values.joined(separator: ", ")
        return Message("expect.one-of", ["values": list], en: "one of " + list, ru: "одно из значений: " + list)
    }

    public static var expectList: Message { Message("expect.list", en: "a list", ru: "список") }
    public static var expectKeys: Message { Message("expect.keys", en: "a set of keys", ru: "набор ключей") }

    public static func expectReference(file: String) -> Message {
        Message("expect.reference", ["file": file], en: "an id from \(file).yml", ru: "идентификатор из \(file).yml")
    }

    public static var expectPath: Message {
        Message("expect.path", en: "a file path under Content/", ru: "путь к файлу внутри Content/")
    }

    public static var expectValue: Message { Message("expect.value", en: "a value", ru: "значение") }

    // In a spreadsheet's cell, where dates are written as Excel and LibreOffice show them.

    public static var expectCellFlag: Message { Message("expect.cell-flag", en: "да or нет", ru: "да или нет") }

    public static var expectCellDate: Message {
        Message("expect.cell-date", en: "a date like 01.09.2025", ru: "дата вида 01.09.2025")
    }

    public static var expectCellDateOrMonth: Message {
        Message("expect.cell-date-or-month", en: "a date like 01.09.2025 or a month like 09.2025",
                ru: "дата вида 01.09.2025 или месяц вида 09.2025")
    }
}
