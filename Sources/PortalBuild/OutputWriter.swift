import CPortalSystem
import Foundation
import PortalCore

#if canImport(Glibc)
import Glibc
#endif

/// The write stage. Everything is written into a staging folder beside the output; only a
/// complete, successful build is swapped in, atomically. A failed or killed build leaves the
/// published folder exactly as it was, and the next build removes what a killed one left.
struct OutputWriter: Sendable {
    let output: URL
    let staging: URL
    // Plain paths for the per-file work: Foundation's URL appending cost 2 % of a large build.
    let outputPath: String
    let stagingPath: String
    /// What the last build wrote: a file with the same bytes is hard-linked from the old output
    /// rather than written again, so it keeps its inode and modification time.
    let previous: [String: BuildCache.Output]

    init(output: URL, previous: [String: BuildCache.Output] = [:]) {
        self.output = output.standardizedFileURL
        // Without the old output (deleted, or never written) there is nothing to link from.
        self.previous = Self.isOutput(self.output.path) ? previous : [:]
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).portal-staging-\(getpid())")
        outputPath = self.output.path
        stagingPath = staging.path
    }

    /// Prefix of staging and retired folders of this output, for cleaning up after killed builds.
    private var leftoverPrefix: String { ".\(output.lastPathComponent).portal-" }

    /// Refuses outputs that would replace the site's own sources.
    static func checkOutput(_ output: URL, root: URL) throws(BuildFailure) {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = ["Content", "Themes", "Sources", "Tests"].map { rootPath + "/" + $0 }
        let containsRoot = out == rootPath || out == "/" || rootPath.hasPrefix(out + "/")
        if containsRoot || protected.contains(where: { out == $0 || out.hasPrefix($0 + "/") }) {
            throw BuildFailure([.error(
                at: nil, "refusing to write the site to \(out): it would replace the site's own files; choose a separate folder such as Public",
                ru: "сайт нельзя записать в \(out): это заменило бы исходные файлы сайта; укажите отдельную папку, например Public")])
        }
    }

    /// A hidden file in every output: the folder was written by portal and may be replaced.
    static let marker = ".portal-output"

    /// True when `path` is an output folder written by portal (it has the marker).
    static func isOutput(_ path: String) -> Bool {
        access(path + "/" + marker, F_OK) == 0
    }

    func prepare() throws(BuildFailure) {
        try checkReplaceable()
        removeLeftovers()
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("This folder is written by portal build; it is replaced by every build.\n".utf8)
                .write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            throw BuildFailure([.error(at: nil, "cannot create \(staging.path): \(error.localizedDescription)",
                                       ru: "не удаётся создать \(staging.path): \(error.localizedDescription)")])
        }
    }

    /// The output folder is replaced whole, so it must be a site's output: missing, empty but for
    /// hidden files (a `.gitkeep`), marked by an earlier build, or a web site (an `index.html` at
    /// its top). `--output ~/Documents` by mistake must not cost anyone their documents.
    func checkReplaceable() throws(BuildFailure) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return }
        if names.contains(Self.marker) || names.contains("index.html") || names.allSatisfy({ $0.hasPrefix(".") }) { return }
        throw BuildFailure([.error(
            at: nil,
            "\(output.path) holds files that portal did not write; a build replaces the whole folder, so choose an empty or new folder (or remove this one)",
            ru: "в \(output.path) есть файлы, записанные не portal; сборка заменяет папку целиком, поэтому укажите пустую или новую папку (или удалите эту)")])
    }

    /// Removes staging folders of builds that were killed (their process is gone).
    func removeLeftovers() {
        let parent = output.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(leftoverPrefix) {
            if let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0,
               name.contains("staging") {
                continue  // another build of the same output is running
            }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Makes the folders of `paths` (relative to the output) in the staging folder: parents
    /// before children, each depth on every core (10,000 pages are 10,000 folders).
    func createDirectories(for paths: some Sequence<String>) throws(BuildFailure) {
        var directories: Set<Substring> = []
        for path in paths {
            var dir = Substring(path)
            while let slash = dir.lastIndex(of: "/") {
                dir = dir[..<slash]
                if !directories.insert(dir).inserted { break }
            }
        }
        var byDepth: [[String]] = []
        for dir in directories {
            let depth = dir.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            while byDepth.count <= depth { byDepth.append([]) }
            byDepth[depth].append(stagingPath + "/" + dir)
        }
        for level in byDepth {
            let failures = level.concurrentMap { path -> Failure? in
                mkdir(path, 0o755) != 0 && errno != EEXIST ? Failure(path: path, code: errno) : nil
            }
            if let first = failures.compactMap({ $0 }).min(by: { $0.path < $1.path }) {
                errno = first.code
                throw BuildFailure([ioError("create the folder", URL(fileURLWithPath: first.path))])
            }
        }
    }

    private struct Failure: Sendable {
        var path: String
        var code: Int32
    }

    /// Writes one file (its folder must exist), or links last build's identical file. Safe to
    /// call from many threads at once.
    func write(_ text: String, to relative: String) -> Result<BuildCache.Output, Diagnostic> {
        var text = text
        return text.withUTF8 { write(buffer: $0, to: relative) }
    }

    func write(bytes: [UInt8], to relative: String) -> Result<BuildCache.Output, Diagnostic> {
        bytes.withUnsafeBufferPointer { write(buffer: $0, to: relative) }
    }

    private func write(buffer: UnsafeBufferPointer<UInt8>, to relative: String) -> Result<BuildCache.Output, Diagnostic> {
        var hash = StableHash()
        hash.combine(UnsafeRawBufferPointer(buffer))
        let result = BuildCache.Output(hash: hash.hex, size: buffer.count)
        if reuse(relative, as: result) { return .success(result) }
        let path = stagingPath + "/" + relative
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(ioError("write", URL(fileURLWithPath: path))) }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ioError("write", URL(fileURLWithPath: path)))
            }
            offset += n
        }
        return .success(result)
    }

    /// Hard-links last build's file into the new output when it has exactly these bytes.
    func reuse(_ relative: String, as expected: BuildCache.Output) -> Bool {
        guard previous[relative] == expected else { return false }
        let old = outputPath + "/" + relative
        var info = stat()
        guard stat(old, &info) == 0, Int(info.st_size) == expected.size else { return false }
        return link(old, stagingPath + "/" + relative) == 0
    }

    /// Copies a file (or links the old output's copy when the source's hash is unchanged).
    func copy(from source: String, to relative: String, hash: String?, size: Int?) -> Result<BuildCache.Output, Diagnostic> {
        if let hash, let size, reuse(relative, as: BuildCache.Output(hash: hash, size: size)) {
            return .success(BuildCache.Output(hash: hash, size: size))
        }
        let destination = staging.appendingPathComponent(relative)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: destination.path)
        } catch {
            return .failure(ioError("copy \(source) to", destination))
        }
        let finalHash = hash ?? BuildCache.hashFile(source) ?? ""
        var info = stat()
        let finalSize = size ?? (stat(source, &info) == 0 ? Int(info.st_size) : 0)
        return .success(BuildCache.Output(hash: finalHash, size: finalSize))
    }

    /// Swaps the staging folder in. Hidden files at the top of the old output (`.gitkeep`,
    /// `.nojekyll`) are carried over: they belong to whoever publishes, not to the build.
    func commit() throws(BuildFailure) {
        let fm = FileManager.default
        if let names = try? fm.contentsOfDirectory(atPath: output.path) {
            for name in names where name.hasPrefix(".") {
                let target = staging.appendingPathComponent(name)
                if !fm.fileExists(atPath: target.path) {
                    try? fm.copyItem(at: output.appendingPathComponent(name), to: target)
                }
            }
        }
        fsyncDirectory(staging)
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildFailure([.error(at: nil, "\(output.path) is a file, not a folder", ru: "\(output.path) — файл, а не папка")])
            }
            if portal_exchange_paths(staging.path, output.path) == 0 {
                // The old site now sits at the staging path.
                Self.removeTree(staging)
                return
            }
            // No atomic exchange here (another OS or file system): two renames, old kept until the new is in.
            let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).portal-retired-\(getpid())")
            guard rename(output.path, retired.path) == 0 else { throw BuildFailure([ioError("move aside", output)]) }
            guard rename(staging.path, output.path) == 0 else {
                _ = rename(retired.path, output.path)
                throw BuildFailure([ioError("move into place", output)])
            }
            try? fm.removeItem(at: retired)
        } else {
            guard rename(staging.path, output.path) == 0 else { throw BuildFailure([ioError("move into place", output)]) }
        }
    }

    func discard() {
        Self.removeTree(staging)
    }

    /// Removes a folder, its top-level entries on every core (deleting 10,000 files is a
    /// quarter of a second on one).
    static func removeTree(_ url: URL) {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        let base = url.path
        _ = entries.concurrentMap { name in try? FileManager.default.removeItem(atPath: base + "/" + name) }
        try? fm.removeItem(at: url)
    }

    private func fsyncDirectory(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    private func ioError(_ action: String, _ url: URL) -> Diagnostic {
        let reason = String(cString: strerror(errno))
        return .error(at: nil, "cannot \(action) \(url.path): \(reason)", ru: "не удаётся выполнить запись (\(action)) \(url.path): \(reason)")
    }
}
