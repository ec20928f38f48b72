import Foundation
import PortalContent
import PortalCore
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/sites")

@Suite struct SiteLoaderTests {
    @Test func urlsFromPaths() throws {
        let (site, _) = try SiteLoader.load(root: fixtures.appendingPathComponent("basic"), model: .none)
        let urls = site.pages.map(\.url)
        #expect(urls.contains("/"))
        #expect(urls.contains("/stages/"))
        #expect(urls.contains("/stages/nested/deep/"))
        #expect(urls.contains("/novosti/itogi/"), "Cyrillic paths are transliterated")
        #expect(!urls.contains("/news/draft-post/"))
        #expect(site.urlBySource["Content/news/draft-post.md"] == "/news/draft-post/")
    }

    @Test func draftsOnRequest() throws {
        let (site, _) = try SiteLoader.load(root: fixtures.appendingPathComponent("basic"), model: .none, options: .init(includeDrafts: true))
        #expect(site.page(at: "/news/draft-post/") != nil)
    }

    @Test func childrenAreOrderedThenNewestThenByTitle() throws {
        let (site, _) = try SiteLoader.load(root: fixtures.appendingPathComponent("basic"), model: .none)
        let children = (site.childrenByURL["/stages/"] ?? []).map { site.pages[$0].url }
        #expect(children == ["/stages/zapusk/", "/stages/otbor/", "/stages/nested/deep/"])
    }
}
