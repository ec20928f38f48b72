import Foundation
import PortalBuild
import PortalCore
import Testing

/// Broken sites: each prints exact `path:line:col: error:` lines and leaves the output alone.
@Suite struct ErrorTests {
    @Test func brokenFrontMatterLeavesThePreviousOutputUntouched() throws {
        let site = try FixtureSite()
        try site.build()
        let before = try site.snapshot()

        try site.write("Content/stages/otbor.md", """
        ---
        title: Отбор наставников
        order: [2
        ---
        Текст.
        """)
        #expect(site.errors() == [
            "Content/stages/otbor.md:4:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3)",
        ])
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.output.deletingLastPathComponent().path)
        #expect(leftovers.sorted() == [".Public.portal-lock", "Public", "site"], "no staging folder is left behind")
    }

    @Test func invalidYAMLInADataFile() throws {
        let site = try FixtureSite()
        try site.write("Content/data/forms.yml", "- id: teacher-teacher\n  title: [unclosed\n")
        #expect(site.errors() == [
            "Content/data/forms.yml:3:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)",
        ])
    }

    @Test func missingAndMistypedFields() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ndescription: без заголовка\norder: два\n---\nТекст\n")
        #expect(site.errors() == [
            "Content/about.md:2:1: error: title: required key is missing (expected text)",
            "Content/about.md:3:8: error: order: expected a whole number, found \"два\"",
        ])
    }

    @Test func mistypedDataField() throws {
        let site = try FixtureSite()
        let mentors = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(of: "experience_years: 18", with: "experience_years: десять"))
        #expect(site.errors() == [
            "Content/data/mentors.yml:7:21: error: mentors[0].experience_years: expected a whole number, found \"десять\"",
        ])
    }

    @Test func unknownKeyWithSuggestion() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitel: О программе\n---\n")
        #expect(site.errors() == [
            "Content/about.md:2:1: error: titel: unknown key (did you mean \"title\"?); allowed keys: title, description, date, order, tags, draft, template, slug, aliases, toc, extra, publish_date, expiry_date, paginate, cover, cover_alt",
            "Content/about.md:2:1: error: title: required key is missing (expected text)",
        ])
    }

    @Test func unknownTemplate() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: О программе\ntemplate: landing\n---\n")
        #expect(site.errors() == [
            "Content/about.md:3:11: error: unknown template \"landing\": the theme default has no templates/landing.mustache",
        ])
    }

    @Test func templateSyntaxError() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/page.mustache", "{{<base}}{{$main}}\n<h1>{{page.title}}</h1>\n{{#page.toc}}\n{{/main}}{{/base}}\n")
        #expect(site.errors() == [
            "Themes/default/templates/page.mustache:4:4: error: template syntax: this closing tag {{/…}} does not match the section it closes",
        ])
    }

    @Test func unknownPartial() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/home.mustache", "{{<base}}{{$main}}\n  {{> partials/hero}}\n{{/main}}{{/base}}\n")
        #expect(site.errors() == [
            "Themes/default/templates/home.mustache:2:3: error: unknown template \"partials/hero\" (no file partials/hero.mustache in the theme's templates)",
        ])
    }

    @Test func linkToAMissingMarkdownFile() throws {
        let site = try FixtureSite()
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\n---\nСм. также\n[этап 9](../stages/9.md).\n")
        #expect(site.errors() == [
            "Content/stages/zapusk.md:5:1: error: the link ../stages/9.md leads to Content/stages/9.md, which does not exist",
        ])
    }

    @Test func linkToADraft() throws {
        let site = try FixtureSite()
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\n---\n[скоро](../news/draft-post.md)\n")
        #expect(site.errors() == [
            "Content/stages/zapusk.md:4:1: error: the link ../news/draft-post.md leads to a page that is not published (a draft, or outside its publishing dates)",
        ])
        #expect(site.errors(drafts: true) == [])
    }

    @Test func twoPagesWithTheSameURL() throws {
        let site = try FixtureSite()
        try site.write("Content/about/index.md", "---\ntitle: Дубликат\n---\n")
        #expect(site.errors() == [
            "Content/about/index.md: error: this page has the URL /about/, which Content/about.md already has; rename one file or give it another slug",
        ])
    }

    @Test func frontMatterNeverClosed() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: О программе\nТекст без закрывающей строки.\n")
        #expect(site.errors() == [
            "Content/about.md:1:1: error: the front matter opened by --- on line 1 is never closed; add a line --- after it",
        ])
    }

    @Test func everyProblemIsReportedInOneBuild() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: [\n---\n")
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\ndraft: может быть\n---\n")
        #expect(site.errors().count == 2)
    }

    @Test func refusesToWriteOverTheSources() throws {
        let site = try FixtureSite()
        #expect(throws: BuildFailure.self) {
            try Builder.build(BuildOptions(root: site.root, output: site.root.appendingPathComponent("Content")))
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/site.yml").path))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let site = try FixtureSite()
        #expect(throws: BuildFailure.self) { try site.build(strict: true) }
        #expect(!site.exists("index.html"))
    }
}

@Suite struct FragmentTests {
    @Test func fragmentsAreRenderedPerMenuState() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/fragments/nav.mustache", "<nav>{{#menu}}<a href=\"{{url}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>{{/menu}}</nav>")
        try site.write("Themes/default/templates/partials/menu.mustache", "{{{fragments.nav}}}")
        try site.build()
        #expect(try site.html("stages/index.html").contains("<a href=\"/stages/\" aria-current=\"page\">Этапы</a>"))
        #expect(try site.html("about/index.html").contains("<nav><a href=\"/\">Главная</a><a href=\"/stages/\">Этапы</a>"))
    }

    @Test func aFragmentCannotUsePageValues() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/fragments/nav.mustache", "<nav>\n  <b>{{page.title}}</b></nav>")
        #expect(site.errors() == [
            "Themes/default/templates/fragments/nav.mustache:2:6: error: a fragment is rendered once for all pages and cannot use page values (page.title); move this part to a page template",
        ])
    }

    @Test func viewsAreRenderedOncePerPageAndShownInEveryList() throws {
        let site = try FixtureSite()
        // A view sees the whole site, its lists of pages included.
        try site.write("Themes/default/templates/views/item.mustache",
                       "<li>{{page.title}} ({{site.title}}{{#site.sections}}{{#first()}}, {{title}}{{/first()}}{{/site.sections}})</li>")
        try site.write("Themes/default/templates/section.mustache",
                       "<ul>{{#page.children}}{{{views.item}}}{{/page.children}}</ul><p>{{{page.views.item}}}</p>")
        try site.build()
        let stages = try site.html("stages/index.html")
        #expect(stages.contains("<ul><li>Запуск (Тестовый портал, Банк наставников)</li><li>Отбор наставников (Тестовый портал, Банк наставников)</li>"))
        #expect(stages.contains("<p><li>Этапы (Тестовый портал, Банк наставников)</li></p>"))
    }

    @Test func aViewHasNoMenu() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/views/item.mustache", "<li>{{page.title}}</li>\n{{#menu}}{{title}}{{/menu}}")
        #expect(site.errors() == [
            "Themes/default/templates/views/item.mustache:2:1: error: a view is rendered once per page, for every list, and has only page, site and data (menu); move this part to the page template that shows the list",
        ])
    }
}

@Suite struct OutputSafetyTests {
    @Test func aFolderPortalDidNotWriteIsNotReplaced() throws {
        let site = try FixtureSite()
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("my thesis".utf8).write(to: site.output.appendingPathComponent("thesis.txt"))
        #expect(site.errors() == [
            "portal: error: \(site.output.path) holds thesis.txt, which portal did not write; a build replaces the whole folder, so portal writes only to a new or empty folder or one it wrote itself: choose another folder (or move thesis.txt away)",
        ])
        #expect(try String(contentsOf: site.output.appendingPathComponent("thesis.txt"), encoding: .utf8) == "my thesis")
    }

    @Test func aFolderWithOnlyAGitkeepIsFineAndKeepsIt() throws {
        let site = try FixtureSite()
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data().write(to: site.output.appendingPathComponent(".gitkeep"))
        try site.build()
        #expect(site.exists(".gitkeep") && site.exists("index.html"))
        try site.write("Content/about.md", "---\ntitle: Снова\n---\n")
        try site.build()
        #expect(site.exists(".gitkeep"))
    }
}
