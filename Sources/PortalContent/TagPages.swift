#if canImport(Glibc)
import Glibc
#endif
import PortalCore
import PortalMarkdown

/// `/tags/` and one page per tag (`/tags/itogi/`), as Hugo and Zola make them. Both are section
/// pages, so the theme's `tags/section` (or plain `section`) lists their children: the tags, and
/// a tag's pages.
enum TagPages {
    static func url(_ slug: String) -> String { "/tags/\(slug)/" }

    /// The tags of `pages`, read once: each distinct spelling → its slug, and each slug → the
    /// first spelling met (the tag page's title).
    struct Found {
        var slugs: [String: String] = [:]
        var names: [String: String] = [:]
    }

    static func find(in pages: [Page]) -> Found {
        var found = Found()
        // Spellings met, by their bytes (hashing a Cyrillic String normalises it first); a new
        // spelling is then looked up as a String, so canonically equal tags stay one tag. The
        // first time a slug is met is the first time its first spelling is.
        var seen: Set<ByteKey> = []
        // By index: `for page in pages` copied every page.
        for index in pages.indices {
            for tag in pages[index].tags where seen.insert(ByteKey(tag)).inserted {
                if found.slugs[tag] == nil { found.slugs[tag] = Slug.make(tag) }
                if let slug = found.slugs[tag], found.names[slug] == nil { found.names[slug] = tag }
            }
        }
        return found
    }

    /// `/tags/` (unless the site has its own) and one page per tag, by slug.
    static func make(pages: [Page], names: [String: String], language: String) -> [Page] {
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
        if !pages.indices.contains(where: { pages[$0].url == "/tags/" }) {
            result.append(page("/tags/", title: russian ? "Теги" : "Tags",
                               description: russian ? "Все теги сайта" : "All tags of the site"))
        }
        for (slug, name) in names.sorted(by: { $0.key < $1.key }) {
            result.append(page(url(slug), title: name,
                               description: russian ? "Страницы с тегом «\(name)»" : "Pages tagged “\(name)”"))
        }
        return result
    }

    /// `slugs[tag]` for the tags of thousands of pages, remembered by the tag's bytes: a page's
    /// tags are a few spellings repeated, and a String key of Cyrillic text is normalised for
    /// every hash.
    struct Lookup {
        let slugs: [String: String]
        private var byBytes: [ByteKey: String?] = [:]

        init(_ slugs: [String: String]) { self.slugs = slugs }

        mutating func slug(of tag: String) -> String? {
            let key = ByteKey(tag)
            if let known = byBytes[key] { return known }
            let slug = slugs[tag]
            byBytes[key] = .some(slug)
            return slug
        }
    }
}

/// A String compared and hashed by its UTF-8 bytes (equal bytes are always equal Strings; the
/// converse needs `String`'s own comparison).
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        // memcmp over the bytes: comparing the UTF-8 views byte by byte was most of a lookup.
        var a = a.text, b = b.text
        return a.utf8.count == b.utf8.count && a.withUTF8 { x in b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
