#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a folder tree with `readdir`, which gives each entry's type without a `stat`, as
/// FileManager's enumerator does not (docs/performance.md).
public enum FileTree {
    public enum Kind: Sendable {
        case file
        case directory
        case symbolicLink
    }

    public struct Entry: Sendable, Hashable {
        /// Path below the walked folder, `/`-separated.
        public var path: String
        public var kind: Kind
    }

    /// Every entry below `root`, sorted by path, hidden names (`.git`, `.DS_Store`) left out.
    /// Symbolic links are reported, not followed. `hidden` lists hidden names too (but never
    /// `.` and `..`).
    public static func walk(_ root: String, hidden: Bool = false) -> [Entry] {
        var entries: [Entry] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(folder) else { continue }
            defer { closedir(dir) }
            while let item = readdir(dir) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if hidden ? (name == "." || name == "..") : name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var kind: Kind
                switch Int32(item.pointee.d_type) {
                case Int32(DT_DIR): kind = .directory
                case Int32(DT_LNK): kind = .symbolicLink
                case Int32(DT_REG): kind = .file
                default:
                    // Some file systems do not fill d_type.
                    var info = stat()
                    guard lstat(folder + "/" + name, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = .directory
                    case S_IFLNK: kind = .symbolicLink
                    case S_IFREG: kind = .file
                    default: continue
                    }
                }
                entries.append(Entry(path: path, kind: kind))
                if kind == .directory { pending.append(path) }
            }
        }
        return entries.sorted { $0.path < $1.path }
    }
}
