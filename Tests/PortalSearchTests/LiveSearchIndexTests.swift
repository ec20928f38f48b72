import Foundation
import Testing
@testable import PortalSearch

/// The preview's index: an edit to one page rewrites only its fragments, and the files then say
/// what a full build would say of which pages have which words.
@Suite struct LiveSearchIndexTests {
    /// Stem → absolute postings, read from a sharded file set.
    static func read(_ files: [String: String]) throws -> (postings: [String: [Int]], docs: [[String: Any]]) {
        func json(_ path: String) throws -> Any {
            let text = try #require(files[path], "no \(path)")
            return try JSONSerialization.jsonObject(with: Data(text.utf8))
        }
        let manifest = try #require(try json("search-index.json") as? [String: Any])
        let vocab = try #require(manifest["vocab"] as? [String])
        let shards = try #require(manifest["shards"] as? [Int])
        var postings: [String: [Int]] = [:]
        for (k, start) in shards.enumerated() {
            let lists = try #require(try json("search/t-\(k).json") as? [[Int]])
            let end = k + 1 < shards.count ? shards[k + 1] : vocab.count
            try #require(lists.count == end - start, "fragment \(k) has \(lists.count) lists for \(end - start) stems")
            for (offset, list) in lists.enumerated() { postings[vocab[start + offset]] = SearchIndexTests.Parsed.absolute(list) }
        }
        #expect(postings.count == vocab.count)
        let n = try #require(manifest["n"] as? Int)
        var docs: [[String: Any]] = []
        for k in 0..<((n + 3) / 4) {
            docs += try #require(try json("search/d-\(k).json") as? [[String: Any]])
        }
        return (postings, docs)
    }

    static func pages(_ list: [Int]) -> [Int] { stride(from: 0, to: list.count, by: 2).map { list[$0] } }

    @Test func anEditRewritesOnlyItsFragments() throws {
        var documents = SearchIndexTests.syntheticSite(pages: 600, words: 80)
        let before = SearchIndex.files(for: documents, textLimit: 200, sharded: true)
        var files = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0.content) })
        let original = try Self.read(files)
        var live = LiveSearchIndex(documents: documents, textLimit: 200, sharded: true)

        // Page 300 loses every word it had and gains one no page has.
        documents[300].text = "Квазиуникальное слово."
        documents[300].headings = []
        let changed = live.update(page: 300, with: documents[300])
        #expect(changed.count < before.count / 4, "\(changed.count) of \(before.count) files rewritten")
        #expect(changed.contains { $0.path == "search/d-75.json" })
        for file in changed { files[file.path] = file.content }
        let after = try Self.read(files)
        let full = try Self.read(Dictionary(uniqueKeysWithValues:
            SearchIndex.files(for: documents, textLimit: 200, sharded: true).map { ($0.path, $0.content) }))
        // Which pages have which stems: as a full build says.
        #expect(Set(after.postings.keys) == Set(full.postings.keys))
        for (stem, list) in full.postings { #expect(Self.pages(after.postings[stem] ?? []) == Self.pages(list), "\(stem)") }
        #expect(Self.pages(after.postings["квазиуникальн"] ?? []) == [300])
        #expect(after.docs[300]["x"] as? String == "Квазиуникальное слово.")
        // The other pages keep their scores (the statistics stay the last full build's).
        for (stem, list) in original.postings {
            let kept = (after.postings[stem] ?? []).enumerated().filter { $0.offset % 2 == 0 && $0.element != 300 }
            let old = list.enumerated().filter { $0.offset % 2 == 0 && $0.element != 300 }
            #expect(kept.map { after.postings[stem]![$0.offset + 1] } == old.map { list[$0.offset + 1] }, "\(stem)")
        }
        // A second edit puts the page back as it was: the full build's files again, but for
        // page 300's scores (computed with the frozen statistics, the same here).
        documents[300] = SearchIndexTests.syntheticSite(pages: 600, words: 80)[300]
        for file in live.update(page: 300, with: documents[300]) { files[file.path] = file.content }
        let restored = try Self.read(files)
        #expect(restored.postings == original.postings)
    }

    @Test func aSmallSiteIsWrittenWhole() {
        var documents = SearchIndexTests.syntheticSite(pages: 10, words: 20)
        var live = LiveSearchIndex(documents: documents, textLimit: 200, sharded: false)
        documents[3].text = "Новый текст."
        let changed = live.update(page: 3, with: documents[3])
        #expect(changed == SearchIndex.files(for: documents, textLimit: 200, sharded: false))
    }
}
