// The site's search index: built once at build time, written to Public/search-index.json and
// queried in the browser by Themes/default/assets/js/search.js (no server, no external service).
//
// Format (one line of UTF-8 JSON, non-ASCII written as is, keys sorted, no timestamps, so two
// builds of the same site give the same bytes):
//
//     {"docs":[{"n":112,"s":"Банк наставников","t":"Иванова Анна Сергеевна",
//               "u":"/mentors/ivanova-anna/","x":"Учитель высшей квалификационной категории …"}, …],
//      "stop":["без","более", …],
//      "terms":{"наставник":[3,15,7,2, …], …},
//      "v":1}
//
// - `docs`: one record per page, in the order given: `t` title, `u` URL (site-relative),
//   `s` title of the page's section ("" for none), `x` the page's plain text with whitespace
//   collapsed, cut at a word boundary after `textLimit` characters (an ellipsis marks the cut),
//   from which the browser takes the snippet; `n` the number of indexed words in the whole
//   text (the browser ranks the shorter, more specific page first among equals).
// - `terms`: the inverted index. Each key is a Snowball stem (`RussianStemmer`), each value a flat
//   list of pairs `docIndex, weight` with doc indexes rising. Keys are sorted by code point.
//   weight = 10 if the stem is in the title + 4 if it is in a heading
//            + the number of times it occurs in the text, at most 5 (so 1…19).
// - `stop`: the stop words left out of `terms`; the browser drops them from queries too, so
//   «банк и наставники» still finds pages that have both «банк» and «наставники».
// - `v`: format version.
//
// Words (the same rules in search.js's `tokenise`): maximal runs of letters and digits (Unicode
// L* and N*) in NFC; combining accents (U+0300–U+036F, e.g. a stress mark) and soft hyphens are
// ignored inside a word; lowercased; «ё» folded to «е». A word is indexed when it has at least
// 2 characters (any number, even one digit, is kept), at most 32, and is not a stop word; then
// it is stemmed. Everything is one pass over the text, with stems memoised across pages: O(total
// words), plus sorting the vocabulary once.
//
// For a rendered page, `SearchIndex.document(title:url:section:html:)` takes the headings and the
// text from the page's <main> (navigation, scripts, icons and elements marked `data-search-skip`
// or `aria-hidden="true"` left out), so only what the page shows to everyone is indexed.

import Foundation
import PortalCore

/// What the search index knows of one page.
public struct SearchDocument: Sendable, Hashable {
    public var title: String
    /// Site-relative URL (`/mentors/`).
    public var url: String
    /// Title of the page's section (`Новости`), empty for pages outside any section.
    public var section: String
    /// Headings of the page (their words weigh more than the text's).
    public var headings: [String]
    /// Plain text of the page (no HTML).
    public var text: String

    public init(title: String, url: String, section: String = "", headings: [String] = [], text: String) {
        self.title = title
        self.url = url
        self.section = section
        self.headings = headings
        self.text = text
    }
}

/// Builds the JSON search index of a site; see the format at the top of this file.
public enum SearchIndex {
    public static let formatVersion = 1
    /// Characters of a page's text kept for snippets.
    public static let defaultTextLimit = 1000
    static let titleWeight = 10
    static let headingWeight = 4
    static let maxTextWeight = 5
    static let minWordLength = 2
    static let maxWordLength = 32

    /// Common Russian function words (already lowercase, ё as е), left out of the index.
    public static let stopWords: [String] = [
        "без", "более", "бы", "был", "была", "были", "было", "быть", "вам", "вас", "весь", "во",
        "вот", "все", "всего", "всех", "вы", "где", "да", "даже", "для", "до", "его", "ее", "ей",
        "ему", "если", "есть", "еще", "же", "за", "здесь", "из", "или", "им", "их", "как", "ко",
        "когда", "кто", "ли", "либо", "между", "мне", "мы", "на", "над", "не", "него", "нее",
        "нет", "ни", "них", "но", "ну", "об", "однако", "он", "она", "они", "оно", "от", "очень",
        "перед", "по", "под", "после", "при", "про", "со", "так", "также", "там", "те", "тем",
        "то", "того", "тоже", "той", "только", "том", "ты", "уже", "чем", "через", "что", "чтобы",
        "эта", "эти", "это", "этот",
    ]
    static let stopSet = Set(stopWords)
    /// In the index's key order (UTF-8 bytes).
    static let sortedStopWords = stopWords.sorted { String.utf8Order($0, $1) < 0 }

    // MARK: - The index

    /// The JSON index of `documents`, in their order (the doc index is the position in the list),
    /// keeping up to `textLimit` characters of each page's text for snippets.
    public static func json(for documents: [SearchDocument], textLimit: Int = defaultTextLimit) -> String {
        // Stemming is most of the work: documents are indexed in chunks on every core, then the
        // chunks' postings are joined in document order, so the output is the same as serially.
        let chunkSize = max(256, (documents.count + 7) / 8)
        let chunks = stride(from: 0, to: documents.count, by: chunkSize).map { start in
            ChunkRange(start: start, end: min(start + chunkSize, documents.count))
        }
        let indexed = chunks.concurrentMap { range in index(documents, range) }
        var postingsByStem: [String: [Int32]] = [:]
        var wordCounts: [Int] = []
        wordCounts.reserveCapacity(documents.count)
        for chunk in indexed {
            wordCounts += chunk.wordCounts
            for (stem, postings) in zip(chunk.stems, chunk.postings) where !postings.isEmpty {
                postingsByStem[stem, default: []] += postings
            }
        }
        let stems = postingsByStem.keys.sorted { String.utf8Order($0, $1) < 0 }

        var out = JSONWriter()
        out.raw("{\"docs\":[")
        // The documents' JSON (mostly snippet text to escape) is written per chunk on every core.
        let counts = wordCounts
        let parts = chunks.concurrentMap { range -> [UInt8] in
            var part = JSONWriter()
            for i in range.start..<range.end {
                let document = documents[i]
                if i > 0 { part.raw(",") }
                part.raw("{\"n\":"); part.int(counts[i])
                part.raw(",\"s\":"); part.string(document.section)
                part.raw(",\"t\":"); part.string(document.title)
                part.raw(",\"u\":"); part.string(document.url)
                part.raw(",\"x\":"); part.string(snippetText(document.text, limit: textLimit))
                part.raw("}")
            }
            return part.bytes
        }
        for part in parts { out.append(part) }
        out.raw("],\"stop\":[")
        for (i, word) in sortedStopWords.enumerated() {
            if i > 0 { out.raw(",") }
            out.string(word)
        }
        out.raw("],\"terms\":{")
        // Millions of numbers on a large site: written in slices of the sorted stems on every core.
        let sliceSize = max(64, (stems.count + 7) / 8)
        let slices = stride(from: 0, to: stems.count, by: sliceSize).map { ChunkRange(start: $0, end: min($0 + sliceSize, stems.count)) }
        let postings = postingsByStem
        let termParts = slices.concurrentMap { range -> [UInt8] in
            var part = JSONWriter()
            for i in range.start..<range.end {
                if i > 0 { part.raw(",") }
                part.string(stems[i])
                part.raw(":[")
                for (j, n) in postings[stems[i]]!.enumerated() {
                    if j > 0 { part.raw(",") }
                    part.int(Int(n))
                }
                part.raw("]")
            }
            return part.bytes
        }
        for part in termParts { out.append(part) }
        out.raw("},\"v\":")
        out.int(formatVersion)
        out.raw("}")
        return out.result
    }

    struct ChunkRange: Sendable {
        var start: Int
        var end: Int
    }

    struct IndexedChunk: Sendable {
        /// Stems by local id, and each stem's postings: document index, weight, …
        var stems: [String]
        var postings: [[Int32]]
        var wordCounts: [Int]
    }

    /// Stems and weighs the documents of one chunk.
    static func index(_ documents: [SearchDocument], _ range: ChunkRange) -> IndexedChunk {
        var tokenizer = Tokenizer()
        var stemBuffer: [Int32] = []
        // Per page, by stem id: 1 = in the title, 2 = in a heading; occurrences in the text.
        var flags: [UInt8] = []
        var counts: [UInt8] = []
        var touched: [Int32] = []
        var postings: [[Int32]] = []
        var wordCounts: [Int] = []
        wordCounts.reserveCapacity(range.end - range.start)
        for docIndex in range.start..<range.end {
            let document = documents[docIndex]
            for part in 0..<3 {
                stemBuffer.removeAll(keepingCapacity: true)
                switch part {
                case 0: tokenizer.stems(of: document.title, into: &stemBuffer)
                case 1: for heading in document.headings { tokenizer.stems(of: heading, into: &stemBuffer) }
                default:
                    tokenizer.stems(of: document.text, into: &stemBuffer)
                    wordCounts.append(stemBuffer.count)
                }
                if flags.count < tokenizer.stems.count {
                    let grown = max(tokenizer.stems.count, flags.count * 2)
                    flags.append(contentsOf: repeatElement(0, count: grown - flags.count))
                    counts.append(contentsOf: repeatElement(0, count: grown - counts.count))
                }
                for stem in stemBuffer {
                    let s = Int(stem)
                    if flags[s] == 0 && counts[s] == 0 { touched.append(stem) }
                    switch part {
                    case 0: flags[s] |= 1
                    case 1: flags[s] |= 2
                    default: if counts[s] < maxTextWeight { counts[s] += 1 }
                    }
                }
            }
            if postings.count < tokenizer.stems.count {
                postings.append(contentsOf: repeatElement([], count: tokenizer.stems.count - postings.count))
            }
            for stem in touched {
                let s = Int(stem)
                let weight = (flags[s] & 1 != 0 ? titleWeight : 0) + (flags[s] & 2 != 0 ? headingWeight : 0)
                    + Int(counts[s])
                postings[s].append(Int32(docIndex))
                postings[s].append(Int32(weight))
                flags[s] = 0
                counts[s] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return IndexedChunk(stems: tokenizer.stems, postings: postings, wordCounts: wordCounts)
    }

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
    /// `h1` goes to the headings but not to the text (it repeats the title). Block
    /// elements are separated, entities decoded, white space collapsed. One pass, O(length).
    public static func extract(html: String) -> (headings: [String], text: String) {
        var extractor = HTMLText(bytes: Array(html.utf8))
        extractor.run()
        return (extractor.headings, extractor.text.finish())
    }
}

// MARK: - Words

/// Splits text into index words and stems them. Every distinct word is looked up by its bytes
/// in a hash table of its own (no `String` per word: hashing a Swift string checks its
/// normalisation, which costs more than all the rest), and stemmed once.
struct Tokenizer {
    private var scanner = WordScanner()
    private var words = ByteTable()
    /// Word id → stem id, or -1 for a stop word.
    private var stemOfWord: [Int32] = []
    private var stemIDs: [String: Int32] = [:]
    /// Stem id → stem.
    private(set) var stems: [String] = []

    /// Appends the stem id of each indexed word of `text` to `out`.
    mutating func stems(of text: String, into out: inout [Int32]) {
        scanner.scan(text)
        let bytes = scanner.bytes
        let ends = scanner.ends
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in ends {
                let word = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end
                let (id, isNew) = words.insert(word)
                if isNew { stemOfWord.append(stemID(of: String(decoding: word, as: UTF8.self))) }
                let stem = stemOfWord[id]
                if stem >= 0 { out.append(stem) }
            }
        }
    }

    private mutating func stemID(of word: String) -> Int32 {
        if SearchIndex.stopSet.contains(word) { return -1 }
        let stem = RussianStemmer.stem(word)
        if let existing = stemIDs[stem] { return existing }
        let new = Int32(stems.count)
        stems.append(stem)
        stemIDs[stem] = new
        return new
    }
}

/// Finds the words of a text: maximal runs of letters and digits, lowercased, ё→е, combining
/// accents and soft hyphens dropped, 2…32 characters (a number may be shorter). Stop words are
/// not filtered here. The words of the last `scan` are `bytes`, split at `ends`.
struct WordScanner {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private var wordStart = 0
    private var length = 0
    private var digitsOnly = true
    private var sawCombiningMark = false

    var words: [String] {
        var start = 0
        return ends.map { end in
            defer { start = end }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    mutating func scan(_ text: String) {
        scanOnce(text)
        if sawCombiningMark {
            // Decomposed letters (и + U+0306 for й) are composed first, as in the browser.
            scanOnce(text.precomposedStringWithCanonicalMapping)
        }
    }

    private mutating func scanOnce(_ text: String) {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        wordStart = 0
        length = 0
        digitsOnly = true
        sawCombiningMark = false
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { u in
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                // Decode one scalar (the text is valid UTF-8: it is a Swift string).
                var v: UInt32
                if b < 0x80 {
                    i += 1
                    switch b {
                    case 0x30...0x39: append(UInt32(b))
                    case 0x61...0x7A: append(UInt32(b)); digitsOnly = false
                    case 0x41...0x5A: append(UInt32(b) + 0x20); digitsOnly = false
                    default: flush()
                    }
                    continue
                } else if b < 0xE0 {
                    v = (UInt32(b & 0x1F) << 6) | UInt32(u[i + 1] & 0x3F); i += 2
                } else if b < 0xF0 {
                    v = (UInt32(b & 0x0F) << 12) | (UInt32(u[i + 1] & 0x3F) << 6) | UInt32(u[i + 2] & 0x3F); i += 3
                } else {
                    v = (UInt32(b & 0x07) << 18) | (UInt32(u[i + 1] & 0x3F) << 12) | (UInt32(u[i + 2] & 0x3F) << 6)
                        | UInt32(u[i + 3] & 0x3F); i += 4
                }
                switch v {
                case 0x430...0x44F: // а…я
                    append(v); digitsOnly = false
                case 0x410...0x42F: // А…Я
                    append(v + 0x20); digitsOnly = false
                case 0x401, 0x451: // Ё ё
                    append(0x435); digitsOnly = false
                case 0x300...0x36F: // combining accents: part of the word, dropped
                    sawCombiningMark = true
                case 0xAD: // soft hyphen: part of the word, dropped
                    break
                default:
                    guard let scalar = Unicode.Scalar(v) else { flush(); continue }
                    switch scalar.properties.generalCategory {
                    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                            let l = lower.value
                            if (0x300...0x36F).contains(l) { continue }
                            append(l == 0x451 ? 0x435 : l)
                        }
                        digitsOnly = false
                    case .decimalNumber, .letterNumber, .otherNumber:
                        append(v)
                    default:
                        flush()
                    }
                }
            }
            flush()
        }
    }

    private mutating func flush() {
        if length > 0, length <= SearchIndex.maxWordLength, length >= SearchIndex.minWordLength || digitsOnly {
            ends.append(bytes.count)
            wordStart = bytes.count
        } else if bytes.count > wordStart {
            bytes.removeLast(bytes.count - wordStart)
        }
        length = 0
        digitsOnly = true
    }

    @inline(__always)
    private mutating func append(_ v: UInt32) {
        length += 1
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

/// An insert-only hash set of byte strings giving each a dense id (open addressing, FNV-1a).
struct ByteTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    /// The id of `key`, inserting it if new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in key { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if lengths[id] == key.count {
                let start = starts[id]
                var equal = true
                for k in 0..<key.count where arena[start + k] != key[k] { equal = false; break }
                if equal { return (id, false) }
            }
            slot = (slot + 1) & mask
        }
        let id = starts.count
        starts.append(arena.count)
        lengths.append(key.count)
        arena.append(contentsOf: key)
        slots[slot] = Int32(id)
        if starts.count * 2 > slots.count { grow() }
        return (id, true)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<starts.count {
            var hash: UInt64 = 0xcbf29ce484222325
            for k in starts[id]..<(starts[id] + lengths[id]) { hash = (hash ^ UInt64(arena[k])) &* 0x100000001b3 }
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}

// MARK: - JSON

/// A minimal JSON writer: strings with only the escapes JSON needs (non-ASCII as is).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    init() { bytes.reserveCapacity(1 << 16) }

    var result: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func int(_ n: Int) {
        guard n >= 0 else { bytes.append(contentsOf: String(n).utf8); return }
        // Digits straight into the buffer: the index is mostly numbers.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = n
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
                value /= 10
            } while value > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    mutating func string(_ s: String) {
        var s = s
        s.makeContiguousUTF8()
        s.utf8.withContiguousStorageIfAvailable { string($0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func string(_ u: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var run = 0 // start of the bytes not yet copied
        var i = 0
        while i < u.count {
            let b = u[i]
            // Most bytes need no escape: copy them in runs.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            if b == 0xE2 && !(i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
                i += 1
                continue
            }
            if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i])) }
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0xE2:
                // U+2028, U+2029: valid in JSON but not in older JavaScript string literals
                bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, u[i + 2] == 0xA8 ? 0x38 : 0x39])
                i += 2
            default: // other control characters
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30]) // \u00
                bytes.append(JSONWriter.hex[Int(b >> 4)]); bytes.append(JSONWriter.hex[Int(b & 0xF)])
            }
            i += 1
            run = i
        }
        if run < u.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<u.count])) }
        bytes.append(0x22)
    }
}

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
            }
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
