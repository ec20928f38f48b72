import Foundation
import Testing
@testable import PortalSearch

/// Checks `RussianStemmer` against the Snowball reference vocabulary in
/// Tests/Fixtures/snowball-ru (voc.txt: words; output.txt: expected stem on the same line).
@Suite struct RussianStemmerTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // PortalSearchTests
        .deletingLastPathComponent() // Tests
        .appendingPathComponent("Fixtures/snowball-ru")

    static func lines(_ name: String) throws -> [String] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func agreesWithSnowballVocabulary() throws {
        let words = try Self.lines("voc.txt")
        let stems = try Self.lines("output.txt")
        try #require(words.count == stems.count, "voc.txt and output.txt differ in length")
        try #require(words.count > 40_000, "vocabulary looks truncated: \(words.count) words")

        var mismatches: [String] = []
        var mismatchCount = 0
        for (word, expected) in zip(words, stems) {
            let actual = RussianStemmer.stem(word)
            if actual != expected {
                mismatchCount += 1
                if mismatches.count < 20 {
                    mismatches.append("\(word): expected \(expected), got \(actual)")
                }
            }
        }
        #expect(mismatchCount == 0, """
            \(mismatchCount) of \(words.count) words stem differently from Snowball; first ones:
            \(mismatches.joined(separator: "\n"))
            """)
    }

    /// The same vocabulary in capitals must give the same stems (exercises the lowercasing path).
    @Test func capitalisedVocabularyGivesTheSameStems() throws {
        let words = try Self.lines("voc.txt")
        let stems = try Self.lines("output.txt")
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) {
            let actual = RussianStemmer.stem(word.uppercased())
            if actual != expected && mismatches.count < 20 {
                mismatches.append("\(word.uppercased()): expected \(expected), got \(actual)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func inflectionsShareAStem() {
        for word in ["наставника", "наставники", "наставниками", "наставникам"] {
            #expect(RussianStemmer.stem(word) == "наставник", "\(word)")
        }
    }

    @Test func yoIsFoldedToYe() {
        #expect(RussianStemmer.stem("ёлка") == RussianStemmer.stem("елка"))
        #expect(RussianStemmer.stem("ёлка") == "елк")
    }

    @Test func lowercasesFirst() {
        #expect(RussianStemmer.stem("НАСТАВНИКАМИ") == "наставник")
        #expect(RussianStemmer.stem("Ёлка") == "елк")
    }

    @Test func nonCyrillicWordsPassThrough() {
        #expect(RussianStemmer.stem("swift") == "swift")
        #expect(RussianStemmer.stem("Portal") == "portal")
        #expect(RussianStemmer.stem("2024") == "2024")
        #expect(RussianStemmer.stem("") == "")
        #expect(RussianStemmer.stem("Ärger") == "ärger")
        #expect(RussianStemmer.stem("ĀÉÎ") == "āéî")
    }

    @Test func otherScriptsInsideAWordAreKept() {
        // Ukrainian і and ї take the general lowercasing path; і is not a Russian vowel.
        #expect(RussianStemmer.stem("ІНШІ") == "інші")
        #expect(RussianStemmer.stem("ЇЖАКАМИ") == "їжак")
        #expect(RussianStemmer.stem("swift-книгами") == "swift-книг")
        #expect(RussianStemmer.stem("😀книгами") == "😀книг")
    }
}
