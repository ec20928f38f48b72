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
                log.error(at: pair.keyLocations["end"] ?? at, "pairs[\(index)].end: the pair ends (\(end.iso)) before it starts (\(start.iso))",
                          ru: "pairs[\(index)].end: пара завершает работу (\(end.russian)) раньше, чем начинает (\(start.russian))")
            } else if status == "active", let end, end < site.today {
                log.warning(at: at, "pairs[\(index)].status: \"active\", but the pair ended on \(end.iso); write status: completed",
                            ru: "pairs[\(index)].status: «active», но пара завершила работу \(end.russian); укажите status: completed")
            } else if status == "completed", end == nil {
                log.warning(at: at, "pairs[\(index)].status: \"completed\" needs the end date (end:), so the pair is counted in the right school years",
                            ru: "pairs[\(index)].status: для «completed» укажите дату завершения (end:), чтобы пара учитывалась в нужных учебных годах")
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
        for (id, name) in withdrawn {
            for mention in NameMentions.find(name, in: texts) {
                if mention.inData {
                    log.warning(at: mention.location, "this entry names \"\(name)\" (\(id)), who withdrew consent to the processing of personal data: remove the mention",
                                ru: "в этой записи названо имя «\(name)» (\(id)), а согласие на обработку персональных данных отозвано: уберите упоминание")
                } else {
                    log.warning(at: mention.location, "this page names \"\(name)\" (\(id)), who withdrew consent to the processing of personal data: remove the mention",
                                ru: "на этой странице названо имя «\(name)» (\(id)), а согласие на обработку персональных данных отозвано: уберите упоминание")
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
                            "\(keyPath): a stage with \(hasStart ? "start" : "end") needs \(missing) too, so its period and status follow the calendar",
                            ru: "\(keyPath): у этапа с \(hasStart ? "start" : "end") должен быть и \(missing), тогда его сроки и статус следуют календарю")
                continue
            }
            guard let period = StagePeriod(stage.fields) else {
                if stage.fields["status"] == nil {
                    log.warning(at: stage.location,
                                "\(keyPath): give the stage start and end (2025-11 or 2025-11-10), or a status",
                                ru: "\(keyPath): укажите начало и конец этапа (start и end: 2025-11 или 2025-11-10) или его статус (status)")
                }
                continue
            }
            if period.end < period.start {
                log.error(at: at("end"), "\(keyPath).end: the stage ends (\(period.end.iso)) before it starts (\(period.start.iso))",
                          ru: "\(keyPath).end: этап заканчивается (\(period.end.russian)) раньше, чем начинается (\(period.start.russian))")
                continue
            }
            if let written = stage.fields["period"]?.string, dashless(written) != dashless(period.russian) {
                log.warning(at: at("period"),
                            "\(keyPath).period: \"\(written)\" disagrees with start and end (\(period.russian)), which the site shows; remove period",
                            ru: "\(keyPath).period: «\(written)» не совпадает с start и end (\(period.russian)) — на сайте показаны они; удалите period")
            }
            let computed = period.status(on: site.today)
            if let written = stage.fields["status"]?.string, written != computed.rawValue {
                log.warning(at: at("status"),
                            "\(keyPath).status: \"\(written)\" disagrees with the stage's dates (\(period.russian)): on \(site.today.iso) it is \"\(computed.rawValue)\"; remove status, the dates decide it",
                            ru: "\(keyPath).status: «\(written)» не совпадает со сроками этапа (\(period.russian)): на \(site.today.russian) этап \(statusRussian(computed)); удалите status — статус следует из дат")
            }
        }
    }

    /// Periods compared as words: «–», «—» and «-» and the spaces around them are alike.
    static func dashless(_ text: String) -> String {
        text.split(whereSeparator: { " –—-\u{00A0}".contains($0) }).joined(separator: " ")
    }

    static func statusRussian(_ status: StagePeriod.Status) -> String {
        switch status {
        case .done: return "завершён"
        case .inProgress: return "идёт"
        case .planned: return "ещё не начался"
        }
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
                    log.error(at: year.keyLocations["scores[\(i)].max"] ?? at, "\(keyPath).scores[\(i)].max: the maximum must be above zero",
                              ru: "\(keyPath).scores[\(i)].max: максимум должен быть больше нуля")
                } else if value < 0 || value > maximum {
                    log.error(at: at, "\(keyPath).scores[\(i)].value: \(value.formattedForHumans) is outside 0…\(maximum.formattedForHumans) (max)",
                              ru: "\(keyPath).scores[\(i)].value: \(value.formattedForHumans) вне шкалы 0…\(maximum.formattedForHumans) (max)")
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
                            "\(keyPath).pairs.\(form): \(written) typed for \(schoolYear.name), but \(pairsPath) has \(real) pairs and groups of this form in that school year; correct the figure or remove pairs: to have it counted",
                            ru: "\(keyPath).pairs.\(form): за \(schoolYear.name) указано \(written), а в \(pairsPath) пар и групп этой формы в том учебном году — \(real); исправьте число или удалите pairs:, чтобы оно считалось по данным")
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
