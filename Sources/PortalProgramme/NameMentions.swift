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

        public init(location: SourceLocation, text: String, inData: Bool) {
            self.location = location
            self.text = text
            self.inData = inData
        }
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
        find([fullName], in: texts)[0]
    }

    /// For each of `fullNames`, the places whose text names that person, in the order of `texts`.
    ///
    /// Every form of a name of two words or more has its surname right before or right after a
    /// space (`Иванова Анна…`, `…Сергеевна Иванова`, `Иванова А. С.`, `А. С. Иванова`), so a text
    /// can name someone only if one of its words begins or ends with their surname. The words
    /// are read once for all names; only the texts they point to are searched for the forms.
    /// (Searching every text for every form took minutes on a site of thousands of pages.)
    public static func find(_ fullNames: [String], in texts: [Text]) -> [[Text]] {
        let plain = texts.map { $0.text.contains("\u{00A0}") ? $0.text.replacingOccurrences(of: "\u{00A0}", with: " ") : $0.text }
        let surnames = fullNames.map { name -> String? in
            let parts = name.split(separator: " ")
            return parts.count >= 2 ? String(parts[0]) : nil
        }
        let candidates = textsWithWords(Set(surnames.compactMap { $0 }), in: plain)
        return fullNames.indices.map { index in
            let forms = variants(of: fullNames[index])
            // A one-word name has no space to anchor it: every text is searched.
            let indices = surnames[index].map { candidates[$0] ?? [] } ?? Array(texts.indices)
            return indices.filter { i in forms.contains { plain[i].contains($0) } }.map { texts[$0] }
        }
    }

    /// For each surname, the indices (ascending) of the texts with a word that begins or ends
    /// with it.
    static func textsWithWords(_ surnames: Set<String>, in texts: [String]) -> [String: [Int]] {
        let lengths = Set(surnames.map(\.count)).sorted()
        let firsts = Set(surnames.compactMap(\.first))
        var found: [String: [Int]] = [:]
        for (index, text) in texts.enumerated() {
            var here: Set<String> = []
            for word in text.split(separator: " ") where word.contains(where: firsts.contains) {
                let characters = Array(word)
                for length in lengths where length <= characters.count {
                    if firsts.contains(characters[0]) {
                        let prefix = String(characters[..<length])
                        if surnames.contains(prefix) { here.insert(prefix) }
                    }
                    if firsts.contains(characters[characters.count - length]) {
                        let suffix = String(characters[(characters.count - length)...])
                        if surnames.contains(suffix) { here.insert(suffix) }
                    }
                }
            }
            for surname in here { found[surname, default: []].append(index) }
        }
        return found
    }

    public static func find(_ fullName: String, in site: Site) -> [SourceLocation] {
        find(fullName, in: texts(in: site)).map(\.location)
    }
}
