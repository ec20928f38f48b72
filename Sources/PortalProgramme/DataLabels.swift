import PortalContent

/// The Russian names of the programme's data keys, as the curator heads a spreadsheet's columns
/// (ФИО, Должность, Стаж…). `ColumnLabels` reads them (and adds those of `draft`,
/// `publish_date`, `expiry_date`).
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
    ]

    public static let columns = ColumnLabels(labels)
}
