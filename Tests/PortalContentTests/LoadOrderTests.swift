import Foundation
import PortalContent
import PortalCore
import Testing

private func site(_ files: [String: String]) throws -> URL {
    try temporarySite(files)
}

private func errors(_ root: URL) -> [Diagnostic] {
    do {
        _ = try SiteLoader.load(root: root, model: .none, options: LoadOptions(today: SimpleDate(parsing: "2026-01-15")!))
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite struct LoadOrderTests {
    @Test func everyPageThatTakesAnAddressNamesTheFirstOne() throws {
        let root = try site([
            "news/itogi.md": "---\ntitle: Итоги\n---\n",
            "news/itogi/index.md": "---\ntitle: Итоги, раздел\n---\n",
            "news/z.md": "---\ntitle: Тоже итоги\nslug: itogi\n---\n",
            "news/a.md": "---\ntitle: Другая\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let taken = errors(root).filter { $0.message.id == "page.url-taken" }
        #expect(taken.map { $0.location?.path } == ["Content/news/itogi/index.md", "Content/news/z.md"])
        #expect(taken.map { $0.message.arguments["other"] } == ["Content/news/itogi.md", "Content/news/itogi.md"])
        #expect(taken.allSatisfy { $0.message.arguments["url"] == "/news/itogi/" })
    }

    @Test func childrenByOrderThenNewestThenTitleThenAddress() throws {
        let root = try site([
            "razdel/index.md": "---\ntitle: Раздел\n---\n",
            "razdel/b.md": "---\ntitle: Б\norder: 2\n---\n",
            "razdel/a.md": "---\ntitle: А\norder: 2\ndate: 2025-03-01\n---\n",
            "razdel/c.md": "---\ntitle: В\norder: 1\n---\n",
            "razdel/d.md": "---\ntitle: Старая\ndate: 2024-01-01\n---\n",
            "razdel/e.md": "---\ntitle: Новая\ndate: 2025-01-01\n---\n",
            "razdel/g.md": "---\ntitle: Ёж\n---\n",
            "razdel/f.md": "---\ntitle: Ёж\n---\n",
            "razdel/h.md": "---\ntitle: Арбуз\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (loaded, _) = try SiteLoader.load(root: root, model: .none)
        let children = (loaded.childrenByURL["/razdel/"] ?? []).map { loaded.pages[$0].url }
        // Titles by code point: Ё (U+0401) before А (U+0410); equal titles by address.
        #expect(children == ["/razdel/c/", "/razdel/a/", "/razdel/b/", "/razdel/e/", "/razdel/d/",
                             "/razdel/f/", "/razdel/g/", "/razdel/h/"])
    }

    @Test func anAliasClaimedTwiceIsReportedAtTheLaterFile() throws {
        let root = try site([
            "a.md": "---\ntitle: А\naliases: [/staroe/]\n---\n",
            "b.md": "---\ntitle: Б\n---\n",
            "c.md": "---\ntitle: В\naliases:\n  - /drugoe/\n  - /staroe/\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let taken = errors(root).filter { $0.message.id == "page.alias-taken" }
        #expect(taken.count == 1)
        #expect(taken.first?.location == SourceLocation(path: "Content/c.md", line: 5, column: 5))
        #expect(taken.first?.message.arguments["first"] == "Content/a.md:3:11")
    }

    @Test func oneTagHowEverItsLettersAreComposed() throws {
        // «Ёлка» composed (Ё) and decomposed (Е + U+0308): one tag, one page listing both.
        let root = try site([
            "a.md": "---\ntitle: А\ntags: [\"\u{401}лка\"]\n---\n",
            "b.md": "---\ntitle: Б\ntags: [\"\u{415}\u{308}лка\", другой]\n---\n",
            "c.md": "---\ntitle: В\ntags: [\"\u{401}лка\"]\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (loaded, _) = try SiteLoader.load(root: root, model: .none)
        let tagPages = loaded.pages.map(\.url).filter { $0.hasPrefix("/tags/") && $0 != "/tags/" }
        #expect(tagPages.count == 2)
        let slug = try #require(loaded.tagSlugs["\u{401}лка"])
        #expect(loaded.tagSlugs["\u{415}\u{308}лка"] == slug)
        #expect(loaded.tagSlugs.count == 2)
        let listed = (loaded.childrenByURL["/tags/\(slug)/"] ?? []).map { loaded.pages[$0].url }.sorted()
        #expect(listed == ["/a/", "/b/", "/c/"])
    }
}
