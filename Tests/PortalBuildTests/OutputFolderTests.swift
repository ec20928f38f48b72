import Foundation
@testable import PortalBuild
import PortalCore
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Portal never deletes what it did not write: which output folders a build may replace.
@Suite struct OutputFolderTests {
    let fm = FileManager.default

    func put(_ text: String, at url: URL) throws {
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func inode(_ path: String) -> UInt {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt(info.st_ino) : 0
    }

    func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The refusal to replace `folder`, which holds `entry` that portal did not write.
    func refused(_ site: FixtureSite, _ folder: URL, _ entry: String) -> Bool {
        let errors = site.errorDiagnostics()
        return errors.map(\.said) == ["portal output.foreign-entry"] && errors[0].message.arguments == ["folder": folder.path, "entry": entry]
    }

    @Test func aSymlinkedOutputIsFollowedAndStaysALink() throws {
        let site = try FixtureSite()
        let www = site.output.deletingLastPathComponent().appendingPathComponent("www")
        try Builder.build(BuildOptions(root: site.root, output: www, today: SimpleDate(parsing: "2026-01-15")!))
        try fm.createSymbolicLink(atPath: site.output.path, withDestinationPath: "www")
        try site.write("Content/about.md", "---\ntitle: Новая страница\n---\n")
        try site.build()
        #expect(isLink(site.output.path))
        #expect(try String(contentsOf: www.appendingPathComponent("about/index.html"), encoding: .utf8).contains("Новая страница"))
        // No staging or retired folder is left beside either.
        let beside = try fm.contentsOfDirectory(atPath: www.deletingLastPathComponent().path).sorted()
        #expect(beside == [".www.portal-lock", "Public", "site", "www"])
    }

    @Test func aSymlinkToSomeoneElsesFolderIsRefusedAndNothingIsDeleted() throws {
        let site = try FixtureSite()
        let www = site.output.deletingLastPathComponent().appendingPathComponent("www")
        try put("<p>the school's old site</p>", at: www.appendingPathComponent("index.html"))
        try put("photo", at: www.appendingPathComponent("photo.jpg"))
        try fm.createSymbolicLink(atPath: site.output.path, withDestinationPath: "www")
        #expect(refused(site, www, "index.html"))
        #expect(isLink(site.output.path))
        #expect(try fm.contentsOfDirectory(atPath: www.path).sorted() == ["index.html", "photo.jpg"])
    }

    @Test func aDanglingSymlinkIsRefused() throws {
        let site = try FixtureSite()
        try fm.createSymbolicLink(atPath: site.output.path, withDestinationPath: "nowhere")
        #expect(site.errorIDs() == ["portal output.dangling-link"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["folder": site.output.path, "target": "nowhere"])
        #expect(isLink(site.output.path))
    }

    @Test func aFolderOfHiddenFilesIsRefused() throws {
        // A home folder: every entry hidden.
        let site = try FixtureSite()
        try put("alias ll='ls -l'", at: site.output.appendingPathComponent(".bashrc"))
        try put("[user]", at: site.output.appendingPathComponent(".gitconfig"))
        #expect(refused(site, site.output, ".bashrc"))
        #expect(try fm.contentsOfDirectory(atPath: site.output.path).sorted() == [".bashrc", ".gitconfig"])
    }

    @Test func aWebSiteNotWrittenByPortalIsRefused() throws {
        let site = try FixtureSite()
        try put("<p>hand-made</p>", at: site.output.appendingPathComponent("index.html"))
        #expect(refused(site, site.output, "index.html"))
        #expect(try site.html("index.html") == "<p>hand-made</p>")
    }

    @Test func filesAddedToPortalsOutputAreNotDeleted() throws {
        let site = try FixtureSite()
        try site.build()
        try put("report", at: site.output.appendingPathComponent("stages/report.pdf"))
        try site.write("Content/about.md", "---\ntitle: Снова\n---\n")
        #expect(refused(site, site.output, "stages/report.pdf"))
        try fm.removeItem(at: site.output.appendingPathComponent("stages/report.pdf"))
        try put("x", at: site.output.appendingPathComponent(".DS_Store"))
        #expect(refused(site, site.output, ".DS_Store"))
        try fm.removeItem(at: site.output.appendingPathComponent(".DS_Store"))
        try site.build()
        #expect(try site.html("about/index.html").contains("Снова"))
        // The marker lists what the build wrote.
        let marker = try String(contentsOf: site.output.appendingPathComponent(".portal-output"), encoding: .utf8)
        #expect(marker.contains("\"about/index.html\""))
    }

    @Test func aDeploymentCheckoutIsCarriedAcrossByRename() throws {
        let site = try FixtureSite()
        let git = site.output.appendingPathComponent(".git")
        try put("ref: refs/heads/gh-pages\n", at: git.appendingPathComponent("HEAD"))
        try put("token", at: site.output.appendingPathComponent(".well-known/acme-challenge/abc"))
        try put("", at: site.output.appendingPathComponent(".nojekyll"))
        let before = inode(git.path)
        let big = String(repeating: "x", count: 1_200_000)
        try put(big, at: git.appendingPathComponent("objects/pack.bin"))
        try site.build()
        try site.write("Content/about.md", "---\ntitle: Снова\n---\n")
        try site.build()
        // Moved, not copied: the same folder, every byte there.
        #expect(inode(git.path) == before)
        #expect(try String(contentsOf: git.appendingPathComponent("objects/pack.bin"), encoding: .utf8) == big)
        #expect(site.exists(".well-known/acme-challenge/abc") && site.exists(".nojekyll") && site.exists("index.html"))
    }

    @Test func aKeptEntryLeftInAKilledBuildsStagingGoesBack() throws {
        let site = try FixtureSite()
        try site.build()
        let leftover = site.output.deletingLastPathComponent().appendingPathComponent(".Public.portal-staging-2147483000")
        try put("ref: refs/heads/gh-pages\n", at: leftover.appendingPathComponent(".git/HEAD"))
        try put("<p>old</p>", at: leftover.appendingPathComponent("index.html"))
        try site.write("Content/about.md", "---\ntitle: Снова\n---\n")
        try site.build()
        #expect(site.exists(".git/HEAD"))
        #expect(!fm.fileExists(atPath: leftover.path))
    }

    @Test func aSecondBuildWaitsForTheFirst() throws {
        let site = try FixtureSite()
        try fm.createDirectory(at: site.output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lockPath = site.output.deletingLastPathComponent().appendingPathComponent(".Public.portal-lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        let waiting = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let said = Mutex<String>("")
        var options = BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!)
        options.waiting = { message in said.withLock { $0 = message.english }; waiting.signal() }
        let build = options
        Thread.detachNewThread {
            _ = try? Builder.build(build)
            finished.signal()
        }
        waiting.wait()
        #expect(said.withLock { $0 } == "waiting for another build of \(site.output.path) to finish (it holds \(lockPath))")
        #expect(!site.exists("index.html"))
        close(fd)
        finished.wait()
        #expect(site.exists("index.html"))
    }
}
