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
            wordChars(1, allLetters: false, lastIsDigit: false)
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
        var lastDigit = false
        while j < n {
            let c = src[j]
            if isASCIILetter(c) {
                j += 1
                lastDigit = false
            } else if isASCIIDigit(c) {
                j += 1
                allLetters = false
                lastDigit = true
            } else if c == 0xD0 || c == 0xD1 {   // U+0400…U+047F: Cyrillic letters
                j += 2
                lastDigit = false
            } else {
                break
            }
            length += 1
        }
        copy(start, j)
        i = j
        wordChars(length, allLetters: allLetters, lastIsDigit: lastDigit)
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
            wordChars(1, allLetters: true, lastIsDigit: false)
        case .wordOther:
            copy(i, i + length)
            i += length
            wordChars(1, allLetters: false, lastIsDigit: false)
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
        if prev == .word && wordStartOK && wordLetters && wordLen <= 2 && nextAcceptsNoBreak(i + 1) {
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
        var convert = false
        if prev == .space && next < n && isASCIIWhitespace(src[next]) {
            switch beforeSpace {
            case .word, .punct, .closePunct: convert = true
            default: convert = false
            }
            if convert && kind != .em && beforeSpaceDigit {
                // A spaced range between two numbers ("2024 - 2025") stays as it is.
                var k = next
                while k < n && src[k] == 0x20 { k += 1 }
                if k < n && isASCIIDigit(src[k]) { convert = false }
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
