import CCmark

#if canImport(Glibc)
import Glibc
#endif

extension Markdown {
    /// The destinations cmark blanks (`href=""`) without `unsafe_html`: they run a script or open
    /// a file on the reader's computer (`data:` images of the common formats are kept).
    public static func isDangerousDestination(_ destination: String) -> Bool {
        let lower = destination.lowercased().drop { $0 == " " || $0 == "\t" }
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return true }
        if lower.hasPrefix("data:") {
            return !["image/png", "image/gif", "image/jpeg", "image/webp"].contains { lower.dropFirst(5).hasPrefix($0) }
        }
        return false
    }

    /// Raw HTML written in Markdown (a block or inline tag), with where it stands.
    public struct RawHTML: Sendable, Hashable {
        /// 1-based, within the Markdown text given to `rawHTML(in:)`.
        public var line: Int
        public var column: Int
        /// The tag as written, for messages (its first line, shortened).
        public var text: String
    }

    /// Every piece of raw HTML in `text`. Without `unsafe_html` cmark leaves raw HTML out of the
    /// page; this finds it so that an editor learns why text vanished.
    /// Whether the text's UTF-8 holds `byte`: memchr over its bytes (iterating `utf8` cost about
    /// 1 % of a build, since every page's body is scanned).
    public static func containsByte(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }

    public static func rawHTML(in text: String) -> [RawHTML] {
        // No "<", no HTML: most pages cost nothing.
        guard containsByte(UInt8(ascii: "<"), in: text) else { return [] }
        return CmarkArena.with { mem in rawHTML(in: text, mem: mem) }
    }

    private static func rawHTML(in text: String, mem: UnsafeMutablePointer<cmark_mem>) -> [RawHTML] {
        let document = CmarkArena.parse(text, flags: CMARK_OPT_DEFAULT, mem: mem)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [RawHTML] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let first = literal.split(separator: "\n").first.map(String.init) ?? literal
                var line = Int(cmark_node_get_start_line(node))
                var column = Int(cmark_node_get_start_column(node))
                if line == 0 || type == CMARK_NODE_HTML_INLINE {
                    // Inline nodes carry no position in cmark: the paragraph's lines are searched.
                    var parent: OpaquePointer? = node
                    while let p = parent, cmark_node_get_start_line(p) == 0 { parent = cmark_node_parent(p) }
                    let start = parent.map { Int(cmark_node_get_start_line($0)) } ?? 1
                    let end = parent.map { Int(cmark_node_get_end_line($0)) } ?? lines.count
                    line = start
                    column = 1
                    let already = found.filter { $0.text == String(first.prefix(60)) }.map { ($0.line, $0.column) }
                    let needle = Array(first.unicodeScalars)
                    search: for number in max(start, 1)...max(end, start, 1) where number <= lines.count && !needle.isEmpty {
                        let scalars = Array(lines[number - 1].unicodeScalars)
                        var i = 0
                        while i + needle.count <= scalars.count {
                            if scalars[i..<(i + needle.count)].elementsEqual(needle), !already.contains(where: { $0 == (number, i + 1) }) {
                                line = number
                                column = i + 1
                                break search
                            }
                            i += 1
                        }
                    }
                }
                if line > 0 { found.append(RawHTML(line: line, column: max(column, 1), text: String(first.prefix(60)))) }
            }
            event = cmark_iter_next(iterator)
        }
        return found
    }
}
