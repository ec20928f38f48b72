import Foundation
import PortalContent
import PortalCore
import PortalMarkdown

/// Rewrites links between Markdown files to page URLs and page-relative files to site paths.
/// A page at `Content/news/itogi.md` is published at `/news/itogi/`, one folder deeper than its
/// file, so relative links would break if left as written.
enum LinkResolver {
    static func rewrite(_ link: Markdown.Link, in page: Page, site: Site, log: inout DiagnosticLog) -> String? {
        let destination = link.destination
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || hasScheme(destination) {
            return nil
        }
        var pathPart = destination
        var suffix = ""
        if let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            pathPart = String(destination[..<cut])
            suffix = String(destination[cut...])
        }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        let location = SourceLocation(path: page.source, line: page.bodyLine + link.line - 1, column: link.column)
        // Resolve against the file's folder (item pages have no file: against Content/).
        let baseFolder = page.body.isEmpty ? "Content" : (page.source.lastIndex(of: "/").map { String(page.source[..<$0]) } ?? "")
        guard let resolved = normalize(baseFolder + "/" + decoded), resolved.hasPrefix("Content/") else {
            log.error(at: location, "the link \(destination) leads outside Content/",
                      ru: "ссылка \(destination) ведёт за пределы папки Content/")
            return nil
        }
        if Page.isSource(resolved) {
            if let url = site.urlBySource[resolved] {
                if site.unpublishedSources.contains(resolved) {
                    log.error(at: location, "the link \(destination) leads to a page that is not published (a draft, or outside its publishing dates)",
                              ru: "ссылка \(destination) ведёт на неопубликованную страницу (черновик или вне дат публикации)")
                    return nil
                }
                return url + suffix
            }
            log.error(at: location, "the link \(destination) leads to \(resolved), which does not exist",
                      ru: "ссылка \(destination) ведёт на \(resolved), а такого файла нет")
            return nil
        }
        let relative = String(resolved.dropFirst("Content/".count))
        if FileManager.default.fileExists(atPath: site.root.appendingPathComponent(resolved).path) {
            return "/" + (relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative) + suffix
        }
        let what = link.isImage ? "image" : "link"
        let whatRu = link.isImage ? "изображение" : "ссылка"
        log.error(at: location, "the \(what) \(destination) leads to \(resolved), which does not exist",
                  ru: "\(whatRu) \(destination) ведёт на \(resolved), а такого файла нет")
        return nil
    }

    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && scheme.first!.isLetter
    }

    /// Collapses `.` and `..`; nil when `..` climbs above the start.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
