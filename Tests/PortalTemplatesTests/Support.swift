import Foundation
import PortalCore
import PortalTemplates

/// A theme written into a temporary site root, one template file per entry.
func theme(_ templates: [String: String], assets: [String: String] = [:]) throws -> Result<Theme, BuildFailure> {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-theme-\(UUID().uuidString)")
    for (name, text) in templates {
        let url = root.appendingPathComponent("Themes/t/templates/\(name).mustache")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    for (name, text) in assets {
        let url = root.appendingPathComponent("Themes/t/assets/\(name)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return Result { () throws(BuildFailure) in try Theme.load(root: root, name: "t") }
}
