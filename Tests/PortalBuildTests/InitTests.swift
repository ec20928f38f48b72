import Foundation
import Testing

/// `portal init`: a new school's site in one command, which builds with --strict at once.
@Suite struct InitTests {
    let cli = CommandLineTests()

    func temporaryFolder() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portal-init-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        return base
    }

    func read(_ root: URL, _ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test func writesACompleteSiteThatBuildsStrictly() throws {
        let base = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("mihaylovsk")
        let made = try cli.run(["init", site.path, "--school", "МБОУ СОШ № 1 г. Михайловска", "--short", "СОШ № 1",
                                "--city", "г. Михайловск"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("сборка с --strict проходит"))

        let config = try read(site, "Content/site.yml")
        #expect(config.contains("  school: \"МБОУ СОШ № 1 г. Михайловска\""))
        #expect(config.contains("  school_short: \"СОШ № 1\""))
        #expect(config.contains("  address: \"г. Михайловск\""))
        // The programme names the school where it named the gymnasium.
        let about = try read(site, "Content/about.md")
        #expect(about.contains("реализации программы наставничества в МБОУ СОШ № 1 г. Михайловска"))
        #expect(about.contains("### 6-й этап – завершение программы"))
        let stages = try read(site, "Content/data/stages.yml")
        #expect(stages.components(separatedBy: "\n- number: ").count - 1 == 6)
        #expect(stages.contains("желание наставника участвовать в программе"))
        // Empty data files with commented examples, and no person at all.
        for name in ["mentors", "mentees", "pairs", "cases", "documents", "monitoring"] {
            let text = try read(site, "Content/data/\(name).yml")
            let live = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(live == ["[]"], "\(name).yml: \(live)")
            #expect(text.contains("# Пример записи"), "\(name).yml has an example")
        }
        // Nothing of the gymnasium: neither its name nor its sample people.
        for entry in FileManager.default.enumerator(atPath: site.appendingPathComponent("Content").path)!.compactMap({ $0 as? String }) {
            guard let text = try? read(site, "Content/" + entry) else { continue }
            for word in ["гимназ", "Ставропол", "Ковалев", "Иванова", "Морозова", "ivanova-anna"] {
                #expect(!text.contains(word), "\(word) in Content/\(entry)")
            }
        }
        for file in [".gitignore", ".github/workflows/pages.yml", ".gitlab-ci.yml", "ci/own-hosting.yml", "README.md",
                     "Themes/default/templates/base.mustache", "Themes/default/assets/js/search.js"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }
        #expect(try read(site, ".gitignore").contains("/Public/"))

        // And it builds with --strict, as CI will, here at a GitHub project address.
        let output = base.appendingPathComponent("Public")
        let built = try cli.run(["build", "--root", site.path, "--output", output.path, "--strict",
                                 "--base-url", "https://school1.github.io/site/"])
        #expect(built.status == 0, "\(built.stderr)")
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("СОШ № 1"))
        #expect(home.contains("href=\"/site/about/\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("stages/zavershenie/index.html").path))
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let base = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("моё".utf8).write(to: base.appendingPathComponent("notes.txt"))
        let result = try cli.run(["init", base.path, "--school", "МБОУ СОШ № 2"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("папка не пуста"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["notes.txt"])
    }

    @Test func aFolderWithOnlyGitIsFine() throws {
        let base = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base.appendingPathComponent(".git"), withIntermediateDirectories: true)
        // Quotes and a backslash in the name survive YAML.
        let result = try cli.run(["init", base.path, "--school", "МБОУ \"Лицей № 2\" \\ г. Н."])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read(base, "Content/site.yml").contains("  school: \"МБОУ \\\"Лицей № 2\\\" \\\\ г. Н.\""))
        #expect(!(try read(base, "Content/site.yml").contains("address:")), "no city, no address")
    }

    @Test func withoutATerminalTheSchoolMustBeGiven() throws {
        let base = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let result = try cli.run(["init", base.appendingPathComponent("x").path])
        #expect(result.status != 0)
        #expect(result.status == 64)
        // The site it makes is Russian, and so is what it says, on one line.
        #expect(result.stderr == "portal: error: укажите --school: полное название школы, как в программе (--school \"МБОУ СОШ № 1 г. Михайловска\")\n")
        let empty = try cli.run(["init", base.appendingPathComponent("x").path, "--school", "МБОУ СОШ № 1", "--short", " "])
        #expect(empty.stderr == "portal: error: --short: значение не может быть пустым\n")
        #expect(empty.status == 64)
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("x").path))
    }
}
