import PortalContent
import PortalCore

/// What the data holds, counted: so the figures on the site are the data's, not typed twice.
public struct Figures: Sendable {
    public typealias SchoolYear = PortalContent.SchoolYear

    /// Mentors published today (with consent).
    public var mentors: Int
    /// Mentees waiting in the bank (the sum of the requests' counts).
    public var menteesInBank: Int
    /// Pairs and groups working today.
    public var activePairs: Int
    /// Pairs and groups that worked in each school year, by form.
    public var pairsByYear: [SchoolYear: [String: Int]]
    /// Pairs and groups started and completed in each school year.
    public var startedByYear: [SchoolYear: Int]
    public var completedByYear: [SchoolYear: Int]

    public init(site: Site) {
        let today = site.today
        mentors = site.entries("mentors").count
        menteesInBank = site.entries("mentees").reduce(0) { $0 + ($1.fields["count"]?.int ?? 0) }
        var active = 0
        var byYear: [SchoolYear: [String: Int]] = [:]
        var started: [SchoolYear: Int] = [:]
        var completed: [SchoolYear: Int] = [:]
        for pair in site.entries("pairs") {
            guard let start = pair.fields["start"]?.dateValue, start <= today else { continue }
            let end = pair.fields["end"]?.dateValue
            if end.map({ $0 >= today }) ?? true { active += 1 }
            let form = pair.fields["form"]?.string ?? ""
            let lastDay = min(end ?? today, today)
            for year in SchoolYear(containing: start).startYear...SchoolYear(containing: max(start, lastDay)).startYear {
                byYear[SchoolYear(startYear: year), default: [:]][form, default: 0] += 1
            }
            started[SchoolYear(containing: start), default: 0] += 1
            if let end, end <= today { completed[SchoolYear(containing: end), default: 0] += 1 }
        }
        activePairs = active
        pairsByYear = byYear
        startedByYear = started
        completedByYear = completed
    }

    /// The school years the pairs cover.
    public var coveredYears: [SchoolYear] { pairsByYear.keys.sorted() }

    public func pairs(in year: SchoolYear) -> Int {
        (pairsByYear[year] ?? [:]).values.reduce(0, +)
    }
}
