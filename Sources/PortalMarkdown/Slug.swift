/// URL slugs and heading ids from Russian (or any) text.
///
/// Cyrillic is transliterated with the Yandex scheme that Russian CMSs use for addresses
/// (ж→zh, х→h, ц→c, ч→ch, ш→sh, щ→sch, ы→y, ю→yu, я→ya, й→y, ъ ь dropped; the full table is in
/// README): `Итоги первого года` → `itogi-pervogo-goda`. ASCII addresses survive every mail
/// client, messenger and printed leaflet, which percent-encoded Cyrillic does not.
public enum Slug {
    /// Letters beyond Russian's а–я (in `cyrillic`) that a school page may quote: Ukrainian and
    /// Belarusian.
    static let table: [Character: String] = ["і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u"]

    /// Lower-case ASCII letters, digits and single hyphens; nil when nothing usable is left.
    public static func make(_ text: String) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            // A letter's transliteration, up to three ASCII bytes packed low byte first (ъ, ь: 0).
            var packed: UInt32
            switch v {
            case 0x61...0x7A, 0x30...0x39: packed = v
            case 0x41...0x5A: packed = v + 0x20
            case 0x430...0x44F: packed = packedCyrillic[Int(v - 0x430)]
            case 0x410...0x42F: packed = packedCyrillic[Int(v - 0x410)]
            case 0x451, 0x401: packed = packedCyrillic[5]  // ё → e
            case 0x404, 0x406, 0x407, 0x40E, 0x490, 0x454, 0x456, 0x457, 0x45E, 0x491:
                // і ї є ґ ў and their capitals, the only scalars `table` can match (checked
                // against every scalar): lower-cased as a Character, as the table's keys are.
                guard let latin = table[Character(scalar).lowercased().first ?? " "] else {
                    pendingHyphen = true
                    continue
                }
                packed = pack(Substring(latin))
            default:  // spaces, punctuation, other scripts: a word break
                pendingHyphen = true
                continue
            }
            if packed == 0 { continue }  // ъ, ь
            if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            while packed != 0 {
                out.append(UInt8(truncatingIfNeeded: packed))
                packed >>= 8
            }
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    private static func pack(_ latin: Substring) -> UInt32 {
        latin.utf8.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// `cyrillic`, each packed by `pack`: no string to walk per letter.
    private static let packedCyrillic: [UInt32] = cyrillic.map(pack)

    /// а…я in alphabet order (without ё), transliterated.
    static let cyrillic: [Substring] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya",
    ]
}

/// Makes heading ids unique within one page: `etapy`, `etapy-1`, `etapy-2`.
public struct SlugSet: Sendable {
    private var used: Set<String> = []

    public init(reserved: [String] = []) {
        used = Set(reserved)
    }

    public mutating func unique(for text: String, fallback: String = "section") -> String {
        let base = Slug.make(text) ?? fallback
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
