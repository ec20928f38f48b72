import Foundation
import PortalBuild
import Testing

/// draft, publish_date and expiry_date on pages and data entries.
@Suite struct PublishingTests {
    @Test func futureAndExpiredPagesAreLeftOutUnlessAsked() throws {
        let site = try FixtureSite()
        try site.write("Content/news/soon.md", "---\ntitle: Скоро\npublish_date: 2026-02-01\n---\n")
        try site.write("Content/news/old.md", "---\ntitle: Старое\nexpiry_date: 2026-01-14\n---\n")
        try site.write("Content/news/lastday.md", "---\ntitle: Последний день\nexpiry_date: 2026-01-15\n---\n")
        let report = try site.build()
        #expect(!site.exists("news/soon/index.html"))
        #expect(!site.exists("news/old/index.html"))
        #expect(site.exists("news/lastday/index.html"))
        #expect(report.leftOut.map { "\($0.location): \($0.reason.english)" } == [
            "Content/news/draft-post.md: draft",
            "Content/news/old.md: expired on 2026-01-14",
            "Content/news/soon.md: to be published on 2026-02-01",
        ])

        try site.build(future: true)
        #expect(site.exists("news/soon/index.html") && site.exists("news/old/index.html"))
        try site.build(today: "2026-02-01")
        #expect(site.exists("news/soon/index.html"))
    }

    @Test func aDraftEntryTakesItsFilesWithIt() throws {
        let site = try FixtureSite("programme")
        try site.build()
        #expect(site.exists("documents/polozhenie.pdf"))
        let documents = try site.read("Content/data/documents.yml")
        try site.write("Content/data/documents.yml", documents + "  draft: true\n")
        try site.build()
        #expect(!site.exists("documents/polozhenie.pdf"), "the PDF of a draft document is not published")
        // Another, published entry showing the same file keeps it published.
        try site.write("Content/data/documents.yml", documents + "  draft: true\n"
            + documents.replacingOccurrences(of: "Положение о наставничестве", with: "Положение (копия)"))
        try site.build()
        #expect(site.exists("documents/polozhenie.pdf"))
    }

    @Test func dataEntriesHavePublishingDatesToo() throws {
        let site = try FixtureSite()
        let mentors = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(
            of: "  experience_years: 18\n", with: "  experience_years: 18\n  publish_date: 2026-03-01\n"))
        try site.build()
        #expect(!site.exists("mentors/ivanova-anna/index.html"))
        try site.build(future: true)
        #expect(site.exists("mentors/ivanova-anna/index.html"))
    }
}
