import PortalContent
import PortalCore

/// The programme's data files and what each entry holds. The key names are a contract shared
/// with other tools (the benchmark generator among them): add optional keys, never rename.
public enum DataSchemas {
    public static let all: [String: FileSchema] = [
        "stages": FileSchema(idKey: "slug", record: RecordSchema([
            Field("number", .wholeNumber, unique: true),
            Field("slug", .text, unique: true),
            Field("title", .text),
            .optional("goal", .text),
            Field("lists", .list(.record(RecordSchema([
                .optional("heading", .text),
                Field("items", .list(.text)),
            ])))),
            .optional("result", .text),
            // The stage's bounds; its period text and status follow from them and the build's day.
            .optional("start", .dateOrMonth),
            .optional("end", .dateOrMonth),
            .optional("period", .text),
            .optional("status", .oneOf(["done", "in_progress", "planned"])),
            .optional("description", .markdown),
        ])),
        "forms": FileSchema(idKey: "id", record: RecordSchema([
            Field("id", .text, unique: true),
            Field("title", .text),
            Field("mentor", .text),
            Field("mentee", .text),
            Field("goals", .list(.text)),
            .optional("description", .markdown),
            // Where to apply for this form (a Yandex or Google Form); the contacts page when absent.
            .optional("apply_url", .text),
        ])),
        "mentors": FileSchema(idKey: "id", record: RecordSchema([
            Field("id", .text, unique: true),
            Field("name", .text),
            Field("position", .text),
            Field("category", .text),
            Field("forms", .list(.reference("forms"))),
            Field("subjects", .list(.text)),
            Field("experience_years", .wholeNumber),
            Field("competencies", .list(.text)),
            Field("about", .markdown),
            .optional("photo", .path),
            .optional("photo_alt", .text),
            Field("consent", .flag),
            // The signed consent to publication (152-ФЗ): when, which document, and when withdrawn.
            .optional("consent_date", .date),
            .optional("consent_document", .text),
            .optional("consent_withdrawn", .date),
        ])),
        "mentees": FileSchema(idKey: nil, record: RecordSchema([
            Field("category", .text),
            Field("request", .text),
            Field("form", .reference("forms")),
            Field("count", .wholeNumber),
        ], forbidden: personalDataKey)),
        "pairs": FileSchema(idKey: "id", record: RecordSchema([
            Field("id", .text, unique: true),
            Field("form", .reference("forms")),
            Field("mentors", .list(.reference("mentors"))),
            Field("mentee", .text),
            Field("goals", .list(.text)),
            Field("start", .date),
            .optional("end", .date),
            Field("status", .oneOf(["active", "completed"])),
        ])),
        "cases": FileSchema(idKey: "id", record: RecordSchema([
            Field("id", .text, unique: true),
            Field("title", .text),
            Field("year", .wholeNumber),
            Field("form", .reference("forms")),
            Field("mentors", .list(.reference("mentors"))),
            .optional("pair", .reference("pairs")),
            Field("summary", .text),
            Field("result", .markdown),
            .optional("award", .text),
            .optional("cover", .path),
            .optional("cover_alt", .text),
        ])),
        "documents": FileSchema(idKey: nil, record: RecordSchema([
            Field("title", .text),
            Field("kind", .text),
            Field("number", .text),
            Field("date", .date),
            Field("file", .path),
            .optional("description", .text),
        ])),
        "monitoring": FileSchema(idKey: "year", record: RecordSchema([
            Field("year", .text, unique: true),
            Field("mentors", .wholeNumber),
            Field("mentees", .wholeNumber),
            // By form; counted from pairs.yml when absent, checked against it when typed.
            .optional("pairs", .table(.wholeNumber)),
            Field("scores", .list(.record(RecordSchema([
                Field("indicator", .text),
                Field("value", .number),
                Field("max", .number),
            ])))),
        ])),
    ]

    /// The order in which files are resolved: a file comes after those it refers to.
    public static let resolutionOrder = ["forms", "stages", "mentors", "mentees", "pairs", "cases", "documents", "monitoring"]

    /// Keys that would put a child's or a colleague's personal data on a public site.
    static let personalKeyFragments = [
        "name", "fio", "фио", "имя", "фамилия", "отчество", "surname", "email", "e-mail", "mail", "почта",
        "phone", "телефон", "birth", "рожд", "address", "адрес", "snils", "снилс", "passport", "паспорт",
        "photo", "фото",
    ]

    @Sendable static func personalDataKey(_ key: String) -> Message? {
        let lower = key.lowercased()
        guard personalKeyFragments.contains(where: { lower.contains($0) }) else { return nil }
        return .menteePersonalData(key: key)
    }
}
