import Foundation
import PortalContent
import PortalCore

/// Where the site's own words name a person: the full name as the data writes it («Иванова Анна
/// Сергеевна»), given name first («Анна Сергеевна Иванова») or with initials («Иванова А. С.»,
/// «А. С. Иванова»). Declined forms («Анне Сергеевне Ивановой») are not recognised.
///
/// The words looked at are everything a name could be published from: each line of a page's
/// Markdown, its front matter (title and description go to lists, the feed, the search index
/// and Open Graph), and every text value of a published data entry (a case's summary, a
/// document's title, another mentor's «about»).
public enum NameMentions {
    public static func variants(of fullName: String) -> [String] {
        let parts = fullName.split(separator: " ").map(String.init)
        guard parts.count >= 2 else { return parts }
        let surname = parts[0], given = parts.dropFirst()
        let initials = given.compactMap(\.first).map { "\($0)." }.joined(separator: " ")
        return [fullName, (given + [surname]).joined(separator: " "), "\(surname) \(initials)", "\(initials) \(surname)"]
    }

    /// One piece of text that could name a person, where it is written.
    public struct Text: Sendable {
        public var location: SourceLocation
        public var text: String
        /// In a data entry, not in a page's Markdown file.
        public var inData: Bool
    }

    /// The site's texts, gathered once for any number of names.
    public static func texts(in site: Site) -> [Text] {
        var texts: [Text] = []
        var seen: Set<String> = []
        for page in site.pages where Page.isSource(page.source) && seen.insert(page.source).inserted {
            // The front matter (lines before the body) is read from the file: its values keep no lines.
            if page.bodyLine > 1,
               let source = try? String(contentsOf: site.root.appendingPathComponent(page.source), encoding: .utf8) {
                for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false).prefix(page.bodyLine - 1).enumerated() {
                    texts.append(Text(location: SourceLocation(path: page.source, line: offset + 1), text: String(line), inData: false))
                }
            }
            for (offset, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                texts.append(Text(location: SourceLocation(path: page.source, line: page.bodyLine + offset), text: String(line), inData: false))
            }
        }
        for file in site.data.values.sorted(by: { $0.name < $1.name }) {
            for entry in file.entries {
                func walk(_ value: DataValue, _ keyPath: String) {
                    switch value {
                    case .string(let text):
                        texts.append(Text(location: entry.keyLocations[keyPath] ?? entry.location, text: text, inData: true))
                    case .list(let items):
                        for (index, item) in items.enumerated() { walk(item, "\(keyPath)[\(index)]") }
                    case .map(let fields):
                        for (key, item) in fields.sorted(by: { $0.key < $1.key }) { walk(item, "\(keyPath).\(key)") }
                    default:
                        break
                    }
                }
                // A mentor's own name is the entry itself, not a mention; `_html` repeats a Markdown field.
                for (key, value) in entry.fields.sorted(by: { $0.key < $1.key })
                where !key.hasSuffix("_html") && !(file.name == "mentors" && key == "name") {
                    walk(value, key)
                }
            }
        }
        return texts
    }

    /// Each place (page line, front matter line or data value) whose text names the person.
    public static func find(_ fullName: String, in texts: [Text]) -> [Text] {
        let names = variants(of: fullName)
        return texts.filter { text in
            let plain = text.text.replacingOccurrences(of: "\u{00A0}", with: " ")
            return names.contains { plain.contains($0) }
        }
    }

    public static func find(_ fullName: String, in site: Site) -> [SourceLocation] {
        find(fullName, in: texts(in: site)).map(\.location)
    }
}
