import Foundation
import PortalContent
import PortalCore
import PortalTemplates

/// The steps of `Builder.run` that decide what is written and write the pages.
extension Builder {
    /// Everything the build writes besides the pages, known before anything is written: to
    /// claim each path once, make its folder, and check its name.
    struct OutputPlan {
        /// Content/ files and theme assets, by destination (photos are published as their copies).
        var files: [(source: String, destination: String)]
        var imageFiles: [(source: String, variant: ImageVariant)]
        /// Redirects of aliases.
        var extras: [ExtraOutputs.Output]
        /// The search index, sitemap, robots.txt, the feed and the 404 page.
        var generatedPaths: [String]

        /// Every path written, pages first.
        func paths(of site: Site) -> [String] {
            site.pages.indices.map { Page.outputPath(url: site.pages[$0].url) } + files.map(\.destination) + extras.map(\.path) + generatedPaths
                + imageFiles.map(\.variant.path)
        }
    }

    /// Which file goes where; two things written to one path, or a name too long for a file
    /// system, is an error at its source, before anything is written.
    static func planOutputs(_ site: Site, theme: Theme, images: ImageTable, root: URL,
                            log: inout DiagnosticLog) throws(BuildFailure) -> OutputPlan {
        // Photos are published as their processed copies, never as the files themselves.
        let replaced = images.replacedSources
        var files: [(source: String, destination: String)] = site.files.filter { !replaced.contains($0.destination) }
            .map { ($0.source, $0.destination) } + theme.assets
        files.sort { $0.destination < $1.destination }
        let plan = OutputPlan(files: files, imageFiles: images.outputFiles, extras: ExtraOutputs.make(site: site),
                              generatedPaths: generatedPaths(site: site, theme: theme))
        images.checkCollisions(with: files, log: &log)
        checkClaims(site: site, files: files + plan.imageFiles.map { ("Content/" + $0.source, $0.variant.path) },
                    extras: plan.extras + plan.generatedPaths.map { .init(path: $0, content: "", reason: "portal's own file") },
                    log: &log)
        OutputNames.check(site: site, files: files, root: root.path, log: &log)
        if log.hasErrors { throw BuildFailure(log.sorted) }
        return plan
    }

    struct PageResult: Sendable {
        var path: String
        var output: BuildCache.Output?
        var diagnostics: [Diagnostic]
        var indexes: SiteIndexes.Contribution
    }

    /// Every page on all cores, written into the staging folder as it is done; a page that cannot
    /// have changed (`reusable`, and its own file unchanged) is linked from the last output.
    /// Returns what each page gives the search index and the feed, in page order.
    static func renderPages(_ site: Site, renderer: PageRenderer, writer: OutputWriter, output: URL, changes: Changes, reusable: Bool,
                            progress: (@Sendable (Int, Int) -> Void)?, written: inout [String: BuildCache.Output],
                            log: inout DiagnosticLog) -> [SiteIndexes.Contribution] {
        let previous = changes.previous
        let inputs = changes.inputs
        let counter = progress.map { ProgressCounter(total: site.pages.count, report: $0) }
        let order = renderOrder(site)
        @Sendable func render(_ page: Page) -> PageResult {
            defer { counter?.advance() }
            let path = page.outputPath
            if reusable, let old = previous?.outputs[path], previous?.inputs[page.source] == inputs[page.source],
               writer.reuse(path, as: old) {
                let indexes = SiteIndexes.contribution(
                    page: page, html: { try? String(contentsOfFile: output.path + "/" + path, encoding: .utf8) },
                    body: nil, site: site, renderer: renderer)
                return PageResult(path: path, output: old, diagnostics: [], indexes: indexes)
            }
            let rendered = renderer.render(page)
            if rendered.diagnostics.contains(where: { $0.severity == .error }) {
                return PageResult(path: path, output: nil, diagnostics: rendered.diagnostics, indexes: .init())
            }
            let indexes = SiteIndexes.contribution(page: page, html: { rendered.html }, body: rendered.body, site: site,
                                                   renderer: renderer)
            switch writer.write(bytes: rendered.bytes, to: path) {
            case .success(let out): return PageResult(path: path, output: out, diagnostics: rendered.diagnostics, indexes: indexes)
            case .failure(let failure):
                return PageResult(path: path, output: nil, diagnostics: rendered.diagnostics + [failure], indexes: indexes)
            }
        }
        let results = order.concurrentMap { render(site.pages[$0]) }
        // Back in page order: messages, records and what the indexes get are as a serial build's.
        var inPageOrder = [Int](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { inPageOrder[index] = position }
        for position in inPageOrder {
            log.append(contentsOf: results[position].diagnostics)
            if let out = results[position].output { written[results[position].path] = out }
        }
        return inPageOrder.map { results[$0].indexes }
    }

    /// The pages' indices, those with the longest lists first (a tag's page lists hundreds of
    /// pages), the others in page order: started last, as their URLs sort them (`/tags/…`),
    /// they kept one core busy long after the other had finished.
    static func renderOrder(_ site: Site) -> [Int] {
        let listed = site.pages.indices.map { site.childrenByURL[site.pages[$0].url]?.count ?? 0 }
        return site.pages.indices.sorted { listed[$0] != listed[$1] ? listed[$0] > listed[$1] : $0 < $1 }
    }

    /// Files portal makes besides pages and redirects: the search index, sitemap, robots.txt,
    /// the news feed and the 404 page (known before rendering: to claim them, and to check links).
    static func generatedPaths(site: Site, theme: Theme) -> [String] {
        SiteIndexes.paths(site: site) + (theme.has("404") ? ["404.html"] : [])
            + (ThemeSearchPage.page(site: site, theme: theme) != nil ? [ThemeSearchPage.outputPath] : [])
    }
}
