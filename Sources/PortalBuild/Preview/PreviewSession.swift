import Foundation
import PortalContent
import PortalCore
import PortalSearch
import Synchronization

/// Builds for a preview server: the first build and any change to data, the theme or a page's
/// title, date or place is a full (cached) build; an edit to a page's text re-renders that page
/// alone and rewrites its file in place, and with it the search index fragments the page is in
/// (`LiveSearchIndex`) and, for a news post, the news feed, in milliseconds even on a
/// 10,000-page site. Safe to call from any thread: one build runs at a time (the others wait
/// for its lock), since each starts from what the last one left.
public final class PreviewSession: Sendable {
    public let options: BuildOptions
    /// What the last build left, behind the lock that makes builds take turns.
    private let last = Mutex(Last())

    private struct Last {
        var renderer: PageRenderer?
        /// The search index of the last full build, kept up to date by page edits.
        var search: LiveSearchIndex?
        /// What each page gave the indexes (taken from the last full build's renderer, kept here
        /// so that an edit changes it in place).
        var contributions: [SiteIndexes.Contribution] = []
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds after `changed` (paths relative to the root, as `Content/news/a.md`); nil means
    /// "not known", which builds everything.
    @discardableResult
    public func build(changed: Set<String>?) throws(BuildFailure) -> BuildReport {
        try last.withLock { (last) throws(BuildFailure) -> BuildReport in
            if let changed, !changed.isEmpty, last.renderer != nil, let report = try rebuildPages(changed, last: &last) {
                return report
            }
            let (report, rendered) = try Builder.run(options)
            if var rendered {
                last.contributions = rendered.indexes
                rendered.indexes = []
                last.search = SiteIndexes.liveSearchIndex(site: rendered.site, contributions: last.contributions)
                last.renderer = rendered
            }
            return report
        }
    }

    /// Nil when the change is not an edit of page texts only.
    private func rebuildPages(_ changed: Set<String>, last: inout Last) throws(BuildFailure) -> BuildReport? {
        guard let state = last.renderer else { return nil }
        let start = DispatchTime.now()
        var stopwatch = Stopwatch()
        guard changed.allSatisfy({ $0.hasPrefix("Content/") && Page.isSource($0) }) else {
            return nil
        }
        var site = state.site
        var indices: [Int] = []
        for source in changed.sorted() {
            switch SiteLoader.reload(page: source, in: site) {
            case .failure(let failure): throw failure
            case .success(.structural): return nil
            case .success(.bodyOnly(let updated, let index)):
                site = updated
                indices.append(index)
            }
        }
        let renderer = PageRenderer(site: site, theme: state.theme, context: state.context)
        var log = DiagnosticLog()
        var outputs: [(path: String, bytes: [UInt8])] = []
        var newsChanged = false
        for index in indices {
            let page = site.pages[index]
            let rendered = renderer.render(page)
            log.append(contentsOf: rendered.diagnostics)
            outputs.append((page.outputPath, rendered.bytes))
            if index < last.contributions.count {
                last.contributions[index] = SiteIndexes.contribution(page: page, html: { rendered.html }, body: rendered.body,
                                                                site: site, renderer: renderer)
                newsChanged = newsChanged || site.config.news.contains(page)
            }
        }
        if log.hasErrors { throw BuildFailure(log.sorted) }
        stopwatch.lap("re-render changed pages")
        // The search index and the feed: only the files the edit changes.
        if last.search != nil, last.contributions.count == site.pages.count {
            for index in indices {
                guard let document = last.contributions[index].search else { continue }
                let position = last.contributions[..<index].reduce(0) { $0 + ($1.search == nil ? 0 : 1) }
                for file in last.search!.update(page: position, with: document) {
                    outputs.append((file.path, Array(file.content.utf8)))
                }
            }
            if newsChanged, let feed = SiteIndexes.feed(site: site, contributions: last.contributions, images: state.context.images) {
                outputs.append((feed.path, Array(feed.content.utf8)))
            }
        }
        for output in outputs {
            // Written beside and renamed over, so the server never sends half a page.
            let target = options.output.appendingPathComponent(output.path)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).portal-new")
            // (No fsync: the preview's folder is temporary, and a sync per file costs more than the edit.)
            guard PreviewSession.write(output.bytes, to: temporary.path), rename(temporary.path, target.path) == 0 else {
                return nil
            }
        }
        // The output no longer matches the build cache's record of it.
        BuildCache.forget(cache: options.cache)
        last.renderer = renderer
        stopwatch.lap("update the search index and the feed")
        return BuildReport(pages: indices.count, files: 0, warnings: log.warnings, seconds: Builder.seconds(since: start),
                           language: site.config.language, phases: stopwatch.phases, upToDate: false)
    }

    /// Writes `bytes` to a new file at `path`; whether it worked.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
