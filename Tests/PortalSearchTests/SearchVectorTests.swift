import Foundation
import Testing
@testable import PortalSearch

/// Tests/Fixtures/search-vectors.json, which Tests/js/search.test.mjs runs too: the Swift index
/// builder takes the same words and stems from each text as the browser does.
@Suite struct SearchVectorTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            var text: String
            var words: [String]
            var stems: [String]
        }
        var stop: [String]
        var vectors: [Case]
    }

    static func load() throws -> Vectors {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search-vectors.json")
        return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }

    @Test func stopWordsAreTheIndexs() throws {
        #expect(try Self.load().stop == SearchIndex.stopWords.sorted())
    }

    @Test func wordsAndStems() throws {
        let vectors = try Self.load().vectors
        #expect(vectors.count >= 10)
        for vector in vectors {
            #expect(SearchIndex.words(vector.text) == vector.words, "\(vector.text)")
            #expect(SearchIndex.stems(vector.text) == vector.stems, "\(vector.text)")
        }
    }
}
