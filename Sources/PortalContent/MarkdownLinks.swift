import Foundation
import PortalCore
import PortalMarkdown

/// How a link written in Markdown — in a page, or in a Markdown field of a data file — reaches
/// its target: a link to another Markdown file becomes that page's URL, a link to a file beside
/// the text becomes its site path. One rule for pages and data, so that `[этап](stages/otbor.md)`
/// means the same wherever a teacher writes it.
public struct MarkdownLinks: Sendable {
    /// `Content/news/itogi.md` → `/news/itogi/` (drafts included, see `unpublished`).
    public var urlBySource: [String: String]
    public var unpublished: Set<String>
    /// The site root, to see whether a linked file exists.
    public var root: URL
    /// For the base path every address in HTML starts with (`SiteConfig.href`).
    public var config: SiteConfig?

    public init(urlBySource: [String: String], unpublished: Set<String>, root: URL, config: SiteConfig? = nil) {
        self.urlBySource = urlBySource
        self.unpublished = unpublished
        self.root = root
        self.config = config
    }

    public enum Outcome: Sendable {
        /// Not a link to rewrite: an external address, an anchor, a site path as written.
        case keep
        /// The address in HTML (with the base path) of the page or file the link names.
        case address(String)
        case problem(Message)
    }

    /// The replacement for `link` written in a file of `folder` (`Content/news`), nil to keep it
    /// as written; a link that leads nowhere is an error at `location`.
    public func rewrite(_ link: Markdown.Link, folder: String, location: SourceLocation, log: inout DiagnosticLog) -> String? {
        switch resolve(link.destination, from: folder, isImage: link.isImage) {
        case .keep: return nil
        case .address(let address): return address
        case .problem(let message):
            log.error(at: location, message)
            return nil
        }
    }

    /// Where a link written in a file of `folder` leads: a Markdown file becomes its page's
    /// address, another file under Content/ its own. A path from the site root to a Markdown
    /// file (`/stages/otbor.md`) is resolved from `Content/`; other `/…` addresses, `#anchors` and
    /// links with a scheme are kept.
    public func resolve(_ destination: String, from folder: String, isImage: Bool = false) -> Outcome {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || Self.hasScheme(destination) {
            return .keep
        }
        var pathPart = destination
        var suffix = ""
        if let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            pathPart = String(destination[..<cut])
            suffix = String(destination[cut...])
        }
        let decoded = Self.percentDecoded(pathPart) ?? pathPart
        let fromRoot = decoded.hasPrefix("/")
        if fromRoot && !Page.isSource(decoded) { return .keep }
        guard let resolved = Self.normalize((fromRoot ? "Content" : folder) + "/" + decoded), resolved.hasPrefix("Content/") else {
            return .problem(.linkOutsideContent(destination: destination))
        }
        if Page.isSource(resolved) {
            if let url = urlBySource[resolved] {
                if unpublished.contains(resolved) {
                    return .problem(.linkToUnpublished(destination: destination))
                }
                return .address(href(url) + suffix)
            }
            return .problem(.linkToMissingPage(destination: destination, resolved: resolved))
        }
        let relative = String(resolved.dropFirst("Content/".count))
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(resolved).path) {
            return .address(href("/" + (relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative)) + suffix)
        }
        return .problem(isImage ? .imageToMissingFile(destination: destination, resolved: resolved)
                                : .linkToMissingFile(destination: destination, resolved: resolved))
    }

    private func href(_ sitePath: String) -> String {
        config?.href(sitePath) ?? sitePath
    }

    /// `path` with its percent escapes decoded (nil when they are not UTF-8). Most links have
    /// none: then it is `path` itself, without Foundation's decoder (a link costs it more than
    /// the rest of its resolution).
    public static func percentDecoded(_ path: String) -> String? {
        path.utf8.contains(0x25) ? path.removingPercentEncoding : path
    }

    public static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && scheme.first!.isLetter
    }

    /// Collapses `.` and `..`; nil when `..` climbs above the start.
    public static func normalize(_ path: String) -> String? {
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
