import Foundation
import PortalContent
import PortalCore
import PortalMarkdown

/// Rewrites links between Markdown files to page URLs and page-relative files to site paths.
/// A page at `Content/news/itogi.md` is published at `/news/itogi/`, one folder deeper than its
/// file, so relative links would break if left as written.
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
                log.warning(at: location, problem.english, ru: problem.russian)
            }
            return nil
        case .address(let address): return address
        case .problem(let message):
            log.error(at: location, message.english, ru: message.russian)
            return nil
        }
    }

    enum Outcome {
        /// Not a link to rewrite: an external address, an anchor, a site path as written.
        case keep
        /// The address in HTML (with the base path) of the page or file the link names.
        case address(String)
        case problem(Message)
    }

    /// Where a relative link written in a file of `folder` (`Content/news`) leads: a Markdown file
    /// becomes its page's address, another file under Content/ its own.
    static func resolve(_ destination: String, from folder: String, site: Site, isImage: Bool = false) -> Outcome {
        if destination.hasPrefix("/"), !destination.hasPrefix("//") {
            return sitePathAddress(destination, site: site)
        }
        if destination.isEmpty || destination.hasPrefix("#") || hasScheme(destination) {
            return .keep
        }
        var pathPart = destination
        var suffix = ""
        if let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            pathPart = String(destination[..<cut])
            suffix = String(destination[cut...])
        }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        guard let resolved = normalize(folder + "/" + decoded), resolved.hasPrefix("Content/") else {
            return .problem(Message("the link \(destination) leads outside Content/",
                                    ru: "ссылка \(destination) ведёт за пределы папки Content/"))
        }
        if Page.isSource(resolved) {
            if let url = site.urlBySource[resolved] {
                if site.unpublishedSources.contains(resolved) {
                    return .problem(Message("the link \(destination) leads to a page that is not published (a draft, or outside its publishing dates)",
                                            ru: "ссылка \(destination) ведёт на неопубликованную страницу (черновик или вне дат публикации)"))
                }
                return .address(site.config.href(url) + suffix)
            }
            return .problem(Message("the link \(destination) leads to \(resolved), which does not exist",
                                    ru: "ссылка \(destination) ведёт на \(resolved), а такого файла нет"))
        }
        let relative = String(resolved.dropFirst("Content/".count))
        if FileManager.default.fileExists(atPath: site.root.appendingPathComponent(resolved).path) {
            return .address(fileURL(relative, config: site.config) + suffix)
        }
        let what = isImage ? "image" : "link"
        let whatRu = isImage ? "изображение" : "ссылка"
        return .problem(Message("the \(what) \(destination) leads to \(resolved), which does not exist",
                                ru: "\(whatRu) \(destination) ведёт на \(resolved), а такого файла нет"))
    }

    /// A site path written by hand (`/stages/zapusk/`, what the address bar shows) that names a
    /// page or a file of this site gets the base path, as every address portal writes; anything
    /// else is kept as written (and reported when it leads out of a site in a subfolder).
    static func sitePathAddress(_ destination: String, site: Site) -> Outcome {
        guard site.config.basePath != "/" else { return .keep }
        let path = String(destination.prefix { $0 != "#" && $0 != "?" })
        let decoded = path.removingPercentEncoding ?? path
        if site.config.sitePath(ofHref: decoded) != nil && decoded.hasPrefix(site.config.basePath) { return .keep }
        let isPage = site.pageIndexByURL[decoded] != nil || site.pageIndexByURL[decoded + "/"] != nil
        let isFile = site.files.contains { "/" + $0.destination == decoded }
        return isPage || isFile ? .address(site.config.href(destination)) : .keep
    }

    /// A Markdown field of a data file (`about`), rendered with its links resolved from the data
    /// file's folder, as a page's are; nil when it has no link to rewrite (the loader's HTML stands).
    static func dataMarkdown(_ text: String, file: String, site: Site) -> String? {
        guard text.contains("](") || text.contains("]:") else { return nil }
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
        return Message("the link \(destination) leads outside the site, which is published at \(config.basePath), "
                       + "and names none of its pages or files: link the page's Markdown file (../about.md), "
                       + "or write the full address (https://…) of another site",
                       ru: "ссылка \(destination) ведёт за пределы сайта, опубликованного по адресу \(config.basePath), "
                       + "и не называет ни одной его страницы или файла: сошлитесь на файл страницы (../about.md) "
                       + "или напишите полный адрес (https://…) другого сайта")
    }

    /// The address of a file published at `relative` (a path in the output folder), as pages
    /// link to it: the one place that makes a file's address (photos and their copies too).
    static func fileURL(_ relative: String, config: SiteConfig) -> String {
        config.href(sitePath(ofFile: relative))
    }

    /// The site path of a published file (`/news/vstrecha.jpg`), for `PageSummary.permalink`.
    static func sitePath(ofFile relative: String) -> String {
        "/" + (relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative)
    }

    /// The file under Content/ (relative to it) that a page-relative link or image names, or nil
    /// (an address, an anchor, a page, a path outside Content/: `rewrite` reports those).
    static func contentFile(_ destination: String, in page: Page) -> String? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || hasScheme(destination) { return nil }
        var pathPart = destination
        if let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) { pathPart = String(destination[..<cut]) }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        let baseFolder = page.body.isEmpty ? "Content" : (page.source.lastIndex(of: "/").map { String(page.source[..<$0]) } ?? "")
        guard let resolved = normalize(baseFolder + "/" + decoded), resolved.hasPrefix("Content/"), !Page.isSource(resolved) else {
            return nil
        }
        return String(resolved.dropFirst("Content/".count))
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
