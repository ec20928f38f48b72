// The catalogue of messages: data files (YAML, CSV, XLSX), their schemas, references and
// consent. Each message once, in both languages, with a stable id (see docs/architecture.md,
// "How to add a message").

extension Message {
    public static func dataDuplicateName(name: String, first: String) -> Message {
        Message("data.duplicate-name", ["name": name, "first": first],
                en: "a second data file named \"\(name)\" (the first is \(first))",
                ru: "второй файл данных с именем «\(name)» (первый — \(first))")
    }

    public static func dataEntryNotKeys(key: String) -> Message {
        Message("data.entry-not-keys", ["key": key],
                en: "\(key): each entry must be a set of keys",
                ru: "\(key): каждая запись должна быть набором ключей")
    }

    public static func dataValueNotUnique(key: String, value: String, first: SourceLocation) -> Message {
        Message("data.value-not-unique", ["key": key, "value": value, "first": first],
                en: "\(key): \"\(value)\" is already used at \(first)",
                ru: "\(key): значение «\(value)» уже использовано в \(first)")
    }

    public static func dataFileMissing(key: String, file: String) -> Message {
        Message("data.file-missing", ["key": key, "file": file],
                en: "\(key): the file Content/\(file) does not exist",
                ru: "\(key): файла Content/\(file) нет")
    }

    public static func dataPhotoAltMissing(key: String) -> Message {
        Message("data.photo-alt-missing", ["key": key],
                en: "\(key).photo: a photo needs a description for people who cannot see it: add photo_alt",
                ru: "\(key).photo: у фотографии должно быть текстовое описание для незрячих: добавьте photo_alt")
    }

    public static func dataCoverAltMissing(key: String) -> Message {
        Message("data.cover-alt-missing", ["key": key],
                en: "\(key).cover: a photo needs a description for people who cannot see it: add cover_alt",
                ru: "\(key).cover: у фотографии должно быть текстовое описание для незрячих: добавьте cover_alt")
    }

    public static func dataDangerousLink(key: String, link: String, scheme: String) -> Message {
        Message("data.dangerous-link", ["key": key, "link": link, "scheme": scheme],
                en: "\(key): the link \(link) is removed: \(scheme): links can run code or open files on the reader's computer; link to a page or a web address (https://…)",
                ru: "\(key): ссылка \(link) удаляется: ссылки \(scheme): могут запускать код или открывать файлы на компьютере читателя; дайте ссылку на страницу или адрес в интернете (https://…)")
    }

    public static func dataRawHTML(key: String, html: String) -> Message {
        Message("data.raw-html", ["key": key, "html": html],
                en: "\(key): the HTML \(html) is left out (unsafe_html is off in site.yml); write it in Markdown instead",
                ru: "\(key): HTML-код \(html) не попадает на сайт (unsafe_html выключен в site.yml); запишите это средствами Markdown")
    }

    public static func dataReferenceFileMissing(key: String, id: String, target: String) -> Message {
        Message("data.reference-file-missing", ["key": key, "id": id, "target": target],
                en: "\(key): \"\(id)\" refers to Content/data/\(target).yml, which does not exist",
                ru: "\(key): «\(id)» ссылается на Content/data/\(target).yml, а такого файла нет")
    }

    public static func dataPathOutsideContent(key: String, path: String) -> Message {
        Message("data.path-outside-content", ["key": key, "path": path],
                en: "\(key): \"\(path)\" must be a path inside Content/ (no .., no leading /)",
                ru: "\(key): «\(path)» должен быть путём внутри папки Content/ (без .. и без / в начале)")
    }

    public static func menteePersonalData(key: String) -> Message {
        Message("data.mentee-personal-data", ["key": key],
                en: "personal data (\"\(key)\") is not allowed in mentees.yml: the mentee bank is published, so it holds only anonymous requests (category, request, form, count); keep names and contacts in the school's internal records",
                ru: "персональные данные («\(key)») нельзя указывать в mentees.yml: банк наставляемых публикуется на сайте, поэтому в нём только обезличенные запросы (category, request, form, count); имена и контакты храните во внутренних документах гимназии")
    }

    public static func consentWithdrawn(name: String, date: SimpleDate) -> Message {
        Message("data.consent-withdrawn", ["name": name, "date": date],
                en: "\"\(name)\" withdrew consent to the processing of personal data on \(date.iso), so they are not published; delete this entry (and its photo) from the repository",
                ru: "«\(name)» отозвал(а) согласие на обработку персональных данных \(date.russian), поэтому сведения не публикуются; удалите эту запись (и фотографию) из репозитория")
    }

    public static func consentMissingInSpreadsheet(name: String) -> Message {
        Message("data.consent-missing-in-spreadsheet", ["name": name],
                en: "mentor \"\(name)\" has no «да» in the column «Согласие» (consent to the processing of personal data), so the mentor is not published",
                ru: "у наставника «\(name)» в столбце «Согласие» не стоит «да» (согласие на обработку персональных данных), поэтому он не публикуется")
    }

    public static func consentMissing(name: String) -> Message {
        Message("data.consent-missing", ["name": name],
                en: "mentor \"\(name)\" has no consent: true (consent to the processing of personal data), so the mentor is not published",
                ru: "у наставника «\(name)» нет consent: true (согласия на обработку персональных данных), поэтому он не публикуется")
    }

    public static var spreadsheetNotUTF8: Message {
        Message("data.csv-not-utf8",
                en: "the file is not in UTF-8: save it as \"CSV UTF-8\"",
                ru: "файл не в кодировке UTF-8: сохраните его как «CSV UTF-8 (разделитель — запятая)»")
    }

    public static func spreadsheetUnreadable(reason: String) -> Message {
        Message("data.csv-unreadable", ["reason": reason],
                en: "cannot read the file: \(reason)",
                ru: "не удаётся прочитать файл: \(reason)")
    }

    public static func spreadsheetInvalidCSV(error: String) -> Message {
        Message("data.csv-invalid", ["error": error],
                en: "not a valid CSV table (\(error)): check the quotes",
                ru: "таблица CSV повреждена (\(error)): проверьте кавычки")
    }

    public static func spreadsheetUnknownColumn(column: String, allowed: String) -> Message {
        Message("data.unknown-column", ["column": column, "allowed": allowed],
                en: "the column \"\(column)\" is not a key of this file; allowed columns: \(allowed)",
                ru: "столбец «\(column)» не относится к этому файлу; допустимые столбцы: \(allowed)")
    }

    public static func spreadsheetRepeatedColumn(column: String, key: String, first: SourceLocation) -> Message {
        Message("data.repeated-column", ["column": column, "key": key, "first": first],
                en: "the column \"\(column)\" repeats \(key), already given at \(first)",
                ru: "столбец «\(column)» повторяет \(key), который уже есть в \(first)")
    }

    public static func spreadsheetNestedColumn(key: String) -> Message {
        Message("data.nested-column", ["key": key],
                en: "\(key) holds nested keys and cannot be given in a spreadsheet column: keep this file in YAML",
                ru: "\(key) содержит вложенные ключи, их нельзя задать столбцом таблицы: ведите этот файл в YAML")
    }

    public static func dataNotAList(found: Message) -> Message {
        Message("data.not-a-list", ["found": found.id],
                en: "a data file must be a list of entries (each starting with \"- \"), found \(found.english)",
                ru: "файл данных должен быть списком записей (каждая начинается с «- »), а указано: \(found.russian)")
    }

    /// `closest`: the known id nearest to `id`, when one is near.
    public static func dataUnknownReference(key: String, id: String, file: String, closest: String?) -> Message {
        Message("data.unknown-reference", ["key": key, "id": id, "file": file, "closest": closest ?? ""],
                en: "\(key): there is no \"\(id)\" in \(file)\(closest.map { " (did you mean \"\($0)\"?)" } ?? "")",
                ru: "\(key): в \(file) нет записи «\(id)»\(closest.map { " (может быть, «\($0)»?)" } ?? "")")
    }

    /// `closest`: the allowed key nearest to the one written, when one is near.
    public static func dataUnknownKey(key: String, closest: String?, allowed: [String]) -> Message {
        let list = allowed.joined(separator: ", ")
        return Message("data.unknown-key", ["key": key, "closest": closest ?? "", "allowed": list],
                       en: "\(key): unknown key\(closest.map { " (did you mean \"\($0)\"?)" } ?? ""); allowed keys: \(list)",
                       ru: "\(key): неизвестный ключ\(closest.map { " (может быть, «\($0)»?)" } ?? ""); допустимые ключи: \(list)")
    }

    public static func dataRequiredKeyMissing(key: String, expected: Message) -> Message {
        Message("data.required-key-missing", ["key": key, "expected": expected.id],
                en: "\(key): required key is missing (expected \(expected.english))",
                ru: "\(key): не указан обязательный ключ (ожидается \(expected.russian))")
    }

    /// `colonInText`: the value is a set of keys where text was expected, most likely a colon
    /// and a space inside unquoted text.
    public static func dataWrongType(key: String, expected: Message, found: Message, colonInText: Bool) -> Message {
        Message("data.wrong-type", ["key": key, "expected": expected.id, "found": found.id],
                en: "\(key): expected \(expected.english), found \(found.english)"
                    + (colonInText ? " (a colon followed by a space inside text starts a new key: put the whole text in quotes)" : ""),
                ru: "\(key): ожидается \(expected.russian), а указано: \(found.russian)"
                    + (colonInText ? " (двоеточие с пробелом внутри текста начинает новый ключ: возьмите весь текст в кавычки)" : ""))
    }

    // MARK: Excel workbooks

    public static func workbookUnreadable(_ reason: Message) -> Message {
        Message("data.workbook-unreadable", wrapping: reason,
                en: "cannot read the workbook: \(reason.english); save it again as an Excel workbook (.xlsx)",
                ru: "не удаётся прочитать книгу Excel: \(reason.russian); сохраните её заново в формате .xlsx")
    }

    public static var workbookNotZip: Message {
        Message("data.workbook-not-zip", en: "it is not a ZIP container", ru: "это не ZIP-архив")
    }

    public static func workbookPartDamaged(part: String) -> Message {
        Message("data.workbook-part-damaged", ["part": part], en: "the part \(part) is damaged", ru: "часть \(part) повреждена")
    }

    public static func workbookPartNotXML(part: String, error: String) -> Message {
        Message("data.workbook-part-not-xml", ["part": part, "error": error],
                en: "the part \(part) is not valid XML (\(error))", ru: "часть \(part) — не корректный XML")
    }

    public static var workbookNoSheet: Message {
        Message("data.workbook-no-sheet", en: "it has no sheet", ru: "в ней нет листа")
    }

    public static func workbookMissingSharedString(cell: String) -> Message {
        Message("data.workbook-missing-shared-string", ["cell": cell],
                en: "cell \(cell) names a missing shared string", ru: "ячейка \(cell) ссылается на отсутствующую строку")
    }
}
