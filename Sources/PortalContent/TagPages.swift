import PortalCore
import PortalMarkdown

/// `/tags/` and one page per tag (`/tags/itogi/`), as Hugo and Zola make them. Both are section
/// pages, so the theme's `tags/section` (or plain `section`) lists their children: the tags, and
/// a tag's pages.
enum TagPages {
    static func url(_ slug: String) -> String { "/tags/\(slug)/" }

    /// Each distinct tag of `pages` → its slug, made once (thousands of pages share a few tags).
    static func slugs(of pages: [Page]) -> [String: String] {
        var slugs: [String: String] = [:]
        var seen: Set<String> = []
        // By index: `for page in pages` copied every page.
        for index in pages.indices {
            for tag in pages[index].tags where seen.insert(tag).inserted {
                slugs[tag] = Slug.make(tag)
            }
        }
        return slugs
    }

    static func make(pages: [Page], slugs: [String: String], language: String) -> [Page] {
        var names: [String: String] = [:]  // slug → the first spelling met
        for index in pages.indices {
            for tag in pages[index].tags {
                guard let slug = slugs[tag] else { continue }
                if names[slug] == nil { names[slug] = tag }
            }
        }
        guard !names.isEmpty else { return [] }
        let russian = Language.isRussian(siteLanguage: language)
        func page(_ url: String, title: String, description: String) -> Page {
            Page(kind: .section, source: "Content/site.yml", url: url, title: title, description: description,
                 date: nil, order: nil, tags: [], draft: false, publishDate: nil, expiryDate: nil,
                 template: nil, templateLocation: nil, aliases: [], showTOC: false, extra: .map(["taxonomy": .string("tags")]),
                 body: "", bodyLine: 1, entry: nil, parentURL: nil)
        }
        // A teacher's own Content/tags/index.md replaces the generated list of tags.
        var result: [Page] = []
        if !pages.contains(where: { $0.url == "/tags/" }) {
            result.append(page("/tags/", title: russian ? "Теги" : "Tags",
                               description: russian ? "Все теги сайта" : "All tags of the site"))
        }
        for (slug, name) in names.sorted(by: { $0.key < $1.key }) {
            result.append(page(url(slug), title: name,
                               description: russian ? "Страницы с тегом «\(name)»" : "Pages tagged “\(name)”"))
        }
        return result
    }
}
