// Russian typography: the rules adopted from typograf (see Typography.swift) that look at the
// words around a space, a dot or a hyphen. They look only where such a character is, at a few
// bytes on either side: no pattern runs over the text.
//
//  * a number binds the word after it: `2025 г.`, `12 человек`, `5 км`;
//  * an abbreviation binds a name or number after it: `г. Ставрополь`, `ул. Ленина`, `рис. 2`,
//    `см. также`, `т. д.`
//    (and `т.д.` gets its space: `т. д.`); initials bind each other and the surname:
//    `А. С. Пушкин`, `А.С. Пушкин`;
//  * particles (ли, же, бы…) bind to the word before them; a word of up to three letters or a
//    short number at the end of a paragraph or line binds to the word before it;
//  * ranges take an en dash without spaces: `2025–2026`, `1–22 сентября`, `80–90-е`,
//    `12:00–13:00`, `март–май`, `понедельник–среда`, `XX–XXI`;
//  * `...` is an ellipsis `…`.

extension RussianTypography.Engine {
    // MARK: Dots

    mutating func dot() {
        // Exactly three dots are an ellipsis; two, or four and more, stay as written.
        if i + 2 < n && src[i + 1] == 0x2E && src[i + 2] == 0x2E && !(i + 3 < n && src[i + 3] == 0x2E)
            && !(count > 0 && out[count - 1] == 0x2E) {
            put(0xE2, 0x80, 0xA6)
            i += 3
            setClass(.punct)
            return
        }
        let afterShortWord = prev == .word && !afterTag && wordEnd == count && wordLetters && wordLen <= 3
        put(0x2E)
        i += 1
        setClass(.punct)
        guard afterShortWord else { return }
        dotAfterWordAt = count
        // `т.д.`, `А.С. Пушкин`, `г.Москва`: the space the author left out, unbreakable.
        guard i < n else { return }
        let word = wordScalars()
        guard let next = letterAt(i) else {
            // `стр.22`, `д.12`
            if isASCIIDigit(src[i]) && Self.bindingAbbreviations.contains(lowercased(word)) {
                put(0xC2, 0xA0)
                enterWhitespace(patchAt: -1)
            }
            return
        }
        var insert = false
        if word.count == 1 && isUpper(word[0]) {
            // Initials: `А.С.` followed by a surname.
            if isUpper(next.scalar), i + next.length < n, src[i + next.length] == 0x2E {
                var k = i + next.length + 1
                if k < n && src[k] == 0x20 { k += 1 }
                insert = letterAt(k).map { isUpper($0.scalar) } ?? false
            }
        } else if word.count <= 2 && word.allSatisfy(isLower), !isUpper(next.scalar), let end = abbreviationPart(at: i) {
            // `т.д.`, `н.э.`, `а.е.м.`: parts of up to three letters, each with its dot.
            var k = end
            while k < n, let more = abbreviationPart(at: k) { k = more }
            insert = !(k < n && (letterAt(k) != nil || isASCIIDigit(src[k])))
        } else if Self.bindingAbbreviations.contains(lowercased(word)) {
            insert = true
        }
        if insert {
            put(0xC2, 0xA0)
            enterWhitespace(patchAt: -1)
        }
    }

    /// Abbreviations whose dot binds the next word: addresses, references, units of a page.
    static let bindingAbbreviations: Set<String> = [
        "г", "ул", "д", "пр", "пер", "пл", "просп", "стр", "рис", "гл", "илл", "табл", "см", "оф", "кв", "эт",
        "мкр", "им", "корп", "п", "пп", "ч", "ст",
    ]

    /// Particles that cling to the word before them.
    static let particles: Set<String> = ["ли", "ль", "же", "ж", "бы", "б"]

    /// `д.` at `j` (one to three letters and a dot): the index past the dot.
    func abbreviationPart(at j: Int) -> Int? {
        var k = j
        var letters = 0
        while k < n, let letter = letterAt(k), letters < 4 {
            k += letter.length
            letters += 1
        }
        guard letters >= 1, letters <= 3, k < n, src[k] == 0x2E else { return nil }
        return k + 1
    }

    // MARK: Spaces

    /// Whether the space at `j - 1` should not break, by the rules that look at the words
    /// around it (the short-word rule is `space()`'s own).
    func bindsNext(_ j: Int) -> Bool {
        guard j < n, nextAcceptsNoBreak(j) else { return false }
        if prev == .word && !afterTag && wordEnd == count {
            // A number binds the word after it: `2025 г.`, `12 человек`.
            if wordDigits && (wordStartOK || afterEnDash(wordStart) || afterDecimalSeparator(wordStart)) && letterAt(j) != nil { return true }
            // A particle binds to the word before it (a word of two letters at most is looked up).
            if wordLetters, let first = letterAt(j) {
                let k = j + first.length
                let end = k < n ? (letterAt(k).map { k + $0.length } ?? k) : k
                if !continuesWord(end), let particle = word(at: j), Self.particles.contains(particle.text) { return true }
            }
        }
        if prev == .punct && dotAfterWordAt == count {
            let word = wordScalars()
            if let next = letterAt(j) {
                // `А. С. Пушкин`: an initial binds the capitalised word after it.
                if word.count == 1 && isUpper(word[0]) && isUpper(next.scalar) { return true }
                // `т. д.`, `н. э.`
                if word.count <= 2 && word.allSatisfy(isLower) && !isUpper(next.scalar), let end = abbreviationPart(at: j),
                   !(end < n && letterAt(end) != nil) { return true }
            }
            // `г. Ставрополь`, `ул. Ленина`, `рис. 2`, `см. также`; not `2025 г. в…`.
            let abbreviation = lowercased(word)
            if Self.bindingAbbreviations.contains(abbreviation),
               abbreviation == "см" || isASCIIDigit(src[j]) || (letterAt(j).map { isUpper($0.scalar) } ?? false)
                || src[j] == 0x22 || (src[j] == 0xC2 && j + 1 < n && src[j + 1] == 0xAB)
                || (src[j] == 0x2D && j + 1 < n && isASCIIDigit(src[j + 1])) { return true }
        }
        if prev == .word || prev == .closePunct || prev == .punct {
            // A short last word or number of a paragraph or line: `получил 5.`, `дряхлая моя!`
            var k = j
            var length = 0
            var digits = 0
            while k < n, length < 4 {
                if let letter = letterAt(k) { k += letter.length } else if isASCIIDigit(src[k]) { k += 1; digits += 1 } else { break }
                length += 1
            }
            if length >= 1 && length <= 3 && (digits == 0 || digits == length) {
                while k < n, src[k] == 0x2E || src[k] == 0x21 || src[k] == 0x3F || src[k] == 0x25 || src[k] == 0x2B
                        || src[k] == 0x2D || src[k] == 0x22 || src[k] == 0x27 || src[k] == 0x29 {
                    k += 1
                }
                if k >= n || src[k] == 0x0A || blockEnds(at: k) { return true }
                // The end of a sentence: `получил 5. И…`
                if k + 1 < n, src[k] == 0x20, k > j, src[k - 1] == 0x2E || src[k - 1] == 0x21 || src[k - 1] == 0x3F,
                   let next = letterAt(k + 1), isUpper(next.scalar) { return true }
            }
        }
        return false
    }

    /// Whether a closing tag of a block (`</p>`, `</li>`, `</td>`…) is at `j`.
    func blockEnds(at j: Int) -> Bool {
        guard j + 3 < n, src[j] == 0x3C, src[j + 1] == 0x2F else { return false }
        let a = src[j + 2] | 0x20, b = src[j + 3] | 0x20
        switch a {
        case 0x70: return b == 0x3E                                           // </p>
        case 0x6C: return b == 0x69                                           // </li>
        case 0x74: return b == 0x64 || b == 0x68                              // </td> </th>
        case 0x68: return isASCIIDigit(src[j + 3])                            // </h1>…
        case 0x64: return b == 0x69 || b == 0x64 || b == 0x74                 // </div> </dd> </dt>
        case 0x62: return b == 0x6C                                           // </blockquote>
        default: return false
        }
    }

    // MARK: Ranges

    /// At a hyphen right after a word: whether the two sides are a range (`2025-2026`,
    /// `1-22 сентября`, `80-90-е`, `12:00-13:00`, `март-май`, `XX-XXI`).
    func rangeFollows(_ next: Int) -> Bool {
        if wordDigits {
            guard let first = lastNumber(), let (second, end) = number(at: next) else { return false }
            let before: UInt8 = wordStart > 0 ? out[wordStart - 1] : 0x20
            // Part of a longer chain (`8-800-…`, `2025-09-01`, `1.5-2`) is no range.
            if before == 0x2D || before == 0x2E || before == 0x2C || before == 0x2F { return false }
            if before == 0x3A {
                // Times: `12:00-13:00`.
                return end + 2 < n && src[end] == 0x3A && isASCIIDigit(src[end + 1])
            }
            let digits = wordEnd - wordStart
            if end < n && src[end] == 0x2D {
                // Decades: `80-90-е`, `1980-90-е`.
                return end + 1 < n && letterAt(end + 1) != nil && first < 10000
            }
            if continuesNumber(end) { return false }
            if digits == 4 && end - next == 4 && (1000...2999).contains(first) && first < second { return true }
            if first >= 1 && second <= 31 && first < second && end < n && src[end] == 0x20, let month = word(at: end + 1) {
                return Self.monthPrefixes.contains(String(month.text.prefix(3)))
            }
            return false
        }
        // Most hyphens join words (`нормативно-правовой`): ruled out from the bytes, before
        // either word is made a String.
        guard wordLetters, mayBeNamedRange(next) || (wordStart..<wordEnd).allSatisfy({ Self.isRoman(out[$0]) }) else {
            return false
        }
        guard let second = word(at: next), !continuesWord(second.end) else { return false }
        let first = lowercased(wordScalars())
        if first.count >= 3 && second.text.count >= 3 {
            let a = String(first.prefix(3)), b = String(second.text.prefix(3))
            if Self.monthPrefixes.contains(a) && Self.monthPrefixes.contains(b) && a != "мая" && b != "мая" { return true }
            if Self.weekdays.contains(first) && Self.weekdays.contains(second.text) { return true }
        }
        if (wordStart..<wordEnd).allSatisfy({ Self.isRoman(out[$0]) }) && (next..<second.end).allSatisfy({ Self.isRoman(src[$0]) }) {
            return true
        }
        return false
    }

    /// I, V, X, L, C.
    static func isRoman(_ b: UInt8) -> Bool { b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43 }

    /// Whether the last word and the one at `next` may be two months or two weekdays, by the
    /// first three letters of each (lower-cased, packed in an integer). Anything but plain
    /// Latin and Cyrillic letters there (a combining breve of a decomposed «й») is left to the
    /// full comparison, which reads text the way `String` compares it.
    func mayBeNamedRange(_ next: Int) -> Bool {
        guard wordEnd - wordStart <= 64 else { return false }
        let a = Self.prefixKey(out, from: wordStart, to: wordEnd)
        let b = Self.prefixKey(src, from: next, to: min(n, next + 12))
        switch (a, b) {
        case (.unusual, _), (_, .unusual): return true
        case (.key(let a), .key(let b)):
            return (Self.monthKeys.contains(a) && Self.monthKeys.contains(b)) || (Self.weekdayKeys.contains(a) && Self.weekdayKeys.contains(b))
        default: return false
        }
    }

    enum PrefixKey: Equatable {
        /// Fewer than three letters.
        case short
        case key(UInt64)
        case unusual
    }

    static func prefixKey(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> PrefixKey {
        var key: UInt64 = 0
        var j = start
        for _ in 0..<3 {
            guard j < end else { return .short }
            let b0 = UInt32(bytes[j])
            var scalar: UInt32
            if b0 < 0x80 {
                scalar = b0
                j += 1
            } else if b0 & 0xE0 == 0xC0, j + 1 < end {
                scalar = ((b0 & 0x1F) << 6) | (UInt32(bytes[j + 1]) & 0x3F)
                j += 2
            } else {
                return .unusual
            }
            switch scalar {
            case 0x41...0x5A, 0x0410...0x042F: scalar += 0x20
            case 0x0401: scalar = 0x0451
            case 0x61...0x7A, 0x0430...0x044F, 0x0451: break
            // Not a letter: the word ended (the word after the hyphen is read from the source).
            case 0x00...0x7F: return .short
            default: return .unusual
            }
            key = key << 21 | UInt64(scalar)
        }
        // A combining mark (U+0300–U+036F, two bytes from 0xCC 0x80 to 0xCD 0xAF) after the third
        // letter makes it another character.
        if j + 1 < end, bytes[j] == 0xCC || (bytes[j] == 0xCD && bytes[j + 1] <= 0xAF) { return .unusual }
        return .key(key)
    }

    static let monthKeys: Set<UInt64> = Set(monthPrefixes.map { key($0) })
    static let weekdayKeys: Set<UInt64> = Set(weekdays.map { key(String($0.prefix(3))) })

    private static func key(_ text: String) -> UInt64 {
        let bytes = Array(text.utf8)
        guard case .key(let key) = bytes.withUnsafeBufferPointer({ prefixKey($0.baseAddress!, from: 0, to: $0.count) }) else {
            preconditionFailure("not three letters: \(text)")
        }
        return key
    }

    static let monthPrefixes: Set<String> = ["янв", "фев", "мар", "апр", "май", "мая", "мае", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
    static let weekdays: Set<String> = [
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья",
    ]

    /// Whether the output just before `k` is the `,` or `.` of a decimal fraction (`2,5 км`).
    func afterDecimalSeparator(_ k: Int) -> Bool {
        k >= 2 && (out[k - 1] == 0x2C || out[k - 1] == 0x2E) && isASCIIDigit(out[k - 2])
    }

    /// Whether the output just before `k` is an en dash (the end of a range, `2025–2026`).
    func afterEnDash(_ k: Int) -> Bool {
        k >= 3 && out[k - 3] == 0xE2 && out[k - 2] == 0x80 && out[k - 1] == 0x93
    }

    /// The number just written (the last word, all digits).
    func lastNumber() -> Int? {
        guard wordDigits, wordEnd > wordStart, wordEnd - wordStart <= 9 else { return nil }
        var value = 0
        for k in wordStart..<wordEnd { value = value * 10 + Int(out[k] - 0x30) }
        return value
    }

    /// The number at `j` in the source and the index past it.
    func number(at j: Int) -> (Int, Int)? {
        var k = j
        var value = 0
        while k < n, isASCIIDigit(src[k]), k - j < 9 {
            value = value * 10 + Int(src[k] - 0x30)
            k += 1
        }
        guard k > j, !(k < n && (letterAt(k) != nil || isASCIIDigit(src[k]))) else { return nil }
        return (value, k)
    }

    /// Whether a number ending at `j` goes on (`-45`, `.5`, `,5`, `:30`).
    func continuesNumber(_ j: Int) -> Bool {
        guard j + 1 < n else { return false }
        let c = src[j]
        return (c == 0x2D || c == 0x2E || c == 0x2C || c == 0x3A || c == 0x2F) && isASCIIDigit(src[j + 1])
    }

    /// Whether a word ending at `j` goes on as a word (`-то`, a letter).
    func continuesWord(_ j: Int) -> Bool {
        guard j < n else { return false }
        return letterAt(j) != nil || isASCIIDigit(src[j]) || (src[j] == 0x2D && j + 1 < n && letterAt(j + 1) != nil)
    }

    // MARK: Letters

    /// The letter (ASCII or Cyrillic) at `j` of the source, with its length in bytes.
    @inline(__always) func letterAt(_ j: Int) -> (scalar: UInt32, length: Int)? {
        let c = src[j]
        if isASCIILetter(c) { return (UInt32(c), 1) }
        if (c == 0xD0 || c == 0xD1) && j + 1 < n {
            let scalar = decode(j).0
            return (0x0400...0x04FF).contains(scalar) ? (scalar, 2) : nil
        }
        return nil
    }

    /// The word of letters at `j` of the source, lower-cased, and the index past it.
    func word(at j: Int) -> (text: String, end: Int)? {
        var k = j
        while k < n, let letter = letterAt(k), k - j < 40 { k += letter.length }
        guard k > j else { return nil }
        return (String(decoding: UnsafeBufferPointer(start: src + j, count: k - j), as: UTF8.self).lowercased(), k)
    }

    /// The scalars of the last word written.
    func wordScalars() -> [UInt32] {
        guard wordEnd > wordStart, wordEnd - wordStart <= 64 else { return [] }
        return String(decoding: UnsafeBufferPointer(start: out + wordStart, count: wordEnd - wordStart), as: UTF8.self)
            .unicodeScalars.map(\.value)
    }

    func lowercased(_ scalars: [UInt32]) -> String {
        var text = String.UnicodeScalarView()
        for s in scalars { if let scalar = Unicode.Scalar(s) { text.append(scalar) } }
        return String(text).lowercased()
    }

    func isUpper(_ s: UInt32) -> Bool {
        (0x41...0x5A).contains(s) || (0x0410...0x042F).contains(s) || s == 0x0401
    }

    func isLower(_ s: UInt32) -> Bool {
        (0x61...0x7A).contains(s) || (0x0430...0x044F).contains(s) || s == 0x0451
    }
}
