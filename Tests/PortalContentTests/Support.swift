import Foundation

/// A site root in a temporary folder with `files` under Content/, and a site.yml unless `files`
/// gives one (and a home page when `homePage` is set).
func temporarySite(_ files: [String: String], homePage: Bool = false) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-content-\(UUID().uuidString)")
    var defaults = ["site.yml": "title: Сайт\nbase_url: https://school.example.ru/\n"]
    if homePage { defaults["index.md"] = "---\ntitle: Главная\n---\n" }
    for (path, text) in files.merging(defaults, uniquingKeysWith: { given, _ in given }) {
        let url = root.appendingPathComponent("Content/\(path)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return root
}
