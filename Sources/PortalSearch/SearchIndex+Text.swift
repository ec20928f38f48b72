import Foundation
import PortalCore

// Words, stems and snippet text of one page, and its search document from rendered HTML.

extension SearchIndex {
    /// The normalised words of `text` that go into the index (before stemming), in order.
    public static func words(_ text: String) -> [String] {
        var scanner = WordScanner()
        scanner.scan(text)
        return scanner.words.filter { !stopSet.contains($0) }
    }

    /// The stems `text` contributes to the index, in order (repeats included).
    public static func stems(_ text: String) -> [String] {
        var tokenizer = Tokenizer()
        var ids: [Int32] = []
        tokenizer.stems(of: text, into: &ids)
        return ids.map { tokenizer.stems[Int($0)] }
    }

    /// `text` with runs of white space collapsed, cut at a word boundary after `limit` characters
    /// (Unicode scalars); a cut is marked with "…". Works on the UTF-8 bytes.
    static func snippetText(_ text: String, limit: Int) -> String {
        var text = text
        text.makeContiguousUTF8()
        let bytes: [UInt8]? = text.utf8.withContiguousStorageIfAvailable { u in
            var kept: [UInt8] = []
            kept.reserveCapacity(min(u.count, limit * 2 + 8))
            var count = 0
            var pendingSpace = false
            var lastSpace = -1 // byte offset in `kept` of the last space
            var lastSpaceCount = 0
            var truncated = false
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                var v = UInt32(b)
                if width == 2 { v = (UInt32(b & 0x1F) << 6) | UInt32(u[i + 1] & 0x3F) }
                else if width == 3 { v = (UInt32(b & 0x0F) << 12) | (UInt32(u[i + 1] & 0x3F) << 6) | UInt32(u[i + 2] & 0x3F) }
                if width < 4 && isSpace(v) {
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
                // Copy the whole word (up to the next space or the limit) at once.
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
                        var v: UInt32 = 0
                        if w == 2 { v = (UInt32(c & 0x1F) << 6) | UInt32(u[i + 1] & 0x3F) }
                        else if w == 3 { v = (UInt32(c & 0x0F) << 12) | (UInt32(u[i + 1] & 0x3F) << 6) | UInt32(u[i + 2] & 0x3F) }
                        if w < 4 && isSpace(v) { break }
                        i += w
                    }
                    count += 1
                }
                kept.append(contentsOf: UnsafeBufferPointer(rebasing: u[wordStart..<i]))
            }
            guard truncated else { return kept }
            // Back off to the last word boundary unless that drops more than a quarter of the text.
            if !pendingSpace, lastSpace >= 0, lastSpaceCount >= limit - limit / 4 {
                kept.removeLast(kept.count - lastSpace)
            }
            // No dangling punctuation or space before the ellipsis.
            var cut = String(decoding: kept, as: UTF8.self).unicodeScalars
            while let last = cut.last, !(last.properties.isAlphabetic || last.properties.numericType != nil) {
                cut.removeLast()
            }
            return Array(String(cut).utf8) + Array("…".utf8)
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// White space as Unicode defines it (the `White_Space` property), without a table lookup.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    // MARK: - From rendered HTML

    /// A search document for a rendered page: headings and text are taken from the page's
    /// `<main>` element (the whole document if it has none), as `extract(html:)` does.
    public static func document(title: String, url: String, section: String, html: String) -> SearchDocument {
        let (headings, text) = extract(html: html)
        return SearchDocument(title: title, url: url, section: section, headings: headings, text: text)
    }

    /// The headings (h1–h6) and the plain text of rendered HTML. Only the `<main>` element is read
    /// when there is one; `head`, `title`, `nav`, `script`, `style`, `svg`, `noscript`, `template`, `form`,
    /// `select`, `textarea` and `button` elements are skipped (breadcrumbs, tables of contents,
    /// icons), and so is any element with `aria-hidden="true"` or a `data-search-skip` attribute;
    /// `h1` goes to the headings but not to the text (it repeats the title); an element with a
    /// `data-search-heading` attribute (not nested in one of its own name) is a heading too. Block
    /// elements are separated, entities decoded, white space collapsed. One pass, O(length).
    public static func extract(html: String) -> (headings: [String], text: String) {
        var extractor = HTMLText()
        HTMLTokenizer.reading(html) { extractor.read(&$0) }
        return (extractor.headings, extractor.text.finish())
    }
}
