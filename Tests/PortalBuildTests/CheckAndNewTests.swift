import Foundation
import PortalBuild
import PortalContent
import PortalCore
import PortalProgramme
import Testing

@Suite struct LinkCheckerTests {
    @Test func reportsBrokenLinksAnchorsImagesAndAltText() throws {
        let site = try FixtureSite("broken-links")
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\n---\n![Схема](../files/net.png)\n")
        let options = BuildOptions(root: site.root, output: site.output)
        let errors: [Diagnostic]
        do {
            let report = try LinkChecker.check(options)
            errors = report.diagnostics.filter { $0.severity == .error }
            #expect(report.external.map(\.url) == ["https://example.org/"])
            #expect(report.external.first.map { "\($0.location)" } == "Content/about.md:10:31")
        } catch {
            Issue.record("check failed to run: \(error.diagnostics.map { $0.formatted() })")
            return
        }
        #expect(errors.map(\.said) == [
            "Content/about.md:6:11 check.link-to-missing",
            "Content/about.md:6:44 check.anchor-missing",
            "Content/about.md:8:1 image.alt-missing-in-markdown",
            "Content/about.md:10:1 check.link-to-missing",
            "Content/stages/zapusk.md:5:1 image.to-missing-file",
        ])
        #expect(errors[1].message.arguments == ["link": "stages/otbor.md#net-yakorya", "anchor": "net-yakorya", "page": "/stages/otbor/"])
        // The link as the teacher wrote it, not as portal rewrote it (/stages/otbor/#net-yakorya):
        #expect(errors[1].formatted() == "Content/about.md:6:44: error: the link stages/otbor.md#net-yakorya leads to #net-yakorya, which does not exist on /stages/otbor/")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "check writes nothing")
    }

    @Test func theFixtureSiteIsClean() throws {
        let site = try FixtureSite()
        let report = try LinkChecker.check(BuildOptions(root: site.root, output: site.output))
        #expect(report.diagnostics.filter { $0.severity == .error }.map { $0.formatted() } == [])
    }
}

@Suite struct ScaffoldTests {
    @Test func newsGetsATransliteratedSlug() throws {
        let site = try FixtureSite()
        let written = try ProgrammeScaffold.create(.news, title: "Итоги первого года", root: site.root,
                                          today: SimpleDate(parsing: "2026-05-20")!)
        #expect(written == "Content/news/itogi-pervogo-goda.md")
        let text = try site.read(written)
        #expect(text.hasPrefix("---\ntitle: \"Итоги первого года\"\ndate: 2026-05-20\n"))
        #expect(throws: Diagnostic.self) {
            try ProgrammeScaffold.create(.news, title: "Итоги первого года", root: site.root)
        }
        #expect(try site.read(written) == text, "never overwritten")
        // The new post builds (as a draft).
        try site.build(drafts: true)
        #expect(site.exists("news/itogi-pervogo-goda/index.html"))
    }

    @Test func mentorIsAppendedKeepingComments() throws {
        let site = try FixtureSite()
        try site.write("Content/data/mentors.yml", "# Банк наставников\n" + (try site.read("Content/data/mentors.yml")))
        let written = try ProgrammeScaffold.create(.mentor, title: "Смирнова Ольга Игоревна", root: site.root)
        #expect(written == "Content/data/mentors.yml")
        let text = try site.read(written)
        #expect(text.hasPrefix("# Банк наставников\n- id: ivanova-anna\n"))
        #expect(text.contains("- id: smirnova-olga\n  name: \"Смирнова Ольга Игоревна\"\n"))
        #expect(text.contains("consent: false"))
        try site.build()
        #expect(!site.exists("mentors/smirnova-olga/index.html"), "not published before consent")
        #expect(throws: Diagnostic.self) { try ProgrammeScaffold.create(.mentor, title: "Смирнова Ольга", root: site.root) }
    }

    @Test func aNewMentorTakesTheCategoryAsTheDataSpellsIt() throws {
        let site = try FixtureSite()
        try site.write("Content/data/mentors.yml", try site.read("Content/data/mentors.yml").replacingOccurrences(of: "category: педагог", with: "category: Педагог"))
        _ = try ProgrammeScaffold.create(.mentor, title: "Смирнова Ольга Игоревна", root: site.root)
        #expect(try site.read("Content/data/mentors.yml").contains("- id: smirnova-olga\n  name: \"Смирнова Ольга Игоревна\"\n  position: \"должность\"\n  category: \"Педагог\"\n"))
        let lower = try FixtureSite()
        _ = try ProgrammeScaffold.create(.mentor, title: "Смирнова Ольга Игоревна", root: lower.root)
        #expect(try lower.read("Content/data/mentors.yml").contains("  category: \"педагог\"\n"))
    }

    @Test func caseIsADraftEntry() throws {
        let site = try FixtureSite("programme")
        _ = try ProgrammeScaffold.create(.case, title: "Наставник и олимпиада", root: site.root, today: SimpleDate(parsing: "2026-05-20")!)
        let text = try site.read("Content/data/cases.yml")
        #expect(text.contains("- id: nastavnik-i-olimpiada\n  title: \"Наставник и олимпиада\"\n  year: 2026\n  form: teacher-teacher\n"))
        try site.build()
        #expect(!site.exists("cases/nastavnik-i-olimpiada/index.html"))
    }
}
