// Russian typography: №, quotes and entities (see Typography.swift).

extension RussianTypography.Engine {
    // MARK: Numero

    /// `№ 9`, `№9` → `№` + narrow no-break space + `9` (so for `§`; `¶` takes a no-break space).
    mutating func numero(_ length: Int, narrow: Bool = true) {
        copy(i, i + length)
        i += length
        setClass(.punct)
        let j = i < n && src[i] == 0x20 ? i + 1 : i
        guard j < n, isASCIIDigit(src[j]) || isASCIILetter(src[j]) || src[j] == 0xD0 || src[j] == 0xD1 else { return }
        enterWhitespace(patchAt: -1)
        if narrow { put(0xE2, 0x80, 0xAF) } else { put(0xC2, 0xA0) }
        i = j
    }

    // MARK: Quotes

    /// Class of the character at `j` as seen by the quote direction heuristic.
    /// Quote characters of any kind are neutral (`.punct`) so that decisions do not
    /// depend on whether a neighbouring quote has already been converted.
    func peekClass(_ j: Int) -> RussianTypography.CharClass {
        guard j < n else { return .space }
        let c = src[j]
        if c < 0x80 {
            if isASCIILetter(c) || isASCIIDigit(c) || c == 0x27 { return .word }
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: return .space
            case 0x28, 0x5B, 0x7B: return .openPunct
            case 0x29, 0x5D, 0x7D: return .closePunct
            case 0x2D: return .dash
            case 0x3C:   // a tag: closing tags end the text, others start more of it
                return j + 1 < n && src[j + 1] == 0x2F ? .punct : .word
            case 0x26:
                if quotEntityLength(at: j + 1) != nil { return .punct }
                if matches(j + 1, "nbsp;") { return .space }
                return .word
            default: return .punct
            }
        }
        switch scalarKind(decode(j).0) {
        case .letter, .wordOther, .transparent: return .word
        case .noBreakSpace, .otherSpace: return .space
        case .openPunct: return .openPunct
        case .enDash, .emDash, .otherDash: return .dash
        case .openGuillemet, .closeGuillemet, .lowQuote, .contextQuote, .numero, .punct:
            return .punct
        }
    }

    /// Writes an opening or closing quote for the current nesting level.
    /// The source quote has already been consumed; `i` points past it.
    mutating func quote(_ kind: RussianTypography.QuoteKind) {
        let open: Bool
        switch kind {
        case .open:
            open = true
        case .context:
            open = contextOpens()
        case .close:
            // A closing quote at level 2+ is written as “, which a second pass reads by
            // context. Where the context would read it as opening (only in degenerate
            // spots such as right after an opening quote), keep » so that the result
            // stays stable.
            if level >= 2 && contextOpens() {
                put(0xC2, 0xBB)
                level -= 1
                setClass(.closePunct)
                return
            }
            open = false
        }
        if open {
            level += 1
            if level == 1 { put(0xC2, 0xAB) } else { put(0xE2, 0x80, 0x9E) }   // « „
            setClass(.openQuote)
        } else {
            if level >= 2 { put(0xE2, 0x80, 0x9C) } else { put(0xC2, 0xBB) }   // “ »
            if level > 0 { level -= 1 }
            setClass(.closePunct)
        }
    }

    /// Whether a direction-neutral double quote at this point opens a quotation.
    func contextOpens() -> Bool {
        switch prev {
        case .start, .space, .openPunct, .dash:
            return true
        case .openQuote, .punct:
            switch peekClass(i) {
            case .word, .openPunct: return true
            default: return false
            }
        case .word, .closePunct:
            // A closing context with nothing open but text right after it is an
            // opening quote with a missing space ("слово"текст").
            return level == 0 && peekClass(i) == .word
        }
    }

    // MARK: Entities

    /// Case-sensitive comparison of `src[j...]` with an ASCII literal.
    @inline(__always) func matches(_ j: Int, _ literal: StaticString) -> Bool {
        let len = literal.utf8CodeUnitCount
        guard j + len <= n else { return false }
        let p = literal.utf8Start
        for k in 0..<len where src[j + k] != p[k] { return false }
        return true
    }

    mutating func entity() {
        // src[i] == "&"; find a well-formed reference "&name;", "&#123;" or "&#x1F;".
        var k = i + 1
        var valid = false
        if k < n && src[k] == 0x23 {   // #
            k += 1
            let hex = k < n && (src[k] | 0x20) == 0x78
            if hex { k += 1 }
            let digitsStart = k
            while k < n && k - i < 12 {
                let c = src[k]
                if isASCIIDigit(c) || (hex && (c | 0x20) &- 0x61 < 6) { k += 1 } else { break }
            }
            valid = k > digitsStart && k < n && src[k] == 0x3B
        } else {
            let nameStart = k
            while k < n && k - i < 40 && (isASCIILetter(src[k]) || isASCIIDigit(src[k])) { k += 1 }
            valid = k > nameStart && isASCIILetter(src[nameStart]) && k < n && src[k] == 0x3B
        }
        guard valid else {
            put(0x26)
            i += 1
            setClass(.punct)
            return
        }
        let end = k + 1
        let j = i + 1
        if quotEntityLength(at: j) != nil {
            i = end
            quote(.context)
            return
        }
        copy(i, end)
        i = end
        if matches(j, "nbsp;") || matches(j, "#160;") || matches(j, "#xa0;") || matches(j, "#xA0;")
            || matches(j, "#XA0;") {
            enterWhitespace(patchAt: -1)
        } else if matches(j, "#39;") || matches(j, "apos;") || matches(j, "#x27;") || matches(j, "rsquo;") {
            wordChars(1, bytes: end - j + 1, allLetters: false, lastIsDigit: false)
        } else if matches(j, "laquo;") || matches(j, "bdquo;") || matches(j, "#171;") {
            level += 1   // kept verbatim, but counted for nesting
            setClass(.openQuote)
        } else if matches(j, "raquo;") || matches(j, "#187;") {
            if level > 0 { level -= 1 }
            setClass(.closePunct)
        } else if matches(j, "mdash;") || matches(j, "ndash;") {
            setClass(.dash)
        } else {
            setClass(.punct)
        }
    }

}
