import Foundation
import PortalBuild
import PortalMarkdown
import Testing

/// The Markdown stage against outside standards: the CommonMark spec's 655 examples and the
/// GFM spec's table examples (Tests/Fixtures/conformance, CC BY-SA 4.0), through the code path
/// of `portal render` (in process: 655 processes would be slow; CommandLine tests below run the
/// command itself).
@Suite struct ConformanceTests {
    struct Example: Decodable {
        var section: String
        var markdown: String
        var html: String
    }

    static func examples(_ file: String) throws -> [Example] {
        let url = testsDirectory.appendingPathComponent("Fixtures/conformance/\(file)")
        return try JSONDecoder().decode([Example].self, from: Data(contentsOf: url))
    }

    /// Examples of spec 0.31.2 that Debian's libcmark 0.30.2 itself renders otherwise (checked
    /// with `cmark_markdown_to_html` alone): 356, spec 0.31 counts Unicode symbols (£ €) as
    /// punctuation for emphasis; 627 and 628, 0.31 changed what an HTML comment is (`<!-->`,
    /// `<!--->`, `--` inside), section "Raw HTML".
    static let libcmarkDiffers: Set<Int> = [356, 627, 628]

    @Test func commonMarkExamplesKeepTheirHTML() throws {
        let examples = try Self.examples("commonmark-0.31.2.json")
        #expect(examples.count == 655)
        var failures: [String] = []
        var differing: Set<Int> = []
        for (index, example) in examples.enumerated() {
            let number = index + 1
            let output = MarkdownStage.render(example.markdown, options: .init(typography: false, unsafeHTML: true))
            if HTMLNormalizer.normalize(output.html) != HTMLNormalizer.normalize(example.html) {
                differing.insert(number)
                if !Self.libcmarkDiffers.contains(number) {
                    failures.append("example \(number) (\(example.section)):\n\(example.markdown)\nexpected \(example.html)\ngot      \(output.html)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) examples differ:\n\(failures.prefix(5).joined(separator: "\n"))")
        // The list of libcmark's own differences stays exact: a fixed libcmark shortens it.
        #expect(differing == Self.libcmarkDiffers)
    }

    @Test func typographyChangesTextNeverStructure() throws {
        let examples = try Self.examples("commonmark-0.31.2.json")
        var changed: [String] = []
        for (index, example) in examples.enumerated() {
            let plain = MarkdownStage.render(example.markdown, options: .init(typography: false, unsafeHTML: true)).html
            let typeset = MarkdownStage.render(example.markdown, options: .init(typography: true, unsafeHTML: true)).html
            if HTMLNormalizer.structure(plain) != HTMLNormalizer.structure(typeset) {
                changed.append("example \(index + 1): \(plain) → \(typeset)")
            }
        }
        #expect(changed.isEmpty, "\(changed.count) examples changed structure:\n\(changed.prefix(5).joined(separator: "\n"))")
        // The check sees a change of structure when there is one.
        #expect(HTMLNormalizer.structure("<p>a</p>") != HTMLNormalizer.structure("<p><em>a</em></p>"))
    }

    @Test func gfmTableExamplesPass() throws {
        let examples = try Self.examples("gfm-tables.json")
        #expect(examples.count == 8)
        for (index, example) in examples.enumerated() {
            let output = MarkdownStage.render(example.markdown, options: .init(typography: false))
            // portal wraps each table in a box that scrolls on a phone; GFM's HTML has none.
            let unwrapped = HTMLNormalizer.unwrapTableBoxes(output.html)
            #expect(HTMLNormalizer.normalize(unwrapped) == HTMLNormalizer.normalize(example.html),
                    "GFM table example \(index + 1):\n\(example.markdown)\ngot \(output.html)")
            if example.html.contains("<table>") {
                #expect(output.html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Таблица: "))
                #expect(output.html.contains("<th scope=\"col\""))
            }
        }
    }

    @Test func tableCellsKeepAlignmentAndTypographySparesTheDelimiterRow() {
        let output = MarkdownStage.render("| Годы | Пары |\n|:--|--:|\n| 2025 - 2026 | \"Учитель - ученик\" |\n")
        #expect(output.html.contains("<th scope=\"col\" style=\"text-align: left\">Годы</th>"))
        #expect(output.html.contains("<td style=\"text-align: right\">«Учитель\u{A0}— ученик»</td>"))
        #expect(output.html.contains("<td style=\"text-align: left\">2025–2026</td>"))
        #expect(!output.html.contains("—|") && !output.html.contains("|"))
    }

    @Test func tablesAfterAParagraphInQuotesAndListsWithReferenceLinks() {
        let html = MarkdownStage.render("""
        Расписание:
        | День | Время |
        |---|---|
        | [Пн][пн] | 14:00 |

        > | a | b |
        > |---|---|
        > | 1 | 2 |

        - | l | m |
          |---|---|
          | # 1 | - 2 |

        [пн]: /raspisanie/
        """, options: .init(typography: false)).html
        #expect(html.hasPrefix("<p>Расписание:</p>\n<div class=\"table-wrap\""))
        #expect(html.contains("<td><a href=\"/raspisanie/\">Пн</a></td>"))
        #expect(html.contains("<blockquote>\n<div class=\"table-wrap\""))
        #expect(html.contains("<li>\n<div class=\"table-wrap\""))
        #expect(html.contains("<td># 1</td>\n<td>- 2</td>"))
        // A link in a cell is reported where it stands.
        let links = Markdown.render("| a |\n|---|\n| б [x](y.md) |\n").links
        #expect(links.map { "\($0.line):\($0.column)" } == ["3:5"])
    }

    @Test func renderCommandReadsStdinAndWarnsAboutLinksItCannotResolve() throws {
        let binary = try #require(CommandLineTests.binary, "build the portal executable first (swift build)")
        let site = try FixtureSite()
        try site.write("Content/about-table.md", "---\ntitle: Таблица\n---\n")
        let run = try Self.run(binary, ["render", "--root", site.root.path],
                               stdin: "# Итоги\n\n| Этап | Срок |\n|---|---|\n| [отбор](about-table.md) | 2025 г. |\n\n[нет](missing.md)\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("<h1 id=\"itogi\">Итоги</h1>"))
        #expect(run.stdout.contains("<td><a href=\"/about-table/\">отбор</a></td>"))
        #expect(run.stdout.contains("<td>2025\u{A0}г.</td>"))
        #expect(run.stdout.contains("<a href=\"missing.md\">нет</a>"))
        #expect(run.stderr.contains("stdin.md:7:1: warning:"))
        #expect(run.stderr.contains("missing.md"))

        let plain = try Self.run(binary, ["render", "--no-typography"], stdin: "\"a\" -- b\n\n<b>x</b>\n")
        #expect(plain.stdout == "<p>&quot;a&quot; -- b</p>\n<!-- raw HTML omitted -->\n" || plain.stdout == "<p>&quot;a&quot; -- b</p>\n<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
        let unsafe = try Self.run(binary, ["render", "--no-typography", "--unsafe-html"], stdin: "<b>x</b>\n")
        #expect(unsafe.stdout == "<p><b>x</b></p>\n")
    }

    static func run(_ binary: URL, _ arguments: [String], stdin: String) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// The normalisation of the CommonMark spec's own test runner (test/normalize.py): whitespace
/// collapsed outside `<pre>` and dropped around block tags, only `href`, `src`, `alt` and
/// `title` kept among attributes, sorted.
enum HTMLNormalizer {
    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button", "object",
        "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div", "section", "dl",
        "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead",
        "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]
    static let significant: Set<String> = ["href", "src", "alt", "title"]

    enum Token {
        case text(String)
        case tag(name: String, closing: Bool, attributes: [(String, String?)], raw: String)
        case other(String)
    }

    static func tokens(_ html: String) -> [Token] {
        var tokens: [Token] = []
        var text = ""
        var i = html.startIndex
        while i < html.endIndex {
            if html[i] == "<", let end = tagEnd(html, from: i) {
                if !text.isEmpty { tokens.append(.text(text)); text = "" }
                let raw = String(html[i..<end])
                tokens.append(parseTag(raw))
                i = end
            } else {
                text.append(html[i])
                i = html.index(after: i)
            }
        }
        if !text.isEmpty { tokens.append(.text(text)) }
        return tokens
    }

    static func tagEnd(_ html: String, from start: String.Index) -> String.Index? {
        let rest = html[start...]
        if rest.hasPrefix("<!--") {
            guard let close = rest.dropFirst(4).range(of: "-->") else { return nil }
            return close.upperBound
        }
        let second = rest.dropFirst().first
        guard let second, second.isLetter || second == "/" || second == "!" || second == "?" else { return nil }
        var quote: Character?
        var j = html.index(after: start)
        while j < html.endIndex {
            let c = html[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return html.index(after: j)
            }
            j = html.index(after: j)
        }
        return nil
    }

    static func parseTag(_ raw: String) -> Token {
        var body = raw.dropFirst().dropLast()
        let closing = body.hasPrefix("/")
        if closing { body = body.dropFirst() }
        guard let first = body.first, first.isLetter else { return .other(raw) }
        let name = String(body.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })).lowercased()
        var rest = body.dropFirst(name.count)
        var attributes: [(String, String?)] = []
        while true {
            rest = rest.drop(while: { $0.isWhitespace || $0 == "/" })
            guard !rest.isEmpty else { break }
            let key = String(rest.prefix(while: { !$0.isWhitespace && $0 != "=" && $0 != "/" })).lowercased()
            rest = rest.dropFirst(max(key.count, 1))
            var value: String?
            if rest.first == "=" {
                rest = rest.dropFirst()
                if let q = rest.first, q == "\"" || q == "'" {
                    let inner = rest.dropFirst().prefix(while: { $0 != q })
                    value = String(inner)
                    rest = rest.dropFirst(inner.count + 2)
                } else {
                    let inner = rest.prefix(while: { !$0.isWhitespace })
                    value = String(inner)
                    rest = rest.dropFirst(inner.count)
                }
            }
            attributes.append((key, value))
        }
        return .tag(name: name, closing: closing, attributes: attributes, raw: raw)
    }

    static func normalize(_ html: String) -> String {
        var output = ""
        var inPre = false
        var last: (kind: String, tag: String) = ("", "")
        for token in tokens(html) {
            switch token {
            case .text(var data):
                let afterTag = last.kind == "start" || last.kind == "end"
                let afterBlock = afterTag && blockTags.contains(last.tag)
                if afterTag && last.tag == "br" { data = String(data.drop(while: { $0 == "\n" })) }
                if !inPre { data = data.replacingOccurrences(of: "[ \\t\\n\\r\\f]+", with: " ", options: .regularExpression) }
                if afterBlock && !inPre {
                    if last.kind == "start" { data = String(data.drop(while: { $0 == " " })) }
                    else { data = data.trimmingCharacters(in: .whitespaces) }
                }
                output += data
                last = ("data", "")
            case .tag(let name, let closing, let attributes, _):
                if closing {
                    if name == "pre" { inPre = false } else if blockTags.contains(name) { output = trimEnd(output) }
                    output += "</\(name)>"
                    last = ("end", name)
                } else {
                    if name == "pre" { inPre = true }
                    if blockTags.contains(name) { output = trimEnd(output) }
                    output += "<\(name)"
                    for (key, value) in attributes.filter({ significant.contains($0.0) }).sorted(by: { $0.0 < $1.0 }) {
                        output += " \(key)"
                        if let value { output += "=\"\(value)\"" }
                    }
                    output += ">"
                    last = ("start", name)
                }
            case .other(let raw):
                output += raw
                last = ("other", "")
            }
        }
        return output
    }

    static func trimEnd(_ text: String) -> String {
        var text = text
        while let c = text.last, c.isWhitespace && c != "\u{A0}" { text.removeLast() }
        return text
    }

    /// The elements alone, in order, with the attributes that say where things lead: what
    /// typography must never change.
    static func structure(_ html: String) -> [String] {
        tokens(html).compactMap { token in
            guard case .tag(let name, let closing, let attributes, _) = token else { return nil }
            let kept = attributes.filter { $0.0 == "href" || $0.0 == "src" }.map { "\($0.0)=\($0.1 ?? "")" }
            return (closing ? "/" : "") + name + " " + kept.joined(separator: " ")
        }
    }

    /// A table without portal's scroll box around it.
    static func unwrapTableBoxes(_ html: String) -> String {
        html.replacingOccurrences(of: "<div class=\"table-wrap\"[^>]*>\n", with: "", options: .regularExpression)
            .replacingOccurrences(of: "</table>\n</div>", with: "</table>")
    }
}
