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
                        "the HTML \(html.text) is left out of the page (unsafe_html is off in site.yml); write it in Markdown instead",
                        ru: "HTML-код \(html.text) не попадает на страницу (unsafe_html выключен в site.yml); запишите это средствами Markdown")
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
                  "the link \(shown) is removed from the page: \(scheme): links can run code or open files on the reader's computer; link to a page or a web address (https://…)",
                  ru: "ссылка \(shown) удаляется со страницы: ссылки \(scheme): могут запускать код или открывать файлы на компьютере читателя; дайте ссылку на страницу или адрес в интернете (https://…)")
    }
}
