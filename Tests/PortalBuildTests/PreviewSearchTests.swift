import Foundation
@testable import PortalBuild
import PortalCore
import Testing

/// The preview keeps the search index and the news feed in step with page edits.
@Suite struct PreviewSearchTests {
    @Test func anEditUpdatesTheSearchIndexAndTheFeed() throws {
        let site = try FixtureSite()
        try site.write("Content/news/first.md", "---\ntitle: Первая новость\ndate: 2025-10-01\n---\nСтарый текст новости.\n")
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        try session.build(changed: nil)
        #expect(!(try site.html("search-index.json")).contains("\"квазиуникальн\""))
        #expect(try site.html("news/atom.xml").contains("Старый текст новости."))

        try site.write("Content/news/first.md", "---\ntitle: Первая новость\ndate: 2025-10-01\n---\nКвазиуникальный текст новости.\n")
        let report = try session.build(changed: ["Content/news/first.md"])
        #expect(report.pages == 1, "the fast path")
        let index = try site.html("search-index.json")
        #expect(index.contains("\"квазиуникальн\""))
        #expect(index.contains("Квазиуникальный текст новости."))
        #expect(!index.contains("Старый текст"))
        let feed = try site.html("news/atom.xml")
        #expect(feed.contains("Квазиуникальный текст новости."))
        #expect(!feed.contains("Старый текст новости."))
    }

    @Test func aLargeSitesEditRewritesItsFragments() throws {
        let site = try FixtureSite()
        for i in 0..<(SiteIndexes.shardedAbove + 5) {
            try site.write("Content/many/p\(i).md", "---\ntitle: Страница \(i)\n---\nТекст о наставнике номер \(i).\n")
        }
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        try session.build(changed: nil)
        let manifest = try site.html("search-index.json")
        #expect(!manifest.contains("\"квазиуникальн\""))

        try site.write("Content/many/p7.md", "---\ntitle: Страница 7\n---\nКвазиуникальный текст.\n")
        #expect(try session.build(changed: ["Content/many/p7.md"]).pages == 1)
        #expect(try site.html("search-index.json").contains("\"квазиуникальн\""))
        var fragments = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search").path) {
            fragments += try site.html("search/" + name)
        }
        #expect(fragments.contains("Квазиуникальный текст."))
        #expect(!fragments.contains("Текст о наставнике номер 7."))
    }
}
