import ArgumentParser
import Foundation
import PortalContent
import PortalCore
import PortalProgramme

extension ProgrammeScaffold.Kind: ExpressibleByArgument {}

extension Portal {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a page, news post, success case or mentor with its fields filled in.",
            discussion: """
            The address is made from the title, transliterated from Cyrillic (Итоги первого года → \
            itogi-pervogo-goda). Files are never overwritten; a case or a mentor is added at the end of its \
            data file (Content/data/cases.yml, Content/data/mentors.yml), keeping the file's comments. New \
            news and cases are drafts; a new mentor has consent: false until the consent form is signed.
            """)

        @Argument(help: ArgumentHelp("What to create: page, news, case or mentor.", valueName: "kind"))
        var kind: ProgrammeScaffold.Kind

        @Argument(help: ArgumentHelp("The title (a mentor's full name).", valueName: "title"))
        var title: String

        @Option(name: .long, help: ArgumentHelp("For a page: the section folder under Content/.", valueName: "folder"))
        var section: String?

        @Option(name: .long, help: ArgumentHelp("The site root.", valueName: "dir"))
        var root: String = "."

        func run() throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
            let console = Console(root: rootURL, quiet: false)
            switch Result(catching: { () throws(Diagnostic) -> String in
                try ProgrammeScaffold.create(kind, title: title, root: rootURL, section: section)
            }) {
            case .success(let written):
                console.summary(.newDone(file: written))
            case .failure(let diagnostic):
                console.print([diagnostic])
                throw ExitCode(1)
            }
        }
    }
}
