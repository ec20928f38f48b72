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
                at: nil, .outputIsSource(folder: out))])
        }
    }

    /// A hidden file in every output: the folder was written by portal and may be replaced.
    static let marker = OutputFolder.marker

    /// True when `path` is an output folder written by portal (it has the marker).
    static func isOutput(_ path: String) -> Bool {
        access(path + "/" + marker, F_OK) == 0
    }

    func prepare() throws(BuildFailure) {
        try OutputFolder.checkReplaceable(output)
        removeLeftovers()
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error(at: nil, .outputCannotCreateStaging(folder: staging.path, reason: error.localizedDescription))])
        }
    }

    /// Removes staging and retired folders of builds that were killed (the output's lock is
    /// held, so no other build of it is running). Kept entries (`.git`) that a killed build had
    /// already moved into its staging folder go back to the output first.
    func removeLeftovers() {
        let parent = output.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(leftoverPrefix) && !name.hasSuffix("portal-lock") && parent.appendingPathComponent(name) != staging {
            let leftover = parent.appendingPathComponent(name).path
            var stranded = false
            for kept in OutputFolder.keptEntries(in: leftover) {
                if access(output.path + "/" + kept, F_OK) != 0, access(output.path, F_OK) == 0,
                   rename(leftover + "/" + kept, output.path + "/" + kept) == 0 { continue }
                stranded = true
            }
            if !stranded { Self.removeTree(URL(fileURLWithPath: leftover)) }
        }
    }

    /// Makes the folders of `paths` (relative to the output) in the staging folder: parents
    /// before children, each depth on every core (10,000 pages are 10,000 folders).
    func createDirectories(for paths: some Sequence<String>) throws(BuildFailure) {
        var directories: Set<Substring> = []
        for path in paths {
            var dir = Substring(path)
            // By bytes: "/" is never part of another character in UTF-8.
            while let slash = dir.utf8.lastIndex(of: UInt8(ascii: "/")) {
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
                throw BuildFailure([ioError(.createFolder, URL(fileURLWithPath: first.path))])
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
        guard fd >= 0 else { return .failure(ioError(.write, URL(fileURLWithPath: path))) }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ioError(.write, URL(fileURLWithPath: path)))
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
            return .failure(ioError(.copy(from: source), destination))
        }
        let finalHash = hash ?? BuildCache.hashFile(source) ?? ""
        var info = stat()
        let finalSize = size ?? (stat(source, &info) == 0 ? Int(info.st_size) : 0)
        return .success(BuildCache.Output(hash: finalHash, size: finalSize))
    }

    /// Swaps the staging folder in, with the marker (`OutputFolder.markerData`: the files this
    /// build wrote).
    /// The kept entries of the old output (`.git`, `.well-known/`…) are moved into the new one
    /// by rename: they belong to whoever publishes, and a rename can neither truncate nor lose
    /// them. Any failure is a build error and leaves the old output as it was.
    func commit(marker: Result<Data, any Error>) throws(BuildFailure) {
        do {
            try marker.get().write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            throw BuildFailure([ioError(.write, staging.appendingPathComponent(Self.marker))])
        }
        fsyncDirectory(staging)
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            guard rename(staging.path, output.path) == 0 else { throw BuildFailure([ioError(.moveIntoPlace, output)]) }
            return
        }
        // Checked again: something may have been put there while the pages were written.
        try OutputFolder.checkReplaceable(output)
        var moved: [String] = []
        func moveBack() {
            for name in moved { _ = rename(staging.path + "/" + name, output.path + "/" + name) }
        }
        for name in OutputFolder.keptEntries(in: output.path) {
            if access(staging.path + "/" + name, F_OK) == 0 {
                moveBack()
                throw BuildFailure([.error(at: nil, .outputKeptNameClash(name: name, folder: output.path))])
            }
            guard rename(output.path + "/" + name, staging.path + "/" + name) == 0 else {
                let failure = ioError(.moveKept(name: name), output)
                moveBack()
                throw BuildFailure([failure])
            }
            moved.append(name)
        }
        if portal_exchange_paths(staging.path, output.path) == 0 {
            // The old site now sits at the staging path.
            Self.removeTree(staging)
            return
        }
        // No atomic exchange here (another OS or file system): two renames, old kept until the new is in.
        let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).portal-retired-\(getpid())")
        guard rename(output.path, retired.path) == 0 else {
            let failure = ioError(.moveAside, output)
            moveBack()
            throw BuildFailure([failure])
        }
        guard rename(staging.path, output.path) == 0 else {
            let failure = ioError(.moveIntoPlace, output)
            _ = rename(retired.path, output.path)
            moveBack()
            throw BuildFailure([failure])
        }
        Self.removeTree(retired)
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

    /// What failed on `url`, with the system's reason (`errno`).
    private func ioError(_ action: Message.OutputAction, _ url: URL) -> Diagnostic {
        .error(at: nil, .outputIOFailed(action, path: url.path, reason: String(cString: strerror(errno))))
    }
}
