import Foundation
import PortalContent
import PortalCore
import PortalProgramme
import PortalTemplates

/// The data files as templates see them: references replaced by the entries they name, item
/// page URLs added, and the views the programme's pages need (mentors by category, requests by
/// form, chart bars). Withheld mentors appear only as a placeholder without name or id.
enum ProgrammeData {
    static let withheldMentorName = "наставник (данные не публикуются)"
    /// Keys whose whole numbers the theme shows as counts (never years, ids or positions).
    static let displayedCounts: Set<String> = [
        "count", "total", "mentors", "mentees", "pairs_total", "mentees_total", "experience_years",
    ]

    static func make(site: Site, images: ImageTable = .none) -> [String: Any] {
        // URL of every item page, by collection and id.
        var itemURLs: [String: [String: String]] = [:]
        for page in site.pages {
            guard case .item(let collection) = page.kind, let entry = page.entry else { continue }
            let idKey = DataSchemas.all[collection]?.idKey ?? "id"
            if let id = entry[idKey]?.scalarText { itemURLs[collection, default: [:]][id] = page.url }
        }

        var resolved: [String: [[String: Any]]] = [:]
        var byID: [String: [String: [String: Any]]] = [:]
        let order = DataSchemas.resolutionOrder + site.data.keys.sorted().filter { !DataSchemas.resolutionOrder.contains($0) }
        for name in order {
            guard let file = site.data[name] else { continue }
            let schema = DataSchemas.all[name]
            var list: [[String: Any]] = []
            for entry in file.entries {
                var dict = entry.fields.mapValues(\.templateValue)
                images.addImages(to: &dict, fields: entry.fields, pathFields: pathFields(schema), config: site.config)
                if name == "forms" {
                    // Where to apply for the form: its apply_url (a Yandex or Google Form), or the contacts page.
                    let apply = entry.fields["apply_url"]?.string.flatMap { $0.isEmpty ? nil : $0 }
                    dict["apply_href"] = apply ?? site.config.href("/contacts/")
                    dict["apply_external"] = apply != nil
                }
                if let id = entry.id, let url = itemURLs[name]?[id] {
                    dict["url"] = site.config.href(url)
                    dict["permalink"] = PageSummary.permalink(url, config: site.config)
                }
                for field in schema?.record.fields ?? [] {
                    switch field.type {
                    case .markdown:
                        // `.md` links and files next to the data, as in pages (with the base path).
                        if let text = entry.fields[field.name]?.string,
                           let html = LinkResolver.dataMarkdown(text, file: file.path, site: site) {
                            dict[field.name + "_html"] = html
                        }
                    case .reference(let target):
                        if let id = entry.fields[field.name]?.string {
                            dict[field.name] = lookup(target, id, byID: byID, withheld: site.data[target]?.withheldIDs ?? [])
                        }
                    case .list(.reference(let target)):
                        let ids = entry.fields[field.name]?.list?.compactMap(\.string) ?? []
                        dict[field.name] = ids.map { lookup(target, $0, byID: byID, withheld: site.data[target]?.withheldIDs ?? []) }
                    default:
                        break
                    }
                }
                if let id = entry.id { byID[name, default: [:]][id] = dict }
                list.append(dict)
            }
            resolved[name] = list
        }

        var data: [String: Any] = resolved
        if let mentors = resolved["mentors"] {
            data["mentor_categories"] = distinct(mentors.compactMap { $0["category"] as? String })
            data["mentor_subjects"] = distinct(mentors.flatMap { $0["subjects"] as? [Any] ?? [] }.compactMap { $0 as? String })
        }
        if let written = resolved["stages"] {
            // Status and period follow the stage's dates and the build's day (PortalProgramme).
            let calendar = ProgrammeViews.stageCalendar(site: site)
            let stages = written.enumerated().map { index, stage -> [String: Any] in
                var s = stage
                guard index < calendar.count else { return s }
                s["status"] = calendar[index].status
                if let period = calendar[index].period { s["period"] = period }
                return s
            }
            data["current_stage"] = stages.first { ($0["status"] as? String) == "in_progress" }
            var moment = ProgrammeViews.moment(site: site)
            if let next = moment["next_index"] as? Int, next < stages.count { moment["next"] = stages[next] }
            // Only a moment to tell (before, after, between stages): an empty one would be an empty card.
            if !moment.isEmpty { data["programme_moment"] = moment }
            data["stages"] = stages.map { stage -> [String: Any] in
                var s = stage
                let status = stage["status"] as? String ?? ""
                s["is_done"] = status == "done"
                s["is_current"] = status == "in_progress"
                s["is_planned"] = status == "planned"
                s["status_ru"] = ["done": "завершён", "in_progress": "идёт сейчас", "planned": "запланирован"][status] ?? status
                return s
            }
        }
        if let cases = resolved["cases"] {
            data["cases"] = cases.sorted { ($0["year"] as? Int ?? 0) > ($1["year"] as? Int ?? 0) }
        }
        if let mentees = resolved["mentees"] {
            data["mentees_by_form"] = menteesByForm(mentees)
            data["mentees_total"] = mentees.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        }
        if let pairs = resolved["pairs"] {
            let labelled = pairs.map { pair -> [String: Any] in
                var p = pair
                let status = pair["status"] as? String ?? ""
                p["is_active"] = status == "active"
                p["is_completed"] = status == "completed"
                p["status_ru"] = ["active": "работает", "completed": "завершена"][status] ?? status
                return p
            }
            data["pairs"] = labelled
            data["pairs_active"] = labelled.filter { ($0["is_active"] as? Bool) == true }
            data["pairs_completed"] = labelled.filter { ($0["is_completed"] as? Bool) == true }
        }
        if var mentors = data["mentors"] as? [[String: Any]] {
            // Each mentor's own pairs and cases, as short summaries (no cycles back to mentors),
            // indexed in one pass over pairs and cases.
            func byMentor(_ entries: [[String: Any]], _ summary: ([String: Any]) -> [String: Any]) -> [String: [[String: Any]]] {
                var index: [String: [[String: Any]]] = [:]
                for entry in entries {
                    for mentor in entry["mentors"] as? [[String: Any]] ?? [] {
                        if let id = mentor["id"] as? String { index[id, default: []].append(summary(entry)) }
                    }
                }
                return index
            }
            let pairsByMentor = byMentor(resolved["pairs"] ?? []) {
                ["id": $0["id"] ?? "", "mentee": $0["mentee"] ?? "", "status": $0["status"] ?? "",
                 "is_active": ($0["status"] as? String) == "active"]
            }
            let casesByMentor = byMentor(data["cases"] as? [[String: Any]] ?? []) {
                ["title": $0["title"] ?? "", "url": $0["url"] ?? "", "year": $0["year"] ?? ""]
            }
            for i in mentors.indices {
                guard let id = mentors[i]["id"] as? String else { continue }
                mentors[i]["mentor_pairs"] = pairsByMentor[id] ?? []
                mentors[i]["mentor_cases"] = casesByMentor[id] ?? []
            }
            data["mentors"] = mentors
            data["mentors_by_category"] = group(mentors, by: "category")
        }
        if let stages = data["stages"] as? [[String: Any]] {
            data["stages"] = stages.enumerated().map { index, stage -> [String: Any] in
                var s = stage
                if index > 0 { s["prev"] = summary(stages[index - 1]) }
                if index + 1 < stages.count { s["next"] = summary(stages[index + 1]) }
                return s
            }
        }
        if let documents = resolved["documents"] {
            data["documents"] = documents.map { document -> [String: Any] in
                var d = document
                if let file = document["file"] as? String {
                    d["file_type"] = (file as NSString).pathExtension.uppercased()
                    let path = site.root.appendingPathComponent("Content").appendingPathComponent(file).path
                    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
                        d["file_size"] = RussianNumber.fileSize(size)
                    }
                }
                return d
            }
        }
        if let monitoring = resolved["monitoring"] {
            // A year that does not type its pairs has them counted from pairs.yml.
            let counted = ProgrammeViews.pairsByYear(site: site)
            let years = monitoring.map { year -> [String: Any] in
                var y = year
                if y["pairs"] == nil, let name = y["year"] as? String, let pairs = counted[name] {
                    y["pairs"] = pairs
                    y["pairs_counted"] = true
                }
                return y
            }
            data["monitoring"] = Charts.monitoring(years, forms: byID["forms"] ?? [:])
        }
        data["figures"] = ProgrammeViews.figures(site: site)
        data["reports"] = ReportFiles.templateValues(site: site)
        // Counts as a Russian reader writes them (1 250), once nothing here computes with them.
        return DisplayNumber.counts(in: data, keys: displayedCounts) as? [String: Any] ?? data
    }

    /// The keys of a schema that name files (a photo, a cover, a document); `photo` for data
    /// files without a schema.
    static func pathFields(_ schema: FileSchema?) -> [String] {
        guard let schema else { return ["photo"] }
        return schema.record.fields.compactMap { field in
            if case .path = field.type { return field.name } else { return nil }
        }
    }

    private static func lookup(_ target: String, _ id: String, byID: [String: [String: [String: Any]]],
                               withheld: Set<String>) -> [String: Any] {
        if withheld.contains(id) {
            let text = target == "mentors" ? withheldMentorName : "(не опубликовано)"
            return ["name": text, "title": text, "published": false]
        }
        var entry = byID[target]?[id] ?? ["id": id]
        entry["published"] = true
        return entry
    }

    /// A stage as a neighbour: enough for a "previous / next stage" link.
    static func summary(_ stage: [String: Any]) -> [String: Any] {
        ["title": stage["title"] ?? "", "number": stage["number"] ?? 0, "url": stage["url"] ?? "", "slug": stage["slug"] ?? ""]
    }

    static func group(_ entries: [[String: Any]], by key: String) -> [[String: Any]] {
        var order: [String] = []
        var groups: [String: [[String: Any]]] = [:]
        for entry in entries {
            let value = entry[key] as? String ?? ""
            if groups[value] == nil { order.append(value) }
            groups[value, default: []].append(entry)
        }
        return order.map { ["name": $0, "items": groups[$0]!, "count": groups[$0]!.count] }
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    static func menteesByForm(_ mentees: [[String: Any]]) -> [[String: Any]] {
        var order: [String] = []
        var byForm: [String: (form: Any, items: [[String: Any]])] = [:]
        for mentee in mentees {
            let form = mentee["form"] as? [String: Any] ?? [:]
            let id = form["id"] as? String ?? ""
            if byForm[id] == nil { order.append(id); byForm[id] = (form, []) }
            byForm[id]!.items.append(mentee)
        }
        return order.map { id in
            let items = byForm[id]!.items
            return [
                "form": byForm[id]!.form,
                "categories": group(items, by: "category").map { group -> [String: Any] in
                    var g = group
                    g["total"] = (group["items"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
                    return g
                },
                "total": items.reduce(0) { $0 + ($1["count"] as? Int ?? 0) },
            ]
        }
    }
}
