import Foundation
import PortalContent
import PortalCore
import Testing

@Suite struct ScaffoldTests {
    private func root(siteYml: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try Data(siteYml.utf8).write(to: root.appendingPathComponent("Content/site.yml"))
        return root
    }

    @Test func aPostGoesToTheSectionSiteYmlCallsNews() throws {
        let today = SimpleDate(parsing: "2026-05-20")!
        let declared = try root(siteYml: "title: Сайт\nbase_url: https://school.example.ru/\nnews:\n  section: /novosti/\n")
        #expect(try Scaffold.post(title: "Итоги", slug: "itogi", root: declared, today: today) == "Content/novosti/itogi.md")
        let plain = try root(siteYml: "title: Сайт\nbase_url: https://school.example.ru/\n")
        #expect(try Scaffold.post(title: "Итоги", slug: "itogi", root: plain, today: today) == "Content/news/itogi.md")
        let text = try String(contentsOf: plain.appendingPathComponent("Content/news/itogi.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Итоги\"\ndate: 2026-05-20\n"))
        #expect(text.contains("draft: true"))
    }

    @Test func aTitleWithoutLettersGivesNoAddress() {
        #expect(throws: Diagnostic.self) { try Scaffold.slug(" — ") }
        #expect(Scaffold.slugIfAny("Итоги первого года") == "itogi-pervogo-goda")
    }
}
