import Foundation
import PortalContent
import PortalCore
import PortalMarkdown
import PortalProgramme
import PortalYAML
import PropertyBased
import Testing

/// Random and hostile input for every parser a teacher's file goes through: none may crash,
/// each either works or says what is wrong. `make fuzz` runs these for longer
/// (PORTAL_FUZZ_COUNT inputs per property).
let fuzzCount = Int(ProcessInfo.processInfo.environment["PORTAL_FUZZ_COUNT"] ?? "") ?? 150

/// Pieces that break naive parsers: YAML and Markdown syntax, quotes, dashes, tabs, CR, BOM,
/// NUL, HTML, Cyrillic, long runs.
let fragments = [
    "---\n", "---", "...\n", ":", ": ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{FEFF}", "\0", "\"", "'", "«", "»", "„", "“",
    "-", " - ", " — ", "–", "[", "]", "{", "}", "#", "## ", "*", "_", "`", "```\n", "> ", "1. ", "- ", "|", ">",
    "&", "&amp;", "&quot;", "<", "<script>", "</p>", "<!--", "![", "](", ")", "(", "\\", "%", "@", "!", "?",
    "title", "title: ", "draft: true", "date: 2025-13-45", "order: x", "tags: [", "Этап", "наставник", "в", "№9",
    "ё", "Ё", "😀", "\u{0301}", "a", "1", "0x1F", ".inf", "~", "null", "yes", "no", "&#0;",
    String(repeating: "[", count: 50), String(repeating: "- ", count: 30), String(repeating: "> ", count: 40),
]
let hostileText = Gen.element(of: fragments).array(of: 0...40).map { $0.compactMap { $0 }.joined() }

@Suite struct FuzzTests {
    @Test func frontMatterSplitting() async {
        await propertyCheck(count: fuzzCount, input: hostileText) { text in
            do {
                let split = try FrontMatterSplit.split(text, path: "f.md")
                if split.yaml != nil { #expect(text.hasPrefix("---")) }
                #expect(split.bodyLine >= 1)
            } catch {
                #expect((error as? Diagnostic)?.location?.path == "f.md")
            }
        }
    }

    @Test func yamlDocuments() async {
        await propertyCheck(count: fuzzCount, input: hostileText) { text in
            do {
                _ = try YAMLDocument.parse(text, path: "d.yml")
            } catch {
                #expect((error as? Diagnostic)?.location?.path == "d.yml")
            }
        }
    }

    @Test func slugsAreAlwaysSafe() async {
        await propertyCheck(count: fuzzCount, input: hostileText) { text in
            guard let slug = Slug.make(text) else { return }
            #expect(!slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
            #expect(slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        }
    }

    @Test func markdownNeverLetsRawHTMLThrough() async {
        await propertyCheck(count: fuzzCount, input: hostileText) { text in
            let rendered = Markdown.render(text)
            #expect(!rendered.html.contains("<script>"))
            #expect(!rendered.html.contains("href=\"javascript:"))
            let ids = rendered.headings.map(\.id)
            #expect(Set(ids).count == ids.count, "heading ids are unique")
        }
    }

    @Test func typographyIsIdempotentAndKeepsMarkup() async {
        await propertyCheck(count: fuzzCount, input: hostileText) { text in
            let html = Markdown.render(text).html
            let once = RussianTypography.apply(toHTML: html)
            #expect(RussianTypography.apply(toHTML: once) == once)
            #expect(once.filter { $0 == "<" }.count == html.filter { $0 == "<" }.count)
        }
    }

    @Test func encodingDetectionNeverCrashes() async {
        await propertyCheck(count: fuzzCount, input: Gen.int(in: 0...255).array(of: 0...64)) { numbers in
            let bytes = numbers.map { UInt8($0) }
            do {
                let text = try SourceText.decode(Data(bytes), path: "b.md")
                #expect(!text.contains("\r"))
            } catch {
                #expect((error as? Diagnostic)?.formatted().hasPrefix("b.md") == true)
            }
        }
    }

    /// Whole data files through schema validation: a clear error or a site, never a crash.
    @Test func dataFilesThroughTheSchemas() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/data"), withIntermediateDirectories: true)
        try Data("title: T\nbase_url: https://example.org/\n".utf8).write(to: root.appendingPathComponent("Content/site.yml"))
        let entry = Gen.element(of: [
            "- id: a\n", "  name: ", "  consent: ", "true\n", "false\n", "  forms: [", "x]\n", "  experience_years: ", "5\n",
            "пять\n", "  about: |\n    текст\n", "  фио: Иванов\n", "- category: c\n  request: r\n  form: f\n  count: 1\n",
            "\n", "  ", "- ", ": ", "[", "{", "\t", "\"", "---\n",
        ]).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
        let files = Gen.element(of: ["mentors", "mentees", "forms", "cases", "stages", "other"])
        await propertyCheck(count: fuzzCount, input: entry, files) { text, file in
            let name = file ?? "other"
            let url = root.appendingPathComponent("Content/data/\(name).yml")
            try? Data(text.utf8).write(to: url)
            do {
                _ = try SiteLoader.load(root: root, model: Programme.dataModel)
            } catch {
                for diagnostic in (error as? BuildFailure)?.diagnostics ?? [] where diagnostic.severity == .error {
                    #expect(diagnostic.location?.path.hasPrefix("Content/") == true)
                }
            }
            try? FileManager.default.removeItem(at: url)
        }
    }
}
