import PortalContent
import PortalCore

/// Every path the build writes, checked before anything is written: a name longer than a file
/// name may be (a Cyrillic folder name transliterated, an id from data) is reported at its
/// source, not as a failed write into the staging folder.
enum OutputNames {
    static let maxSegmentBytes = 255

    static func check(site: Site, files: [(source: String, destination: String)], root: String, log: inout DiagnosticLog) {
        var sources: [(path: String, source: SourceLocation)] = site.pages.map { ($0.outputPath, SourceLocation(path: $0.source)) }
        sources += files.map { ($0.destination, SourceLocation(path: relative($0.source, root: root))) }
        for (path, source) in sources {
            guard let long = path.split(separator: "/").first(where: { $0.utf8.count > maxSegmentBytes }) else { continue }
            log.error(at: source,
                      .outputNameTooLong(name: String(long), length: long.utf8.count, limit: maxSegmentBytes))
        }
    }

    static func relative(_ path: String, root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
