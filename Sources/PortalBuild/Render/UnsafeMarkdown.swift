import PortalContent
import PortalCore
import PortalMarkdown

/// What cmark leaves out of a page while `unsafe_html` is false, said aloud: raw HTML is
/// dropped and a `javascript:` link is blanked (`href=""`). An editor must learn why text
/// vanished or a link went dead.
enum UnsafeMarkdown {
    /// Raw HTML in the page's Markdown: one warning for each, at its line and column.
    static func warnRawHTML(in page: Page, log: inout DiagnosticLog) {
        for html in Markdown.rawHTML(in: page.body) {
            log.warning(at: SourceLocation(path: page.source, line: page.bodyLine + html.line - 1, column: html.column),
                        .pageRawHTML(html: html.text))
        }
    }

    static func isBlocked(_ destination: String) -> Bool {
        Markdown.isDangerousDestination(destination)
    }

    static func reportBlocked(_ link: Markdown.Link, in page: Page, log: inout DiagnosticLog) {
        let scheme = link.destination.prefix { $0 != ":" }.lowercased()
        let shown = link.destination.count > 60 ? String(link.destination.prefix(60)) + "…" : link.destination
        // Markdown.Link counts columns in characters already (Unicode scalars), as messages do.
        log.error(at: SourceLocation(path: page.source, line: page.bodyLine + link.line - 1, column: link.column),
                  .pageDangerousLink(link: shown, scheme: scheme))
    }
}
