import PortalContent
import PortalCore
import PortalTemplates

extension Builder {
    /// The page a web server shows for an address that does not exist (`404.html`), when the
    /// theme has a `404` template.
    static func notFoundPage(site: Site, theme: Theme) -> Page? {
        guard theme.has("404") else { return nil }
        let russian = Language.isRussian(siteLanguage: site.config.language)
        return Page(kind: .page, source: "Themes/\(theme.name)/templates/404.mustache", url: "/404.html",
                    title: russian ? "Страница не найдена" : "Page not found", description: nil, date: nil, order: nil,
                    tags: [], draft: false, publishDate: nil, expiryDate: nil, template: "404", templateLocation: nil,
                    aliases: [], showTOC: false, extra: .map([:]), body: "", bodyLine: 1, entry: nil, parentURL: "/")
    }
}
