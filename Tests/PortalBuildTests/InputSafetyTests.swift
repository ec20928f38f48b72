import Foundation
import PortalBuild
import PortalContent
import PortalCore
import PortalProgramme
import Testing

/// Hostile input that must be reported, not swallowed (issue 12).
@Suite struct InputSafetyTests {
    @Test func rawHTMLLeftOutIsAWarningWithItsPlace() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", """
        ---
        title: О программе
        ---
        Текст до.

        <div class="note">Важное</div>

        Строка с <span>тегом</span> внутри.

        """)
        let report = try site.build()
        let warnings = report.warnings.filter { $0.location?.path == "Content/about.md" }
        #expect(warnings.map(\.said) == ["Content/about.md:6:1 page.raw-html", "Content/about.md:8:10 page.raw-html", "Content/about.md:8:21 page.raw-html"])
        #expect(warnings.map { $0.message.arguments["html"] } == ["<div class=\"note\">Важное</div>", "<span>", "</span>"])
        #expect(!(try site.html("about/index.html")).contains("<div class=\"note\">"))
        // With unsafe_html the HTML is kept, and nothing is said.
        try site.write("Content/site.yml", try site.read("Content/site.yml") + "unsafe_html: true\n")
        #expect(try site.build().warnings.filter { $0.location?.path == "Content/about.md" }.isEmpty)
        #expect(try site.html("about/index.html").contains("<div class=\"note\">Важное</div>"))
    }

    @Test func checkReportsABlankedJavascriptLink() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: О программе\n---\n[Жми](javascript:alert(1))\n")
        let report = try LinkChecker.check(BuildOptions(root: site.root, output: site.output))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.said) == ["Content/about.md:4:1 page.dangerous-link"])
        #expect(errors.first?.message.arguments == ["link": "javascript:alert(1)", "scheme": "javascript"])
    }

    @Test(arguments: [
        "language: ru\r\ntitle: Сайт\r\n",
        "language: ru  # язык сайта\ntitle: Сайт\n",
        "\u{FEFF}title: Сайт\nlanguage: \"ru\"\n",
        "title: [не закрыто\nlanguage: ru # язык\n",
    ])
    func theSiteLanguageIsReadAsYAML(siteYAML: String) throws {
        let site = try FixtureSite()
        try site.write("Content/site.yml", siteYAML)
        #expect(SiteLanguage.peek(root: site.root) == "ru")
    }

    @Test func portalNewShortensTheSlugOfAVeryLongTitle() throws {
        let site = try FixtureSite()
        let title = String(repeating: "Очень длинный заголовок новости ", count: 63)  // 2,016 characters
        let written = try ProgrammeScaffold.create(.news, title: title, root: site.root, today: SimpleDate(parsing: "2026-01-15")!)
        let name = URL(fileURLWithPath: written).deletingPathExtension().lastPathComponent
        #expect(name.count <= 80 && name.hasPrefix("ochen-dlinnyy-zagolovok-novosti-") && !name.hasSuffix("-"))
        #expect(try site.read(written).contains("title: \"\(title.trimmingCharacters(in: .whitespaces))\""))
        try site.build(drafts: true)
    }
}
