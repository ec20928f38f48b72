import Foundation
import PortalCore

/// The sharded index kept in memory by a preview, so that an edit to one page rewrites only the
/// fragments that page is in: its records fragment and the term fragments of the stems it has
/// (or had). The collection statistics (the idf of each stem, the average page length) stay those
/// of the last full build until the next one, so an edit changes only the edited page's scores;
/// a stem new to the site joins the fragment its place in the vocabulary falls in, and a stem no
/// page has any more leaves it (the manifest is rewritten then). Each stem's postings are kept
/// encoded in blocks of `blockPages` pages, so a change re-encodes one or two blocks, not the
/// whole list. A small site's one-file index is simply written again. A value: whoever keeps it
/// (the preview's session, behind its lock) changes its own copy.
public struct LiveSearchIndex: Sendable {
    private var model: SearchModel
    private var documents: [SearchDocument]
    private let textLimit: Int
    private let sharded: Bool

    /// Sorted stems (the manifest's vocabulary), and model stem id → position in it.
    private var vocab: [String] = []
    private var position: [Int32: Int] = [:]
    /// Model stem id of each vocabulary entry.
    private var stemIDs: [Int32] = []
    /// Per vocabulary entry: postings (page, score) sorted by page, and encoded blocks.
    private var postings: [[Int32]] = []
    private var blocks: [[Int: [UInt8]]] = []
    /// Vocabulary position of the first stem of each term fragment.
    private var shardStarts: [Int] = []
    /// Frozen statistics: idf by model stem id (missing: computed when first seen), average length.
    private var idf: [Int32: Double] = [:]
    private var average = 1.0

    static let blockPages = 256

    public init(documents: [SearchDocument], textLimit: Int, sharded: Bool) {
        self.model = SearchModel(documents: documents)
        self.documents = documents
        self.textLimit = textLimit
        self.sharded = sharded
        guard sharded else { return }
        let (stems, lists) = model.postings()
        vocab = stems
        postings = lists
        var idByStem: [String: Int32] = [:]
        for (id, stem) in model.stems.enumerated() { idByStem[stem] = Int32(id) }
        stemIDs = stems.map { idByStem[$0]! }
        for (i, id) in stemIDs.enumerated() { position[id] = i }
        let stats = model.statistics()
        idf = stats.idf
        average = stats.average
        blocks = postings.map { LiveSearchIndex.encodeBlocks($0) }
        // The same fragments as the full build: cut where SearchWriter cuts.
        var size = 0
        for i in 0..<vocab.count {
            let length = listBytes(i).count
            if i == 0 || (size > 0 && size + length > SearchWriter.termFragmentBytes) {
                shardStarts.append(i)
                size = 0
            }
            size += length + 1
        }
    }

    /// Replaces page `index` (its position among the indexed documents) and returns the files
    /// that changed, with their new text.
    public mutating func update(page index: Int, with document: SearchDocument) -> [SearchFile] {
        let oldTerms = Set(model.terms(of: index).map(\.stem))
        documents[index] = document
        model.update(page: index, with: document)
        guard sharded else { return SearchIndex.files(for: documents, textLimit: textLimit, sharded: false) }
        var changedShards = Set<Int>()
        var manifestChanged = false
        let newScores = model.scores(of: index, idf: &idf, average: average)
        let touched = oldTerms.union(newScores.keys)
        for stem in touched.sorted() {
            let score = newScores[stem]
            var slot: Int
            if let existing = position[stem] {
                slot = existing
            } else {
                guard score != nil else { continue }
                slot = insertStem(stem)
                manifestChanged = true
            }
            // A stem whose score on this page is what it was changes no file.
            guard LiveSearchIndex.set(&postings[slot], page: Int32(index), score: score) else { continue }
            if postings[slot].isEmpty {
                changedShards.insert(shard(of: slot))
                removeStem(at: slot)
                manifestChanged = true
                continue
            }
            reencode(slot, around: index)
            changedShards.insert(shard(of: slot))
        }
        var files: [SearchFile] = []
        if manifestChanged {
            files.append(SearchFile(path: SearchWriter.manifestPath, content: manifest()))
        }
        for k in changedShards.sorted() where k < shardStarts.count {
            files.append(SearchFile(path: SearchWriter.termPath(k), content: shardJSON(k)))
        }
        let per = SearchWriter.docsPerFragment
        let fragment = index / per
        let writer = SearchWriter(model: model, documents: documents, textLimit: textLimit, sharded: true)
        files.append(SearchFile(path: SearchWriter.docsPath(fragment),
                                content: String(decoding: writer.docsJSON(fragment * per..<min(fragment * per + per, documents.count)),
                                                as: UTF8.self)))
        return files
    }

    // MARK: - Postings

    /// Sets (or, for nil, removes) the score of `page` in `list`; whether that changed it.
    private static func set(_ list: inout [Int32], page: Int32, score: Int32?) -> Bool {
        // Binary search over the pairs for `page`.
        var lo = 0, hi = list.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[2 * mid] < page { lo = mid + 1 } else { hi = mid }
        }
        let at = 2 * lo
        let present = at < list.count && list[at] == page
        switch (present, score) {
        case (true, let s?):
            if list[at + 1] == s { return false }
            list[at + 1] = s
        case (true, nil): list.removeSubrange(at..<(at + 2))
        case (false, let s?): list.insert(contentsOf: [page, s], at: at)
        case (false, nil): return false
        }
        return true
    }

    private static func encodeBlocks(_ list: [Int32]) -> [Int: [UInt8]] {
        var result: [Int: [UInt8]] = [:]
        var i = 0
        var previous: Int32 = 0
        while i < list.count {
            let block = Int(list[i]) / blockPages
            var out = JSONWriter(capacity: 256)
            var first = true
            while i < list.count, Int(list[i]) / blockPages == block {
                if !first { out.raw(",") }
                first = false
                out.int(Int(list[i] - previous)); out.raw(","); out.int(Int(list[i + 1]))
                previous = list[i]
                i += 2
            }
            result[block] = out.bytes
        }
        return result
    }

    /// Re-encodes the block of `page` and the next non-empty one (whose first gap may change).
    private mutating func reencode(_ slot: Int, around page: Int) {
        let list = postings[slot]
        let block = page / LiveSearchIndex.blockPages
        let lastBlock = list.count >= 2 ? Int(list[list.count - 2]) / LiveSearchIndex.blockPages : -1
        var next = block + 1
        while next <= lastBlock, blocks[slot][next] == nil { next += 1 }
        for b in [block, next] where b <= max(block, lastBlock) {
            // The pairs of block b, and the page before them.
            var previous: Int32 = 0
            var out = JSONWriter(capacity: 256)
            var first = true
            var i = 0
            while i < list.count {
                let p = Int(list[i]) / LiveSearchIndex.blockPages
                if p < b { previous = list[i] } else if p == b {
                    if !first { out.raw(",") }
                    first = false
                    out.int(Int(list[i] - previous)); out.raw(","); out.int(Int(list[i + 1]))
                    previous = list[i]
                } else { break }
                i += 2
            }
            blocks[slot][b] = first ? nil : out.bytes
        }
    }

    private func listBytes(_ slot: Int) -> [UInt8] {
        var out: [UInt8] = [0x5B]
        var first = true
        for key in blocks[slot].keys.sorted() {
            if !first { out.append(0x2C) }
            first = false
            out.append(contentsOf: blocks[slot][key]!)
        }
        out.append(0x5D)
        return out
    }

    private func shard(of slot: Int) -> Int {
        var lo = 0, hi = shardStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if shardStarts[mid] <= slot { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    private func shardJSON(_ k: Int) -> String {
        let end = k + 1 < shardStarts.count ? shardStarts[k + 1] : vocab.count
        var out: [UInt8] = [0x5B]
        for slot in shardStarts[k]..<end {
            if slot > shardStarts[k] { out.append(0x2C) }
            out.append(contentsOf: listBytes(slot))
        }
        out.append(0x5D)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Vocabulary

    private mutating func insertStem(_ id: Int32) -> Int {
        let stem = model.stems[Int(id)]
        var lo = 0, hi = vocab.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if String.utf8Order(vocab[mid], stem) < 0 { lo = mid + 1 } else { hi = mid }
        }
        vocab.insert(stem, at: lo)
        stemIDs.insert(id, at: lo)
        postings.insert([], at: lo)
        blocks.insert([:], at: lo)
        // The stem joins the fragment its place falls in; later fragments start one later.
        for k in shardStarts.indices where shardStarts[k] > lo { shardStarts[k] += 1 }
        reindex()
        return lo
    }

    private mutating func removeStem(at slot: Int) {
        vocab.remove(at: slot)
        stemIDs.remove(at: slot)
        postings.remove(at: slot)
        blocks.remove(at: slot)
        for k in shardStarts.indices where shardStarts[k] > slot { shardStarts[k] -= 1 }
        // A fragment left empty is dropped from the manifest (its file is rewritten as []).
        reindex()
    }

    private mutating func reindex() {
        position = [:]
        for (i, id) in stemIDs.enumerated() { position[id] = i }
    }

    private func manifest() -> String {
        var out = JSONWriter()
        out.raw("{\"d\":"); out.int(SearchWriter.docsPerFragment)
        out.raw(",\"n\":"); out.int(documents.count)
        out.raw(",\"shards\":[")
        for (k, start) in shardStarts.enumerated() {
            if k > 0 { out.raw(",") }
            out.int(start)
        }
        out.raw("],\"stop\":[")
        for (i, word) in SearchIndex.sortedStopWords.enumerated() {
            if i > 0 { out.raw(",") }
            out.string(word)
        }
        out.raw("],\"v\":"); out.int(SearchIndex.formatVersion)
        out.raw(",\"vocab\":[")
        for (i, stem) in vocab.enumerated() {
            if i > 0 { out.raw(",") }
            out.string(stem)
        }
        out.raw("]}")
        return out.result
    }
}
