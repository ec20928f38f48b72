import Foundation
import PortalCore

/// `portal init`: a new school's site from the starter in portal's share folder (`Starter/`, the
/// theme `Themes/default/`, the CI templates `docs/ci/`): site.yml filled in, the programme's pages
/// and six stages naming the school, empty data files with commented examples, the theme, CI
/// files and a .gitignore. No person's data. Writes only into an empty folder.
public enum Starter {
    public struct Values: Sendable {
        /// «МБОУ СОШ № 1 г. Михайловска»: put where the programme names the school.
        public var school: String
        public var short: String?
        public var city: String?
        public var baseURL: String?
        /// Where CI gets portal's sources (the site has none of its own).
        public var portalGit: String?

        public init(school: String, short: String? = nil, city: String? = nil, baseURL: String? = nil, portalGit: String? = nil) {
            self.school = school
            self.short = short
            self.city = city
            self.baseURL = baseURL
            self.portalGit = portalGit
        }

        var substitutions: [String: String] {
            let city = (city ?? "").trimmingCharacters(in: .whitespaces)
            return [
                "school": school,
                "short": (short?.isEmpty ?? true) ? school : short!,
                // As typed: «г. Михайловск», «с. Надежда» — portal cannot tell a town from a village.
                "address": city,
                "base_url": baseURL ?? "https://school.example.ru/",
            ]
        }
    }

    /// Whether `folder` holds what `create` copies.
    public static func isShare(_ folder: URL) -> Bool {
        let manager = FileManager.default
        return ["Starter/Content/site.yml", "Themes/default/templates", "docs/ci/github-pages.yml"].allSatisfy {
            manager.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

    /// The problem with a value typed by a person, or nil.
    public static func problem(with value: String, name: String) -> Message? {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            return .initValueEmpty(name: name)
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .initValueNotOneLine(name: name)
        }
        return nil
    }

    /// Writes the site into `folder` (created if missing; it may hold only `.git`). Returns the
    /// paths written, relative to `folder`.
    @discardableResult
    public static func create(at folder: URL, values: Values, share: URL) throws(Diagnostic) -> [String] {
        let manager = FileManager.default
        let path = folder.path
        if let entries = try? manager.contentsOfDirectory(atPath: path), entries.contains(where: { $0 != ".git" }) {
            throw Diagnostic.error(at: SourceLocation(path: path),
                                   .initFolderNotEmpty)
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Diagnostic.error(at: SourceLocation(path: path), .initFolderIsFile)
        }
        var written: [String] = []
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let starter = share.appendingPathComponent("Starter")
            for entry in FileTree.walk(starter.path) where entry.kind == .file {
                let target = entry.path == "gitignore" ? ".gitignore" : entry.path
                let text = try String(contentsOf: starter.appendingPathComponent(entry.path), encoding: .utf8)
                try write(fill(text, values.substitutions, yaml: target.hasSuffix(".yml")), to: folder, target)
                written.append(target)
            }
            let theme = share.appendingPathComponent("Themes/default")
            for entry in FileTree.walk(theme.path) where entry.kind == .file {
                let target = "Themes/default/" + entry.path
                try manager.createDirectory(at: folder.appendingPathComponent(target).deletingLastPathComponent(),
                                            withIntermediateDirectories: true)
                try manager.copyItem(at: theme.appendingPathComponent(entry.path), to: folder.appendingPathComponent(target))
                written.append(target)
            }
            for (source, target) in [("github-pages.yml", ".github/workflows/pages.yml"), ("gitlab-ci.yml", ".gitlab-ci.yml"),
                                     ("own-hosting.yml", "ci/own-hosting.yml")] {
                var text = try String(contentsOf: share.appendingPathComponent("docs/ci/" + source), encoding: .utf8)
                if let git = values.portalGit { text = replacingPortalGit(in: text, with: git) }
                try write(text, to: folder, target)
                written.append(target)
            }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic.error(at: SourceLocation(path: path), .initCannotWrite(reason: error.localizedDescription))
        }
        return written.sorted()
    }

    /// `{{name}}` replaced by its value. In YAML (a .yml file, or a page's front matter) values
    /// stand inside double quotes and are escaped for them; a YAML line whose value is empty is
    /// left out (no city: no address).
    static func fill(_ text: String, _ values: [String: String], yaml: Bool) -> String {
        var lines = text.components(separatedBy: "\n")
        var frontMatterEnd = -1
        if !yaml, lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") { frontMatterEnd = end }
        for index in lines.indices {
            let line = lines[index]
            let quoted = yaml || index <= frontMatterEnd
            var filled = line
            var empty = false
            for (name, value) in values where filled.contains("{{\(name)}}") {
                if value.isEmpty { empty = true }
                let escaped = quoted ? value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") : value
                filled = filled.replacingOccurrences(of: "{{\(name)}}", with: escaped)
            }
            lines[index] = empty && quoted ? "\u{0}" : filled
        }
        return lines.filter { $0 != "\u{0}" }.joined(separator: "\n")
    }

    static func replacingPortalGit(in text: String, with url: String) -> String {
        text.components(separatedBy: "\n").map { line in
            guard let range = line.range(of: "PORTAL_GIT: ") else { return line }
            return String(line[..<range.upperBound]) + url
        }.joined(separator: "\n")
    }

    private static func write(_ text: String, to folder: URL, _ relative: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    }
}
