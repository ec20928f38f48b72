import PortalCore
import Testing

/// The one "cut at a word" (page descriptions, search records).
@Suite struct TextCutterTests {
    static let snippet = TextCutter.snippet(limit: 20)

    @Test func shortTextIsCollapsedAndKeptWhole() {
        for cutter in [TextCutter.description, TextCutter.snippet(limit: 100)] {
            #expect(cutter.cut("  Цель\n программы\u{00A0}\u{2003}—\tдело. ") == "Цель программы — дело.")
            #expect(cutter.cut("") == "")
            #expect(cutter.cut(" \n\t ") == "")
        }
        // Exactly the limit, and trailing white space after it: not cut.
        #expect(Self.snippet.cut(String(repeating: "я", count: 20) + "  ") == String(repeating: "я", count: 20))
    }

    @Test func aCutEndsAtAWordWithTheEllipsis() {
        #expect(Self.snippet.cut("один два три четыре пять") == "один два три четыре…")
        #expect(TextCutter(limit: 20, ellipsis: " [...]", keepsWordEndingAtLimit: true, longestDroppedTail: 5,
                           trim: .allButLettersAndDigitsAtEnd).cut("один два три четыре пять")
                == "один два три четыре [...]")
        let long = Array(repeating: "наставник,", count: 40).joined(separator: " ")
        let description = TextCutter.description.cut(long)
        #expect(description.hasSuffix("наставник…"))
        #expect(description.unicodeScalars.count <= 161)
    }

    /// Where the two users differ: each keeps what it wrote before the cutter was one.
    @Test func descriptionAndSnippetDifferAsTheyAlwaysDid() {
        // The limit falls right after a word: a snippet keeps it, a description drops it.
        let atWordEnd = String(repeating: "а", count: 10) + " " + String(repeating: "б", count: 9) + " в"
        #expect(Self.snippet.cut(atWordEnd) == String(repeating: "а", count: 10) + " " + String(repeating: "б", count: 9) + "…")
        let description = TextCutter(limit: 20, keepsWordEndingAtLimit: false, longestDroppedTail: nil,
                                     trim: .charactersAtBothEnds(Set(",;:—– ".unicodeScalars)))
        #expect(description.cut(atWordEnd) == String(repeating: "а", count: 10) + "…")
        // A long last word: a snippet cuts into it rather than lose more than a quarter.
        let longWord = "аб " + String(repeating: "в", count: 30)
        #expect(Self.snippet.cut(longWord) == "аб " + String(repeating: "в", count: 17) + "…")
        #expect(description.cut(longWord) == "аб…")
        // Punctuation before the ellipsis: a snippet drops all of it, a description only , ; : — –,
        // and at both ends.
        #expect(Self.snippet.cut("— Да. Нет! Может быть, потом") == "— Да. Нет! Может…")
        #expect(description.cut("— Да. Нет! Может быть, потом") == "Да. Нет! Может…")
        #expect(Self.snippet.cut("Да. Нет. Может. Быть-может") == "Да. Нет. Может…")
        #expect(description.cut("Да. Нет. Может. Быть-может") == "Да. Нет. Может.…")
    }

    @Test func limitZeroAndWordsLongerThanTheLimit() {
        #expect(TextCutter.snippet(limit: 0).cut("слово") == "…")
        #expect(TextCutter.snippet(limit: 0).cut("") == "")
        #expect(Self.snippet.cut(String(repeating: "ж", count: 50)) == String(repeating: "ж", count: 20) + "…")
        #expect(Self.snippet.cut("😀😀😀 " + String(repeating: "ж", count: 50)).hasPrefix("😀😀😀 жжж"))
    }

    /// Random text through the cutter and through the two functions it replaced (kept here as they
    /// were): the same, character for character.
    @Test func sameAsTheTwoFunctionsItReplaced() {
        let pieces = ["а", "Ё", "word", " ", "  ", "\n", "\t", "\u{00A0}", "\u{2003}", "\u{0085}", ",", ";", ":", "—",
                      "–", ".", "!", "«", "»", "9", "½", "😀", "и\u{0306}", "наставник", "-"]
        var seed: UInt64 = 160
        for round in 0..<3_000 {
            var text = ""
            for _ in 0..<(Int(seed % 60)) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            let limit = round % 3 == 0 ? 160 : Int(seed % 40)
            #expect(TextCutter.snippet(limit: limit).cut(text) == Reference.snippetText(text, limit: limit))
            let description = TextCutter(limit: limit, keepsWordEndingAtLimit: false, longestDroppedTail: nil,
                                         trim: .charactersAtBothEnds(Set(",;:—– ".unicodeScalars)))
            #expect(description.cut(text) == Reference.truncate(text, limit: limit))
        }
    }

    /// `PageRenderer.truncate` as it was, and `SearchIndex.snippetText`'s rule (it worked on UTF-8
    /// bytes, as the cutter does) restated on Unicode scalars.
    enum Reference {
        static func truncate(_ text: String, limit: Int) -> String {
            var clean: [Unicode.Scalar] = []
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pendingSpace = !clean.isEmpty
                    continue
                }
                if pendingSpace { clean.append(" "); pendingSpace = false }
                clean.append(scalar)
                if clean.count > limit { break }
            }
            guard clean.count > limit else { return string(clean[...]) }
            var cut = clean[..<limit]
            if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
            let trimmed: Set<Unicode.Scalar> = Set(",;:—– ".unicodeScalars)
            while let first = cut.first, trimmed.contains(first) { cut = cut.dropFirst() }
            while let last = cut.last, trimmed.contains(last) { cut = cut.dropLast() }
            return string(cut) + "…"
        }

        static func snippetText(_ text: String, limit: Int) -> String {
            var clean: [Unicode.Scalar] = []
            var pendingSpace = false
            var next: Unicode.Scalar? = nil   // the first character past the limit
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pendingSpace = !clean.isEmpty
                    continue
                }
                if pendingSpace { clean.append(" "); pendingSpace = false }
                if clean.count >= limit { next = scalar; break }
                clean.append(scalar)
            }
            if clean.count > limit { next = clean.removeLast() }
            guard let next else { return string(clean[...]) }
            var cut = clean[...]
            let wordEnds = next == " "
            if !wordEnds, let space = cut.lastIndex(of: " "), space >= limit - limit / 4 { cut = cut[..<space] }
            while let last = cut.last, !(last.properties.isAlphabetic || last.properties.numericType != nil) {
                cut = cut.dropLast()
            }
            return string(cut) + "…"
        }

        static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
    }
}
