import PortalContent
import PortalCore

/// `/report/2025-2026/`: the annual report of each school year with data, made when the site
/// has a `/report/` section (Content/report/_index.md) to hold them, as the programme's data
/// model's derived pages (`Programme.dataModel`). The theme's `report/page` template shows it;
/// its figures come from `AnnualReport`.
public enum ReportPages {
    static let sectionURL = "/report/"

    /// School years that monitoring.yml names or that pairs.yml's pairs worked in (to today).
    public static func years(data: [String: DataFile], today: SimpleDate) -> [SchoolYear] {
        var years: Set<SchoolYear> = []
        for entry in data["monitoring"]?.entries ?? [] {
            if let text = entry.fields["year"]?.scalarText, let year = SchoolYear(text) { years.insert(year) }
        }
        for pair in data["pairs"]?.entries ?? [] {
            guard let start = pair.fields["start"]?.dateValue, start <= today else { continue }
            let end = min(pair.fields["end"]?.dateValue ?? today, today)
            for y in SchoolYear(containing: start).startYear...SchoolYear(containing: max(start, end)).startYear {
                years.insert(SchoolYear(startYear: y))
            }
        }
        return years.sorted()
    }

    public static func make(pages: [Page], data: [String: DataFile], today: SimpleDate) -> [Page] {
        guard pages.contains(where: { $0.url == sectionURL }) else { return [] }
        return years(data: data, today: today).map { year in
            Page(kind: .page, source: data["monitoring"]?.path ?? "Content/report/_index.md", url: "\(sectionURL)\(year.slug)/",
                 title: "Отчёт о реализации программы наставничества за \(year.name) учебный год",
                 description: "Участники, наставнические пары и группы, показатели мониторинга, кейсы, события и документы программы наставничества за \(year.name) учебный год.",
                 date: nil, order: -year.startYear, tags: [], draft: false, publishDate: nil, expiryDate: nil,
                 template: nil, templateLocation: nil, aliases: [], showTOC: false, extra: .map(["report_year": .string(year.name)]),
                 body: "", bodyLine: 1, entry: .map(["year": .string(year.name)]), parentURL: sectionURL)
        }
    }
}
