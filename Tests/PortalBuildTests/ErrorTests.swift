import Foundation
import PortalBuild
import PortalCore
import Testing

/// Broken sites: each says which problem where (`path:line:col` and the message's id) and
/// leaves the output alone. The first test reads the line as the command line prints it.
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
        #expect(site.errorIDs() == ["Content/data/forms.yml:3:1 yaml.syntax"])
        #expect(site.errorDiagnostics().first?.message.arguments["problem"] == "did not find expected ',' or ']'")
    }

    @Test func missingAndMistypedFields() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ndescription: без заголовка\norder: два\n---\nТекст\n")
        #expect(site.errorIDs() == ["Content/about.md:2:1 data.required-key-missing", "Content/about.md:3:8 data.wrong-type"])
        let messages = site.errorDiagnostics().map(\.message)
        #expect(messages.first?.arguments == ["key": "title", "expected": "expect.text"])
        #expect(messages.last?.arguments == ["key": "order", "expected": "expect.whole-number", "found": "value.text"])
    }

    @Test func mistypedDataField() throws {
        let site = try FixtureSite()
        let mentors = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(of: "experience_years: 18", with: "experience_years: десять"))
        #expect(site.errorIDs() == ["Content/data/mentors.yml:7:21 data.wrong-type"])
        #expect(site.errorDiagnostics().first?.message.arguments["key"] == "mentors[0].experience_years")
    }

    @Test func unknownKeyWithSuggestion() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitel: О программе\n---\n")
        #expect(site.errorIDs() == ["Content/about.md:2:1 data.unknown-key", "Content/about.md:2:1 data.required-key-missing"])
        let unknown = try #require(site.errorDiagnostics().first?.message)
        #expect(unknown.arguments["key"] == "titel")
        #expect(unknown.arguments["closest"] == "title")
        #expect(unknown.arguments["allowed"]?.hasPrefix("title, description, date, order, tags") == true)
    }

    @Test func unknownTemplate() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: О программе\ntemplate: landing\n---\n")
        #expect(site.errorIDs() == ["Content/about.md:3:11 template.missing-in-theme"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["name": "landing", "theme": "default"])
    }

    @Test func templateSyntaxError() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/page.mustache", "{{<base}}{{$main}}\n<h1>{{page.title}}</h1>\n{{#page.toc}}\n{{/main}}{{/base}}\n")
        #expect(site.errorIDs() == ["Themes/default/templates/page.mustache:4:4 template.syntax"])
        #expect(site.errorDiagnostics().first?.message.arguments["reason"] == "template.close-tag-mismatch")
    }

    @Test func unknownPartial() throws {
        let site = try FixtureSite()
        try site.write("Themes/default/templates/home.mustache", "{{<base}}{{$main}}\n  {{> partials/hero}}\n{{/main}}{{/base}}\n")
        #expect(site.errorIDs() == ["Themes/default/templates/home.mustache:2:3 template.unknown"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["name": "partials/hero"])
    }

    @Test func linkToAMissingMarkdownFile() throws {
        let site = try FixtureSite()
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\n---\nСм. также\n[этап 9](../stages/9.md).\n")
        #expect(site.errorIDs() == ["Content/stages/zapusk.md:5:1 link.to-missing-page"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["destination": "../stages/9.md", "resolved": "Content/stages/9.md"])
    }

    @Test func linkToADraft() throws {
        let site = try FixtureSite()
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\n---\n[скоро](../news/draft-post.md)\n")
        #expect(site.errorIDs() == ["Content/stages/zapusk.md:4:1 link.to-unpublished"])
        #expect(site.errorIDs(drafts: true) == [])
    }

    @Test func twoPagesWithTheSameURL() throws {
        let site = try FixtureSite()
        try site.write("Content/about/index.md", "---\ntitle: Дубликат\n---\n")
        #expect(site.errorIDs() == ["Content/about/index.md page.url-taken"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["url": "/about/", "other": "Content/about.md"])
    }

    @Test func frontMatterNeverClosed() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: О программе\nТекст без закрывающей строки.\n")
        #expect(site.errorIDs() == ["Content/about.md:1:1 yaml.front-matter-unclosed"])
    }

    @Test func everyProblemIsReportedInOneBuild() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: [\n---\n")
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\ndraft: может быть\n---\n")
        #expect(site.errorIDs() == ["Content/about.md:3:1 yaml.syntax", "Content/stages/zapusk.md:3:8 data.wrong-type"])
    }

    @Test func refusesToWriteOverTheSources() throws {
        let site = try FixtureSite()
        do {
            try Builder.build(BuildOptions(root: site.root, output: site.root.appendingPathComponent("Content")))
            Issue.record("the site was written into Content/")
        } catch {
            #expect(error.diagnostics.map(\.said) == ["portal output.is-source"])
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
        #expect(site.errorIDs() == ["Themes/default/templates/fragments/nav.mustache:2:6 template.page-value-in-fragment"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["value": "page.title"])
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
        #expect(site.errorIDs() == ["Themes/default/templates/views/item.mustache:2:1 template.value-missing-in-view"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["value": "menu"])
    }
}

@Suite struct OutputSafetyTests {
    @Test func aFolderPortalDidNotWriteIsNotReplaced() throws {
        let site = try FixtureSite()
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("my thesis".utf8).write(to: site.output.appendingPathComponent("thesis.txt"))
        #expect(site.errorIDs() == ["portal output.foreign-entry"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["folder": site.output.path, "entry": "thesis.txt"])
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
