#if canImport(Glibc)
import Glibc
#endif

/// A calendar date without time or zone (`2025-09-01`), as teachers write dates. Keeping it
/// free of `Date` and time zones makes builds the same on every machine.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= SimpleDate.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time (`2025-09-01T10:00:00`), which is ignored.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: [" "])
        let datePart = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " || $0 == "t" }).first.map(String.init) ?? ""
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in the machine's time zone (the school's CI runs with the current date).
    public static var today: SimpleDate {
        #if canImport(Glibc)
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return SimpleDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
        #else
        return SimpleDate(year: 2026, month: 1, day: 1)!
        #endif
    }

    public var iso: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public var description: String { iso }

    static let genitiveMonths = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                                 "августа", "сентября", "октября", "ноября", "декабря"]

    /// «3 января 2024 г.»
    public var russian: String { "\(day) \(SimpleDate.genitiveMonths[month - 1]) \(year) г." }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension SimpleDate {
    /// The first day of a month written `YYYY-MM` (`2025-11`), or nil.
    public init?(month text: String) {
        let parts = text.trimmingCharacters(in: [" "]).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m, day: 1)
    }

    /// The last day of this date's month.
    public var endOfMonth: SimpleDate {
        SimpleDate(year: year, month: month, day: SimpleDate.days(inMonth: month, year: year))!
    }

    /// The school year this day falls in, by the year it starts (September to August).
    public var schoolYearStart: Int { month >= 9 ? year : year - 1 }
}
