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

    /// `cache` is the cache folder (`BuildOptions.cache`).
    static func location(cache: URL) -> URL {
        cache.appendingPathComponent("build.txt")
    }

    /// The first line of the file: another version of the format is not read.
    static var header: String { "portal build cache \(version)" }

    static func load(cache: URL, settings: String) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(cache: cache)),
              let cache = decode([UInt8](data)), cache.settings == settings else { return nil }
        return cache
    }

    /// Written atomically; a cache that cannot be written only costs speed next time.
    /// `encoded` is `encoded()` (nil: no cache is kept).
    func save(cache: URL, encoded: [UInt8]?) {
        let url = Self.location(cache: cache)
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

    /// Reads `encoded()`'s text; anything unexpected means no cache. Read by bytes, in place: it
    /// is read before anything else of a build, while nothing else is left to do.
    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        bytes.withUnsafeBufferPointer { CacheReader(bytes: $0).read() }
    }

    private struct CacheReader {
        let bytes: UnsafeBufferPointer<UInt8>

        func read() -> BuildCache? {
            var cache = BuildCache(version: version, settings: "", inputs: [:], globalHash: "", outputs: [:], warnings: [])
            // About 60 bytes a line, half of the lines inputs and half outputs.
            cache.inputs.reserveCapacity(bytes.count / 120)
            cache.outputs.reserveCapacity(bytes.count / 120)
            var start = 0
            var first = true
            while start < bytes.count {
                let end = index(of: 0x0A, from: start, to: bytes.count) ?? bytes.count
                defer { start = end + 1 }
                if first {
                    guard text(start, end) == header else { return nil }
                    first = false
                    continue
                }
                if start == end { continue }
                // The fields before the path hold no tabs; the path is the rest of the line.
                guard let tab = index(of: 0x09, from: start, to: end) else { return nil }
                switch text(start, tab) {
                case "settings": cache.settings = text(tab + 1, end)
                case "global": cache.globalHash = text(tab + 1, end)
                case "warnings":
                    let json = Data(UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]))
                    guard let warnings = try? JSONDecoder().decode([Diagnostic].self, from: json) else { return nil }
                    cache.warnings = warnings
                case "i":
                    guard let t1 = index(of: 0x09, from: tab + 1, to: end), let t2 = index(of: 0x09, from: t1 + 1, to: end),
                          let t3 = index(of: 0x09, from: t2 + 1, to: end),
                          let size = integer(tab + 1, t1), let mtime = integer(t1 + 1, t2) else { return nil }
                    cache.inputs[text(t3 + 1, end)] = Input(size: size, mtime: mtime, hash: text(t2 + 1, t3))
                case "o":
                    guard let t1 = index(of: 0x09, from: tab + 1, to: end), let t2 = index(of: 0x09, from: t1 + 1, to: end),
                          let size = integer(tab + 1, t1) else { return nil }
                    cache.outputs[text(t2 + 1, end)] = Output(hash: text(t1 + 1, t2), size: size)
                default: return nil
                }
            }
            return first ? nil : cache
        }

        func index(of byte: UInt8, from start: Int, to end: Int) -> Int? {
            guard start < end, let found = memchr(bytes.baseAddress! + start, Int32(byte), end - start) else { return nil }
            return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// A whole number as `String(n)` writes it (a minus sign, then digits), or nil.
        func integer(_ start: Int, _ end: Int) -> Int? {
            var i = start
            let negative = i < end && bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            guard i < end else { return nil }
            var value = 0
            while i < end {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = tens.addingReportingOverflow(Int(digit))
                guard !overflow, !carry else { return nil }
                value = sum
                i += 1
            }
            return negative ? -value : value
        }
    }

    /// Removes the cache (after a failed build nothing about the output is known for sure).
    static func forget(cache: URL) {
        try? FileManager.default.removeItem(at: location(cache: cache))
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
