// Russian typography: URLs and markup (see Typography.swift).

import PortalCore

extension RussianTypography.Engine {
    // MARK: URLs

    /// Copies a URL-looking token verbatim. Returns false if the text at `i` is not one.
    mutating func urlToken() -> Bool {
        let c = src[i] | 0x20
        guard c == 0x68 || c == 0x77 || c == 0x66 || c == 0x6D else { return false }   // h w f m
        guard prefixIgnoringCase("http://") || prefixIgnoringCase("https://")
            || prefixIgnoringCase("www.") || prefixIgnoringCase("ftp://")
            || prefixIgnoringCase("mailto:") else { return false }
        var j = i
        scan: while j < n {
            let b = src[j]
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x3C:
                break scan
            case 0x22:   // a quote ends the URL unless more URL follows it
                if urlQuoteEnds(j + 1) { break scan }
            case 0x26:
                if matches(j + 1, "nbsp;") || matches(j + 1, "#160;") { break scan }
                if let length = quotEntityLength(at: j + 1), urlQuoteEnds(j + 1 + length) { break scan }
            case 0xC2:   // U+00A0, «, »
                if j + 1 < n && (src[j + 1] == 0xA0 || src[j + 1] == 0xAB || src[j + 1] == 0xBB) {
                    break scan
                }
            case 0xE2:   // – — “ ” „ and other spaces
                if j + 2 < n && src[j + 1] == 0x80 {
                    let t = src[j + 2]
                    if (t >= 0x93 && t <= 0x94) || (t >= 0x9C && t <= 0x9E) || t <= 0x8A || t == 0xAF {
                        break scan
                    }
                }
            default:
                break
            }
            j += 1
        }
        copy(i, j)
        i = j
        prev = .word
        prevDigit = false
        afterTag = false
        spacePatchAt = -1
        wordLen = 3   // never a short word
        wordLetters = false
        wordStartOK = false
        return true
    }

    /// The length of the `&quot;` family's name at `j` (just after the `&`): `quot;`,
    /// `#34;`, `#x22;`, `#X22;`; nil for anything else.
    func quotEntityLength(at j: Int) -> Int? {
        if matches(j, "quot;") { return 5 }
        if matches(j, "#34;") { return 4 }
        if matches(j, "#x22;") || matches(j, "#X22;") { return 5 }
        return nil
    }

    @inline(__always) func urlQuoteEnds(_ j: Int) -> Bool {
        guard j < n else { return true }
        let c = src[j]
        if isASCIILetter(c) || isASCIIDigit(c) { return false }
        switch c {
        case 0x26:   // & continues the URL unless it starts another quote
            return quotEntityLength(at: j + 1) != nil
        case 0x2F, 0x3D, 0x25, 0x2D, 0x5F, 0x7E, 0x23, 0x2B: return false   // / = % - _ ~ # +
        default: return true
        }
    }

    func prefixIgnoringCase(_ literal: StaticString) -> Bool {
        let len = literal.utf8CodeUnitCount
        guard i + len <= n else { return false }
        let p = literal.utf8Start
        for k in 0..<len {
            var c = src[i + k]
            if isASCIILetter(c) { c |= 0x20 }
            if c != p[k] { return false }
        }
        return true
    }

    // MARK: Markup

    /// Handles `<` at `i`: tags, comments, declarations, processing instructions, read by
    /// PortalCore's `HTMLTokenizer` and copied as they are; a `<` that starts none is text.
    mutating func markup() {
        guard let token = html.markup(at: i) else { literalLessThan(); return }
        let end = token.range.upperBound
        copy(i, end)
        i = end
        let tag: HTMLTag
        let closing: Bool
        switch token {
        case .startTag(let t): tag = t; closing = false
        case .endTag(let t): tag = t; closing = true
        default: return
        }

        switch tagKind(key: tag.prefixKey, length: tag.name.count, name: src + tag.name.lowerBound) {
        case .inline:
            if protectedDepth == 0 { afterTag = true }
        case .block:
            if protectedDepth == 0 { resetBlock() }
        case .lineBreak:
            if protectedDepth == 0 {
                prev = .start
                prevDigit = false
                spacePatchAt = -1
                afterTag = true
            }
        case .rawText:
            if !closing && !tag.isSelfClosing {
                // script, style, textarea: copied up to their end tag, which is left at `i`.
                let rawEnd = html.rawTextEnd(after: tag)
                copy(i, rawEnd)
                i = rawEnd
            }
            if protectedDepth == 0 { afterTag = true }
        case .protected(let index):
            if closing {
                guard depths[index] > 0 else {
                    if protectedDepth == 0 { afterTag = true }
                    return
                }
                depths[index] -= 1
                protectedDepth -= 1
                if protectedDepth == 0 {
                    if index == Self.preIndex {
                        resetBlock()
                    } else {
                        // The element's content counts as a (long) word.
                        prev = .word
                        prevDigit = false
                        spacePatchAt = -1
                        wordLen = 3
                        wordLetters = false
                        wordStartOK = false
                        afterTag = true
                    }
                }
            } else if !tag.isSelfClosing {
                if protectedDepth == 0 {
                    if index == Self.preIndex { resetBlock() } else { afterTag = true }
                }
                depths[index] += 1
                protectedDepth += 1
            } else if protectedDepth == 0 {
                afterTag = true
            }
        }
    }

    mutating func literalLessThan() {
        put(0x3C)
        i += 1
        if protectedDepth == 0 { setClass(.punct) }
    }
}
