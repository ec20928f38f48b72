import Foundation
import PortalCore
import PortalMarkdown
import PortalYAML

/// Reads one Markdown file into a `Page`: front matter validated, URL decided.
enum PageReader {
    struct Read: Sendable {
        var page: Page
        var warnings: [Diagnostic]
    }

    static let frontMatter = RecordSchema([
        Field("title", .text),
        .optional("description", .text),
        .optional("date", .date),
        .optional("order", .wholeNumber),
        .optional("tags", .list(.text)),
        .optional("draft", .flag),
        .optional("template", .text),
        .optional("slug", .text),
        .optional("aliases", .list(.text)),
        .optional("toc", .flag),
        .optional("extra", .any),
        .optional("publish_date", .date),
        .optional("expiry_date", .date),
        .optional("paginate", .wholeNumber),
        .optional("cover", .text),
        .optional("cover_alt", .text),
    ])

    /// Reads the page at `file`, which is `Content/<relative>`.
    static func read(file: String, relative: String) -> Result<Read, BuildFailure> {
        let path = "Content/" + relative
        let absolutePath = file
        let split: FrontMatterSplit
        let yaml: YAMLNode?
        do throws(Diagnostic) {
            let text = try SourceText.read(file: file, path: path)
            split = try FrontMatterSplit.split(text, path: path)
            if let frontMatter = split.yaml {
                yaml = try YAMLDocument.parse(frontMatter, path: path, lineOffset: split.yamlLineOffset)
            } else {
                yaml = nil
            }
        } catch {
            return .failure(BuildFailure([error]))
        }
        guard let yaml else {
            let at = SourceLocation(path: path, line: 1, column: 1)
            return .failure(BuildFailure([.error(
                at: at,
                .pageNoFrontMatter)]))
        }
        var validator = SchemaValidator(path: path)
        let value = validator.validate(yaml, as: .record(frontMatter), keyPath: "")
        guard let value, !validator.log.hasErrors else { return .failure(BuildFailure(validator.log.sorted)) }
        var log = DiagnosticLog()

        // URL: Content/a/b.md → /a/b/; Content/a/index.md → /a/; segments slugged.
        var segments = relative.split(separator: "/").map(String.init)
        let file = segments.removeLast()
        let fileName = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
        let isIndex = fileName == "index" || fileName == "_index"
        var urlSegments = segments.map { Slug.make($0) ?? $0 }
        var kind: Page.Kind = isIndex ? (segments.isEmpty ? .home : .section) : .page
        if !isIndex {
            var last = Slug.make(fileName) ?? "page"
            if let slug = value["slug"]?.string {
                if Slug.make(slug) == slug {
                    last = slug
                } else {
                    log.error(at: yaml["slug"]?.location(in: path),
                              .pageSlugInvalid(slug: slug, example: Slug.make(slug) ?? "itogi-goda"))
                }
            }
            urlSegments.append(last)
        } else if value["slug"] != nil {
            log.warning(at: yaml["slug"]?.location(in: path), .pageSlugOnSection)
        }
        if kind == .section && urlSegments.isEmpty { kind = .home }
        let url = "/" + urlSegments.map { $0 + "/" }.joined()

        let title = value["title"]?.string ?? ""
        if title.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            log.error(at: (yaml["title"] ?? yaml).location(in: path), .pageTitleEmpty)
        }
        var aliases: [String] = []
        var aliasLocations: [SourceLocation] = []
        var aliasItems: [YAMLNode] = []
        if case .sequence(let items)? = yaml["aliases"]?.kind { aliasItems = items }
        for (i, alias) in (value["aliases"]?.list ?? []).enumerated() {
            guard let text = alias.string else { continue }
            let at = i < aliasItems.count ? aliasItems[i].location(in: path) : yaml["aliases"]?.location(in: path)
            let segments = text.split(separator: "/")
            if !text.hasPrefix("/") || text.hasPrefix("//") || segments.contains("..") || segments.contains(".")
                || text.contains("://") || text.contains("\\") || text.contains("\0") {
                log.error(at: at,
                          .pageAliasNotPath(index: i, alias: text))
                continue
            }
            if let bad = text.unicodeScalars.first(where: PageNames.isForbiddenInAlias) {
                let shown = Diagnostic.escapingControls(String(bad))
                log.error(at: at,
                          .pageAliasForbiddenCharacter(index: i, alias: text, character: shown))
                continue
            }
            if let long = PageNames.tooLong(text.split(separator: "/").map(String.init)) {
                log.error(at: at, PageNames.tooLongMessage(long))
                continue
            }
            aliases.append(text.hasSuffix("/") || text.hasSuffix(".html") ? text : text + "/")
            aliasLocations.append(at ?? SourceLocation(path: path))
        }
        // A tag gets a page of its own, named by its slug.
        if case .sequence(let items)? = yaml["tags"]?.kind {
            for item in items {
                if let tag = item.scalar?.text, let long = PageNames.tooLong([Slug.make(tag) ?? ""]) {
                    log.error(at: item.location(in: path), PageNames.tooLongMessage(long))
                }
            }
        }
        // A file or folder name of Cyrillic grows when transliterated; a name longer than the
        // file system allows would fail while writing, far from its cause.
        if let long = PageNames.tooLong(urlSegments) {
            let at = value["slug"] != nil && !isIndex ? yaml["slug"]?.location(in: path) : SourceLocation(path: path, line: 1, column: 1)
            log.error(at: at, PageNames.tooLongMessage(long))
        }
        if let size = value["paginate"]?.int, size < 1 {
            log.error(at: yaml["paginate"]?.location(in: path), .pagePaginateTooSmall(size: size))
        }
        if let template = value["template"]?.string, !isSafeTemplateName(template) {
            log.error(at: yaml["template"]?.location(in: path),
                      .pageTemplateNameInvalid(template: template))
        }
        let cover = PageCover.resolve(value: value, yaml: yaml, file: absolutePath, relative: relative, path: path, log: &log)
        if log.hasErrors { return .failure(BuildFailure(log.sorted)) }

        let page = Page(
            kind: kind, source: path, url: url, title: title,
            description: value["description"]?.string,
            date: value["date"]?.dateValue,
            order: value["order"]?.int,
            tags: (value["tags"]?.list ?? []).compactMap(\.string),
            draft: value["draft"]?.bool ?? false,
            publishDate: value["publish_date"]?.dateValue,
            expiryDate: value["expiry_date"]?.dateValue,
            template: value["template"]?.string,
            templateLocation: yaml["template"]?.location(in: path),
            aliases: aliases,
            showTOC: value["toc"]?.bool ?? true,
            extra: value["extra"] ?? .map([:]),
            body: split.body, bodyLine: split.bodyLine, entry: nil, parentURL: nil)
        var result = page
        result.paginate = value["paginate"]?.int
        if let cover {
            result.cover = cover
            result.coverAlt = value["cover_alt"]?.string
            result.coverLocation = yaml["cover"]?.location(in: path)
        }
        result.aliasLocations = aliasLocations
        return .success(Read(page: result, warnings: log.diagnostics))
    }

    static func isSafeTemplateName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("..") else { return false }
        return name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "/")
        }
    }
}

/// Item pages for the collections declared in site.yml.
enum CollectionPages {
    static func make(config: SiteConfig, data: [String: DataFile], log: inout DiagnosticLog) -> [Page] {
        var pages: [Page] = []
        for collection in config.collections {
            guard let file = data[collection.data] else { continue }  // no data yet: no pages
            for entry in file.entries {
                guard let url = fill(collection.url, with: entry, slugged: true, log: &log, at: entry.location, collection: collection),
                      let title = fill(collection.title, with: entry, slugged: false, log: &log, at: entry.location, collection: collection)
                else { continue }
                if let long = PageNames.tooLong(url.split(separator: "/").map(String.init)) {
                    log.error(at: entry.location, PageNames.tooLongMessage(long))
                    continue
                }
                pages.append(Page(
                    kind: .item(collection: collection.data), source: file.path, url: url, title: title,
                    description: entry.fields["summary"]?.string ?? entry.fields["goal"]?.string ?? entry.fields["position"]?.string,
                    date: nil, order: nil, tags: [], draft: false, publishDate: nil, expiryDate: nil,
                    template: collection.template, templateLocation: collection.location,
                    aliases: [], showTOC: false, extra: .map([:]), body: "", bodyLine: 1,
                    entry: .map(entry.fields), parentURL: nil))
            }
        }
        return pages
    }

    /// Replaces `{key}` in a pattern by the entry's value (slugged for URLs).
    static func fill(_ pattern: String, with entry: DataEntry, slugged: Bool, log: inout DiagnosticLog,
                     at location: SourceLocation, collection: SiteConfig.Collection) -> String? {
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            guard let text = entry.fields[key]?.scalarText else {
                log.error(at: location, .collectionKeyMissing(key: key, pattern: pattern, collection: collection.location))
                return nil
            }
            if slugged {
                guard let slug = Slug.make(text) else {
                    log.error(at: location, .collectionEmptyAddress(key: key, value: text))
                    return nil
                }
                out += slug
            } else {
                out += text
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}
