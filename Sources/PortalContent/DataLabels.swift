/// The Russian names of data keys, as the curator heads a spreadsheet's columns (ФИО,
/// Должность, Стаж…). A column may be headed by the YAML key itself or by one of these, in any
/// case and with «е» for «ё». A label naming several keys means the one the file has.
public enum DataLabels {
    public static let labels: [String: [String]] = [
        "id": ["идентификатор", "код"],
        "name": ["фио", "ф. и. о.", "ф.и.о.", "имя"],
        "position": ["должность"],
        "category": ["категория"],
        "forms": ["формы наставничества", "форма наставничества", "формы"],
        "form": ["форма наставничества", "форма"],
        "subjects": ["предметы", "предмет"],
        "experience_years": ["стаж", "стаж (лет)", "педагогический стаж"],
        "competencies": ["компетенции"],
        "about": ["о наставнике", "о себе"],
        "photo": ["фото", "фотография"],
        "photo_alt": ["описание фото", "описание фотографии"],
        "consent": ["согласие", "согласие на обработку персональных данных"],
        "consent_date": ["дата согласия"],
        "consent_document": ["документ согласия", "согласие (документ)", "реквизиты согласия"],
        "consent_withdrawn": ["согласие отозвано", "дата отзыва согласия"],
        "request": ["запрос"],
        "count": ["количество", "число", "кол-во"],
        "mentee": ["наставляемый", "наставляемые"],
        "mentors": ["наставники", "наставник"],
        "goals": ["цели", "задачи"],
        "start": ["начало", "дата начала"],
        "end": ["окончание", "дата окончания"],
        "status": ["статус"],
        "title": ["название", "заголовок"],
        "year": ["год", "учебный год"],
        "summary": ["кратко", "краткое описание"],
        "result": ["результат"],
        "award": ["награда"],
        "kind": ["вид", "вид документа"],
        "number": ["номер"],
        "date": ["дата"],
        "file": ["файл"],
        "description": ["описание"],
        "apply_url": ["ссылка на заявку", "заявка"],
        "draft": ["черновик"],
        "publish_date": ["дата публикации"],
        "expiry_date": ["снять с публикации"],
    ]

    static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "ё", with: "е")
    }

    /// The key a column header names among `keys` (the file's schema), or nil.
    public static func key(forHeader header: String, among keys: [String]) -> String? {
        let wanted = normalized(header)
        if let exact = keys.first(where: { $0.lowercased() == wanted }) { return exact }
        return keys.first { key in (labels[key] ?? []).contains(wanted) }
    }

    /// How a teacher reads the key: its first Russian label, or the key.
    public static func label(_ key: String) -> String {
        guard let first = labels[key]?.first else { return key }
        return first.prefix(1).uppercased() + first.dropFirst()
    }
}
