/// cmark counts columns in bytes; portal reports them in Unicode scalars, as editors and the
/// YAML parser do (`Content/about.md:6:20`). Converts for the lines links are on.
struct ScalarColumns {
    let text: String
    private var lineStarts: [String.UTF8View.Index]?

    init(_ text: String) {
        self.text = text
    }

    /// The scalar column of 1-based byte column `column` on 1-based `line`.
    mutating func column(line: Int, byteColumn column: Int) -> Int {
        if lineStarts == nil {
            var starts = [text.utf8.startIndex]
            var index = text.utf8.startIndex
            while let newline = text.utf8[index...].firstIndex(of: 0x0A) {
                index = text.utf8.index(after: newline)
                starts.append(index)
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count, column > 1 else { return column }
        let start = starts[line - 1]
        let end = text.utf8.index(start, offsetBy: column - 1, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
        // Count scalars: every byte that does not continue a UTF-8 sequence starts one.
        return text.utf8[start..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
