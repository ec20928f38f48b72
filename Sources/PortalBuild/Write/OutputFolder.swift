import Foundation
import PortalCore

#if canImport(Glibc)
import Glibc
#endif

/// What portal may do to an output folder. A build replaces the folder whole, so it replaces
/// only a folder that is missing, holds nothing but publishing placeholders (`keptNames`), or
/// was written by an earlier build and holds nothing that build did not write (the marker file
/// lists every file it wrote). Anything else is refused, naming one entry that is not portal's:
/// portal never deletes what it did not write.
enum OutputFolder {
    /// Entries at the top of an output that belong to whoever publishes it, not to the build:
    /// the checkout of a deployment repository, a placeholder that keeps the folder in git, a
    /// GitHub Pages switch, a web server's settings and its `.well-known/` files. They are moved
    /// (renamed, never copied) into every new output, so they are safe in any output folder.
    static let keptNames: [String] = [".git", ".gitkeep", ".nojekyll", ".htaccess", ".well-known"]

    /// The marker file: it says the folder is portal's and lists what the build wrote.
    static let marker = ".portal-output"

    struct Manifest: Codable {
        var note: String
        var files: [String]
    }

    static func markerData(files: [String]) throws -> Data {
        let manifest = Manifest(note: "This folder is written by portal build and replaced by every build; "
            + "portal replaces it only while it holds nothing but these files (and .git, .gitkeep, .nojekyll, .htaccess, .well-known).",
            files: files.sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(manifest)
    }

    /// What an older portal wrote as the marker: this line, and no list of files.
    static let legacyMarker = "This folder is written by portal build; it is replaced by every build.\n"

    enum Written {
        /// The files an earlier build wrote.
        case files(Set<String>)
        /// An older portal's marker: the folder is portal's, as it was then.
        case legacy
        /// Empty, cut short (a crash), or not portal's: says nothing about what portal wrote.
        case unreadable
    }

    static func manifest(of folder: String) -> Written {
        guard let data = FileManager.default.contents(atPath: folder + "/" + marker) else { return .unreadable }
        if let manifest = try? JSONDecoder().decode(Manifest.self, from: data) { return .files(Set(manifest.files)) }
        return data == Data(legacyMarker.utf8) ? .legacy : .unreadable
    }

    /// The output folder with symbolic links followed: a `Public -> /var/www/site` link stays a
    /// link, and the build replaces the contents of the folder it points to.
    static func resolve(_ output: URL) throws(BuildFailure) -> URL {
        let path = output.standardizedFileURL.path
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return output.standardizedFileURL }
        guard let real = realpath(path, nil) else {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw BuildFailure([.error(
                at: nil, .outputDanglingLink(folder: path, target: target))])
        }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real), isDirectory: true)
    }

    /// Throws unless the build may replace `output` (see the type's comment).
    static func checkReplaceable(_ output: URL) throws(BuildFailure) {
        let path = output.path
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw BuildFailure([.error(at: nil, .outputIsFile(folder: path))])
        }
        guard let foreign = foreignEntry(in: path) else { return }
        throw BuildFailure([.error(
            at: nil,
            .outputForeignEntry(folder: path, entry: foreign))])
    }

    /// The first entry (by path) of `folder` that the build may not delete, or nil.
    static func foreignEntry(in folder: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        let top = names.filter { !keptNames.contains($0) && $0 != marker }.sorted()
        guard names.contains(marker) else { return top.first }
        let written: Set<String>
        switch manifest(of: folder) {
        case .files(let files): written = files
        // Written by an older portal, which kept no list: its folder is portal's, as it was then.
        case .legacy: return nil
        // A marker that lists nothing readable cannot vouch for anything in the folder.
        case .unreadable: return marker
        }
        var allowed = written
        for file in written {
            var dir = Substring(file)
            while let slash = dir.lastIndex(of: "/") {
                dir = dir[..<slash]
                if !allowed.insert(String(dir)).inserted { break }
            }
        }
        for name in top {
            if !allowed.contains(name) { return name }
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            for entry in FileTree.walk(folder + "/" + name, hidden: true) where !allowed.contains(name + "/" + entry.path) {
                return name + "/" + entry.path
            }
        }
        return nil
    }

    /// The kept entries present at the top of `folder`.
    static func keptEntries(in folder: String) -> [String] {
        keptNames.filter { name in
            var info = stat()
            return lstat(folder + "/" + name, &info) == 0
        }
    }
}

/// One build at a time per output folder: an exclusive `flock` on `.NAME.portal-lock` beside
/// it, held until the build is over (the kernel lets go of it when the process dies).
final class OutputLock {
    private let fd: Int32

    /// Takes the lock; when another build holds it, calls `waiting` once and waits for it.
    init(output: URL, waiting: (@Sendable (Message) -> Void)?) throws(BuildFailure) {
        let parent = output.deletingLastPathComponent()
        let path = parent.appendingPathComponent(".\(output.lastPathComponent).portal-lock").path
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw BuildFailure([.error(at: nil, .outputCannotCreateLock(lock: path, reason: reason))])
        }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
        waiting?(.outputWaitingForLock(folder: output.path, lock: path))
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd)
            throw BuildFailure([.error(at: nil, .outputCannotLock(lock: path, reason: reason))])
        }
    }

    deinit {
        close(fd)  // releases the lock
    }
}
