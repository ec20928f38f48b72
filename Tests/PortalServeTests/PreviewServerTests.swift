import Foundation
import PortalBuild
import PortalCore
@testable import PortalServe
import Synchronization
import Testing

/// `portal serve` over real HTTP on a free loopback port, against a copy of the basic fixture.
@Suite struct PreviewServerTests {
    @Test func servesPagesWithTheReloadScript() async throws {
        try await ServedSite.with { site in
            let about = try await site.get("/about/")
            #expect(about.status == 200)
            #expect(about.headers["content-type"] == "text/html; charset=utf-8")
            #expect(about.body.contains("<title>О\u{00A0}программе"))
            #expect(about.body.contains("/__portal/events"))
            // The script sits inside the body, before its end.
            let script = try #require(about.body.range(of: "<script>/* portal serve"))
            let end = try #require(about.body.range(of: "</body>", options: .backwards))
            #expect(script.upperBound < end.lowerBound)
            #expect(about.headers["cache-control"] == "no-store")

            let css = try await site.get("/assets/css/site.css")
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.body.contains("__portal"))

            #expect(try await site.get("/files/plan.svg").headers["content-type"] == "image/svg+xml")
            #expect(try await site.get("/files/polozhenie.pdf").headers["content-type"] == "application/pdf")
            #expect(try await site.get("/").body.contains("/__portal/events"))
        }
    }

    @Test func resolvesFoldersLikeAStaticHost() async throws {
        try await ServedSite.with { site in
            let section = try await site.get("/stages/")
            #expect(section.status == 200)
            #expect(section.headers["content-type"] == "text/html; charset=utf-8")

            let bare = try await site.get("/stages")
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/stages/")
            #expect(try await site.get("/stages?x=1").headers["location"] == "/stages/?x=1")
            // A doubled slash must not turn into a protocol-relative address (another host).
            #expect(try await site.get("//stages").headers["location"] == "/stages/")

            let head = try await site.get("/about/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 0)
        }
    }

    @Test func missingPagesGetThe404PageOfTheSite() async throws {
        try await ServedSite.with { site in
            let missing = try await site.get("/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.body.contains("/__portal/events"))  // reloads once the page is written
            #expect(try await site.get("/about.md").status == 404)
            #expect(try await site.get("/about/index.html/").status == 404)

            // A site with its own 404.html gets it, still with status 404.
            try site.write("Content/404.html", "<html><body><p>Нет такой страницы</p></body></html>\n")
            let themed = try await site.eventually("/no/such/page/") { $0.body.contains("Нет такой страницы") }
            #expect(themed.status == 404)
            #expect(themed.body.contains("/__portal/events"))
        }
    }

    @Test func refusesPathsOutsideTheSite() async throws {
        try await ServedSite.with { site in
            // A file beside the served folder, inside the server's private folder.
            try Data("secret".utf8).write(to: site.server.workspace.appendingPathComponent("secret.txt"))
            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/stages/%2e%2e/%2e%2e/secret.txt",
                           "/..%2fsecret.txt", "/stages/../../secret.txt", "/./about/"] {
                let answer = try await site.get(target)
                #expect(answer.status == 403, "\(target)")
                #expect(!answer.body.contains("secret"), "\(target)")
            }
            #expect(try await site.get("/about/").status == 200)
        }
    }

    @Test func rebuildsAfterAnEditAndTellsOpenPages() async throws {
        try await ServedSite.with { site in
            let listener = try await ReloadListener(port: site.port)
            defer { listener.close() }
            let hello = try await listener.next()
            #expect(hello.hasPrefix("build "))
            let page = try await site.get("/about/")
            #expect(page.body.contains("const build = \"\(hello.dropFirst("build ".count))\""))

            let text = try site.read("Content/about.md")
            try site.write("Content/about.md", text + "\nАбзац LIVEEDIT42 после правки.\n")
            let updated = try await site.eventually("/about/", within: 2) { $0.body.contains("LIVEEDIT42") }
            #expect(updated.status == 200)

            // An editor's save may come as two bursts of events, so more than one rebuild may follow;
            // the reload of the build that served the new text must be among them.
            var tokens: [Substring] = []
            repeat {
                let reload = try await listener.next()
                #expect(reload.hasPrefix("reload "))
                tokens.append(reload.dropFirst("reload ".count))
            } while !updated.body.contains("const build = \"\(tokens.last!)\"")
            #expect(!tokens.contains(hello.dropFirst("build ".count)))
        }
    }

    @Test func showsBuildErrorsUntilTheyAreFixed() async throws {
        try await ServedSite.with { site in
            let original = try site.read("Content/about.md")
            let broken = original.replacingOccurrences(of: "date: 2025-09-01", with: "date: <2025-13-45>")
            #expect(broken != original)
            let expected = try expectedErrors(fixture: "basic", path: "Content/about.md", text: broken)
            #expect(expected.contains { $0.hasPrefix("Content/about.md:4:7: error: ") })
            let builds = await site.server.builtCount

            try site.write("Content/about.md", broken)
            let overlay = try await site.eventually("/about/") { $0.status == 500 }
            #expect(overlay.headers["content-type"] == "text/html; charset=utf-8")
            #expect(overlay.body.contains("Content/about.md:4:7: error: "))
            for line in expected {
                #expect(overlay.body.contains(HTMLEscaping.escape(line)))
            }
            #expect(overlay.body.contains("«&lt;2025-13-45&gt;»"))
            #expect(!overlay.body.contains("<2025-13-45>"))
            #expect(overlay.body.contains("/__portal/events"))
            #expect(await site.server.builtCount > builds)

            // Every page shows the errors, even one missing from the last good build; files are served.
            #expect(try await site.get("/stages/").status == 500)
            #expect(try await site.get("/new/page/").status == 500)
            #expect(try await site.get("/assets/css/site.css").status == 200)

            try site.write("Content/about.md", original)
            let fixed = try await site.eventually("/about/") { $0.status == 200 }
            #expect(fixed.body.contains("<title>О\u{00A0}программе"))
        }
    }

    /// The error lines a build of the fixture with one file changed gives, as the terminal shows them.
    func expectedErrors(fixture: String, path: String, text: String) throws -> [String] {
        let root = try ServedSite.copyFixture(fixture)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
        let output = root.deletingLastPathComponent().appendingPathComponent("Public")
        do throws(BuildFailure) {
            _ = try Builder.build(BuildOptions(root: root, output: output))
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map { $0.formatted(in: .russian) }
        }
    }

    @Test func aPortInUseIsOneClearLine() async throws {
        try await ServedSite.with { site in
            let second = PreviewServer(root: site.root, port: site.port)
            do {
                try await second.start()
                Issue.record("a second server started on the same port")
                await second.stop()
            } catch let error as ServeError {
                #expect(error.diagnostic.formatted(in: .english)
                    == "portal: error: port \(site.port) on 127.0.0.1 is in use; choose another with --port")
            }
            #expect(!FileManager.default.fileExists(atPath: second.workspace.path))
            #expect(try await site.get("/about/").status == 200)
        }
    }

    @Test func aHostThatIsNotAnAddressIsRefused() async throws {
        let server = PreviewServer(root: fixtures.appendingPathComponent("basic"), host: "example.org", port: 0)
        await #expect(throws: ServeError.self) { try await server.start() }
    }

    @Test func stopClosesThePortAndRemovesTheBuildFolder() async throws {
        let root = try ServedSite.copyFixture("basic")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let server = PreviewServer(root: root, port: 0)
        try await server.start()
        let port = await server.port
        #expect(port != 0)
        #expect(FileManager.default.fileExists(atPath: server.output.appendingPathComponent("about/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Public").path))

        let listener = try await ReloadListener(port: port)
        defer { listener.close() }
        _ = try await listener.next()

        await server.stop()
        #expect(!FileManager.default.fileExists(atPath: server.workspace.path))
        await #expect(throws: (any Error).self) { _ = try await listener.next() }  // told to go away
        await #expect(throws: (any Error).self) { _ = try await HTTPResult.fetch("/about/", port: port) }
        var builds = 0
        for await _ in server.builds { builds += 1 }  // the stream has ended
        #expect(builds == 1)
    }

    @Test func aPlainBuildHasNoReloadScript() throws {
        let root = try ServedSite.copyFixture("basic")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.deletingLastPathComponent().appendingPathComponent("Public")
        _ = try Builder.build(BuildOptions(root: root, output: output))
        let files = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "html" } ?? []
        #expect(files.count >= 5)
        for file in files {
            #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("__portal"), "\(file.path)")
        }
    }
}

@Suite struct PreviewPartsTests {
    @Test func pathsThatLeaveTheFolderAreRefused() {
        #expect(SiteHandler.relativePath("/") == "")
        #expect(SiteHandler.relativePath("/stages/") == "stages")
        #expect(SiteHandler.relativePath("//stages//otbor/") == "stages/otbor")
        #expect(SiteHandler.relativePath("/новости/itogi/") == "новости/itogi")
        for bad in ["/..", "/../x", "/a/../../x", "/./a", "a/b", "/a\\..\\b", "/a\0b"] {
            #expect(SiteHandler.relativePath(bad) == nil, "\(bad)")
        }
    }

    @Test func mediaTypes() {
        let expected = [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
            "svg": "image/svg+xml", "png": "image/png", "JPG": "image/jpeg", "webp": "image/webp", "pdf": "application/pdf",
            "json": "application/json", "xml": "application/xml; charset=utf-8", "woff2": "font/woff2",
            "ico": "image/x-icon", "txt": "text/plain; charset=utf-8", "unknown": "application/octet-stream",
        ]
        for (fileExtension, type) in expected {
            #expect(MediaType.of(fileExtension) == type)
        }
    }

    @Test func scriptGoesBeforeTheLastBodyEnd() {
        let script = "<script>x</script>"
        #expect(LiveReload.inject(script, into: "<p>&lt;/body&gt;</p></BODY></html>") == "<p>&lt;/body&gt;</p><script>x</script></BODY></html>")
        #expect(LiveReload.inject(script, into: "<p>no body</p>") == "<p>no body</p><script>x</script>")
    }

    @Test(arguments: [SourceWatcher.Method.automatic, .polling])
    func watcherSeesChangesInNewFolders(method: SourceWatcher.Method) async throws {
        let root = try ServedSite.copyFixture("basic")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let changes = Counter()
        let watcher = SourceWatcher(root: root, method: method) { _ in changes.increment() }
        watcher.start()  // has looked at the tree when it returns
        defer { watcher.stop() }

        let folder = root.appendingPathComponent("Content/новый/глубже")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await waitFor { changes.value > 0 }
        try await Task.sleep(for: .milliseconds(700))  // let the watcher take in the new folders
        let before = changes.value
        try Data("---\ntitle: x\n---\n".utf8).write(to: folder.appendingPathComponent("page.md"))
        try await waitFor { changes.value > before }

        // Hidden files (editors' swap files) are not the site's.
        if method == .automatic {
            try await Task.sleep(for: .milliseconds(300))
            let settled = changes.value
            try Data("x".utf8).write(to: folder.appendingPathComponent(".page.md.swp"))
            try await Task.sleep(for: .milliseconds(400))
            #expect(changes.value == settled)
        }
    }

    func waitFor(within seconds: Double = 3, _ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { throw TestError("no change seen within \(seconds) s") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}

/// A site whose base_url has a path is previewed under that path, as it will be published.
@Suite struct PreviewUnderABasePathTests {
    @Test func servesTheSiteUnderItsBasePath() async throws {
        let root = try ServedSite.copyFixture("basic")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        var options = BuildOptions(root: root, output: root)
        options.baseURL = "https://example.org/portal/"
        let server = PreviewServer(build: options, port: 0)
        try await server.start()
        let port = await server.port
        do {
            #expect(await server.url.hasSuffix("/portal/"))
            let about = try await HTTPResult.fetch("/portal/about/", port: port)
            #expect(about.status == 200)
            #expect(about.body.contains("href=\"/portal/assets/css/site.css\""))
            #expect(try await HTTPResult.fetch("/portal/assets/css/site.css", port: port).status == 200)
            let top = try await HTTPResult.fetch("/", port: port)
            #expect(top.status == 302)
            #expect(top.headers["location"] == "/portal/")
            #expect(try await HTTPResult.fetch("/portal/stages", port: port).headers["location"] == "/portal/stages/")
            #expect(try await HTTPResult.fetch("/about/", port: port).status == 404)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
