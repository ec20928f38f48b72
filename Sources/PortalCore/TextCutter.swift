/// The one "cut a text at a word" of portal: white space collapsed, at most `limit` characters
/// (Unicode scalars) kept, a text cut short ended at a word and marked with `ellipsis`. Works on
/// the UTF-8 bytes and stops at the limit, however long the text: every page without a
/// description and every search record comes here.
///
/// Its two users differ in how a cut text ends, and each keeps what it always wrote (outputs are
/// compared byte for byte between versions), so that is what the parameters say:
/// `TextCutter.description` (a page's `description` from its first paragraph) and
/// `TextCutter.snippet(limit:)` (the text of a search record).
public struct TextCutter: Sendable {
    /// Characters kept, at most, before the ellipsis.
    public var limit: Int
    public var ellipsis: String
    /// A cut that falls right at the end of a word keeps that word (else its last word is dropped
    /// as if cut in half).
    public var keepsWordEndingAtLimit: Bool
    /// Back to the last space only when that drops at most this many characters; nil: always.
    public var longestDroppedTail: Int?
    /// What is trimmed off a cut text before the ellipsis.
    public var trim: Trim

    public enum Trim: Sendable {
        /// These characters, at both ends.
        case charactersAtBothEnds(Set<Unicode.Scalar>)
        /// Everything but letters and digits, at the end.
        case allButLettersAndDigitsAtEnd
    }

    public init(limit: Int, ellipsis: String = "…", keepsWordEndingAtLimit: Bool, longestDroppedTail: Int?, trim: Trim) {
        self.limit = limit
        self.ellipsis = ellipsis
        self.keepsWordEndingAtLimit = keepsWordEndingAtLimit
        self.longestDroppedTail = longestDroppedTail
        self.trim = trim
    }

    /// A page's description from its first paragraph: ~160 characters; back to the last space
    /// always; `, ; : — –` trimmed at both ends.
    public static let description = TextCutter(limit: 160, keepsWordEndingAtLimit: false, longestDroppedTail: nil,
                                               trim: .charactersAtBothEnds(Set(",;:—– ".unicodeScalars)))

    /// The text of a search record: a word ending at the limit is kept; back to the last space
    /// only when that drops at most a quarter of the text; no punctuation before the ellipsis.
    public static func snippet(limit: Int) -> TextCutter {
        TextCutter(limit: limit, keepsWordEndingAtLimit: true, longestDroppedTail: limit / 4,
                   trim: .allButLettersAndDigitsAtEnd)
    }

    /// `text` with runs of white space (Unicode's `White_Space`) made one space and removed at
    /// both ends; cut as this cutter says when it has more than `limit` characters.
    public func cut(_ text: String) -> String {
        var text = text
        return text.withUTF8 { u -> String in
            var kept: [UInt8] = []
            kept.reserveCapacity(min(u.count, limit * 2 + 8))
            var count = 0
            var pendingSpace = false
            var lastSpace = -1   // byte offset in `kept` of the last space
            var lastSpaceCount = 0
            var truncated = false
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                if width < 4 && Self.isSpace(Self.scalar(u, i, width)) {
                    pendingSpace = count > 0
                    i += width
                    continue
                }
                if count >= limit { truncated = true; break }
                if pendingSpace {
                    lastSpace = kept.count
                    lastSpaceCount = count
                    kept.append(0x20)
                    count += 1
                    pendingSpace = false
                    if count >= limit { truncated = true; break }
                }
                // The whole word (up to the next space or the limit) at once.
                let wordStart = i
                i += width
                count += 1
                while i < n && count < limit {
                    let c = u[i]
                    if c < 0x80 {
                        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { break }
                        i += 1
                    } else {
                        let w = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                        if w < 4 && Self.isSpace(Self.scalar(u, i, w)) { break }
                        i += w
                    }
                    count += 1
                }
                kept.append(contentsOf: UnsafeBufferPointer(rebasing: u[wordStart..<i]))
            }
            guard truncated else { return String(decoding: kept, as: UTF8.self) }
            // `pendingSpace`: the text goes on with a space, so the cut is at the end of a word.
            let wordEnds = pendingSpace && keepsWordEndingAtLimit
            if !wordEnds, lastSpace >= 0, longestDroppedTail.map({ lastSpaceCount >= limit - $0 }) ?? true {
                kept.removeLast(kept.count - lastSpace)
            }
            var cut = String(decoding: kept, as: UTF8.self).unicodeScalars
            switch trim {
            case .charactersAtBothEnds(let trimmed):
                while let first = cut.first, trimmed.contains(first) { cut.removeFirst() }
                while let last = cut.last, trimmed.contains(last) { cut.removeLast() }
            case .allButLettersAndDigitsAtEnd:
                while let last = cut.last, !(last.properties.isAlphabetic || last.properties.numericType != nil) {
                    cut.removeLast()
                }
            }
            return String(cut) + ellipsis
        }
    }

    /// The scalar of `width` (1–3) bytes at `i`.
    @inline(__always)
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, _ i: Int, _ width: Int) -> UInt32 {
        let b = u[i]
        if width == 1 { return UInt32(b) }
        if width == 2 { return (UInt32(b & 0x1F) << 6) | UInt32(u[i + 1] & 0x3F) }
        return (UInt32(b & 0x0F) << 12) | (UInt32(u[i + 1] & 0x3F) << 6) | UInt32(u[i + 2] & 0x3F)
    }

    /// White space as Unicode defines it (the `White_Space` property), without a table lookup.
    @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
