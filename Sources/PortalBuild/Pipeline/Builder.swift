import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalContent
import PortalProgramme
import PortalCore
import PortalMarkdown
import PortalTemplates

public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    /// Include pages not yet or no longer published (publish_date, expiry_date).
    public var includeFuture: Bool
    /// Warnings fail the build too (what the school's CI runs).
    public var strict: Bool
    /// The date publishing windows are checked against.
    public var today: SimpleDate
    /// Called from any thread as pages are done (done, total), for a progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Publish at this address instead of site.yml's base_url (`--base-url`, for CI).
    public var baseURL: String? = nil

    /// site.yml, with the address given on the command line, if any.
    public func loadConfig() throws(BuildFailure) -> SiteConfig {
        var config = try SiteConfig.load(root: root.standardizedFileURL)
        if let baseURL { config.setBaseURL(baseURL) }
        return config
    }

    /// Called when another build holds the output folder and this one waits for it.
    public var waiting: (@Sendable (Message) -> Void)? = nil

    public init(root: URL, output: URL, includeDrafts: Bool = false, includeFuture: Bool = false, strict: Bool = false,
                today: SimpleDate = .today, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.strict = strict
        self.today = today
        self.progress = progress
    }
}

public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// The site's language, for choosing the language of messages.
    public var language: String
    /// How long each stage took (wall clock, and CPU time over all threads), for `--verbose`.
    public var phases: [Phase]
    /// Nothing had changed since the last build: the output was left as it was.
    public var upToDate: Bool
    /// Pages and entries left out (drafts, publishing dates), for `--verbose`.
    public var leftOut: [LeftOut] = []
    /// Photos processed by libvips in this build, and photos whose copies came from the cache.
    public var imagesMade = 0
    public var imagesReused = 0
}

public struct Phase: Sendable {
    public var name: String
    public var seconds: Double
    /// CPU time of all threads: near `seconds` × cores when the stage keeps every core busy.
    public var cpuSeconds: Double
}

/// Times the stages of a build.
struct Stopwatch {
    private var last = DispatchTime.now()
    private var lastCPU = Stopwatch.cpuTime()
    private(set) var phases: [Phase] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        let cpu = Self.cpuTime()
        phases.append(Phase(name: name, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9,
                            cpuSeconds: cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// User and system time of the whole process.
    static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// The whole pipeline: load → model → render → write. Nothing reaches the output folder unless
/// every stage succeeded.
public enum Builder {
    /// Which portal is running: a new build of portal may write other bytes, so the build cache
    /// of another one is not trusted (the executable's size and time identify it).
    static let toolVersion: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "portal" }
        return "portal-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    @discardableResult
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        try run(options).report
    }

    /// The build, and what it loaded when it had to load (nil when nothing had changed).
    /// The renderer is what a finished build knew (site, theme, context), for a preview that
    /// re-renders single pages (`PreviewSession`).
    static func run(_ options: BuildOptions) throws(BuildFailure) -> (report: BuildReport, renderer: PageRenderer?) {
        let start = DispatchTime.now()
        var stopwatch = Stopwatch()
        let root = options.root.standardizedFileURL
        // A symbolic link is followed: the folder it points to is replaced, the link stays.
        let output = try OutputFolder.resolve(options.output)
        try OutputWriter.checkOutput(output, root: root)
        // One build at a time writes this output; the lock is held until the build returns.
        let lock = try OutputLock(output: output, waiting: options.waiting)
        defer { withExtendedLifetime(lock) {} }

        let settings = "\(toolVersion) drafts=\(options.includeDrafts) future=\(options.includeFuture) today=\(options.today.iso) "
            + "strict=\(options.strict) output=\(output.path) base=\(options.baseURL ?? "")"
        // The last build's record is read while Content/ is listed.
        let contentPath = root.appendingPathComponent("Content").resolvingSymlinksInPath().path
        let (previous, contentEntries) = concurrently({ BuildCache.load(root: root, settings: settings) }, { FileTree.walk(contentPath) })
        let inputs = BuildCache.scanInputs(root: root, content: contentEntries, previous: previous)
        stopwatch.lap("check what changed")
        if let previous, previous.inputs == inputs, previous.outputIsIntact(output) {
            return (BuildReport(pages: 0, files: 0, warnings: previous.warnings, seconds: seconds(since: start),
                                language: SiteLanguage.peek(root: root) ?? "ru", phases: stopwatch.phases, upToDate: true), nil)
        }
        // From here on the old cache may not describe the output; it is rewritten on success.
        BuildCache.forget(root: root)

        // The theme is compiled while the content loads.
        let config = try options.loadConfig()
        let loadOptions = LoadOptions(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, today: options.today)
        let (themeLoaded, loaded) = concurrently({
            Result { () throws(BuildFailure) -> Theme in try Theme.load(root: root, name: config.theme) }
        }, {
            Result { () throws(BuildFailure) -> (Site, [Diagnostic]) in
                try SiteLoader.load(root: root, options: loadOptions, contentEntries: contentEntries, config: config)
            }
        })
        let (site, loadWarnings) = try loaded.get()
        stopwatch.lap("load and check content")
        let theme = try themeLoaded.get()
        // Photos before pages: a page shows each photo's copies and sizes.
        var imageLog = DiagnosticLog()
        let images = ImagePipeline.run(files: site.files, inputs: inputs, root: root, settings: .from(site.config), log: &imageLog)
        images.reportUses(site: site, log: &imageLog)
        stopwatch.lap("process images")
        let (globalHash, renderer) = concurrently({ GlobalFingerprint.make(site: site, inputs: inputs, settings: settings) }, {
            PageRenderer(site: site, theme: theme, context: SiteContext(site: site, year: options.today.year, theme: theme, images: images))
        })
        stopwatch.lap("load theme, prepare data")

        var log = DiagnosticLog()
        log.append(contentsOf: loadWarnings)
        log.append(contentsOf: imageLog.diagnostics)
        log.append(contentsOf: ProgrammeChecks.run(site: site))
        // Photos are published as their processed copies, never as the files themselves.
        let replaced = images.replacedSources
        var files: [(source: String, destination: String)] = site.files.filter { !replaced.contains($0.destination) }
            .map { ($0.source, $0.destination) } + theme.assets
        files.sort { $0.destination < $1.destination }
        let imageFiles = images.outputFiles
        images.checkCollisions(with: files, log: &log)
        let extras = ExtraOutputs.make(site: site)
        let generatedPaths = generatedPaths(site: site, theme: theme)
        checkClaims(site: site, files: files + imageFiles.map { ("Content/" + $0.source, $0.variant.path) }, extras: extras + generatedPaths.map { .init(path: $0, content: "", reason: "portal's own file") },
                    log: &log)
        OutputNames.check(site: site, files: files, root: root.path, log: &log)
        if log.hasErrors { throw BuildFailure(log.sorted) }

        let writer = OutputWriter(output: output, previous: previous?.outputs ?? [:])
        // With the same settings, data, theme and page list, a page whose own file did not
        // change renders to the same bytes as last time: link it instead of rendering it.
        let reusable = previous?.globalHash == globalHash
        try writer.prepare()
        var written: [String: BuildCache.Output] = [:]
        var contributions: [SiteIndexes.Contribution] = []
        do throws(BuildFailure) {
            try writer.createDirectories(for: site.pages.map(\.outputPath) + files.map(\.destination) + extras.map(\.path) + generatedPaths
                                         + imageFiles.map(\.variant.path))
            let progress = options.progress.map { ProgressCounter(total: site.pages.count, report: $0) }
            let results = site.pages.concurrentMap { page -> PageResult in
                defer { progress?.advance() }
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
            for result in results {
                log.append(contentsOf: result.diagnostics)
                if let out = result.output { written[result.path] = out }
            }
            log.append(contentsOf: images.unreportedFailures())
            stopwatch.lap("render and write pages")
            for file in files {
                let input = inputs[relativeToRoot(file.source, root: root)]
                switch writer.copy(from: file.source, to: file.destination, hash: input?.hash, size: input?.size) {
                case .success(let out): written[file.destination] = out
                case .failure(let failure): log.append(failure)
                }
            }
            for (_, variant) in imageFiles {
                switch writer.copy(from: variant.cacheFile, to: variant.path, hash: variant.hash, size: variant.size) {
                case .success(let out): written[variant.path] = out
                case .failure(let failure): log.append(failure)
                }
            }
            contributions = results.map(\.indexes)
            var generated = extras + SiteIndexes.outputs(site: site, contributions: contributions, images: images)
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
            for extra in generated {
                switch writer.write(extra.content, to: extra.path) {
                case .success(let out): written[extra.path] = out
                case .failure(let failure): log.append(failure)
                }
            }
            stopwatch.lap("copy files")
            if log.hasErrors || (options.strict && !log.warnings.isEmpty) { throw BuildFailure(log.sorted) }
            try writer.commit(files: Array(written.keys))
            stopwatch.lap("swap output in")
        } catch {
            writer.discard()
            throw error
        }
        BuildCache(version: BuildCache.version, settings: settings, inputs: inputs, globalHash: globalHash, outputs: written,
                   warnings: log.warnings).save(root: root)
        ImagePipeline.prune(root: root, keep: images.keys)
        let report = BuildReport(pages: site.pages.count, files: files.count, warnings: log.warnings, seconds: seconds(since: start),
                                 language: site.config.language, phases: stopwatch.phases, upToDate: false, leftOut: site.leftOut,
                                 imagesMade: images.made, imagesReused: images.reused)
        var finished = renderer
        finished.indexes = contributions
        return (report, finished)
    }

    /// Files portal makes besides pages and redirects: the search index, sitemap, robots.txt,
    /// the news feed and the 404 page (known before rendering: to claim them, and to check links).
    static func generatedPaths(site: Site, theme: Theme) -> [String] {
        SiteIndexes.paths(site: site) + (theme.has("404") ? ["404.html"] : [])
            + (ThemeSearchPage.page(site: site, theme: theme) != nil ? [ThemeSearchPage.outputPath] : [])
    }

    /// The page a web server shows for an address that does not exist (`404.html`), when the
    /// theme has a `404` template.
    static func notFoundPage(site: Site, theme: Theme) -> Page? {
        guard theme.has("404") else { return nil }
        let russian = Language.isRussian(siteLanguage: site.config.language)
        return Page(kind: .page, source: "Themes/\(theme.name)/templates/404.mustache", url: "/404.html",
                    title: russian ? "Страница не найдена" : "Page not found", description: nil, date: nil, order: nil,
                    tags: [], draft: false, publishDate: nil, expiryDate: nil, template: "404", templateLocation: nil,
                    aliases: [], showTOC: false, extra: .map([:]), body: "", bodyLine: 1, entry: nil, parentURL: "/")
    }

    struct PageResult: Sendable {
        var path: String
        var output: BuildCache.Output?
        var diagnostics: [Diagnostic]
        var indexes: SiteIndexes.Contribution
    }

    /// A page and a file, or a file and a generated file, must not write the same path.
    static func checkClaims(site: Site, files: [(source: String, destination: String)], extras: [ExtraOutputs.Output],
                            log: inout DiagnosticLog) {
        var claimed: [String: String] = [:]
        for page in site.pages { claimed[page.outputPath] = page.source }
        for file in files {
            if let owner = claimed[file.destination] {
                log.error(at: SourceLocation(path: owner), "this page and the file \(file.source) would both be written to \(file.destination)",
                          ru: "эта страница и файл \(file.source) записываются в одно и то же место: \(file.destination)")
            }
            claimed[file.destination] = file.source
        }
        for extra in extras where claimed[extra.path] != nil {
            log.error(at: SourceLocation(path: claimed[extra.path]!), "\(extra.path) is also generated by portal (\(extra.reason))",
                      ru: "\(extra.path) также создаётся самим portal (\(extra.reason))")
        }
    }

    static func relativeToRoot(_ path: String, root: URL) -> String {
        let prefix = root.path + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        // Content/ may be a symbolic link: name the file as the inputs scan does.
        let content = root.appendingPathComponent("Content").resolvingSymlinksInPath().path + "/"
        if path.hasPrefix(content) { return "Content/" + path.dropFirst(content.count) }
        return path
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// Files portal writes besides pages: redirects for aliases and the 404 page.
enum ExtraOutputs {
    struct Output {
        var path: String
        var content: String
        var reason: String
    }

    static func make(site: Site) -> [Output] {
        var outputs: [Output] = []
        for page in site.pages {
            for alias in page.aliases {
                let path = alias.hasSuffix(".html") ? String(alias.dropFirst()) : String(alias.dropFirst()) + "index.html"
                outputs.append(Output(path: path, content: redirect(to: page, site: site), reason: "alias of \(page.source)"))
            }
        }
        return outputs + ReportFiles.outputs(site: site)
    }

    static func redirect(to page: Page, site: Site) -> String {
        let target = PageSummary.permalink(page.url, config: site.config)
        let escaped = HTMLEscaping.escape(target)
        return """
        <!DOCTYPE html>
        <html lang="\(HTMLEscaping.escape(site.config.language))">
        <head><meta charset="utf-8"><title>\(HTMLEscaping.escape(page.title))</title>
        <link rel="canonical" href="\(escaped)"><meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(escaped)"></head>
        <body><p><a href="\(escaped)">\(HTMLEscaping.escape(page.title))</a></p></body>
        </html>

        """
    }
}

/// The site's language, read leniently (before or without a full load) to choose the language
/// of messages even when site.yml itself is broken.
public enum SiteLanguage {
    public static func peek(root: URL) -> String? {
        SiteConfig.peekLanguage(root: root)
    }
}
