import CPortalSystem
import Foundation
import PortalCore

#if canImport(Glibc)
import Glibc
#endif

/// The write stage. Everything is written into a staging folder beside the output; only a
/// complete, successful build is swapped in, atomically. A failed or killed build leaves the
/// published folder exactly as it was, and the next build removes what a killed one left.
struct OutputWriter {
    let output: URL
    let staging: URL

    init(output: URL) {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).portal-staging-\(getpid())")
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

    func prepare() throws(BuildFailure) {
        removeLeftovers()
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error(at: nil, "cannot create \(staging.path): \(error.localizedDescription)",
                                       ru: "не удаётся создать \(staging.path): \(error.localizedDescription)")])
        }
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

    func createDirectories(for paths: some Sequence<String>) throws(BuildFailure) {
        var directories: Set<String> = []
        for path in paths {
            var dir = (path as NSString).deletingLastPathComponent
            while !dir.isEmpty, directories.insert(dir).inserted {
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        for dir in directories.sorted() {
            let url = staging.appendingPathComponent(dir)
            if mkdir(url.path, 0o755) != 0 && errno != EEXIST {
                throw BuildFailure([ioError("create the folder", url)])
            }
        }
    }

    /// Writes one file (its folder must exist). Safe to call from many threads at once.
    func write(_ text: String, to relative: String) -> Diagnostic? {
        let path = staging.appendingPathComponent(relative).path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return ioError("write", URL(fileURLWithPath: path)) }
        defer { close(fd) }
        var text = text
        let ok = text.withUTF8 { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        return ok ? nil : ioError("write", URL(fileURLWithPath: path))
    }

    func copy(from source: String, to relative: String) -> Diagnostic? {
        let destination = staging.appendingPathComponent(relative)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: destination.path)
            return nil
        } catch {
            return ioError("copy \(source) to", destination)
        }
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
                try? fm.removeItem(at: staging)
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
        try? FileManager.default.removeItem(at: staging)
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
