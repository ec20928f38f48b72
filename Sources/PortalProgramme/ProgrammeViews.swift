import PortalContent
import PortalCore
import PortalTemplates

/// What the theme shows of the programme's calendar and figures, as template values.
public enum ProgrammeViews {
    static let statusRussian = ["done": "завершён", "in_progress": "идёт сейчас", "planned": "запланирован"]

    /// Each stage's status and period as of the build's day (hand-written ones where a stage
    /// gives no dates), in the order of stages.yml.
    public static func stageCalendar(site: Site) -> [(status: String, period: String?)] {
        site.entries("stages").map { stage in
            if let period = StagePeriod(stage.fields), period.start <= period.end {
                return (period.status(on: site.today).rawValue, period.russian)
            }
            return (stage.fields["status"]?.string ?? "planned", stage.fields["period"]?.string)
        }
    }

    /// `{before, after, between, date}`: what the home page says when no stage is under way.
    public static func moment(site: Site) -> [String: TemplateValue] {
        let periods = site.entries("stages").map { StagePeriod($0.fields) }
        switch ProgrammeMoment.of(periods, today: site.today) {
        case .notStarted(let first): return ["before": true, "date": first.templateValue]
        case .finished(let last): return ["after": true, "date": last.templateValue]
        case .between(let next): return ["between": true, "next_index": .int(next)]
        case .stage, .undated: return [:]
        }
    }

    /// The home page's figures, counted from the data on the build's day.
    public static func figures(site: Site) -> TemplateValue {
        let figures = Figures(site: site)
        return [
            "mentors": .int(figures.mentors),
            "mentees": .int(figures.menteesInBank),
            "pairs": .int(figures.activePairs),
            "forms": .int(site.entries("forms").count),
            "date": site.today.templateValue,
        ]
    }

    /// Pairs by form for each school year the pairs cover (`2025/2026` → form → count), for a
    /// monitoring year that does not type them.
    public static func pairsByYear(site: Site) -> [String: [String: Int]] {
        let figures = Figures(site: site)
        var result: [String: [String: Int]] = [:]
        for (year, counts) in figures.pairsByYear { result[year.name] = counts }
        return result
    }
}
