import Foundation
import PortalBuild
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The build cache: nothing changed → nothing touched; one page changed → only it is new.
@Suite struct IncrementalBuildTests {
    func identity(_ site: FixtureSite, _ relative: String) -> (inode: UInt, mtime: Int) {
        var info = stat()
        _ = stat(site.output.appendingPathComponent(relative).path, &info)
        return (UInt(info.st_ino), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    @Test func secondBuildWithNothingChangedTouchesNothing() throws {
        let site = try FixtureSite()
        let first = try site.build()
        #expect(!first.upToDate)
        let before = identity(site, "about/index.html")
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.warnings.count == 1, "warnings are said again")
        #expect(identity(site, "about/index.html") == before)
    }

    @Test func namesWithTabsAndLineBreaksInTheCache() throws {
        let site = try FixtureSite()
        try site.write("Content/files/план\tграфик.txt", "plan")
        try site.build()
        #expect(try site.build().upToDate, "a tab in a file name is kept in the cache")
        #expect(site.exists("files/план\tграфик.txt"))

        // A line break cannot be kept in the cache's lines: no cache, every build is a full one.
        try site.write("Content/files/две\nстроки.txt", "two")
        #expect(try !site.build().upToDate)
        #expect(try !site.build().upToDate)
        #expect(site.exists("files/две\nстроки.txt"))
    }

    @Test func unchangedOutputsKeepTheirInodeAndTime() throws {
        let site = try FixtureSite()
        try site.build()
        let about = identity(site, "about/index.html")
        let css = identity(site, "assets/css/site.css")
        let zapusk = identity(site, "stages/zapusk/index.html")

        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\n---\nНовый текст.\n")
        let report = try site.build()
        #expect(!report.upToDate)
        #expect(try site.html("stages/zapusk/index.html").contains("Новый текст."))
        #expect(identity(site, "about/index.html") == about)
        #expect(identity(site, "assets/css/site.css") == css)
        #expect(identity(site, "stages/zapusk/index.html").inode != zapusk.inode)
    }

    @Test func aTitleChangeRerendersPagesThatListIt() throws {
        let site = try FixtureSite()
        try site.build()
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск программы\norder: 1\n---\nТекст.\n")
        try site.build()
        #expect(try site.html("stages/index.html").contains("Запуск программы"))
    }

    @Test func aDamagedOutputIsRebuilt() throws {
        let site = try FixtureSite()
        try site.build()
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("about/index.html"))
        let report = try site.build()
        #expect(!report.upToDate)
        #expect(site.exists("about/index.html"))
    }

    @Test func cachedAndFreshBuildsAreIdentical() throws {
        let site = try FixtureSite()
        try site.build()
        try site.write("Content/about.md", "---\ntitle: О программе\n---\nДругой текст.\n")
        try site.build()
        let incremental = try site.snapshot()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".portal-cache"))
        try FileManager.default.removeItem(at: site.output)
        try site.build()
        #expect(try site.snapshot() == incremental)
    }
}
