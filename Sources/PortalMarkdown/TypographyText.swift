// Russian typography: text, spaces, short words and dashes (see Typography.swift).

extension RussianTypography.Engine {
    // MARK: Text

    mutating func ascii(_ b: UInt8) {
        switch b {
        case 0x20:
            space()
        case 0x09, 0x0A, 0x0D, 0x0C:
            enterWhitespace(patchAt: count)
            put(b)
            i += 1
        case 0x22:   // "
            i += 1
            quote(.context)
        case 0x26:   // &
            entity()
        case 0x2D:   // -
            dash(length: 1, kind: .hyphen)
        case 0x27:   // '
            put(b)
            i += 1
            wordChars(1, bytes: 1, allLetters: false, lastIsDigit: false)
        case 0x2E:   // .
            dot()
        case 0x28, 0x5B, 0x7B:
            put(b)
            i += 1
            setClass(.openPunct)
        case 0x29, 0x5D, 0x7D:
            put(b)
            i += 1
            setClass(.closePunct)
        default:
            if isASCIILetter(b) || isASCIIDigit(b) {
                if (prev != .word || afterTag) && urlToken() { return }
                wordRun()
            } else {
                put(b)
                i += 1
                setClass(.punct)
            }
        }
    }

    /// Consumes a run of ASCII letters/digits and two-byte Cyrillic letters.
    @inline(__always) mutating func wordRun() {
        let start = i
        var j = i
        var length = 0
        var allLetters = true
        var allDigits = true
        var lastDigit = false
        while j < n {
            let c = src[j]
            if isASCIILetter(c) {
                j += 1
                allDigits = false
                lastDigit = false
            } else if isASCIIDigit(c) {
                j += 1
                allLetters = false
                lastDigit = true
            } else if c == 0xD0 || c == 0xD1 {   // U+0400…U+047F: Cyrillic letters
                j += 2
                allDigits = false
                lastDigit = false
            } else {
                break
            }
            length += 1
        }
        copy(start, j)
        i = j
        wordChars(length, bytes: j - start, allLetters: allLetters, allDigits: allDigits, lastIsDigit: lastDigit)
    }

    mutating func nonASCII() {
        let b0 = src[i]
        // Fast path for Cyrillic.
        if b0 == 0xD0 || b0 == 0xD1 {
            wordRun()
            return
        }
        let (scalar, length) = decode(i)
        switch scalarKind(scalar) {
        case .letter:
            copy(i, i + length)
            i += length
            wordChars(1, bytes: length, allLetters: true, lastIsDigit: false)
        case .wordOther:
            copy(i, i + length)
            i += length
            wordChars(1, bytes: length, allLetters: false, lastIsDigit: false)
        case .transparent:
            copy(i, i + length)
            i += length
        case .noBreakSpace, .otherSpace:
            enterWhitespace(patchAt: -1)
            copy(i, i + length)
            i += length
        case .openGuillemet, .lowQuote:
            i += length
            quote(.open)
        case .closeGuillemet:
            i += length
            quote(.close)
        case .contextQuote:
            i += length
            quote(.context)
        case .enDash:
            dash(length: length, kind: .en)
        case .emDash:
            dash(length: length, kind: .em)
        case .otherDash:
            copy(i, i + length)
            i += length
            setClass(.dash)
        case .numero:
            numero(length)
        case .openPunct:
            copy(i, i + length)
            i += length
            setClass(.openPunct)
        case .punct:
            if scalar == 0xA7 || scalar == 0xB6 {   // § ¶
                numero(length, narrow: scalar == 0xA7)
                return
            }
            copy(i, i + length)
            i += length
            setClass(.punct)
        }
    }

    /// Decodes the (valid) UTF-8 scalar starting at `j`.
    @inline(__always) func decode(_ j: Int) -> (UInt32, Int) {
        let b0 = UInt32(src[j])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            return (((b0 & 0x1F) << 6) | (UInt32(src[j + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(src[j + 1]) & 0x3F) << 6)
                    | (UInt32(src[j + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(src[j + 1]) & 0x3F) << 12)
                | ((UInt32(src[j + 2]) & 0x3F) << 6) | (UInt32(src[j + 3]) & 0x3F), 4)
    }

    // MARK: Spaces and short words

    mutating func space() {
        if (prev == .word && wordStartOK && wordLetters && wordLen <= 2 && nextAcceptsNoBreak(i + 1)) || bindsNext(i + 1) {
            enterWhitespace(patchAt: -1)
            put(0xC2, 0xA0)
        } else {
            enterWhitespace(patchAt: count)
            put(0x20)
        }
        i += 1
    }

    /// Whether the character after a short word's space is something to bind the word to.
    @inline(__always) func nextAcceptsNoBreak(_ j: Int) -> Bool {
        guard j < n else { return false }
        let c = src[j]
        if isASCIIWhitespace(c) { return false }
        if c == 0x3C && j + 1 < n && src[j + 1] == 0x2F { return false }   // "</"
        if c == 0xC2 && j + 1 < n && src[j + 1] == 0xA0 { return false }   // U+00A0
        if c == 0xE2 && j + 2 < n && src[j + 1] == 0x80 && (src[j + 2] <= 0x8A || src[j + 2] == 0xAF) {
            return false   // U+2000…U+200A, U+202F
        }
        return true
    }

    // MARK: Dashes

    mutating func dash(length: Int, kind: RussianTypography.Dash) {
        let next = i + length
        // A number or name range written with a hyphen: 2025-2026, 1-22 сентября, март-май.
        if kind == .hyphen && prev == .word && !afterTag && wordEnd == count && next < n && rangeFollows(next) {
            put(0xE2, 0x80, 0x93)
            i = next
            setClass(.dash)
            return
        }
        // A dash opening a paragraph or a line is direct speech: an em dash bound to what follows.
        let lineStart = prev == .start || (prev == .space && (beforeSpace == .start || (count > 0 && out[count - 1] == 0x0A)))
        if lineStart && next < n && src[next] == 0x20 && next + 1 < n && !isASCIIWhitespace(src[next + 1]) {
            put(0xE2, 0x80, 0x94)
            put(0xC2, 0xA0)
            i = next + 1
            enterWhitespace(patchAt: -1)
            return
        }
        var convert = false
        let spaceAfter = next < n && (isASCIIWhitespace(src[next]) || (src[next] == 0xC2 && next + 1 < n && src[next + 1] == 0xA0))
        if prev == .space && spaceAfter && !lineStart {
            switch beforeSpace {
            case .word, .punct, .closePunct: convert = true
            default: convert = false
            }
            if convert && kind != .em && beforeSpaceDigit {
                // A spaced range between two years ("2024 - 2025") is a range: 2024–2025.
                var k = next
                while k < n && src[k] == 0x20 { k += 1 }
                if k < n && isASCIIDigit(src[k]) {
                    convert = false
                    if spacePatchAt == count - 1, out[count - 1] == 0x20, let first = lastNumber(), (1000...2999).contains(first),
                       let (second, end) = number(at: k), (1000...2999).contains(second), first < second, !continuesNumber(end) {
                        count -= 1
                        put(0xE2, 0x80, 0x93)
                        i = k
                        setClass(.dash)
                        return
                    }
                }
            }
        }
        if convert {
            patchSpaceToNoBreak()
            put(0xE2, 0x80, 0x94)
        } else {
            copy(i, next)
        }
        i = next
        setClass(.dash)
    }
}
