import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pipe tables in the GitHub syntax, on top of cmark (which has no table extension): after
/// cmark has parsed the document, a paragraph whose source lines are a header row, a delimiter
/// row with as many cells, and body rows becomes a table. Each cell's inline Markdown is parsed
/// by cmark itself; the table is written by cmark too, as custom nodes that carry the tags.
///
/// GFM's rules: cells split at `|` unless it is escaped (`\|`, also inside code spans); the
/// leading and trailing pipes are optional; a delimiter cell is `-` with an optional `:` at
/// either end for alignment; body rows with fewer cells are padded, extra cells dropped; the
/// table ends where the paragraph ends (a blank line or another block); a table may follow the
/// lines of a paragraph directly (its header row is then the paragraph's last line).
struct Tables {
    /// The memory of the document (CmarkArena): the table's nodes and the documents its cells
    /// are parsed in come from it, and go with it.
    private let mem: UnsafeMutablePointer<cmark_mem>
    /// Each cell node → line and column of its text in the source (1-based).
    private var cellPositions: [OpaquePointer: (line: Int, column: Int)] = [:]
    /// The document's text when it may define link references (`[id]: url`): a cell is parsed
    /// with it after it, so that `[текст][id]` in a cell finds its definition.
    private var referenceSource: String?

    /// Turns every paragraph of `document` that is a table into one. `source` is the Markdown
    /// `document` was parsed from, `flags` the options it was parsed with.
    static func transform(_ document: OpaquePointer, source: String, flags: Int32, mem: UnsafeMutablePointer<cmark_mem>) -> Tables {
        var tables = Tables(mem: mem)
        // Most pages have no table: no pipe, no work (memchr over the bytes).
        var bytes = source
        guard contains(&bytes, 0x7C, then: nil) else { return tables }
        let lines = sourceLines(source)
        if contains(&bytes, 0x5D, then: 0x3A) { tables.referenceSource = source } // "]:"
        var paragraphs: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                paragraphs.append(node)
            }
            event = cmark_iter_next(iterator)
        }
        cmark_iter_free(iterator)
        for paragraph in paragraphs {
            tables.replace(paragraph, lines: lines, flags: flags)
        }
        return tables
    }

    /// Whether `text` has the byte `first` (followed by `second`, when given): memchr.
    private static func contains(_ text: inout String, _ first: UInt8, then second: UInt8?) -> Bool {
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            var i = 0
            while i < buffer.count, let hit = memchr(base + i, Int32(first), buffer.count - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                guard let second else { return true }
                if i < buffer.count && buffer[i] == second { return true }
            }
            return false
        }
    }

    /// Where the text of the cell holding `node` starts, when `node` is inside a table cell.
    func cellPosition(of node: OpaquePointer) -> (line: Int, column: Int)? {
        guard !cellPositions.isEmpty else { return nil }
        var current: OpaquePointer? = node
        while let n = current {
            if let position = cellPositions[n] { return position }
            current = cmark_node_parent(n)
        }
        return nil
    }

    // MARK: - Rows

    struct Cell {
        var text: String
        /// Byte offset of the text in its line.
        var offset: Int
    }

    enum Alignment {
        case none, left, center, right
    }

    private static func sourceLines(_ source: String) -> [Substring] {
        source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The cells of a row: split at unescaped pipes, the outer pipes dropped, `\|` made `|`.
    static func cells(_ line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start < end && bytes[start] == 0x7C { start += 1 }
        if end > start && bytes[end - 1] == 0x7C && !(end - 2 >= start && bytes[end - 2] == 0x5C) { end -= 1 }
        var cells: [Cell] = []
        var cell: [UInt8] = []
        var cellStart = start
        var i = start
        func finish() {
            // Trim the cell, keeping the offset of its first character.
            var a = 0, b = cell.count
            while a < b && (cell[a] == 0x20 || cell[a] == 0x09) { a += 1 }
            while b > a && (cell[b - 1] == 0x20 || cell[b - 1] == 0x09) { b -= 1 }
            cells.append(Cell(text: String(decoding: cell[a..<b], as: UTF8.self), offset: cellStart + a))
        }
        while i < end {
            let b = bytes[i]
            if b == 0x5C && i + 1 < end && bytes[i + 1] == 0x7C {
                cell.append(0x7C)
                i += 2
                continue
            }
            if b == 0x7C {
                finish()
                cell = []
                i += 1
                cellStart = i
                continue
            }
            cell.append(b)
            i += 1
        }
        finish()
        return cells
    }

    /// The alignments of a delimiter row, or nil when the line is not one.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        guard line.utf8.contains(0x2D) else { return nil }
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        // A delimiter row of one column must show its pipe (`---` alone is a thematic break).
        guard trimmed.utf8.contains(0x7C) else { return nil }
        var alignments: [Alignment] = []
        for cell in cells(line) {
            let text = cell.text.utf8
            guard let first = text.first, let last = text.last else { return nil }
            let left = first == 0x3A, right = last == 0x3A
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right && text.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == 0x2D }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        return alignments
    }

    // MARK: - Building the table

    private mutating func replace(_ paragraph: OpaquePointer, lines: [Substring], flags: Int32) {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        let column = Int(cmark_node_get_start_column(paragraph))
        guard first >= 1, last > first, last <= lines.count else { return }
        // The paragraph's lines without what its containers put before them (`> `, indents).
        var rows: [(text: Substring, line: Int, offset: Int)] = []
        for number in first...last {
            let line = lines[number - 1].utf8
            let prefix = line.prefix(column - 1)
            let inContainer = prefix.count == column - 1 && prefix.allSatisfy({ $0 == 0x20 || $0 == 0x3E || $0 == 0x09 })
            var offset = number == first || inContainer ? prefix.count : 0
            // Continuation lines may be indented; a lazy line of a quote may keep its `>`.
            offset += line.dropFirst(offset).prefix(while: { $0 == 0x20 || $0 == 0x09 || (!inContainer && $0 == 0x3E) }).count
            rows.append((Substring(line.dropFirst(offset)), number, offset))
        }
        // The first line followed by a delimiter row with as many cells is the header.
        var headerIndex: Int?
        var alignments: [Alignment] = []
        for index in 0..<(rows.count - 1) where rows[index].text.utf8.contains(0x7C) || rows[index + 1].text.utf8.contains(0x7C) {
            if let found = Self.delimiterRow(rows[index + 1].text), Self.cells(rows[index].text).count == found.count {
                headerIndex = index
                alignments = found
                break
            }
        }
        guard let headerIndex else { return }

        let table = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, mem)!
        cmark_node_set_on_exit(table, "</table>\n</div>")
        for (index, row) in rows.enumerated() where index == headerIndex || index > headerIndex + 1 {
            let isHeader = index == headerIndex
            let tr = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, mem)!
            let opening = index == headerIndex + 2 ? "<tbody>\n<tr>\n" : "<tr>\n"
            let closing = isHeader ? "</tr>\n</thead>\n" : index == rows.count - 1 ? "</tr>\n</tbody>\n" : "</tr>\n"
            cmark_node_set_on_enter(tr, opening)
            cmark_node_set_on_exit(tr, closing)
            var cells = Self.cells(row.text)
            while cells.count < alignments.count { cells.append(Cell(text: "", offset: row.text.utf8.count)) }
            for (cell, alignment) in zip(cells, alignments) {
                let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, mem)!
                let style: String
                switch alignment {
                case .none: style = ""
                case .left: style = " style=\"text-align: left\""
                case .center: style = " style=\"text-align: center\""
                case .right: style = " style=\"text-align: right\""
                }
                cmark_node_set_on_enter(node, isHeader ? "<th scope=\"col\"\(style)>" : "<td\(style)>")
                cmark_node_set_on_exit(node, isHeader ? "</th>\n" : "</td>\n")
                fill(node, with: cell.text, flags: flags)
                cellPositions[node] = (row.line, row.offset + cell.offset + 1)
                cmark_node_append_child(tr, node)
            }
            cmark_node_append_child(table, tr)
        }
        // The box's name for screen readers: the table's first column heading.
        let firstHeading = cmark_node_first_child(cmark_node_first_child(table)).map { Markdown.plainText(of: $0) } ?? ""
        let label = firstHeading.isEmpty ? "Таблица" : "Таблица: " + firstHeading
        cmark_node_set_on_enter(table, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(Self.attribute(label))\">\n<table>\n<thead>")

        if headerIndex > 0 {
            // The lines before the header stay a paragraph: cut its inlines after the last soft
            // break that precedes the header line.
            var breaks = 0
            var child = cmark_node_first_child(paragraph)
            while let node = child {
                child = cmark_node_next(node)
                if breaks >= headerIndex {
                    cmark_node_free(node)
                } else if cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(node) == CMARK_NODE_LINEBREAK {
                    breaks += 1
                    if breaks == headerIndex { cmark_node_free(node) }
                }
            }
            cmark_node_insert_after(paragraph, table)
        } else {
            cmark_node_replace(paragraph, table)
            cmark_node_free(paragraph)
        }
    }

    /// Parses `text` with cmark and moves the inlines of its paragraph into `cell`. Text that
    /// cmark would read as a block (`# …`, `- …`, `1. …`, `> …`) is read as the inline text it
    /// is in a cell.
    private mutating func fill(_ cell: OpaquePointer, with text: String, flags: Int32) {
        guard !text.isEmpty else { return }
        var attempt = text
        let references = text.contains("[") ? referenceSource.map { "\n\n" + $0 } ?? "" : ""
        for round in 0..<2 {
            // The cell's document stays in the arena until the page's document is done.
            let document = CmarkArena.parse(attempt + references, flags: flags, mem: mem)
            // The cell is the document's first line: a paragraph of that line alone.
            if let paragraph = cmark_node_first_child(document), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
               cmark_node_get_start_line(paragraph) == 1, cmark_node_get_end_line(paragraph) == 1 {
                while let inline = cmark_node_first_child(paragraph) {
                    cmark_node_unlink(inline)
                    cmark_node_append_child(cell, inline)
                }
                return
            }
            if round == 0 { attempt = Self.escapingBlockStart(text) }
        }
        let literal = cmark_node_new_with_mem(CMARK_NODE_TEXT, mem)!
        cmark_node_set_literal(literal, text)
        cmark_node_append_child(cell, literal)
    }

    /// `text` with the character that makes it a block escaped: the first one, or the `.`/`)`
    /// of an ordered list marker.
    static func escapingBlockStart(_ text: String) -> String {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        if let first = text.first, first.isASCII, first.isPunctuation || first.isSymbol {
            return "\\" + text
        }
        return text
    }

    static func attribute(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}
