import Foundation
import PortalBuild
import PortalCore
import Testing

/// The programme's data contract: schemas, references and the rules that protect people.
@Suite struct ProgrammeTests {
    @Test func withheldMentorAppearsNowhereAndPairsShowThePlaceholder() throws {
        let site = try FixtureSite("programme")
        try site.build()
        for (path, data) in try site.snapshot() {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("hidden-mentor") && !text.contains("Скрытов"), "leaked in \(path)")
        }
        let page = try site.text("cases/pervyy-god/index.html")
        #expect(page.contains("<li><a href=\"/mentors/ivanova-anna/\">Иванова Анна Петровна</a></li><li>наставник (данные не публикуются)</li>"))
        #expect(try site.text("all/index.html").contains("para-1: Иванова Анна Петровна; наставник (данные не публикуются);"))
    }

    @Test func personalDataInMenteesIsRefusedWithTheReason() throws {
        let site = try FixtureSite("programme")
        try site.write("Content/data/mentees.yml", """
        - category: молодой специалист
          request: адаптация в коллективе
          form: teacher-teacher
          count: 3
          фио: Петрова Мария
        """)
        #expect(site.errorIDs() == ["Content/data/mentees.yml:5:3 data.mentee-personal-data"])
        #expect(site.errorDiagnostics().first?.message.arguments == ["key": "mentees[0].фио"])
    }

    @Test func caseNamingAnUnknownMentor() throws {
        let site = try FixtureSite("programme")
        let cases = try site.read("Content/data/cases.yml")
        try site.write("Content/data/cases.yml", cases.replacingOccurrences(of: "mentors: [ivanova-anna, hidden-mentor]", with: "mentors: [ivanova-ana]"))
        #expect(site.errorIDs() == ["Content/data/cases.yml:5:13 data.unknown-reference"])
        #expect(site.errorDiagnostics().first?.message.arguments
                == ["key": "cases[0].mentors", "id": "ivanova-ana", "file": "mentors.yml", "closest": "ivanova-anna"])
    }

    @Test func duplicateIdsNameBothPlaces() throws {
        let site = try FixtureSite("programme")
        try site.write("Content/data/forms.yml", """
        - {id: teacher-teacher, title: a, mentor: b, mentee: c, goals: []}
        - {id: teacher-teacher, title: d, mentor: e, mentee: f, goals: []}
        """)
        #expect(site.errorIDs() == ["Content/data/forms.yml:2:8 data.value-not-unique"])
        #expect(site.errorDiagnostics().first?.message.arguments
                == ["key": "forms[1].id", "value": "teacher-teacher", "first": "Content/data/forms.yml:1:8"])
    }

    /// Every schema rejects a value of the wrong type and names the key path, what it expected
    /// and what it found.
    @Test(arguments: [
        ("stages.yml", "number: 2", "number: второй", "Content/data/stages.yml:8:11", "stages[1].number", "expect.whole-number", "value.text"),
        ("stages.yml", "status: done", "status: finished", "Content/data/stages.yml:7:11", "stages[0].status", "expect.one-of", "value.text"),
        ("forms.yml", "goals: [адаптация]", "goals: адаптация", "Content/data/forms.yml:5:10", "forms[0].goals", "expect.list", "value.text"),
        ("mentors.yml", "consent: true", "consent: да", "Content/data/mentors.yml:10:12", "mentors[0].consent", "expect.flag", "value.text"),
        ("mentees.yml", "count: 3", "count: три", "Content/data/mentees.yml:4:10", "mentees[0].count", "expect.whole-number", "value.text"),
        ("pairs.yml", "start: 2025-09-15", "start: 15.09.2025", "Content/data/pairs.yml:6:10", "pairs[0].start", "expect.date", "value.text"),
        ("cases.yml", "year: 2025", "year: [2025]", "Content/data/cases.yml:3:9", "cases[0].year", "expect.whole-number", "value.list"),
        ("documents.yml", "date: 2025-08-30", "date: вчера", "Content/data/documents.yml:4:9", "documents[0].date", "expect.date", "value.text"),
        ("monitoring.yml", "value: 4.6", "value: высоко", "Content/data/monitoring.yml:6:58", "monitoring[0].scores[0].value", "expect.number", "value.text"),
    ])
    func schemaRejectsWrongType(file: String, from: String, to: String, at: String, key: String, expected: String, found: String) throws {
        let site = try FixtureSite("programme")
        let text = try site.read("Content/data/\(file)")
        #expect(text.contains(from))
        try site.write("Content/data/\(file)", text.replacingOccurrences(of: from, with: to))
        let errors = site.errorDiagnostics()
        #expect(errors.map(\.said) == ["\(at) data.wrong-type"])
        #expect(errors.first?.message.arguments["key"] == key)
        #expect(errors.first?.message.arguments["expected"] == expected)
        #expect(errors.first?.message.arguments["found"] == found)
    }

    @Test func unknownKeyInDataIsAnError() throws {
        let site = try FixtureSite("programme")
        let text = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", text.replacingOccurrences(of: "  experience_years: 18", with: "  experiense_years: 18"))
        let errors = site.errorDiagnostics()
        #expect(errors.map(\.said) == ["Content/data/mentors.yml:1:3 data.required-key-missing", "Content/data/mentors.yml:7:3 data.unknown-key"])
        #expect(errors.first?.message.arguments == ["key": "mentors[0].experience_years", "expected": "expect.whole-number"])
        #expect(errors.last?.message.arguments["closest"] == "experience_years")
    }

    @Test func photoNeedsAltText() throws {
        let site = try FixtureSite("programme")
        try site.write("Content/images/anna.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
        let text = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", text.replacingOccurrences(of: "  consent: true", with: "  photo: images/anna.svg\n  consent: true"))
        #expect(site.errorIDs() == ["Content/data/mentors.yml:10:10 data.photo-alt-missing"])
    }

    @Test func photoOfAWithheldMentorIsNotCopied() throws {
        let site = try FixtureSite("programme")
        try site.write("Content/images/secret.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
        let text = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", text.replacingOccurrences(
            of: "  consent: false", with: "  photo: images/secret.svg\n  photo_alt: портрет\n  consent: false"))
        try site.build()
        #expect(!site.exists("images/secret.svg"))
    }

    @Test func siteWithoutCasesAndMonitoringBuilds() throws {
        let site = try FixtureSite("programme")
        try site.remove("Content/data/cases.yml")
        try site.remove("Content/data/monitoring.yml")
        try site.build()
        #expect(!site.exists("cases/pervyy-god/index.html"))
        #expect(site.exists("stages/zapusk/index.html"))
    }
}
