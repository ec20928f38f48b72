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
            log.error(at: at, "cover: \"\(written)\" must be a photo under Content/, written relative to this page (cover: photo.jpg)",
                      ru: "cover: «\(written)» должен быть фотографией в папке Content/, путь от этой страницы (cover: photo.jpg)")
            return nil
        }
        let resolved = parts.joined(separator: "/")
        let contentFolder = String(file.dropLast(relative.count))
        if !FileManager.default.fileExists(atPath: contentFolder + resolved) {
            log.error(at: at, "cover: \(written) leads to Content/\(resolved), which does not exist",
                      ru: "cover: \(written) ведёт на Content/\(resolved), а такого файла нет")
            return nil
        }
        if (value["cover_alt"]?.string ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            log.error(at: at, "cover: a photo needs a description for people who cannot see it: add cover_alt",
                      ru: "cover: у фотографии должно быть текстовое описание для незрячих: добавьте cover_alt")
            return nil
        }
        return resolved
    }
}
