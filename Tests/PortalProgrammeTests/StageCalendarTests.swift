import PortalContent
import PortalCore
import PortalProgramme
import Testing

@Suite struct StageCalendarTests {
    func period(_ start: String, _ end: String) -> StagePeriod? {
        StagePeriod(["start": .string(start), "end": .string(end)])
    }

    @Test(arguments: [
        ("2025-11", "2026-04", "ноябрь 2025 г. – апрель 2026 г."),
        ("2025-08", "2025-09", "август – сентябрь 2025 г."),
        ("2025-10", "2025-10", "октябрь 2025 г."),
        ("2025-11-10", "2025-12-20", "10 ноября – 20 декабря 2025 г."),
        ("2025-11-10", "2026-01", "10 ноября 2025 г. – январь 2026 г."),
    ])
    func periodText(start: String, end: String, text: String) throws {
        #expect(try #require(period(start, end)).russian == text)
    }

    @Test func statusFollowsTheDay() throws {
        let stage = try #require(period("2025-11", "2026-04"))
        #expect(stage.status(on: SimpleDate(parsing: "2025-10-31")!) == .planned)
        #expect(stage.status(on: SimpleDate(parsing: "2025-11-01")!) == .inProgress)
        #expect(stage.status(on: SimpleDate(parsing: "2026-04-30")!) == .inProgress)
        #expect(stage.status(on: SimpleDate(parsing: "2026-05-01")!) == .done)
    }

    @Test func beforeBetweenAndAfterTheStages() throws {
        let periods = [period("2025-09", "2025-10"), period("2026-01", "2026-02")]
        #expect(ProgrammeMoment.of(periods, today: SimpleDate(parsing: "2025-08-31")!) == .notStarted(first: SimpleDate(parsing: "2025-09-01")!))
        #expect(ProgrammeMoment.of(periods, today: SimpleDate(parsing: "2025-10-15")!) == .stage(index: 0))
        #expect(ProgrammeMoment.of(periods, today: SimpleDate(parsing: "2025-12-01")!) == .between(next: 1))
        #expect(ProgrammeMoment.of(periods, today: SimpleDate(parsing: "2026-03-01")!) == .finished(last: SimpleDate(parsing: "2026-02-28")!))
        #expect(ProgrammeMoment.of([nil], today: SimpleDate(parsing: "2026-03-01")!) == .undated)
    }

    @Test func schoolYears() {
        #expect(Figures.SchoolYear(containing: SimpleDate(parsing: "2025-09-01")!).name == "2025/2026")
        #expect(Figures.SchoolYear(containing: SimpleDate(parsing: "2025-08-31")!).name == "2024/2025")
        #expect(Figures.SchoolYear("2025-2026")?.slug == "2025-2026")
        #expect(Figures.SchoolYear("2025/2027") == nil)
    }
}
