import PortalContent
import PortalCore
import PortalTemplates
import Synchronization

/// A page as lists show it (children, recent pages, breadcrumbs, section links):
/// `{title, url, permalink, description?, date?, tags?, cover?, is_section, is_home, views}`
/// (docs/template-context.md), made from its `PageSummary` and nothing else, once per build,
/// and shared by every list the page is in.
final class SummaryView: TemplateObject {
    let summary: PageSummary
    let url: String
    let permalink: String
    let date: TemplateValue?
    let cover: TemplateValue?
    /// Each of the theme's `templates/views/*.mustache` rendered for this page when a template
    /// first shows it, so a list shows an item with `{{{views.list-item}}}` instead of rendering
    /// it again on every list the page is in. Like Hugo's content views (`.Render "li"`).
    let views: [String: RenderedOnDemand]

    convenience init(_ summary: PageSummary, config: SiteConfig, images: ImageTable) {
        self.init(summary, url: config.href(summary.url), permalink: config.permalink(summary.url),
                  date: summary.date?.templateValue,
                  cover: summary.cover.flatMap { images.templateValue($0, alt: summary.coverAlt ?? "", eager: false, config: config) },
                  views: [:])
    }

    private init(_ summary: PageSummary, url: String, permalink: String, date: TemplateValue?, cover: TemplateValue?,
                 views: [String: RenderedOnDemand]) {
        self.summary = summary
        self.url = url
        self.permalink = permalink
        self.date = date
        self.cover = cover
        self.views = views
    }

    /// The same page with `views` (each rendered with this page, which has none of its own).
    func with(views: [String: RenderedOnDemand]) -> SummaryView {
        SummaryView(summary, url: url, permalink: permalink, date: date, cover: cover, views: views)
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .text(summary.title)
        case "url": .text(url)
        case "permalink": .text(permalink)
        case "description": .text(summary.description)
        case "date": date
        case "tags": summary.tags.isEmpty ? nil : .texts(summary.tags)
        case "cover": cover
        case "is_section": .bool(summary.kind == .section)
        case "is_home": .bool(summary.kind == .home)
        case "views": views.isEmpty ? nil : .object(Views(views: views))
        default: nil
        }
    }

    private final class Views: TemplateObject {
        let views: [String: RenderedOnDemand]
        init(views: [String: RenderedOnDemand]) {
            self.views = views
        }
        func value(named name: String) -> TemplateValue? {
            views[name].map(TemplateValue.rendered)
        }
    }

    /// The summary of every page, in page order, each with the theme's views. A view renders
    /// with `page` being the summary and `site` and `data` as elsewhere (from `context`, filled
    /// in once the site's view is complete: the site's lists hold these summaries).
    static func all(_ summaries: [PageSummary], config: SiteConfig, theme: Theme, context: ViewContext,
                    images: ImageTable = .none) -> [SummaryView] {
        let names = theme.templateNames.filter { $0.hasPrefix("views/") }.sorted()
        return summaries.concurrentMap { summary in
            let page = SummaryView(summary, config: config, images: images)
            if names.isEmpty { return page }
            var views: [String: RenderedOnDemand] = [:]
            for name in names {
                // The context weakly: it holds the site's lists, which hold these summaries.
                views[String(name.dropFirst("views/".count))] = RenderedOnDemand { [weak context] in
                    guard let context else { return "" }
                    return theme.render(name, context: .object(context.root(page: .object(page)))) ?? ""
                }
            }
            return page.with(views: views)
        }
    }
}

/// What views are rendered with besides their page: `site` and `data`, set once when the site's
/// view is complete, before any page is rendered.
final class ViewContext: Sendable {
    private let shared = Mutex<(site: TemplateValue, data: TemplateValue)>((.map([:]), .map([:])))

    func set(site: TemplateValue, data: TemplateValue) {
        shared.withLock { $0 = (site, data) }
    }

    func root(page: TemplateValue) -> TemplateRoot {
        let (site, data) = shared.withLock { $0 }
        return TemplateRoot(site: site, data: data, page: page)
    }
}

/// The names a template starts from: `site`, `data`, `page`, `menu`, `fragments`.
final class TemplateRoot: TemplateObject {
    let site: TemplateValue
    let data: TemplateValue
    let page: TemplateValue?
    let menu: TemplateValue?
    let fragments: TemplateValue?

    init(site: TemplateValue, data: TemplateValue, page: TemplateValue? = nil, menu: TemplateValue? = nil,
         fragments: TemplateValue? = nil) {
        self.site = site
        self.data = data
        self.page = page
        self.menu = menu
        self.fragments = fragments
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "page": page
        case "site": site
        case "data": data
        case "fragments": fragments
        case "menu": menu
        default: nil
        }
    }
}
