import Foundation
@testable import PortalBuild
import PortalContent
import PortalCore
import Testing

/// A site published in a subfolder (`https://user.github.io/repo/`, a school's
/// `https://school.ru/nastavnichestvo/`): every internal address starts with the base path.
@Suite struct BasePathTests {
    @Test func theBasePathIsThePathOfBaseURL() {
        #expect(SiteConfig.basePath(of: "https://school.ru/") == "/")
        #expect(SiteConfig.basePath(of: "https://school.ru") == "/")
        #expect(SiteConfig.basePath(of: "https://user.github.io/repo/") == "/repo/")
        #expect(SiteConfig.basePath(of: "https://school.ru/a/b") == "/a/b/")
        #expect(SiteConfig.baseURLProblem("https://school.ru/a b/") != nil)
        #expect(SiteConfig.baseURLProblem("https://school.ru/../x/") != nil)
        #expect(SiteConfig.baseURLProblem("https:///x/") != nil)
        #expect(SiteConfig.baseURLProblem("https://school.ru/nastavnichestvo/") == nil)
        #expect(SiteConfig.checkCommandLineBaseURL("school.ru/x/")?.id == "cli.base-url-not-absolute")
        #expect(SiteConfig.checkCommandLineBaseURL("https://school.ru/a b/")?.id == "config.base-url-not-plain")
        #expect(SiteConfig.checkCommandLineBaseURL("https://school.ru/a b/")?.arguments["key"] == "--base-url")
    }

    @Test func addressesGetTheBasePathAndComeBackFromIt() throws {
        var config = try SiteConfig.load(root: repositoryRoot)
        #expect(config.href("/news/") == "/news/")  // at the root nothing changes
        config.setBaseURL("https://user.github.io/repo")
        #expect(config.baseURL == "https://user.github.io/repo/")
        #expect(config.href("/news/") == "/repo/news/")
        #expect(config.href("/") == "/repo/")
        #expect(config.href("https://x.ru/") == "https://x.ru/")
        #expect(config.href("//cdn/x") == "//cdn/x")
        #expect(config.href("#top") == "#top")
        #expect(config.sitePath(ofHref: "/repo/news/") == "/news/")
        #expect(config.sitePath(ofHref: "/repo") == "/")
        #expect(config.sitePath(ofHref: "/news/") == nil)
    }

    /// The real site built for `/sub/`: no address in any page, the sitemap, the feed, robots.txt
    /// or the search index leaves the base path.
    @Test func theRealSiteBuiltForASubfolderStaysInIt() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portal-base-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var options = realSiteOptions(output: base.appendingPathComponent("Public"))
        options.baseURL = "https://school.example.ru/sub/"
        try Builder.build(options)
        let attribute = try NSRegularExpression(pattern: "(?:href|src|action|content)=\"([^\"]*)\"")
        var checked = 0
        for entry in FileTree.walk(options.output.path) where entry.kind == .file && entry.path.hasSuffix(".html") {
            let html = try String(contentsOfFile: options.output.path + "/" + entry.path, encoding: .utf8)
            for match in attribute.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let value = String(html[Range(match.range(at: 1), in: html)!])
                guard value.hasPrefix("/") || value.hasPrefix("http") else { continue }
                checked += 1
                #expect(value.hasPrefix("/sub/") || value.hasPrefix("https://school.example.ru/sub/")
                        || !value.contains("school.example.ru"), "\(entry.path): \(value)")
            }
            #expect(html.contains("<meta name=\"portal-base-path\" content=\"/sub/\">"), "\(entry.path)")
        }
        #expect(checked > 1000)
        let home = try String(contentsOfFile: options.output.path + "/index.html", encoding: .utf8)
        #expect(home.contains("<link rel=\"stylesheet\" href=\"/sub/assets/css/main.css\">"))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://school.example.ru/sub/\">"))
        #expect(home.contains("\"url\":\"https://school.example.ru/sub/\""))  // JSON-LD
        #expect(home.contains("href=\"/sub/news/atom.xml\""))
        let about = try String(contentsOfFile: options.output.path + "/about/index.html", encoding: .utf8)
        // Written by hand in Markdown as /stages/zapusk/ (a data page, with no Markdown file).
        #expect(about.contains("href=\"/sub/stages/zapusk/\""))
        let robots = try String(contentsOfFile: options.output.path + "/robots.txt", encoding: .utf8)
        #expect(robots.contains("Sitemap: https://school.example.ru/sub/sitemap.xml"))
        let sitemap = try String(contentsOfFile: options.output.path + "/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("<loc>https://school.example.ru/sub/about/</loc>"))
        #expect(!sitemap.contains("<loc>https://school.example.ru/about/"))
        let feed = try String(contentsOfFile: options.output.path + "/news/atom.xml", encoding: .utf8)
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://school.example.ru/sub/news/atom.xml\"/>"))
        let index = try String(contentsOfFile: options.output.path + "/search-index.json", encoding: .utf8)
        #expect(index.contains("\"u\":\"/sub/about/\""))
        #expect(!index.contains("\"u\":\"/about/\""))
    }

    @Test func theFixtureInASubfolder() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", """
        ---
        title: О программе
        aliases: [/old/about/]
        tags: [итоги]
        ---
        [Этапы](stages/index.md), [запуск](/stages/zapusk/), [план](files/plan.svg), [главная](/).

        """)
        try site.write("Content/data/forms.yml", """
        - id: teacher-teacher
          title: Учитель — учитель
          mentor: опытный педагог
          mentee: молодой специалист
          goals: [адаптация]
          description: См. [этап отбора](../stages/otbor.md) и [план](../files/plan.svg).

        """)
        var options = BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!)
        options.baseURL = "https://example.org/portal/"
        try Builder.build(options)
        let about = try site.html("about/index.html")
        #expect(about.contains("<a href=\"/portal/stages/\">Этапы</a>"))
        #expect(about.contains("<a href=\"/portal/stages/zapusk/\">запуск</a>"))
        #expect(about.contains("<a href=\"/portal/files/plan.svg\">план</a>"))
        #expect(about.contains("<a href=\"/portal/\">главная</a>"))
        #expect(about.contains("href=\"/portal/assets/css/site.css\""))
        #expect(about.contains("<a href=\"/portal/stages/\">Этапы</a> "))  // the menu
        let redirect = try site.html("old/about/index.html")
        #expect(redirect.contains("url=https://example.org/portal/about/"))
        options.output = site.output.deletingLastPathComponent().appendingPathComponent("Again")  // not up to date: renders
        let context = try #require(try PreviewContext.renderer(options))
        let forms = try #require(context.context.data["forms"]?.list)
        #expect(forms.first?["description_html"]?.text?.contains("<a href=\"/portal/stages/otbor/\">этап отбора</a>") == true)
        #expect(forms.first?["description_html"]?.text?.contains("<a href=\"/portal/files/plan.svg\">план</a>") == true)
    }

    /// `portal check` names a site path written by hand that leaves a site in a subfolder: a
    /// warning (it may mean the school's main site on purpose), so `--strict` fails on it.
    @Test func theCheckFindsALinkThatEscapesTheBasePath() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: О программе\n---\nСм. [школу](/shkola/novosti/).\n")
        var options = BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!)
        options.baseURL = "https://example.org/portal/"
        let report = try LinkChecker.check(options)
        #expect(report.diagnostics.contains {
            $0.severity == .warning && $0.said == "Content/about.md:4:5 link.outside-base-path"
                && $0.message.arguments == ["destination": "/shkola/novosti/", "basePath": "/portal/"]
        }, "\(report.diagnostics.map(\.said))")
        // The build says so too (a warning: --strict in CI fails on it).
        #expect(throws: BuildFailure.self) {
            var strict = options
            strict.strict = true
            try Builder.build(strict)
        }
        // At the root of its host the same link is simply one that leads nowhere.
        options.baseURL = nil
        let atRoot = try LinkChecker.check(options).diagnostics
        #expect(atRoot.contains { $0.message.id == "check.link-to-missing" && $0.message.arguments == ["link": "/shkola/novosti/", "target": "/shkola/novosti/"] },
                "\(atRoot.map(\.said))")
    }
}

/// The renderer of a finished build, to look at what templates see.
enum PreviewContext {
    static func renderer(_ options: BuildOptions) throws -> PageRenderer? {
        try Builder.run(options).renderer
    }
}

/// Pagination, breadcrumbs and tag links of a site in a subfolder.
@Suite struct BasePathListsTests {
    @Test func pagerCrumbsAndTagsCarryTheBasePath() throws {
        let site = try FixtureSite()
        try site.write("Content/news/index.md", "---\ntitle: Новости\npaginate: 2\n---\n")
        for day in 1...5 {
            try site.write("Content/news/post-\(day).md", "---\ntitle: Новость \(day)\ndate: 2025-09-0\(day)\ntags: [Итоги]\n---\n")
        }
        try site.write("Themes/default/templates/news/section.mustache", """
        {{<base}}{{$main}}{{#page.pager}}<nav>{{#prev_url}}<a rel="prev" href="{{.}}">←</a>{{/prev_url}}{{#pages}}<a href="{{url}}">{{number}}</a>{{/pages}}{{#next_url}}<a rel="next" href="{{.}}">→</a>{{/next_url}}</nav>{{/page.pager}}
        <ol>{{#page.breadcrumbs}}<li><a href="{{url}}">{{title}}</a></li>{{/page.breadcrumbs}}</ol>{{/main}}{{/base}}
        """)
        try site.write("Themes/default/templates/news/page.mustache", """
        {{<base}}{{$main}}{{#page.tag_links}}<a class="tag" href="{{url}}">{{name}}</a>{{/page.tag_links}}{{/main}}{{/base}}
        """)
        var options = BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!)
        options.baseURL = "https://example.org/portal/"
        try Builder.build(options)
        let second = try site.html("news/page/2/index.html")
        #expect(second.contains("<a rel=\"prev\" href=\"/portal/news/\">←</a><a href=\"/portal/news/\">1</a><a href=\"/portal/news/page/2/\">2</a>"))
        #expect(second.contains("<a rel=\"next\" href=\"/portal/news/page/3/\">→</a>"))
        #expect(second.contains("<li><a href=\"/portal/\">"))
        #expect(try site.html("news/post-1/index.html").contains("<a class=\"tag\" href=\"/portal/tags/itogi/\">Итоги</a>"))
        #expect(try site.html("tags/itogi/index.html").contains("href=\"/portal/news/post-1/\""))
    }
}
