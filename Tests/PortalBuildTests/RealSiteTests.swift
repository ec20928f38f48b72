import Foundation
import PortalBuild
import PortalCore
import Testing

/// The gymnasium's own site (Content/ and Themes/ of this repository), built as `make site` does.
@Suite(.serialized) struct RealSiteTests {
    /// Builds the repository's site once into a temporary folder and returns its files.
    static let built: Result<[String: String], BuildFailure> = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("portal-real-\(UUID().uuidString)/Public")
        do throws(BuildFailure) {
            try Builder.build(realSiteOptions(output: output))
        } catch {
            return .failure(error)
        }
        var files: [String: String] = [:]
        for entry in FileTree.walk(output.path) where entry.kind == .file {
            if let text = try? String(contentsOfFile: output.path + "/" + entry.path, encoding: .utf8) { files[entry.path] = text }
        }
        try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
        return .success(files)
    }()

    /// `portal check` finds nothing wrong with the real site (its feed link included).
    @Test func theRealSitePassesTheLinkCheck() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("portal-check-\(UUID().uuidString)/Public")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let report = try LinkChecker.check(realSiteOptions(output: output))
        #expect(report.diagnostics.filter { $0.severity == .error }.map { $0.formatted() } == [])
    }

    func files() throws -> [String: String] {
        switch Self.built {
        case .success(let files): return files
        case .failure(let failure):
            Issue.record("the real site does not build: \(failure.diagnostics.map { $0.formatted() })")
            return [:]
        }
    }

    /// Text as a reader sees it: tags removed, entities decoded, no-break spaces as spaces.
    static func readable(_ html: String) -> String {
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; text.append(" ") } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "\u{00A0}", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    @Test func everyStageItemOfTheProgrammeIsOnTheStagePagesWordForWord() throws {
        let files = try files()
        let stagePages = files.filter { $0.key.hasPrefix("stages/") && $0.key.hasSuffix("index.html") && $0.key != "stages/index.html" }
        #expect(stagePages.count == 6)
        let text = stagePages.values.map(Self.readable).joined(separator: " ")
        let items = try String(contentsOf: testsDirectory.appendingPathComponent("Fixtures/programme-stage-items.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(items.count == 29)
        for item in items {
            // Typography may turn a spaced hyphen into a dash; the words stay the programme's.
            let normalised = item.replacingOccurrences(of: " – ", with: " — ").replacingOccurrences(of: " - ", with: " — ")
            #expect(text.contains(item) || text.contains(normalised), "missing: \(item)")
        }
    }

    /// The shipped data has no mentor without consent (CI builds it with --strict); the sample
    /// ones are appended to a copy of the site from Tests/Fixtures/withheld-mentors/.
    @Test func mentorsWithoutConsentAppearNowhere() throws {
        let mentors = try String(contentsOf: repositoryRoot.appendingPathComponent("Content/data/mentors.yml"), encoding: .utf8)
        #expect(!mentors.contains("\n  consent: false"))
        let files = try WithheldMentorsSite.build()
        #expect(files.count > 30)
        for (path, content) in files {
            for secret in ["sokolova-irina", "zaitsev-oleg", "Соколова", "Зайцев"] {
                #expect(!content.contains(secret), "\(secret) in \(path)")
            }
        }
        #expect(Self.readable(files["pairs/index.html"] ?? "").contains("наставник (данные не публикуются)"))
    }

    @Test func menteeRequestsStayOutOfTheSearchIndex() throws {
        let files = try files()
        let index = try #require(files["search-index.json"])
        #expect(index.utf8.count < 200_000)
        let mentees = try String(contentsOf: repositoryRoot.appendingPathComponent("Content/data/mentees.yml"), encoding: .utf8)
        let requests = mentees.split(separator: "\n").filter { $0.contains("request:") }
            .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
        #expect(!requests.isEmpty)
        for request in requests {
            #expect(!index.contains(String(request.prefix(40))), "mentee request in the index: \(request)")
        }
        #expect(Self.readable(files["mentees/index.html"] ?? "").contains(String(requests[0].prefix(30))), "but on the page")
    }

    @Test func theSiteHasEveryProgrammePage() throws {
        let files = try files()
        for page in ["index.html", "about/index.html", "stages/index.html", "forms/index.html", "mentors/index.html",
                     "mentees/index.html", "pairs/index.html", "cases/index.html", "documents/index.html",
                     "monitoring/index.html", "news/index.html", "contacts/index.html", "search/index.html", "404.html",
                     "sitemap.xml", "robots.txt", "news/atom.xml", "search-index.json"] {
            #expect(files[page] != nil, "missing \(page)")
        }
        #expect(files.keys.filter { $0.hasPrefix("cases/") && $0 != "cases/index.html" && $0.hasSuffix("index.html") }.count == 3)
        #expect(files.keys.filter { $0.hasPrefix("mentors/") && $0 != "mentors/index.html" && $0.hasSuffix("index.html") }.count == 10)
        #expect(files["monitoring/index.html"]?.contains("<svg") == true)
    }
}

@Suite struct ParallelBuildTests {
    @Test func aParallelBuildWritesExactlyWhatASerialOneDoes() throws {
        let parallel = try FixtureSite("programme")
        try parallel.build()
        let serial = try FixtureSite("programme")
        try Parallelism.$serial.withValue(true) { try serial.build() }
        let a = try parallel.snapshot().mapKeys { $0.replacingOccurrences(of: parallel.output.path, with: "") }
        let b = try serial.snapshot().mapKeys { $0.replacingOccurrences(of: serial.output.path, with: "") }
        #expect(a.count > 5)
        #expect(a == b)
    }
}

extension Dictionary {
    func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
