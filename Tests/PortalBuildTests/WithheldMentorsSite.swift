import Foundation
import PortalBuild
import PortalCore

/// The real site (Content/ and Themes/ of the repository) copied to a temporary folder, with the
/// sample mentors who did not consent (Tests/Fixtures/withheld-mentors/) appended to its data:
/// they are kept out of Content/ so that the shipped site builds with --strict.
enum WithheldMentorsSite {
    /// Builds the copy; returns its files as text by path.
    static func build() throws -> [String: String] {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portal-withheld-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Themes"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        for file in ["mentors.yml", "pairs.yml"] {
            let extra = try String(contentsOf: testsDirectory.appendingPathComponent("Fixtures/withheld-mentors/\(file)"), encoding: .utf8)
            let target = root.appendingPathComponent("Content/data/\(file)")
            let text = try String(contentsOf: target, encoding: .utf8)
            try Data((text + "\n" + extra).utf8).write(to: target)
        }
        let output = base.appendingPathComponent("Public")
        try Builder.build(BuildOptions(root: root, output: output, today: SimpleDate(parsing: "2026-01-15")!))
        var files: [String: String] = [:]
        for entry in FileTree.walk(output.path) where entry.kind == .file {
            if let text = try? String(contentsOfFile: output.path + "/" + entry.path, encoding: .utf8) { files[entry.path] = text }
        }
        return files
    }
}
