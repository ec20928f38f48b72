import Foundation
import Testing

/// The `portal` executable as CI runs it: exit status, the lines it prints, the output folder.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL? {
        let candidates = [".build/debug/portal", ".build/x86_64-unknown-linux-gnu/debug/portal"]
            .map { repositoryRoot.appendingPathComponent($0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(Self.binary, "build the portal executable first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func successPrintsASummary() throws {
        let site = try FixtureSite()
        let result = try run(["build", "--root", site.root.path, "--output", site.output.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("собрано страниц: 10, файлов: 3 за "))
        #expect(result.stderr.hasPrefix("Content/data/mentors.yml:12:3: warning: у наставника «petrov-secret» нет consent: true"))
    }

    /// `--cache-dir` (or PORTAL_CACHE_DIR) keeps the build cache out of the site folder, and the
    /// next build reads it from there.
    @Test func theCacheGoesWhereItIsToldAndIsReadFromThere() throws {
        let site = try FixtureSite()
        let cache = site.output.deletingLastPathComponent().appendingPathComponent("ci-cache")
        let first = try run(["build", "--root", site.root.path, "--output", site.output.path, "--cache-dir", cache.path])
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("build.txt").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".portal-cache").path))
        let again = try run(["build", "--root", site.root.path, "--output", site.output.path],
                            environment: ["PORTAL_CACHE_DIR": cache.path])
        #expect(again.status == 0 && again.stdout.hasPrefix("с прошлой сборки ничего не изменилось"), "\(again.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".portal-cache").path))
    }

    @Test func brokenFrontMatterExitsOneAndKeepsPublic() throws {
        let site = try FixtureSite()
        #expect(try run(["build", "--root", site.root.path, "--output", site.output.path]).status == 0)
        let before = try site.snapshot()
        try site.write("Content/about.md", "---\ntitle: О программе\ndate: 2025-13-45\n---\n")
        let result = try run(["build", "--root", site.root.path, "--output", site.output.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr == """
        Content/about.md:3:7: error: date: ожидается дата вида 2025-09-01, а указано: «2025-13-45»
        ошибок: 1: сайт не записан

        """)
        #expect(try site.snapshot() == before)
    }

    /// Two builds in two processes (their own hash seeds), from two copies of the site in two
    /// folders, each without a build cache, write the same bytes under the same names.
    @Test func buildsInSeparateProcessesAreByteIdentical() throws {
        let first = try FixtureSite(), second = try FixtureSite()
        for site in [first, second] {
            #expect(try run(["build", "--root", site.root.path, "--output", site.output.path, "--quiet"]).status == 0)
        }
        let a = try first.relativeSnapshot(), b = try second.relativeSnapshot()
        #expect(a.count > 10)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a where b[path] != bytes {
            Issue.record("\(path) differs between two builds")
        }
    }

    /// Values checked before the site is read are refused in the site's language too, one line each.
    @Test func wrongCommandLineValuesAreRefusedInTheSitesLanguage() throws {
        let site = try FixtureSite()
        let today = try run(["build", "--root", site.root.path, "--output", site.output.path, "--today", "2026-13-01"])
        #expect(today.status == 64)
        #expect(today.stderr == "portal: error: --today: ожидается дата вида 2026-09-01, а указано: «2026-13-01»\n")
        let address = try run(["check", "--root", site.root.path, "--base-url", "school.ru/x/"])
        #expect(address.status == 64)
        #expect(address.stderr.hasPrefix("portal: error: --base-url: нужен полный адрес сайта"))
        #expect(!site.exists(""))
    }

    @Test func helpReadsWell() throws {
        let result = try run(["build", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--root <dir>"))
        #expect(result.stdout.contains("--output <dir>"))
        #expect(result.stdout.contains("--drafts"))
    }
}
