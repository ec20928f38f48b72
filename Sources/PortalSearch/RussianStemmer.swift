// Snowball Russian stemmer — https://snowballstem.org/algorithms/russian/stemmer.html
//
// A direct port of the Snowball `russian.sbl` algorithm. Its twin for the browser is
// Themes/default/assets/js/stemmer-ru.js; both are checked word for word against the Snowball
// reference vocabulary in Tests/Fixtures/snowball-ru.
//
// The word is worked on as UTF-8 bytes: Swift strings are UTF-8 inside, so an already lowercase
// word is stemmed in place with no copy, and the stem is a prefix of those bytes (a UTF-16 round
// trip would cost several times the stemming itself). Every letter the algorithm looks at is a
// two-byte Cyrillic letter, endings are matched as byte strings, and positions (RV, R2, the end
// of the stem) are byte offsets. Endings are only ever removed from the end, so RV and R2,
// computed once from the start of the word, stay valid throughout.

/// Stems Russian words with the Snowball Russian algorithm.
public enum RussianStemmer {
    /// Returns the Snowball stem of `word`.
    ///
    /// The word is lowercased and "ё" is folded to "е" first, so "ёлка" and "елка" stem alike.
    /// A word without a Russian vowel (for example any Latin-script word) has an empty RV region
    /// and comes back unchanged apart from that lowercasing.
    public static func stem(_ word: String) -> String {
        let stemmed = word.utf8.withContiguousStorageIfAvailable { bytes -> Outcome in
            // The common case: an already lowercase word is stemmed in its own storage.
            guard isNormalized(bytes) else { return .needsNormalizing }
            let end = stemEnd(bytes)
            return end == bytes.count ? .unchanged : .stemmed(String(decoding: bytes[..<end], as: UTF8.self))
        }
        switch stemmed {
        case .unchanged?: return word
        case .stemmed(let stem)?: return stem
        case .needsNormalizing?, nil:
            let bytes = normalized(word)
            return bytes.withUnsafeBufferPointer { String(decoding: $0[..<stemEnd($0)], as: UTF8.self) }
        }
    }

    private enum Outcome {
        case unchanged, stemmed(String), needsNormalizing
    }

    /// Runs the algorithm on a lowercased, ё-folded word; the stem is `w[..<end]`. Endings are
    /// only ever taken off the end, so the word itself is never modified.
    private static func stemEnd(_ w: UnsafeBufferPointer<UInt8>) -> Int {
        var stem = Word(bytes: w, end: w.count)
        let (rv, r2) = regions(w)
        if rv < w.count { // otherwise RV is empty and no ending can be removed
            removeEndings(&stem, rv: rv, r2: r2)
        }
        return stem.end
    }

    // MARK: - Letters and regions (UTF-8)

    /// Whether the letter starting at `k` is one of а е и о у ы э ю я.
    private static func isVowel(_ w: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        guard k + 1 < w.count else { return false }
        switch (w[k], w[k + 1]) {
        case (0xD0, 0xB0), (0xD0, 0xB5), (0xD0, 0xB8), (0xD0, 0xBE), // а е и о
             (0xD1, 0x83), (0xD1, 0x8B), (0xD1, 0x8D), (0xD1, 0x8E), (0xD1, 0x8F): // у ы э ю я
            return true
        default:
            return false
        }
    }

    /// Byte length of the UTF-8 sequence whose first byte is `lead`.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0xC0: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }

    /// Whether the word is already as `normalized` would leave it, checked the quick way: only
    /// ASCII without capitals, and the Russian letters а…я (no ё).
    private static func isNormalized(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        let count = w.count
        while k < count {
            let b = w[k]
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { return false }
                k += 1
                continue
            }
            guard k + 1 < count else { return false }
            let c = w[k + 1]
            switch b {
            case 0xD0: guard c >= 0xB0 && c <= 0xBF else { return false } // а–п
            case 0xD1: guard c >= 0x80 && c <= 0x8F else { return false } // р–я
            default: return false
            }
            k += 2
        }
        return true
    }

    /// Lowercases the word and folds ё to е. ASCII and the Russian alphabet are handled byte by
    /// byte; a word with any other non-ASCII letter goes through `String.lowercased()`.
    private static func normalized(_ word: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        var it = word.utf8.makeIterator()
        while let b = it.next() {
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                continue
            }
            guard b == 0xD0 || b == 0xD1, let c = it.next() else { return folded(word) }
            switch (b, c) {
            case (0xD0, 0x90...0x9F): // А–П → а–п
                out.append(0xD0); out.append(c + 0x20)
            case (0xD0, 0xA0...0xAF): // Р–Я → р–я
                out.append(0xD1); out.append(c - 0x20)
            case (0xD0, 0x81), (0xD1, 0x91): // Ё, ё → е
                out.append(0xD0); out.append(0xB5)
            case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): // а–я
                out.append(b); out.append(c)
            default: // other Cyrillic letters (і, ї, ў, …), which may need lowercasing
                return folded(word)
            }
        }
        return out
    }

    /// The general path: `String.lowercased()`, then ё → е.
    private static func folded(_ word: String) -> [UInt8] {
        var bytes = Array(word.lowercased().utf8)
        var k = 0
        while k + 1 < bytes.count {
            if bytes[k] == 0xD1 && bytes[k + 1] == 0x91 { bytes[k] = 0xD0; bytes[k + 1] = 0xB5 }
            k += 1
        }
        return bytes
    }

    /// RV starts after the first vowel; R2 is R1 of R1, where R1 starts after the first
    /// non-vowel that follows a vowel. Either is `w.count` (empty) when it does not exist.
    private static func regions(_ w: UnsafeBufferPointer<UInt8>) -> (rv: Int, r2: Int) {
        let end = w.count
        var k = 0
        func skip(vowels: Bool) { // moves k to the first letter that is not (or is) a vowel
            while k < end && isVowel(w, at: k) == vowels { k += sequenceLength(w[k]) }
        }
        skip(vowels: false)
        guard k < end else { return (end, end) }
        let rv = k + 2 // past the (two-byte) vowel
        k = rv
        skip(vowels: true)
        guard k < end else { return (rv, end) }
        k += sequenceLength(w[k]) // R1 starts here
        skip(vowels: false)
        guard k < end else { return (rv, end) }
        k += 2
        skip(vowels: true)
        guard k < end else { return (rv, end) }
        return (rv, k + sequenceLength(w[k]))
    }

    // MARK: - Steps

    private static func removeEndings(_ w: inout Word, rv: Int, r2: Int) {
        // Step 1: perfective gerund, or else (optional reflexive, then) adjectival, verb or noun.
        if !removeEnding(perfectiveGerund, from: &w, rv: rv) {
            // As in Snowball, a removed reflexive ending stays removed even if nothing follows.
            _ = removeEnding(reflexive, from: &w, rv: rv)
            if removeEnding(adjective, from: &w, rv: rv) {
                _ = removeEnding(participle, from: &w, rv: rv)
            } else if !removeEnding(verb, from: &w, rv: rv) {
                _ = removeEnding(noun, from: &w, rv: rv)
            }
        }

        // Step 2: a final и.
        if w.endsWith(0xD0, 0xB8, from: rv) { w.end -= 2 }

        // Step 3: derivational ост / ость, which must lie in R2.
        if let length = derivational.longestMatch(in: w, limit: rv)?.length, w.end - length >= r2 {
            w.end -= length
        }

        // Step 4: superlative ейш(е) then нн → н; or нн → н; or a final ь.
        if let length = tidyUp.longestMatch(in: w, limit: rv)?.length {
            if length > 2 { // ейш, ейше
                w.end -= length
                if w.endsWithNN(from: rv) { w.end -= 2 }
            } else if w.endsWith(0xD1, 0x8C, from: rv) { // ь
                w.end -= 2
            } else if w.endsWithNN(from: rv) { // н
                w.end -= 2
            }
        }
    }

    /// Removes the longest ending of `table` lying in RV. An ending flagged `afterAYa` is only
    /// removed when "а" or "я" (also in RV, and kept) precedes it. Like Snowball's `among`, a
    /// failed condition on the longest match fails the step; shorter endings are not retried.
    private static func removeEnding(_ table: SuffixTable, from w: inout Word, rv: Int) -> Bool {
        guard let match = table.longestMatch(in: w, limit: rv) else { return false }
        if match.afterAYa {
            let rest = Word(bytes: w.bytes, end: w.end - match.length)
            guard rest.endsWith(0xD0, 0xB0, from: rv) || rest.endsWith(0xD1, 0x8F, from: rv) // а, я
            else { return false }
        }
        w.end -= match.length
        return true
    }

    // MARK: - Endings

    private static let perfectiveGerund = SuffixTable(
        afterAYa: ["в", "вши", "вшись"],
        plain: ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"])

    private static let adjective = SuffixTable(plain: [
        "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
        "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
    ])

    private static let participle = SuffixTable(
        afterAYa: ["ем", "нн", "вш", "ющ", "щ"],
        plain: ["ивш", "ывш", "ующ"])

    private static let reflexive = SuffixTable(plain: ["ся", "сь"])

    private static let verb = SuffixTable(
        afterAYa: ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют",
                   "ны", "ть", "ешь", "нно"],
        plain: ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл",
                "им", "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены",
                "ить", "ыть", "ишь", "ую", "ю"])

    private static let noun = SuffixTable(plain: [
        "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей",
        "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы",
        "ь", "ию", "ью", "ю", "ия", "ья", "я",
    ])

    private static let derivational = SuffixTable(plain: ["ост", "ость"])

    private static let tidyUp = SuffixTable(plain: ["ейш", "ейше", "н", "ь"])
}

/// The word being stemmed: `bytes[..<end]`.
private struct Word {
    let bytes: UnsafeBufferPointer<UInt8>
    var end: Int

    /// Whether the word ends with the two-byte letter `b0 b1` lying wholly at or after `limit`.
    func endsWith(_ b0: UInt8, _ b1: UInt8, from limit: Int) -> Bool {
        end - 2 >= limit && bytes[end - 2] == b0 && bytes[end - 1] == b1
    }

    /// Whether the word ends with "нн" lying wholly at or after `limit`.
    func endsWithNN(from limit: Int) -> Bool {
        endsWith(0xD0, 0xBD, from: limit)
            && Word(bytes: bytes, end: end - 2).endsWith(0xD0, 0xBD, from: limit)
    }
}

/// A Snowball `among` list of endings as UTF-8 bytes, bucketed by final byte and ordered longest
/// first, so the first hit is the longest match.
private struct SuffixTable: Sendable {
    struct Entry: Sendable {
        let bytes: [UInt8]
        let afterAYa: Bool
    }

    struct Match {
        let length: Int
        let afterAYa: Bool
    }

    /// Indexed by the final byte minus 0x80: every ending ends in a Cyrillic letter, whose last
    /// UTF-8 byte is a continuation byte (0x80…0xBF).
    private let buckets: [[Entry]]

    init(afterAYa: [String] = [], plain: [String]) {
        var buckets = [[Entry]](repeating: [], count: 0x40)
        let entries = afterAYa.map { Entry(bytes: Array($0.utf8), afterAYa: true) }
            + plain.map { Entry(bytes: Array($0.utf8), afterAYa: false) }
        for entry in entries {
            let final = entry.bytes[entry.bytes.count - 1]
            precondition((0x80...0xBF).contains(final), "endings must end in a Cyrillic letter")
            buckets[Int(final - 0x80)].append(entry)
        }
        self.buckets = buckets.map { $0.sorted { $0.bytes.count > $1.bytes.count } }
    }

    /// The longest ending of the table that ends the word and starts at or after `limit`.
    func longestMatch(in w: Word, limit: Int) -> Match? {
        let end = w.end
        guard end > 0 else { return nil }
        let final = w.bytes[end - 1]
        guard final >= 0x80, final <= 0xBF else { return nil }
        candidates: for entry in buckets[Int(final - 0x80)] {
            let length = entry.bytes.count
            let start = end - length
            if start < limit { continue }
            var k = length - 2 // the final byte already matches
            while k >= 0 {
                if w.bytes[start + k] != entry.bytes[k] { continue candidates }
                k -= 1
            }
            return Match(length: length, afterAYa: entry.afterAYa)
        }
        return nil
    }
}
