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

    /// `tel:+78652000000` from «+7 (8652) 00-00-00».
    static func telephoneLink(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }

    init(site: Site, year: Int) {
        let config = site.config
        let data = ProgrammeData.make(site: site)
        var sections: [[String: Any]] = []
        for index in site.childrenByURL["/"] ?? [] where site.pages[index].kind == .section {
            sections.append(PageSummary.make(site.pages[index], config: config))
        }
        let recent = site.pages
            .filter { $0.date != nil && $0.kind == .page }
            .sorted { ($0.date!, $1.url) > ($1.date!, $0.url) }
            .prefix(10)
            .map { PageSummary.make($0, config: config) }
        let news = site.pages
            .filter { $0.date != nil && $0.kind == .page && $0.url.hasPrefix("/news/") }
            .sorted { ($0.date!, $1.url) > ($1.date!, $0.url) }
            .map { PageSummary.make($0, config: config) }
        self.site = [
            "title": config.title,
            "description": config.description,
            "base_url": config.baseURL,
            "language": config.language,
            "params": config.params.templateValue,
            "sections": sections,
            "recent": Array(recent),
            "news": news,
            "latest_news": Array(news.prefix(3)),
            "has_news": !news.isEmpty,
            "year": year,
            "phone_href": config.params["phone"]?.string.map(Self.telephoneLink) ?? "",
            "has_section": Dictionary(uniqueKeysWithValues: sections.compactMap { ($0["url"] as? String)?.split(separator: "/").first.map { (String($0), true) } }),
            "feed_url": news.isEmpty ? "" : "/news/atom.xml",
        ]
        self.data = data
        self.menu = config.menu
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
    func menu(for url: String) -> [[String: Any]] {
        menu(in: menuState(for: url))
    }

    func menu(in state: MenuState) -> [[String: Any]] {
        menu.enumerated().map { index, item in
            [
                "title": item.title,
                "url": item.url,
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

/// A page as lists show it (children, recent pages, breadcrumbs).
enum PageSummary {
    static func make(_ page: Page, config: SiteConfig) -> [String: Any] {
        var summary: [String: Any] = [
            "title": page.title,
            "url": page.url,
            "permalink": permalink(page.url, config: config),
            "is_section": page.isSection,
        ]
        if let description = page.description { summary["description"] = description }
        if let date = page.date { summary["date"] = date.templateValue }
        if !page.tags.isEmpty { summary["tags"] = page.tags }
        return summary
    }

    static func permalink(_ url: String, config: SiteConfig) -> String {
        config.baseURL + url.dropFirst()
    }
}
