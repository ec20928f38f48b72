import Foundation
import PortalContent
import PortalCore

/// `portal new`: a new page, news post, success case or mentor with its front matter or data
/// entry filled in. Pages and posts are PortalContent's `Scaffold`; a case or a mentor is
/// appended to its data file as text, so the file's comments and layout stay as the teacher
/// wrote them. Nothing is ever overwritten.
public enum ProgrammeScaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case page, news, `case`, mentor
    }

    /// Creates the item and returns the path written, relative to the root.
    public static func create(_ kind: Kind, title: String, root: URL, section: String? = nil,
                              today: SimpleDate = .today) throws(Diagnostic) -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let slug = try Scaffold.slug(title)
        let quoted = Scaffold.quoted
        switch kind {
        case .page:
            return try Scaffold.page(title: title, slug: slug, root: root, section: section)
        case .news:
            return try Scaffold.post(title: title, slug: slug, root: root, today: today)
        case .case:
            let form = Scaffold.firstID(in: root.appendingPathComponent("Content/data/forms.yml")) ?? "teacher-teacher"
            return try Scaffold.append(to: "Content/data/cases.yml", id: slug, root: root, entry: """
            - id: \(slug)
              title: \(quoted(title))
              year: \(today.year)
              form: \(form)
              mentors: []        # id наставников из mentors.yml
              summary: \(quoted("Кратко: что сделала наставническая пара или группа"))
              result: |
                Опишите результат работы пары или группы.
              draft: true        # уберите, когда кейс готов к публикации

            """)
        case .mentor:
            let words = title.split(separator: " ")
            let id = Scaffold.slugIfAny(words.prefix(2).joined(separator: " ")) ?? slug
            let form = Scaffold.firstID(in: root.appendingPathComponent("Content/data/forms.yml")) ?? "teacher-teacher"
            let category = category(in: root.appendingPathComponent("Content/data/mentors.yml"))
            return try Scaffold.append(to: "Content/data/mentors.yml", id: id, root: root, entry: """
            - id: \(id)
              name: \(quoted(title))
              position: \(quoted("должность"))
              category: \(quoted(category))
              forms: [\(form)]
              subjects: []
              experience_years: 0
              competencies: []
              about: |
                Несколько слов о наставнике.
              consent: false     # true только после письменного согласия на обработку персональных данных
              # consent_date: 2025-09-01                # дата подписанного согласия
              # consent_document: "согласие № 1 от 01.09.2025"  # реквизиты согласия (их покажет portal audit)

            """)
        }
    }

    /// The category a new mentor gets, spelt as the mentors already there spell it: «Педагог»
    /// beside «Педагог», not a second group «педагог»; a file without teachers gives its first
    /// category's casing to the word.
    static func category(in url: URL) -> String {
        let word = "педагог"
        let categories = Scaffold.values(of: "category", in: url)
        if let same = categories.first(where: { $0.lowercased() == word }) { return same }
        if let first = categories.first?.first, first.isUppercase { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }
}
