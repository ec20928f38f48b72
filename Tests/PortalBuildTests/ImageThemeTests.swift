import Foundation
import PortalBuild
import PortalCore
import Testing

/// Photos in the default theme: a news cover in the post, the news list, Open Graph, JSON-LD and
/// the feed; a mentor's photo and a case's cover as processed copies.
@Suite struct ImageThemeTests {
    /// A copy of the repository's own site (Content/ and Themes/) with photos added.
    static func realSiteWithPhotos() throws -> FixtureSite {
        let site = try FixtureSite("basic")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Themes"))
        for folder in ["Content", "Themes"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        let photo = testsDirectory.appendingPathComponent("Fixtures/images/gps-photo.jpg")
        for path in ["Content/news/start.jpg", "Content/images/mentors/ivanova-anna.jpg", "Content/images/case.jpg"] {
            try FileManager.default.copyItem(at: photo, to: site.root.appendingPathComponent(path))
        }
        let post = "Content/news/start-programmy.md"
        try site.write(post, try site.read(post).replacingOccurrences(
            of: "date: 2025-09-08\n", with: "date: 2025-09-08\ncover: start.jpg\ncover_alt: Наставники и куратор на первой встрече\n"))
        try site.write("Content/data/mentors.yml", try site.read("Content/data/mentors.yml")
            .replacingOccurrences(of: "photo: images/mentors/ivanova-anna.svg", with: "photo: images/mentors/ivanova-anna.jpg"))
        try site.write("Content/data/cases.yml", try site.read("Content/data/cases.yml").replacingOccurrences(
            of: "- id: pervyy-god-v-professii\n", with: "- id: pervyy-god-v-professii\n  cover: images/case.jpg\n  cover_alt: Открытый урок\n"))
        return site
    }

    @Test func aNewsCoverIsShownAndShared() throws {
        let site = try Self.realSiteWithPhotos()
        try site.build()
        let post = try site.html("news/start-programmy/index.html")
        // Open Graph: the cover's copy at its absolute address, before the site's own picture.
        #expect(post.contains(#"<meta property="og:image" content="https://gym9-stavropol.example.ru/news/start-480w.jpg">"#))
        #expect(post.range(of: "news/start-480w.jpg")!.lowerBound < post.range(of: "assets/og-image.png")!.lowerBound)
        #expect(post.contains(#"<meta property="og:image:width" content="480"><meta property="og:image:height" content="640">"#))
        // In the post the cover comes first: fetched at once.
        #expect(post.contains(#"<figure class="cover"><picture><source type="image/webp" srcset="/news/start-480w.webp 480w""#))
        #expect(post.contains(#"alt="Наставники и куратор на первой встрече" decoding="async"></picture></figure>"#))
        #expect(post.contains(#""image":""#) && post.contains(#"news/start-480w.jpg""#))
        // In the list it waits until it is scrolled to.
        let list = try site.html("news/index.html")
        #expect(list.contains(#"<div class="news-item__cover"><picture>"#))
        #expect(list.contains(#"alt="Наставники и куратор на первой встрече" loading="lazy" decoding="async">"#))
        let feed = try site.html("news/atom.xml")
        #expect(feed.contains(#"<link rel="enclosure" type="image/jpeg" length=""#) && feed.contains(#"news/start-480w.jpg"/>"#))
    }

    @Test func inASubfolderEveryPhotoAddressHasTheBasePath() throws {
        let site = try Self.realSiteWithPhotos()
        try site.write("Content/site.yml", try site.read("Content/site.yml").replacingOccurrences(
            of: "base_url: https://gym9-stavropol.example.ru/", with: "base_url: https://gym9-stavropol.example.ru/nastavnichestvo/"))
        try site.build()
        let post = try site.html("news/start-programmy/index.html")
        #expect(post.contains(#"<meta property="og:image" content="https://gym9-stavropol.example.ru/nastavnichestvo/news/start-480w.jpg">"#))
        #expect(post.contains(#"<source type="image/webp" srcset="/nastavnichestvo/news/start-480w.webp 480w""#))
        #expect(post.contains(#"<img src="/nastavnichestvo/news/start-480w.jpg" srcset="/nastavnichestvo/news/start-480w.jpg 480w""#))
        let mentor = try site.html("mentors/ivanova-anna/index.html")
        #expect(mentor.contains(#"srcset="/nastavnichestvo/images/mentors/ivanova-anna-480w.webp 480w""#))
        #expect(try site.html("news/atom.xml").contains(#"href="https://gym9-stavropol.example.ru/nastavnichestvo/news/start-480w.jpg"/>"#))
    }

    @Test func aMentorPhotoAndACaseCoverArePublishedAsCopies() throws {
        let site = try Self.realSiteWithPhotos()
        try site.build()
        let mentor = try site.html("mentors/ivanova-anna/index.html")
        #expect(mentor.contains(#"<picture><source type="image/webp" srcset="/images/mentors/ivanova-anna-480w.webp 480w" sizes="160px"><img class="avatar__img" src="/images/mentors/ivanova-anna-480w.jpg""#))
        // The mentor's own page shows the photo first; the list of mentors lazily.
        #expect(!mentor.contains(#"class="avatar__img" src="/images/mentors/ivanova-anna-480w.jpg" srcset="/images/mentors/ivanova-anna-480w.jpg 480w" sizes="160px" alt="Портрет-заглушка с инициалами «АИ» на бирюзовом круге" width="160" height="160" loading="lazy""#))
        let mentors = try site.html("mentors/index.html")
        #expect(mentors.contains(#"sizes="160px" alt="Портрет-заглушка с инициалами «АИ» на бирюзовом круге" width="160" height="160" loading="lazy" decoding="async"></picture>"#))
        let caseItem = try site.html("cases/pervyy-god-v-professii/index.html")
        #expect(caseItem.contains(#"<figure class="cover"><picture><source type="image/webp" srcset="/images/case-480w.webp 480w""#))
        // The originals' addresses hold the stripped copies.
        let published = try Data(contentsOf: site.output.appendingPathComponent("images/mentors/ivanova-anna.jpg"))
        #expect(published.range(of: Data("GPS".utf8)) == nil && published.range(of: Data("Exif".utf8)) == nil)
    }
}
