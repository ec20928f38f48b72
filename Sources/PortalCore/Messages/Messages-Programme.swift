// The catalogue of messages: the programme's checks (pairs, stages against the calendar,
// monitoring figures, withdrawn names). Each message once, in both languages, with a stable id
// (see docs/architecture.md, "How to add a message").

extension Message {
    public static func pairEndsBeforeStart(index: Int, end: SimpleDate, start: SimpleDate) -> Message {
        Message("programme.pair-ends-before-start", ["index": index, "end": end, "start": start],
                en: "pairs[\(index)].end: the pair ends (\(end.iso)) before it starts (\(start.iso))",
                ru: "pairs[\(index)].end: пара завершает работу (\(end.russian)) раньше, чем начинает (\(start.russian))")
    }

    public static func pairActiveButEnded(index: Int, end: SimpleDate) -> Message {
        Message("programme.pair-active-but-ended", ["index": index, "end": end],
                en: "pairs[\(index)].status: \"active\", but the pair ended on \(end.iso); write status: completed",
                ru: "pairs[\(index)].status: «active», но пара завершила работу \(end.russian); укажите status: completed")
    }

    public static func pairCompletedWithoutEnd(index: Int) -> Message {
        Message("programme.pair-completed-without-end", ["index": index],
                en: "pairs[\(index)].status: \"completed\" needs the end date (end:), so the pair is counted in the right school years",
                ru: "pairs[\(index)].status: для «completed» укажите дату завершения (end:), чтобы пара учитывалась в нужных учебных годах")
    }

    public static func withdrawnNameInData(name: String, id: String) -> Message {
        Message("programme.withdrawn-name-in-data", ["name": name, "id": id],
                en: "this entry names \"\(name)\" (\(id)), who withdrew consent to the processing of personal data: remove the mention",
                ru: "в этой записи названо имя «\(name)» (\(id)), а согласие на обработку персональных данных отозвано: уберите упоминание")
    }

    public static func withdrawnNameInPage(name: String, id: String) -> Message {
        Message("programme.withdrawn-name-in-page", ["name": name, "id": id],
                en: "this page names \"\(name)\" (\(id)), who withdrew consent to the processing of personal data: remove the mention",
                ru: "на этой странице названо имя «\(name)» (\(id)), а согласие на обработку персональных данных отозвано: уберите упоминание")
    }

    public static func stageHalfPeriod(key: String, given: String, missing: String) -> Message {
        Message("programme.stage-half-period", ["key": key, "given": given, "missing": missing],
                en: "\(key): a stage with \(given) needs \(missing) too, so its period and status follow the calendar",
                ru: "\(key): у этапа с \(given) должен быть и \(missing), тогда его сроки и статус следуют календарю")
    }

    public static func stageNoPeriod(key: String) -> Message {
        Message("programme.stage-no-period", ["key": key],
                en: "\(key): give the stage start and end (2025-11 or 2025-11-10), or a status",
                ru: "\(key): укажите начало и конец этапа (start и end: 2025-11 или 2025-11-10) или его статус (status)")
    }

    public static func stageEndsBeforeStart(key: String, end: SimpleDate, start: SimpleDate) -> Message {
        Message("programme.stage-ends-before-start", ["key": key, "end": end, "start": start],
                en: "\(key).end: the stage ends (\(end.iso)) before it starts (\(start.iso))",
                ru: "\(key).end: этап заканчивается (\(end.russian)) раньше, чем начинается (\(start.russian))")
    }

    public static func stagePeriodDisagrees(key: String, written: String, period: String) -> Message {
        Message("programme.stage-period-disagrees", ["key": key, "written": written, "period": period],
                en: "\(key).period: \"\(written)\" disagrees with start and end (\(period)), which the site shows; remove period",
                ru: "\(key).period: «\(written)» не совпадает с start и end (\(period)) — на сайте показаны они; удалите period")
    }

    /// `status`: what the dates say, as site.yml writes it (`done`, `in_progress`, `planned`).
    public static func stageStatusDisagrees(key: String, written: String, period: String, today: SimpleDate, status: String) -> Message {
        let statusRussian = status == "done" ? "завершён" : status == "in_progress" ? "идёт" : "ещё не начался"
        return Message("programme.stage-status-disagrees", ["key": key, "written": written, "period": period, "today": today, "status": status],
                en: "\(key).status: \"\(written)\" disagrees with the stage's dates (\(period)): on \(today.iso) it is \"\(status)\"; remove status, the dates decide it",
                ru: "\(key).status: «\(written)» не совпадает со сроками этапа (\(period)): на \(today.russian) этап \(statusRussian); удалите status — статус следует из дат")
    }

    public static func scoreMaximumNotPositive(key: String) -> Message {
        Message("programme.score-maximum-not-positive", ["key": key],
                en: "\(key).max: the maximum must be above zero",
                ru: "\(key).max: максимум должен быть больше нуля")
    }

    public static func scoreOutsideScale(key: String, value: String, maximum: String) -> Message {
        Message("programme.score-outside-scale", ["key": key, "value": value, "maximum": maximum],
                en: "\(key).value: \(value) is outside 0…\(maximum) (max)",
                ru: "\(key).value: \(value) вне шкалы 0…\(maximum) (max)")
    }

    public static func monitoringPairsDisagree(key: String, written: Int, year: String, pairsFile: String, counted: Int) -> Message {
        Message("programme.monitoring-pairs-disagree", ["key": key, "written": written, "year": year, "pairsFile": pairsFile, "counted": counted],
                en: "\(key): \(written) typed for \(year), but \(pairsFile) has \(counted) pairs and groups of this form in that school year; correct the figure or remove pairs: to have it counted",
                ru: "\(key): за \(year) указано \(written), а в \(pairsFile) пар и групп этой формы в том учебном году — \(counted); исправьте число или удалите pairs:, чтобы оно считалось по данным")
    }
}
