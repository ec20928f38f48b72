import Foundation
import PortalCore
import PortalYAML

/// Front matter `cover: photo.jpg` (beside the page, like a Markdown image) with `cover_alt:`.
enum PageCover {
    /// The cover's path relative to Content/, or nil (none, or an error logged).
    static func resolve(value: DataValue, yaml: YAMLNode, file: String, relative: String, path: String,
                        log: inout DiagnosticLog) -> String? {
        guard let written = value["cover"]?.string else { return nil }
        let at = yaml["cover"]?.location(in: path)
        let folder = relative.split(separator: "/").dropLast().joined(separator: "/")
        var parts: [Substring] = []
        var escapes = written.hasPrefix("/") || written.contains("://")
        for part in ((folder.isEmpty ? "" : folder + "/") + written).split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if parts.isEmpty { escapes = true } else { parts.removeLast() }; continue }
            parts.append(part)
        }
        if escapes {
            log.error(at: at, .pageCoverOutsideContent(cover: written))
            return nil
        }
        let resolved = parts.joined(separator: "/")
        let contentFolder = String(file.dropLast(relative.count))
        if !FileManager.default.fileExists(atPath: contentFolder + resolved) {
            log.error(at: at, .pageCoverMissing(cover: written, resolved: resolved))
            return nil
        }
        if (value["cover_alt"]?.string ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            log.error(at: at, .pageCoverAltMissing)
            return nil
        }
        return resolved
    }
}
