import Foundation
import PortalCore

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

/// The text and headings of rendered HTML (see `SearchIndex.extract(html:)`), read through
/// PortalCore's `HTMLTokenizer`.
struct HTMLText {
    var text = TextBuffer()
    var headings: [String] = []
    private var heading: TextBuffer? = nil
    private var headingLevel = 0
    /// The tag name (`key`) of an element marked `data-search-heading` being read as a heading.
    private var markedHeading: UInt64 = 0

    static let skipped = keys(["head", "title", "nav", "script", "style", "svg", "noscript", "template", "form",
                               "select", "textarea", "button"])
    static let void = keys(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                            "track", "wbr"])
    static let inline = keys(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
                              "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
                              "del", "ins", "label", "img"])
    static let mainKey = HTMLTag.key("main")

    /// `HTMLTag.key` of each name.
    static func keys(_ names: [String]) -> Set<UInt64> {
        Set(names.map { name in
            name.utf8.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        })
    }

    mutating func read(_ tokens: inout HTMLTokenizer) {
        while let token = tokens.next() {
            switch token {
            case .text(let range):
                readText(tokens.bytes, range)
            case .startTag(let tag):
                startTag(tag, &tokens)
            case .endTag(let tag):
                if tag.key == HTMLText.mainKey { return } // the end of <main>: nothing after it counts
                endTag(tag, bytes: tokens.bytes)
            case .declaration:
                text.blockBreak()
            case .comment, .rawText:
                break
            }
        }
    }

    private mutating func readText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            let b = bytes[i]
            if b == 0x26 { // &
                i = entity(bytes, at: i, end: n)
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

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }

    private mutating func startTag(_ tag: HTMLTag, _ tokens: inout HTMLTokenizer) {
        let key = tag.key
        if !tag.isSelfClosing, !HTMLText.void.contains(key),
           HTMLText.skipped.contains(key) || Self.hidesFromSearch(tag, tokens) {
            skip(tag, &tokens)
            return
        }
        if key == HTMLText.mainKey {
            // Only <main> counts: forget what came before it.
            text = TextBuffer()
            headings = []
            heading = nil
            return
        }
        if let level = Self.headingLevel(tag, tokens.bytes) {
            heading = TextBuffer()
            headingLevel = level
            markedHeading = 0
        } else if !tag.isSelfClosing, heading == nil, key != 0, tokens.attribute("data-search-heading", of: tag) != nil {
            // An element the theme marks as a heading (a stage's «Этап 3 из 6»): its words weigh
            // as a heading's, and stay in the text.
            heading = TextBuffer()
            headingLevel = 2
            markedHeading = key
        }
        if !HTMLText.inline.contains(key) {
            text.blockBreak()
        }
    }

    private mutating func endTag(_ tag: HTMLTag, bytes: UnsafeBufferPointer<UInt8>) {
        let key = tag.key
        if Self.headingLevel(tag, bytes) != nil {
            finishHeading()
        } else if key == markedHeading, heading != nil {
            finishHeading()
            markedHeading = 0
        }
        if !HTMLText.inline.contains(key) {
            text.blockBreak()
        }
    }

    private mutating func finishHeading() {
        if let h = heading {
            let s = h.finish()
            if !s.isEmpty { headings.append(s) }
            heading = nil
        }
    }

    /// 1…6 for h1…h6.
    private static func headingLevel(_ tag: HTMLTag, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard tag.name.count == 2, lower(bytes[tag.name.lowerBound]) == 0x68 else { return nil }
        let digit = bytes[tag.name.lowerBound + 1]
        return digit >= 0x31 && digit <= 0x36 ? Int(digit - 0x30) : nil
    }

    /// Whether the element hides from search: `aria-hidden="true"` or `data-search-skip`.
    private static func hidesFromSearch(_ tag: HTMLTag, _ tokens: HTMLTokenizer) -> Bool {
        guard !tag.attributeBytes.isEmpty else { return false }
        for attribute in tokens.attributes(of: tag) {
            if tokens.equalsIgnoringCase(attribute.name, "data-search-skip") { return true }
            if tokens.equalsIgnoringCase(attribute.name, "aria-hidden"), let value = attribute.value,
               tokens.equalsIgnoringCase(value, "true") { return true }
        }
        return false
    }

    /// Skips the element `tag` starts, up to its end tag (nested elements of the same name counted).
    private func skip(_ tag: HTMLTag, _ tokens: inout HTMLTokenizer) {
        var depth = 1
        while let token = tokens.next() {
            switch token {
            case .startTag(let inner) where !inner.isSelfClosing && tokens.sameName(inner, tag):
                depth += 1
            case .endTag(let inner) where tokens.sameName(inner, tag):
                depth -= 1
                if depth == 0 { return }
            default:
                break
            }
        }
    }

    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "shy": "\u{00AD}",
        "laquo": "«", "raquo": "»", "mdash": "—", "ndash": "–", "hellip": "…", "bdquo": "„", "ldquo": "“",
        "rdquo": "”", "lsquo": "‘", "rsquo": "’", "copy": "©", "numero": "№", "middot": "·", "thinsp": "\u{2009}",
    ]

    /// Decodes the entity at `&`; returns the index after it.
    private mutating func entity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end n: Int) -> Int {
        var i = start + 1
        var name: [UInt8] = []
        while i < n, i - start <= 10, bytes[i] != 0x3B, Self.isNameByte(bytes[i]) || bytes[i] == 0x23 { name.append(bytes[i]); i += 1 }
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
