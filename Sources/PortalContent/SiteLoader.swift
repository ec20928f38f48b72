import Foundation
import PortalCore
import PortalMarkdown
import PortalYAML

/// The load and model stages: reads `Content/` under a site root and builds a validated `Site`.
public enum SiteLoader {
    /// `contentEntries` and `config`: the walk of Content/ and site.yml when the caller already
    /// has them (a build lists Content/ to see what changed and reads site.yml to start on the
    /// theme), so that neither is read twice. `model`: what the data files are and the rules they
    /// are published by (`DataModel`).
    public static func load(root: URL, model: DataModel, options: LoadOptions = LoadOptions(), contentEntries: [FileTree.Entry]? = nil,
                            config given: SiteConfig? = nil) throws(BuildFailure) -> (Site, [Diagnostic]) {
        let root = root.standardizedFileURL
        let content = root.appendingPathComponent("Content").resolvingSymlinksInPath()
        let config: SiteConfig
        if let given { config = given } else { config = try SiteConfig.load(root: root) }
        var log = DiagnosticLog()

        let inventory = ContentInventory.scan(content: content, entries: contentEntries ?? FileTree.walk(content.path), log: &log)
        // Data files (a few, one of them maybe large) beside the pages (many, read and split in
        // parallel), then everything is assembled in one place.
        let contentPath = content.path
        let ((loadedData, dataLeftOut, dataLog), parsed) = concurrently({ [inventory] in
            var leftOut: [LeftOut] = []
            var log = DiagnosticLog()
            let data = DataLoader.load(contentDir: content, rootPath: { "Content/" + relativePath($0, to: content) },
                                       files: inventory.dataFiles, model: model, markdown: config.markdownOptions, options: options,
                                       leftOut: &leftOut, log: &log)
            return (data, leftOut, log)
        }, {
            inventory.pages.concurrentMap { relative in
                PageReader.read(file: contentPath + "/" + relative, relative: relative)
            }
        })
        var leftOut = dataLeftOut
        log.append(contentsOf: dataLog.diagnostics)
        var pages: [Page] = []
        // Room for the pages made from data and tags too: growing the list moved every page.
        pages.reserveCapacity(parsed.count + parsed.count / 8 + 64)
        var urlBySource: [String: String] = [:]
        urlBySource.reserveCapacity(parsed.count)
        var unpublished: Set<String> = []
        for result in parsed {
            switch result {
            case .failure(let failure):
                log.append(contentsOf: failure.diagnostics)
            case .success(let read):
                log.append(contentsOf: read.warnings)
                let page = read.page
                urlBySource[page.source] = page.url
                if let reason = options.unpublishedReason(draft: page.draft, publish: page.publishDate, expiry: page.expiryDate) {
                    unpublished.insert(page.source)
                    leftOut.append(LeftOut(location: SourceLocation(path: page.source), reason: reason))
                } else {
                    pages.append(page)
                }
            }
        }
        PageNames.checkAliases(pages, log: &log)
        // Markdown fields of data files, now that links to pages can be resolved.
        var data = loadedData
        DataMarkdown.render(&data, links: MarkdownLinks(urlBySource: urlBySource, unpublished: unpublished, root: root, config: config),
                            options: config.markdownOptions, log: &log)
        pages += CollectionPages.make(config: config, data: data, log: &log)
        pages += model.derivedPages?(pages, data, options.today) ?? []
        let tags = TagPages.find(in: pages)
        let tagSlugs = tags.slugs
        pages += TagPages.make(pages: pages, names: tags.names, language: config.language)

        // Two pages may not share a URL: name both.
        var indexByURL: [String: Int] = [:]
        indexByURL.reserveCapacity(pages.count)
        pages.sort { $0.url == $1.url ? $0.source < $1.source : $0.url < $1.url }
        // Sorted by URL, a page that takes another's URL follows it. Duplicates are rare: found
        // by index, then dropped in place (no page is copied).
        var taken: [Int] = []
        var lastKept = -1
        for i in pages.indices {
            if lastKept >= 0 && pages[i].url == pages[lastKept].url {
                log.error(at: SourceLocation(path: pages[i].source),
                          .pageURLTaken(url: pages[i].url, other: pages[lastKept].source))
                taken.append(i)
                continue
            }
            indexByURL[pages[i].url] = i - taken.count
            lastKept = i
        }
        if !taken.isEmpty { pages.removeSubranges(RangeSet(taken, within: pages)) }
        config.news.checkSectionExists(urls: indexByURL, log: &log)

        // Parents: the nearest ancestor URL that is a page.
        let pageURLs = indexByURL
        let parents = pages.map { $0.url }.concurrentMap { url -> String? in
            var url = url
            while url != "/" {
                url = parentURL(of: url)
                if pageURLs[url] != nil { return url }
            }
            return nil
        }
        var children: [String: [Int]] = [:]
        var slugLookup = TagPages.Lookup(tagSlugs)
        for i in pages.indices {
            pages[i].parentURL = parents[i]
            if let parent = parents[i] { children[parent, default: []].append(i) }
            // A tag's page lists the pages that carry the tag.
            for tag in pages[i].tags {
                if let slug = slugLookup.slug(of: tag) { children[TagPages.url(slug), default: []].append(i) }
            }
        }
        // Each list sorted on its own core (tag lists hold thousands of pages on a large site).
        // By the few fields the order reads, taken once (comparing pages copied whole ones).
        let unsorted = Array(children)
        let orderKeys = pages.map(OrderKey.init)
        let sorted = unsorted.concurrentMap { key, list in list.sorted { displayOrder(orderKeys[$0], orderKeys[$1]) } }
        for (entry, list) in zip(unsorted, sorted) { children[entry.key] = list }
        // Page 2, 3, … of paginated sections: copies of the section page at /news/page/2/.
        for page in pages where page.paginate != nil {
            let count = children[page.url]?.count ?? 0
            let total = max(1, (count + page.paginate! - 1) / page.paginate!)
            guard total > 1 else { continue }
            indexByURL[page.url].map { pages[$0].pagination = Pagination(number: 1, total: total, sectionURL: page.url) }
            for number in 2...total {
                var copy = page
                copy.url = Pagination.url(number, of: page.url)
                copy.pagination = Pagination(number: number, total: total, sectionURL: page.url)
                copy.parentURL = page.parentURL
                copy.aliases = []
                if indexByURL[copy.url] != nil {
                    log.error(at: SourceLocation(path: page.source), .pagePaginationURLTaken(number: number, url: copy.url))
                    continue
                }
                indexByURL[copy.url] = pages.count
                pages.append(copy)
            }
        }

        let withheldFiles = data.values.reduce(into: Set<String>()) { $0.formUnion($1.withheldFiles) }
        let files = inventory.files.compactMap { relative -> StaticFile? in
            if withheldFiles.contains(relative) { return nil }
            return StaticFile(source: contentPath + "/" + relative, destination: relative)
        }

        try log.throwIfErrors()
        let site = Site(root: root, config: config, pages: pages, data: data, files: files,
                        urlBySource: urlBySource, unpublishedSources: unpublished, leftOut: leftOut.sorted { $0.location < $1.location },
                        pageIndexByURL: indexByURL, childrenByURL: children, tagSlugs: tagSlugs, today: options.today,
                        dataModel: model)
        return (site, log.sorted)
    }

    /// Pages with an `order` first (by it), then the newest, then by title.
    static func displayOrder(_ a: Page, _ b: Page) -> Bool {
        displayOrder(OrderKey(a), OrderKey(b))
    }

    /// What `displayOrder` compares of a page.
    struct OrderKey: Sendable {
        var order: Int?
        var date: SimpleDate?
        var title: String
        var url: String

        init(_ page: Page) {
            order = page.order
            date = page.date
            title = page.title
            url = page.url
        }
    }

    static func displayOrder(_ a: OrderKey, _ b: OrderKey) -> Bool {
        switch (a.order, b.order) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        // By code point (UTF-8 bytes): the same order as `<` for the NFC text YAML gives.
        let titles = String.utf8Order(a.title, b.title)
        if titles != 0 { return titles < 0 }
        return a.url < b.url
    }

    static func parentURL(of url: String) -> String {
        // By bytes: "/" is one byte, and never part of another character in UTF-8.
        let bytes = url.utf8
        guard !bytes.isEmpty, let slash = bytes.dropLast().lastIndex(of: UInt8(ascii: "/")) else { return "/" }
        return String(Substring(url.utf8[...slash]))
    }

    static func relativePath(_ url: URL, to base: URL) -> String {
        let full = url.standardizedFileURL.path
        let prefix = base.standardizedFileURL.path + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent
    }
}

/// What is under Content/: Markdown pages, data files, and everything else (pages and files
/// by path relative to Content/).
struct ContentInventory {
    var pages: [String] = []
    var dataFiles: [URL] = []
    var files: [String] = []

    static func scan(content: URL, entries: [FileTree.Entry], log: inout DiagnosticLog) -> ContentInventory {
        var inventory = ContentInventory()
        let contentPath = content.path
        var skipped: [String] = []
        for entry in entries {
            if skipped.contains(where: { entry.path.hasPrefix($0 + "/") }) { continue }
            var kind = entry.kind
            if kind == .symbolicLink {
                let url = content.appendingPathComponent(entry.path)
                // A link may point anywhere on the machine; publish only what stays in Content/.
                let target = url.resolvingSymlinksInPath().path
                guard target == contentPath || target.hasPrefix(contentPath + "/") else {
                    log.error(at: SourceLocation(path: "Content/" + entry.path),
                              .contentLinkOutside(target: target))
                    continue
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    // Linked folders are not walked: their files would have two names.
                    log.warning(at: SourceLocation(path: "Content/" + entry.path),
                                .contentLinkToFolder)
                    skipped.append(entry.path)
                    continue
                }
                kind = .file
            }
            guard kind == .file else { continue }
            let relative = entry.path
            if relative == "site.yml" { continue }
            // Only data/ holds data files: the name and extension are looked at there alone.
            if relative.hasPrefix("data/") {
                let name = relative.split(separator: "/").last ?? ""
                let ext = name.contains(".") ? name.split(separator: ".").last!.lowercased() : ""
                if ext == "yml" || ext == "yaml" {
                    if relative.split(separator: "/").count == 2 { inventory.dataFiles.append(content.appendingPathComponent(relative)) }
                    continue
                }
                // The curator's spreadsheets beside the YAML files (never published as files);
                // the office programs' lock files (`~$people.xlsx`) are neither.
                if relative.split(separator: "/").count == 2, Spreadsheet.extensions.contains(ext) {
                    if !name.hasPrefix("~$") { inventory.dataFiles.append(content.appendingPathComponent(relative)) }
                    continue
                }
            }
            if Page.isSource(relative) {
                inventory.pages.append(relative)
            } else {
                inventory.files.append(relative)
            }
        }
        return inventory
    }
}
