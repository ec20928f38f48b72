import Foundation
import PortalCore
import PortalMarkdown
import PortalYAML

/// `portal new`'s ground: a new page or news post with its front matter filled in, and the
/// means for a data model's own kinds (`ProgrammeScaffold` in PortalProgramme) to add an entry
/// to a data file. Files are never overwritten; data files get the entry appended as text, so
/// their comments and layout stay as the teacher wrote them.
public enum Scaffold {
    /// The address a title gives (`Итоги первого года` → `itogi-pervogo-goda`), or why it gives none.
    public static func slug(_ title: String) throws(Diagnostic) -> String {
        guard let slug = slugIfAny(title) else {
            throw .error(at: nil, .newTitleNoAddress(title: title))
        }
        return slug
    }

    /// The address `text` gives, as long as a new page's may be; nil when it has no letters or digits.
    public static func slugIfAny(_ text: String) -> String? {
        Slug.make(text).map(PageNames.shortened)
    }

    /// A page in `section` (a folder under Content/), or at the top.
    public static func page(title: String, slug: String, root: URL, section: String?) throws(Diagnostic) -> String {
        let folder = section.map { "Content/\($0)" } ?? "Content"
        return try writeNew("\(folder)/\(slug).md", root: root, text: """
        ---
        title: \(quoted(title))
        description: ""
        ---

        Текст страницы.

        """)
    }

    /// A dated post, a draft, in the section site.yml's `news:` names (`Content/news/` by default,
    /// and when site.yml cannot be read).
    public static func post(title: String, slug: String, root: URL, today: SimpleDate) throws(Diagnostic) -> String {
        let section = (try? SiteConfig.load(root: root))?.news.section ?? SiteConfig.News.standard.section
        return try writeNew("Content\(section)\(slug).md", root: root, text: """
        ---
        title: \(quoted(title))
        date: \(today.iso)
        description: ""
        tags: []
        draft: true   # уберите эту строку, когда новость готова к публикации
        ---

        Текст новости.

        """)
    }

    public static func writeNew(_ relative: String, root: URL, text: String) throws(Diagnostic) -> String {
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            throw .error(at: SourceLocation(path: relative), .newFileExists)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .error(at: SourceLocation(path: relative), .newCannotWrite(reason: error.localizedDescription))
        }
        return relative
    }

    public static func append(to relative: String, id: String, root: URL, entry: String) throws(Diagnostic) -> String {
        let url = root.appendingPathComponent(relative)
        // A base kept as a spreadsheet gets its new row there: a YAML file beside it would be a
        // second source for the same collection.
        for ext in Spreadsheet.extensions.sorted() {
            let sheet = (relative as NSString).deletingPathExtension + "." + ext
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(sheet).path) {
                throw .error(at: SourceLocation(path: sheet), .newCollectionInSpreadsheet(sheet: sheet))
            }
        }
        var existing = ""
        if FileManager.default.fileExists(atPath: url.path) {
            existing = try SourceText.read(url, path: relative)
            if let node = try YAMLDocument.parse(existing, path: relative), case .sequence(let items) = node.kind,
               let taken = items.first(where: { $0["id"]?.scalar?.text == id }) {
                throw .error(at: taken.location(in: relative), .newIDTaken(id: id))
            }
        }
        let separator = existing.isEmpty || existing.hasSuffix("\n\n") ? "" : (existing.hasSuffix("\n") ? "\n" : "\n\n")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((existing + separator + entry).utf8).write(to: url, options: .atomic)
        } catch {
            throw .error(at: SourceLocation(path: relative), .newCannotWrite(reason: error.localizedDescription))
        }
        return relative
    }

    /// The id of the first entry of a data file, nil when it has none or cannot be read.
    public static func firstID(in url: URL) -> String? {
        guard let items = entries(in: url) else { return nil }
        return items.first?["id"]?.scalar?.text
    }

    /// The text each entry of a data file gives `key`, in order (entries without it skipped);
    /// empty when the file cannot be read.
    public static func values(of key: String, in url: URL) -> [String] {
        (entries(in: url) ?? []).compactMap { $0[key]?.scalar?.text }
    }

    private static func entries(in url: URL) -> [YAMLNode]? {
        guard let text = try? SourceText.read(url, path: url.lastPathComponent),
              let node = try? YAMLDocument.parse(text, path: url.lastPathComponent),
              case .sequence(let items) = node.kind else { return nil }
        return items
    }

    /// A YAML double-quoted string.
    public static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
