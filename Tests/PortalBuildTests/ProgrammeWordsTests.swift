import Foundation
import PortalBuild
import PortalCore
import Testing

/// Only the programme's own words pass as the programme's; sample figures say they are samples.
@Suite struct ProgrammeWordsTests {
    @Test func stagePagesCarryOnlyTheGoalAndResultTheProgrammeGives() throws {
        let site = try ConsentTests.realSiteCopy()
        try site.build(today: "2026-01-15")
        var goals: [String] = [], results: [String] = []
        for entry in FileTree.walk(site.output.appendingPathComponent("stages").path) where entry.kind == .file && entry.path != "index.html" {
            let text = try site.text("stages/" + entry.path)
            // (Typography may turn the programme's « – » into « — ».)
            if text.contains("адача этапа –") || text.contains("адача этапа —") { goals.append(entry.path) }
            if text.contains("Результат этапа –") || text.contains("Результат этапа —") { results.append(entry.path) }
        }
        // The seed's text: stage 3 states its main task, stage 4 its result; no other stage does.
        #expect(goals.sorted() == ["bank-nastavnikov/index.html"])
        #expect(results.sorted() == ["bank-nastavlyaemyh/index.html"])
    }

    @Test func sampleFiguresAreMarkedUntilTheSiteSaysItsDataIsReal() throws {
        let site = try ConsentTests.realSiteCopy()
        try site.build(today: "2026-01-15")
        let note = "Цифры приведены в качестве образца: они посчитаны по демонстрационным данным."
        #expect(try site.text("index.html").contains(note))
        #expect(try site.text("report/2025-2026/index.html").contains("Данные отчёта приведены в качестве образца"))
        let config = try site.read("Content/site.yml")
        try site.write("Content/site.yml", config.replacingOccurrences(of: "  sample_data: true\n", with: ""))
        try site.build(today: "2026-01-15")
        #expect(try !site.text("index.html").contains(note))
        #expect(try !site.text("report/2025-2026/index.html").contains("образца"))
    }
}

extension ProgrammeWordsTests {
    /// A new school's site carries only the programme's own sentences too, and no sample note.
    @Test func aStarterSiteCarriesOnlyTheProgrammesOwnWords() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portal-words-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let made = try CommandLineTests().run(["init", site.path, "--school", "МБОУ СОШ № 1 г. Михайловска"])
        #expect(made.status == 0, "\(made.stderr)")
        let stages = try String(contentsOf: site.appendingPathComponent("Content/data/stages.yml"), encoding: .utf8)
        let goals = stages.split(separator: "\n").filter { $0.hasPrefix("  goal:") || $0.hasPrefix("  result:") }
        #expect(goals == [
            "  goal: \"Главная задача этапа – поиск потенциальных наставников для формирования базы.\"",
            "  result: \"Результат этапа – сформированный банк наставляемых с перечнем запросов, необходимых для подбора кандидатов в наставники на следующем этапе.\"",
        ])
        let config = try String(contentsOf: site.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        #expect(!config.contains("sample_data"))
        let mentors = try String(contentsOf: site.appendingPathComponent("Content/data/mentors.yml"), encoding: .utf8)
        #expect(mentors.contains("#   consent_date: 2026-09-01"))
    }
}
