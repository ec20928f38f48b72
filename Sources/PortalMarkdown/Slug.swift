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
            var piece: Substring.UTF8View? = nil
            var ascii: UInt8 = 0
            switch v {
            case 0x61...0x7A, 0x30...0x39: ascii = UInt8(v)
            case 0x41...0x5A: ascii = UInt8(v) + 0x20
            case 0x430...0x44F: piece = cyrillic[Int(v - 0x430)].utf8
            case 0x410...0x42F: piece = cyrillic[Int(v - 0x410)].utf8
            case 0x451, 0x401: piece = cyrillic[5].utf8  // ё → e
            case 0..<0x80:  // spaces and ASCII punctuation: a word break (no case mapping needed)
                pendingHyphen = true
                continue
            default:
                if let latin = table[Character(scalar).lowercased().first ?? " "] {
                    piece = Substring(latin).utf8
                } else {
                    pendingHyphen = true
                    continue
                }
            }
            if let p = piece, p.isEmpty { continue }  // ъ, ь
            if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            if let p = piece { out.append(contentsOf: p) } else { out.append(ascii) }
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

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
