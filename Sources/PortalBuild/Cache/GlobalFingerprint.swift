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
        for summary in summaries {
            hash.combine(encoding: summary)
        }
        return hash.hex
    }
}
