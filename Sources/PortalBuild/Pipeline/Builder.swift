import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalContent
import PortalCore
import PortalProgramme

/// The whole pipeline, as the list of its steps (load → model → view → render → outputs →
/// write; docs/architecture.md). Each step is a small function (`Builder-Steps.swift`,
/// `Builder-Pages.swift`) followed by a lap of the stopwatch named after it, which
/// `portal build --verbose` prints with its time. Nothing reaches the output folder unless every
/// step succeeded.
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
        let (report, renderer) = try run(options)
        Leftovers.release(consume renderer)
        return report
    }

    /// The build, and what it loaded when it had to load (nil when nothing had changed).
    /// The renderer is what a finished build knew (site, theme, context), for a preview that
    /// re-renders single pages (`PreviewSession`).
    static func run(_ options: BuildOptions) throws(BuildFailure) -> (report: BuildReport, renderer: PageRenderer?) {
        let start = DispatchTime.now()
        var clock = Stopwatch()
        let root = options.root.standardizedFileURL

        let claim = try claimOutput(options, root: root)
        // One build at a time writes this output; the lock is held until the build returns.
        defer { withExtendedLifetime(claim.lock) {} }
        clock.lap("claim the output folder")

        let changes = checkWhatChanged(options, root: root, output: claim.output)
        clock.lap("check what changed")
        if changes.upToDate, let previous = changes.previous {
            return (BuildReport(pages: 0, files: 0, warnings: previous.warnings, seconds: seconds(since: start),
                                language: SiteLanguage.peek(root: root) ?? "ru", phases: clock.phases, upToDate: true), nil)
        }
        // From here on the old cache may not describe the output; it is rewritten on success.
        BuildCache.forget(cache: options.cache)

        let (site, theme, loadWarnings) = try loadContentAndTheme(options, root: root, changes: changes)
        clock.lap("load and check content")
        var log = DiagnosticLog()
        log.append(contentsOf: loadWarnings)

        let images = processImages(site, cache: options.cache, changes: changes, log: &log)
        clock.lap("process images")

        log.append(contentsOf: ProgrammeChecks.run(site: site))
        clock.lap("check the programme")

        let (globalHash, renderer) = prepareView(site, theme: theme, images: images, changes: changes, year: options.today.year)
        clock.lap("prepare the view")

        let plan = try planOutputs(site, theme: theme, images: images, root: root, log: &log)
        clock.lap("check output paths")

        let writer = OutputWriter(output: claim.output, previous: changes.previous?.outputs ?? [:])
        try writer.prepare()
        var written: [String: BuildCache.Output] = [:]
        var contributions: [SiteIndexes.Contribution] = []
        let records: Records
        do throws(BuildFailure) {
            // With the same settings, data, theme and page list, a page whose own file did not
            // change renders to the same bytes as last time: link it instead of rendering it.
            let reusable = changes.previous?.globalHash == globalHash
            try writer.createDirectories(for: plan.paths(of: site))
            clock.lap("make folders")

            contributions = renderPages(site, renderer: renderer, writer: writer, output: claim.output, changes: changes, reusable: reusable,
                                            progress: options.progress, written: &written, log: &log)
            log.append(contentsOf: images.unreportedFailures())
            clock.lap("render and write pages")

            copyFiles(plan, root: root, changes: changes, writer: writer, written: &written, log: &log)
            clock.lap("copy files")

            writeSiteFiles(site, theme: theme, renderer: renderer, plan: plan, contributions: contributions, images: images,
                           writer: writer, written: &written, log: &log)
            clock.lap("write site-wide files")

            if log.hasErrors || (options.strict && !log.warnings.isEmpty) { throw BuildFailure(log.sorted) }
            records = Builder.records(changes: changes, globalHash: globalHash, written: written, warnings: log.warnings)
            try writer.commit(marker: records.marker)
            clock.lap("swap output in")
        } catch {
            writer.discard()
            throw error
        }

        remember(records, cache: options.cache, images: images)
        clock.lap("save the build cache")

        let report = BuildReport(pages: site.pages.count, files: plan.files.count, warnings: log.warnings, seconds: seconds(since: start),
                                 language: site.config.language, phases: clock.phases, upToDate: false, leftOut: site.leftOut,
                                 imagesMade: images.made, imagesReused: images.reused)
        var finished = consume renderer
        finished.indexes = consume contributions
        Leftovers.release((consume site, consume theme, consume images, consume plan, consume writer, consume written, consume records,
                           consume changes))
        return (report, finished)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
