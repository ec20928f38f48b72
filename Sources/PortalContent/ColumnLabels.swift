/// How a spreadsheet's columns may be headed: besides the key itself, by one of its labels
/// (ФИО, Должность, Стаж…), in any case and with «е» for «ё». A label naming several keys means
/// the one the file has. The labels of the keys every entry may have (`draft`, `publish_date`,
/// `expiry_date`) are here; a data model gives those of its own keys.
public struct ColumnLabels: Sendable {
    public let labels: [String: [String]]

    /// `labels`: the model's keys and their labels, lower case, the first the one shown.
    public init(_ labels: [String: [String]]) {
        self.labels = labels.merging(Self.publishing) { own, _ in own }
    }

    /// The keys `RecordSchema.withPublishingDates` adds to every file.
    static let publishing: [String: [String]] = [
        "draft": ["черновик"],
        "publish_date": ["дата публикации"],
        "expiry_date": ["снять с публикации"],
    ]

    static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "ё", with: "е")
    }

    /// The key a column header names among `keys` (the file's schema), or nil.
    public func key(forHeader header: String, among keys: [String]) -> String? {
        let wanted = Self.normalized(header)
        if let exact = keys.first(where: { $0.lowercased() == wanted }) { return exact }
        return keys.first { key in (labels[key] ?? []).contains(wanted) }
    }

    /// How a teacher reads the key: its first label, or the key.
    public func label(_ key: String) -> String {
        guard let first = labels[key]?.first else { return key }
        return first.prefix(1).uppercased() + first.dropFirst()
    }
}
