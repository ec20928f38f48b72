// Russian typography: the engine's state, output buffer and main loop (see Typography.swift).

import PortalCore

extension RussianTypography {
    // MARK: - Engine

    struct Engine {
        let src: UnsafePointer<UInt8>
        let n: Int
        /// The same bytes, for reading markup: made where it is used, so that the tokenizer's
        /// iteration state (unused here) is never copied.
        @inline(__always) var html: HTMLTokenizer { HTMLTokenizer(UnsafeBufferPointer(start: src, count: n)) }
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
        // The last word in the output (for the rules that look at it), whether it is a number,
        // and where a "." written right after it ends.
        var wordStart = 0
        var wordEnd = 0
        var wordDigits = false
        var dotAfterWordAt = -1

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
        @inline(__always) mutating func wordChars(_ length: Int, bytes: Int, allLetters: Bool, allDigits: Bool = false, lastIsDigit: Bool) {
            if prev == .word && !afterTag {
                wordLen += length
                wordLetters = wordLetters && allLetters
                wordDigits = wordDigits && allDigits
            } else {
                wordStart = count - bytes
                wordDigits = allDigits
                switch prev {
                case .start, .space, .openPunct, .openQuote: wordStartOK = true
                default: wordStartOK = afterTag
                }
                wordLen = length
                wordLetters = allLetters
            }
            wordEnd = count
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
    }
}
