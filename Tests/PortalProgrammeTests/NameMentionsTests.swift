import Foundation
import PortalCore
import PortalProgramme
import Testing

@Suite struct NameMentionsTests {
    @Test func aFullNameIsLookedForInTheOrdersATeacherWritesIt() {
        #expect(NameMentions.variants(of: "Иванова Анна Сергеевна") == [
            "Иванова Анна Сергеевна", "Анна Сергеевна Иванова", "Иванова А. С.", "А. С. Иванова",
        ])
        #expect(NameMentions.variants(of: "Иванова") == ["Иванова"])
    }

    /// The batched search finds exactly what searching every text for every form finds.
    @Test func searchingAllNamesAtOnceFindsWhatSearchingEachTextFinds() {
        let lines = [
            "Наставник — Иванова Анна Сергеевна, учитель.",
            "Спасибо, Анна Сергеевна Ивановой!",           // declined: not the form
            "Анна Сергеевна Ивановас",                   // the form, glued to what follows
            "Отчёт: Иванова\u{00A0}А.\u{00A0}С.",          // no-break spaces
            "Проф. ЛИванова Анна Сергеевна",             // glued before the surname
            "А. С. Иванова и П. П. Петров",
            "Петров Пётр Петрович", "петров пётр петрович",
            "Сидорова", "Её зовут Сидоровой", "ПроСидороваЯ", "Ким Ли",
            "Иванова Анна", "просто текст без имён",
        ]
        let texts = lines.enumerated().map {
            NameMentions.Text(location: SourceLocation(path: "p.md", line: $0.offset + 1), text: $0.element, inData: false)
        }
        let names = ["Иванова Анна Сергеевна", "Петров Пётр Петрович", "Сидорова", "Ким Ли", "Нет Никого"]
        let batched: [[Int?]] = NameMentions.find(names, in: texts).map { found in found.map { $0.location.line } }
        let oneByOne: [[Int?]] = names.map { name in
            let forms = NameMentions.variants(of: name)
            return texts.filter { text in
                let plain = text.text.replacingOccurrences(of: "\u{00A0}", with: " ")
                return forms.contains { plain.contains($0) }
            }.map { $0.location.line }
        }
        #expect(batched == oneByOne)
        #expect(batched[0] == [1, 3, 4, 5, 6], "a name without its patronymic is not one of the forms")
        #expect(batched[1] == [6, 7], "initials; and the case of a name counts")
        #expect(batched[2] == [9, 11], "a one-word name is found inside a word, as before")
        #expect(batched[3] == [12] && batched[4].isEmpty)
    }
}
