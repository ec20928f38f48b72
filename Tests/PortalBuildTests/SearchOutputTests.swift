import Foundation
import Testing
@testable import PortalBuild

/// What a build writes for search: the theme's search page when the site has none, and a
/// sharded index (manifest and fragments) on a large site.
@Suite struct SearchOutputTests {
    /// The basic fixture with the repository's default theme (which has a `search` template).
    static func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.remove("Themes")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Themes"),
                                         to: site.root.appendingPathComponent("Themes"))
        return site
    }

    @Test func siteWithoutSearchPageGetsTheThemes() throws {
        let site = try Self.site()
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/search.md").path))
        try site.build()
        let html = try site.html("search/index.html")
        #expect(html.contains("id=\"search-results\""))
        #expect(html.contains("Поиск по сайту"))
        #expect(html.contains("/assets/js/search-page.js"))
        // The search page itself is not a search result, and the header form's target exists.
        let index = try site.html("search-index.json")
        #expect(!index.contains("\"/search/\""))
        #expect(try site.html("index.html").contains("action=\"/search/\""))
    }

    @Test func siteSearchPageWins() throws {
        let site = try Self.site()
        try site.write("Content/search.md", "---\ntitle: Найти на сайте\ntemplate: search\n---\nИщите здесь.\n")
        try site.build()
        let html = try site.html("search/index.html")
        #expect(html.contains("Найти на сайте"))
        #expect(html.contains("Ищите здесь."))
    }

    @Test func largeSiteGetsFragments() throws {
        let site = try Self.site()
        for i in 0..<(SiteIndexes.shardedAbove + 5) {
            try site.write("Content/many/p\(i).md", "---\ntitle: Страница \(i)\n---\nТекст о наставнике номер \(i).\n")
        }
        try site.build()
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(try site.html("search-index.json").utf8)) as? [String: Any])
        #expect(manifest["docs"] == nil)
        let shards = try #require(manifest["shards"] as? [Int])
        for k in shards.indices { #expect(site.exists("search/t-\(k).json")) }
        let pages = try #require(manifest["n"] as? Int)
        #expect(pages > SiteIndexes.shardedAbove)
        #expect(site.exists("search/d-\((pages - 1) / 4).json"))
        #expect(!site.exists("search/d-\((pages - 1) / 4 + 1).json"))
        // The mentor without consent is in no file of the index; the mentor with it is.
        var all = try site.html("search-index.json")
        for name in try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search").path)
        where name.hasSuffix(".json") {
            all += try site.html("search/" + name)
        }
        #expect(all.contains("Иванова Анна Петровна"))
        #expect(!all.contains("Скрытов") && !all.contains("скрыт"))
    }
}
