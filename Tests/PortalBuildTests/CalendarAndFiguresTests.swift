import Foundation
import PortalBuild
import PortalCore
import Testing

/// Stages follow the calendar; figures are counted from the data and typed ones are checked.
@Suite struct CalendarAndFiguresTests {
    /// The repository's own site, built for a given day into a folder of this test.
    static func realHome(today: String) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("portal-calendar-\(UUID().uuidString)/Public")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        try Builder.build(realSiteOptions(output: output, today: today))
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        return html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    @Test func theHomePageNamesTheStageOfTheBuildsDay() throws {
        let january = try Self.realHome(today: "2026-01-15")
        #expect(january.contains("Сейчас идёт этап 5 из 6 Организация работы ноябрь 2025 г. — апрель 2026 г."))
        #expect(january.contains("Этап 4: завершён Этап 5: идёт сейчас Этап 6: запланирован"))

        let october = try Self.realHome(today: "2025-09-20")
        #expect(october.contains("Сейчас идёт этап 1 из 6"))
        #expect(october.contains("Этап 1: идёт сейчас Этап 2: идёт сейчас Этап 3: запланирован"))

        let after = try Self.realHome(today: "2026-11-29")
        #expect(!after.contains("Сейчас идёт этап"))
        #expect(after.contains("Программа завершена 31 мая 2026 г."))
        #expect(after.contains("Этап 6. Завершение программы завершён май 2026 г."))

        let before = try Self.realHome(today: "2025-06-01")
        #expect(!before.contains("Сейчас идёт этап"))
        #expect(before.contains("Программа начнётся 1 августа 2025 г."))
    }

    @Test func theHomePageFiguresAreCountedFromTheData() throws {
        let home = try Self.realHome(today: "2026-01-15")
        // 10 mentors with consent, 42 mentees in the bank's requests, 2 pairs working, 5 forms.
        #expect(home.contains("Наставники в банке : 10 Запросы наставляемых : 42 Пары и группы работают : 2 Формы наставничества : 5"))
        let summer = try Self.realHome(today: "2025-06-01")
        #expect(summer.contains("Пары и группы работают : 0"))
    }

    @Test func aWrittenStatusThatDisagreesWithTheDatesIsAWarningAtItsLine() throws {
        let site = try FixtureSite("programme")
        let stages = try site.read("Content/data/stages.yml")
        try site.write("Content/data/stages.yml", stages.replacingOccurrences(
            of: "  status: in_progress", with: "  start: 2025-11\n  end: 2026-04\n  status: in_progress"))
        #expect(try site.build(today: "2026-01-15").warnings.filter { $0.location?.path.hasSuffix("stages.yml") == true } == [])
        let report = try site.build(today: "2026-11-29")
        let warnings = report.warnings.filter { $0.location?.path.hasSuffix("stages.yml") == true }
        #expect(warnings.map(\.said) == ["Content/data/stages.yml:16:11 programme.stage-status-disagrees"])
        #expect(warnings.first?.message.arguments == ["key": "stages[1]", "written": "in_progress", "period": "ноябрь 2025 г. – апрель 2026 г.",
                                                      "today": "2026-11-29", "status": "done"])
        // As the teacher reads it:
        #expect(warnings.first?.formatted(in: .russian) == "Content/data/stages.yml:16:11: warning: stages[1].status: «in_progress» не совпадает со сроками этапа (ноябрь 2025 г. – апрель 2026 г.): на 29 ноября 2026 г. этап завершён; удалите status — статус следует из дат")
    }

    @Test func aWrittenPeriodThatDisagreesWithTheDatesIsAWarning() throws {
        let site = try FixtureSite("programme")
        let stages = try site.read("Content/data/stages.yml")
        try site.write("Content/data/stages.yml", stages.replacingOccurrences(
            of: "  status: in_progress", with: "  start: 2025-11\n  end: 2026-04\n  period: ноябрь 2025 г. — апрель 2026 г."))
        #expect(try site.build(today: "2026-01-15").warnings.filter { $0.location?.path.hasSuffix("stages.yml") == true } == [])
        try site.write("Content/data/stages.yml", stages.replacingOccurrences(
            of: "  status: in_progress", with: "  start: 2025-11\n  end: 2026-04\n  period: ноябрь – май"))
        let warnings = try site.build(today: "2026-01-15").warnings.filter { $0.location?.path.hasSuffix("stages.yml") == true }
        #expect(warnings.map(\.said) == ["Content/data/stages.yml:16:11 programme.stage-period-disagrees"])
        #expect(warnings.first?.message.arguments == ["key": "stages[1]", "written": "ноябрь – май", "period": "ноябрь 2025 г. – апрель 2026 г."])
    }

    @Test func aStageEndingBeforeItStartsIsAnError() throws {
        let site = try FixtureSite("programme")
        let stages = try site.read("Content/data/stages.yml")
        try site.write("Content/data/stages.yml", stages.replacingOccurrences(
            of: "  status: in_progress", with: "  start: 2025-11\n  end: 2025-10-01"))
        #expect(site.errorIDs() == ["Content/data/stages.yml:15:8 programme.stage-ends-before-start"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["key": "stages[1]", "end": "2025-10-01", "start": "2025-11-01"])
    }

    @Test func aMonthThatIsNotOneIsRefused() throws {
        let site = try FixtureSite("programme")
        let stages = try site.read("Content/data/stages.yml")
        try site.write("Content/data/stages.yml", stages.replacingOccurrences(of: "  status: in_progress", with: "  start: 2025-13\n  end: 2026-04"))
        #expect(site.errorIDs() == ["Content/data/stages.yml:14:10 data.wrong-type"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["key": "stages[1].start", "expected": "expect.date-or-month", "found": "value.text"])
    }

    @Test func typedPairsThatDisagreeWithPairsYmlAreAWarningNamingBothPlaces() throws {
        let site = try FixtureSite("programme")
        // pairs.yml has one teacher-teacher pair from 2025-09-15: in 2025/2026.
        try site.write("Content/data/monitoring.yml", """
        - year: 2025/2026
          mentors: 8
          mentees: 12
          pairs: {teacher-teacher: 5}
          scores: []
        - year: 2024/2025
          mentors: 8
          mentees: 12
          pairs: {teacher-teacher: 5}
          scores: []
        """)
        let report = try site.build(today: "2026-01-15")
        let warnings = report.warnings.filter { $0.location?.path.hasSuffix("monitoring.yml") == true }
        #expect(warnings.map(\.said) == ["Content/data/monitoring.yml:4:28 programme.monitoring-pairs-disagree"])
        #expect(warnings.first?.message.arguments == ["key": "monitoring[0].pairs.teacher-teacher", "written": "5", "year": "2025/2026",
                                                      "pairsFile": "Content/data/pairs.yml", "counted": "1"])
        try site.write("Content/data/monitoring.yml", """
        - year: 2025/2026
          mentors: 8
          mentees: 12
          pairs: {teacher-teacher: 1}
          scores: []
        """)
        #expect(try site.build(today: "2026-01-15").warnings.filter { $0.location?.path.hasSuffix("monitoring.yml") == true } == [])
    }

    @Test func aPairsStatusMustAgreeWithItsDates() throws {
        let site = try FixtureSite("programme")
        let pairs = try site.read("Content/data/pairs.yml")
        try site.write("Content/data/pairs.yml", pairs.replacingOccurrences(of: "  status: active", with: "  end: 2025-12-20\n  status: active"))
        #expect(try site.build(today: "2026-01-15").warnings.filter { $0.location?.path.hasSuffix("pairs.yml") == true }.map(\.said)
                == ["Content/data/pairs.yml:8:11 programme.pair-active-but-ended"])
        try site.write("Content/data/pairs.yml", pairs.replacingOccurrences(of: "  status: active", with: "  status: completed"))
        #expect(try site.build(today: "2026-01-15").warnings.filter { $0.location?.path.hasSuffix("pairs.yml") == true }.map(\.said)
                == ["Content/data/pairs.yml:7:11 programme.pair-completed-without-end"])
    }

    @Test func aScoreAboveItsMaximumIsAnError() throws {
        let site = try FixtureSite("programme")
        let monitoring = try site.read("Content/data/monitoring.yml")
        try site.write("Content/data/monitoring.yml", monitoring.replacingOccurrences(of: "value: 4.6, max: 5", with: "value: 46, max: 5"))
        #expect(site.errorIDs() == ["Content/data/monitoring.yml:6:58 programme.score-outside-scale"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["key": "monitoring[0].scores[0]", "value": "46", "maximum": "5"])
    }
}

extension CalendarAndFiguresTests {
    @Test func portalCheckReportsWhatTheBuildWarnsAbout() throws {
        let site = try FixtureSite("programme")
        let stages = try site.read("Content/data/stages.yml")
        try site.write("Content/data/stages.yml", stages.replacingOccurrences(
            of: "  status: in_progress", with: "  start: 2025-11\n  end: 2026-04\n  status: in_progress"))
        let report = try LinkChecker.check(BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-11-29")!))
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.said == "Content/data/stages.yml:16:11 programme.stage-status-disagrees" })
    }
}
