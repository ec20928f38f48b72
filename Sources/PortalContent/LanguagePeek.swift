import Foundation
import PortalCore
import PortalYAML

extension SiteConfig {
    /// `language:` of `Content/site.yml`, read before (or without) a full load, to choose the
    /// language of messages even when the rest of site.yml is wrong. The file is read as YAML
    /// (CRLF, a byte-order mark, quotes and `# comments` as everywhere else); only when it is
    /// not valid YAML are its lines looked at, with the same care for comments and quotes.
    public static func peekLanguage(root: URL) -> String? {
        let url = root.appendingPathComponent("Content/site.yml")
        guard let text = try? SourceText.read(url, path: "Content/site.yml") else { return nil }
        if let node = try? YAMLDocument.parse(text, path: "Content/site.yml") {
            return node["language"]?.scalar?.text
        }
        for line in text.split(separator: "\n") where line.hasPrefix("language:") {
            var value = line.dropFirst("language:".count)
            if let comment = value.range(of: " #") ?? value.range(of: "\t#") { value = value[..<comment.lowerBound] }
            let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return trimmed.isEmpty ? nil : trimmed
        }
        return nil
    }
}
