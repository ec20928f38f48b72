import Foundation
import PortalCore
import PortalMarkdown

/// The whole site, loaded and validated: what the render stage needs and nothing it must not
/// publish (withheld entries are already gone).
public struct Site: Sendable {
    public var root: URL
    public var config: SiteConfig
    /// Published pages, sorted by URL.
    public var pages: [Page]
    /// Validated data files by name, withheld entries removed.
    public var data: [String: DataFile]
    /// Content files copied as they are.
    public var files: [StaticFile]
    /// `Content/news/itogi.md` → `/news/itogi/`, for rewriting links between Markdown files.
    /// Includes drafts, so that a link to a draft can be told from a link to nothing.
    public var urlBySource: [String: String]
    /// Sources of draft (or otherwise unpublished) pages.
    public var unpublishedSources: Set<String>
    /// Pages and data entries left out (drafts, not yet or no longer published).
    public var leftOut: [LeftOut]
    /// URL of every published page → its index in `pages`.
    public var pageIndexByURL: [String: Int]
    /// Children of each section page, in display order (order, then newest, then title).
    public var childrenByURL: [String: [Int]]
    /// Each tag as pages spell it → its slug (`/tags/<slug>/`); tags that give none are absent.
    public var tagSlugs: [String: String] = [:]
    /// The day the site is built for (`--today`): what is published, and where the programme stands.
    public var today: SimpleDate = .today
    /// What the data files are (their schemas, the order they resolve in), as the site was loaded with.
    public var dataModel: DataModel = .none

    public func page(at url: String) -> Page? {
        pageIndexByURL[url].map { pages[$0] }
    }

    /// Indices (in `pages`) of a page's ancestors, from the home page down, not the page itself.
    public func ancestorIndices(of page: Page) -> [Int] {
        var chain: [Int] = []
        var parent = page.parentURL
        while let url = parent, let index = pageIndexByURL[url] {
            chain.append(index)
            parent = pages[index].parentURL
        }
        return chain.reversed()
    }

    /// Entries of data file `name` that may be published (empty when the file is absent).
    public func entries(_ name: String) -> [DataEntry] {
        data[name]?.entries ?? []
    }
}

public struct LoadOptions: Sendable {
    public var includeDrafts: Bool
    /// Include pages and entries whose publish_date is still to come or whose expiry_date has passed.
    public var includeFuture: Bool
    /// The date publish_date and expiry_date are compared with.
    public var today: SimpleDate

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, today: SimpleDate = .today) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.today = today
    }

    /// Why an item with these dates is not published today, or nil when it is.
    public func unpublishedReason(draft: Bool, publish: SimpleDate?, expiry: SimpleDate?) -> Message? {
        if draft && !includeDrafts {
            return .unpublishedDraft
        }
        if !includeFuture, let publish, publish > today {
            return .unpublishedFuture(date: publish)
        }
        if !includeFuture, let expiry, expiry < today {
            return .unpublishedExpired(date: expiry)
        }
        return nil
    }
}

/// An item left out of this build, for `--verbose`.
public struct LeftOut: Sendable, Hashable {
    public var location: SourceLocation
    public var reason: Message
}

extension Site {
    /// The rule for links written in this site's Markdown.
    public var links: MarkdownLinks {
        MarkdownLinks(urlBySource: urlBySource, unpublished: unpublishedSources, root: root, config: config)
    }
}
