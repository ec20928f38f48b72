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
        #expect(site.errors() == [
            "Content/data/mentees.yml:5:3: error: mentees[0].фио: personal data (\"фио\") is not allowed in mentees.yml: the mentee bank is published, so it holds only anonymous requests (category, request, form, count); keep names and contacts in the school's internal records",
        ])
    }

    @Test func caseNamingAnUnknownMentor() throws {
        let site = try FixtureSite("programme")
        let cases = try site.read("Content/data/cases.yml")
        try site.write("Content/data/cases.yml", cases.replacingOccurrences(of: "mentors: [ivanova-anna, hidden-mentor]", with: "mentors: [ivanova-ana]"))
        #expect(site.errors() == [
            "Content/data/cases.yml:5:13: error: cases[0].mentors: there is no \"ivanova-ana\" in mentors.yml (did you mean \"ivanova-anna\"?)",
        ])
    }

    @Test func duplicateIdsNameBothPlaces() throws {
        let site = try FixtureSite("programme")
        try site.write("Content/data/forms.yml", """
        - {id: teacher-teacher, title: a, mentor: b, mentee: c, goals: []}
        - {id: teacher-teacher, title: d, mentor: e, mentee: f, goals: []}
        """)
        #expect(site.errors() == [
            "Content/data/forms.yml:2:8: error: forms[1].id: \"teacher-teacher\" is already used at Content/data/forms.yml:1:8",
        ])
    }

    /// Every schema rejects a value of the wrong type and names the key path.
    @Test(arguments: [
        ("stages.yml", "number: 2", "number: второй", "Content/data/stages.yml:8:11: error: stages[1].number: expected a whole number, found \"второй\""),
        ("stages.yml", "status: done", "status: finished", "Content/data/stages.yml:7:11: error: stages[0].status: expected one of done, in_progress, planned, found \"finished\""),
        ("forms.yml", "goals: [адаптация]", "goals: адаптация", "Content/data/forms.yml:5:10: error: forms[0].goals: expected a list, found \"адаптация\""),
        ("mentors.yml", "consent: true", "consent: да", "Content/data/mentors.yml:10:12: error: mentors[0].consent: expected true or false, found \"да\""),
        ("mentees.yml", "count: 3", "count: три", "Content/data/mentees.yml:4:10: error: mentees[0].count: expected a whole number, found \"три\""),
        ("pairs.yml", "start: 2025-09-15", "start: 15.09.2025", "Content/data/pairs.yml:6:10: error: pairs[0].start: expected a date like 2025-09-01, found \"15.09.2025\""),
        ("cases.yml", "year: 2025", "year: [2025]", "Content/data/cases.yml:3:9: error: cases[0].year: expected a whole number, found a list"),
        ("documents.yml", "date: 2025-08-30", "date: вчера", "Content/data/documents.yml:4:9: error: documents[0].date: expected a date like 2025-09-01, found \"вчера\""),
        ("monitoring.yml", "value: 4.6", "value: высоко", "Content/data/monitoring.yml:6:58: error: monitoring[0].scores[0].value: expected a number, found \"высоко\""),
    ])
    func schemaRejectsWrongType(file: String, from: String, to: String, expected: String) throws {
        let site = try FixtureSite("programme")
        let text = try site.read("Content/data/\(file)")
        #expect(text.contains(from))
        try site.write("Content/data/\(file)", text.replacingOccurrences(of: from, with: to))
        #expect(site.errors() == [expected])
    }

    @Test func unknownKeyInDataIsAnError() throws {
        let site = try FixtureSite("programme")
        let text = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", text.replacingOccurrences(of: "  experience_years: 18", with: "  experiense_years: 18"))
        let errors = site.errors()
        #expect(errors.first == "Content/data/mentors.yml:1:3: error: mentors[0].experience_years: required key is missing (expected a whole number)")
        #expect(errors.dropFirst().first?.hasPrefix("Content/data/mentors.yml:7:3: error: mentors[0].experiense_years: unknown key (did you mean \"experience_years\"?)") == true)
    }

    @Test func photoNeedsAltText() throws {
        let site = try FixtureSite("programme")
        try site.write("Content/images/anna.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
        let text = try site.read("Content/data/mentors.yml")
        try site.write("Content/data/mentors.yml", text.replacingOccurrences(of: "  consent: true", with: "  photo: images/anna.svg\n  consent: true"))
        #expect(site.errors() == [
            "Content/data/mentors.yml:10:10: error: mentors[0].photo: a photo needs a description for people who cannot see it: add photo_alt",
        ])
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
