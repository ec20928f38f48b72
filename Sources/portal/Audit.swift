import ArgumentParser
import Foundation
import PortalBuild
import PortalCore
import PortalProgramme

extension Portal {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every personal datum the site publishes, with its source and consent date.",
            discussion: """
            For the person responsible for personal data (152-FZ): each published person's name, photo, \
            position and text about them, and each page that names them, with file:line and the date and \
            document of the signed consent. Exits 1 if anything published has no consent_date.
            """)

        @OptionGroup var site: SiteOptions

        func run() throws {
            let root = site.rootURL
            let console = Console(root: root, quiet: site.quiet)
            let options = BuildOptions(root: root, output: root.appendingPathComponent("Public"), includeDrafts: site.drafts,
                                       includeFuture: site.future, today: try site.todayDate())
            let items: [PersonalDatum]
            switch Result(catching: { () throws(BuildFailure) -> [PersonalDatum] in try PortalBuild.Audit.run(options).items }) {
            case .success(let found): items = found
            case .failure(let failure):
                console.failed(failure)
                throw ExitCode(1)
            }
            for item in items { print(PersonalDataAudit.line(item).text(in: console.language)) }
            let missing = Set(items.filter { $0.consentDate == nil }.map(\.person))
            let people = Set(items.map(\.person)).count
            if !missing.isEmpty {
                console.summary(.auditConsentDateMissing(missing: missing.count, people: people, names: missing.sorted().joined(separator: ", ")),
                                always: true)
                throw ExitCode(1)
            }
            console.summary(.auditDone(items: items.count, people: people))
        }
    }
}
