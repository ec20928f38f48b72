import PortalContent
import PortalCore

/// What the programme's data must agree with: its stages with the calendar, the figures typed
/// in monitoring.yml with the pairs in pairs.yml, each score with its maximum.
public enum ProgrammeChecks {
    public static func run(site: Site) -> [Diagnostic] {
        var log = DiagnosticLog()
        stages(site: site, log: &log)
        monitoring(site: site, figures: Figures(site: site), log: &log)
        withdrawnMentions(site: site, log: &log)
        pairs(site: site, log: &log)
        return log.diagnostics
    }

    /// A pair's status must agree with its dates, or the counts by school year and the list disagree.
    static func pairs(site: Site, log: inout DiagnosticLog) {
        for (index, pair) in site.entries("pairs").enumerated() {
            guard let status = pair.fields["status"]?.string, let start = pair.fields["start"]?.dateValue else { continue }
            let at = pair.keyLocations["status"] ?? pair.location
            let end = pair.fields["end"]?.dateValue
            if let end, end < start {
                log.error(at: pair.keyLocations["end"] ?? at, .pairEndsBeforeStart(index: index, end: end, start: start))
            } else if status == "active", let end, end < site.today {
                log.warning(at: at, .pairActiveButEnded(index: index, end: end))
            } else if status == "completed", end == nil {
                log.warning(at: at, .pairCompletedWithoutEnd(index: index))
            }
        }
    }

    /// The site's own words that name someone who withdrew consent (a page's text or front
    /// matter, a data entry's text): portal does not rewrite a teacher's text, so it says where
    /// the name is.
    static func withdrawnMentions(site: Site, log: inout DiagnosticLog) {
        let withdrawn = site.data.values.sorted(by: { $0.name < $1.name }).flatMap { $0.withdrawnNames.sorted(by: { $0.key < $1.key }) }
        if withdrawn.isEmpty { return }
        let texts = NameMentions.texts(in: site)
        for ((id, name), found) in zip(withdrawn, NameMentions.find(withdrawn.map(\.value), in: texts)) {
            for mention in found {
                if mention.inData {
                    log.warning(at: mention.location, .withdrawnNameInData(name: name, id: id))
                } else {
                    log.warning(at: mention.location, .withdrawnNameInPage(name: name, id: id))
                }
            }
        }
    }

    static func stages(site: Site, log: inout DiagnosticLog) {
        guard let file = site.data["stages"] else { return }
        for (index, stage) in file.entries.enumerated() {
            let at = { (key: String) in stage.keyLocations[key] ?? stage.location }
            let keyPath = "stages[\(index)]"
            let hasStart = stage.fields["start"] != nil, hasEnd = stage.fields["end"] != nil
            if hasStart != hasEnd {
                let missing = hasStart ? "end" : "start"
                log.warning(at: at(hasStart ? "start" : "end"),
                            .stageHalfPeriod(key: keyPath, given: hasStart ? "start" : "end", missing: missing))
                continue
            }
            guard let period = StagePeriod(stage.fields) else {
                if stage.fields["status"] == nil {
                    log.warning(at: stage.location,
                                .stageNoPeriod(key: keyPath))
                }
                continue
            }
            if period.end < period.start {
                log.error(at: at("end"), .stageEndsBeforeStart(key: keyPath, end: period.end, start: period.start))
                continue
            }
            if let written = stage.fields["period"]?.string, dashless(written) != dashless(period.russian) {
                log.warning(at: at("period"),
                            .stagePeriodDisagrees(key: keyPath, written: written, period: period.russian))
            }
            let computed = period.status(on: site.today)
            if let written = stage.fields["status"]?.string, written != computed.rawValue {
                log.warning(at: at("status"),
                            .stageStatusDisagrees(key: keyPath, written: written, period: period.russian, today: site.today, status: computed.rawValue))
            }
        }
    }

    /// Periods compared as words: «–», «—» and «-» and the spaces around them are alike.
    static func dashless(_ text: String) -> String {
        text.split(whereSeparator: { " –—-\u{00A0}".contains($0) }).joined(separator: " ")
    }

    static func monitoring(site: Site, figures: Figures, log: inout DiagnosticLog) {
        guard let file = site.data["monitoring"] else { return }
        let pairsPath = site.data["pairs"]?.path ?? "Content/data/pairs.yml"
        let covered = Set(figures.coveredYears)
        for (index, year) in file.entries.enumerated() {
            let keyPath = "monitoring[\(index)]"
            for (i, score) in (year.fields["scores"]?.list ?? []).enumerated() {
                guard let value = score["value"].flatMap(number), let maximum = score["max"].flatMap(number) else { continue }
                let at = year.keyLocations["scores[\(i)].value"] ?? year.location
                if maximum <= 0 {
                    log.error(at: year.keyLocations["scores[\(i)].max"] ?? at, .scoreMaximumNotPositive(key: "\(keyPath).scores[\(i)]"))
                } else if value < 0 || value > maximum {
                    log.error(at: at, .scoreOutsideScale(key: "\(keyPath).scores[\(i)]", value: value.formattedForHumans, maximum: maximum.formattedForHumans))
                }
            }
            guard let name = year.fields["year"]?.scalarText, let schoolYear = Figures.SchoolYear(name),
                  covered.contains(schoolYear), let typed = year.fields["pairs"]?.map else { continue }
            let counted = figures.pairsByYear[schoolYear] ?? [:]
            for form in Set(typed.keys).union(counted.keys).sorted() {
                let written = typed[form]?.int ?? 0, real = counted[form] ?? 0
                guard written != real else { continue }
                let at = year.keyLocations["pairs.\(form)"] ?? year.keyLocations["pairs"] ?? year.location
                log.warning(at: at,
                            .monitoringPairsDisagree(key: "\(keyPath).pairs.\(form)", written: written, year: schoolYear.name, pairsFile: pairsPath, counted: real))
            }
        }
    }

    static func number(_ value: DataValue) -> Double? {
        switch value {
        case .number(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }
}
