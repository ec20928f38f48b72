@testable import PortalProgramme
import PortalTemplates
import Testing

/// The programme's derived views, on entries as the build resolves them.
@Suite struct ProgrammeDataTests {
    @Test func chartsPutTeacherTeacherFirstAndScaleBarsToTheLargestCount() throws {
        let forms: [String: ProgrammeData.Entry] = [
            "student-student": ["title": "Ученик — ученик"], "teacher-teacher": ["title": "Учитель — учитель"],
        ]
        let years: [ProgrammeData.Entry] = [
            ["year": "2025/2026", "pairs": ["student-student": 10, "teacher-teacher": 5, "other": 2],
             "scores": [["indicator": "Удовлетворённость", "value": "8.7", "max": "10"]]],
        ]
        let chart = Charts.monitoring(years, forms: forms)
        let row = try #require(chart["years"]?.list?.first)
        let bars = try #require(row["bars"]?.list)
        #expect(bars.map { $0["form_id"]?.text } == ["teacher-teacher", "student-student", "other"])
        #expect(bars.map { $0["width"]?.int } == [150, 300, 60])
        #expect(bars.map { $0["y"]?.int } == [0, 28, 56])
        #expect(bars.last?["form"]?.text == "other", "a form without an entry is shown by its id")
        #expect(row["pairs_total"]?.int == 17)
        let score = try #require(row["score_list"]?.list?.first)
        #expect(score["value_ru"]?.text == "8,7" && score["percent"]?.int == 87 && score["width"]?.int == 261)
        #expect(chart["has_years"]?.bool == true)
    }

    @Test func aMentorHasTheirPairsAndCasesAndIsGroupedByCategory() throws {
        let anna: ProgrammeData.Entry = ["id": "anna", "name": "Анна", "category": "Учителя"]
        let boris: ProgrammeData.Entry = ["id": "boris", "name": "Борис", "category": "Ученики"]
        let pairs: [ProgrammeData.Entry] = [
            ["id": "p1", "mentee": "7 класс", "status": "active", "mentors": [.map(anna), .map(ProgrammeData.withheldPlaceholder(in: "mentors"))]],
        ]
        let cases: [ProgrammeData.Entry] = [["title": "Кейс", "url": "/cases/k/", "year": 2025, "mentors": [.map(anna)]]]
        let mentors = ProgrammeData.mentorViews([anna, boris], pairs: pairs, cases: cases)
        #expect(mentors[0]["mentor_pairs"]?.list?.first?["is_active"]?.bool == true)
        #expect(mentors[0]["mentor_cases"]?.list?.first?["url"]?.text == "/cases/k/")
        #expect(mentors[1]["mentor_pairs"]?.list?.isEmpty == true)
        let groups = try #require(ProgrammeData.group(mentors, by: "category").list)
        #expect(groups.map { $0["name"]?.text } == ["Учителя", "Ученики"])
        #expect(groups.map { $0["count"]?.int } == [1, 1])
    }

    @Test func aWithheldEntryIsAPlaceholderWithoutNameOrId() {
        let mentor = ProgrammeData.withheldPlaceholder(in: "mentors")
        #expect(mentor["name"]?.text == "наставник (данные не публикуются)")
        #expect(mentor["id"] == nil && mentor["published"]?.bool == false)
        #expect(ProgrammeData.withheldPlaceholder(in: "pairs")["title"]?.text == "(не опубликовано)")
    }

    @Test func stagesAreLabelledByTheirStatus() {
        let done = ProgrammeData.labelled(["status": "done"])
        #expect(done["is_done"]?.bool == true && done["is_current"]?.bool == false && done["status_ru"]?.text == "завершён")
        #expect(ProgrammeData.labelled(["status": "in_progress"])["status_ru"]?.text == "идёт сейчас")
        #expect(ProgrammeData.labelled(["status": "paused"])["status_ru"]?.text == "paused", "an unknown status is shown as written")
    }
}
