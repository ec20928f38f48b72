import ArgumentParser
import Foundation
import PortalBuild
import PortalCore

@main
struct Portal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Builds the website of a school mentoring programme from Markdown pages and YAML data.",
        discussion: """
        A site root holds Content/ (site.yml, Markdown pages, data/*.yml, files) and Themes/. `portal \
        build` writes the site to Public/; a failed build leaves Public/ as it was.
        """,
        version: "0.1.0",
        subcommands: [Build.self, Serve.self, Check.self, New.self, Init.self, Audit.self, Render.self],
        defaultSubcommand: nil)
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site root: the folder that holds Content/ and Themes/.", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Include pages marked draft: true (for previewing).")
    var drafts = false

    @Flag(name: .long, help: "Include pages whose publish_date is still to come or whose expiry_date has passed.")
    var future = false

    @Option(name: .long, help: ArgumentHelp("Check publishing dates against this day instead of today (YYYY-MM-DD).", valueName: "date"))
    var today: String?

    /// The day of `--today`; a wrong one is refused in the site's language, as every message is.
    func todayDate() throws -> SimpleDate {
        guard let today else { return .today }
        guard let date = SimpleDate(parsing: today) else {
            try Console(root: rootURL, quiet: false).refuse(.cliTodayInvalid(value: today))
        }
        return date
    }

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print more about what is built.")
    var verbose = false

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

extension Portal {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into the output folder.",
            discussion: """
            Every problem is printed as one line, path:line:column: error: message, and the build exits with \
            status 1. The output folder is replaced only by a complete, successful build.
            """)

        @OptionGroup var site: SiteOptions

        @OptionGroup var address: BaseURLOption

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/Public).", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Treat warnings as errors (for CI).")
        var strict = false

        @OptionGroup var cache: CacheOption

        func run() throws {
            let root = site.rootURL
            let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? root.appendingPathComponent("Public")
            let console = Console(root: root, quiet: site.quiet)
            var options = try address.apply(to: BuildOptions(
                root: root, output: outputURL, includeDrafts: site.drafts, includeFuture: site.future,
                strict: strict, today: try site.todayDate(), progress: console.progressLine()))
            options.waiting = { console.summary($0.keyed("portal"), always: true) }
            options.cacheFolder = cache.folder
            switch Result(catching: { () throws(BuildFailure) -> BuildReport in try Builder.build(options) }) {
            case .success(let report):
                console.clearProgress()
                console.print(report.warnings)
                if site.verbose {
                    for item in report.leftOut {
                        console.summary(.buildLeftOut(item.reason, at: item.location))
                    }
                }
                if site.verbose {
                    for phase in report.phases {
                        console.summary(.buildPhase(name: phase.name, seconds: phase.seconds, cpuSeconds: phase.cpuSeconds))
                    }
                }
                if report.upToDate {
                    console.summary(.buildUpToDate(folder: options.output.path))
                    return
                }
                console.summary(
                    .buildDone(pages: report.pages, files: report.files, seconds: String(format: "%.2f", report.seconds)))
            case .failure(let failure):
                console.clearProgress()
                console.failed(failure)
                throw ExitCode(1)
            }
        }
    }
}

/// Prints diagnostics in the teacher's language: Russian for a Russian site or locale.
struct Console {
    let language: Language
    let quiet: Bool

    init(root: URL, quiet: Bool) {
        self.language = Language.choose(siteLanguage: SiteLanguage.peek(root: root),
                                        environment: ProcessInfo.processInfo.environment)
        self.quiet = quiet
    }

    /// A progress line that rewrites itself, on a terminal only; logs stay clean.
    func progressLine() -> (@Sendable (Int, Int) -> Void)? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        let label = Message.buildProgressLabel.text(in: language)
        return { done, total in
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)".utf8))
        }
    }

    func clearProgress() {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
            FileHandle.standardError.write(Data((diagnostic.formatted(in: language) + "\n").utf8))
        }
    }

    /// Every problem, then a closing line with the count.
    /// A wrong command-line value: one line in the teacher's language, exit status 64.
    func refuse(_ problem: Message) throws -> Never {
        print([.error(at: nil, problem)])
        throw ExitCode.validationFailure
    }

    func failed(_ failure: BuildFailure) {
        print(failure.diagnostics)
        let errors = failure.diagnostics.filter { $0.severity == .error }.count
        let warnings = failure.diagnostics.count - errors
        if errors == 0 {
            summary(.buildFailedOnWarnings(warnings: warnings), always: true)
        } else {
            summary(.buildFailed(errors: errors), always: true)
        }
    }

    func summary(_ message: Message, always: Bool = false) {
        guard !quiet || always else { return }
        let line = message.text(in: language) + "\n"
        if always {
            FileHandle.standardError.write(Data(line.utf8))
        } else {
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
