import Foundation
@testable import PortalBuild
import PortalContent
import PortalCore
import PortalProgramme
import Testing

/// The last check before anything is written: no name between slashes longer than a file
/// system takes (255 bytes). Pages and tags are checked earlier, where they are written; this
/// one catches whatever else makes a path.
@Suite struct OutputNamesTests {
    @Test(arguments: [
        ("", false), ("a/b/index.html", false),
        (String(repeating: "a", count: 255) + "/index.html", false),
        (String(repeating: "a", count: 256) + "/index.html", true),
        ("x/" + String(repeating: "щ", count: 128), true),  // 256 bytes, 128 characters
        (String(repeating: "a/", count: 300), false),
    ])
    func findsANameLongerThan255Bytes(path: String, long: Bool) {
        #expect(OutputNames.hasLongSegment(path) == long)
    }

    @Test func namesTheFileThatWouldMakeIt() throws {
        let site = try FixtureSite()
        let loaded = try SiteLoader.load(root: site.root, model: Programme.dataModel).0
        let name = String(repeating: "я", count: 130)
        var log = DiagnosticLog()
        OutputNames.check(site: loaded, files: [(site.root.path + "/Content/a.txt", "files/\(name)/a.txt"), ("b", "b.txt")],
                          root: site.root.path, log: &log)
        #expect(log.diagnostics.map { "\($0.location?.description ?? "") \($0.message.id)" } == ["Content/a.txt output.name-too-long"])
        #expect(log.diagnostics.first?.message.arguments["name"] == name)
        #expect(log.diagnostics.first?.message.arguments["length"] == "260")
    }
}
