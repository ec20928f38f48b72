import PortalContent
import PortalCore
import PortalMarkdown
import PortalTemplates
import Synchronization

/// What every page's template sees besides the page itself, built once per build.
struct SiteContext: @unchecked Sendable {
    // @unchecked: immutable after init; holds the template engine's `Any` dictionaries.
    let site: [String: Any]
    let data: [String: Any]
    let menu: [SiteConfig.MenuItem]
    /// Each menu item's address in HTML (a site path with the base path before it).
    let menuHrefs: [String]
    /// Every page as lists show it (`PageSummary`), by index in `site.pages`, with the theme's
    /// views of it: made once, shared by every list, breadcrumb trail and section link.
    let summaries: [[String: Any]]
    /// Each collection item's resolved entry (references filled in), by its page's URL.
    let entriesByURL: [String: Any]
    /// Owns what the views are rendered with (they refer to it weakly).
    private let viewContext: ViewContext
    /// The photos as published (their copies and sizes), for pages, data and lists.
    let images: ImageTable

    /// `tel:+78652000000` from «+7 (8652) 00-00-00».
    static func telephoneLink(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }

    /// `summaries` are the pages' `PageSummary`, in page order, when the caller has them.
    init(site: Site, year: Int, theme: Theme, images: ImageTable = .none, summaries pageSummaries: [PageSummary]? = nil) {
        let config = site.config
        self.images = images
        let data = ProgrammeData.make(site: site, images: images)
        let base: [String: Any] = [
            "title": config.title,
            "description": config.description,
            "base_url": config.baseURL,
            // The path of base_url (`/`, `/nastavnichestvo/`): the theme's own addresses start with it.
            "base_path": config.basePath,
            "has_base_path": config.basePath != "/",
            "language": config.language,
            "params": config.params.templateValue,
        ]
        // Views see the whole `site` (with its lists of summaries, views included): they are
        // rendered later, on demand, from this context, filled in below.
        let viewContext = ViewContext()
        let summaries = PageSummary.all(pageSummaries ?? site.pages.map(PageSummary.init), config: config, theme: theme,
                                        context: viewContext, images: images)
        let sections = (site.childrenByURL["/"] ?? []).filter { site.pages[$0].kind == .section }.map { summaries[$0] }
        let dated = site.pages.indices
            .filter { site.pages[$0].date != nil && site.pages[$0].kind == .page }
            .sorted { (site.pages[$0].date!, site.pages[$1].url) > (site.pages[$1].date!, site.pages[$0].url) }
        let recent = dated.prefix(10).map { summaries[$0] }
        let news = dated.filter { config.news.contains(site.pages[$0]) }.map { summaries[$0] }
        self.summaries = summaries
        self.site = base.merging([
            "sections": sections,
            "recent": Array(recent),
            "news": news,
            "latest_news": Array(news.prefix(3)),
            "has_news": !news.isEmpty,
            "year": year,
            "phone_href": config.params["phone"]?.string.map(Self.telephoneLink) ?? "",
            "has_section": Dictionary(uniqueKeysWithValues: (site.childrenByURL["/"] ?? []).filter { site.pages[$0].kind == .section }
                .compactMap { site.pages[$0].url.split(separator: "/").first.map { (String($0), true) } }),
            "feed_url": news.isEmpty ? "" : config.href("/" + config.news.feedPath),
        ]) { a, _ in a }
        self.data = data
        var entriesByURL: [String: Any] = [:]
        for case let list as [[String: Any]] in data.values {
            for entry in list {
                if let url = entry["url"] as? String { entriesByURL[url] = entry }
            }
        }
        self.entriesByURL = entriesByURL
        self.menu = config.menu
        self.menuHrefs = config.menu.map { config.href($0.url) }
        viewContext.root = ["site": self.site, "data": data]
        self.viewContext = viewContext
    }

    /// The menu with the current item marked: exact match, or the section the page is in.
    /// Which menu item is the page itself and which holds it; it is all a menu depends on.
    struct MenuState: Hashable, Sendable {
        var current: Int?
        var active: Int?
    }

    func menuState(for url: String) -> MenuState {
        let best = menu.map(\.url).filter { $0 == url || ($0 != "/" && url.hasPrefix($0)) }.max { $0.count < $1.count }
        return MenuState(current: menu.firstIndex { $0.url == url }, active: best.flatMap { b in menu.firstIndex { $0.url == b } })
    }

    /// The menu with the current item marked: exact match, or the section the page is in.
    func menu(in state: MenuState) -> [[String: Any]] {
        menu.enumerated().map { index, item in
            [
                "title": item.title,
                "url": menuHrefs[index],
                "current": index == state.current,
                "active": index == state.active,
            ]
        }
    }
}

/// Theme fragments (`templates/fragments/*.mustache`: header, footer) depend on the site and the
/// menu, never on the page, so each is rendered once per menu state — a dozen times a build —
/// instead of once per page, and inserted with `{{{fragments.header}}}`. A quarter of the
/// render time of a 10,000-page build was the header and footer.
final class FragmentCache: Sendable {
    private let cache = Mutex<[SiteContext.MenuState: [String: String]]>([:])
    private let names: [String]

    private let typography: Bool

    init(theme: Theme, typography: Bool) {
        names = theme.templateNames.filter { $0.hasPrefix("fragments/") }.sorted()
        self.typography = typography
    }

    func fragments(for state: SiteContext.MenuState, context: SiteContext, theme: Theme) -> [String: String] {
        if names.isEmpty { return [:] }
        if let hit = cache.withLock({ $0[state] }) { return hit }
        let root: [String: Any] = ["site": context.site, "data": context.data, "menu": context.menu(in: state)]
        var rendered: [String: String] = [:]
        for name in names {
            let html = theme.render(name, context: root) ?? ""
            rendered[String(name.dropFirst("fragments/".count))] = typography ? RussianTypography.apply(toHTML: html) : html
        }
        cache.withLock { $0[state] = rendered }
        return rendered
    }
}

/// What views are rendered with besides their page: `site` and `data`, set once when the site
/// context is complete, before any page is rendered (and read only after that).
final class ViewContext: @unchecked Sendable {
    var root: [String: Any] = [:]
}

/// Carries template values (`Any` dictionaries, immutable once made) across threads.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
