import Foundation
import PortalContent
import PortalCore
import PortalTemplates

/// The search page a site gets from its theme when it has none of its own: every page's header
/// form sends its query to /search/, so a site without Content/search.md (or any page at that
/// address) still answers it, from the theme's `search` template.
enum ThemeSearchPage {
    static let url = "/search/"
    static let outputPath = "search/index.html"

    /// The page to render, or nil when the site has a page at /search/ or the theme no `search` template.
    static func page(site: Site, theme: Theme) -> Page? {
        guard theme.has("search"), site.page(at: url) == nil else { return nil }
        let russian = Language.isRussian(siteLanguage: site.config.language)
        return Page(kind: .page, source: "Themes/\(theme.name)/templates/search.mustache", url: url,
                    title: russian ? "Поиск по сайту" : "Search", description: nil, date: nil, order: nil,
                    tags: [], draft: false, publishDate: nil, expiryDate: nil, template: "search", templateLocation: nil,
                    aliases: [], showTOC: false, extra: .map([:]), body: "", bodyLine: 1, entry: nil, parentURL: "/")
    }
}
