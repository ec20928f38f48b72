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
        // Over the UTF-8 bytes: scanning Characters here cost as much as parsing the YAML.
        let utf8 = text.utf8
        var line = 1
        var index = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let yamlStart = index
        while index < utf8.endIndex {
            line += 1
            let lineEnd = utf8[index...].firstIndex(of: 0x0A) ?? utf8.endIndex
            if isClosingLine(utf8[index..<lineEnd]) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return FrontMatterSplit(yaml: String(text[yamlStart..<index]), yamlLineOffset: 1,
                                        body: String(text[bodyStart...]), bodyLine: line + 1)
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        throw .error(
            at: SourceLocation(path: path, line: 1, column: 1),
            .yamlFrontMatterUnclosed)
    }

    /// `---` (spaces or tabs after it allowed) or `...`.
    static func isClosingLine(_ line: Substring.UTF8View) -> Bool {
        if line.elementsEqual("...".utf8) { return true }
        var content = line
        while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
        return content.elementsEqual("---".utf8)
    }
}
