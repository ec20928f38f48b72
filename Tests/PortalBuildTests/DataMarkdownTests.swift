import Foundation
import PortalBuild
import PortalCore
import Testing

/// Markdown fields of data files (a mentor's `about`) resolve links as pages do, report a broken
/// one at the data file's line:col, and may hold tables.
@Suite struct DataMarkdownTests {
    static let mentor = """
    - id: ivanova-anna
      name: Иванова Анна Петровна
      position: учитель математики
      category: педагог
      forms: [teacher-teacher]
      subjects: [математика]
      experience_years: 18
      competencies: [мотивация]
      about: |
        Ведёт кружок, см. [этап отбора](../stages/otbor.md#kriterii) и [план](/stages/index.md).

        | Год | Призёры |
        |---|--:|
        | 2025 | [3](../about.md) |
      consent: true

    """

    @Test func linksInDataFieldsResolveAsInPagesAndTablesWork() throws {
        let site = try FixtureSite()
        try site.write("Content/data/mentors.yml", Self.mentor)
        try site.build()
        let page = try site.html("mentors/ivanova-anna/index.html")
        #expect(page.contains("<a href=\"/stages/otbor/#kriterii\">этап отбора</a>"))
        #expect(page.contains("<a href=\"/stages/\">план</a>"))
        #expect(page.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Таблица: Год\">"))
        #expect(page.contains("<td style=\"text-align: right\"><a href=\"/about/\">3</a></td>"))
    }

    @Test func aBrokenLinkInADataFieldIsAnErrorAtItsLineAndColumn() throws {
        let site = try FixtureSite()
        try site.write("Content/data/mentors.yml", Self.mentor
            .replacingOccurrences(of: "../stages/otbor.md#kriterii", with: "../stages/net.md")
            .replacingOccurrences(of: "[3](../about.md)", with: "[3](../net-takogo.md)"))
        #expect(site.errorIDs() == ["Content/data/mentors.yml:10:23 link.to-missing-page", "Content/data/mentors.yml:14:14 link.to-missing-page"])
        #expect(site.errorDiagnostics().map { $0.message.arguments["destination"] } == ["../stages/net.md", "../net-takogo.md"])
        // portal check reports it too, and a one-line value is placed as exactly.
        let oneLine = Self.mentor.components(separatedBy: "\n").filter { !$0.hasPrefix("    ") && !$0.isEmpty }
            .joined(separator: "\n").replacingOccurrences(of: "  about: |", with: "  about: Ведёт кружок, см. [этап отбора](../stages/net.md).")
        try site.write("Content/data/mentors.yml", oneLine + "\n")
        do {
            _ = try LinkChecker.check(BuildOptions(root: site.root, output: site.output))
            Issue.record("check passed a broken link")
        } catch {
            #expect(error.diagnostics.map(\.said).contains("Content/data/mentors.yml:9:28 link.to-missing-page"))
        }
    }
}
