import Foundation
import PortalContent
import PortalCore
import PortalTemplates

/// The programme's own views over its data files, for the theme (docs/template-context.md,
/// "Derived views in data"): stages with their status, pairs with theirs, mentors by category
/// with their pairs and cases, requests by form, the monitoring charts, the home page's figures.
/// The generic part — references resolved, item addresses, HTML and image twins — is the
/// build's (`DataView` in PortalBuild), which calls this.
public enum ProgrammeData {
    /// What a page shows where a pair or case names a mentor who is not published.
    public static let withheldMentorName = "наставник (данные не публикуются)"
    /// Keys whose whole numbers the theme shows as counts (never years, ids or positions).
    public static let displayedCounts: Set<String> = [
        "count", "total", "mentors", "mentees", "pairs_total", "mentees_total", "experience_years",
    ]
    static let pairStatusRussian = ["active": "работает", "completed": "завершена"]

    public typealias Entry = [String: TemplateValue]

    /// What stands for a withheld entry of `target` where another entry names it: no name, no id.
    public static func withheldPlaceholder(in target: String) -> Entry {
        let text = target == "mentors" ? withheldMentorName : "(не опубликовано)"
        return ["name": .text(text), "title": .text(text), "published": false]
    }

    /// What an entry carries besides its fields, before other entries refer to it: a form's
    /// `apply_href` (its apply_url, a Yandex or Google Form, or the contacts page).
    public static func decorate(file: String, entry: DataEntry, value: inout Entry, config: SiteConfig) {
        guard file == "forms" else { return }
        let apply = entry.fields["apply_url"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        value["apply_href"] = .text(apply ?? config.href("/contacts/"))
        value["apply_external"] = .bool(apply != nil)
    }

    /// `data` as templates see it: every file's resolved entries, and the programme's views.
    public static func views(resolved: [String: [Entry]], byID: [String: [String: Entry]], site: Site) -> Entry {
        var data: Entry = resolved.mapValues(list)
        if let mentors = resolved["mentors"] {
            data["mentor_categories"] = .texts(distinct(mentors.compactMap { $0["category"]?.text }))
            data["mentor_subjects"] = .texts(distinct(mentors.flatMap { $0["subjects"]?.list ?? [] }.compactMap(\.text)))
        }
        var stages: [Entry] = []
        if let written = resolved["stages"] {
            let dated = datedStages(written, site: site)
            data["current_stage"] = dated.first { $0["status"]?.text == "in_progress" }.map(TemplateValue.map)
            var moment = ProgrammeViews.moment(site: site)
            if let next = moment["next_index"]?.int, next < dated.count { moment["next"] = .map(dated[next]) }
            // Only a moment to tell (before, after, between stages): an empty one would be an empty card.
            if !moment.isEmpty { data["programme_moment"] = .map(moment) }
            stages = dated.map(labelled)
        }
        let cases = resolved["cases"].map { $0.sorted { ($0["year"]?.int ?? 0) > ($1["year"]?.int ?? 0) } }
        if let cases { data["cases"] = list(cases) }
        if let mentees = resolved["mentees"] {
            data["mentees_by_form"] = menteesByForm(mentees)
            data["mentees_total"] = .int(mentees.reduce(0) { $0 + ($1["count"]?.int ?? 0) })
        }
        if let pairs = resolved["pairs"] {
            let labelled = pairs.map { pair -> Entry in
                var p = pair
                let status = pair["status"]?.text ?? ""
                p["is_active"] = .bool(status == "active")
                p["is_completed"] = .bool(status == "completed")
                p["status_ru"] = .text(pairStatusRussian[status] ?? status)
                return p
            }
            data["pairs"] = list(labelled)
            data["pairs_active"] = list(labelled.filter { $0["is_active"]?.bool == true })
            data["pairs_completed"] = list(labelled.filter { $0["is_completed"]?.bool == true })
        }
        if let mentors = resolved["mentors"] {
            let withTheirs = mentorViews(mentors, pairs: resolved["pairs"] ?? [], cases: cases ?? [])
            data["mentors"] = list(withTheirs)
            data["mentors_by_category"] = group(withTheirs, by: "category")
        }
        if resolved["stages"] != nil {
            data["stages"] = list(stages.enumerated().map { index, stage in
                var s = stage
                if index > 0 { s["prev"] = neighbour(stages[index - 1]) }
                if index + 1 < stages.count { s["next"] = neighbour(stages[index + 1]) }
                return s
            })
        }
        if let documents = resolved["documents"] {
            data["documents"] = list(documents.map { document in
                var d = document
                if let file = document["file"]?.text {
                    d["file_type"] = .text((file as NSString).pathExtension.uppercased())
                    let path = site.root.appendingPathComponent("Content").appendingPathComponent(file).path
                    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
                        d["file_size"] = .text(RussianNumber.fileSize(size))
                    }
                }
                return d
            })
        }
        if let monitoring = resolved["monitoring"] {
            // A year that does not type its pairs has them counted from pairs.yml.
            let counted = ProgrammeViews.pairsByYear(site: site)
            let years = monitoring.map { year -> Entry in
                var y = year
                if y["pairs"] == nil, let name = y["year"]?.text, let pairs = counted[name] {
                    y["pairs"] = .map(pairs.mapValues(TemplateValue.int))
                    y["pairs_counted"] = true
                }
                return y
            }
            data["monitoring"] = Charts.monitoring(years, forms: byID["forms"] ?? [:])
        }
        data["figures"] = ProgrammeViews.figures(site: site)
        return data
    }

    static func list(_ entries: [Entry]) -> TemplateValue {
        .list(entries.map(TemplateValue.map))
    }

    /// Status and period follow the stage's dates and the build's day (`stageCalendar`).
    static func datedStages(_ written: [Entry], site: Site) -> [Entry] {
        let calendar = ProgrammeViews.stageCalendar(site: site)
        return written.enumerated().map { index, stage in
            guard index < calendar.count else { return stage }
            var s = stage
            s["status"] = .text(calendar[index].status)
            if let period = calendar[index].period { s["period"] = .text(period) }
            return s
        }
    }

    /// `is_done`, `is_current`, `is_planned` and `status_ru` from a stage's status.
    static func labelled(_ stage: Entry) -> Entry {
        var s = stage
        let status = stage["status"]?.text ?? ""
        s["is_done"] = .bool(status == "done")
        s["is_current"] = .bool(status == "in_progress")
        s["is_planned"] = .bool(status == "planned")
        s["status_ru"] = .text(ProgrammeViews.statusRussian[status] ?? status)
        return s
    }

    /// Each mentor's own pairs and cases, as short summaries (no cycles back to mentors),
    /// indexed in one pass over pairs and cases.
    static func mentorViews(_ mentors: [Entry], pairs: [Entry], cases: [Entry]) -> [Entry] {
        func byMentor(_ entries: [Entry], _ summary: (Entry) -> TemplateValue) -> [String: [TemplateValue]] {
            var index: [String: [TemplateValue]] = [:]
            for entry in entries {
                for mentor in entry["mentors"]?.list ?? [] {
                    if let id = mentor["id"]?.text { index[id, default: []].append(summary(entry)) }
                }
            }
            return index
        }
        let pairsByMentor = byMentor(pairs) {
            ["id": $0["id"] ?? "", "mentee": $0["mentee"] ?? "", "status": $0["status"] ?? "",
             "is_active": .bool($0["status"]?.text == "active")]
        }
        let casesByMentor = byMentor(cases) {
            ["title": $0["title"] ?? "", "url": $0["url"] ?? "", "year": $0["year"] ?? ""]
        }
        return mentors.map { mentor in
            guard let id = mentor["id"]?.text else { return mentor }
            var m = mentor
            m["mentor_pairs"] = .list(pairsByMentor[id] ?? [])
            m["mentor_cases"] = .list(casesByMentor[id] ?? [])
            return m
        }
    }

    /// A stage as a neighbour: enough for a "previous / next stage" link.
    static func neighbour(_ stage: Entry) -> TemplateValue {
        ["title": stage["title"] ?? "", "number": stage["number"] ?? 0, "url": stage["url"] ?? "", "slug": stage["slug"] ?? ""]
    }

    static func group(_ entries: [Entry], by key: String) -> TemplateValue {
        var order: [String] = []
        var groups: [String: [Entry]] = [:]
        for entry in entries {
            let value = entry[key]?.text ?? ""
            if groups[value] == nil { order.append(value) }
            groups[value, default: []].append(entry)
        }
        return .list(order.map { ["name": .text($0), "items": list(groups[$0]!), "count": .int(groups[$0]!.count)] })
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    static func menteesByForm(_ mentees: [Entry]) -> TemplateValue {
        var order: [String] = []
        var byForm: [String: (form: TemplateValue, items: [Entry])] = [:]
        for mentee in mentees {
            let form = mentee["form"].flatMap { $0.map == nil ? nil : $0 } ?? .map([:])
            let id = form["id"]?.text ?? ""
            if byForm[id] == nil { order.append(id); byForm[id] = (form, []) }
            byForm[id]!.items.append(mentee)
        }
        return .list(order.map { id in
            let items = byForm[id]!.items
            var groups: [TemplateValue] = []
            for var group in group(items, by: "category").list ?? [] {
                let total = (group["items"]?.list ?? []).reduce(0) { $0 + ($1["count"]?.int ?? 0) }
                group["total"] = .int(total)
                groups.append(group)
            }
            return [
                "form": byForm[id]!.form,
                "categories": .list(groups),
                "total": .int(items.reduce(0) { $0 + ($1["count"]?.int ?? 0) }),
            ]
        })
    }
}
