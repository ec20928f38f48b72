import Foundation
import PortalCore
import Testing

/// A curator's spreadsheet is told what a spreadsheet takes: да/нет and ДД.ММ.ГГГГ, not YAML's
/// true/false and 2025-09-01 (which it also takes, but which no curator types).
@Suite struct SpreadsheetMessagesTests {
    @Test func aWrongYesNoOrDateCellIsExplainedInTheSpreadsheetsTerms() throws {
        let site = try SpreadsheetTests.site(with: "mentors.csv")
        let csv = try site.read("Content/data/mentors.csv")
        try site.write("Content/data/mentors.csv", csv.replacingOccurrences(of: "\",да,02.09.2025,", with: "\",может быть,31.02.2025,"))
        #expect(site.errorIDs() == ["Content/data/mentors.csv:2:10 data.wrong-type", "Content/data/mentors.csv:2:11 data.wrong-type"])
        #expect(site.errorDiagnostics().map { $0.message.arguments["expected"] } == ["expect.cell-flag", "expect.cell-date"])
        // In Russian, as the curator reads it.
        let report = Result { try site.build() }
        guard case .failure(let failure as BuildFailure) = report else { Issue.record("the build passed"); return }
        #expect(failure.diagnostics.filter { $0.severity == .error }.map { $0.formatted(in: .russian) } == [
            "Content/data/mentors.csv:2:10: error: mentors[0].consent: ожидается да или нет, а указано: «может быть»",
            "Content/data/mentors.csv:2:11: error: mentors[0].consent_date: ожидается дата вида 01.09.2025, а указано: «31.02.2025»",
        ])
    }

    @Test func theYAMLFileKeepsItsOwnTerms() throws {
        let site = try FixtureSite("programme")
        let mentors = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(of: "consent: true", with: "consent: может быть"))
        #expect(site.errorDiagnostics().contains {
            $0.message.id == "data.wrong-type" && $0.message.arguments["key"] == "mentors[0].consent" && $0.message.arguments["expected"] == "expect.flag"
        })
    }
}
