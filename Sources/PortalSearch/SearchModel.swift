import Foundation
import PortalCore

/// What the index knows of each page's words: per page, every distinct stem with the number of
/// times it occurs in the text and whether it is in the title or a heading; the page's length in
/// words. Built once per build (stemming on every core); a preview edit replaces one page's
/// entry (`update`) without reading the others again. The scores (`postings`) come from it.
public struct SearchModel: Sendable {
    /// One stem of one page.
    struct Term: Sendable, Hashable {
        var stem: Int32
        /// Occurrences in the text (capped at 65,535).
        var count: UInt16
        /// 1 = in the title, 2 = in a heading.
        var flags: UInt8
    }

    /// Stem id → stem, in the order first seen (not sorted).
    private(set) var stems: [String] = []
    private var stemIDs: [String: Int32] = [:]
    /// Per page: its terms by rising stem id, and its number of indexed words.
    private(set) var pages: [[Term]] = []
    private(set) var lengths: [Int] = []

    public init(documents: [SearchDocument]) {
        // Stemming is most of the work: pages are analysed in chunks on every core, then the
        // chunks' local stem ids are mapped to global ones in page order (the same as serially).
        let chunkSize = max(256, (documents.count + 7) / 8)
        let chunks = stride(from: 0, to: documents.count, by: chunkSize).map { start in
            SearchIndex.ChunkRange(start: start, end: min(start + chunkSize, documents.count))
        }
        let analysed = chunks.concurrentMap { range in SearchModel.analyse(documents, range) }
        // Stem ids made global in page order (one thread: the same ids as a serial pass), then
        // each chunk's pages renumbered and sorted on every core.
        var globals: [[Int32]] = []
        for chunk in analysed { globals.append(chunk.stems.map { intern($0) }) }
        let renumbered = Array(zip(analysed, globals)).concurrentMap { chunk, global in
            chunk.pages.map { terms in
                terms.map { Term(stem: global[Int($0.stem)], count: $0.count, flags: $0.flags) }.sorted { $0.stem < $1.stem }
            }
        }
        pages.reserveCapacity(documents.count)
        for (chunk, terms) in zip(analysed, renumbered) {
            pages.append(contentsOf: terms)
            lengths.append(contentsOf: chunk.lengths)
        }
    }

    private mutating func intern(_ stem: String) -> Int32 {
        if let id = stemIDs[stem] { return id }
        let id = Int32(stems.count)
        stems.append(stem)
        stemIDs[stem] = id
        return id
    }

    /// Replaces what page `index` contributes (a preview edit); the other pages are not read.
    public mutating func update(page index: Int, with document: SearchDocument) {
        let chunk = SearchModel.analyse([document], SearchIndex.ChunkRange(start: 0, end: 1))
        let global = chunk.stems.map { intern($0) }
        pages[index] = chunk.pages[0].map { Term(stem: global[Int($0.stem)], count: $0.count, flags: $0.flags) }
            .sorted { $0.stem < $1.stem }
        lengths[index] = chunk.lengths[0]
    }

    public var pageCount: Int { pages.count }

    struct Chunk: Sendable {
        var stems: [String]
        var pages: [[Term]]
        var lengths: [Int]
    }

    /// Stems and counts the words of the documents in `range` (stem ids local to the chunk).
    static func analyse(_ documents: [SearchDocument], _ range: SearchIndex.ChunkRange) -> Chunk {
        var tokenizer = Tokenizer()
        var buffer: [Int32] = []
        var flags: [UInt8] = []
        var counts: [UInt16] = []
        var seen: [Bool] = []
        var touched: [Int32] = []
        var result = Chunk(stems: [], pages: [], lengths: [])
        result.pages.reserveCapacity(range.end - range.start)
        for docIndex in range.start..<range.end {
            let document = documents[docIndex]
            for part in 0..<3 {
                buffer.removeAll(keepingCapacity: true)
                switch part {
                case 0: tokenizer.stems(of: document.title, into: &buffer)
                case 1: for heading in document.headings { tokenizer.stems(of: heading, into: &buffer) }
                default:
                    tokenizer.stems(of: document.text, into: &buffer)
                    result.lengths.append(buffer.count)
                }
                if seen.count < tokenizer.stems.count {
                    let grown = max(tokenizer.stems.count, seen.count * 2)
                    flags.append(contentsOf: repeatElement(0, count: grown - flags.count))
                    counts.append(contentsOf: repeatElement(0, count: grown - counts.count))
                    seen.append(contentsOf: repeatElement(false, count: grown - seen.count))
                }
                for stem in buffer {
                    let s = Int(stem)
                    if !seen[s] { seen[s] = true; touched.append(stem) }
                    switch part {
                    case 0: flags[s] |= 1
                    case 1: flags[s] |= 2
                    default: if counts[s] < UInt16.max { counts[s] += 1 }
                    }
                }
            }
            result.pages.append(touched.map { Term(stem: $0, count: counts[Int($0)], flags: flags[Int($0)]) })
            for stem in touched {
                let s = Int(stem)
                flags[s] = 0; counts[s] = 0; seen[s] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        result.stems = tokenizer.stems
        return result
    }

    // MARK: - Scores

    /// BM25 (k1 = 1.2, b = 0.75) of the stem in the page's text, plus a boost when it is in the
    /// title (3) or a heading (1.5), times the stem's idf; written ×10, rounded, at least 1.
    static let k1 = 1.2
    static let b = 0.75
    static let titleBoost = 3.0
    static let headingBoost = 1.5

    /// The idf of every stem (by id) and the average page length, over all pages.
    func statistics() -> (idf: [Int32: Double], average: Double) {
        let frequency = documentFrequencies()
        var idf: [Int32: Double] = [:]
        for (id, df) in frequency.enumerated() where df > 0 { idf[Int32(id)] = SearchModel.idf(df: df, pages: pages.count) }
        return (idf, averageLength)
    }

    /// How many pages hold each stem, by stem id.
    func documentFrequencies() -> [Int] {
        var frequency = [Int](repeating: 0, count: stems.count)
        for page in pages { for term in page { frequency[Int(term.stem)] += 1 } }
        return frequency
    }

    var averageLength: Double {
        pages.isEmpty ? 1.0 : max(1.0, Double(lengths.reduce(0, +)) / Double(pages.count))
    }

    static func idf(df: Int, pages: Int) -> Double {
        log(1 + (Double(pages) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// The score of a term of a page of `length` words, given its stem's idf.
    static func score(_ term: Term, length: Int, average: Double, idf: Double) -> Int32 {
        let norm = k1 * (1 - b + b * Double(length) / average)
        let tf = Double(term.count)
        var weight = tf > 0 ? tf * (k1 + 1) / (tf + norm) : 0
        if term.flags & 1 != 0 { weight += titleBoost }
        if term.flags & 2 != 0 { weight += headingBoost }
        return max(1, Int32((weight * idf * 10).rounded()))
    }

    func terms(of page: Int) -> [Term] { pages[page] }

    /// The scores of page `index`'s stems (by id) with the statistics given; a stem not in `idf`
    /// (new to the site) gets the idf of a stem on one page, and is added to it.
    func scores(of index: Int, idf: inout [Int32: Double], average: Double) -> [Int32: Int32] {
        var result: [Int32: Int32] = [:]
        for term in pages[index] {
            let value = idf[term.stem] ?? SearchModel.idf(df: 1, pages: pages.count)
            idf[term.stem] = value
            result[term.stem] = SearchModel.score(term, length: lengths[index], average: average, idf: value)
        }
        return result
    }

    /// The stems sorted by UTF-8 bytes, and for each its postings: page index, score, ….
    func postings() -> (stems: [String], postings: [[Int32]]) {
        // By stem id in arrays, each list sized for its pages: a dictionary lookup and a regrown
        // list per term of every page showed in the profile.
        let frequency = documentFrequencies()
        let idf = frequency.map { $0 > 0 ? SearchModel.idf(df: $0, pages: pages.count) : 0 }
        let average = averageLength
        var lists = frequency.map { df -> [Int32] in
            var list: [Int32] = []
            list.reserveCapacity(2 * df)
            return list
        }
        for (index, page) in pages.enumerated() {
            for term in page {
                let stem = Int(term.stem)
                lists[stem].append(Int32(index))
                lists[stem].append(SearchModel.score(term, length: lengths[index], average: average, idf: idf[stem]))
            }
        }
        let order = (0..<stems.count).filter { !lists[$0].isEmpty }.sorted { String.utf8Order(stems[$0], stems[$1]) < 0 }
        return (order.map { stems[$0] }, order.map { lists[$0] })
    }
}
