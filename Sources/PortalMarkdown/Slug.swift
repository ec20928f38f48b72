/// URL slugs and heading ids from Russian (or any) text.
///
/// Cyrillic is transliterated with the Yandex scheme that Russian CMSs use for addresses
/// (ж→zh, х→h, ц→c, ч→ch, ш→sh, щ→sch, ы→y, ю→yu, я→ya, й→y, ъ ь dropped; the full table is in
/// README): `Итоги первого года` → `itogi-pervogo-goda`. ASCII addresses survive every mail
/// client, messenger and printed leaflet, which percent-encoded Cyrillic does not.
public enum Slug {
    static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        // Ukrainian and Belarusian letters a school page may quote.
        "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    /// Lower-case ASCII letters, digits and single hyphens; nil when nothing usable is left.
    public static func make(_ text: String) -> String? {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for character in text.lowercased() {
            let piece: String
            if let ascii = character.asciiValue {
                if (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39) {
                    piece = String(character)
                } else {
                    pendingHyphen = true
                    continue
                }
            } else if let latin = table[character] {
                if latin.isEmpty { continue }
                piece = latin
            } else {
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out += piece
        }
        return out.isEmpty ? nil : out
    }

    /// Transliterates without slugging (keeps case, spaces and punctuation).
    public static func transliterate(_ text: String) -> String {
        var out = ""
        for character in text {
            let lower = Character(character.lowercased())
            if let latin = table[lower] {
                if character != lower, let first = latin.first {
                    out += first.uppercased() + latin.dropFirst()
                } else {
                    out += latin
                }
            } else {
                out.append(character)
            }
        }
        return out
    }
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
