import Foundation
import PortalContent
import PortalCore
import PortalTemplates

/// The steps of `Builder.run` before and after the pages, in the order it runs them.
extension Builder {
    /// The output folder, resolved and checked, and this build's lock on it.
    struct OutputClaim {
        let output: URL
        let lock: OutputLock
    }

    /// What the last build left, and the inputs as they are now.
    struct Changes {
        /// Options and tool version: a build with other settings shares no cache.
        let settings: String
        let previous: BuildCache?
        /// The walk of Content/ (the loader reads the same list).
        let contentEntries: [FileTree.Entry]
        let inputs: [String: BuildCache.Input]
        /// Nothing changed since the last build and its output is intact: nothing to do.
        let upToDate: Bool
    }

    /// A symbolic link is followed: the folder it points to is replaced, the link stays. One build
    /// at a time writes an output; another waits for the lock.
    static func claimOutput(_ options: BuildOptions, root: URL) throws(BuildFailure) -> OutputClaim {
        let output = try OutputFolder.resolve(options.output)
        try OutputWriter.checkOutput(output, root: root)
        let lock = try OutputLock(output: output, waiting: options.waiting)
        return OutputClaim(output: output, lock: lock)
    }

    /// The last build's record is read while Content/ is listed; only files whose size or time
    /// changed are hashed.
    static func checkWhatChanged(_ options: BuildOptions, root: URL, output: URL) -> Changes {
        let settings = "\(toolVersion) drafts=\(options.includeDrafts) future=\(options.includeFuture) today=\(options.today.iso) "
            + "strict=\(options.strict) output=\(output.path) base=\(options.baseURL ?? "")"
        let contentPath = root.appendingPathComponent("Content").resolvingSymlinksInPath().path
        let cache = options.cache
        let (previous, contentEntries) = concurrently({ BuildCache.load(cache: cache, settings: settings) }, { FileTree.walk(contentPath) })
        let inputs = BuildCache.scanInputs(root: root, content: contentEntries, previous: previous)
        let upToDate = previous.map { $0.inputs == inputs && $0.outputIsIntact(output) } ?? false
        return Changes(settings: settings, previous: previous, contentEntries: contentEntries, inputs: inputs, upToDate: upToDate)
    }

    /// site.yml, the pages and the data, checked; the theme is compiled meanwhile. A problem in
    /// the content is reported before one in the theme.
    static func loadContentAndTheme(_ options: BuildOptions, root: URL, changes: Changes) throws(BuildFailure)
        -> (site: Site, theme: Theme, warnings: [Diagnostic]) {
        let config = try options.loadConfig()
        let loadOptions = LoadOptions(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, today: options.today)
        let contentEntries = changes.contentEntries
        let (themeLoaded, loaded) = concurrently({
            Result { () throws(BuildFailure) -> Theme in try Theme.load(root: root, name: config.theme) }
        }, {
            Result { () throws(BuildFailure) -> (Site, [Diagnostic]) in
                try SiteLoader.load(root: root, model: options.dataModel, options: loadOptions, contentEntries: contentEntries, config: config)
            }
        })
        let (site, warnings) = try loaded.get()
        let theme = try themeLoaded.get()
        return (site, theme, warnings)
    }

    /// Photos before pages: a page shows each photo's copies and sizes.
    static func processImages(_ site: Site, cache: URL, changes: Changes, log: inout DiagnosticLog) -> ImageTable {
        let images = ImagePipeline.run(files: site.files, inputs: changes.inputs, cache: cache, settings: .from(site.config), log: &log)
        images.reportUses(site: site, log: &log)
        return images
    }

    /// What other pages see of each page (`PageSummary`, made once), and from it, side by side:
    /// what every template sees besides its page (`SiteView`), and the fingerprint of all a page
    /// depends on besides its own file.
    static func prepareView(_ site: Site, theme: Theme, images: ImageTable, changes: Changes, year: Int)
        -> (globalHash: String, renderer: PageRenderer) {
        let summaries = site.pages.concurrentMap { PageSummary($0) }
        return concurrently({ GlobalFingerprint.make(summaries: summaries, inputs: changes.inputs, settings: changes.settings) }, {
            PageRenderer(site: site, theme: theme,
                         context: SiteView(site: site, year: year, theme: theme, images: images, summaries: summaries))
        })
    }

    /// Content/ files and theme assets as they are, and the processed copies of photos (from the
    /// image cache).
    static func copyFiles(_ plan: OutputPlan, root: URL, changes: Changes, writer: OutputWriter,
                          written: inout [String: BuildCache.Output], log: inout DiagnosticLog) {
        for file in plan.files {
            let input = changes.inputs[relativeToRoot(file.source, root: root)]
            switch writer.copy(from: file.source, to: file.destination, hash: input?.hash, size: input?.size) {
            case .success(let out): written[file.destination] = out
            case .failure(let failure): log.append(failure)
            }
        }
        for (_, variant) in plan.imageFiles {
            switch writer.copy(from: variant.cacheFile, to: variant.path, hash: variant.hash, size: variant.size) {
            case .success(let out): written[variant.path] = out
            case .failure(let failure): log.append(failure)
            }
        }
    }

    /// The search index, sitemap, robots.txt and feed (from what the pages gave), redirects of
    /// aliases, the theme's 404 page and its search page when the site has none.
    static func writeSiteFiles(_ site: Site, theme: Theme, renderer: PageRenderer, plan: OutputPlan,
                               contributions: [SiteIndexes.Contribution], images: ImageTable, writer: OutputWriter,
                               written: inout [String: BuildCache.Output], log: inout DiagnosticLog) {
        var generated = plan.extras + SiteIndexes.outputs(site: site, contributions: contributions, images: images)
        if let notFound = notFoundPage(site: site, theme: theme) {
            let rendered = renderer.render(notFound)
            log.append(contentsOf: rendered.diagnostics)
            generated.append(.init(path: "404.html", content: rendered.html, reason: "the theme's 404 page"))
        }
        if let search = ThemeSearchPage.page(site: site, theme: theme) {
            let rendered = renderer.render(search)
            log.append(contentsOf: rendered.diagnostics)
            generated.append(.init(path: ThemeSearchPage.outputPath, content: rendered.html, reason: "the theme's search page"))
        }
        // On every core: a large site's search index is thousands of small files.
        let results = generated.concurrentMap { extra in writer.write(extra.content, to: extra.path) }
        for (extra, result) in zip(generated, results) {
            switch result {
            case .success(let out): written[extra.path] = out
            case .failure(let failure): log.append(failure)
            }
        }
    }

    /// What the build wrote, said twice: the output's marker (its list of files) and the build
    /// cache's record for the next build. Both list every file, so they are made side by side.
    struct Records {
        var marker: Result<Data, any Error>
        var cache: BuildCache
        var encodedCache: [UInt8]?
    }

    static func records(changes: Changes, globalHash: String, written: [String: BuildCache.Output],
                        warnings: [Diagnostic]) -> Records {
        let files = Array(written.keys)
        let cache = BuildCache(version: BuildCache.version, settings: changes.settings, inputs: changes.inputs,
                               globalHash: globalHash, outputs: written, warnings: warnings)
        let (marker, encoded) = concurrently({ Result { try OutputFolder.markerData(files: files) } }, { cache.encoded() })
        return Records(marker: marker, cache: cache, encodedCache: encoded)
    }

    /// After a successful build: what it read and wrote, for the next one; photos no longer
    /// used leave the image cache.
    static func remember(_ records: Records, cache: URL, images: ImageTable) {
        records.cache.save(cache: cache, encoded: records.encodedCache)
        ImagePipeline.prune(cache: cache, keep: images.keys)
    }

    static func relativeToRoot(_ path: String, root: URL) -> String {
        let prefix = root.path + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        // Content/ may be a symbolic link: name the file as the inputs scan does.
        let content = root.appendingPathComponent("Content").resolvingSymlinksInPath().path + "/"
        if path.hasPrefix(content) { return "Content/" + path.dropFirst(content.count) }
        return path
    }
}
