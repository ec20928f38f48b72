import Foundation
import Synchronization
import PortalCore

#if canImport(Glibc)
import Glibc
#endif

/// Watches `Content/` and `Themes/` of a site root and calls `onChange` after anything below them
/// changed, with the changed paths relative to the root (`Content/news/a.md`), or nil when they
/// are not known (events were lost, a whole folder was replaced). On Linux through inotify: a watch on every folder, new folders added as they appear.
/// Where inotify is missing or runs out of watches (`fs.inotify.max_user_watches`), it falls back
/// to comparing modification times twice a second. Calls come in bursts (an editor's save is several
/// events); the server debounces them.
final class SourceWatcher: Sendable {
    enum Method: Sendable {
        case automatic
        case polling
    }

    static let folders = ["Content", "Themes"]

    let root: String
    let method: Method
    private let onChange: @Sendable (Set<String>?) -> Void
    private let stopped = Flag()

    init(root: URL, method: Method = .automatic, onChange: @escaping @Sendable (Set<String>?) -> Void) {
        self.root = root.standardizedFileURL.path
        self.method = method
        self.onChange = onChange
    }

    /// Looks at the tree now, so that every change after `start()` returns is seen, then watches
    /// on a thread of its own: the loop blocks in `poll`, which must not hold one of the few
    /// threads of Swift's cooperative pool.
    func start() {
        #if canImport(Glibc)
        if method == .automatic, let inotify = openInotify() {
            spawn { [self] in
                if !watch(inotify) { watchByPolling(from: snapshot()) }
            }
            return
        }
        #endif
        let first = snapshot()
        spawn { [self] in watchByPolling(from: first) }
    }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = "portal-watch"
        thread.start()
    }

    /// Returns at once; the thread notices within a fraction of a second and ends.
    func stop() {
        stopped.set()
    }

    /// Hidden files and editors' backups (`.about.md.swp`, `about.md~`) are not part of the site.
    static func ignores(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~")
    }

    /// Every folder to watch: the two source folders and all folders below them.
    private func folderTree() -> [String] {
        var paths: [String] = []
        for top in Self.folders {
            let base = root + "/" + top
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            paths.append(base)
            paths += FileTree.walk(base).filter { $0.kind == .directory }.map { base + "/" + $0.path }
        }
        return paths
    }

    // MARK: inotify

    #if canImport(Glibc)
    private struct Inotify: Sendable {
        var fd: Int32
        /// The root itself, only to notice Content/ or Themes/ being created or replaced (a git checkout).
        var rootWatch: Int32
        var watches: [Int32: String]  // watch descriptor → folder
    }

    private func openInotify() -> Inotify? {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let rootWatch = inotify_add_watch(fd, root, UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR))
        var watches: [Int32: String] = [:]
        guard rootWatch >= 0, addWatches(fd, &watches) else {
            close(fd)
            return nil
        }
        return Inotify(fd: fd, rootWatch: rootWatch, watches: watches)
    }

    /// Returns false when inotify stopped working (out of watches), so the caller polls instead;
    /// true after `stop()`.
    private func watch(_ inotify: Inotify) -> Bool {
        let fd = inotify.fd
        defer { close(fd) }
        var watches = inotify.watches
        let capacity = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: capacity)
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let headerSize = MemoryLayout<inotify_event>.size
        while !stopped.isSet {
            // Wake up five times a second to notice stop(): closing the descriptor from another
            // thread would not interrupt a blocked read.
            guard poll(&request, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, capacity) }
            guard count > 0 else { continue }

            var changed = false
            var newFolders = false
            var paths: Set<String>? = []
            let prefix = root + "/"
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + headerSize <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = bytes[(offset + headerSize)..<(offset + headerSize + Int(event.len))]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += headerSize + Int(event.len)

                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {  // events were lost: rebuild, rescan
                        changed = true
                        newFolders = true
                        paths = nil
                    } else if event.mask & UInt32(IN_IGNORED) != 0 {  // the folder is gone
                        watches[event.wd] = nil
                    } else if event.wd == inotify.rootWatch {
                        if Self.folders.contains(name) {
                            changed = true
                            newFolders = true
                            paths = nil
                        }
                    } else if let folder = watches[event.wd], !Self.ignores(name) {
                        changed = true
                        let full = folder + "/" + name
                        paths?.insert(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full)
                        if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                            newFolders = true
                        }
                    }
                }
            }
            // A new folder's own files are in the rebuild that follows (it starts ≥100 ms later).
            if newFolders, !addWatches(fd, &watches) {
                onChange(nil)
                return false
            }
            if changed { onChange(newFolders ? nil : paths) }
        }
        return true
    }

    /// Adds a watch on every folder of the tree; a folder already watched keeps its descriptor.
    /// False when the kernel refuses (out of watches).
    private func addWatches(_ fd: Int32, _ watches: inout [Int32: String]) -> Bool {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)
        for path in folderTree() {
            let wd = inotify_add_watch(fd, path, mask)
            if wd < 0 {
                if errno == ENOENT || errno == ENOTDIR { continue }  // removed while we looked
                return false
            }
            watches[wd] = path
        }
        return true
    }
    #endif

    // MARK: Polling

    private struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
    }

    private func watchByPolling(from first: [String: Stamp]) {
        var last = first
        while !stopped.isSet {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            if now != last {
                let prefix = root + "/"
                let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }
                    .map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
                last = now
                onChange(Set(changed))
            }
        }
    }

    /// Modification time and size of every file and folder under the source folders.
    private func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for top in Self.folders {
            let base = root + "/" + top
            // Editor backups (`about.md~`) are left out, as the inotify watcher leaves them out.
            let entries = FileTree.walk(base).filter { !Self.ignores(String($0.path.split(separator: "/").last ?? "")) }
            for path in [base] + entries.map({ base + "/" + $0.path }) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                #if canImport(Darwin)
                let time = info.st_mtimespec
                #else
                let time = info.st_mtim
                #endif
                stamps[path] = Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size))
            }
        }
        return stamps
    }
}

/// A one-way switch shared between the watching thread and the server.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}
