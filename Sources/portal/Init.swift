import ArgumentParser
import Foundation
import PortalBuild
import PortalContent
import PortalCore

extension Portal {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new school's site: the programme's pages, empty data, the theme and CI files.",
            discussion: """
            Writes into DIR (which must be empty, or hold only .git) a complete site for the school: \
            Content/site.yml filled in, the programme's pages and its six stages naming the school, empty \
            data files with commented examples, the theme, CI files for GitHub, GitLab and the school's own \
            hosting, and a .gitignore; then builds it once with --strict to prove it works. Run in a \
            terminal, it asks for what is not given. portal finds its starter files in $PORTAL_SHARE, in \
            ../share/portal beside the executable (make install puts them there), or in the source tree it \
            was built from.
            """)

        @Argument(help: ArgumentHelp("The folder of the new site (empty or missing).", valueName: "dir"))
        var directory: String

        @Option(name: .long, help: ArgumentHelp("The school's name as the programme names it (МБОУ СОШ № 1 г. Михайловска).", valueName: "name"))
        var school: String?

        @Option(name: .long, help: ArgumentHelp("A short name for the header (СОШ № 1); default: the full name.", valueName: "name"))
        var short: String?

        @Option(name: .long, help: ArgumentHelp("The school's town or village as the address says it (г. Михайловск).", valueName: "city"))
        var city: String?

        @Option(name: .customLong("base-url"), help: ArgumentHelp("The site's address, if known (CI can give it later).", valueName: "url"))
        var baseURL: String?

        @Option(name: .customLong("portal-git"), help: ArgumentHelp("Where CI fetches portal's sources (your copy of its repository).", valueName: "url"))
        var portalGit: String?

        func run() throws {
            let folder = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
            // The site it makes is Russian (language: ru): so are its messages.
            let console = Console(language: .russian, quiet: false)
            var values = Starter.Values(school: school ?? "", short: short, city: city, baseURL: baseURL, portalGit: portalGit)
            let interactive = isatty(STDIN_FILENO) == 1
            if school == nil {
                guard interactive, let answer = Self.ask("Полное название школы, как в программе (например, МБОУ СОШ № 1 г. Михайловска): ") else {
                    try Self.refuse(.initSchoolMissing,
                                    console: console)
                }
                values.school = answer
                if short == nil { values.short = Self.ask("Краткое название для шапки сайта (Enter — то же): ") }
                if city == nil { values.city = Self.ask("Населённый пункт для адреса, например «г. Михайловск» (Enter — пропустить): ") }
            }
            for (name, value) in [("--school", values.school), ("--short", values.short), ("--city", values.city)] {
                guard let value, !(value.isEmpty && name != "--school") else { continue }
                if let problem = Starter.problem(with: value, name: name) { try Self.refuse(problem, console: console) }
            }
            if let baseURL, let problem = SiteConfig.checkCommandLineBaseURL(baseURL) { try Self.refuse(problem, console: console) }
            guard let share = Self.shareFolder() else {
                console.print([.error(at: nil, .initShareMissing)])
                throw ExitCode(1)
            }
            let written: [String]
            switch Result(catching: { () throws(Diagnostic) -> [String] in try Starter.create(at: folder, values: values, share: share) }) {
            case .success(let paths): written = paths
            case .failure(let diagnostic):
                console.print([diagnostic])
                throw ExitCode(1)
            }
            // The new site builds with --strict at once: proven here, into a folder made for it.
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("portal-init-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            var options = BuildOptions(root: folder, output: scratch.appendingPathComponent("Public"), strict: true)
            options.cacheFolder = scratch.appendingPathComponent("cache")
            if case .failure(let failure) = Result(catching: { () throws(BuildFailure) -> BuildReport in try Builder.build(options) }) {
                console.failed(failure)
                throw ExitCode(1)
            }
            let done = Console(root: folder, quiet: false)  // in the new site's language
            done.summary(
                .initDone(school: values.school, folder: folder.path, files: written.count))
            done.summary(
                .initNext(folder: directory))
        }

        /// A wrong or missing argument, said in the new site's language (Russian), as a usage error.
        static func refuse(_ problem: Message, console: Console) throws -> Never {
            try console.refuse(problem)
        }

        static func ask(_ question: String) -> String? {
            FileHandle.standardError.write(Data(question.utf8))
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            return answer.isEmpty ? nil : answer
        }

        /// Where the starter, the theme and the CI templates are: $PORTAL_SHARE, then
        /// <prefix>/share/portal beside an installed executable, then the source tree.
        static func shareFolder() -> URL? {
            var candidates: [URL] = []
            if let explicit = ProcessInfo.processInfo.environment["PORTAL_SHARE"], !explicit.isEmpty {
                candidates.append(URL(fileURLWithPath: explicit, isDirectory: true))
            }
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("../share/portal").standardizedFileURL)
            // Sources/portal/Init.swift → the repository it was built from.
            candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent())
            return candidates.first(where: Starter.isShare)
        }
    }
}

extension Console {
    init(language: Language, quiet: Bool) {
        self.language = language
        self.quiet = quiet
    }
}
