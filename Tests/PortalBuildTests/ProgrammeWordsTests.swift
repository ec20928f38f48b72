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
