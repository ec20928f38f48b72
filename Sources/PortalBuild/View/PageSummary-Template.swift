import PortalContent
import PortalCore
import PortalTemplates

/// A page as lists show it (children, recent pages, breadcrumbs): the template side of
/// `PageSummary`, made from it and nothing else.
extension PageSummary {
    /// The summary of every page, with `views`: each of the theme's `templates/views/*.mustache`
    /// rendered once for the page (`page` is the summary; `site` and `data` as elsewhere), so a
    /// list shows an item with `{{{views.list-item}}}` instead of rendering it again on every
    /// list the page is in (its section, each of its tags, the home page). Like Hugo's content
    /// views (`.Render "li"`).
    /// Views are rendered when a template first shows them (`RenderedOnDemand`), during the
    /// parallel render, and only those shown.
    static func all(_ summaries: [PageSummary], config: SiteConfig, theme: Theme, context: ViewContext,
                    images: ImageTable = .none) -> [[String: Any]] {
        let views = theme.templateNames.filter { $0.hasPrefix("views/") }.sorted()
        return summaries.concurrentMap { summary -> UncheckedSendable<[String: Any]> in
            var value = summary.templateValue(config: config, images: images)
            if !views.isEmpty {
                let own = UncheckedSendable(value)
                var rendered: [String: RenderedOnDemand] = [:]
                for name in views {
                    // Weakly: the context holds the summaries that hold this closure.
                    rendered[String(name.dropFirst("views/".count))] = RenderedOnDemand { [weak context] in
                        guard var root = context?.root else { return "" }
                        root["page"] = own.value
                        return theme.render(name, context: root) ?? ""
                    }
                }
                value["views"] = rendered
            }
            return UncheckedSendable(value)
        }.map(\.value)
    }

    /// `{title, url, permalink, description?, date?, tags?, cover?, is_section, is_home}`
    /// (docs/template-context.md). `is_section` is true for a section page only, never for the
    /// home page (`is_home`), as on the page itself.
    func templateValue(config: SiteConfig, images: ImageTable = .none) -> [String: Any] {
        var value: [String: Any] = [
            "title": title,
            "url": config.href(url),
            "permalink": Self.permalink(url, config: config),
            "is_section": kind == .section,
            "is_home": kind == .home,
        ]
        if let description { value["description"] = description }
        if let date { value["date"] = date.templateValue }
        if !tags.isEmpty { value["tags"] = tags }
        if let cover, let image = images.templateValue(cover, alt: coverAlt ?? "", eager: false, config: config) {
            value["cover"] = image
        }
        return value
    }

    static func permalink(_ url: String, config: SiteConfig) -> String {
        config.baseURL + url.dropFirst()
    }
}
