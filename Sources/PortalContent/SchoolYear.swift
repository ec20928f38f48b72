import PortalCore

/// A school year, September to August, named as the school names it: `2025/2026`.
public struct SchoolYear: Sendable, Hashable, Comparable {
    public var startYear: Int
    public init(startYear: Int) { self.startYear = startYear }
    public init(containing date: SimpleDate) { startYear = date.schoolYearStart }
    /// `2025/2026` or `2025-2026`.
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "–" })
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), b == a + 1 else { return nil }
        startYear = a
    }
    public var name: String { "\(startYear)/\(startYear + 1)" }
    /// For URLs: `2025-2026`.
    public var slug: String { "\(startYear)-\(startYear + 1)" }
    public var first: SimpleDate { SimpleDate(year: startYear, month: 9, day: 1)! }
    public var last: SimpleDate { SimpleDate(year: startYear + 1, month: 8, day: 31)! }
    public static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}
