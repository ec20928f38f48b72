import Foundation
import PortalBuild
import PortalCore
import Testing

/// What other pages see of a page (`PageSummary`) decides what the preview re-renders, and
/// means the same in a list as on the page itself.
@Suite struct PageSummaryTests {
    /// A template that prints what a summary and the page itself say of their kind.
    static let kinds = """
        {{#page.breadcrumbs}}{{title}}:{{#is_home}}home{{/is_home}}{{#is_section}}section{{/is_section}};{{/page.breadcrumbs}}\
        |own:{{#page.is_home}}home{{/page.is_home}}{{#page.is_section}}section{{/page.is_section}}{{#page.is_page}}page{{/page.is_page}}\
        |children:{{#page.children}}{{title}}:{{#is_home}}home{{/is_home}}{{#is_section}}section{{/is_section}};{{/page.children}}
        """

    @Test func isSectionMeansASectionPageInSummariesAsOnThePage() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/kinds.mustache", Self.kinds)
        try site.write("Content/index.md", "---\ntitle: Главная\ntemplate: kinds\n---\nТекст.\n")
        try site.write("Content/stages/index.md", "---\ntitle: Этапы\ntemplate: kinds\n---\n")
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\ntemplate: kinds\n---\nТекст.\n")
        try site.build()
        let page = try site.html("stages/zapusk/index.html")
        #expect(page.contains("Главная:home;Этапы:section;|own:page|"), "\(page)")
        let home = try site.html("index.html")
        #expect(home.contains("|own:home|"), "the home page is not a section: \(home)")
        let section = try site.html("stages/index.html")
        #expect(section.contains("Главная:home;|own:section|"), "\(section)")
    }

    @Test func anEditOfWhatOnlyThePageShowsRendersOnlyThatPage() throws {
        let site = try FixtureSite()
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        try session.build(changed: nil)
        // `extra` and `toc` are not in the summary: no list shows them.
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\ntoc: true\nextra:\n  note: x\n---\nНовый текст.\n")
        let report = try session.build(changed: ["Content/stages/zapusk.md"])
        #expect(report.pages == 1)
        #expect(try site.html("stages/zapusk/index.html").contains("Новый текст."))
    }

    @Test func anEditOfWhatOtherPagesShowBuildsEverything() throws {
        let site = try FixtureSite()
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        let first = try session.build(changed: nil)
        for (front, why) in [("order: 5", "order"), ("order: 1\ndescription: Кратко", "description"),
                             ("order: 1\ntags: [итоги]", "tags"), ("order: 1\naliases: [/zapusk/]", "aliases")] {
            try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\n\(front)\n---\nТекст.\n")
            let report = try session.build(changed: ["Content/stages/zapusk.md"])
            #expect(report.pages >= first.pages, "\(why) is seen by other pages")
            try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\n---\nНазад к [отбору](otbor.md).\n")
            try session.build(changed: ["Content/stages/zapusk.md"])
        }
    }

    @Test func aChangeOtherPagesSeeIsNotReusedFromTheLastBuild() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/section.mustache",
                       "{{#page.children}}<p>{{title}}: {{description}}</p>{{/page.children}}")
        try site.build()
        // The section lists its children with their descriptions: a new description must reach it
        // although the section's own file did not change.
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\ndescription: Новое описание запуска\n---\nТекст.\n")
        try site.build()
        #expect(try site.html("stages/index.html").contains("Новое описание запуска"))
    }
}
