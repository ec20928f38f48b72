import PortalContent
import PortalCore

/// «Отчёт о реализации программы наставничества» for one school year: participants, pairs,
/// monitoring beside the previous year, cases, events and documents. Tables are plain rows,
/// so the page and its CSV files show the same figures.
public struct AnnualReport: Sendable {
    public struct Table: Sendable {
        /// File name of the table's CSV (`pairs.csv`) and its caption.
        public var file: String
        public var caption: String
        public var header: [String]
        public var rows: [[String]]
    }

    public var year: Figures.SchoolYear
    public var url: String
    public var tables: [Table]
    /// Cases of the year, news of the year, documents in force by the year's end.
    public var cases: [DataEntry]
    public var events: [Page]
    public var documents: [DataEntry]

    public static func url(_ year: Figures.SchoolYear) -> String { "/report/\(year.slug)/" }

    /// One report per school year that monitoring.yml or pairs.yml covers.
    public static func years(site: Site) -> [Figures.SchoolYear] {
        ReportPages.years(data: site.data, today: site.today)
    }

    public static func all(site: Site) -> [AnnualReport] {
        let figures = Figures(site: site)
        let forms = site.entries("forms").map { ($0.id ?? "", $0.fields["title"]?.string ?? $0.id ?? "") }
        let monitoring = Dictionary(site.entries("monitoring").compactMap { entry in
            entry.fields["year"]?.scalarText.flatMap(Figures.SchoolYear.init).map { ($0, entry) }
        }, uniquingKeysWith: { first, _ in first })
        return years(site: site).map { year in
            var tables: [Table] = []
            // Participants: the bank's mentors by category and the mentee requests by form and category.
            var participants: [[String]] = []
            var categories: [String: Int] = [:]
            var order: [String] = []
            for mentor in site.entries("mentors") {
                let category = mentor.fields["category"]?.string ?? ""
                if categories[category] == nil { order.append(category) }
                categories[category, default: 0] += 1
            }
            for category in order { participants.append(["Наставники", "—", category, String(categories[category]!)]) }
            for mentee in site.entries("mentees") {
                let form = mentee.fields["form"]?.string ?? ""
                let title = forms.first { $0.0 == form }?.1 ?? form
                participants.append(["Наставляемые (запросы)", title, mentee.fields["category"]?.string ?? "", String(mentee.fields["count"]?.int ?? 0)])
            }
            tables.append(Table(file: "participants.csv", caption: "Участники программы по формам и категориям",
                                header: ["Участники", "Форма наставничества", "Категория", "Число"], rows: participants))
            // Pairs and groups by form: working in the year, started, completed.
            let counted = figures.pairsByYear[year] ?? [:]
            var pairRows = forms.map { id, title in [title, String(counted[id] ?? 0)] }
            pairRows.append(["Всего", String(figures.pairs(in: year))])
            pairRows.append(["Начали работу в этом учебном году", String(figures.startedByYear[year] ?? 0)])
            pairRows.append(["Завершили работу в этом учебном году", String(figures.completedByYear[year] ?? 0)])
            tables.append(Table(file: "pairs.csv", caption: "Наставнические пары и группы",
                                header: ["Форма наставничества", "Пар и групп"], rows: pairRows))
            // Monitoring beside the previous year.
            let previous = monitoring[Figures.SchoolYear(startYear: year.startYear - 1)]
            let current = monitoring[year]
            var indicators: [[String]] = []
            func row(_ name: String, _ now: Double?, _ before: Double?, max: Double? = nil) -> [String] {
                let scale = max.map { " из \(Self.number($0))" } ?? ""
                let change = (now != nil && before != nil) ? Self.signed(now! - before!) : "—"
                return [name, before.map { Self.number($0) + scale } ?? "—", now.map { Self.number($0) + scale } ?? "—", change]
            }
            if current != nil || previous != nil {
                func value(_ entry: DataEntry?, _ key: String) -> Double? { entry?.fields[key]?.int.map(Double.init) }
                indicators.append(row("Наставники", value(current, "mentors"), value(previous, "mentors")))
                indicators.append(row("Наставляемые", value(current, "mentees"), value(previous, "mentees")))
                let scores = (current?.fields["scores"]?.list ?? [])
                let before = Dictionary((previous?.fields["scores"]?.list ?? []).compactMap { score in
                    score["indicator"]?.string.map { ($0, score) }
                }, uniquingKeysWith: { a, _ in a })
                for score in scores {
                    guard let name = score["indicator"]?.string else { continue }
                    indicators.append(row(name, score["value"].flatMap(Self.double), before[name]?["value"].flatMap(Self.double),
                                          max: score["max"].flatMap(Self.double)))
                }
            }
            tables.append(Table(file: "indicators.csv", caption: "Показатели мониторинга в сравнении с прошлым учебным годом",
                                header: ["Показатель", previous == nil ? "Прошлый год" : "\(year.startYear - 1)/\(year.startYear)",
                                         year.name, "Изменение"], rows: indicators))
            // A case's year is the calendar year of its result: the school year that ends in it.
            let cases = site.entries("cases").filter { $0.fields["year"]?.int == year.startYear + 1 }
            let events = site.pages.filter { page in
                guard let date = page.date, site.config.news.contains(page) else { return false }
                return date >= year.first && date <= year.last
            }.sorted { $0.date! < $1.date! }
            let documents = site.entries("documents").filter { ($0.fields["date"]?.dateValue).map { $0 <= year.last } ?? false }
            return AnnualReport(year: year, url: url(year), tables: tables, cases: cases, events: events, documents: documents)
        }
    }

    static func double(_ value: DataValue) -> Double? {
        switch value {
        case .number(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }

    /// `8,7`, `41` — a decimal comma, as a Russian report writes numbers.
    static func number(_ value: Double) -> String {
        value.formattedForHumans.replacingOccurrences(of: ".", with: ",")
    }

    static func signed(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        return (rounded > 0 ? "+" : "−") + number(abs(rounded))
    }

    /// A table as CSV (RFC 4180, UTF-8 with a BOM so Excel reads the Cyrillic, `;`-separated as
    /// Russian Excel expects). A text cell that a spreadsheet would run as a formula (`=`, `+`,
    /// `-`, `@`, a tab or CR first: a title typed in a data file) gets an apostrophe before it,
    /// as OWASP advises against CSV injection; signed figures (`+1,5`) stay numbers.
    public static func csv(_ table: Table) -> String {
        func field(_ raw: String) -> String {
            let text = neutralised(raw)
            return text.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return "\u{FEFF}" + ([table.header] + table.rows).map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        let rest = text.unicodeScalars.dropFirst()
        let isSignedNumber = first != "=" && first != "@" && !rest.isEmpty
            && rest.allSatisfy { ("0"..."9").contains($0) || $0 == "," || $0 == " " || $0 == "\u{202F}" || $0 == "\u{00A0}" }
        return isSignedNumber ? text : "'" + text
    }
}
