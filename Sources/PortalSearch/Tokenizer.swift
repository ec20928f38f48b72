import Foundation
import PortalCore

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
                            append(l == 0x451 ? 0x435 : l == 0x3C2 ? 0x3C3 : l) // ё → е; final ς → σ, as search.js
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

/// An insert-only hash set of byte strings giving each a dense id (open addressing, FNV-1a over
/// 8-byte words, memcmp to confirm).
struct ByteTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        let raw = UnsafeRawBufferPointer(key)
        var i = 0
        while i + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100000001b3
            hash ^= hash >> 29
            i += 8
        }
        while i < raw.count { hash = (hash ^ UInt64(raw[i])) &* 0x100000001b3; i += 1 }
        return hash ^ (hash >> 29)
    }

    /// The id of `key`, inserting it if new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: ByteTable.hash(key)) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let id = Int(slots[slot])
                    if id < 0 { return nil }
                    if lengths[id] == key.count,
                       key.count == 0 || memcmp(arena.baseAddress! + starts[id], key.baseAddress!, key.count) == 0 {
                        return id
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let found { return (found, false) }
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
        arena.withUnsafeBufferPointer { arena in
            for id in 0..<starts.count {
                let key = UnsafeBufferPointer(rebasing: arena[starts[id]..<(starts[id] + lengths[id])])
                var slot = Int(truncatingIfNeeded: ByteTable.hash(key)) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
            }
        }
    }
}
