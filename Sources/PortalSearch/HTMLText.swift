import Foundation

// MARK: - HTML to text

/// Collects text with white space collapsed and block boundaries marked.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false

    mutating func space() { if !bytes.isEmpty { pendingSpace = true } }

    /// A block boundary: a space, and " · " after a word that has no closing punctuation.
    mutating func blockBreak() { if !bytes.isEmpty { pendingBreak = true } }

    mutating func append(_ b: UInt8) {
        if pendingBreak {
            let last = bytes.last ?? 0x20
            // after ASCII punctuation or "…»)" nothing is added but a space
            let endsSentence = last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A || last == 0x3B || last == 0x2C
            if endsSentence || endsWithClosingMark() {
                bytes.append(0x20)
            } else {
                bytes.append(contentsOf: [0x20, 0xC2, 0xB7, 0x20]) // " · "
            }
        } else if pendingSpace {
            bytes.append(0x20)
        }
        pendingBreak = false
        pendingSpace = false
        bytes.append(b)
    }

    mutating func append(contentsOf s: some Sequence<UInt8>) { for b in s { append(b) } }

    private func endsWithClosingMark() -> Bool {
        // … (E2 80 A6)
        bytes.count >= 3 && bytes[bytes.count - 3] == 0xE2 && bytes[bytes.count - 2] == 0x80 && bytes[bytes.count - 1] == 0xA6
    }

    func finish() -> String { String(decoding: bytes, as: UTF8.self) }
}

struct HTMLText {
    let bytes: [UInt8]
    var text = TextBuffer()
    var headings: [String] = []
    private var heading: TextBuffer? = nil
    private var headingLevel = 0
    /// The tag name (`key`) of an element marked `data-search-heading` being read as a heading.
    private var markedHeading: UInt64 = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    static let skipped = keys(["head", "title", "nav", "script", "style", "svg", "noscript", "template", "form",
                               "select", "textarea", "button"])
    static let void = keys(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                            "track", "wbr"])
    static let inline = keys(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
                              "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
                              "del", "ins", "label", "img"])
    static let mainKey = key(Array("main".utf8), 0, 4)

    mutating func run() {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x3C { // <
                i = tag(at: i)
            } else if b == 0x26 { // &
                i = entity(at: i)
            } else if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                text.space(); heading?.space()
                i += 1
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { // no-break space
                text.space(); heading?.space()
                i += 2
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xAD { // soft hyphen
                i += 2
            } else {
                emit(b)
                i += 1
            }
        }
    }

    private mutating func emit(_ b: UInt8) {
        if heading != nil {
            heading!.append(b)
            if headingLevel == 1 { return }
        }
        text.append(b)
    }

    private mutating func emit(scalar: Unicode.Scalar) {
        if scalar.properties.isWhitespace {
            text.space(); heading?.space()
            return
        }
        if scalar.value == 0xAD { return }
        for b in String(scalar).utf8 { emit(b) }
    }

    private func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }

    /// Handles the markup starting at `<`; returns the index after it.
    private mutating func tag(at start: Int) -> Int {
        let n = bytes.count
        var i = start + 1
        if i + 2 < n, bytes[i] == 0x21, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D { // <!--
            var j = i + 3
            while j + 2 < n, !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
            return min(j + 3, n)
        }
        var closing = false
        if i < n, bytes[i] == 0x2F { closing = true; i += 1 }
        guard i < n, (bytes[i] >= 0x61 && bytes[i] <= 0x7A) || (bytes[i] >= 0x41 && bytes[i] <= 0x5A) || bytes[i] == 0x21 || bytes[i] == 0x3F else {
            emit(0x3C) // a lone "<" is text
            return start + 1
        }
        let nameStart = i
        while i < n, isNameByte(bytes[i]) { i += 1 }
        let key = HTMLText.key(bytes, nameStart, i)
        let end = tagEnd(from: i)
        let selfClosing = end >= 2 && bytes[end - 2] == 0x2F

        if !closing, !selfClosing, !HTMLText.void.contains(key),
           HTMLText.skipped.contains(key) || hasSkipAttribute(i, end) {
            return skipElement(nameStart, i, from: end)
        }
        if key == HTMLText.mainKey {
            if closing { return bytes.count } // the end of <main>: nothing after it counts
            // Only <main> counts: forget what came before it.
            text = TextBuffer()
            headings = []
            heading = nil
            return end
        }
        if i - nameStart == 2, lower(bytes[nameStart]) == 0x68, bytes[nameStart + 1] >= 0x31, bytes[nameStart + 1] <= 0x36 {
            // h1…h6
            if closing {
                if let h = heading {
                    let s = h.finish()
                    if !s.isEmpty { headings.append(s) }
                    heading = nil
                }
            } else {
                heading = TextBuffer()
                headingLevel = Int(bytes[nameStart + 1] - 0x30)
                markedHeading = 0
            }
        } else if closing, key == markedHeading, let h = heading {
            let s = h.finish()
            if !s.isEmpty { headings.append(s) }
            heading = nil
            markedHeading = 0
        } else if !closing, !selfClosing, heading == nil, key != 0, contains("data-search-heading", i, end) != nil {
            // An element the theme marks as a heading (a stage's «Этап 3 из 6»): its words weigh
            // as a heading's, and stay in the text.
            heading = TextBuffer()
            headingLevel = 2
            markedHeading = key
        }
        if !HTMLText.inline.contains(key) {
            text.blockBreak()
        }
        return end
    }

    /// A tag name (up to 8 ASCII letters or digits) packed lowercase into an integer; 0 for longer names.
    static func key(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt64 {
        guard end - start <= 8 else { return 0 }
        var key: UInt64 = 0
        for k in start..<end {
            let b = bytes[k]
            key = key << 8 | UInt64(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        return key
    }

    static func keys(_ names: [String]) -> Set<UInt64> {
        Set(names.map { name in key(Array(name.utf8), 0, name.utf8.count) })
    }

    /// Whether the attributes in `bytes[start..<end]` hide the element from search:
    /// `aria-hidden="true"` or `data-search-skip`.
    private func hasSkipAttribute(_ start: Int, _ end: Int) -> Bool {
        guard end - start > 12 else { return false }
        if contains("data-search-skip", start, end) != nil { return true }
        var from = start
        while let at = contains("aria-hidden", from, end) {
            var i = at
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x3D || bytes[i] == 0x22 || bytes[i] == 0x27 { i += 1 }
            if i + 4 <= end, lower(bytes[i]) == 0x74, lower(bytes[i + 1]) == 0x72, lower(bytes[i + 2]) == 0x75,
               lower(bytes[i + 3]) == 0x65 { return true } // "true"
            from = at
        }
        return false
    }

    /// The index after the first case-insensitive occurrence of `needle` (lowercase ASCII) in
    /// `bytes[start..<end]`, or nil.
    private func contains(_ needle: StaticString, _ start: Int, _ end: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        var i = start
        while i + count <= end {
            var k = 0
            while k < count, lower(bytes[i + k]) == p[k] { k += 1 }
            if k == count { return i + count }
            i += 1
        }
        return nil
    }

    /// Index after the `>` that ends the tag whose attributes start at `i` (quotes respected).
    private func tagEnd(from start: Int) -> Int {
        var i = start
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    /// Skips to after the end tag of the element named by `bytes[nameStart..<nameEnd]` (nested
    /// elements of the same name counted).
    private func skipElement(_ nameStart: Int, _ nameEnd: Int, from start: Int) -> Int {
        let length = nameEnd - nameStart
        var depth = 1
        var i = start
        let n = bytes.count
        while i < n {
            if bytes[i] == 0x3C {
                var j = i + 1
                var closing = false
                if j < n, bytes[j] == 0x2F { closing = true; j += 1 }
                var k = 0
                while k < length, j + k < n, lower(bytes[j + k]) == lower(bytes[nameStart + k]) { k += 1 }
                if k == length, j + k < n, !isNameByte(bytes[j + k]) {
                    let end = tagEnd(from: j + k)
                    if closing {
                        depth -= 1
                        if depth == 0 { return end }
                    } else if !(end >= 2 && bytes[end - 2] == 0x2F) {
                        depth += 1
                    }
                    i = end
                    continue
                }
            }
            i += 1
        }
        return n
    }

    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "shy": "\u{00AD}",
        "laquo": "«", "raquo": "»", "mdash": "—", "ndash": "–", "hellip": "…", "bdquo": "„", "ldquo": "“",
        "rdquo": "”", "lsquo": "‘", "rsquo": "’", "copy": "©", "numero": "№", "middot": "·", "thinsp": "\u{2009}",
    ]

    /// Decodes the entity at `&`; returns the index after it.
    private mutating func entity(at start: Int) -> Int {
        let n = bytes.count
        var i = start + 1
        var name: [UInt8] = []
        while i < n, i - start <= 10, bytes[i] != 0x3B, isNameByte(bytes[i]) || bytes[i] == 0x23 { name.append(bytes[i]); i += 1 }
        guard i < n, bytes[i] == 0x3B, !name.isEmpty else {
            emit(0x26)
            return start + 1
        }
        var scalar: Unicode.Scalar? = nil
        if name[0] == 0x23 { // &#…;
            let digits = String(decoding: name.dropFirst(), as: UTF8.self)
            let value: UInt32? = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            scalar = value.flatMap(Unicode.Scalar.init)
        } else {
            scalar = HTMLText.namedEntities[String(decoding: name, as: UTF8.self)]
        }
        guard let scalar else {
            emit(0x26)
            return start + 1
        }
        emit(scalar: scalar)
        return i + 1
    }
}
