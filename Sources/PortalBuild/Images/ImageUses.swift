import Foundation
import PortalContent
import PortalCore
import PortalImages
import PortalMarkdown
import PortalTemplates

/// Where pages and data show photos: Markdown images, data entries' photo fields, covers.
extension ImageTable {
    /// Template value for the photo at `path` (relative to Content/), or nil when it is not an
    /// image portal publishes.
    func templateValue(_ path: String, alt: String, eager: Bool, config: SiteConfig, sizes: String? = nil) -> TemplateValue? {
        if let image = images[path] {
            var value = PictureMarkup.templateValue(image, alt: alt, sizes: sizes ?? settings.proseSizes, eager: eager,
                                                    config: config, modern: settings.modern)
            value["html_eager"] = .text(PictureMarkup.html(image, alt: alt, sizes: sizes ?? settings.proseSizes, lazy: false,
                                                           modern: settings.modern, config: config))
            return value
        }
        if passedThrough.contains(path) {
            var value = PictureMarkup.plainValue(path: path, alt: alt, eager: eager, config: config)
            value["html_eager"] = PictureMarkup.plainValue(path: path, alt: alt, eager: true, config: config)["html"]
            return value
        }
        return nil
    }

    /// The `<picture>` for a Markdown image, or nil to keep cmark's `<img>`. `first` is true
    /// until the page's first image has been placed (that one is not lazy).
    func markdownImage(_ link: Markdown.Link, page: Page, site: Site, first: inout Bool, log: inout DiagnosticLog) -> String? {
        let root = site.root
        guard let path = LinkResolver.contentFile(link.written, in: page) else { return nil }
        let location = SourceLocation(path: page.source, line: page.bodyLine + link.line - 1, column: link.column)
        if let error = useError(path, written: link.written, at: location) {
            log.append(error)
            return nil
        }
        if passedThrough.contains(path) {
            first = false
            return nil
        }
        guard let image = images[path] else {
            // A file that is no picture (`![план](plan.pdf)`); a missing one is reported as a broken link.
            if self !== ImageTable.none, !ImagePipeline.isImagePath(path),
               FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/" + path).path) {
                log.error(at: location, .imageNotPicture(image: link.written))
            }
            return nil
        }
        defer { first = false }
        return PictureMarkup.html(image, alt: link.text, title: link.title, sizes: settings.proseSizes, lazy: !first,
                                  modern: settings.modern, config: site.config)
    }

    /// Errors for data entries and covers that name a broken file.
    func reportUses(site: Site, log: inout DiagnosticLog) {
        guard !failures.isEmpty else { return }
        for name in site.data.keys.sorted() {
            guard let file = site.data[name] else { continue }
            let pathFields = site.dataModel.schemas[name]?.record.fields.compactMap { field -> String? in
                if case .path = field.type { return field.name } else { return nil }
            } ?? ["photo"]
            for entry in file.entries {
                for field in pathFields {
                    guard let path = entry.fields[field]?.string else { continue }
                    if let error = useError(path, written: "\(field): \(path)", at: entry.location) { log.append(error) }
                }
            }
        }
        // By index: `for page in site.pages` copied every page.
        for index in site.pages.indices where site.pages[index].pagination.map({ $0.number == 1 }) ?? true {
            guard let cover = site.pages[index].cover else { continue }
            let at = site.pages[index].coverLocation ?? SourceLocation(path: site.pages[index].source)
            if let error = useError(cover, written: "cover: \(cover)", at: at) {
                log.append(error)
            }
        }
    }

    /// A page's cover for templates (`page.cover`, and each list item's `cover`).
    func cover(of page: Page, eager: Bool, config: SiteConfig) -> TemplateValue? {
        guard let path = page.cover else { return nil }
        return templateValue(path, alt: page.coverAlt ?? "", eager: eager, config: config)
    }

    /// `<field>_image` beside each photo field of a data entry (`photo` → `photo_image`), with
    /// its `<field>_alt` as alt text.
    func addImages(to dict: inout [String: TemplateValue], fields: [String: DataValue], pathFields: [String], config: SiteConfig) {
        for field in pathFields {
            guard let path = fields[field]?.string,
                  let value = templateValue(path, alt: fields[field + "_alt"]?.string ?? "", eager: false, config: config,
                                            sizes: field == "photo" ? "160px" : nil) else { continue }
            dict[field + "_image"] = value
        }
    }

    /// The same entry with its own photos marked as the first images of the page (not lazy).
    static func eager(_ entry: TemplateValue) -> TemplateValue {
        guard var dict = entry.map else { return entry }
        for (key, value) in dict where key.hasSuffix("_image") {
            guard case .map(var image) = value else { continue }
            image["eager"] = true
            if let html = image["html_eager"] { image["html"] = html }
            dict[key] = .map(image)
        }
        return .map(dict)
    }
}

/// A news post's cover in the feed: an enclosure, and the photo above the text.
enum NewsCover {
    static func add(to entry: inout AtomEntry, page: Page, images: ImageTable, config: SiteConfig) {
        guard let path = page.cover, let image = images.images[path] else { return }
        let share = PictureMarkup.shareCopy(image)
        let url = config.permalink(LinkResolver.sitePath(ofFile: share.path))
        entry.image = FeedImage(url: url, type: share.format.mimeType, length: share.size)
        let img = "<p><img src=\"\(HTMLEscaping.escape(url))\" width=\"\(share.width)\" height=\"\(share.height)\" alt=\"\(HTMLEscaping.escape(page.coverAlt ?? ""))\"></p>\n"
        entry.contentHTML = img + (entry.contentHTML ?? "")
    }
}

extension ImageTable {
    /// A processed copy may not take the place of another file of the site (a teacher's own
    /// `event-480w.jpg`).
    func checkCollisions(with files: [(source: String, destination: String)], log: inout DiagnosticLog) {
        var owners: [String: String] = [:]
        for file in files { owners[file.destination] = file.source }
        for (source, variant) in outputFiles {
            if let other = owners[variant.path] {
                log.error(at: SourceLocation(path: "Content/" + source),
                          .imageVariantClash(path: variant.path, other: other))
            }
        }
    }
}
