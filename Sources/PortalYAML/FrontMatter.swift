import PortalCore

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable {
    /// The YAML between the `---` lines, or nil when the file has none.
    public var yaml: String?
    /// Line of the file on which the YAML starts minus one: add it to YAML line numbers.
    public var yamlLineOffset: Int
    public var body: String
    /// Line of the file on which the body starts (1-based).
    public var bodyLine: Int

    /// Splits `text` (already decoded, LF line ends). Front matter must start on the very first
    /// line with `---` and end with a line `---` (or `...`).
    public static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatterSplit {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\r") else {
            return FrontMatterSplit(yaml: nil, yamlLineOffset: 0, body: text, bodyLine: 1)
        }
        var line = 1
        var index = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        let yamlStart = index
        while index < text.endIndex {
            line += 1
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[index..<lineEnd]
            if content == "---" || content == "..." || content.trimmingTrailingSpaces == "---" {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return FrontMatterSplit(yaml: String(text[yamlStart..<index]), yamlLineOffset: 1,
                                        body: String(text[bodyStart...]), bodyLine: line + 1)
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        throw .error(
            at: SourceLocation(path: path, line: 1, column: 1),
            "the front matter opened by --- on line 1 is never closed; add a line --- after it",
            ru: "блок параметров, открытый строкой --- в строке 1, не закрыт; добавьте после него строку ---")
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
