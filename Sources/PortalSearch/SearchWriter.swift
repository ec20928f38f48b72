import Foundation
import PortalCore

/// One file of the search index: its path in the output and its text.
public struct SearchFile: Sendable, Hashable {
    public var path: String
    public var content: String
}

/// Writes a `SearchModel` as the files of the index (the format is at the top of SearchIndex.swift).
struct SearchWriter {
    let model: SearchModel
    let documents: [SearchDocument]
    let textLimit: Int
    let sharded: Bool

    static let manifestPath = "search-index.json"
    /// Pages per result fragment (`search/d-K.json`): a result list of 20 loads at most 20 of them.
    static let docsPerFragment = 4
    /// A term fragment (`search/t-K.json`) is cut after about this many bytes (a stem whose
    /// postings are longer has a fragment of its own).
    static let termFragmentBytes = 12_000

    static func termPath(_ k: Int) -> String { "search/t-\(k).json" }
    static func docsPath(_ k: Int) -> String { "search/d-\(k).json" }

    func files() -> [SearchFile] {
        let (stems, postings) = model.postings()
        // Each stem's postings as JSON, on every core.
        let encoded = postings.concurrentMap { list -> [UInt8] in
            var out = JSONWriter(capacity: list.count * 4 + 2)
            out.raw("[")
            var previous: Int32 = 0
            var i = 0
            while i + 1 < list.count {
                if i > 0 { out.raw(",") }
                out.int(Int(list[i] - previous))
                out.raw(",")
                out.int(Int(list[i + 1]))
                previous = list[i]
                i += 2
            }
            out.raw("]")
            return out.bytes
        }
        var files: [SearchFile] = []
        var manifest = JSONWriter()
        var shardStarts: [Int] = []
        if sharded {
            manifest.raw("{\"d\":")
            manifest.int(SearchWriter.docsPerFragment)
            manifest.raw(",\"n\":")
            manifest.int(documents.count)
            // Term fragments: consecutive stems (so a prefix's stems sit in few fragments).
            var size = 0
            for (i, list) in encoded.enumerated() {
                if i == 0 || (size > 0 && size + list.count > SearchWriter.termFragmentBytes) {
                    shardStarts.append(i)
                    size = 0
                }
                size += list.count + 1
            }
            manifest.raw(",\"shards\":[")
            for (k, start) in shardStarts.enumerated() {
                if k > 0 { manifest.raw(",") }
                manifest.int(start)
            }
            manifest.raw("]")
        } else {
            manifest.raw("{\"docs\":")
            manifest.append(docsJSON(0..<documents.count))
            manifest.raw(",\"n\":")
            manifest.int(documents.count)
        }
        manifest.raw(",\"stop\":[")
        for (i, word) in SearchIndex.sortedStopWords.enumerated() {
            if i > 0 { manifest.raw(",") }
            manifest.string(word)
        }
        manifest.raw("]")
        if !sharded {
            manifest.raw(",\"terms\":")
            manifest.append(listJSON(encoded[...]))
        }
        manifest.raw(",\"v\":")
        manifest.int(SearchIndex.formatVersion)
        manifest.raw(",\"vocab\":[")
        for (i, stem) in stems.enumerated() {
            if i > 0 { manifest.raw(",") }
            manifest.string(stem)
        }
        manifest.raw("]}")
        files.append(SearchFile(path: SearchWriter.manifestPath, content: manifest.result))
        guard sharded else { return files }

        let shardRanges = shardStarts.enumerated().map { k, start in
            SearchIndex.ChunkRange(start: start, end: k + 1 < shardStarts.count ? shardStarts[k + 1] : encoded.count)
        }
        let termFiles = shardRanges.concurrentMap { range in
            String(decoding: listJSON(encoded[range.start..<range.end]), as: UTF8.self)
        }
        for (k, content) in termFiles.enumerated() { files.append(SearchFile(path: SearchWriter.termPath(k), content: content)) }
        let per = SearchWriter.docsPerFragment
        let docRanges = stride(from: 0, to: documents.count, by: per).map {
            SearchIndex.ChunkRange(start: $0, end: min($0 + per, documents.count))
        }
        let docFiles = docRanges.concurrentMap { range in
            String(decoding: docsJSON(range.start..<range.end), as: UTF8.self)
        }
        for (k, content) in docFiles.enumerated() { files.append(SearchFile(path: SearchWriter.docsPath(k), content: content)) }
        return files
    }

    private func listJSON(_ lists: ArraySlice<[UInt8]>) -> [UInt8] {
        var out = JSONWriter(capacity: lists.reduce(2) { $0 + $1.count + 1 })
        out.raw("[")
        var first = true
        for list in lists {
            if !first { out.raw(",") }
            first = false
            out.append(list)
        }
        out.raw("]")
        return out.bytes
    }

    /// The records of pages `range`: `s` section, `t` title, `u` URL, `x` text for snippets.
    func docsJSON(_ range: Range<Int>) -> [UInt8] {
        // Mostly snippet text to escape: on every core for a large range.
        let size = max(64, (range.count + 7) / 8)
        let chunks = stride(from: range.lowerBound, to: range.upperBound, by: size).map {
            SearchIndex.ChunkRange(start: $0, end: min($0 + size, range.upperBound))
        }
        let documents = self.documents
        let textLimit = self.textLimit
        let parts = chunks.concurrentMap { chunk -> [UInt8] in
            var part = JSONWriter()
            for i in chunk.start..<chunk.end {
                let document = documents[i]
                if i > range.lowerBound { part.raw(",") }
                part.raw("{\"s\":"); part.string(document.section)
                part.raw(",\"t\":"); part.string(document.title)
                part.raw(",\"u\":"); part.string(document.url)
                part.raw(",\"x\":"); part.string(TextCutter.snippet(limit: textLimit).cut(document.text))
                part.raw("}")
            }
            return part.bytes
        }
        var out = JSONWriter()
        out.raw("[")
        for part in parts { out.append(part) }
        out.raw("]")
        return out.bytes
    }
}
