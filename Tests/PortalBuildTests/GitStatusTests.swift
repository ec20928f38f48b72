import Foundation
import Testing

/// A build into `Public/` inside the site's repository leaves nothing for `git status` to show:
/// the output's lock file (`.Public.portal-lock`, beside the output) and a killed build's
/// staging folder are ignored like the output itself, so no one commits them by accident.
@Suite struct GitStatusTests {
    let cli = CommandLineTests()

    func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// Builds `site` into its own `Public/` with git watching, and returns what git sees as new.
    func untrackedAfterBuild(_ site: URL) throws -> String {
        _ = try git(["init", "-q"], in: site)
        _ = try git(["add", "-A"], in: site)
        let built = try cli.run(["build", "--root", site.path, "--output", site.appendingPathComponent("Public").path])
        #expect(built.status == 0, "\(built.stderr)")
        // What a build killed midway leaves until the next build clears it.
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".Public.portal-staging-4242"), withIntermediateDirectories: false)
        try Data("x".utf8).write(to: site.appendingPathComponent(".Public.portal-staging-4242/index.html"))
        // Everything before the build is staged: what git lists as untracked (`??`) is the build's.
        return try git(["status", "--porcelain", "--untracked-files=all"], in: site).split(separator: "\n")
            .filter { $0.hasPrefix("??") }.joined(separator: "\n")
    }

    @Test func aNewSchoolsSiteShowsNothingNewAfterABuild() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portal-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let made = try cli.run(["init", site.path, "--school", "МБОУ СОШ № 1 г. Михайловска"])
        try #require(made.status == 0, "\(made.stderr)")
        let status = try untrackedAfterBuild(site)
        #expect(status == "", "\(status)")
    }

    @Test func thisRepositoryShowsNothingNewAfterABuild() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("portal-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for entry in ["Content", "Themes", ".gitignore"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(entry), to: site.appendingPathComponent(entry))
        }
        let status = try untrackedAfterBuild(site)
        #expect(status == "", "\(status)")
    }
}
