import PortalContent
import PortalCore

/// Every path the build writes, checked before anything is written: a name longer than a file
/// name may be (a Cyrillic folder name transliterated, an id from data) is reported at its
/// source, not as a failed write into the staging folder.
enum OutputNames {
    static let maxSegmentBytes = 255

    static func check(site: Site, files: [(source: String, destination: String)], root: String, log: inout DiagnosticLog) {
        // Only a path with a long name is split and located: every page and file is looked at.
        for index in site.pages.indices {
            let path = Page.outputPath(url: site.pages[index].url)
            guard hasLongSegment(path) else { continue }
            report(path, at: SourceLocation(path: site.pages[index].source), log: &log)
        }
        for file in files where hasLongSegment(file.destination) {
            report(file.destination, at: SourceLocation(path: relative(file.source, root: root)), log: &log)
        }
    }

    /// Whether a name between slashes is longer than a file system takes, by bytes.
    static func hasLongSegment(_ path: String) -> Bool {
        var length = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") { length = 0; continue }
            length += 1
            if length > maxSegmentBytes { return true }
        }
        return false
    }

    private static func report(_ path: String, at source: SourceLocation, log: inout DiagnosticLog) {
        guard let long = path.split(separator: "/").first(where: { $0.utf8.count > maxSegmentBytes }) else { return }
        log.error(at: source, .outputNameTooLong(name: String(long), length: long.utf8.count, limit: maxSegmentBytes))
    }

    static func relative(_ path: String, root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
