@testable import PortalContent
import Testing

/// The address a page's parent would have: everything up to the slash before the last name.
@Suite struct ParentURLTests {
    @Test(arguments: [
        ("/", "/"), ("/a/", "/"), ("/a/b/", "/a/"), ("/news/page/2/", "/news/page/"),
        ("/новости/итоги/", "/новости/"), ("/a//", "/a/"), ("", "/"), ("abc", "/"),
    ])
    func isTheAddressUpToTheSlashBeforeTheLastName(url: String, parent: String) {
        #expect(SiteLoader.parentURL(of: url) == parent)
    }
}

/// The tags of all pages, read in one pass: each spelling's slug, and each slug's first spelling.
@Suite struct TagFindingTests {
    @Test func tagsAreFoundOnceWithTheFirstSpellingAsTitle() {
        func page(_ url: String, _ tags: [String]) -> Page {
            Page(kind: .page, source: "Content\(url)x.md", url: url, title: url, description: nil, date: nil, order: nil, tags: tags,
                 draft: false, publishDate: nil, expiryDate: nil, template: nil, templateLocation: nil, aliases: [],
                 showTOC: false, extra: .map([:]), body: "", bodyLine: 1, entry: nil, parentURL: nil)
        }
        // «Ёлка» written precomposed and as Е + combining diaeresis is one tag; «ёлка» is another spelling of its slug.
        let found = TagPages.find(in: [page("/a/", ["\u{401}лка", "итоги"]), page("/b/", ["\u{415}\u{308}лка", "ёлка", "Итоги"])])
        #expect(found.slugs.count == 4)
        #expect(found.names == [found.slugs["итоги"]!: "итоги", found.slugs["\u{401}лка"]!: "\u{401}лка"])
        #expect(found.slugs["ёлка"] == found.slugs["\u{401}лка"] && found.slugs["Итоги"] == found.slugs["итоги"])
    }
}
