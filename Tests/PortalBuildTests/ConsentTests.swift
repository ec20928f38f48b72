import Foundation
import PortalBuild
import PortalCore
import PortalProgramme
import Testing

/// Consent from signature to withdrawal (152-ФЗ), on a copy of the repository's own site.
@Suite struct ConsentTests {
    /// The real site's Content/ and Themes/ copied into a folder of this test.
    static func realSiteCopy() throws -> FixtureSite {
        let site = try FixtureSite("basic")
        try FileManager.default.removeItem(at: site.root)
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        for folder in ["Content", "Themes"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        return site
    }

    /// The line of `text` in the real site's file (the sample data moves as it is edited).
    static func line(of text: String, in relative: String) throws -> Int {
        let lines = try String(contentsOf: repositoryRoot.appendingPathComponent(relative), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0 == text }) + 1
    }

    static func withdraw(_ id: String, on date: String, in site: FixtureSite) throws {
        let mentors = try site.read("Content/data/mentors.yml")
        let anchor = "- id: \(id)\n"
        #expect(mentors.contains(anchor))
        try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(of: anchor, with: anchor + "  consent_withdrawn: \(date)\n"))
    }

    @Test func aWithdrawnConsentRemovesThePersonFromEveryOutputFromThatDay() throws {
        let site = try Self.realSiteCopy()
        try Self.withdraw("orlova-marina", on: "2026-01-10", in: site)
        try Self.withdraw("melnikova-olga", on: "2026-01-10", in: site)

        // The day before: still published, photo and all.
        try site.build(today: "2026-01-09")
        #expect(site.exists("mentors/orlova-marina/index.html"))
        #expect(site.exists("images/mentors/orlova-marina.svg"))
        #expect(try site.text("cases/index.html").contains("Мельникова Ольга Игоревна"))

        // From the day: gone, and the build asks for the entry to be deleted.
        let report = try site.build(today: "2026-01-10")
        let warnings = report.warnings
        #expect(warnings.contains {
            $0.location?.path == "Content/data/mentors.yml" && $0.message.id == "data.consent-withdrawn"
                && $0.message.arguments == ["name": "orlova-marina", "date": "2026-01-10"]
        })
        // The news text naming her is the teacher's to change: the build says where.
        let newsLine = try Self.line(of: "- благодарственные письма гимназии получили Андрей Ильич Фёдоров и Ольга Игоревна Мельникова — наставники группы «Инженерные субботы» формы «работодатель — ученик»;", in: "Content/news/itogi-goda-nastavnichestva.md")
        #expect(warnings.contains {
            $0.said == "Content/news/itogi-goda-nastavnichestva.md:\(newsLine) programme.withdrawn-name-in-page"
                && $0.message.arguments["id"] == "melnikova-olga"
        })
        #expect(!site.exists("mentors/orlova-marina/index.html"))
        #expect(!site.exists("images/mentors/orlova-marina.svg"))
        #expect(try site.text("pairs/index.html").contains("наставник (данные не публикуются)"))

        // With the mention taken out of the news, no output names either of them anywhere
        // (pages, lists, pairs, cases, search index, sitemap, feed, JSON-LD).
        let news = try site.read("Content/news/itogi-goda-nastavnichestva.md")
        try site.write("Content/news/itogi-goda-nastavnichestva.md",
                       news.replacingOccurrences(of: "Андрей Ильич Фёдоров и Ольга Игоревна Мельникова — наставники", with: "наставники"))
        try site.build(today: "2026-01-10")
        for (path, data) in try site.snapshot() {
            let text = String(decoding: data, as: UTF8.self)
            for leak in ["orlova-marina", "Орлова", "melnikova-olga", "Мельникова", "Ольга Игоревна"] {
                #expect(!text.contains(leak), "\(leak) in \(path)")
            }
        }
        // --strict asks for the entries to be deleted.
        #expect(throws: BuildFailure.self) { try site.build(strict: true, today: "2026-01-10") }
    }

    @Test func theAuditListsEveryPublishedPersonalDatumWithItsConsent() throws {
        let site = try Self.realSiteCopy()
        let (items, _) = try Audit.run(BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!))
        let lines = items.map { PersonalDataAudit.line($0).english }
        let nameLine = try Self.line(of: "  name: Иванова Анна Сергеевна", in: "Content/data/mentors.yml")
        #expect(lines.contains("Content/data/mentors.yml:\(nameLine):9: ivanova-anna: name «Иванова Анна Сергеевна» — consent of 2025-09-02 (согласие № 1 от 02.09.2025)"))
        #expect(lines.contains { $0.hasPrefix("Content/data/mentors.yml:") && $0.contains("ivanova-anna: photo «images/mentors/ivanova-anna.svg»") })
        #expect(lines.contains { $0.hasPrefix("Content/data/cases.yml:") && $0.contains("ivanova-anna: cases.yml pervyy-god-v-professii: name") })
        let contactsLine = try Self.line(of: "- Иванова Анна Сергеевна — руководитель методического объединения учителей русского языка и литературы, методическое сопровождение формы «учитель — учитель»;", in: "Content/contacts.md")
        #expect(lines.contains { $0.hasPrefix("Content/contacts.md:\(contactsLine): ivanova-anna: page text: name") })
        // Nobody without consent, nobody withdrawn.
        #expect(!lines.contains { $0.contains("sokolova-irina") || $0.contains("zaitsev-oleg") })
        #expect(items.allSatisfy { $0.consentDate != nil })

        // A published person without a consent date is what the audit exists to find.
        let mentors = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", mentors.replacingOccurrences(of: "  consent_date: 2025-09-02\n", with: ""))
        let (after, _) = try Audit.run(BuildOptions(root: site.root, output: site.output, today: SimpleDate(parsing: "2026-01-15")!))
        #expect(Set(after.filter { $0.consentDate == nil }.map(\.person)) == ["ivanova-anna"])
    }
}

extension CommandLineTests {
    @Test func auditExitsOneWhenAPublishedPersonHasNoConsentDate() throws {
        let real = try ConsentTests.realSiteCopy()
        let ok = try run(["audit", "--root", real.root.path, "--today", "2026-01-15"])
        #expect(ok.status == 0)
        let nameLine = try ConsentTests.line(of: "  name: Иванова Анна Сергеевна", in: "Content/data/mentors.yml")
        #expect(ok.stdout.contains("Content/data/mentors.yml:\(nameLine):9: ivanova-anna: name «Иванова Анна Сергеевна» — согласие от 2 сентября 2025 г. (согласие № 1 от 02.09.2025)\n"))

        let basic = try FixtureSite()  // its mentors give consent: true but no consent_date
        let missing = try run(["audit", "--root", basic.root.path, "--today", "2026-01-15"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("НЕТ ДАТЫ СОГЛАСИЯ (consent_date)"))
        #expect(missing.stderr.contains("без даты согласия (consent_date) публикуются"))
    }

    /// Two people named on one line of a page are two lines of the report, in one order in every
    /// run (each process orders its dictionaries differently).
    @Test func theAuditIsTheSameInEveryRun() throws {
        let real = try ConsentTests.realSiteCopy()
        let first = try run(["audit", "--root", real.root.path, "--today", "2026-01-15"]).stdout
        let shared = first.split(separator: "\n").filter { $0.contains(": page text: name") }
            .map { $0.split(separator: " ").first! }
        #expect(Set(shared).count < shared.count, "the real site names two people on one line")
        for _ in 0..<3 {
            #expect(try run(["audit", "--root", real.root.path, "--today", "2026-01-15"]).stdout == first)
        }
    }
}
