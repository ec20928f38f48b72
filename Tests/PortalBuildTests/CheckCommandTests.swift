import Foundation
import Testing

/// `portal check` as a teacher runs it: its last line agrees with what it printed above.
@Suite struct CheckCommandTests {
    let cli = CommandLineTests()

    @Test func warningsAreNotCalledNoProblems() throws {
        let site = try FixtureSite()
        try site.write("Content/about.md", "---\ntitle: О программе\n---\n\nТекст <span>с кодом</span>.\n")
        let warned = try cli.run(["check", "--root", site.root.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("Content/about.md:5:7: warning: "), "\(warned.stderr)")
        let count = warned.stderr.components(separatedBy: ": warning: ").count - 1
        #expect(count > 0)
        #expect(!warned.stdout.contains("no problems found") && !warned.stdout.contains("проблем не найдено"), "\(warned.stdout)")
        #expect(warned.stdout == "ошибок нет, предупреждений: \(count)\n" || warned.stdout == "no errors, \(count) warnings\n", "\(warned.stdout)")
        let strict = try cli.run(["check", "--root", site.root.path, "--strict"])
        #expect(strict.status == 1)
    }
}
