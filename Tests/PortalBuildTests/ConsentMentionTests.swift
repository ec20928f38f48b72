import Foundation
import PortalBuild
import PortalCore
import PortalProgramme
import Testing

/// A withdrawn person's name reaches the feed, the search index, lists and Open Graph from a
/// page's front matter and from data entries' text as surely as from a page's body: the build
/// and the audit look there too.
@Suite struct ConsentMentionTests {
    static let news = """
        ---
        title: Грамота наставнику
        description: "Грамоту получила Орлова М. В., наставник молодых учителей"
        date: 2025-12-01
        ---

        Поздравляем!

        """

    static func siteNamingOrlova() throws -> FixtureSite {
        let site = try ConsentTests.realSiteCopy()
        try site.write("Content/news/gramota.md", news)
        let cases = try site.read("Content/data/cases.yml")
        try site.write("Content/data/cases.yml", cases.replacingOccurrences(of: "  summary: Молодой учитель русского языка",
                                                                           with: "  summary: Вместе с М. В. Орлова молодой учитель русского языка"))
        return site
    }

    @Test func aWithdrawnNameInFrontMatterOrADataEntryIsReportedWhereItIsWritten() throws {
        let site = try Self.siteNamingOrlova()
        try ConsentTests.withdraw("orlova-marina", on: "2026-01-10", in: site)
        let warnings = try site.build(today: "2026-01-10").warnings
        #expect(warnings.contains {
            $0.said == "Content/news/gramota.md:3 programme.withdrawn-name-in-page"
                && $0.message.arguments == ["name": "Орлова Марина Викторовна", "id": "orlova-marina"]
        })
        let summaryLine = try ConsentTests.line(of: "  summary: Молодой учитель русского языка и литературы за один учебный год освоился в коллективе гимназии, выстроил работу с классами и провёл открытый урок для коллег.", in: "Content/data/cases.yml")
        #expect(warnings.map(\.said).contains("Content/data/cases.yml:\(summaryLine):12 programme.withdrawn-name-in-data"))
        // Those two are where the outputs got the name from.
        let leaks = try site.snapshot().filter { String(decoding: $0.value, as: UTF8.self).contains("Орлова") }.map(\.key)
        for output in ["/news/atom.xml", "/search-index.json", "/cases/index.html"] {
            #expect(leaks.contains { $0.hasSuffix(output) }, "\(output)")
        }
    }

    @Test func theAuditListsANameInFrontMatterAndInADataEntry() throws {
        let site = try Self.siteNamingOrlova()
        let (items, _) = try Audit.run(BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!))
        let lines = items.map { PersonalDataAudit.line($0).english }
        #expect(lines.contains { $0.hasPrefix("Content/news/gramota.md:3: orlova-marina: page text: name «Орлова Марина Викторовна»") })
        #expect(lines.contains { $0.hasPrefix("Content/data/cases.yml:") && $0.contains("orlova-marina: data text: name «Орлова Марина Викторовна»") })
    }
}

extension ConsentMentionTests {
    /// `photo: ./images/mentors/…` names the same file as `images/mentors/…`: withdrawn, it
    /// stays out of the site as surely.
    @Test func aWithdrawnMentorsPhotoStaysOutHoweverItsPathIsWritten() throws {
        let site = try ConsentTests.realSiteCopy()
        try ConsentTests.withdraw("orlova-marina", on: "2026-01-10", in: site)
        for written in ["./images/mentors/orlova-marina.svg", "images//mentors/./orlova-marina.svg"] {
            let mentors = try site.read("Content/data/mentors.yml")
            try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(
                of: #"photo: [^\n]*orlova-marina\.svg"#, with: "photo: \(written)", options: .regularExpression))
            try site.build(today: "2026-01-10")
            #expect(!site.exists("images/mentors/orlova-marina.svg"), "\(written)")
        }
    }
}
