import ArgumentParser
import Foundation
import PortalBuild
import PortalCore
import PortalServe

extension Portal {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site in a browser, rebuilding it after every change.",
            discussion: """
            The preview is built into a temporary folder (Public/ is not touched) and served on \
            http://127.0.0.1:8000. After every saved change to Content/ or Themes/ the site is built again \
            and open pages reload by themselves; while the last build failed, every page shows its errors. \
            Ctrl-C stops the server.
            """)

        @OptionGroup var site: SiteOptions

        @OptionGroup var address: BaseURLOption

        @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
        var port: UInt16 = 8000

        @Option(name: .long, help: ArgumentHelp(
            "The address to listen on; 0.0.0.0 shows the preview to other computers of the network.", valueName: "address"))
        var host = "127.0.0.1"

        @OptionGroup var cache: CacheOption

        func run() async throws {
            let root = site.rootURL
            // The output is the server's own temporary folder; Public/ is never written.
            var options = try address.apply(to: BuildOptions(root: root, output: root, includeDrafts: site.drafts,
                                                         includeFuture: site.future, today: try site.todayDate()))
            options.cacheFolder = cache.folder
            let server = PreviewServer(build: options, host: host, port: port)
            // Ctrl-C stops the server cleanly (the build folder is removed), even during the first build.
            let signals = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { Task { await server.stop() } }
                source.resume()
                return source
            }
            defer { signals.forEach { $0.cancel() } }
            do {
                try await server.start()
            } catch {
                Console(root: root, quiet: site.quiet).print([error.diagnostic])
                throw ExitCode(1)
            }

            let url = await server.url
            var lastWarnings: [Diagnostic] = []
            for await build in server.builds {
                // A new console each time: site.yml may have changed the site's language.
                let console = Console(root: root, quiet: site.quiet)
                let seconds = String(format: "%.2f", build.seconds)
                switch build.result {
                case .success(let report):
                    // The same warnings after every save would bury what changed.
                    if build.number == 1 || report.warnings != lastWarnings { console.print(report.warnings) }
                    lastWarnings = report.warnings
                    if build.number == 1 {
                        console.summary(.serveBuilt(pages: report.pages, files: report.files, seconds: seconds))
                    } else if site.verbose {
                        console.summary(.serveRebuilt(pages: report.pages, files: report.files, seconds: seconds))
                    } else {
                        console.summary(.serveRebuiltQuietly(seconds: seconds))
                    }
                case .failure(let failure):
                    console.print(failure.diagnostics)
                    let errors = failure.diagnostics.filter { $0.severity == .error }.count
                    console.summary(.serveFailed(errors: errors), always: true)
                }
                if build.number == 1 {
                    console.summary(.serveListening(url: url))
                }
            }
        }
    }
}
