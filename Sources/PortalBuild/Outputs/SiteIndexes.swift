import Foundation
import PortalContent
import PortalCore
import PortalMarkdown
import PortalSearch

/// Site-wide files made from all pages once they are rendered: the search index, the sitemap,
/// robots.txt and the Atom feed of news.
enum SiteIndexes {
    /// What one rendered page gives the indexes.
    struct Contribution: Sendable {
        var search: SearchDocument?
        /// For news posts: the summary and the body's HTML, for the feed.
        var newsSummary: String?
        var newsBodyHTML: String?
    }

    /// The paths written, known before rendering (to claim them and make their folders).
    static func paths(site: Site) -> [String] {
        let news = site.config.news
        let hasNews = site.pages.indices.contains { news.contains(kind: site.pages[$0].kind, url: site.pages[$0].url, date: site.pages[$0].date) }
        return ["search-index.json", "sitemap.xml", "robots.txt"] + (hasNews ? [site.config.news.feedPath] : [])
            + (searchIsSharded(site: site) ? ["search/d-0.json"] : [])
    }

    /// A site of more than this many searchable pages gets a sharded search index (a manifest and
    /// fragments under search/): a visitor loads only what a query needs. A smaller one gets one file.
    static let shardedAbove = 300

    static func searchIsSharded(site: Site) -> Bool {
        // Counted by index, without copying pages (a filter copies each one it keeps, and
        // `reduce` each one it passes).
        var count = 0
        for index in site.pages.indices where isSearchable(site.pages[index]) { count += 1 }
        return count > shardedAbove
    }

    /// Pages a search should find: not the search page itself, not page 2… of a list, not tags.
    static func isSearchable(_ page: Page) -> Bool {
        page.template != "search" && page.url != "/search/" && page.pagination.map { $0.number == 1 } ?? true
            && !page.url.hasPrefix("/tags/")
    }


    /// The title of the page's top-level section («О программе» for /about/team/).
    static func sectionTitle(of page: Page, site: Site) -> String {
        // The first path segment of "/top/…", by bytes (a split per page showed in the profile).
        let url = page.url.utf8
        var start = url.startIndex
        while start < url.endIndex, url[start] == 0x2F { start = url.index(after: start) }
        guard start < url.endIndex else { return "" }
        let end = url[start...].firstIndex(of: 0x2F) ?? url.endIndex
        let top = "/" + String(Substring(url[start..<end])) + "/"
        guard page.url != top else { return "" }
        return site.pageIndexByURL[top].map { site.pages[$0].title } ?? ""
    }

    /// What `page` gives the indexes. `given` is the page's rendered Markdown when the caller has
    /// it (else it is rendered here, once, if needed); `html` is asked for only when the page
    /// shows more than its Markdown. Either way a page reused from the last build gives exactly
    /// what a freshly rendered one would.
    static func contribution(page: Page, html: () -> String?, body given: Markdown.Rendered?, site: Site,
                             renderer: PageRenderer) -> Contribution {
        var result = Contribution()
        var body = given
        func markdown() -> Markdown.Rendered {
            if let body { return body }
            let rendered = renderer.markdown(for: page)
            body = rendered
            return rendered
        }
        if isSearchable(page) {
            let section = sectionTitle(of: page, site: site)
            if page.kind == .page, page.entry == nil {
                // A plain page's <main> is its title and its Markdown: use the text cmark has
                // rather than reading the HTML again (a tenth of a large build). Pages that show
                // data are read from their HTML, so nothing withheld can enter.
                let text = markdown()
                result.search = SearchDocument(title: page.title, url: site.config.href(page.url), section: section,
                                               headings: text.headings.map(\.text), text: text.plainText)
            } else if let html = html() {
                result.search = SearchIndex.document(title: page.title, url: site.config.href(page.url), section: section, html: html)
            }
        }
        if site.config.news.contains(page) {
            let text = markdown()
            result.newsSummary = page.description ?? TextCutter.description.cut(text.firstParagraph)
            result.newsBodyHTML = text.html
        }
        return result
    }

    static func outputs(site: Site, contributions: [Contribution], images: ImageTable = .none) -> [ExtraOutputs.Output] {
        let config = site.config
        var outputs: [ExtraOutputs.Output] = []
        let documents = contributions.compactMap(\.search)
        // The sitemap and the feed are made on another thread while the search index (itself on
        // every core) is; the files keep their order.
        let (others, searchFiles) = concurrently({ () -> (sitemap: String, feed: ExtraOutputs.Output?) in
            // By index: `compactMap` over the pages copied each one.
            let sitemap = Feeds.sitemap(site.pages.indices.compactMap { index in
                isSearchable(site.pages[index]) || site.pages[index].url.hasPrefix("/tags/")
                    ? SitemapEntry(loc: config.permalink(site.pages[index].url), lastmod: site.pages[index].date)
                    : nil
            })
            return (sitemap, feed(site: site, contributions: contributions, images: images))
        }, {
            let sharded = searchIsSharded(site: site)
            return SearchIndex.files(for: documents, textLimit: searchTextLimit(sharded: sharded), sharded: sharded)
        })
        for file in searchFiles { outputs.append(.init(path: file.path, content: file.content, reason: "the search index")) }
        outputs.append(.init(path: "sitemap.xml", content: others.sitemap, reason: "the sitemap"))
        outputs.append(.init(path: "robots.txt", content: Feeds.robots(sitemapURL: config.baseURL + "sitemap.xml"),
                             reason: "robots.txt"))
        if let feed = others.feed { outputs.append(feed) }
        return outputs
    }

    /// Characters of a page's text kept for snippets: a sharded index loads a result's record only
    /// when it is shown, and 400 characters are enough for a snippet around the first match.
    static func searchTextLimit(sharded: Bool) -> Int {
        sharded ? 400 : SearchIndex.defaultTextLimit
    }

    /// The preview's search index, from what the last full build's pages gave.
    static func liveSearchIndex(site: Site, contributions: [Contribution]) -> LiveSearchIndex {
        let sharded = searchIsSharded(site: site)
        return LiveSearchIndex(documents: contributions.compactMap(\.search), textLimit: searchTextLimit(sharded: sharded),
                               sharded: sharded)
    }

    /// The Atom feed of the 20 newest news posts, nil for a site without news.
    static func feed(site: Site, contributions: [Contribution], images: ImageTable) -> ExtraOutputs.Output? {
        let config = site.config
        let section = config.news
        // The news posts picked by index first: zipping all pages with their contributions
        // copied every page.
        let news = site.pages.indices.filter { $0 < contributions.count && section.contains(site.pages[$0]) }.map { (site.pages[$0], contributions[$0]) }
            .sorted { ($0.0.date!, $1.0.url) > ($1.0.date!, $0.0.url) }
        guard let newest = news.first?.0.date else { return nil }
        let author = config.params["school_short"]?.string ?? config.params["school"]?.string ?? config.title
        let feed = AtomFeed(
            title: site.page(at: section.section).map { "\($0.title) — \(config.title)" } ?? config.title,
            id: config.baseURL + section.section.dropFirst(), selfURL: config.baseURL + section.feedPath,
            siteURL: config.baseURL + section.section.dropFirst(),
            updated: newest, authorName: author,
            entries: news.prefix(20).map { page, contribution in
                let link = config.permalink(page.url)
                var entry = AtomEntry(title: page.title, url: link, id: link, published: page.date!,
                                      summary: contribution.newsSummary ?? "", contentHTML: contribution.newsBodyHTML)
                NewsCover.add(to: &entry, page: page, images: images, config: config)
                return entry
            },
            language: config.language)
        return .init(path: section.feedPath, content: Feeds.atom(feed), reason: "the news feed")
    }
}
