import Foundation
import PortalBuild
import PortalCore
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The preview's fast path: an edit to a page's text re-renders that page alone.
@Suite struct PreviewSessionTests {
    func inode(_ site: FixtureSite, _ relative: String) -> UInt {
        var info = stat()
        _ = stat(site.output.appendingPathComponent(relative).path, &info)
        return UInt(info.st_ino)
    }

    @Test func anEditToThePageTextRendersOnlyThatPage() throws {
        let site = try FixtureSite()
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        let first = try session.build(changed: nil)
        #expect(first.pages == 10)
        let stages = inode(site, "stages/index.html")

        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\n---\nНовый текст запуска.\n")
        let second = try session.build(changed: ["Content/stages/zapusk.md"])
        #expect(second.pages == 1, "only the edited page")
        #expect(try site.html("stages/zapusk/index.html").contains("Новый текст запуска."))
        #expect(inode(site, "stages/index.html") == stages, "the list page was not touched")
    }

    @Test func aTitleChangeBuildsEverything() throws {
        let site = try FixtureSite()
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        try session.build(changed: nil)
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск программы\norder: 1\n---\nТекст.\n")
        let report = try session.build(changed: ["Content/stages/zapusk.md"])
        #expect(report.pages == 10)
        #expect(try site.html("stages/index.html").contains("Запуск программы"))
    }

    @Test func aBrokenEditIsReportedAndTheNextFixWorks() throws {
        let site = try FixtureSite()
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        try session.build(changed: nil)
        try site.write("Content/about.md", "---\ntitle: [\n---\n")
        #expect(throws: BuildFailure.self) { try session.build(changed: ["Content/about.md"]) }
        try site.write("Content/about.md", "---\ntitle: О программе\ndescription: Что такое наставничество\ndate: 2025-09-01\n---\nИсправлено.\n")
        try session.build(changed: ["Content/about.md"])
        #expect(try site.html("about/index.html").contains("Исправлено."))
    }

    @Test func aDeletedPageBuildsEverything() throws {
        let site = try FixtureSite()
        try site.write("Content/stages/extra.md", "---\ntitle: Лишняя\n---\n")
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        #expect(try session.build(changed: nil).pages == 11)
        try site.remove("Content/stages/extra.md")
        let report = try session.build(changed: ["Content/stages/extra.md"])
        #expect(report.pages == 10)
        #expect(!site.exists("stages/extra/index.html"))
    }

    /// `PreviewSession` is `Sendable` by proof (its state behind a `Mutex`): builds started from
    /// several threads at once take turns, and each sees what the one before it left.
    @Test func buildsFromSeveralThreadsTakeTurns() throws {
        let site = try FixtureSite()
        let session = PreviewSession(options: BuildOptions(root: site.root, output: site.output))
        try session.build(changed: nil)
        try site.write("Content/stages/zapusk.md", "---\ntitle: Запуск\norder: 1\n---\nТекст из четырёх потоков.\n")
        let pages = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let report = try? session.build(changed: ["Content/stages/zapusk.md"])
            pages.withLock { $0.append(report?.pages ?? -1) }
        }
        #expect(pages.withLock { $0 } == [1, 1, 1, 1], "every build re-rendered the one edited page")
        #expect(try site.html("stages/zapusk/index.html").contains("Текст из четырёх потоков."))
    }
}
