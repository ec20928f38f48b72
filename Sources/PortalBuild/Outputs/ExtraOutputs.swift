import PortalContent
import PortalCore

/// Files portal writes besides pages (`Output`: the search index, sitemap, feed and 404 page
/// are written as these too); `make` gives the redirects, a small HTML file per alias of a page
/// that sends browsers (and search engines, with its canonical link) to the page.
enum ExtraOutputs {
    struct Output: Sendable {
        var path: String
        var content: String
        var reason: String
    }

    static func make(site: Site) -> [Output] {
        var outputs: [Output] = []
        // By index, and only the pages with aliases: `for page in site.pages` copied every page.
        for index in site.pages.indices where !site.pages[index].aliases.isEmpty {
            let page = site.pages[index]
            for alias in page.aliases {
                let path = alias.hasSuffix(".html") ? String(alias.dropFirst()) : String(alias.dropFirst()) + "index.html"
                outputs.append(Output(path: path, content: redirect(to: page, site: site), reason: "alias of \(page.source)"))
            }
        }
        return outputs + ReportFiles.outputs(site: site)
    }

    static func redirect(to page: Page, site: Site) -> String {
        let target = site.config.permalink(page.url)
        let escaped = HTMLEscaping.escape(target)
        return """
        <!DOCTYPE html>
        <html lang="\(HTMLEscaping.escape(site.config.language))">
        <head><meta charset="utf-8"><title>\(HTMLEscaping.escape(page.title))</title>
        <link rel="canonical" href="\(escaped)"><meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(escaped)"></head>
        <body><p><a href="\(escaped)">\(HTMLEscaping.escape(page.title))</a></p></body>
        </html>

        """
    }
}
