import Foundation
import PortalBuild
import PortalCore
import Testing

/// The repository's Tests/ folder, found from this file so tests run from any directory.
let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let repositoryRoot = testsDirectory.deletingLastPathComponent()

/// Options to build the repository's own site (Content/, Themes/) into `output`, with the build
/// cache beside the output (`cacheFolder`): a test never writes into the repository.
func realSiteOptions(output: URL, today: String = "2026-01-15") -> BuildOptions {
    var options = BuildOptions(root: repositoryRoot, output: output, today: SimpleDate(parsing: today)!)
    options.cacheFolder = output.deletingLastPathComponent().appendingPathComponent("portal-cache")
    return options
}

/// A throw-away copy of a fixture site that a test may change.
struct FixtureSite {
    let root: URL
    let output: URL

    init(_ name: String = "basic") throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("portal-tests-\(UUID().uuidString)")
        root = base.appendingPathComponent("site")
        output = base.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let fixture = testsDirectory.appendingPathComponent("Fixtures/sites/\(name)")
        // A fixture with an `overlay-of` file holds only what differs from the site it names.
        let overlayOf = fixture.appendingPathComponent("overlay-of")
        guard let baseName = try? String(contentsOf: overlayOf, encoding: .utf8) else {
            try FileManager.default.copyItem(at: fixture, to: root)
            return
        }
        try FileManager.default.copyItem(at: testsDirectory.appendingPathComponent("Fixtures/sites/\(baseName.trimmingCharacters(in: .whitespacesAndNewlines))"), to: root)
        let enumerator = FileManager.default.enumerator(at: fixture, includingPropertiesForKeys: [.isDirectoryKey])
        let prefix = fixture.standardizedFileURL.path + "/"
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            guard relative != "overlay-of", (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory != true else { continue }
            let target = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: url, to: target)
        }
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent(relative))
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    @discardableResult
    func build(drafts: Bool = false, future: Bool = false, strict: Bool = false, today: String = "2026-01-15") throws -> BuildReport {
        try Builder.build(BuildOptions(root: root, output: output, includeDrafts: drafts, includeFuture: future, strict: strict,
                                       today: SimpleDate(parsing: today)!))
    }

    /// The build's error lines, in English, as the CLI prints them.
    func errors(drafts: Bool = false) -> [String] {
        do {
            try build(drafts: drafts)
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.filter { $0.severity == .error }.map { $0.formatted(in: .english) }
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    /// The build's errors (an empty list when it succeeded).
    func errorDiagnostics(drafts: Bool = false) -> [Diagnostic] {
        do {
            try build(drafts: drafts)
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.filter { $0.severity == .error }
        } catch {
            Issue.record("unexpected: \(error)")
            return []
        }
    }

    /// The build's errors as `location id` (`Content/about.md:2:1 data.required-key-missing`):
    /// which message was said where, whatever its wording.
    func errorIDs(drafts: Bool = false) -> [String] {
        errorDiagnostics(drafts: drafts).map(\.said)
    }

    func html(_ relative: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The page's HTML with no-break spaces (from the typography stage) read as plain spaces.
    func text(_ relative: String) throws -> String {
        try html(relative).replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(relative).path)
    }

    /// Every file of the output by its path inside the output, to compare two outputs.
    func relativeSnapshot() throws -> [String: Data] {
        let prefix = output.standardizedFileURL.path + "/"
        var files: [String: Data] = [:]
        for (path, bytes) in try snapshot() {
            files[path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path] = bytes
        }
        return files
    }

    /// Every file of the output with its bytes, to prove a failed build changed nothing.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[url.path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}

extension Diagnostic {
    /// `location id`, or `portal id` without a location: what a test asserts instead of the sentence.
    var said: String { "\(location.map(\.description) ?? "portal") \(message.id)" }
}
