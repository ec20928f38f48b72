import ArgumentParser
import Foundation
import PortalBuild
import PortalCore

extension Portal {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check links, anchors, images and data references without writing the site.",
            discussion: """
            Renders every page in memory and checks that each internal link and image leads to a page or \
            file of the site, that each #fragment exists on its page, and that each image has alt text. \
            External links are not fetched (the build works offline); --external lists them.
            """)

        @OptionGroup var site: SiteOptions

        @OptionGroup var address: BaseURLOption

        @Flag(name: .long, help: "List external links (they are not fetched).")
        var external = false

        @Flag(name: .long, help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let root = site.rootURL
            let console = Console(root: root, quiet: site.quiet)
            let options = try address.apply(to: BuildOptions(root: root, output: root.appendingPathComponent("Public"),
                                                         includeDrafts: site.drafts, includeFuture: site.future,
                                                         today: try site.todayDate()))
            switch Result(catching: { () throws(BuildFailure) -> CheckReport in try LinkChecker.check(options) }) {
            case .failure(let failure):
                console.failed(failure)
                throw ExitCode(1)
            case .success(let report):
                console.print(report.diagnostics)
                if external {
                    for item in report.external {
                        print("\(item.location): external: \(item.url)")
                    }
                }
                let errors = report.diagnostics.filter { $0.severity == .error }.count
                let warnings = report.diagnostics.count - errors
                if errors > 0 || (strict && warnings > 0) {
                    console.summary(.checkFailed(errors: errors, warnings: warnings), always: true)
                    throw ExitCode(1)
                }
                if warnings > 0 {
                    console.summary(.checkWarnings(warnings: warnings))
                } else {
                    console.summary(.checkClean)
                }
            }
        }
    }
}
