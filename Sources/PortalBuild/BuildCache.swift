import Foundation
import PortalContent
import PortalCore

#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build read and wrote, kept in `<root>/.portal-cache/build.json`.
///
/// - Nothing changed (every input file has the size, time and content hash it had, and the
///   output is still there): the build stops at once and leaves the output alone.
/// - Something changed: every page is still checked, but a page whose output bytes are the
///   same as last time is hard-linked from the old output instead of written, so it keeps its
///   inode and mtime and an rsync deployment moves only what changed. When neither the site's
///   settings, data, theme nor the list of pages changed, unchanged pages are not even rendered.
struct BuildCache: Codable, Sendable {
    static let version = 3

    struct Input: Codable, Sendable, Equatable {
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

    struct Output: Codable, Sendable, Equatable {
        var hash: String
        var size: Int
    }

    static func location(root: URL) -> URL {
        root.appendingPathComponent(".portal-cache/build.json")
    }

    static func load(root: URL, settings: String) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(root: root)),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.version == version, cache.settings == settings else { return nil }
        return cache
    }

    /// Written atomically; a cache that cannot be written only costs speed next time.
    func save(root: URL) {
        let url = Self.location(root: root)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? data.write(to: url, options: .atomic)
    }

    /// Removes the cache (after a failed build nothing about the output is known for sure).
    static func forget(root: URL) {
        try? FileManager.default.removeItem(at: location(root: root))
    }

    /// Stats every input; hashes only files whose size or time changed since `previous`.
    static func scanInputs(root: URL, previous: BuildCache?) -> [String: Input] {
        var paths: [String] = []
        for folder in ["Content", "Themes"] {
            let base = root.appendingPathComponent(folder).resolvingSymlinksInPath().path
            for entry in FileTree.walk(base) where entry.kind == .file || entry.kind == .symbolicLink {
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
        return Array(outputs).concurrentMap { entry -> Bool in
            var info = stat()
            return stat(base + "/" + entry.key, &info) == 0 && Int(info.st_size) == entry.value.size
        }.allSatisfy { $0 }
    }
}

/// Everything a page's HTML depends on besides its own file.
enum GlobalFingerprint {
    static func make(site: Site, inputs: [String: BuildCache.Input], settings: String) -> String {
        var hash = StableHash()
        hash.combine(settings)
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
            // Page sources are covered by the page list below and by each page's own check.
            let isPage = path.hasPrefix("Content/") && (path.hasSuffix(".md") || path.hasSuffix(".markdown"))
            if !isPage { hash.combine(path); hash.combine(input.hash) }
        }
        for page in site.pages {
            hash.combine(page.url)
            hash.combine(page.source)
            hash.combine(page.title)
            hash.combine(page.description ?? "-")
            hash.combine(page.date?.iso ?? "-")
            hash.combine(page.order.map(String.init) ?? "-")
            hash.combine(page.tags.joined(separator: "\u{1F}"))
            hash.combine(page.aliases.joined(separator: "\u{1F}"))
            hash.combine(page.template ?? "-")
        }
        return hash.hex
    }
}
