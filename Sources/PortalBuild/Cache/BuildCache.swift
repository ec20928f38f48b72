import Foundation
import PortalContent
import PortalCore

#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build read and wrote, kept in `<root>/.portal-cache/build.txt`.
///
/// - Nothing changed (every input file has the size, time and content hash it had, and the
///   output is still there): the build stops at once and leaves the output alone.
/// - Something changed: every page is still checked, but a page whose output bytes are the
///   same as last time is hard-linked from the old output instead of written, so it keeps its
///   inode and mtime and an rsync deployment moves only what changed. When neither the site's
///   settings, data, theme nor the list of pages changed, unchanged pages are not even rendered.
struct BuildCache: Sendable {
    static let version = 5

    struct Input: Sendable, Equatable {
        var size: Int
        var mtime: Int
        var hash: String
    }

    var version: Int
    /// Options and tool version that change every output.
    var settings: String
    /// Every file under Content/ and Themes/, by path relative to the root.
    var inputs: [String: Input]
    /// Hash of everything every page depends on (settings, data, theme, the list of pages).
    var globalHash: String
    /// Output files (relative to the output folder) with their content hash and size.
    var outputs: [String: Output]
    /// Warnings of that build, said again when nothing changed.
    var warnings: [Diagnostic]

    struct Output: Sendable, Equatable {
        var hash: String
        var size: Int
    }

    static func location(root: URL) -> URL {
        root.appendingPathComponent(".portal-cache/build.txt")
    }

    /// The first line of the file: another version of the format is not read.
    static var header: String { "portal build cache \(version)" }

    static func load(root: URL, settings: String) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(root: root)),
              let cache = decode([UInt8](data)), cache.settings == settings else { return nil }
        return cache
    }

    /// Written atomically; a cache that cannot be written only costs speed next time.
    /// `encoded` is `encoded()` (nil: no cache is kept).
    func save(root: URL, encoded: [UInt8]?) {
        let url = Self.location(root: root)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let encoded else { return }
        try? Data(encoded).write(to: url, options: .atomic)
    }

    // A line per file, tab-separated, the path last: JSON for 20,000 entries cost a tenth of a
    // second to read and as much to write, on every build.
    //   settings<TAB>…   global<TAB>hash   warnings<TAB>JSON
    //   i<TAB>size<TAB>mtime<TAB>hash<TAB>path   (input)
    //   o<TAB>size<TAB>hash<TAB>path             (output)

    /// The file's bytes, or nil when a name holds a line break (then no cache is kept).
    func encoded() -> [UInt8]? {
        guard let warningsJSON = try? JSONEncoder().encode(warnings) else { return nil }
        // Bytes appended in place, two lines a page: string interpolation cost more than the rest
        // of saving. Line order does not matter to `decode`.
        var out: [UInt8] = []
        out.reserveCapacity(64 * (inputs.count + outputs.count) + warningsJSON.count + 256)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        func field(_ text: String) { out.append(contentsOf: text.utf8); out.append(0x09) }
        add(Self.header + "\nsettings\t" + settings + "\nglobal\t" + globalHash + "\nwarnings\t")
        out.append(contentsOf: warningsJSON)
        out.append(0x0A)
        var lineBreakInName = settings.contains("\n")
        for (path, input) in inputs {
            field("i"); field(String(input.size)); field(String(input.mtime)); field(input.hash); add(path); out.append(0x0A)
            lineBreakInName = lineBreakInName || path.utf8.contains(0x0A)
        }
        for (path, output) in outputs {
            field("o"); field(String(output.size)); field(output.hash); add(path); out.append(0x0A)
            lineBreakInName = lineBreakInName || path.utf8.contains(0x0A)
        }
        return lineBreakInName ? nil : out
    }

    /// Reads `encoded()`'s text; anything unexpected means no cache.
    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        var cache = BuildCache(version: version, settings: "", inputs: [:], globalHash: "", outputs: [:], warnings: [])
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        cache.inputs.reserveCapacity(lines.count)
        cache.outputs.reserveCapacity(lines.count)
        guard lines.popFirst().map({ String(decoding: $0, as: UTF8.self) }) == header else { return nil }
        for line in lines where !line.isEmpty {
            // The fields before the path hold no tabs; the path is the rest of the line.
            let kind = line.split(separator: UInt8(ascii: "\t"), maxSplits: 1, omittingEmptySubsequences: false)
            guard kind.count == 2 else { return nil }
            let rest = kind[1]
            switch String(decoding: kind[0], as: UTF8.self) {
            case "settings": cache.settings = String(decoding: rest, as: UTF8.self)
            case "global": cache.globalHash = String(decoding: rest, as: UTF8.self)
            case "warnings":
                guard let warnings = try? JSONDecoder().decode([Diagnostic].self, from: Data(rest)) else { return nil }
                cache.warnings = warnings
            case "i":
                let f = rest.split(separator: UInt8(ascii: "\t"), maxSplits: 3, omittingEmptySubsequences: false)
                guard f.count == 4, let size = Int(String(decoding: f[0], as: UTF8.self)),
                      let mtime = Int(String(decoding: f[1], as: UTF8.self)) else { return nil }
                cache.inputs[String(decoding: f[3], as: UTF8.self)] = Input(size: size, mtime: mtime, hash: String(decoding: f[2], as: UTF8.self))
            case "o":
                let f = rest.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
                guard f.count == 3, let size = Int(String(decoding: f[0], as: UTF8.self)) else { return nil }
                cache.outputs[String(decoding: f[2], as: UTF8.self)] = Output(hash: String(decoding: f[1], as: UTF8.self), size: size)
            default: return nil
            }
        }
        return cache
    }

    /// Removes the cache (after a failed build nothing about the output is known for sure).
    static func forget(root: URL) {
        try? FileManager.default.removeItem(at: location(root: root))
    }

    /// Stats every input; hashes only files whose size or time changed since `previous`.
    /// `content` is the walk of Content/ (the loader reads the same list).
    static func scanInputs(root: URL, content: [FileTree.Entry], previous: BuildCache?) -> [String: Input] {
        var paths: [String] = []
        let themes = FileTree.walk(root.appendingPathComponent("Themes").resolvingSymlinksInPath().path)
        for (folder, entries) in [("Content", content), ("Themes", themes)] {
            for entry in entries where entry.kind == .file || entry.kind == .symbolicLink {
                paths.append(folder + "/" + entry.path)
            }
        }
        let rootPath = root.path
        let results = paths.concurrentMap { path -> (String, Input)? in
            var info = stat()
            let full = rootPath + "/" + path
            guard stat(full, &info) == 0 else { return nil }
            let size = Int(info.st_size)
            let mtime = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            if let old = previous?.inputs[path], old.size == size, old.mtime == mtime {
                return (path, old)
            }
            guard let hash = hashFile(full) else { return nil }
            return (path, Input(size: size, mtime: mtime, hash: hash))
        }
        var inputs: [String: Input] = [:]
        for case let (path, input)? in results { inputs[path] = input }
        return inputs
    }

    static func hashFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hash = StableHash()
        data.withUnsafeBytes { hash.combine($0) }
        return hash.hex
    }

    /// True when every output the last build wrote is still there with its size.
    func outputIsIntact(_ output: URL) -> Bool {
        let base = output.path
        guard OutputWriter.isOutput(base) else { return false }
        return Array(outputs).concurrentMap { entry -> Bool in
            var info = stat()
            return stat(base + "/" + entry.key, &info) == 0 && Int(info.st_size) == entry.value.size
        }.allSatisfy { $0 }
    }
}
