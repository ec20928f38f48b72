import PortalCore

/// What other pages see of a page, listed once: what lists, menus, breadcrumbs, section links
/// and the site's lists of news show of it, and what links between pages resolve against. Made
/// once per build for every page. Three things follow from it and list nothing again:
/// - the summary templates see in lists (`page.children`, `site.news`…; PortalBuild makes it
///   from this);
/// - the build cache's fingerprint of everything a page depends on besides its own file: any
///   change here renders every page again (`GlobalFingerprint`, through `Encodable`);
/// - the preview's test that an edit changed only the page itself (`SiteLoader.reload`: equal
///   summaries before and after).
///
/// A page field that other pages show belongs here, and then nothing else needs to change for
/// the cache and the preview to follow it. One only the page itself shows (its body, `extra`,
/// `show_toc`) does not: an edit to it re-renders that page alone.
public struct PageSummary: Hashable, Sendable, Encodable {
    public var kind: Page.Kind
    /// Links between Markdown files name the file (`../news/itogi.md`).
    public var source: String
    public var url: String
    public var title: String
    public var description: String?
    public var date: SimpleDate?
    /// The place among its section's children (with `date` and `title`).
    public var order: Int?
    public var tags: [String]
    /// Whether the page is in the site at all (with the build's `--drafts` and `--future`).
    public var draft: Bool
    public var publishDate: SimpleDate?
    public var expiryDate: SimpleDate?
    /// The template decides whether the page is searchable (`search`).
    public var template: String?
    /// Each alias is a redirect to the page.
    public var aliases: [String]
    /// How many pages its list of children takes.
    public var paginate: Int?
    public var cover: String?
    public var coverAlt: String?

    public init(_ page: Page) {
        kind = page.kind
        source = page.source
        url = page.url
        title = page.title
        description = page.description
        date = page.date
        order = page.order
        tags = page.tags
        draft = page.draft
        publishDate = page.publishDate
        expiryDate = page.expiryDate
        template = page.template
        aliases = page.aliases
        paginate = page.paginate
        cover = page.cover
        coverAlt = page.coverAlt
    }
}
