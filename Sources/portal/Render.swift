import ArgumentParser
import Foundation
import PortalBuild
import PortalCore

extension Portal {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render Markdown from standard input to the HTML a page body would get.",
            discussion: """
            The same stage as a page: cmark with tables, heading ids, Russian typography and link \
            handling (a link to a Markdown file becomes its page's URL when --root names a site). A link \
            that leads nowhere is left as written, with a warning on standard error. Example: \
            portal render < Content/about.md
            """)

        @Option(name: .long, help: ArgumentHelp("A site root whose pages links may lead to (links resolve from its Content/).", valueName: "dir"))
        var root: String?

        @Flag(name: .long, help: "No smart punctuation and no Russian typography: the HTML as CommonMark writes it.")
        var noTypography = false

        @Flag(name: .long, help: "Keep raw HTML as written (the default escapes it, as a site without unsafe_html: true does).")
        var unsafeHtml = false

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            var rootURL: URL?
            var language = Language.choose(siteLanguage: nil, environment: ProcessInfo.processInfo.environment)
            if let root {
                rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
                language = Console(root: rootURL!, quiet: false).language
            }
            let options = MarkdownStage.Options(typography: !noTypography, unsafeHTML: unsafeHtml)
            let output: MarkdownStage.Output
            switch Result(catching: { () throws(BuildFailure) -> MarkdownStage.Output in
                try MarkdownStage.render(input, root: rootURL, options: options)
            }) {
            case .success(let rendered): output = rendered
            case .failure(let failure):
                Console(root: rootURL!, quiet: false).print(failure.diagnostics)
                throw ExitCode(1)
            }
            for diagnostic in output.diagnostics {
                FileHandle.standardError.write(Data((diagnostic.formatted(in: language) + "\n").utf8))
            }
            FileHandle.standardOutput.write(Data(output.html.utf8))
        }
    }
}
