import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortalCore
import Testing
@testable import PortalBuild

/// sitemap.xml, robots.txt and the Atom feed (`Feeds`): valid against the sitemaps.org schema,
/// well-formed Atom with what RFC 4287 requires, everything escaped, the same output every time.
@Suite struct FeedsTests {
    static let schema = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // PortalBuildTests
        .deletingLastPathComponent() // Tests
        .appendingPathComponent("Fixtures/schemas/sitemap.xsd")

    /// xmllint from PATH, nil when it is not installed (the schema tests are then skipped).
    static let xmllint: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/xmllint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func date(_ text: String) -> SimpleDate { SimpleDate(parsing: text)! }

    static let sampleEntries = [
        SitemapEntry(loc: "https://gym9.example.ru/news/itogi/", lastmod: date("2025-05-28")),
        SitemapEntry(loc: "https://gym9.example.ru/", lastmod: nil),
        SitemapEntry(loc: "https://gym9.example.ru/search/?q=a&b=<c>", lastmod: nil),
        SitemapEntry(loc: "https://gym9.example.ru/mentors/", lastmod: date("2025-09-01")),
        SitemapEntry(loc: "https://gym9.example.ru/mentors/", lastmod: date("2025-09-01")),
    ]

    /// Runs xmllint with `arguments` on `xml`; returns its exit status and messages.
    static func runXmllint(_ arguments: [String], xml: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("portal-feeds-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(xmllint))
        process.arguments = arguments + [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    // MARK: - Sitemap

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
    func sitemapValidatesAgainstTheSchema() throws {
        let xml = Feeds.sitemap(Self.sampleEntries)
        let result = try Self.runXmllint(["--noout", "--schema", Self.schema.path], xml: xml)
        #expect(result.status == 0, "xmllint: \(result.output)")
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
    func schemaRejectsABrokenSitemap() throws {
        // The schema is real: a <url> without <loc> and a bad date fail.
        let broken = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>вчера</lastmod></url></urlset>
            """
        let result = try Self.runXmllint(["--noout", "--schema", Self.schema.path], xml: broken)
        #expect(result.status != 0)
    }

    @Test func sitemapContent() {
        let xml = Feeds.sitemap(Self.sampleEntries)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"))
        #expect(xml.hasSuffix("</urlset>\n"))
        // Sorted by address, the duplicate dropped, dates as YYYY-MM-DD, & and <> escaped.
        let locs = xml.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(locs == [
            "https://gym9.example.ru/",
            "https://gym9.example.ru/mentors/",
            "https://gym9.example.ru/news/itogi/",
            "https://gym9.example.ru/search/?q=a&amp;b=%3Cc%3E",
        ])
        #expect(xml.contains("<loc>https://gym9.example.ru/mentors/</loc>\n    <lastmod>2025-09-01</lastmod>"))
        #expect(xml.contains("<loc>https://gym9.example.ru/</loc>\n  </url>"))
        #expect(Feeds.sitemap(Self.sampleEntries.reversed()) == xml)
    }

    @Test func sitemapEncodesNonASCIIAddresses() {
        let xml = Feeds.sitemap([SitemapEntry(loc: "https://gym9.example.ru/новости/", lastmod: nil)])
        #expect(xml.contains("<loc>https://gym9.example.ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/</loc>"))
    }

    @Test func robotsPointsToTheSitemap() {
        let robots = Feeds.robots(sitemapURL: "https://gym9.example.ru/sitemap.xml")
        #expect(robots == "User-agent: *\nDisallow:\n\nSitemap: https://gym9.example.ru/sitemap.xml\n")
    }

    // MARK: - Atom

    static let feed = AtomFeed(
        title: "Новости <программы> & \"наставничества\"",
        id: "https://gym9.example.ru/news/",
        selfURL: "https://gym9.example.ru/news/atom.xml",
        siteURL: "https://gym9.example.ru/news/",
        updated: date("2025-10-17"),
        authorName: "МБОУ гимназия №9 г. Ставрополя",
        entries: [
            AtomEntry(title: "Итоги <года> & \"награды\"", url: "https://gym9.example.ru/news/itogi/",
                      id: "https://gym9.example.ru/news/itogi/", published: date("2025-05-28"),
                      summary: "27 мая прошло «Финальное мероприятие» & награждение",
                      contentHTML: "<p>Текст с <a href=\"/cases/\">кейсами</a> &amp; наградами</p>"),
            AtomEntry(title: "В гимназии прошла «Школа наставника»", url: "https://gym9.example.ru/news/shkola/",
                      id: "https://gym9.example.ru/news/shkola/", published: date("2025-10-17"),
                      updated: date("2025-10-20"), summary: "", contentHTML: nil),
        ],
        subtitle: "Новости программы наставничества",
        language: "ru")

    @Test func atomHasWhatRFC4287Requires() throws {
        let root = try FeedXMLTree.parse(Feeds.atom(Self.feed))
        #expect(root.name == "feed")
        #expect(root.namespace == "http://www.w3.org/2005/Atom")
        #expect(root.attributes["xml:lang"] == "ru")
        #expect(root.child("id")?.text == "https://gym9.example.ru/news/")
        #expect(root.child("title")?.text == "Новости <программы> & \"наставничества\"")
        // The feed's date, moved forward to its newest entry's update.
        #expect(root.child("updated")?.text == "2025-10-20T00:00:00Z")
        #expect(root.child("author")?.child("name")?.text == "МБОУ гимназия №9 г. Ставрополя")
        let selfLink = root.children("link").first { $0.attributes["rel"] == "self" }
        #expect(selfLink?.attributes["href"] == "https://gym9.example.ru/news/atom.xml")
        #expect(selfLink?.attributes["type"] == "application/atom+xml")

        let entries = root.children("entry")
        try #require(entries.count == 2)
        // Newest first, whatever the input order.
        #expect(entries.map { $0.child("id")?.text } == ["https://gym9.example.ru/news/shkola/", "https://gym9.example.ru/news/itogi/"])
        for entry in entries {
            #expect(entry.child("id")?.text?.hasPrefix("https://") == true)
            #expect(entry.child("title")?.text?.isEmpty == false)
            #expect(entry.child("updated")?.text.map(Self.isRFC3339) == true)
            #expect(entry.children("link").contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"]?.hasPrefix("https://") == true })
        }
        let shkola = entries[0], itogi = entries[1]
        #expect(shkola.child("published")?.text == "2025-10-17T00:00:00Z")
        #expect(shkola.child("updated")?.text == "2025-10-20T00:00:00Z")
        #expect(shkola.child("summary") == nil) // empty summary left out; the alternate link suffices
        #expect(shkola.child("content") == nil)
        #expect(itogi.child("updated")?.text == "2025-05-28T00:00:00Z") // defaults to published
        #expect(itogi.child("title")?.text == "Итоги <года> & \"награды\"")
        #expect(itogi.child("summary")?.text == "27 мая прошло «Финальное мероприятие» & награждение")
        let content = try #require(itogi.child("content"))
        #expect(content.attributes["type"] == "html")
        #expect(content.attributes["xml:base"] == "https://gym9.example.ru/news/itogi/")
        #expect(content.text == "<p>Текст с <a href=\"/cases/\">кейсами</a> &amp; наградами</p>")
    }

    @Test func atomEscapesMarkup() {
        let xml = Feeds.atom(Self.feed)
        #expect(xml.contains("<title type=\"text\">Итоги &lt;года&gt; &amp; &quot;награды&quot;</title>"))
        #expect(!xml.contains("<года>"))
        #expect(xml.contains("&lt;p&gt;Текст с &lt;a href=&quot;/cases/&quot;&gt;кейсами&lt;/a&gt; &amp;amp; наградами&lt;/p&gt;"))
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
    func atomIsWellFormedForXmllint() throws {
        let result = try Self.runXmllint(["--noout"], xml: Feeds.atom(Self.feed))
        #expect(result.status == 0, "xmllint: \(result.output)")
    }

    @Test func atomWithoutEntriesIsStillAFeed() throws {
        var empty = Self.feed
        empty.entries = []
        let root = try FeedXMLTree.parse(Feeds.atom(empty))
        #expect(root.children("entry").isEmpty)
        #expect(root.child("id") != nil && root.child("updated") != nil)
    }

    @Test func controlCharactersAreDropped() throws {
        var feed = Self.feed
        feed.title = "Новости\u{01}\u{0B} программы"
        let root = try FeedXMLTree.parse(Feeds.atom(feed))
        #expect(root.child("title")?.text == "Новости программы")
    }

    @Test func deterministic() {
        var shuffled = Self.feed
        shuffled.entries.reverse()
        #expect(Feeds.atom(shuffled) == Feeds.atom(Self.feed))
        #expect(Feeds.timestamp(Self.date("2025-09-01")) == "2025-09-01T00:00:00Z")
    }

    static func isRFC3339(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
    }
}

/// A small element tree read with XMLParser (namespace-aware), enough to check a feed.
final class FeedXMLTree {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    var elements: [FeedXMLTree] = []
    var text: String? = nil

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    func child(_ name: String) -> FeedXMLTree? { elements.first { $0.name == name } }
    func children(_ name: String) -> [FeedXMLTree] { elements.filter { $0.name == name } }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `xml`; throws when it is not well-formed.
    static func parse(_ xml: String) throws -> FeedXMLTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Failure(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        return root
    }

    final class Builder: NSObject, XMLParserDelegate {
        var root: FeedXMLTree?
        var stack: [FeedXMLTree] = []
        var buffer = ""

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let element = FeedXMLTree(name: elementName, namespace: namespaceURI, attributes: attributeDict)
            stack.last?.elements.append(element)
            if root == nil { root = element }
            stack.append(element)
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            let element = stack.removeLast()
            if element.elements.isEmpty { element.text = buffer }
            buffer = ""
        }
    }
}

/// Descriptions made from a page's first paragraph (meta description, feeds, lists).
@Suite struct DescriptionTests {
    @Test func shortTextIsKeptWithSpacesCollapsed() {
        #expect(TextCutter.description.cut("  Цель\n программы —\tнаставничество. ") == "Цель программы — наставничество.")
        #expect(TextCutter.description.cut("") == "")
    }

    @Test func longTextIsCutAtAWordWithAnEllipsis() {
        let words = Array(repeating: "наставник,", count: 40).joined(separator: " ")
        let cut = TextCutter.description.cut(words)
        #expect(cut.hasSuffix("наставник…"), "the comma before the cut is dropped")
        #expect(cut.unicodeScalars.count <= 161)
        #expect(!cut.contains("  "))
        // Exactly at the limit: kept whole; one character more: cut before the last word.
        let exact = String(repeating: "а", count: 155) + " бвгд"
        #expect(TextCutter.description.cut(exact) == exact)
        #expect(TextCutter.description.cut(exact + "е") == String(repeating: "а", count: 155) + "…")
    }
}
