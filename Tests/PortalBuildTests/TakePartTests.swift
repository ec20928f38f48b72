import Foundation
import PortalBuild
import PortalCore
import Testing

/// How to take part: where to apply for each form, a mentor's own pairs and cases.
@Suite struct TakePartTests {
    @Test func eachFormSaysWhereToApply() throws {
        let site = try ConsentTests.realSiteCopy()
        let forms = try site.read("Content/data/forms.yml")
        try site.write("Content/data/forms.yml", forms.replacingOccurrences(
            of: "- id: teacher-teacher\n", with: "- id: teacher-teacher\n  apply_url: https://forms.yandex.ru/u/nastavnik/\n"))
        try site.build(today: "2026-01-15")
        let mentors = try site.text("mentors/index.html")
        #expect(mentors.contains("<a class=\"button button--secondary\" href=\"https://forms.yandex.ru/u/nastavnik/\">Стать наставником<span class=\"visually-hidden\">:</span> Учитель — учитель</a>"))
        #expect(mentors.contains("<a class=\"button button--secondary\" href=\"/contacts/\">Стать наставником<span class=\"visually-hidden\">:</span> Ученик — ученик</a>"))
        let mentees = try site.text("mentees/index.html")
        #expect(mentees.contains("<a class=\"button button--secondary\" href=\"https://forms.yandex.ru/u/nastavnik/\">Найти наставника<span class=\"visually-hidden\"> (форма «Учитель — учитель»)</span></a>"))
        #expect(mentees.contains("href=\"/contacts/\">Найти наставника"))
    }

    @Test func aMentorsPageShowsTheirPairsAndCases() throws {
        let site = try ConsentTests.realSiteCopy()
        try site.build(today: "2026-01-15")
        let page = try site.text("mentors/ivanova-anna/index.html")
        #expect(page.contains("<h2 id=\"mentor-pairs\">Наставнические пары и группы</h2>"))
        #expect(page.contains("Молодой специалист, учитель русского языка и литературы, первый год работы в гимназии <span class=\"status status--completed\">завершена</span>"))
        #expect(page.contains("<h2 id=\"mentor-cases\">Успешные кейсы</h2>"))
        #expect(page.contains(">Первый год в профессии: от адаптации до открытого урока</a>, 2025</li>"))
        // A mentor with neither shows neither heading.
        let orlova = try site.text("mentors/orlova-marina/index.html")
        #expect(!orlova.contains("mentor-pairs") && !orlova.contains("mentor-cases"))
    }
}
