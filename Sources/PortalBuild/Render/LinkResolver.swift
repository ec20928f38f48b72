import Foundation
import PortalContent
import PortalCore
import PortalMarkdown

/// Rewrites links between Markdown files to page URLs and page-relative files to site paths.
/// A page at `Content/news/itogi.md` is published at `/news/itogi/`, one folder deeper than its
/// file, so relative links would break if left as written. The rule itself is `MarkdownLinks`,
/// shared with the Markdown fields of data files.
enum LinkResolver {
    static func rewrite(_ link: Markdown.Link, in page: Page, site: Site, log: inout DiagnosticLog) -> String? {
        if !site.config.unsafeHTML, UnsafeMarkdown.isBlocked(link.destination) {
            UnsafeMarkdown.reportBlocked(link, in: page, log: &log)
            return nil
        }
        let location = SourceLocation(path: page.source, line: page.bodyLine + link.line - 1, column: link.column)
        // Resolve against the file's folder (item pages have no file: against Content/).
        let baseFolder = page.body.isEmpty ? "Content" : (page.source.lastIndex(of: "/").map { String(page.source[..<$0]) } ?? "")
        switch resolve(link.destination, from: baseFolder, site: site, isImage: link.isImage) {
        case .keep:
            if let problem = escapesBasePath(link.destination, config: site.config) {
                log.warning(at: location, problem)
            }
            return nil
        case .address(let address): return address
        case .problem(let message):
            log.error(at: location, message)
            return nil
        }
    }

    typealias Outcome = MarkdownLinks.Outcome

    /// Where a link written in a file of `folder` (`Content/news`) leads: the shared rule for
    /// Markdown in pages and data (`MarkdownLinks`), and a site path written by hand gets the
    /// base path when it names a page or file of the site.
    static func resolve(_ destination: String, from folder: String, site: Site, isImage: Bool = false) -> Outcome {
        if destination.hasPrefix("/"), !destination.hasPrefix("//"),
           !Page.isSource(MarkdownLinks.percentDecoded(String(destination.prefix { $0 != "#" && $0 != "?" })) ?? destination) {
            return sitePathAddress(destination, site: site)
        }
        return site.links.resolve(destination, from: folder, isImage: isImage)
    }

    /// A site path written by hand (`/stages/zapusk/`, what the address bar shows) that names a
    /// page or a file of this site gets the base path, as every address portal writes; anything
    /// else is kept as written (and reported when it leads out of a site in a subfolder).
    static func sitePathAddress(_ destination: String, site: Site) -> Outcome {
        guard site.config.basePath != "/" else { return .keep }
        let path = String(destination.prefix { $0 != "#" && $0 != "?" })
        let decoded = MarkdownLinks.percentDecoded(path) ?? path
        if site.config.sitePath(ofHref: decoded) != nil && decoded.hasPrefix(site.config.basePath) { return .keep }
        let isPage = site.pageIndexByURL[decoded] != nil || site.pageIndexByURL[decoded + "/"] != nil
        let isFile = site.files.contains { "/" + $0.destination == decoded }
        return isPage || isFile ? .address(site.config.href(destination)) : .keep
    }

    /// A Markdown field of a data file (`about`), rendered with its links resolved from the data
    /// file's folder, as a page's are; nil when it has no link to rewrite (the loader's HTML stands).
    static func dataMarkdown(_ text: String, file: String, site: Site) -> String? {
        // By bytes, as cmark reads link syntax.
        guard text.containsBytes(0x5D, 0x28) || text.containsBytes(0x5D, 0x3A) else { return nil } // "](", "]:"
        let folder = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "Content"
        var changed = false
        let html = Markdown.render(text, options: site.config.markdownOptions) { link in
            guard case .address(let address) = resolve(link.destination, from: folder, site: site, isImage: link.isImage) else { return nil }
            changed = true
            return address
        }.html
        return changed ? html : nil
    }

    /// A site path written by hand (`/about/`) on a site published in a subfolder
    /// (`/nastavnichestvo/`) leads out of the site, to another part of its host.
    static func escapesBasePath(_ destination: String, config: SiteConfig) -> Message? {
        guard config.basePath != "/", destination.hasPrefix("/"), !destination.hasPrefix("//"),
              config.sitePath(ofHref: String(destination.prefix { $0 != "#" && $0 != "?" })) == nil else { return nil }
        return .linkOutsideBasePath(destination: destination, basePath: config.basePath)
    }

    /// The address of a file published at `relative` (a path in the output folder), as pages
    /// link to it: the one place that makes a file's address (photos and their copies too).
    static func fileURL(_ relative: String, config: SiteConfig) -> String {
        config.href(sitePath(ofFile: relative))
    }

    /// The site path of a published file (`/news/vstrecha.jpg`), for `SiteConfig.permalink`.
    static func sitePath(ofFile relative: String) -> String {
        "/" + (relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative)
    }

    /// The file under Content/ (relative to it) that a page-relative link or image names, or nil
    /// (an address, an anchor, a page, a path outside Content/: `rewrite` reports those).
    static func contentFile(_ destination: String, in page: Page) -> String? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || hasScheme(destination) { return nil }
        var pathPart = destination
        if let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) { pathPart = String(destination[..<cut]) }
        let decoded = MarkdownLinks.percentDecoded(pathPart) ?? pathPart
        let baseFolder = page.body.isEmpty ? "Content" : (page.source.lastIndex(of: "/").map { String(page.source[..<$0]) } ?? "")
        guard let resolved = normalize(baseFolder + "/" + decoded), resolved.hasPrefix("Content/"), !Page.isSource(resolved) else {
            return nil
        }
        return String(resolved.dropFirst("Content/".count))
    }

    static func hasScheme(_ text: String) -> Bool { MarkdownLinks.hasScheme(text) }

    /// Collapses `.` and `..`; nil when `..` climbs above the start.
    static func normalize(_ path: String) -> String? { MarkdownLinks.normalize(path) }
}
