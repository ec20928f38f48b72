import PortalContent
import PortalCore

/// Everything a page's HTML depends on besides its own file: the build's settings, every input
/// that is not a page (data, site.yml, the theme, files), and what each page shows of itself to
/// the others (`PageSummary`, hashed through its `Encodable` conformance, so a field added there
/// is covered here without being named). When it is the same as last time, a page whose own file
/// did not change renders to the same bytes, and is linked from the last output.
enum GlobalFingerprint {
    static func make(summaries: [PageSummary], inputs: [String: BuildCache.Input], settings: String) -> String {
        var hash = StableHash()
        hash.combine(settings)
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
            // Page sources are covered by the summaries below and by each page's own check.
            let isPage = path.hasPrefix("Content/") && Page.isSource(path)
            if !isPage { hash.combine(path); hash.combine(input.hash) }
        }
        // The summaries in chunks on every core, each chunk's hash then combined in order: the
        // same pages in the same order give the same fingerprint, however many cores there are.
        let chunkSize = 512
        let chunks = stride(from: 0, to: summaries.count, by: chunkSize).map { $0..<min($0 + chunkSize, summaries.count) }
        for chunk in chunks.concurrentMap({ range in
            var part = StableHash()
            for summary in summaries[range] { part.combine(encoding: summary) }
            return part.hex
        }) {
            hash.combine(chunk)
        }
        return hash.hex
    }
}
