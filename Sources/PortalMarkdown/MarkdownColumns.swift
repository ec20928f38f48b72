#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark counts columns in bytes; portal reports them in Unicode scalars, as editors and the
/// YAML parser do (`Content/about.md:6:20`). Converts for the lines links are on.
struct ScalarColumns {
    private var text: String
    /// Byte offset of the start of each line, found (with memchr) at the first question.
    private var lineStarts: [Int]?

    init(_ text: String) {
        self.text = text
    }

    /// The scalar column of 1-based byte column `column` on 1-based `line`.
    mutating func column(line: Int, byteColumn column: Int) -> Int {
        if lineStarts == nil { lineStarts = Self.lineStarts(of: &text) }
        guard let starts = lineStarts, line >= 1, line <= starts.count, column > 1 else { return column }
        let start = starts[line - 1]
        return text.withUTF8 { bytes in
            let end = min(start + column - 1, bytes.count)
            // Count scalars: every byte that does not continue a UTF-8 sequence starts one.
            var scalars = 1
            for i in start..<end where bytes[i] & 0xC0 != 0x80 { scalars += 1 }
            return scalars
        }
    }

    private static func lineStarts(of text: inout String) -> [Int] {
        text.withUTF8 { bytes in
            var starts = [0]
            guard let base = bytes.baseAddress else { return starts }
            var i = 0
            while i < bytes.count, let newline = memchr(base + i, 0x0A, bytes.count - i) {
                i = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(i)
            }
            return starts
        }
    }
}
