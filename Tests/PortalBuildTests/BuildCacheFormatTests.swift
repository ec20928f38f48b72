import Foundation
@testable import PortalBuild
import PortalCore
import Testing

/// The build cache's file: what `encoded()` writes, `decode` reads back exactly; anything else
/// is no cache at all (the build then starts from nothing, which is always safe).
@Suite struct BuildCacheFormatTests {
    static let sample = BuildCache(
        version: BuildCache.version, settings: "portal-1 drafts=false output=/tmp/Public base=",
        inputs: ["Content/about.md": .init(size: 120, mtime: 1_764_470_000_123_456_789, hash: "ab12"),
                 "Content/старое\tимя.md": .init(size: 0, mtime: -86_400_000_000_000, hash: "00")],
        globalHash: "ff00", outputs: ["about/index.html": .init(hash: "cd34", size: 2048), "новое/index.html": .init(hash: "99", size: 1)],
        warnings: [.warning(at: SourceLocation(path: "Content/about.md", line: 2, column: 3), .pageNoFrontMatter)])

    @Test func readsBackWhatItWrote() throws {
        let bytes = try #require(Self.sample.encoded())
        let read = try #require(BuildCache.decode(bytes))
        #expect(read.settings == Self.sample.settings && read.globalHash == Self.sample.globalHash)
        #expect(read.inputs == Self.sample.inputs && read.outputs == Self.sample.outputs)
        #expect(read.warnings.map(\.said) == ["Content/about.md:2:3 page.no-front-matter"])
    }

    @Test(arguments: [
        "", "portal build cache 0\n", "nonsense\n",
        "HEADER\ni\t12\tx\tab\tContent/a.md\n",                       // a time that is no number
        "HEADER\ni\t12\t99999999999999999999\tab\tContent/a.md\n",   // one too large for a number
        "HEADER\no\t12\tab\n",                                       // an output without its path
        "HEADER\nq\t1\n", "HEADER\nsettings\n",
    ])
    func anythingElseIsNoCache(text: String) {
        let bytes = Array(text.replacingOccurrences(of: "HEADER", with: BuildCache.header).utf8)
        #expect(BuildCache.decode(bytes) == nil)
    }
}
