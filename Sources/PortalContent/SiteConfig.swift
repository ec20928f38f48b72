import Foundation
import PortalCore
import PortalMarkdown
import PortalYAML

/// `Content/site.yml`.
public struct SiteConfig: Sendable {
    public struct MenuItem: Sendable, Hashable {
        public var title: String
        public var url: String
    }

    /// A data file whose entries each get a page.
    public struct Collection: Sendable {
        public var data: String
        /// `/events/{id}/`
        public var url: String
        /// `{name}`
        public var title: String
        public var template: String
        public var location: SourceLocation
    }

    public var title: String
    public var description: String
    /// Absolute, ending with `/`; change it with `setBaseURL` (it keeps `basePath` in step).
    public internal(set) var baseURL: String
    /// The path of `baseURL` (`/`, or `/nastavnichestvo/` for a site in a subfolder): every
    /// internal address the site writes starts with it (see BasePath.swift).
    public internal(set) var basePath: String
    public var language: String
    public var theme: String
    public var unsafeHTML: Bool
    public var typography: Bool
    public var params: DataValue
    public var menu: [MenuItem]
    public var collections: [Collection]
    public var path: String
    /// `images:` (widths, quality, avif): how photos are published; nil for the defaults.
    public var images: DataValue? = nil
    /// `news:`: which section is news (see SiteConfig-News.swift).
    public var news: News = .standard

    public var markdownOptions: Markdown.Options {
        Markdown.Options(unsafeHTML: unsafeHTML, smartPunctuation: true)
    }

    static let schema = RecordSchema([
        Field("title", .text),
        .optional("description", .text),
        Field("base_url", .text),
        .optional("language", .text),
        .optional("theme", .text),
        .optional("unsafe_html", .flag),
        .optional("typography", .flag),
        .optional("params", .any),
        .optional("menu", .list(.record(RecordSchema([Field("title", .text), Field("url", .text)])))),
        .optional("collections", .list(.record(RecordSchema([
            Field("data", .text), Field("url", .text), .optional("title", .text), .optional("template", .text),
        ])))),
        .optional("news", .record(News.schema)),
        .optional("images", .record(RecordSchema([
            .optional("widths", .list(.wholeNumber)), .optional("quality", .wholeNumber), .optional("avif", .flag),
        ]))),
    ])

    /// Links a teacher types into configuration: site paths or web addresses only. `javascript:`
    /// and `data:` would run code in a visitor's browser.
    static func isSafeLink(_ url: String) -> Bool {
        if url.hasPrefix("/") && !url.hasPrefix("//") { return !url.split(separator: "/").contains("..") }
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:")
    }

    /// `Content/site.yml` of the site at `root`.
    public static func load(root: URL) throws(BuildFailure) -> SiteConfig {
        try load(from: root.appendingPathComponent("Content").resolvingSymlinksInPath().appendingPathComponent("site.yml"),
                 path: "Content/site.yml")
    }

    static func load(from url: URL, path: String) throws(BuildFailure) -> SiteConfig {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BuildFailure([.error(at: SourceLocation(path: path),
                                       .configMissing)])
        }
        let node: YAMLNode
        do {
            guard let parsed = try YAMLDocument.parse(try SourceText.read(url, path: path), path: path) else {
                throw Diagnostic.error(at: SourceLocation(path: path, line: 1, column: 1),
                                       .configEmpty)
            }
            node = parsed
        } catch {
            throw BuildFailure([error as? Diagnostic ?? .error(at: SourceLocation(path: path), .unexpected(error))])
        }
        var validator = SchemaValidator(path: path)
        let value = validator.validate(node, as: .record(schema), keyPath: "")
        var log = validator.log
        guard let value else { throw BuildFailure(log.sorted) }

        var baseURL = value["base_url"]?.string ?? ""
        if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            log.error(at: node["base_url"]?.location(in: path),
                      .configBaseURLNotAbsolute(url: baseURL))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        if let problem = Self.baseURLProblem(baseURL) {
            log.error(at: node["base_url"]?.location(in: path), problem.keyed("base_url"))
        }

        let theme = value["theme"]?.string ?? "default"
        if Slug.make(theme) == nil || theme.contains("/") || theme.contains("..") {
            log.error(at: node["theme"]?.location(in: path), .configThemeNameInvalid(theme: theme))
        }

        let menu = (value["menu"]?.list ?? []).map {
            MenuItem(title: $0["title"]?.string ?? "", url: $0["url"]?.string ?? "/")
        }
        if case .sequence(let items)? = node["menu"]?.kind {
            for (i, item) in menu.enumerated() where !isSafeLink(item.url) {
                log.error(at: (items[i]["url"] ?? items[i]).location(in: path),
                          .configMenuURLInvalid(index: i, url: item.url))
            }
        }
        var collections: [Collection] = []
        if case .sequence(let items)? = node["collections"]?.kind {
            for (i, entry) in (value["collections"]?.list ?? []).enumerated() {
                let data = entry["data"]?.string ?? ""
                let pattern = entry["url"]?.string ?? ""
                let location = items[i].location(in: path)
                if !pattern.hasPrefix("/") || !pattern.contains("{") {
                    log.error(at: (items[i]["url"] ?? items[i]).location(in: path),
                              .configCollectionPatternInvalid(index: i, pattern: pattern))
                }
                collections.append(Collection(
                    data: data, url: pattern.hasSuffix("/") ? pattern : pattern + "/",
                    title: entry["title"]?.string ?? "{title}",
                    template: entry["template"]?.string ?? "\(data)/item",
                    location: location))
            }
        }
        let news = News.read(value["news"], node: node["news"], path: path, log: &log)
        if log.hasErrors { throw BuildFailure(log.sorted) }
        return SiteConfig(
            title: value["title"]?.string ?? "",
            description: value["description"]?.string ?? "",
            baseURL: baseURL,
            basePath: Self.basePath(of: baseURL),
            language: value["language"]?.string ?? "ru",
            theme: theme,
            unsafeHTML: value["unsafe_html"]?.bool ?? false,
            typography: value["typography"]?.bool ?? true,
            params: value["params"] ?? .map([:]),
            menu: menu,
            collections: collections,
            path: path,
            images: value["images"],
            news: news)
    }
}
