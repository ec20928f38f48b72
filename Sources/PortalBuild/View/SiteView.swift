import PortalContent
import PortalCore
import PortalMarkdown
import PortalTemplates
import Synchronization

/// What every page's template sees besides the page itself (`site`, `data`, the menu, every
/// page's summary), built once per build and shared by the pages rendered on every core.
struct SiteView: Sendable {
    let site: TemplateValue
    let data: TemplateValue
    let menu: [SiteConfig.MenuItem]
    /// Each menu item's address in HTML (a site path with the base path before it).
    let menuHrefs: [String]
    /// Every page as lists show it, by index in `site.pages`, with the theme's views of it:
    /// made once, shared by every list, breadcrumb trail and section link.
    let summaries: [SummaryView]
    /// Each collection item's resolved entry (references filled in), by its page's URL.
    let entriesByURL: [String: TemplateValue]
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
        // Views see the whole `site` (with its lists of summaries, views included): they are
        // rendered later, on demand, from this context, filled in below. The data's view (one
        // thread) is made beside the summaries (every core).
        let viewContext = ViewContext()
        let (data, summaries) = concurrently({ DataView.make(site: site, images: images) }, {
            SummaryView.all(pageSummaries ?? site.pages.map(PageSummary.init), config: config, theme: theme,
                            context: viewContext, images: images)
        })
        func list(_ indices: some Sequence<Int>) -> TemplateValue {
            .list(indices.map { .object(summaries[$0]) })
        }
        let sectionIndices = (site.childrenByURL["/"] ?? []).filter { site.pages[$0].kind == .section }
        let dated = site.pages.indices
            .filter { site.pages[$0].date != nil && site.pages[$0].kind == .page }
            .sorted { (site.pages[$0].date!, site.pages[$1].url) > (site.pages[$1].date!, site.pages[$0].url) }
        let news = dated.filter { config.news.contains(site.pages[$0]) }
        var hasSection: [String: TemplateValue] = [:]
        for index in sectionIndices {
            if let first = site.pages[index].url.split(separator: "/").first { hasSection[String(first)] = true }
        }
        self.summaries = summaries
        self.site = [
            "title": .text(config.title),
            "description": .text(config.description),
            "base_url": .text(config.baseURL),
            // The path of base_url (`/`, `/nastavnichestvo/`): the theme's own addresses start with it.
            "base_path": .text(config.basePath),
            "has_base_path": .bool(config.basePath != "/"),
            "language": .text(config.language),
            "params": config.params.templateValue,
            "sections": list(sectionIndices),
            "recent": list(dated.prefix(10)),
            "news": list(news),
            "latest_news": list(news.prefix(3)),
            "has_news": .bool(!news.isEmpty),
            "year": .int(year),
            "phone_href": .text(config.params["phone"]?.string.map(Self.telephoneLink) ?? ""),
            "has_section": .map(hasSection),
            "feed_url": .text(news.isEmpty ? "" : config.href("/" + config.news.feedPath)),
        ]
        self.data = data
        var entriesByURL: [String: TemplateValue] = [:]
        for case .list(let list) in data.map?.values.map({ $0 }) ?? [] {
            for entry in list {
                if let url = entry["url"]?.text { entriesByURL[url] = entry }
            }
        }
        self.entriesByURL = entriesByURL
        self.menu = config.menu
        self.menuHrefs = config.menu.map { config.href($0.url) }
        viewContext.set(site: self.site, data: data)
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
    func menu(in state: MenuState) -> TemplateValue {
        .list(menu.enumerated().map { index, item in
            [
                "title": .text(item.title),
                "url": .text(menuHrefs[index]),
                "current": .bool(index == state.current),
                "active": .bool(index == state.active),
            ]
        })
    }
}

/// Theme fragments (`templates/fragments/*.mustache`: header, footer) depend on the site and the
/// menu, never on the page, so each is rendered once per menu state — a dozen times a build —
/// instead of once per page, and inserted with `{{{fragments.header}}}` (docs/performance.md has
/// what rendering them per page cost). The menu itself (`menu`) is kept with them: a page's
/// template gets the same value, not a list of maps made again for every page.
final class FragmentCache: Sendable {
    /// What pages with one menu state share: their `menu` and their `fragments`.
    struct Shared: Sendable {
        let menu: TemplateValue
        let fragments: Fragments
    }

    private let cache = Mutex<[SiteView.MenuState: Shared]>([:])
    private let names: [String]

    private let typography: Bool

    init(theme: Theme, typography: Bool) {
        names = theme.templateNames.filter { $0.hasPrefix("fragments/") }.sorted()
        self.typography = typography
    }

    func shared(for state: SiteView.MenuState, context: SiteView, theme: Theme) -> Shared {
        if let hit = cache.withLock({ $0[state] }) { return hit }
        let menu = context.menu(in: state)
        let root = TemplateRoot(site: context.site, data: context.data, menu: menu)
        var rendered: [String: String] = [:]
        for name in names {
            let html = theme.render(name, context: .object(root)) ?? ""
            rendered[String(name.dropFirst("fragments/".count))] = typography ? RussianTypography.apply(toHTML: html) : html
        }
        let shared = Shared(menu: menu, fragments: Fragments(html: rendered))
        cache.withLock { $0[state] = shared }
        return shared
    }
}

/// The rendered fragments by name (`{{{fragments.header}}}`).
final class Fragments: TemplateObject {
    let html: [String: String]

    init(html: [String: String]) {
        self.html = html
    }

    func value(named name: String) -> TemplateValue? {
        html[name].map(TemplateValue.text)
    }
}
