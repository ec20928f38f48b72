import Foundation
import PortalBuild
import PortalCore
import Testing

/// Tests/Fixtures/hostile/<case>/ holds files laid over the basic fixture site, and
/// `expected.txt` the exact error lines (empty: the site must build). Nothing may crash, and a
/// failed build must write nothing.
@Suite struct HostileInputTests {
    static let directory = testsDirectory.appendingPathComponent("Fixtures/hostile")
    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.sorted() ?? []

    @Test(arguments: cases)
    func hostileFixture(_ name: String) throws {
        let site = try FixtureSite()
        let overlay = Self.directory.appendingPathComponent(name)
        let expected = try String(contentsOf: overlay.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        for entry in FileTree.walk(overlay.path) where entry.kind == .file && entry.path != "expected.txt" {
            let target = site.root.appendingPathComponent(entry.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: overlay.appendingPathComponent(entry.path), to: target)
        }
        #expect(site.errors() == expected)
        if !expected.isEmpty { #expect(!FileManager.default.fileExists(atPath: site.output.path)) }
    }

    @Test func symbolicLinkOutOfContentIsRefused() throws {
        let site = try FixtureSite()
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/passwd.txt").path,
                                                   withDestinationPath: "/etc/passwd")
        #expect(site.errorIDs() == ["Content/passwd.txt content.link-outside"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["target": "/etc/passwd"])
    }

    @Test func tenThousandMentorsBuild() throws {
        let site = try FixtureSite()
        var yaml = try site.read("Content/data/mentors.yml")
        for i in 0..<10_000 {
            yaml += """
            - id: m\(i)
              name: Наставник \(i)
              position: учитель
              category: педагог
              forms: [teacher-teacher]
              subjects: []
              experience_years: \(i % 40)
              competencies: []
              about: Текст \(i).
              consent: \(i % 10 != 0)

            """
        }
        try site.write("Content/data/mentors.yml", yaml)
        let report = try site.build()
        #expect(report.pages == 10 + 9_000)
        #expect(!site.exists("mentors/m10/index.html") && site.exists("mentors/m11/index.html"))
    }

    @Test func aLargeMarkdownFileBuilds() throws {
        let site = try FixtureSite()
        let paragraph = "Наставничество — перспективная образовательная технология, которая позволит передавать знания. "
        var body = "---\ntitle: Большая страница\n---\n"
        body.reserveCapacity(20_000_000)
        for i in 0..<20_000 { body += "## Раздел \(i)\n\n" + paragraph + paragraph + "\n\n" }
        try site.write("Content/big.md", body)
        try site.build()
        #expect(try site.html("big/index.html").contains("<h2 id=\"razdel-19999\">"))
    }

    @Test func dataReachesHTMLEscapedInTextAndAttributes() throws {
        let site = try FixtureSite()
        let mentors = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(
            of: "name: Иванова Анна Петровна", with: "name: \"<script>alert('x')</script> \\\" onmouseover=\\\"x\""))
        try site.write("Content/about.md", "---\ntitle: \"<img src=x onerror=alert(1)>\"\ndescription: \"\\\" onload=\\\"alert(1)\"\n---\n<script>alert(1)</script>\n")
        try site.build()
        for (path, data) in try site.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "unescaped script in \(path)")
            #expect(!html.contains("<img src=x"), "unescaped tag in \(path)")
            #expect(!html.contains("\" onmouseover=\"") && !html.contains("\" onload=\""), "attribute injection in \(path)")
        }
        #expect(try site.html("mentors/index.html").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    }
}
