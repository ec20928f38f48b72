import Foundation
import PortalBuild
import PortalCore
import Testing

/// `news:` in site.yml: which section is news (its feed, its posts' JSON-LD type, `site.news`).
@Suite struct NewsSettingTests {
    /// The basic fixture with templates that show what news gives: the home page's list and feed
    /// link, a page's JSON-LD.
    static func site(settings: String?) throws -> FixtureSite {
        let site = try FixtureSite()
        if let settings {
            try site.write("Content/site.yml", try site.read("Content/site.yml") + settings)
        }
        try site.write("Themes/default/templates/page.mustache",
                       "{{<base}}{{$main}}{{#page.json_ld}}<script type=\"application/ld+json\">{{{.}}}</script>{{/page.json_ld}}{{/main}}{{/base}}")
        try site.write("Themes/default/templates/home.mustache",
                       "{{<base}}{{$main}}<ul>{{#site.news}}<li>{{title}}</li>{{/site.news}}</ul><p>feed={{site.feed_url}}</p>{{/main}}{{/base}}")
        try site.write("Content/news/old.md", "---\ntitle: Старая запись\ndate: 2025-05-01\n---\nТекст.\n")
        // The fixture's Content/новости/итоги.md ("Итоги года") is published at /novosti/itogi/.
        try site.write("Content/novosti/index.md", "---\ntitle: События\n---\n")
        return site
    }

    @Test func aSectionNamedInSiteYmlIsTheNews() throws {
        let site = try Self.site(settings: "news:\n  section: /novosti/\n  json_ld_type: NewsArticle\n")
        try site.build()
        let home = try site.html("index.html")
        #expect(home.contains("<ul><li>Итоги года</li></ul>"), "the home page's news list comes from /novosti/")
        #expect(home.contains("feed=/novosti/atom.xml"))
        #expect(site.exists("novosti/atom.xml"))
        #expect(!site.exists("news/atom.xml"))
        let feed = try site.html("novosti/atom.xml")
        #expect(feed.contains("<title type=\"text\">События — Тестовый портал</title>"))
        #expect(feed.contains("<id>https://example.org/novosti/</id>"))
        #expect(feed.contains("https://example.org/novosti/itogi/"))
        #expect(!feed.contains("Старая запись"))
        #expect(try site.html("novosti/itogi/index.html").contains("\"@type\":\"NewsArticle\""))
        #expect(!(try site.html("news/old/index.html")).contains("ld+json"), "/news/ is an ordinary section now")
    }

    @Test func theJSONLDTypeIsTheSitesChoice() throws {
        let site = try Self.site(settings: "news: {section: /novosti/, json_ld_type: BlogPosting}\n")
        try site.build()
        let post = try site.html("novosti/itogi/index.html")
        #expect(post.contains("\"@type\":\"BlogPosting\""))
        #expect(!post.contains("NewsArticle"))
    }

    @Test func withoutTheSettingNewsIsNewsAsBefore() throws {
        let implicit = try Self.site(settings: nil)
        try implicit.build()
        let explicit = try Self.site(settings: "news:\n  section: /news/\n  json_ld_type: NewsArticle\n")
        try explicit.build()
        let files = try implicit.relativeSnapshot()
        #expect(files == (try explicit.relativeSnapshot()), "the default is /news/ with NewsArticle")
        #expect(files["news/atom.xml"] != nil)
        #expect(try implicit.html("index.html").contains("<ul><li>Старая запись</li></ul><p>feed=/news/atom.xml</p>"))
        #expect(try implicit.html("news/old/index.html").contains("\"@type\":\"NewsArticle\""))
    }

    @Test func aWrongSettingIsReportedAtItsLineAndColumn() throws {
        // The basic fixture's site.yml has 13 lines: news: is line 14.
        let misspelt = try Self.site(settings: "news:\n  sectoin: /novosti/\n")
        #expect(misspelt.errorIDs() == ["Content/site.yml:15:3 data.unknown-key"])
        #expect(misspelt.errorDiagnostics().first?.message.arguments["key"] == "news.sectoin")
        let notAPath = try Self.site(settings: "news:\n  section: novosti\n")
        #expect(notAPath.errorIDs() == ["Content/site.yml:15:12 config.news-section-invalid"])
        #expect(notAPath.errorDiagnostics().first?.message.arguments == ["section": "novosti"])
        let badType = try Self.site(settings: "news: {section: /novosti/, json_ld_type: \"News Article\"}\n")
        #expect(badType.errorIDs() == ["Content/site.yml:14:42 config.news-type-invalid"])
    }

    @Test func aSectionWithoutPagesIsAWarning() throws {
        let site = try Self.site(settings: "news:\n  section: /sobytiya/\n")
        let report = try site.build()
        #expect(report.warnings.contains {
            $0.said == "Content/site.yml:15:12 config.news-section-empty" && $0.message.arguments == ["section": "/sobytiya/"]
        }, "\(report.warnings.map(\.said))")
        #expect(!site.exists("news/atom.xml"))
    }
}
