import Foundation
import PortalBuild
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A build killed at any moment (SIGKILL, mid-write) leaves the published folder exactly as it
/// was, and the next build cleans up what the killed one left.
@Suite(.serialized) struct KillTests {
    /// A site of `pages` pages whose every page says `version`.
    func makeSite(_ site: FixtureSite, pages: Int, version: String) throws {
        for i in 0..<pages {
            try site.write("Content/bulk/page-\(i).md", "---\ntitle: Страница \(i)\n---\n## Версия\n\n\(version) \(i)\n")
        }
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSite() throws {
        let binary = try #require(CommandLineTests.binary, "build the portal executable first (swift build)")
        let site = try FixtureSite()
        try makeSite(site, pages: 1500, version: "первая")
        try site.build()
        let old = try site.snapshot()

        try makeSite(site, pages: 1500, version: "вторая")
        var sawOld = false
        for attempt in 0..<5 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--root", site.root.path, "--output", site.output.path, "--quiet"]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Kill at a different moment each time: while loading, rendering, writing or swapping.
            usleep(UInt32(50_000 + attempt * 120_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try site.snapshot()
            if now == old {
                sawOld = true
            } else {
                // The swap happened before the kill: the whole new site, nothing missing.
                #expect(now.count == old.count, "after kill \(attempt): \(now.count) files, expected \(old.count)")
                let page = try site.html("bulk/page-7/index.html")
                #expect(page.contains("вторая 7"))
                #expect(try site.html("bulk/page-1499/index.html").contains("вторая 1499"))
            }
        }
        _ = sawOld
        // A normal build afterwards succeeds and leaves no staging folders behind (only the lock file).
        try site.build()
        #expect(try site.html("bulk/page-0/index.html").contains("вторая 0"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.output.deletingLastPathComponent().path)
        #expect(leftovers.sorted() == [".Public.portal-lock", "Public", "site"])
    }
}
