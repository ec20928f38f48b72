import Foundation
import PortalCore

extension SiteLoader {
    public enum Reload: Sendable {
        /// The site with the page's new text; only that page needs rendering.
        case bodyOnly(Site, index: Int)
        /// Something other pages show changed (title, date, order, tags…): build everything.
        case structural
    }

    /// Reads one changed Markdown page again. When only its text changed, returns the site
    /// with the new text: no other page shows a page's body, so only this one needs rendering —
    /// how `portal serve` answers an edit in milliseconds at 10,000 pages.
    public static func reload(page source: String, in site: Site) -> Result<Reload, BuildFailure> {
        guard source.hasPrefix("Content/"), let index = site.pages.firstIndex(where: { $0.source == source && $0.pagination == nil }) else {
            return .success(.structural)
        }
        let content = site.root.appendingPathComponent("Content").resolvingSymlinksInPath()
        let relative = String(source.dropFirst("Content/".count))
        // A page deleted or renamed changes the list of pages.
        guard FileManager.default.fileExists(atPath: content.appendingPathComponent(relative).path) else {
            return .success(.structural)
        }
        switch PageReader.read(file: content.appendingPathComponent(relative).path, relative: relative) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let read):
            let old = site.pages[index]
            var new = read.page
            new.parentURL = old.parentURL
            new.pagination = old.pagination
            guard sameStructure(old, new) else { return .success(.structural) }
            var updated = site
            updated.pages[index] = new
            return .success(.bodyOnly(updated, index: index))
        }
    }

    /// Everything about a page that other pages (lists, menus, breadcrumbs, feeds) show.
    static func sameStructure(_ a: Page, _ b: Page) -> Bool {
        a.url == b.url && a.kind == b.kind && a.title == b.title && a.description == b.description && a.date == b.date
            && a.order == b.order && a.tags == b.tags && a.draft == b.draft && a.publishDate == b.publishDate
            && a.expiryDate == b.expiryDate && a.template == b.template && a.aliases == b.aliases && a.paginate == b.paginate
            && a.extra == b.extra && a.cover == b.cover && a.coverAlt == b.coverAlt
    }
}
