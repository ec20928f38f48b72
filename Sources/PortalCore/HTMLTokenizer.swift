#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The one HTML tokenizer: typography (PortalMarkdown), the search text (PortalSearch) and
// `portal check` (PortalBuild/Check) read HTML through it.
//
// It works on UTF-8 bytes and gives byte ranges, never copies: a page is read once and each
// reader takes what it needs (typography copies the bytes it does not change, search decodes
// the text, `check` asks for attribute values). Entities are left as they are. It follows the
// HTML standard's tokenizer where portal's input (cmark's output, themes, raw HTML in Markdown)
// can meet it, and stays simple where the standard is elaborate:
//
//  * `<` + ASCII letter starts a start tag, `</` + ASCII letter an end tag; the name runs to
//    white space, `/` or `>`. A quote right after `=` (white space allowed between) opens a
//    quoted value, and `>` inside it does not end the tag. A tag without its `>` runs to the end
//    of the input. Attributes are read on demand by the standard's rules, within the tag (in a
//    malformed tag such as `a=b=">"` the two may see a value differently; the tag ends where
//    the tokenizer says).
//  * `<!--` opens a comment that ends after the next `-->` (or at the end); `<![CDATA[` ends
//    after `]]>`; any other `<!` and `<?` run to the next `>` (declarations).
//  * any other `<` (`< `, `<1`, `</>`, `</ x>`, a `<` at the end) is text.
//  * the content of `script`, `style` and `textarea` is raw text: no tags in it until the
//    matching end tag (`</script` followed by white space, `/`, `>` or the end).
//  * a tag is self-closing when `/` comes right before its `>`.

/// A tag as the tokenizer read it: byte ranges into the tokenized buffer.
@frozen
public struct HTMLTag: Equatable, Sendable {
    /// From the `<` to just after the `>` (or to the end of the input when there is none).
    public let range: Range<Int>
    /// The name as written (case kept).
    public let name: Range<Int>
    /// The bytes after the name and before the `>` (or the end): where the attributes are.
    public let attributeBytes: Range<Int>
    /// The first eight bytes of the name, ASCII letters lower-cased, packed little-endian (the
    /// first byte lowest): a tag's name compared in one integer. See `HTMLTag.key(_:)`.
    public let prefixKey: UInt64
    /// `/` right before the `>`.
    public let isSelfClosing: Bool

    @inlinable
    public init(range: Range<Int>, name: Range<Int>, attributeBytes: Range<Int>, prefixKey: UInt64, isSelfClosing: Bool) {
        self.range = range
        self.name = name
        self.attributeBytes = attributeBytes
        self.prefixKey = prefixKey
        self.isSelfClosing = isSelfClosing
    }

    /// The name's `prefixKey` when the name has at most eight bytes, else 0: equal keys mean
    /// equal (case-insensitive) names.
    @inlinable public var key: UInt64 { name.count <= 8 ? prefixKey : 0 }

    /// `prefixKey` of a lower-case ASCII name, for comparing with a tag's `key`.
    @inlinable
    public static func key(_ name: StaticString) -> UInt64 {
        var key: UInt64 = 0
        let count = Swift.min(name.utf8CodeUnitCount, 8)
        for k in 0..<count { key |= UInt64(name.utf8Start[k]) << (8 * UInt64(k)) }
        return key
    }

    /// Whether the element's content is raw text: `script`, `style`, `textarea`.
    @inlinable public var isRawText: Bool {
        let key = self.key
        return key == 0x7470_6972_6373 || key == 0x65_6C79_7473 || key == 0x6165_7261_7478_6574
    }
}

/// One piece of HTML: byte ranges into the tokenized buffer.
@frozen
public enum HTMLToken: Equatable, Sendable {
    /// Text between markup (entities as written; a `<` that starts no markup is text).
    case text(Range<Int>)
    /// The content of a `script`, `style` or `textarea` element.
    case rawText(Range<Int>)
    case startTag(HTMLTag)
    case endTag(HTMLTag)
    /// `<!-- … -->`, whole.
    case comment(Range<Int>)
    /// `<!DOCTYPE …>`, `<![CDATA[ … ]]>`, `<? … >`, whole.
    case declaration(Range<Int>)

    /// The bytes the token covers.
    @inlinable public var range: Range<Int> {
        switch self {
        case .text(let r), .rawText(let r), .comment(let r), .declaration(let r): return r
        case .startTag(let tag), .endTag(let tag): return tag.range
        }
    }
}

/// Reads HTML from UTF-8 bytes as `HTMLToken`s (see the top of this file for what it accepts).
/// As a sequence (`next()`), or one piece of markup at a time (`markup(at:)`, `rawTextEnd(after:)`)
/// for a reader that walks the text itself. The bytes must outlive the tokenizer.
@frozen
public struct HTMLTokenizer {
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Where `next()` continues.
    public var position: Int
    /// A start tag whose raw text comes next.
    @usableFromInline var rawTextOf: HTMLTag?
    /// Markup found while looking for the end of a text run, returned next.
    @usableFromInline var lookahead: HTMLToken?

    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        position = 0
        rawTextOf = nil
        lookahead = nil
    }

    /// Calls `body` with a tokenizer over `html`'s UTF-8 bytes.
    @inlinable
    public static func reading<R>(_ html: String, _ body: (inout HTMLTokenizer) throws -> R) rethrows -> R {
        var html = html
        return try html.withUTF8 { buffer in
            var tokenizer = HTMLTokenizer(buffer)
            return try body(&tokenizer)
        }
    }

    @inlinable var count: Int { bytes.count }

    // MARK: The sequence

    /// The next token, or nil at the end.
    @inlinable
    public mutating func next() -> HTMLToken? {
        if let tag = rawTextOf {
            rawTextOf = nil
            let end = rawTextEnd(after: tag)
            if end > position {
                defer { position = end }
                return .rawText(position..<end)
            }
        }
        if let token = lookahead {
            lookahead = nil
            return took(token)
        }
        let start = position
        guard start < count else { return nil }
        var i = start
        while i < count {
            guard let lt = firstLessThan(from: i) else {
                i = count
                break
            }
            if let token = markup(at: lt) {
                if lt == start { return took(token) }
                lookahead = token
                i = lt
                break
            }
            i = lt + 1
        }
        position = i
        return .text(start..<i)
    }

    @inlinable
    mutating func took(_ token: HTMLToken) -> HTMLToken {
        position = token.range.upperBound
        if case .startTag(let tag) = token, !tag.isSelfClosing, tag.isRawText { rawTextOf = tag }
        return token
    }

    @inlinable
    func firstLessThan(from i: Int) -> Int? { firstByte(0x3C, from: i) }

    // MARK: One piece of markup

    /// The markup that starts with the `<` at `start`, or nil when that `<` is text.
    @inlinable @inline(__always)
    public func markup(at start: Int) -> HTMLToken? {
        let j = start + 1
        guard j < count else { return nil }
        let c = bytes[j]
        if c == 0x21 {   // <!
            if matches(j + 1, "--") {
                return .comment(start..<(find("-->", from: j + 3) ?? count))
            }
            if matches(j + 1, "[CDATA[") {
                return .declaration(start..<(find("]]>", from: j + 8) ?? count))
            }
            return .declaration(start..<(find(">", from: j + 1) ?? count))
        }
        if c == 0x3F {   // <?
            return .declaration(start..<(find(">", from: j + 1) ?? count))
        }
        let closing = c == 0x2F
        var k = closing ? j + 1 : j
        guard k < count, Self.isASCIILetter(bytes[k]) else { return nil }

        let nameStart = k
        var key: UInt64 = 0
        var shift: UInt64 = 0
        while k < count {
            var b = bytes[k]
            if b <= 0x3E && (b == 0x2F || b == 0x3E || Self.isWhitespace(b)) { break }
            if Self.isASCIILetter(b) { b |= 0x20 }
            if shift < 64 {
                key |= UInt64(b) << shift
                shift += 8
            }
            k += 1
        }
        let (gt, selfClosing) = tagEnd(from: k)
        // start < nameStart < k <= gt <= count: no need to check the bounds again.
        let tag = HTMLTag(range: Range(uncheckedBounds: (start, gt < count ? gt + 1 : count)),
                          name: Range(uncheckedBounds: (nameStart, k)),
                          attributeBytes: Range(uncheckedBounds: (k, gt)), prefixKey: key, isSelfClosing: selfClosing)
        return closing ? .endTag(tag) : .startTag(tag)
    }

    /// The `>` that ends a tag whose name ends at `from` (the end of the input when there is
    /// none), and whether the tag is self-closing (`/` right before the `>`). A quote opens a
    /// value only after `=` (white space between allowed), as attribute values are written.
    @inlinable @inline(__always)
    func tagEnd(from start: Int) -> (gt: Int, selfClosing: Bool) {
        var k = start
        var afterEquals = false
        while k < count {
            let b = bytes[k]
            if b == 0x3E {   // >
                return (k, k > start && bytes[k - 1] == 0x2F)
            }
            if afterEquals && (b == 0x22 || b == 0x27) {
                var q = k + 1
                while q < count && bytes[q] != b { q += 1 }
                k = q + 1
                afterEquals = false
                continue
            }
            if b == 0x3D {
                afterEquals = true
            } else if !Self.isWhitespace(b) {
                afterEquals = false
            }
            k += 1
        }
        return (count, false)
    }

    /// Where the raw text after `tag` (a `script`, `style` or `textarea` start tag) ends: the
    /// `<` of its end tag, or the end of the input.
    @inlinable
    public func rawTextEnd(after tag: HTMLTag) -> Int {
        let length = tag.name.count
        var j = tag.range.upperBound
        while let lt = firstLessThan(from: j) {
            if lt + 2 + length <= count, bytes[lt + 1] == 0x2F {
                var same = true
                for k in 0..<length where Self.lower(bytes[lt + 2 + k]) != Self.lower(bytes[tag.name.lowerBound + k]) {
                    same = false
                    break
                }
                if same {
                    let after = lt + 2 + length
                    if after == count || bytes[after] == 0x3E || bytes[after] == 0x2F || Self.isWhitespace(bytes[after]) {
                        return lt
                    }
                }
            }
            j = lt + 1
        }
        return count
    }

    // MARK: Bytes

    @inlinable
    public static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// HTML's white space: space, tab, LF, FF, CR.
    @inlinable
    public static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    @inlinable
    static func lower(_ b: UInt8) -> UInt8 { isASCIILetter(b) ? b | 0x20 : b }

    /// Whether `literal` is at `i`.
    @inlinable
    func matches(_ i: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard i + length <= count else { return false }
        for k in 0..<length where bytes[i + k] != literal.utf8Start[k] { return false }
        return true
    }

    /// Index just past the first `literal` at or after `from`.
    @inlinable
    func find(_ literal: StaticString, from: Int) -> Int? {
        let length = literal.utf8CodeUnitCount
        var j = from
        while j + length <= count, let lt = firstByte(literal.utf8Start[0], from: j) {
            if matches(lt, literal) { return lt + length }
            j = lt + 1
        }
        return nil
    }

    @inlinable
    func firstByte(_ byte: UInt8, from i: Int) -> Int? {
        guard i < count, let base = bytes.baseAddress,
              let hit = memchr(base + i, Int32(byte), count - i) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
}
