import Foundation
import PortalBuild
import PortalCore
import Testing

/// The annual report: one page per school year with data, its tables as CSV, linked from monitoring.
@Suite struct ReportTests {
    @Test func eachSchoolYearWithDataHasAReportWithItsTablesAsCSV() throws {
        let site = try ConsentTests.realSiteCopy()
        try site.build(today: "2026-01-15")
        #expect(site.exists("report/2024-2025/index.html"))
        #expect(site.exists("report/2025-2026/index.html"))
        #expect(!site.exists("report/2026-2027/index.html"))
        let page = try site.text("report/2025-2026/index.html")
        #expect(page.contains("<h1 class=\"page-title\" id=\"page-title\">Отчёт о реализации программы наставничества за 2025/2026 учебный год</h1>"))
        // Pairs counted from pairs.yml, on the page and in its CSV alike.
        #expect(page.contains("<tr><th scope=\"row\">Учитель — учитель</th><td>2</td></tr>"))
        // UTF-8 with the BOM that makes Excel read Cyrillic, `;` between cells as Russian Excel expects.
        let bytes = try Data(contentsOf: site.output.appendingPathComponent("report/2025-2026/pairs.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let pairs = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(pairs.hasPrefix("Форма наставничества;Пар и групп\r\nУчитель — учитель;2\r\n"))
        #expect(pairs.contains("Начали работу в этом учебном году;2\r\n"))
        // 2024/2025: both pairs of that year completed in it; its case and its news.
        let earlier = try site.text("report/2024-2025/index.html")
        #expect(earlier.contains("<tr><th scope=\"row\">Завершили работу в этом учебном году</th><td>2</td></tr>"))
        #expect(earlier.contains("<li><a href=\"/cases/pervyy-god-v-professii/\">Первый год в профессии: от адаптации до открытого урока</a>"))
        #expect(earlier.contains("<time datetime=\"2025-05-28\">"))
        #expect(!page.contains("/cases/pervyy-god-v-professii/"), "a 2025 case belongs to 2024/2025")
        // Linked from monitoring.
        let monitoring = try site.html("monitoring/index.html")
        #expect(monitoring.contains("<a href=\"/report/2025-2026/\">2025/2026 учебный год</a>"))
    }

    @Test func aSiteWithoutAReportSectionHasNoReportPages() throws {
        let site = try FixtureSite("programme")
        try site.build()
        #expect(!site.exists("report"))
    }
}

extension ReportTests {
    /// In a subfolder of the school's site the report keeps its tables and its links.
    @Test func aReportUnderABasePath() throws {
        let site = try ConsentTests.realSiteCopy()
        var options = BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!)
        options.baseURL = "https://school.example.ru/nastavnichestvo/"
        try Builder.build(options)
        let page = try site.text("report/2025-2026/index.html")
        #expect(page.contains("<tr><th scope=\"row\">Учитель — учитель</th><td>2</td></tr>"))
        #expect(page.contains("<a href=\"/nastavnichestvo/report/2025-2026/pairs.csv\" download>"))
        let monitoring = try site.html("monitoring/index.html")
        #expect(monitoring.contains("<a href=\"/nastavnichestvo/report/2025-2026/\">2025/2026 учебный год</a>"))
        let mentees = try site.text("mentees/index.html")
        #expect(mentees.contains("href=\"/nastavnichestvo/contacts/\">Найти наставника"))
    }
}
