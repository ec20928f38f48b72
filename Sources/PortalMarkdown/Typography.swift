// Russian typography stage: a pure, single-pass transformation of rendered HTML.
//
// Rules (text content only):
//  * straight double quotes `"`, `&quot;` (and `&#34;`, `&#x22;`) and cmark's smart quotes
//    “ ” become «ёлочки» at the first level and „лапки“ when nested; existing « » „ are
//    normalised to the same scheme. Opening vs closing is decided from the previous and
//    next characters; quote depth carries across inline tags and resets at block tags.
//    Single quotes and apostrophes (' ‘ ’) are left alone.
//  * a spaced `-`, `–` or `—` between words becomes `NBSP— ` (no-break space before the
//    em dash, the space after it kept). Dashes inside words, dashes between two numbers
//    (`2024 - 2025`) and a dash opening a paragraph / list item / line (dialogue) are kept.
//  * a one- or two-letter word (Cyrillic or Latin, any case) that starts a word
//    (after start of block, whitespace, `(`, `[`, an opening quote or a tag) and is
//    followed by a plain space gets a no-break space instead of that space.
//  * `№9` and `№ 9` become `№NBSP9`.
//
// Nothing changes inside tags and attribute values, comments, `<!…>`/`<?…>` constructs,
// CDATA, the content of `code`, `pre`, `kbd`, `samp`, `svg`, `math` (nesting is tracked),
// the raw text of `script`, `style`, `textarea`, URL-looking tokens (`http://`, `https://`,
// `ftp://`, `mailto:`, `www.`) and HTML entities other than the `&quot;` family.
// The output contains the characters themselves (U+00A0, «, », „, “, —), never entities.
// The transformation is idempotent: apply(apply(x)) == apply(x).
//
// Implementation: one pass over the UTF-8 bytes with a small state machine; the output
// is written into a manually managed byte buffer. The only retroactive edit is turning an
// already written space into a no-break space when a spaced dash follows it.

public enum RussianTypography {
    /// Applies Russian typography rules to the text content of an HTML fragment or page.
    public static func apply(toHTML html: String) -> String {
        if html.isEmpty { return html }
        var source = html
        return source.withUTF8 { input -> String in
            guard let base = input.baseAddress else { return "" }
            var engine = Engine(source: base, count: input.count)
            defer { engine.release() }
            engine.run()
            return engine.result()
        }
    }

    /// Applies the rules to the given byte ranges of `html` only (each as a fragment of its own,
    /// as `apply(toHTML:)` would do to it), keeping the other bytes as they are: a page's
    /// `<title>` and `<main>`, in one pass and one copy. Ranges must be in order and apart, and
    /// begin and end between characters.
    public static func apply(toHTML html: String, onlyIn ranges: [Range<Int>]) -> String {
        String(decoding: applyBytes(toHTML: html, onlyIn: ranges), as: UTF8.self)
    }

    /// `apply(toHTML:onlyIn:)` as UTF-8 bytes, for a caller that writes them to a file: making
    /// a String of a whole page again would validate every byte of it.
    public static func applyBytes(toHTML html: String, onlyIn ranges: [Range<Int>]) -> [UInt8] {
        var source = html
        return source.withUTF8 { input -> [UInt8] in
            guard let base = input.baseAddress else { return [] }
            var out: [UInt8] = []
            out.reserveCapacity(input.count + input.count / 8 + 64)
            var done = 0
            for range in ranges where !range.isEmpty {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[done..<range.lowerBound]))
                var engine = Engine(source: base + range.lowerBound, count: range.count)
                engine.run()
                out.append(contentsOf: UnsafeBufferPointer(start: engine.out, count: engine.count))
                engine.release()
                done = range.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[done...]))
            return out
        }
    }
}

extension RussianTypography {
    // MARK: - Character classes

    /// Class of the last text character seen (inline tags are transparent).
    fileprivate enum CharClass: UInt8 {
        case start       // beginning of a block (paragraph, list item, cell, line after <br>)
        case space       // any whitespace, including no-break spaces
        case openPunct   // ( [ { ‘
        case openQuote   // an opening double quote (as decided/written by us)
        case closePunct  // ) ] } and closing double quotes
        case word        // letters, digits, apostrophes, other word-like characters
        case punct       // other punctuation and symbols
        case dash        // hyphen, dashes
    }

    /// Meaning of a non-ASCII scalar for the state machine.
    fileprivate enum ScalarKind {
        case letter
        case wordOther     // word character that is not a letter (e.g. ’, CJK, …)
        case transparent   // combining marks, soft hyphen, zero-width characters
        case noBreakSpace  // U+00A0
        case otherSpace    // other Unicode spaces
        case openGuillemet, closeGuillemet, lowQuote, contextQuote
        case enDash, emDash, otherDash
        case numero
        case openPunct
        case punct
    }

    fileprivate enum QuoteKind {
        case context, open, close
    }

    fileprivate enum TagKind {
        case inline
        case block
        case lineBreak
        case rawText
        case protected(Int)   // index into the protected depth counters
    }

    fileprivate enum Dash {
        case hyphen, en, em
    }

    // MARK: - Engine

    fileprivate struct Engine {
        let src: UnsafePointer<UInt8>
        let n: Int
        var i = 0

        var out: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        // Text state.
        var prev: CharClass = .start
        var prevDigit = false
        var beforeSpace: CharClass = .start     // class of the character before the current whitespace run
        var beforeSpaceDigit = false
        var spacePatchAt = -1                   // output index of the last single-byte whitespace, if patchable
        var level = 0                           // double quote nesting depth
        var wordLen = 0
        var wordLetters = false
        var wordStartOK = false
        var afterTag = false

        // Protected elements: nesting depth per element, indexed
        // code 0, pre 1, kbd 2, samp 3, svg 4, math 5 (see `tagKind`).
        static let preIndex = 1
        var depths = SIMD8<Int32>()
        var protectedDepth = 0

        init(source: UnsafePointer<UInt8>, count: Int) {
            src = source
            n = count
            capacity = count + count / 4 + 64
            out = .allocate(capacity: capacity)
        }

        func release() {
            out.deallocate()
        }

        func result() -> String {
            String(decoding: UnsafeBufferPointer(start: out, count: count), as: UTF8.self)
        }

        // MARK: Classification

        @inline(__always) func isASCIILetter(_ b: UInt8) -> Bool {
            (b | 0x20) &- 0x61 < 26
        }

        @inline(__always) func isASCIIDigit(_ b: UInt8) -> Bool {
            b &- 0x30 < 10
        }

        @inline(__always) func isASCIIWhitespace(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
        }

        func scalarKind(_ s: UInt32) -> ScalarKind {
            switch s {
            case 0x00A0: return .noBreakSpace
            case 0x00AB: return .openGuillemet
            case 0x00BB: return .closeGuillemet
            case 0x00AD: return .transparent
            case 0x00D7, 0x00F7: return .punct
            case 0x0080...0x00BF: return .punct
            case 0x00C0...0x024F: return .letter
            case 0x0300...0x036F: return .transparent
            case 0x0370...0x03FF: return .letter
            case 0x0400...0x0481, 0x048A...0x052F: return .letter
            case 0x0482...0x0489: return .transparent
            case 0x1E00...0x1FFF: return .letter
            case 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .otherSpace
            case 0x200B...0x200D, 0x2060, 0xFEFF: return .transparent
            case 0x2010, 0x2011, 0x2012, 0x2015, 0x2212: return .otherDash
            case 0x2013: return .enDash
            case 0x2014: return .emDash
            case 0x2018: return .openPunct
            case 0x2019: return .wordOther
            case 0x201C, 0x201D: return .contextQuote
            case 0x201E: return .lowQuote
            case 0x2116: return .numero
            case 0x2016...0x2BFF: return .punct
            case 0x3001...0x303F: return .punct
            case 0x1F000...0x1FAFF: return .punct
            default: return .wordOther
            }
        }

        /// Classifies a tag by its lower-cased name, packed little-endian into `key` (first 8 bytes).
        func tagKind(key: UInt64, length: Int, name: UnsafePointer<UInt8>) -> TagKind {
            if length > 8 {
                guard length == 10 else { return .inline }
                let b8 = name[8] | 0x20, b9 = name[9] | 0x20
                if key == 0x6F75_716B_636F_6C62 && b8 == 0x74 && b9 == 0x65 { return .block }   // blockquote
                if key == 0x6974_7061_6367_6966 && b8 == 0x6F && b9 == 0x6E { return .block }   // figcaption
                return .inline
            }
            switch key {
            case 0x7470_6972_6373,       // script
                 0x65_6C79_7473,         // style
                 0x6165_7261_7478_6574:  // textarea
                return .rawText
            case 0x6564_6F63: return .protected(0)  // code
            case 0x65_7270: return .protected(1)    // pre
            case 0x64_626B: return .protected(2)    // kbd
            case 0x706D_6173: return .protected(3)  // samp
            case 0x67_7673: return .protected(4)    // svg
            case 0x6874_616D: return .protected(5)  // math
            case 0x7262: return .lineBreak          // br
            case 0x73_7365_7264_6461,    // address
                 0x65_6C63_6974_7261,    // article
                 0x65_6469_7361,         // aside
                 0x7964_6F62,            // body
                 0x6E_6F69_7470_6163,    // caption
                 0x6464,                 // dd
                 0x73_6C69_6174_6564,    // details
                 0x676F_6C61_6964,       // dialog
                 0x76_6964,              // div
                 0x6C64,                 // dl
                 0x7464,                 // dt
                 0x7465_7364_6C65_6966,  // fieldset
                 0x6572_7567_6966,       // figure
                 0x7265_746F_6F66,       // footer
                 0x6D72_6F66,            // form
                 0x3168, 0x3268, 0x3368, 0x3468, 0x3568, 0x3668,  // h1…h6
                 0x6461_6568,            // head
                 0x7265_6461_6568,       // header
                 0x7075_6F72_6768,       // hgroup
                 0x7268,                 // hr
                 0x6C6D_7468,            // html
                 0x646E_6567_656C,       // legend
                 0x696C,                 // li
                 0x6E69_616D,            // main
                 0x756E_656D,            // menu
                 0x76_616E,              // nav
                 0x6C6F,                 // ol
                 0x7075_6F72_6774_706F,  // optgroup
                 0x6E6F_6974_706F,       // option
                 0x70,                   // p
                 0x6863_7261_6573,       // search
                 0x6E_6F69_7463_6573,    // section
                 0x79_7261_6D6D_7573,    // summary
                 0x65_6C62_6174,         // table
                 0x79_646F_6274,         // tbody
                 0x6474,                 // td
                 0x74_6F6F_6674,         // tfoot
                 0x6874,                 // th
                 0x64_6165_6874,         // thead
                 0x65_6C74_6974,         // title
                 0x7274,                 // tr
                 0x6C75:                 // ul
                return .block
            default:
                return .inline
            }
        }

        // MARK: Output

        @inline(__always) mutating func reserve(_ extra: Int) {
            if count + extra > capacity { grow(count + extra) }
        }

        mutating func grow(_ needed: Int) {
            var newCapacity = capacity * 2
            if newCapacity < needed { newCapacity = needed }
            let newOut = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newOut.initialize(from: out, count: count)
            out.deallocate()
            out = newOut
            capacity = newCapacity
        }

        @inline(__always) mutating func put(_ b: UInt8) {
            reserve(1)
            out[count] = b
            count += 1
        }

        @inline(__always) mutating func put(_ b0: UInt8, _ b1: UInt8) {
            reserve(2)
            out[count] = b0
            out[count + 1] = b1
            count += 2
        }

        @inline(__always) mutating func put(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) {
            reserve(3)
            out[count] = b0
            out[count + 1] = b1
            out[count + 2] = b2
            count += 3
        }

        /// Copies `src[from..<to]` to the output.
        @inline(__always) mutating func copy(_ from: Int, _ to: Int) {
            let len = to - from
            if len <= 0 { return }
            reserve(len)
            (out + count).initialize(from: src + from, count: len)
            count += len
        }

        /// Replaces the single-byte whitespace written at `spacePatchAt` with U+00A0.
        mutating func patchSpaceToNoBreak() {
            let j = spacePatchAt
            spacePatchAt = -1
            guard j >= 0 else { return }
            reserve(1)
            var k = count
            while k > j + 1 {   // shift the (short) tail right by one byte
                out[k] = out[k - 1]
                k -= 1
            }
            out[j] = 0xC2
            out[j + 1] = 0xA0
            count += 1
        }

        // MARK: Main loop

        mutating func run() {
            while i < n {
                let b = src[i]
                if b == 0x3C {   // <
                    markup()
                    continue
                }
                if protectedDepth > 0 {
                    var j = i + 1
                    while j < n && src[j] != 0x3C { j += 1 }
                    copy(i, j)
                    i = j
                    continue
                }
                if b < 0x80 {
                    ascii(b)
                } else {
                    nonASCII()
                }
            }
        }

        // MARK: State helpers

        @inline(__always) mutating func setClass(_ c: CharClass) {
            prev = c
            prevDigit = false
            afterTag = false
            spacePatchAt = -1
        }

        @inline(__always) mutating func enterWhitespace(patchAt: Int) {
            if prev != .space {
                beforeSpace = prev
                beforeSpaceDigit = prevDigit
            }
            prev = .space
            prevDigit = false
            afterTag = false
            spacePatchAt = patchAt
        }

        /// Registers `letters` word characters (all letters or not) at the current position.
        @inline(__always) mutating func wordChars(_ length: Int, allLetters: Bool, lastIsDigit: Bool) {
            if prev == .word && !afterTag {
                wordLen += length
                wordLetters = wordLetters && allLetters
            } else {
                switch prev {
                case .start, .space, .openPunct, .openQuote: wordStartOK = true
                default: wordStartOK = afterTag
                }
                wordLen = length
                wordLetters = allLetters
            }
            prev = .word
            prevDigit = lastIsDigit
            afterTag = false
            spacePatchAt = -1
        }

        @inline(__always) mutating func resetBlock() {
            prev = .start
            prevDigit = false
            beforeSpace = .start
            beforeSpaceDigit = false
            spacePatchAt = -1
            level = 0
            wordLen = 0
            wordLetters = false
            wordStartOK = false
            afterTag = true
        }

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

        mutating func dash(length: Int, kind: Dash) {
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

        // MARK: Numero

        mutating func numero(_ length: Int) {
            copy(i, i + length)
            i += length
            setClass(.punct)
            if i < n && isASCIIDigit(src[i]) {
                enterWhitespace(patchAt: -1)
                put(0xC2, 0xA0)
            } else if i + 1 < n && src[i] == 0x20 && isASCIIDigit(src[i + 1]) {
                enterWhitespace(patchAt: -1)
                put(0xC2, 0xA0)
                i += 1
            }
        }

        // MARK: Quotes

        /// Class of the character at `j` as seen by the quote direction heuristic.
        /// Quote characters of any kind are neutral (`.punct`) so that decisions do not
        /// depend on whether a neighbouring quote has already been converted.
        func peekClass(_ j: Int) -> CharClass {
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
        mutating func quote(_ kind: QuoteKind) {
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
                wordChars(1, allLetters: false, lastIsDigit: false)
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

        /// Handles `<` at `i`: tags, comments, declarations, processing instructions.
        mutating func markup() {
            let start = i
            let j = i + 1
            guard j < n else { literalLessThan(); return }
            let c = src[j]
            if c == 0x21 {   // <!
                let end: Int
                if matches(j + 1, "--") {
                    end = find("-->", from: j + 3) ?? n
                } else if matches(j + 1, "[CDATA[") {
                    end = find("]]>", from: j + 8) ?? n
                } else {
                    end = find(">", from: j + 1) ?? n
                }
                copy(start, end)
                i = end
                return
            }
            if c == 0x3F {   // <?
                let end = find(">", from: j + 1) ?? n
                copy(start, end)
                i = end
                return
            }
            var k = j
            let closing = c == 0x2F
            if closing { k += 1 }
            guard k < n && isASCIILetter(src[k]) else { literalLessThan(); return }

            // Tag name, lower-cased and packed (first 8 bytes).
            let nameStart = k
            var key: UInt64 = 0
            var shift: UInt64 = 0
            while k < n {
                var b = src[k]
                if isASCIILetter(b) {
                    b |= 0x20
                } else if !(isASCIIDigit(b) || b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E) {
                    break
                }
                if shift < 64 {
                    key |= UInt64(b) << shift
                    shift += 8
                }
                k += 1
            }
            let nameLength = k - nameStart

            // Rest of the tag up to ">", skipping quoted attribute values.
            var selfClosing = false
            var afterEquals = false
            var end = n
            while k < n {
                let b = src[k]
                if b == 0x3E {   // >
                    selfClosing = src[k - 1] == 0x2F
                    end = k + 1
                    break
                }
                if afterEquals && (b == 0x22 || b == 0x27) {
                    var q = k + 1
                    while q < n && src[q] != b { q += 1 }
                    k = q + 1
                    afterEquals = false
                    continue
                }
                if b == 0x3D {
                    afterEquals = true
                } else if !isASCIIWhitespace(b) {
                    afterEquals = false
                }
                k += 1
            }
            copy(start, end)
            i = end

            switch tagKind(key: key, length: nameLength, name: src + nameStart) {
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
                if !closing && !selfClosing { skipRawText(nameStart: nameStart, nameLength: nameLength) }
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
                } else if !selfClosing {
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

        /// Copies raw text (script/style/textarea content) up to its end tag, which is left at `i`.
        mutating func skipRawText(nameStart: Int, nameLength: Int) {
            var j = i
            while j < n {
                if src[j] == 0x3C && j + 1 < n && src[j + 1] == 0x2F && j + 2 + nameLength <= n {
                    var same = true
                    for k in 0..<nameLength {
                        var c = src[j + 2 + k]
                        if isASCIILetter(c) { c |= 0x20 }
                        var d = src[nameStart + k]
                        if isASCIILetter(d) { d |= 0x20 }
                        if c != d { same = false; break }
                    }
                    if same {
                        let after = j + 2 + nameLength
                        if after == n || src[after] == 0x3E || src[after] == 0x2F || isASCIIWhitespace(src[after]) {
                            break
                        }
                    }
                }
                j += 1
            }
            copy(i, j)
            i = j
        }

        /// Index just past the first occurrence of `literal` at or after `from`.
        func find(_ literal: StaticString, from: Int) -> Int? {
            let len = literal.utf8CodeUnitCount
            let p = literal.utf8Start
            let first = p[0]
            var j = from
            while j + len <= n {
                if src[j] == first {
                    var ok = true
                    for k in 1..<max(len, 1) where src[j + k] != p[k] {
                        ok = false
                        break
                    }
                    if ok { return j + len }
                }
                j += 1
            }
            return nil
        }
    }
}
