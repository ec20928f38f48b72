import Foundation
import PortalBuild
import PortalTemplates
import Testing

/// What Russian readers notice first, on the gymnasium's own site: no year or «г.» cut off by a
/// line break, initials and № kept together, ranges with an en dash, numbers the Russian way.
extension RealSiteTests {
    /// The text of a page that typography covers (tags dropped, `<script>` and `<style>` too),
    /// no-break spaces kept as they are.
    static func typesetText(_ html: String) -> String {
        var html = html
        for tag in ["script", "style"] {
            while let start = html.range(of: "<\(tag)"), let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex) {
                html.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false; text.append("\u{1}") } else if !inTag { text.append(ch) }
        }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func noYearNumberOrInitialIsCutOffByALineBreak() throws {
        let files = try files()
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 20)
        let rules: [(String, String)] = [
            ("\\d{4} г\\.", "a year and «г.» with a breaking space"),
            ("\\d{4} гг\\.", "years and «гг.» with a breaking space"),
            ("(^|[^А-Яа-яЁё])г\\. [А-ЯЁ]", "«г.» and the city's name with a breaking space"),
            ("№ ?\\d", "№ and its number without a no-break space"),
            ("(^|[^А-Яа-яЁё])[А-ЯЁ]\\. ?[А-ЯЁ]\\. [А-ЯЁ][а-яё]", "initials and a surname with a breaking space"),
            // (not in a web address written out, /report/2024-2025/, which stays as it is)
            ("(^|[^/\\d])(19|20)\\d\\d ?[-—] ?(19|20)\\d\\d\\b", "a range of years without an en dash"),
            ("т\\. ?д\\.|т\\.д\\.", "«т. д.» that may break"),
        ]
        var found: [String] = []
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            let text = Self.typesetText(html)
            for (pattern, what) in rules {
                if let range = text.range(of: pattern, options: .regularExpression) {
                    found.append("\(path): \(what): «\(text[range])»")
                }
            }
        }
        #expect(found.isEmpty, "\(found.count) places:\n\(found.prefix(20).joined(separator: "\n"))")
        // The checks see what they look for.
        #expect(Self.typesetText("<p>в 2025 г. и</p>").range(of: "\\d{4} г\\.", options: .regularExpression) != nil)
    }

    @Test func numbersAreWrittenTheRussianWay() throws {
        let files = try files()
        let monitoring = try #require(files["monitoring/index.html"])
        #expect(monitoring.contains("<strong>8,7</strong> из\u{A0}10"))
        #expect(!monitoring.contains("8.7"))
        #expect(RussianNumber.format(1250) == "1\u{202F}250")
        #expect(RussianNumber.format(2025) == "2\u{202F}025", "only counts come here, never years")
        #expect(RussianNumber.format(8.7) == "8,7")
        #expect(RussianNumber.format(4.0) == "4")
        #expect(RussianNumber.format(12500.25) == "12\u{202F}500,25")
        #expect(RussianNumber.fileSize(1_258_291) == "1,2\u{A0}МБ")
        #expect(RussianNumber.fileSize(350_000) == "342\u{A0}КБ")
        let counted = DisplayNumber.counts(in: ["count": 1250, "year": 2025, "list": [["total": 99, "count": 30000]]], keys: ["count", "total"])
        #expect(counted["count"]?.renderText == "1\u{202F}250")
        guard case .count = counted["count"] else { Issue.record("a count of 1250 is shown grouped"); return }
        #expect(counted["year"]?.int == 2025, "a year is never grouped")
        let inner = try #require(counted["list"]?.list?.first)
        #expect(inner["total"]?.int == 99, "below 1000 a count stays a number")
        #expect(inner["count"]?.renderText == "30\u{202F}000")
    }
}
