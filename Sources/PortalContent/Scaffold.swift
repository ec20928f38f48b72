import Foundation
import PortalCore
import PortalMarkdown
import PortalYAML

/// `portal new`: a new page, news post, success case or mentor with its front matter or data
/// entry filled in. Files are never overwritten; data files get the entry appended as text, so
/// their comments and layout stay as the teacher wrote them.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case page, news, `case`, mentor
    }

    /// Creates the item and returns the path written, relative to the root.
    public static func create(_ kind: Kind, title: String, root: URL, section: String? = nil,
                              today: SimpleDate = .today) throws(Diagnostic) -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let slug = Slug.make(title).map(PageNames.shortened) else {
            throw .error(at: nil, .newTitleNoAddress(title: title))
        }
        switch kind {
        case .page:
            let folder = section.map { "Content/\($0)" } ?? "Content"
            return try writeNew("\(folder)/\(slug).md", root: root, text: """
            ---
            title: \(quoted(title))
            description: ""
            ---

            Текст страницы.

            """)
        case .news:
            return try writeNew("Content/news/\(slug).md", root: root, text: """
            ---
            title: \(quoted(title))
            date: \(today.iso)
            description: ""
            tags: []
            draft: true   # уберите эту строку, когда новость готова к публикации
            ---

            Текст новости.

            """)
        case .case:
            let form = firstID(in: root.appendingPathComponent("Content/data/forms.yml")) ?? "teacher-teacher"
            return try append(to: "Content/data/cases.yml", id: slug, root: root, entry: """
            - id: \(slug)
              title: \(quoted(title))
              year: \(today.year)
              form: \(form)
              mentors: []        # id наставников из mentors.yml
              summary: \(quoted("Кратко: что сделала наставническая пара или группа"))
              result: |
                Опишите результат работы пары или группы.
              draft: true        # уберите, когда кейс готов к публикации

            """)
        case .mentor:
            let words = title.split(separator: " ")
            let id = Slug.make(words.prefix(2).joined(separator: " ")).map(PageNames.shortened) ?? slug
            let form = firstID(in: root.appendingPathComponent("Content/data/forms.yml")) ?? "teacher-teacher"
            let category = category(in: root.appendingPathComponent("Content/data/mentors.yml"))
            return try append(to: "Content/data/mentors.yml", id: id, root: root, entry: """
            - id: \(id)
              name: \(quoted(title))
              position: \(quoted("должность"))
              category: \(quoted(category))
              forms: [\(form)]
              subjects: []
              experience_years: 0
              competencies: []
              about: |
                Несколько слов о наставнике.
              consent: false     # true только после письменного согласия на обработку персональных данных
              # consent_date: 2025-09-01                # дата подписанного согласия
              # consent_document: "согласие № 1 от 01.09.2025"  # реквизиты согласия (их покажет portal audit)

            """)
        }
    }

    static func writeNew(_ relative: String, root: URL, text: String) throws(Diagnostic) -> String {
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

    static func append(to relative: String, id: String, root: URL, entry: String) throws(Diagnostic) -> String {
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

    static func firstID(in url: URL) -> String? {
        guard let text = try? SourceText.read(url, path: url.lastPathComponent),
              let node = try? YAMLDocument.parse(text, path: url.lastPathComponent),
              case .sequence(let items) = node.kind else { return nil }
        return items.first?["id"]?.scalar?.text
    }

    /// The category a new mentor gets, spelt as the mentors already there spell it: «Педагог»
    /// beside «Педагог», not a second group «педагог»; a file without teachers gives its first
    /// category's casing to the word.
    static func category(in url: URL) -> String {
        let word = "педагог"
        guard let text = try? SourceText.read(url, path: url.lastPathComponent),
              let node = try? YAMLDocument.parse(text, path: url.lastPathComponent),
              case .sequence(let items) = node.kind else { return word }
        let categories = items.compactMap { $0["category"]?.scalar?.text }
        if let same = categories.first(where: { $0.lowercased() == word }) { return same }
        if let first = categories.first?.first, first.isUppercase { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
