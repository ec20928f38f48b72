import PortalContent
import PortalCore

/// A stage's place in time: its `start` and `end` (a day or a whole month) give the period text
/// and, against the build's day, whether it is done, under way or still to come.
public struct StagePeriod: Sendable, Equatable {
    public var start: SimpleDate
    public var end: SimpleDate
    /// Written as months (`2025-11`), not days.
    public var startIsMonth: Bool
    public var endIsMonth: Bool

    /// `start`/`end` of a stage entry; nil when either is missing.
    public init?(_ fields: [String: DataValue]) {
        guard let startText = fields["start"]?.scalarText, let endText = fields["end"]?.scalarText else { return nil }
        if let day = SimpleDate(parsing: startText) { start = day; startIsMonth = false }
        else if let month = SimpleDate(month: startText) { start = month; startIsMonth = true }
        else { return nil }
        if let day = SimpleDate(parsing: endText) { end = day; endIsMonth = false }
        else if let month = SimpleDate(month: endText) { end = month.endOfMonth; endIsMonth = true }
        else { return nil }
    }

    public enum Status: String, Sendable {
        case done
        case inProgress = "in_progress"
        case planned
    }

    public func status(on today: SimpleDate) -> Status {
        if today > end { return .done }
        if today < start { return .planned }
        return .inProgress
    }

    static let nominativeMonths = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                                   "сентябрь", "октябрь", "ноябрь", "декабрь"]

    /// «ноябрь 2025 г. – апрель 2026 г.», «август – сентябрь 2025 г.», «октябрь 2025 г.»,
    /// «10 ноября – 20 декабря 2025 г.», as the programme writes its periods.
    public var russian: String {
        func month(_ d: SimpleDate) -> String { Self.nominativeMonths[d.month - 1] }
        func day(_ d: SimpleDate) -> String { "\(d.day) \(SimpleDate.genitiveMonthName(d.month))" }
        let sameYear = start.year == end.year
        let from = startIsMonth ? month(start) : day(start)
        let to = endIsMonth ? month(end) : day(end)
        if startIsMonth, endIsMonth, sameYear, start.month == end.month { return "\(from) \(start.year) г." }
        if !startIsMonth, !endIsMonth, start == end { return "\(from) \(start.year) г." }
        if sameYear { return "\(from) – \(to) \(end.year) г." }
        return "\(from) \(start.year) г. – \(to) \(end.year) г."
    }
}

/// Where the programme stands on a day: before its first stage, in one, between two, or after
/// the last.
public enum ProgrammeMoment: Sendable, Equatable {
    case notStarted(first: SimpleDate)
    case stage(index: Int)
    case between(next: Int)
    case finished(last: SimpleDate)
    /// The stages give no dates: only hand-written statuses say where it stands.
    case undated

    public static func of(_ periods: [StagePeriod?], today: SimpleDate) -> ProgrammeMoment {
        let dated = periods.enumerated().compactMap { index, period in period.map { (index, $0) } }
        guard let first = dated.map(\.1.start).min(), let last = dated.map(\.1.end).max() else { return .undated }
        if today < first { return .notStarted(first: first) }
        if today > last { return .finished(last: last) }
        if let current = dated.first(where: { $0.1.status(on: today) == .inProgress }) { return .stage(index: current.0) }
        let next = dated.filter { $0.1.start > today }.min { $0.1.start < $1.1.start }
        return next.map { .between(next: $0.0) } ?? .finished(last: last)
    }
}

extension SimpleDate {
    static func genitiveMonthName(_ month: Int) -> String {
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"][month - 1]
    }
}
